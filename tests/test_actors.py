"""Actor knowledge base and resolver: composition, metonyms, aliases, dated roles, overrides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gestae.actors import ActorDataError, ActorResolver
from gestae.actors.kb import load_kb
from gestae.model import Actor

DAY = dt.date(2020, 1, 10)






def actors(nlp, resolver: ActorResolver, text: str, date: dt.date | None = DAY) -> list[Actor]:
    return resolver.extract(nlp(text), date)


def find(found: list[Actor], text: str) -> Actor:
    for actor in found:
        if actor.text == text:
            return actor
    raise AssertionError(f"{text!r} not among {[a.text for a in found]}")


def phrase(resolver: ActorResolver, words: str, date: dt.date | None = DAY) -> Actor | None:
    text = f"Yesterday {words} were mentioned."
    start = text.index(words)
    return resolver.resolve(text, start, start + len(words), date)


# ----------------------------------------------------------------- data


def test_every_pycountry_country_is_present(resolver: ActorResolver) -> None:
    import pycountry

    ids = set(resolver.kb.entries)
    assert {f"country/{c.alpha_3}" for c in pycountry.countries} <= ids
    assert "country/XKX" in ids  # Kosovo, not in ISO 3166 but a state for PLOVER
    iraq = resolver.kb.get("country/IRQ")
    assert "Iraqi" in iraq.phrases["demonym"] and "Baghdad" in iraq.phrases["capital"]
    # dependencies are folded into their controlling state, as PLOVER asks
    assert resolver.kb.get("country/PRI").country == "USA"


def test_sector_codes_in_data_are_plover_codes(resolver: ActorResolver) -> None:
    plover = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR",
              "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL",
              "SOC"}
    for entry in resolver.kb.entries.values():
        for code in (entry.sector, *entry.sectors, *(t.sector for t in entry.terms)):
            assert code is None or code in plover, entry.id


def test_ids_are_stable_slugs(resolver: ActorResolver) -> None:
    kb = resolver.kb
    assert "person/qassem-soleimani" in kb.entries
    assert "org/kataib-hezbollah" in kb.entries
    assert "country/IRQ" in kb.entries
    people = [e for e in kb.entries.values() if e.type == "person"]
    assert len(people) >= 40


def test_knowledge_base_is_cached_per_process() -> None:
    assert ActorResolver().kb is ActorResolver().kb


# ----------------------------------------------------------------- composition


@pytest.mark.parametrize(("text", "mention", "country", "sector"), [
    ("Iraqi security forces fired tear gas at the crowd.", "Iraqi security forces", "IRQ", "COP"),
    ("Turkish troops crossed the border on Monday.", "Turkish troops", "TUR", "MIL"),
    ("Iran's foreign ministry summoned the envoy.", "Iran's foreign ministry", "IRN", "GOV"),
    ("British lawmakers debated the bill.", "British lawmakers", "GBR", "LEG"),
    ("Egyptian police detained dozens.", "Egyptian police", "EGY", "COP"),
    ("A Russian court sentenced him.", "A Russian court", "RUS", "JUD"),
])
def test_demonym_or_country_plus_role(nlp, resolver, text, mention, country, sector) -> None:
    actor = find(actors(nlp, resolver, text), mention)
    assert (actor.country, actor.sector, actor.inferred) == (country, sector, False)


def test_security_forces_are_police_and_military(nlp, resolver) -> None:
    actor = find(actors(nlp, resolver, "Iraqi security forces opened fire."),
                 "Iraqi security forces")
    assert actor.sector == "COP" and "MIL" in actor.sectors
    assert actor.kind == "group" and actor.id == "role/security-forces/IRQ"


def test_prepositional_phrase_gives_country(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Shiite lawmakers in the Iraqi parliament voted on Sunday.")
    actor = find(found, "Shiite lawmakers in the Iraqi parliament")
    assert (actor.country, actor.sector) == ("IRQ", "LEG")
    assert len(found) == 1  # the parliament is part of the mention, not a second actor


def test_embassy_keeps_its_owner_not_its_location(nlp, resolver) -> None:
    actor = find(actors(nlp, resolver, "Protesters stormed the US embassy in Baghdad."),
                 "the US embassy in Baghdad")
    assert (actor.country, actor.sector) == ("USA", "GOV")


def test_relational_roles_take_the_sector_of_what_they_belong_to(nlp, resolver) -> None:
    found = actors(nlp, resolver, "An army commander and a Hamas official spoke to reporters.")
    assert find(found, "An army commander").sector == "MIL"
    hamas = find(found, "a Hamas official")
    assert (hamas.country, hamas.sector, hamas.id) == ("PSE", "REB", "org/hamas")


def test_alignment_is_not_ownership(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Iran-backed militias fired rockets. Iran's proxy militia "
                                  "denied it.")
    for mention in ("Iran-backed militias", "Iran's proxy militia"):
        actor = find(found, mention)
        assert actor.country is None and actor.sector == "PRM"
        assert actor.aligned == "IRN" and "Iran" not in (actor.name or "")


def test_markers_change_the_sector(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Anti-government militias attacked. Former officials "
                                  "protested. An unidentified drone struck a car.")
    assert find(found, "Anti-government militias").sector == "REB"
    assert find(found, "An unidentified drone").sector == "UAF"


# ----------------------------------------------------------------- names and metonyms


def test_capital_metonym_is_the_government(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Tehran warned that it would respond.")
    actor = find(found, "Tehran")
    assert (actor.country, actor.sector, actor.kind) == ("IRN", "GOV", "state")


def test_capital_or_country_as_a_location_is_not_an_actor(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Thousands gathered in Tehran and in Iraq near Baghdad "
                                  "airport. Strikes hit targets in Iraq and Syria.")
    assert not [a for a in found if a.country in ("IRN", "IRQ", "SYR")]


@pytest.mark.parametrize(("text", "mention", "country", "sector"), [
    ("The Pentagon said the strike was defensive.", "The Pentagon", "USA", "MIL"),
    ("The Kremlin denied the report.", "The Kremlin", "RUS", "GOV"),
    ("The White House said talks would go on.", "The White House", "USA", "GOV"),
    ("Downing Street declined to comment.", "Downing Street", "GBR", "GOV"),
])
def test_institutional_metonyms(nlp, resolver, text, mention, country, sector) -> None:
    actor = find(actors(nlp, resolver, text), mention)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize("spelling", ["Kataib Hizbollah", "Kata'ib Hezbollah", "Kataib Hezbollah",
                                      "Kata’ib Hizballah", "Katayib Hezbollah"])
def test_transliteration_variants(nlp, resolver, spelling) -> None:
    found = actors(nlp, resolver, f"{spelling} denied any role in the attack.")
    actor = find(found, spelling)
    assert (actor.id, actor.country, actor.sector) == ("org/kataib-hezbollah", "IRQ", "PRM")


@pytest.mark.parametrize(("spelling", "ident"), [
    ("al-Hashd al-Sha'abi", "org/pmf"), ("Popular Mobilisation Forces", "org/pmf"),
    ("Daesh", "org/islamic-state"), ("ISIL", "org/islamic-state"),
    ("Hizbullah", "org/hezbollah"), ("Suleimani", "person/qassem-soleimani"),
])
def test_aliases(nlp, resolver, spelling, ident) -> None:
    actor = find(actors(nlp, resolver, f"Officials said {spelling} was blamed."), spelling)
    assert actor.id == ident


def test_transnational_and_international_codes(nlp, resolver) -> None:
    found = actors(nlp, resolver, "The Islamic State, NATO, the UN Security Council and "
                                  "Amnesty International issued statements.")
    assert find(found, "The Islamic State").code == "IMG"
    assert find(found, "NATO").code == "IGO"
    assert find(found, "the UN Security Council").code == "UNO"
    assert find(found, "Amnesty International").code == "NGO"
    assert all(a.country is None for a in found)


def test_acronyms_need_capitals(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Let us see what the US does.")
    assert [a.text for a in found] == ["the US"]


# ----------------------------------------------------------------- time-bounded roles


@pytest.mark.parametrize(("date", "sector"), [
    (dt.date(2019, 6, 1), "GOV"), (dt.date(2022, 6, 1), "ELI"), (dt.date(2025, 6, 1), "GOV"),
    (dt.date(2010, 1, 1), "BUS"), (None, "GOV"),
])
def test_trump_by_date(nlp, resolver, date, sector) -> None:
    actor = find(actors(nlp, resolver, "Trump said the strike was justified.", date), "Trump")
    assert (actor.country, actor.sector, actor.kind) == ("USA", sector, "person")


def test_term_boundaries_are_start_inclusive_end_exclusive(resolver) -> None:
    inauguration = dt.date(2021, 1, 20)
    assert resolver.code_entry("person/joe-biden", inauguration).sector == "GOV"
    assert resolver.code_entry("person/donald-trump", inauguration).sector == "ELI"


def test_prime_minister_with_title(nlp, resolver) -> None:
    text = "Iraqi Prime Minister Adel Abdul Mahdi resigned."
    now = find(actors(nlp, resolver, text, dt.date(2019, 12, 1)),
               "Iraqi Prime Minister Adel Abdul Mahdi")
    assert (now.id, now.country, now.sector) == ("person/adel-abdul-mahdi", "IRQ", "GOV")
    later = find(actors(nlp, resolver, text, dt.date(2021, 1, 1)),
                 "Iraqi Prime Minister Adel Abdul Mahdi")
    assert later.sector == "ELI"


def test_organisation_roles_change_with_time(resolver) -> None:
    assert resolver.code_entry("org/taliban", dt.date(2019, 1, 1)).sector == "REB"
    assert resolver.code_entry("org/taliban", dt.date(2022, 1, 1)).sector == "GOV"


def test_unknown_person_with_title_is_coded_by_the_title(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Lebanese President Michel Aoun met the envoy.")
    actor = find(found, "Lebanese President Michel Aoun")
    assert (actor.country, actor.sector, actor.kind, actor.name) == (
        "LBN", "GOV", "person", "Michel Aoun")


# ----------------------------------------------------------------- resolve and context


@pytest.mark.parametrize("words", ["the rockets", "the talks", "the economy", "a long statement"])
def test_non_actors_resolve_to_none(resolver, words) -> None:
    assert phrase(resolver, words) is None


@pytest.mark.parametrize(("words", "country", "sector"), [
    ("unknown gunmen", None, "UAF"), ("the Iraqi security forces", "IRQ", "COP"),
    ("the head of the PMF", "IRQ", "PRM"), ("Tehran", "IRN", "GOV"),
    ("Kataib Hizbollah fighters", "IRQ", "PRM"),
])
def test_resolve_codes_phrases(resolver, words, country, sector) -> None:
    actor = phrase(resolver, words)
    assert actor is not None and (actor.country, actor.sector) == (country, sector)
    assert actor.text == words and actor.inferred is False


def test_resolve_reuses_the_parsed_document(nlp, resolver) -> None:
    text = "Masked gunmen shot two activists in Basra."
    resolver.extract(nlp(text), DAY)
    actor = resolver.resolve(text, 0, len("Masked gunmen"), DAY)
    assert actor is not None and actor.sector == "UAF"
    assert (actor.start, actor.end) == (0, len("Masked gunmen"))


def test_bare_police_takes_the_context_country(nlp, resolver) -> None:
    police = find(actors(nlp, resolver, "Police arrested three students."), "Police")
    assert police.country is None and police.sector == "COP"
    local = resolver.infer_context(police, "IRQ")
    assert (local.country, local.sector, local.inferred) == ("IRQ", "COP", True)
    assert police.country is None and local is not police  # a new Actor


def test_infer_context_leaves_coded_and_unknown_actors_alone(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Turkish troops and unknown gunmen clashed.")
    for actor in found:
        assert resolver.infer_context(actor, "SYR").country == actor.country
        assert resolver.infer_context(actor, "SYR").inferred is False


def test_unknown_gunmen_are_unidentified_armed_forces(nlp, resolver) -> None:
    actor = find(actors(nlp, resolver, "Unknown gunmen killed a journalist."), "Unknown gunmen")
    assert (actor.sector, actor.country) == ("UAF", None)


# ----------------------------------------------------------------- user files


def test_user_file_overrides_and_adds(nlp, tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "organisations:\n"
        "- id: org/kataib-hezbollah\n"
        "  sector: REB\n"
        "- id: org/saraya-awliya-al-dam\n"
        "  name: Saraya Awliya al-Dam\n"
        "  aliases: [Awliya al-Dam]\n"
        "  country: IRQ\n"
        "  sector: PRM\n"
        "roles:\n"
        "- id: role/police\n"
        "  remove: true\n", encoding="utf-8")
    custom = ActorResolver([extra])
    found = custom.extract(nlp("Kataib Hezbollah and Saraya Awliya al-Dam fired rockets while "
                               "police watched."), DAY)
    kh = find(found, "Kataib Hezbollah")
    assert (kh.sector, kh.country) == ("REB", "IRQ")  # overridden field, others kept
    assert find(found, "Saraya Awliya al-Dam").id == "org/saraya-awliya-al-dam"
    assert "police" not in [a.text for a in found]
    # the built-in resolver is untouched
    assert ActorResolver().kb.get("org/kataib-hezbollah").sector == "PRM"


def test_environment_variable_adds_files(nlp, tmp_path: Path, monkeypatch) -> None:
    extra = tmp_path / "env.yaml"
    extra.write_text("people:\n- id: person/jane-roe\n  name: Jane Roe\n  aliases: [Roe]\n"
                     "  country: IRQ\n  sector: JRN\n", encoding="utf-8")
    monkeypatch.setenv("GESTAE_ACTORS", str(extra))
    actor = find(ActorResolver().extract(nlp("Roe reported the clashes."), DAY), "Roe")
    assert (actor.id, actor.sector) == ("person/jane-roe", "JRN")


def test_bad_user_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("roles:\n- terms: [rangers]\n  sector: XYZ\n", encoding="utf-8")
    with pytest.raises(ActorDataError, match="XYZ"):
        load_kb([bad])
    with pytest.raises(ActorDataError, match="not found"):
        load_kb([tmp_path / "missing.yaml"])


# ----------------------------------------------------------------- aligned / located


def test_aligned_and_located_are_fields_not_names(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Iran's proxy militia in Iraq fired rockets at the US "
                                  "embassy in Baghdad.")
    proxy = find(found, "Iran's proxy militia in Iraq")
    assert (proxy.country, proxy.aligned, proxy.located) == ("IRQ", "IRN", "IRQ")
    assert proxy.name is not None and "aligned" not in proxy.name
    embassy = find(found, "the US embassy in Baghdad")
    assert (embassy.country, embassy.sector, embassy.located) == ("USA", "GOV", "IRQ")
    assert embassy.aligned is None


def test_alignment_from_the_knowledge_base(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Kata'ib Hezbollah fighters and the Taliban clashed.")
    kh = find(found, "Kata'ib Hezbollah fighters")
    assert (kh.country, kh.aligned) == ("IRQ", "IRN")
    assert find(found, "the Taliban").aligned is None


def test_located_only_when_based_outside_its_country(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Police in Baghdad arrested protesters. British troops in "
                                  "Iraq withdrew.")
    police = find(found, "Police in Baghdad")
    assert (police.country, police.located) == ("IRQ", None)
    troops = find(found, "British troops in Iraq")
    assert (troops.country, troops.located) == ("GBR", "IRQ")
