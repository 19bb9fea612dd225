"""Normalisation: cleaner text for the parser, and offsets that always map back exactly."""

from __future__ import annotations

import random
import re

import pytest

from gestae.ingest import is_all_caps, normalize, truecase

WORDS = re.findall(
    r"\w+",
    "the army said rebels attacked convoy near border town killing soldiers while "
    "negotiations between government and opposition leaders continued despite protests "
    "demonstrators gathered outside parliament demanding elections police arrested dozens "
    "humanitarian agencies warned about shortages displacement continued across provinces",
)


def _wrap(words: list[str], width: int, rng: random.Random) -> str:
    """Hard-wrap ``words`` at ``width``, sometimes hyphenating a word across the break."""
    lines: list[str] = []
    line = ""
    for word in words:
        sep = rng.choice([" ", " ", " ", "  ", "\t", "\u00a0"]) if line else ""
        if len(line) + len(sep) + len(word) <= width:
            line += sep + word
            continue
        room = width - len(line) - 2
        if len(word) >= 8 and room >= 3 and rng.random() < 0.6:
            cut = rng.randint(3, min(room, len(word) - 3))
            lines.append(line + " " + word[:cut] + "-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
        if rng.random() < 0.2:
            lines[-1] += " "  # trailing space before the break
    lines.append(line)
    return rng.choice(["\n", "\r\n"]).join(lines)


def _story(rng: random.Random) -> tuple[str, list[list[str]]]:
    paragraphs = [[rng.choice(WORDS) for _ in range(rng.randint(25, 60))] for _ in range(3)]
    text = "\n\n   ".join(_wrap(p, 60, rng) for p in paragraphs)
    return text, paragraphs


def test_clean_text_is_identity_and_cheap() -> None:
    text = "Police fired on protesters in Nasiriyah.\n\nThree people died."
    norm = normalize(text)
    assert norm.text is text
    assert not norm.changed
    assert norm.to_original(5, 10) == (5, 10)


@pytest.mark.parametrize("seed", range(12))
def test_random_wrapping_round_trips(seed: int) -> None:
    rng = random.Random(seed)
    text, paragraphs = _story(rng)
    norm = normalize(text)
    assert norm.text == "\n\n".join(" ".join(p) for p in paragraphs)
    # every word maps back to exactly its surface in the original
    pos = 0
    for word in (w for p in paragraphs for w in p):
        pos = norm.text.index(word, pos)
        a, b = norm.to_original(pos, pos + len(word))
        surface = text[a:b]
        assert re.sub(r"-[ \t]*\r?\n", "", surface) == word
        pos += len(word)
    # every letter maps to the same letter, and starts never go backwards
    last = -1
    for i, ch in enumerate(norm.text):
        a, b = norm.to_original(i, i + 1)
        assert a >= last
        last = a
        if ch.isalpha():
            assert text[a:b] == ch


def test_whole_text_span_and_empty_spans() -> None:
    text = "  \tA\u00a0quick\u200b note.\r\n"
    norm = normalize(text)
    assert norm.text == "A quick note."
    assert text[slice(*norm.to_original(0, len(norm.text)))] == "A\u00a0quick\u200b note."
    assert norm.to_original(2, 2) == (5, 5)
    assert norm.to_original(len(norm.text), len(norm.text))[0] <= len(text)
    with pytest.raises(IndexError):
        norm.to_original(0, len(norm.text) + 1)


def test_odd_whitespace_and_controls() -> None:
    text = "Troops\tentered\u00a0the\u2009town\x07 at\u200b dawn.\r\n\r\n\r\nResidents fled."
    norm = normalize(text)
    assert norm.text == "Troops entered the town at dawn.\n\nResidents fled."
    i = norm.text.index("Residents")
    assert text[slice(*norm.to_original(i, i + 9))] == "Residents"


def test_soft_hyphen_inside_word_is_removed() -> None:
    text = "The nego\u00adtiations resumed on Monday in the capital city."
    norm = normalize(text)
    assert "negotiations" in norm.text
    i = norm.text.index("negotiations")
    assert text[slice(*norm.to_original(i, i + 12))] == "nego\u00adtiations"


def test_real_hyphens_survive_line_joining() -> None:
    text = (
        "The opposition accused a self-\nstyled commander of leading the\n"
        "attack, while pro-\nKremlin media blamed foreign fighters for the nego-\n"
        "tiations collapsing after the weekend.\n"
    )
    norm = normalize(text)
    assert "self-styled" in norm.text
    assert "pro-Kremlin" in norm.text
    assert "negotiations" in norm.text
    assert "\n" not in norm.text


def test_headline_and_list_lines_keep_their_break() -> None:
    text = (
        "Clashes in the north\n"
        "Government troops and rebels fought for a second day near the town of\n"
        "Kidal, officials said, and the fighting forced hundreds of families to\n"
        "leave their homes for camps further south along the main road.\n"
        "- one item of a list that follows the paragraph above it\n"
    )
    norm = normalize(text)
    assert norm.text.startswith("Clashes in the north\nGovernment troops")
    assert "town of Kidal" in norm.text
    assert "road.\n- one item" in norm.text


def test_unwrapped_paragraph_lines_are_kept() -> None:
    para = "Officials said the talks would resume next week in the capital. " * 5
    text = f"{para}\n{para}\n{para}"
    norm = normalize(text)
    assert norm.text.count("\n") == 2


WIRE = (
    "BOGOTA, 7 JAN 90 (EFE) -- [TEXT] POLICE SAID THAT GUERRILLAS OF THE NATIONAL\n"
    "LIBERATION ARMY [ELN] ATTACKED A PATROL IN MEDELLIN ON FRIDAY, KILLING THREE\n"
    "SOLDIERS.  THE COLOMBIAN ARMY TOLD US THAT THE ATTACKERS MAY HAVE FLED TOWARD\n"
    "VENEZUELA.\n\n"
    "   GENERAL MAZA MARQUEZ SAID THE US EMBASSY IN BOGOTA HAD BEEN WARNED ON 5 MAY\n"
    "ABOUT SUCH ATTACKS.  THE UN AND THE EUROPEAN UNION CONDEMNED THE VIOLENCE.\n"
)


def test_all_caps_detection() -> None:
    assert is_all_caps(WIRE)
    assert not is_all_caps("BAGHDAD (Reuters) - Three people were killed on Sunday, police said.")
    assert not is_all_caps("SHORT CAPS HEADLINE")  # too few letters to judge


def test_wire_story_is_truecased() -> None:
    norm = normalize(WIRE)
    assert norm.truecased
    text = norm.text
    for name in ("Bogota", "Medellin", "Venezuela", "EFE", "ELN", "UN", "European Union",
                 "Colombian", "Friday", "May", "Jan"):
        assert re.search(rf"\b{re.escape(name)}\b", text), name
    assert "Police said that guerrillas" in text  # sentence start
    assert "told us that" in text  # the pronoun is not the country
    assert "may have fled" in text  # the modal verb is not the month
    assert "the US embassy" in text
    assert "Maza" in text and "Marquez" in text  # not English words: likely names


def test_wire_entity_surfaces_map_back_exactly() -> None:
    norm = normalize(WIRE)
    for surface in ("Bogota", "Medellin", "Venezuela", "EFE", "Maza Marquez",
                    "European Union", "5 May", "Friday"):
        start = norm.text.index(surface)
        a, b = norm.to_original(start, start + len(surface))
        original = WIRE[a:b]
        assert re.sub(r"\s+", " ", original) == surface.upper()


def test_truecase_keeps_length() -> None:
    text = "İSTANBUL POLİS SAID THE ÇANAKKALE OFFICE WAS CLOSED ON MONDAY AFTER PROTESTS."
    assert len(truecase(text)) == len(text)
