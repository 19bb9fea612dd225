"""Actor mention boundaries, NER corrections, composition, bad data files and explanations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gestae.actors import ActorDataError, ActorResolver
from gestae.actors.explain import list_entries, lookup
from gestae.actors.kb import Entry, load_kb
from gestae.model import Actor

DAY = dt.date(2020, 1, 10)






def actors(nlp, resolver: ActorResolver, text: str, date: dt.date | None = DAY) -> list[Actor]:
    return resolver.extract(nlp(text), date)


def texts(found: list[Actor]) -> list[str]:
    return [a.text for a in found]


def find(found: list[Actor], text: str) -> Actor:
    for actor in found:
        if actor.text == text:
            return actor
    raise AssertionError(f"{text!r} not among {texts(found)}")


# ----------------------------------------------------------------- mention boundaries


@pytest.mark.parametrize(("text", "mention"), [
    ("The Taliban attacked a checkpoint.", "The Taliban"),
    ("Officials said a Hamas commander was killed.", "a Hamas commander"),
    ("The French government condemned the raid.", "The French government"),
    ("A prominent Venezuelan opposition leader was detained.",
     "A prominent Venezuelan opposition leader"),
])
def test_a_mention_is_the_whole_noun_phrase_with_its_article(nlp, resolver, text,
                                                              mention) -> None:
    assert mention in texts(actors(nlp, resolver, text))


def test_numbers_and_name_modifiers_take_no_article(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Three Turkish soldiers were wounded.")
    assert "Turkish soldiers" in texts(found)
    found = actors(nlp, resolver, "Jets struck an ISIS weapons depot.")
    assert "an ISIS" not in texts(found)


def test_a_verb_is_not_a_role_noun(nlp, resolver) -> None:
    found = actors(nlp, resolver, "They urged Moscow to press the regime to stop.")
    assert "press" not in texts(found)


# ----------------------------------------------------------------- NER corrections


def test_places_the_ner_calls_people_or_groups_are_not_actors(nlp, resolver) -> None:
    text = ("Protesters gathered in Diwaniya and Hilla on Friday. Near Palmyra, one strike "
            "destroyed a truck. Fighters fled from Raqqah.")
    doc = nlp(text)
    before = [(e.start, e.end, e.label_) for e in doc.ents]
    found = resolver.extract(doc, DAY)
    names = " ".join(texts(found))
    for place in ("Diwaniya", "Hilla", "Palmyra", "Raqqah"):
        assert place not in names
    assert [(e.start, e.end, e.label_) for e in doc.ents] == before  # doc left untouched


def test_ships_and_weapons_are_not_actors(nlp, resolver) -> None:
    found = actors(nlp, resolver, "USS Mahan and HMS Ocean sailed as a VBIED exploded.")
    assert not [a for a in found if "Mahan" in a.text or "Ocean" in a.text or
                "VBIED" in a.text]


def test_an_unknown_name_stays_an_actor(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Ahmed Rashid Karim said the talks had failed.")
    assert any("Karim" in a.text and a.kind == "person" for a in found)


def test_military_ranks_are_titles(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Brig. Gen. Jane Roe said the strike was lawful.")
    roe = next(a for a in found if "Roe" in a.text)
    assert roe.text.startswith("Brig.") and roe.kind == "person" and roe.sector == "MIL"


def test_honorifics_and_office_titles_belong_to_the_person(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Mr. Karim Abdullah met Defence Secretary Jane Roe.")
    karim = find(found, "Mr. Karim Abdullah")
    assert karim.kind == "person" and karim.sector is None
    roe = find(found, "Defence Secretary Jane Roe")
    assert roe.kind == "person" and roe.sector == "GOV" and "MIL" in roe.sectors


def test_a_capital_after_a_travel_verb_is_a_place(nlp, resolver) -> None:
    found = actors(nlp, resolver, "The envoy visited Baghdad. Iraq invaded Kuwait in 1990.")
    assert "Baghdad" not in texts(found)
    assert {"Iraq", "Kuwait"} <= set(texts(found))  # the invaded state is an actor


# ----------------------------------------------------------------- composition


def test_proxy_militia_in_a_country_is_based_there_and_aligned_elsewhere(nlp,
                                                                       resolver) -> None:
    found = actors(nlp, resolver, "Iran's proxy militia in Iraq fired rockets at the base.")
    actor = find(found, "Iran's proxy militia in Iraq")
    assert (actor.country, actor.sector) == ("IRQ", "PRM")
    assert (actor.aligned, actor.located) == ("IRN", "IRQ")


def test_embassy_in_a_capital_belongs_to_its_state(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Crowds besieged the British embassy in Tehran.")
    actor = find(found, "the British embassy in Tehran")
    assert (actor.country, actor.sector) == ("GBR", "GOV")


def test_lawmakers_in_a_parliament_take_its_country(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Kurdish lawmakers in the Turkish parliament walked out.")
    actor = find(found, "Kurdish lawmakers in the Turkish parliament")
    assert (actor.country, actor.sector) == ("TUR", "LEG")


def test_bare_security_forces_take_the_country_of_the_context(nlp, resolver) -> None:
    found = actors(nlp, resolver, "Security forces fired on the crowd.")
    bare = find(found, "Security forces")
    assert bare.country is None and bare.inferred is False
    local = resolver.infer_context(bare, "IRQ")
    assert (local.country, local.sector, local.inferred) == ("IRQ", "COP", True)
    assert "MIL" in local.sectors and local.id == "role/security-forces/IRQ"


@pytest.mark.parametrize(("words", "country"), [
    ("a Georgian cargo plane", "GEO"), ("Syria's oil fields", "SYR")])
def test_a_thing_of_a_state_is_coded_by_its_owner(resolver, words, country) -> None:
    text = f"Fighter jets forced {words} to land."
    start = text.index(words)
    actor = resolver.resolve(text, start, start + len(words), DAY)
    assert actor is not None and actor.country == country and actor.sector is None
    assert actor.text == words


def test_a_thing_without_an_owner_is_no_actor(resolver) -> None:
    text = "They discussed the cargo plane."
    start = text.index("the cargo plane")
    assert resolver.resolve(text, start, len(text) - 1, DAY) is None


# ----------------------------------------------------------------- bad data files


def bad(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(("body", "line", "field", "says"), [
    ("organisations:\n- id: org/x\n  name: X Front\n  sector: XYZ\n", 4, "sector", "XYZ"),
    ("people:\n- name: Jane Roe\n  sectr: GOV\n", 3, "sectr", "unknown field"),
    ("people:\n- name: Jane Roe\n  country: IRQ\n  roles:\n  - {start: 2020-13-01, "
     "sector: GOV}\n", 4, "roles", "bad date"),
    ("organisations:\n- name: X Front\n  kind: militia\n", 3, "kind", "unknown kind"),
    ("organisations:\n- name: X Front\n  country: Iraq\n", 3, "country", "alpha-3"),
    ("organisations:\n- name: X Front\n  aliases: {a: b}\n", 3, "aliases", "list of words"),
])
def test_a_malformed_user_file_names_file_line_and_field(tmp_path, body, line, field,
                                                         says) -> None:
    path = bad(tmp_path, body)
    with pytest.raises(ActorDataError) as err:
        load_kb([path])
    message = str(err.value)
    assert f"{path}:{line}:" in message and f"'{field}'" in message and says in message


def test_broken_yaml_names_the_line(tmp_path) -> None:
    path = bad(tmp_path, "organisations:\n- name: X Front\n  aliases: [a, b\n")
    with pytest.raises(ActorDataError, match=rf"{path}:\d+: not valid YAML"):
        load_kb([path])


def test_a_user_alias_claimed_by_a_packaged_entry_is_an_error(tmp_path) -> None:
    path = bad(tmp_path, "organisations:\n- id: org/my-front\n  name: My Front\n"
                         "  aliases: [Hashd]\n  country: IRQ\n")
    with pytest.raises(ActorDataError) as err:
        load_kb([path])
    message = str(err.value)
    assert f"{path}:4:" in message and "'Hashd'" in message and "org/pmf" in message


def test_two_user_entries_claiming_one_alias_is_an_error(tmp_path) -> None:
    path = bad(tmp_path, "people:\n- id: person/a\n  name: Abu Omar Karim\n"
                         "- id: person/b\n  name: Omar Karimi\n  aliases: [Abu Omar Karim]\n")
    with pytest.raises(ActorDataError, match="person/a"):
        load_kb([path])


def test_redefining_the_owner_of_an_alias_is_allowed(tmp_path) -> None:
    path = bad(tmp_path, "organisations:\n- id: org/pmf\n  aliases: [PMF]\n"
                         "- id: org/my-front\n  name: My Front\n  aliases: [Hashd]\n"
                         "  country: IRQ\n  sector: PRM\n")
    kb = load_kb([path])
    assert kb.get("org/my-front").phrases["name"] == ["My Front", "Hashd"]


def test_packaged_conflicts_are_warnings_not_errors() -> None:
    from gestae.actors.kb import _conflict_report

    one = Entry(id="org/a", type="organisation", name="A", source="a.yaml", builtin=True)
    two = Entry(id="org/b", type="organisation", name="B", source="b.yaml", builtin=True)
    warnings = _conflict_report([("Alpha", "name", "org/a", "org/b")],
                                {"org/a": one, "org/b": two}, {})
    assert len(warnings) == 1 and "Alpha" in warnings[0] and "org/b wins" in warnings[0]
    assert load_kb([]).warnings == []  # the shipped data has no clashes


# ----------------------------------------------------------------- explanations


def test_list_entries_by_kind() -> None:
    people = list_entries("person")
    assert people and all(e["type"] == "person" for e in people)
    soleimani = next(e for e in people if e["id"] == "person/qassem-soleimani")
    assert soleimani["roles"] and "Suleimani" in soleimani["phrases"]["name"]
    everything = list_entries()
    assert everything[0]["type"] == "country" and len(everything) > len(people)
    assert {e["type"] for e in list_entries("state")} == {"country"}


def test_list_entries_shows_world_regions_last() -> None:
    regions = list_entries("regions")
    europe = next(e for e in regions if e["id"] == "region/EUR")
    assert europe["code"] == "EUR" and "Europe" in europe["phrases"]["name"]
    assert {e["type"] for e in regions} == {"region"}
    everything = list_entries()
    assert everything[-1]["type"] == "region" and "region/EUR" in {e["id"] for e in everything}
    assert not any(e["type"] == "region" for e in list_entries("country"))


def test_lookup_explains_the_entry_alias_and_role_in_force() -> None:
    during = lookup("Suleimani", dt.date(2019, 6, 1))
    assert during["found"] and during["entry"]["id"] == "person/qassem-soleimani"
    assert during["matched"]["phrase"] == "Suleimani"
    assert "Quds Force" in during["role_in_force"]["title"]
    assert during["actor"]["country"] == "IRN"
    quds = lookup("Quds Force", dt.date(2020, 1, 3))
    assert quds["entry"]["id"] == "org/quds-force" and quds["actor"]["country"] == "IRN"


def test_lookup_follows_the_date() -> None:
    assert lookup("Trump", dt.date(2019, 6, 1))["actor"]["sector"] == "GOV"
    later = lookup("Trump", dt.date(2022, 6, 1))
    assert later["role_in_force"] is None and later["actor"]["sector"] == "ELI"
    assert "no dated role" in later["reason"]


def test_lookup_of_a_spelling_variant_and_of_nothing() -> None:
    variant = lookup("Kataib Hizbullah", DAY)
    assert variant["entry"]["id"] == "org/kataib-hezbollah"
    assert variant["matched"]["spelling_variant"] is True
    nothing = lookup("the weather", DAY)
    assert nothing["found"] is False and nothing["entry"] is None
