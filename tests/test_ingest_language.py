"""Language identification: English news passes, other languages are caught, and short or
ALL-CAPS English is not rejected."""

from __future__ import annotations

import pytest

from gestae.ingest.language import detect_language, is_english

ENGLISH = (
    "Three demonstrators were shot dead and dozens wounded when security forces opened fire "
    "on a march in the southern city on Sunday, a police officer told reporters."
)
OTHER = {
    "fr": "Trois manifestants ont été tués dimanche lorsque les forces de sécurité ont ouvert "
          "le feu sur un cortège dans le sud du pays, selon un responsable de la police.",
    "es": "Tres manifestantes murieron el domingo cuando las fuerzas de seguridad abrieron "
          "fuego contra una marcha en el sur del país, según un oficial de la policía.",
    "de": "Drei Demonstranten wurden am Sonntag getötet, als Sicherheitskräfte im Süden des "
          "Landes das Feuer auf einen Protestzug eröffneten, sagte ein Polizeibeamter.",
    "ar": "قتل ثلاثة متظاهرين يوم الأحد عندما فتحت قوات الأمن النار على مسيرة في جنوب البلاد",
}


def test_english_news_is_detected_with_high_probability() -> None:
    code, prob = detect_language(ENGLISH)
    assert code == "en"
    assert 0.8 < prob <= 1.0
    assert is_english(ENGLISH)


@pytest.mark.parametrize("code", sorted(OTHER))
def test_other_languages_are_detected_and_rejected(code: str) -> None:
    found, prob = detect_language(OTHER[code])
    assert found == code
    assert 0.5 < prob <= 1.0
    assert not is_english(OTHER[code])


def test_all_caps_wire_copy_is_english() -> None:
    wire = "BOGOTA, 7 JAN 90 (EFE) -- " + ENGLISH.upper()
    assert detect_language(wire)[0] == "en"
    assert is_english(wire)


@pytest.mark.parametrize("headline", [
    "Police fire on protesters",
    "Iraq: protests continue",
    "Obama meets Merkel in Berlin",
    "BAGHDAD (Reuters) -",
    "GUNMEN KILL 5 IN KUNDUZ",
])
def test_short_english_headlines_are_not_rejected(headline: str) -> None:
    assert is_english(headline)


def test_short_text_in_another_script_is_rejected() -> None:
    assert not is_english("احتجاجات في بغداد")
    assert not is_english("Протесты в Москве")


def test_text_without_letters_is_undetermined_but_let_through() -> None:
    assert detect_language("  12 345 -- 2020 ") == ("und", 0.0)
    assert is_english("")


def test_only_the_start_of_a_long_text_is_classified() -> None:
    long = ENGLISH * 13 + OTHER["fr"] * 200
    assert len(ENGLISH * 13) > 2000
    assert detect_language(long)[0] == "en"


def test_english_report_quoting_another_language_is_english() -> None:
    quoting = ENGLISH + " " + ENGLISH + ' The mayor said: "Nous ne céderons pas."'
    assert is_english(quoting)
