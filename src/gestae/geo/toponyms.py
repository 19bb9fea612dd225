"""Toponym recognition: which spans of a parsed document name places.

spaCy's GPE/LOC/FAC entities are the base. The small English model mislabels many Arabic and
African place names (Diwaniya as ORG, Hilla and Kut as PERSON), so capitalised token runs that
name a gazetteer place of some size become toponyms too, guarded by a stoplist, by spaCy's
PERSON/ORG spans that reach beyond the name, and for smaller places by a locative cue.
Demonyms ("Iraqi") are not toponyms, but they hint at the country a story or a name is in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from gestae.geo.gazetteer import DATA, Gazetteer, read_tsv
from gestae.geo.normalize import ARTICLES, fold, key
from gestae.nlp import ents_in, ents_of

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels of toponyms found by their form alone, which no reading as a person undoes.
KEPT_LABELS = frozenset({"DATELINE", "STATE", "LISTED", "PARTY"})
# Labels of names spaCy itself took for places: a noun after them ("an Arlington spokeswoman")
# or a hyphen ("East Zorra-Tavistock") does not undo them.
NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "DATELINE"})
# spaCy labels that a gazetteer match may override when the span is exactly the name.
OVERRIDABLE = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", ""})
# A city this large labelled PERSON by spaCy is taken as the city without any cue ("a central
# Kiev courthouse", "the Abuja home of ...").
HUGE_CITY = 1_000_000
# Entity labels that never contain a place name.
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                       "NORP"})
MAX_TOKENS = 4
# A city this large is a toponym without any cue; smaller ones need "in", "near", ...
BIG_CITY = 100_000
# How far into a text (characters) a dateline after the headline may start.
DATELINE_REACH = 400
SMALL_CITY = 15_000
# Marks inside transliterated names ("Ma’an", "Sa'sa", "Al-Raqqa"); an ayn may lead ("‘Ibta").
NAME_MARKS = str.maketrans("", "", "'\u2019\u2018\u02bf\u02be-")
LEADING_MARKS = "\u2018\u02bf'"
# An ayn the tokeniser splits off a name ("‘", "Ibta" for "‘Ibta"); the ASCII apostrophe,
# which also opens quotations, is not one.
AYN_MARKS = frozenset({"\u2018", "\u02bf"})
# spaCy labels for numbers, which the small model puts on odd town names now and then ("the
# town of Sirmeen" as CARDINAL): a capitalised word that is no number word keeps its name.
NUMBER_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
# spaCy labels the small model puts on town names now and then ("Aleppo" as LANGUAGE): a
# place reading overrides them, as for PERSON, only with a cue around the name.
CUED_OVERRIDABLE = frozenset({"LANGUAGE", "WORK_OF_ART", "EVENT", "LAW"})
# Roles of a noun that heads its phrase: "in Durres" (pobj), not "the Olympic facilities".
HEAD_ROLES = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos"})
# A dateline: "BAGHDAD (Reuters) -", "Nasiriyah, Iraq (AP) --", "KABUL, Jan 27 -".
DATELINE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Za-z'\u2019.\- ]{1,40}?)"
    r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z'\u2019.\- ]{1,30}?))?"
    r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[^)\n]{1,40})\)\s*)?(?P<dash>[-\u2013\u2014]{1,2}|:)\s"
)


@dataclass
class Toponym:
    """A recognised place name with what its surroundings say about it."""

    start: int
    end: int
    text: str
    label: str  # spaCy label, "GAZ" for gazetteer matches, "DATELINE"
    country_hint: str | None = None  # ISO alpha-3 from "the Iraqi city of X" / "X, Iraq"
    feature_hint: str | None = None  # "city", "admin1", ... from "city of X" / "X province"
    in_dateline: bool = False
    generic: str | None = None  # "County" from "Douglas and Grant counties": the full name


# Plural generic words that end a list of second-level areas, and the singular each name takes.
LIST_GENERICS = {"counties": "County", "parishes": "Parish", "boroughs": "Borough",
                 "townships": "Township"}


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """Cue words (data/cues.yaml)."""
    with (DATA / "cues.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=64)
def cue_set(name: str) -> frozenset[str]:
    """One word list of data/cues.yaml as a set, built once (the rules ask per candidate)."""
    return frozenset(str(w).lower() for w in cues().get(name) or ())


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """Last words of a body's or a building's name (institutions, facilities, bodies)."""
    return cue_set("institution_words") | cue_set("facility_words") \
        | cue_set("named_institution_words") | context_words()["body_words"]


@lru_cache(maxsize=1)
def context_words() -> dict[str, frozenset[str]]:
    """Word lists that make a name a place by its role (data/toponym_context.yaml)."""
    with (DATA / "toponym_context.yaml").open(encoding="utf-8") as handle:
        raw: dict[str, list[Any]] = yaml.safe_load(handle)
    return {name: frozenset(str(w).lower() for w in words) for name, words in raw.items()}


@lru_cache(maxsize=1)
def lead_words() -> dict[str, bool]:
    """Words that open place names ("Kafr", "Jabal", "Tal"), each with whether an Arabic
    article must follow it (data/toponym_lead_words.tsv)."""
    return {row["word"].strip().lower(): row["article"].strip() == "yes"
            for row in read_tsv(DATA / "toponym_lead_words.tsv")}


@lru_cache(maxsize=1)
def area_phrases() -> tuple[tuple[str, ...], ...]:
    """Word sequences after a name that make it a local government area ("local council"),
    longest first."""
    phrases = {tuple(p.split()) for p in context_words()["area_phrases"]}
    return tuple(sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    """Folded names never recognised from the gazetteer alone (data/stoplist.txt)."""
    path: Path = DATA / "stoplist.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(x) for x in lines if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym -> ISO alpha-3 (data/demonyms.tsv)."""
    table: dict[str, str] = {}
    for row in read_tsv(DATA / "demonyms.tsv"):
        for word in row["demonyms"].split("|"):
            table[fold(word)] = row["iso3"]
    return table


def demonym_counts(doc: Doc) -> Counter[str]:
    """Countries named by demonyms in the document ("Iraqi protesters" -> IRQ)."""
    table = demonyms()
    counts: Counter[str] = Counter()
    skip = -1
    for tok in doc:
        if tok.i <= skip or not tok.text[:1].isupper():
            continue
        if tok.i + 1 < len(doc):
            pair = fold(f"{tok.text} {doc[tok.i + 1].text}")
            if pair in table:
                counts[table[pair]] += 1
                skip = tok.i + 1
                continue
        word = fold(tok.text)
        if word in table:
            counts[table[word]] += 1
    return counts


def _dateline_match(text: str, gaz: Gazetteer) -> re.Match[str] | None:
    match = DATELINE.match(text[:200])
    if not match:
        return None
    name = match.group("name").strip()
    if not match.group("agency") and not name.isupper():
        return None  # "Protesters - ..." is not a dateline; "BAGHDAD -" is
    if not gaz.lookup(name):
        return None
    return match


def dateline(text: str, gaz: Gazetteer) -> tuple[int, int] | None:
    """Character span of the dateline's place name, if the text opens with one."""
    match = _dateline_match(text, gaz)
    if match is None:
        return None
    start = match.start("name")
    return start, start + len(match.group("name").strip())


def dateline_end(text: str, gaz: Gazetteer) -> int:
    """Where the story proper starts: after "NASIRIYAH, Iraq (AP) - ", else 0."""
    match = _dateline_match(text, gaz)
    return match.end() if match else 0


def _is_name_token(tok: Token) -> bool:
    """A capitalised word, also with the apostrophes and hyphens of transliterated names
    ("Ma’an", "Al-‘Alqamiyah", "‘Ibta")."""
    text = tok.text.lstrip(LEADING_MARKS)
    if not text[:1].isupper():
        return False
    if tok.is_alpha:
        return True
    core = text.translate(NAME_MARKS)
    return len(core) >= 2 and core.isalpha() and text[-1] not in "-'\u2019"


def _ayn(tok: Token, nxt: Token | None) -> bool:
    """An ayn split off the name it opens: "‘" glued to "Ibta" or "Eiss" ("Al-‘Eiss")."""
    return tok.text in AYN_MARKS and not tok.whitespace_ and nxt is not None \
        and _is_name_token(nxt) and nxt.text[:1] in "AEIOU"


def _is_article(tok: Token, nxt: Token | None) -> bool:
    """"al" in "al-Najaf" (tokenised as al, -, Najaf)."""
    return tok.lower_ in ARTICLES and nxt is not None and nxt.text in {"-", "\u2010"}


def _span_candidates(doc: Doc, i: int) -> list[Span]:
    """Token spans starting at ``i`` that could be a multi-word name, longest first."""
    out: list[Span] = []
    j = i
    if _is_article(doc[i], doc[i + 1] if i + 1 < len(doc) else None):
        j = i + 2
        if j >= len(doc) or not _is_name_token(doc[j]):
            return out
    elif not _is_name_token(doc[i]):
        return out
    end = j
    while end < len(doc) and end - i < MAX_TOKENS + 2:
        tok = doc[end]
        if _is_name_token(tok) or (tok.text == "-" and end + 1 < len(doc)
                                    and _is_name_token(doc[end + 1]) and end > j):
            end += 1
            out.append(doc[i:end])
        else:
            break
    return [s for s in reversed(out) if s[-1].text != "-"]


def _locative_context(span: Span) -> bool:
    """A cue before or after the span that makes a place reading likely."""
    c = cues()
    words = cue_set("locative_words")
    doc = span.doc
    k = span.start - 1
    skip = cue_set("direction_words") | {"the"}
    while k > 0 and k >= span.start - 2 and doc[k].lower_ in skip:
        k -= 1  # "in the Kiev region", "over eastern Palmyra"
    before = doc[k].lower_ if k >= 0 else ""
    if k < span.start - 1 and doc[span.start - 1].lower_ in c["direction_words"]:
        return True  # "central Kiev", "eastern Palmyra"
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after in {"'s", "\u2019s"} and _owns_place_noun(doc, span.end + 1):
        return True  # "Grozny's streets", "Bishkek's central streets"
    if before in words or after in cue_set("feature_nouns") or after in cue_set("local_nouns") \
            or after in c["of_nouns"]:  # "Kfar Darom village", "Palmyra countryside"
        return True
    # a list of places: "in Kut, Hilla and Diwaniya"
    head = span.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in words


def _role_token(span: Span) -> Token:
    """The token whose role the name plays: the head of its list, or the weekday spaCy made
    it a modifier of ("patrolled Goma Thursday")."""
    head = _list_head(span.root)
    if head.dep_ == "compound" and head.head.lower_ in context_words()["time_names"]:
        return head.head
    return head


def _owns_place_noun(doc: Doc, k: int) -> bool:
    """A noun only a town owns at token ``k``, past two adjectives: "(X's) central streets"."""
    stop = min(len(doc), k + 3)
    while k < stop and doc[k].pos_ == "ADJ":
        k += 1
    return k < len(doc) and doc[k].lower_ in context_words()["possessed_place_nouns"]


def _list_head(tok: Token) -> Token:
    """The first item of the list ``tok`` stands in ("captured Kut, Hilla and Diwaniya")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _after_determiner(span: Span) -> bool:
    """"the X", "a X": town names take no article in English, so a role does not make such a
    name a town ("capturing the Best in Show award")."""
    return span.start > 0 and span.doc[span.start - 1].pos_ == "DET"


def person_words(doc: Doc) -> frozenset[str]:
    """Folded names the document uses for people: surnames of PERSON entities of two words
    or more ("Judge Jim Stucky" -> stucky) and subjects of speech verbs ("Clark said")."""
    cached = doc.user_data.get("gestae_person_words")
    if cached is not None:  # several recognisers ask; the doc does not change
        return cached
    speech = context_words()["speech_verbs"]
    out = {fold(ent[-1].text) for ent in ents_of(doc) if ent.label_ == "PERSON" and len(ent) > 1}
    out.update(fold(t.text) for t in doc if t.dep_ == "nsubj" and t.pos_ == "PROPN"
               and t.head.lemma_.lower() in speech)
    doc.user_data["gestae_person_words"] = frozenset(out)
    return doc.user_data["gestae_person_words"]


def _territorial_object(span: Span, strict: bool = False) -> bool:
    """What a territorial verb acts on: "stormed X", "X was captured", "the advance on X".
    ``strict`` keeps to the verbs whose object is hardly ever a person."""
    if _after_determiner(span):
        return False
    words = context_words()
    verbs = words["strict_territorial_verbs" if strict else "territorial_verbs"]
    head = _role_token(span)
    roles = {"dobj", "nsubjpass"} if head.i < span.end else {"dobj", "nsubjpass", "npadvmod"}
    verb = head.head
    if head.dep_ in roles and (verb.lemma_.lower() in verbs or verb.dep_ == "conj"
                               and verb.head.lemma_.lower() in verbs):
        return not _caught_by_police(verb)  # "X was shelled", "stormed and captured X"
    if strict or head.dep_ != "pobj" or head.head.lower_ != "on":
        return False
    aim = head.head.head  # "marched on X", "the assault on X"
    return aim.lower_ in words["on_heads"] or aim.lemma_.lower() in words["on_heads"]


def _event_role(span: Span) -> bool:
    """The place of an event by its preposition: "the fight for X", "the battle of X",
    "withdrew from X", "the offensive on X", "demonstrated in X", "clashes at X"."""
    if _after_determiner(span):
        return False
    words = context_words()
    head = _role_token(span)
    if head.dep_ != "pobj" or head.head.i == head.head.head.i:
        return False
    if head.i != span.root.i and (head.ent_type_ in NOT_NAMES or head.like_num or head.i > 0
                                  and head.doc[head.i - 1].pos_ == "DET"):
        return False  # "fighting for the Taliban ... and X", "in November 2001 and X"
    prep, aim = head.head.lower_, head.head.head
    word, lemma = aim.lower_, aim.lemma_.lower()
    if prep == "for":
        return word in words["for_heads"]
    if prep == "of":
        return word in words["of_heads"]
    if prep == "from":
        return lemma in words["from_heads"]
    if prep == "on":
        return word in words["on_heads"] or lemma in words["on_heads"]
    return prep in words["event_preps"] and (word in words["event_heads"]
                                             or lemma in words["event_heads"])


def _caught_by_police(verb: Token) -> bool:
    """"X was captured by police": the police capture people, not towns."""
    agents = context_words()["arresting_agents"]
    return any(c.dep_ == "agent" and any(g.lower_ in agents for g in c.children)
               for c in verb.children)


def _appositive_place(span: Span) -> bool:
    """A place noun in apposition: "X, a village in ...", "the regional capital, X"."""
    nouns = context_words()["appositive_nouns"]
    root = span.root
    if _after_determiner(span):
        return False
    # the noun written in lower case: "Shibbis District, ... Radio X" is a name's end
    if root.dep_ == "appos" and root.head.lower_ in nouns and root.head.i < span.start \
            and root.head.is_lower:
        return True
    return any(c.dep_ == "appos" and c.lower_ in nouns and c.i >= span.end and c.is_lower
               for c in root.children)


def _strong_cue(span: Span, people: frozenset[str] = frozenset()) -> bool:
    """A role that makes a name a place whatever its size: the object of a territorial verb
    or a name with a place noun in apposition. Not for a name the document gives a person
    (``people``, see :func:`person_words`): "Clark was captured", "Clark said"."""
    if fold(span.text) in people:
        return False
    return _territorial_object(span) or _appositive_place(span) or _event_role(span)


def _names_country(gaz: Gazetteer, span: Span) -> bool:
    return any(q == 1.0 and e.feature == "country" for e, q in gaz.lookup(span.text))


def _strong_enough(gaz: Gazetteer, span: Span, cued: bool, strong: bool = False) -> bool:
    """Does the span exactly name a country, admin1, region or city of sufficient size? With
    a ``strong`` cue (see :func:`_strong_cue`) a town of any size will do."""
    for entry, quality in gaz.lookup(span.text):
        if quality < 0.9:
            continue
        if entry.feature in {"country", "continent", "region", "admin1"}:
            return True
        if strong and quality == 1.0 and entry.feature in {"city", "admin2"}:
            return True
        if entry.feature == "city" and (entry.population >= BIG_CITY or
                                        (cued and entry.population >= SMALL_CITY)):
            return True
    return False


def _ent_end(ent: Span) -> int:
    """Where an entity ends without the weekday it ran on into ("Goma Thursday")."""
    end = ent.end
    times = context_words()["time_names"]
    while end > ent.start + 1 and ent.doc[end - 1].lower_ in times:
        end -= 1
    return end


def _ent_at(doc: Doc) -> dict[int, Span]:
    return {tok.i: ent for ent in ents_of(doc) for tok in ent}


def _other_spellings(spans: list[tuple[Span, str]], gaz: Gazetteer) -> frozenset[str]:
    """Keys of the other names of towns already found that have one reading only: "Azaz"
    found, a later "Izaz" is the same town."""
    out: set[str] = set()
    for span, _label in spans:
        found = gaz.lookup(span.text)
        if len(found) == 1 and found[0][1] == 1.0 and found[0][0].feature == "city":
            out.add(key(found[0][0].name))
    return frozenset(out)


def gazetteer_matches(doc: Doc, gaz: Gazetteer, taken: set[int],
                      known: frozenset[str] = frozenset()) -> list[Span]:
    """Capitalised runs that name gazetteer places although NER did not label them so.

    ``known`` holds the keys of names already taken as places in this document: a name that
    is a place once is a place throughout ("in Kut" ... "Kut was quiet")."""
    stop = stoplist()
    ent_at = _ent_at(doc)
    people = person_words(doc)
    found: list[Span] = []
    i = 0
    while i < len(doc):
        if i in taken:
            i += 1
            continue
        accepted = None
        for span in _span_candidates(doc, i):
            if any(t.i in taken for t in span) or fold(span.text) in stop \
                    and not _stoplisted_town(span, gaz):
                continue
            if len(span) == 1 and (len(span.text) < 3 or span[0].lower_ in ARTICLES):
                continue
            ents = {ent_at[t.i] for t in span if t.i in ent_at}
            labels = {e.label_ for e in ents}
            if labels - OVERRIDABLE - CUED_OVERRIDABLE:
                continue
            # a person or organisation name that goes beyond the place name
            if any(e.start < span.start or _ent_end(e) > span.end for e in ents):
                continue
            if key(span.text) in known and not labels & CUED_OVERRIDABLE \
                    and (ents or any(t.pos_ == "PROPN" for t in span)):
                accepted = span
                break
            strong = _strong_cue(span, people)
            cued = strong or _locative_context(span)
            if not ents and not any(t.pos_ == "PROPN" for t in span) and not (
                    not span[0].is_sent_start and _heads_or_owns_parts(span) and (
                        strong or cued and _city_of_size(gaz, span, BIG_CITY))):
                continue  # a capitalised common noun, unless its role is a place's
            if labels & ({"PERSON", "NORP"} | CUED_OVERRIDABLE) and not cued \
                    and not _names_country(gaz, span) \
                    and not _city_of_size(gaz, span, HUGE_CITY):
                continue
            if labels & CUED_OVERRIDABLE and not strong and not _names_country(gaz, span) \
                    and not _city_of_size(gaz, span, BIG_CITY):
                continue  # "the Olympic organizers": an event's name, not the town
            if _strong_enough(gaz, span, cued, strong):
                accepted = span
                break
        if accepted is not None:
            found.append(accepted)
            i = accepted.end
        else:
            i += 1
    return found


def _heads_or_owns_parts(span: Span) -> bool:
    """The name heads its phrase ("in Durres"), or stands before a plural noun of a town's
    parts ("the southern Aleppo districts"), which spaCy tags as an adjective."""
    doc = span.doc
    if span.root.dep_ in HEAD_ROLES:
        return True
    return span.root.dep_ in {"amod", "compound"} and span.end < len(doc) \
        and doc[span.end].lower_ in context_words()["plural_place_nouns"]


def _stoplisted_town(span: Span, gaz: Gazetteer) -> bool:
    """A large town whose name is also a word or a surname ("Nice", "Reading"), where an
    event happens in it: "demonstrated in Nice Saturday", "clashes in Reading"."""
    head = _role_token(span)
    return len(span) == 1 and head.dep_ == "pobj" \
        and head.head.lower_ in context_words()["event_preps"] \
        and _city_of_size(gaz, span, BIG_CITY) and _event_role(span)


def _trim(span: Span) -> Span:
    """Drop a leading "the" that spaCy sometimes puts inside an entity; take in an Arabic
    article that it leaves outside ("An Nasiriyah", "al- Najaf")."""
    if len(span) > 1 and span[-1].lower_ in {"'s", "\u2019s", "'"}:
        span = span[:-1]  # "the West Bank's largest hospital"
    if len(span) > 1 and span[0].lower_ == "the":
        return span[1:]
    doc = span.doc
    start = span.start
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ARTICLES:
        return doc[start - 2:span.end]
    if start >= 1 and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ in ARTICLES:
        return doc[start - 1:span.end]
    return span


def _hints(span: Span, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """Country and feature hints from "the Iraqi city of X", "X province", "X, Iraq"."""
    doc = span.doc
    nouns: dict[str, str] = cues()["feature_nouns"]
    country: str | None = None
    feature: str | None = None
    # "... city of X"
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" \
            and doc[span.start - 2].lower_ in nouns and not _part_of_name_before(span):
        feature = nouns[doc[span.start - 2].lower_]
        k = span.start - 3
        while k >= 0 and k >= span.start - 5 and doc[k].lower_ not in {"the", "a", "of", "in"}:
            iso = demonyms().get(fold(doc[k].text))
            if iso:
                country = iso
                break
            k -= 1
    # "X province"
    if span.end < len(doc) and doc[span.end].lower_ in nouns:
        feature = feature or nouns[doc[span.end].lower_]
    # "X, Iraq" / "Paris, Texas": resolved later through the neighbouring toponym
    return country, feature


def _part_of_name_before(span: Span) -> bool:
    """In "the Sadr City district of Baghdad" the noun is Sadr City's, not Baghdad's: a name
    (not a demonym, "the Iraqi city of X") stands right before it."""
    doc = span.doc
    if span.start < 3 or doc[span.start - 2].lower_ not in set(cues()["town_part_nouns"]):
        return False
    before = doc[span.start - 3]
    return _is_name_token(before) and fold(before.text) not in demonyms()


def _state_after(doc: Doc, span: Span, gaz: Gazetteer) -> Span | None:
    """A US state abbreviation right after "Town, " ("Macon, Ga.", "Macon, GA")."""
    k = span.end
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    for n in (1, 2, 3):
        cand = doc[k + 1:k + 1 + n]
        if cand.end > len(doc) or len(cand) < n:
            break
        text = cand.text
        at_end = cand.end < len(doc) and doc[cand.end].text == "." and not text.endswith(".")
        if at_end and gaz.abbreviation(text + ".") is not None:  # "Ill" "." ending a sentence
            return cand
        if gaz.abbreviation(text, after_comma=True) is not None:
            return cand
    return None


def _strong_place(gaz: Gazetteer, span: Span) -> bool:
    """Names an admin area, country or region exactly, or a city of any size."""
    return any(q == 1.0 and e.feature in {"country", "admin1", "admin2", "region", "city"}
               for e, q in gaz.lookup(span.text))


def _standalone_place(gaz: Gazetteer, span: Span, known: frozenset[str],
                      cities: bool = True) -> bool:
    """A name that reads as a place wherever it stands: a country, state or region, a county
    written with its generic word ("Henry County"), a large city (``cities``), or a name
    already taken as a place in this document."""
    if key(span.text) in known:
        return True
    said_admin = len(span) > 1 and span[-1].lower_ in set(cues()["admin_words"])
    for entry, quality in gaz.lookup(span.text):
        if quality < 1.0:
            continue
        if entry.feature in {"country", "admin1", "region", "continent"}:
            return True
        if entry.feature == "admin2" and said_admin:
            return True
        if cities and entry.feature == "city" and entry.population >= BIG_CITY:
            return True
    return False


def _city_of_size(gaz: Gazetteer, span: Span, population: int) -> bool:
    return any(q == 1.0 and e.feature == "city" and e.population >= population
               for e, q in gaz.lookup(span.text))


def _is_name_like(tok: Token) -> bool:
    """A capitalised word or an abbreviation with periods ("U.S.", "St.")."""
    text = tok.text
    return text[:1].isupper() and (tok.is_alpha or text.replace(".", "").isalpha())


def _probe_starts(span: Span) -> list[int]:
    """Token indices inside a name where an embedded place may start: its beginning and
    after "of"/"in", each past "the" and direction words ("the University of Western
    Ontario", "Northeast Georgia Medical Center"). A direction word is also tried as the
    start, first, since it begins some names ("the West Virginia Division of Highways")."""
    doc = span.doc
    skip = cue_set("direction_words")
    starts = [span.start] + [t.i + 1 for t in span[:-1] if t.lower_ in {"of", "in"}]
    out = []
    for i in starts:
        while i < span.end - 1 and doc[i].lower_ == "the":
            i += 1
        if i < span.end - 1 and doc[i].lower_ in skip:
            out.append(i)
        while i < span.end - 1 and (doc[i].lower_ == "the" or doc[i].lower_ in skip):
            i += 1
        out.append(i)
    return out


def _place_at(span: Span, i: int, gaz: Gazetteer,
              accept: Callable[[Span, Token | None], bool]) -> Span | None:
    """The longest run of name words from token ``i`` inside ``span`` that ``accept``s."""
    doc = span.doc
    stop = stoplist()
    directions = cue_set("direction_words")
    last = i
    while last < min(span.end, i + MAX_TOKENS) and _is_name_like(doc[last]):
        last += 1
    for end in range(last, i, -1):
        sub = doc[i:end]
        if fold(sub.text) in stop or (len(sub) == 1 and len(sub.text) < 3):
            continue
        if len(sub) == 1 and sub[0].lower_ in directions:
            continue  # "West" alone is a direction, not the town of West
        nxt = doc[end] if end < span.end else None
        if accept(sub, nxt):
            return sub
    return None


def embedded_places(doc: Doc, gaz: Gazetteer, taken: set[int],
                    known: frozenset[str] = frozenset()) -> list[Span]:
    """Places named inside other names: "the Mansfield Police Department", "the Ohio
    Department of Health", "the University of Cincinnati", "Anderson County Sheriff".

    Before an institution word (data/cues.yaml) any city will do; elsewhere only a name that
    stands as a place on its own (see :func:`_standalone_place`), so "Paris Hilton" and
    "Virginia Smith" stay people."""
    words = cue_set("institution_words")
    named = cue_set("named_institution_words")
    found: list[Span] = []
    for ent in ents_of(doc):
        if ent.label_ in PLACE_LABELS or ent.label_ in NOT_NAMES:
            continue
        if any(t.i in taken for t in ent):
            continue
        loose = ent.label_ != "PERSON"

        def accept(sub: Span, nxt: Token | None, ent: Span = ent, loose: bool = loose) -> bool:
            if sub.start == ent.start and sub.end == ent.end:
                return False  # the whole name: gazetteer_matches decides
            word = nxt.lower_ if nxt is not None else ""
            if word in words and _strong_place(gaz, sub):
                return True  # "the Mansfield Police Department"
            if word in named and (key(sub.text) in known
                                  or _city_of_size(gaz, sub, SMALL_CITY)):
                return True  # "Springfield High School", not "Kennedy Elementary"
            if not loose:
                return False
            # "Paris Hilton" tagged ORG: a city and one more name word is a person's name
            rest = [t for t in ent if t.i >= sub.end]
            two_names = len(rest) == 1 and _is_name_like(rest[0]) and word not in named
            return _standalone_place(gaz, sub, known, cities=not two_names)

        for i in _probe_starts(ent):
            sub = _place_at(ent, i, gaz, accept)
            if sub is not None and not any(t.i in taken for t in sub):
                found.append(sub)
                taken.update(range(sub.start, sub.end))
    return found


def _variant_spelling(span: Span, gaz: Gazetteer) -> bool:
    """A town's name spelled otherwise, to be kept whole: "Beled Weyne" is Beledweyne, not
    the town of Beled. Never a facility or an institution's name."""
    words = set(cues()["institution_words"]) | set(cues()["facility_words"])
    if span.label_ == "FAC" or any(t.lower_ in words for t in span):
        return False
    return any(e.feature == "city" for e in gaz.fuzzy(span.text))


def inner_place(span: Span, gaz: Gazetteer) -> Span | None:
    """For a place-labelled span the gazetteer does not know ("Henry County Courthouse",
    "Northeast Georgia", "Vancouver International Airport"): the place it contains."""
    words = set(cues()["institution_words"]) | set(cues()["facility_words"])
    strict = span.label_ == "FAC"

    def accept(sub: Span, nxt: Token | None) -> bool:
        if sub.start == span.start and sub.end == span.end:
            return False
        if strict and (nxt is None or nxt.lower_ not in words):
            return _standalone_place(gaz, sub, frozenset())
        return _strong_place(gaz, sub)

    for i in _probe_starts(span):
        sub = _place_at(span, i, gaz, accept)
        if sub is not None:
            return sub
    return None


def _split_listed(span: Span, gaz: Gazetteer) -> list[Span]:
    """"Bolingbrook, Ill." taken by NER as one entity -> the town and the state."""
    commas = [t.i for t in span if t.text == ","]
    if len(commas) != 1 or commas[0] in (span.start, span.end - 1):
        return [span]
    doc = span.doc
    head, tail = doc[span.start:commas[0]], doc[commas[0] + 1:span.end]
    if gaz.abbreviation(tail.text, after_comma=True) is None and not gaz.lookup(tail.text):
        return [span]
    if not gaz.lookup(head.text):
        return [span]
    return [head, tail]


def _listed_areas(doc: Doc) -> dict[tuple[int, int], str]:
    """Name runs listed before a plural generic word, with the singular each takes:
    "Dakota, Otoe and Washington counties" -> Dakota, Otoe, Washington -> "County"."""
    out: dict[tuple[int, int], str] = {}
    for tok in doc:
        generic = LIST_GENERICS.get(tok.lower_)
        if generic is None:
            continue
        j = tok.i  # the run ends before j
        while j > 0:
            start = j
            while start > 0 and j - start < MAX_TOKENS and _is_name_like(doc[start - 1]):
                start -= 1
            if start == j:
                break
            out[(start, j)] = generic
            k = start - 1
            seps = 0
            while k >= 0 and doc[k].lower_ in {",", "and", "or", "&"} and seps < 2:
                k -= 1
                seps += 1
            if seps == 0:
                break
            j = k + 1
    return out


def _generic_name(span: Span, generic: str) -> str:
    return f"{span.text} {generic}"


def _name_run(doc: Doc, i: int, upper: bool = False) -> int:
    """End of the run of name words from token ``i`` (all capitals when ``upper``)."""
    end = i
    while end < len(doc) and end - i < MAX_TOKENS and _is_name_like(doc[end]) \
            and (not upper or doc[end].text.isupper()):
        end += 1
    return end


def party_places(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """The home of a legislator in "Sen. Jane Doe, R-Moorpark," or "(D-N.J.)"."""
    parties = set(cues()["party_letters"])
    found = []
    for tok in doc[:-2]:
        if tok.text not in parties or doc[tok.i + 1].text != "-":
            continue
        end = _name_run(doc, tok.i + 2)
        if end == tok.i + 2 or end >= len(doc) or doc[end].text not in {",", ")", ";", "."}:
            continue
        span = doc[tok.i + 2:end]
        if any(t.i in taken for t in span):
            continue
        if gaz.abbreviation(span.text) is not None or gaz.lookup(span.text):
            found.append(span)
            taken.update(range(span.start, span.end))
    return found


def inner_datelines(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """A dateline after a headline or byline: "... . DANIELSVILLE - Madison County ...",
    "COLUMBIA -- The", "BEIRUT: Israel". Capitals then a dash or colon, near the top."""
    found = []
    for tok in doc:
        if tok.idx > DATELINE_REACH:
            break
        if not tok.text.isupper() or len(tok.text) < 3 or tok.i in taken:
            continue
        if tok.i > 0 and doc[tok.i - 1].text.isupper() and doc[tok.i - 1].is_alpha:
            continue  # not the start of the run
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and not (prev.is_punct or prev.like_num or tok.is_sent_start
                                     or "\n" in prev.text):
            continue  # "the tide of HIV, ..."
        end = _name_run(doc, tok.i, upper=True)
        dash = _after_agency(doc, end)
        if dash is None or doc[dash].text not in {"-", "--", ":", "\u2014", "\u2013", ","}:
            continue
        if doc[dash].text in {"-", "--"} and not doc[dash - 1].whitespace_:
            continue  # "HIV-positive"
        span = doc[tok.i:end]
        if any(t.i in taken for t in span) or fold(span.text) in stoplist():
            continue
        if any(q == 1.0 and e.feature in {"city", "admin1", "admin2", "country"}
               for e, q in gaz.lookup(span.text)):
            found.append(span)
            taken.update(range(span.start, span.end))
    return found


def _after_agency(doc: Doc, i: int) -> int | None:
    """Token ``i``, or past a news agency in brackets there ("MOGADISHU (Reuters) -")."""
    if i >= len(doc):
        return None
    if doc[i].text != "(":
        return i
    close = next((k for k in range(i + 1, min(i + 8, len(doc))) if doc[k].text == ")"), None)
    return close + 1 if close is not None and close + 1 < len(doc) else None


def dotted_states(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """US states written with two or more periods ("the S.C. Highway Patrol", "W.Va.
    lawmakers"): unlike "Ga." or "Miss." such forms are never ordinary words."""
    found: list[Span] = []
    for tok in doc:
        if tok.i in taken or tok.text.count(".") < 2 or not tok.text[:1].isupper():
            continue
        if gaz.abbreviation(tok.text) is not None:
            found.append(doc[tok.i:tok.i + 1])
            taken.add(tok.i)
    return found


def _name_part(tok: Token, nxt: Token | None) -> bool:
    """A word of a local name: capitalised, or an article or hyphen joining its parts."""
    if _is_name_token(tok) or _is_article(tok, nxt) or _ayn(tok, nxt):
        return True
    return tok.text in {"-", "\u2010"} and nxt is not None and (
        _is_name_token(nxt) or nxt.text in AYN_MARKS)


def _plain_name(span: Span) -> bool:
    """A run that can be a local name: not a demonym, date, number or stoplisted word."""
    second = span[1] if len(span) > 1 else None
    if not span or not _is_name_token(span[0]) and not _is_article(span[0], second) \
            and not _ayn(span[0], second):
        return False
    if fold(span.text) in stoplist() or len(span.text) < 3:
        return False
    if any(t.ent_type_ in NOT_NAMES and not (t.ent_type_ == "NORP" and t.pos_ == "PROPN")
           and not (t.ent_type_ in NUMBER_LABELS and t.is_alpha and not t.like_num)
           for t in span):
        return False  # a proper noun taken for a people may be a village: "Akida village"
    words = [fold(t.text) for t in span if _is_name_token(t) and t.lower_ != "the"]
    directions = cue_set("direction_words")
    if all(w in directions or w in demonyms() for w in words):
        return False
    return not any(w in demonyms() for w in words[:1])


def _run_after(doc: Doc, i: int) -> Span | None:
    """The name run starting at token ``i`` (at most MAX_TOKENS + 2 tokens)."""
    end = i
    while end < len(doc) and end - i < MAX_TOKENS + 2 and _name_part(
            doc[end], doc[end + 1] if end + 1 < len(doc) else None):
        end += 1
    while end > i and doc[end - 1].text in {"-", "\u2010"}:
        end -= 1
    return doc[i:end] if end > i else None


def _run_before(doc: Doc, j: int) -> Span | None:
    """The name run ending just before token ``j``."""
    start = j
    while start > 0 and j - start < MAX_TOKENS + 2 and _name_part(
            doc[start - 1], doc[start] if start < len(doc) else None):
        start -= 1
    while start < j and not (_is_name_token(doc[start]) or _is_article(
            doc[start], doc[start + 1] if start + 1 < len(doc) else None) or _ayn(
            doc[start], doc[start + 1] if start + 1 < len(doc) else None)):
        start += 1
    return doc[start:j] if start < j else None


def _known_after(doc: Doc, i: int, taken: set[int]) -> bool:
    """A known toponym starts at token ``i`` (past "the"): in "the Amil neighbourhood of
    Baghdad" the name before the noun is the narrower place, while in "the Jaysh Al-Islam
    town of Hawsh" (an unknown name after "of") it is an owner."""
    skip = cue_set("direction_words") | {"the", "of"}
    while i < len(doc) and doc[i].lower_ in skip:
        i += 1  # "the Amil neighbourhood of western Baghdad"
    return i in taken


def cued_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Unknown names that a place noun makes toponyms: "the village of Sousan", "the towns
    of Al-Zorba and Khan Touman", "Buwa village", "the Shaab neighbourhood", "Balata refugee
    camp". Local names like these are often missing from the gazetteer, yet they are the
    most precise place a report gives."""
    of_nouns = cue_set("name_of_nouns")
    before_nouns = cue_set("name_before_nouns")
    parts = cue_set("town_part_nouns")
    found: list[Span] = []

    def keep(span: Span | None) -> int | None:
        """Take the run if it is new and plain; where it ends, or None without a run."""
        if span is None:
            return None
        if not any(t.i in taken for t in span) and _plain_name(span):
            found.append(span)
            taken.update(range(span.start, span.end))
        return span.end

    for tok in doc:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.lower_ in of_nouns and tok.pos_ == "NOUN" and nxt is not None \
                and nxt.lower_ == "of":
            end = keep(_run_after(doc, tok.i + 2))
            while end is not None and end + 1 < len(doc) and doc[end].lower_ in {",", "and"}:
                # "the towns of A, B and C"
                i = end + 2 if doc[end].text == "," and doc[end + 1].lower_ == "and" \
                    else end + 1
                end = keep(_run_after(doc, i))
        if tok.lower_ in before_nouns and tok.pos_ == "NOUN" and tok.i > 0:
            j = tok.i
            if doc[j - 1].lower_ == "refugee":
                j -= 1
            run = _run_before(doc, j)
            # "the Jaysh Al-Islam town of X" names an owner; "Garubula village of Biu" (no
            # article) and "the Amil neighbourhood of Baghdad" name the place itself
            if nxt is None or nxt.lower_ != "of" or (
                    tok.lower_ in parts and _known_after(doc, tok.i + 2, taken)) or (
                    run is not None and not _after_determiner(run)):
                keep(run)
    return found


def _owner_like(span: Span) -> bool:
    """A run that names a body rather than a place: an acronym ("the NATO base"), or a name
    ending in an institution's word ("the Free Syrian Army base")."""
    heads = context_words()["not_place_heads"]
    if any(t.lower_ in heads for t in span):
        return True
    return len(span) == 1 and span.text.isupper() and span.text.isalpha()


def _plain_unknown(span: Span | None, taken: set[int],
                   people: frozenset[str] = frozenset()) -> bool:
    """A new run that may be a local name and is nobody's: see :func:`_plain_name`; its
    words proper nouns ("This road", "Latino community" are not names), not a person's."""
    if span is None or any(t.i in taken for t in span) or not _plain_name(span) \
            or _owner_like(span):
        return False
    if fold(span.text) in people:
        return False
    if any(ent.label_ == "ORG" and _name_start(ent) < span.start < ent.end
           for ent in ents_of(span.doc)):
        return False  # "the U.S. Embassy": the end of an organisation's name
    return all(t.pos_ == "PROPN" for t in span if _is_name_token(t))


def _name_start(ent: Span) -> int:
    """Where an entity's name starts, past a leading "the"."""
    return ent.start + 1 if ent[0].lower_ == "the" else ent.start


def _inside_other_name(span: Span, person: bool = True) -> bool:
    """The run lies in a person's name (when ``person``), or in a longer entity that
    reaches beyond it ("the Lake Area Arts and Recreation District")."""
    for ent in ents_of(span.doc):
        if ent.end <= span.start or ent.start >= span.end:
            continue
        if ent.label_ == "PERSON" and person:
            return True
        if _name_start(ent) < span.start or ent.end > span.end:
            return True
    return False


def _name_ending_at(doc: Doc, tok: Token) -> Span | None:
    """The name run whose last word is ``tok`` ("Umm Sharshouh" for Sharshouh)."""
    if not _is_name_token(tok):
        return None
    span = _run_before(doc, tok.i + 1)
    while span is not None and len(span) > 1 and (span[0].lower_ == "the" or len(span) > 2
                                                  and _people_name(span[0].text)):
        span = span[1:]  # "the Kurdish Sheikh Maqsoud (Quarter)": the name after "Kurdish"
    return span


def _ends_run(doc: Doc, tok: Token) -> bool:
    """The name run ends at ``tok``: no name word follows, or a weekday ("Goma Thursday")."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is None or not _name_part(nxt, None) \
        or nxt.lower_ in context_words()["time_names"]


def role_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Unknown names that their role makes places (kept unresolved when the gazetteer does
    not know them): "troops stormed X", "X, a village in ...", "the island of X", "the X
    railway yard", "the X Military Airport", "the X and Y districts", "X LGA", "a place
    called X", an event's preposition: "the fight for X", "withdrew from X",
    "demonstrated in X" (see :func:`_event_role`), a compass word: "in eastern X" (see
    :func:`_directed_name`), and a taking from someone: "captured X from the rebels"."""
    words = context_words()
    after_nouns = words["place_nouns_after"] | set(cues()["name_before_nouns"])
    generic = words["generic_words"] | words["place_modifiers"] | {"force", "international"}
    people = person_words(doc)
    found: list[Span] = []

    def keep(span: Span | None) -> None:
        if span is not None and _plain_unknown(span, taken, people) \
                and not (len(span) == 1 and _people_name(span.text)):  # "Muslims", "Shi'i"
            found.append(span)
            taken.update(range(span.start, span.end))

    for tok in doc:
        if tok.i in taken:
            continue
        low = tok.lower_
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if _is_name_token(tok) and _ends_run(doc, tok):
            span = _name_ending_at(doc, tok)
            # a role alone does not make one word spaCy calls a people a place ("shooting
            # at Croats", "captured Chinese and Koreans"); an apposition or area word does
            people_word = span is not None and any(
                e.label_ == "NORP" and e.start == span.start and e.end == span.end
                for e in ents_in(span))
            if span is not None and (_appositive_place(span) or _area_name(span)
                                     or not people_word and (
                                         _territorial_object(span, strict=True)
                                         or _taken_from(span) or _directed_name(span)
                                         or _event_role(span) and _eventful(span))):
                keep(span)
                continue
        if low in words["place_of_nouns"] and tok.pos_ == "NOUN" and nxt is not None \
                and nxt.lower_ == "of" and tok.i + 2 < len(doc):
            keep(_run_after(doc, tok.i + 2))  # "the island of X"
        elif (low in words["naming_words"] or low == "known" and nxt is not None
              and nxt.lower_ == "as") and _names_place_noun(tok):
            # "a place called X", "two areas known as X and Y", "villages like X and Y"
            for span in _listed_after(doc, tok.i + (2 if low == "known" else 1)):
                keep(span)
        elif low in after_nouns and tok.pos_ in {"NOUN", "PROPN"} and tok.i > 0 \
                and not tok.text[:1].isupper() and (nxt is None or nxt.lower_ != "of"):
            # "the X railway yard"; but in "the Jaysh al-Islam town of Y" the place is Y
            j = tok.i
            while j > tok.i - 2 and doc[j - 1].lower_ in words["place_modifiers"]:
                j -= 1  # "the Tarmiyah pumping station", "the Agatu local council"
            if j > 0:
                for span in _listed_before(doc, j, low in words["plural_place_nouns"]):
                    keep(span)  # "the Hanano and Jabal Badro districts"
        elif low in words["generic_words"] and tok.text[:1].isupper() and tok.i > 0 \
                and _ends_run(doc, tok):
            name = _name_ending_at(doc, doc[tok.i - 1])
            if name is None or not any(t.lower_ not in generic for t in name):
                continue
            run = doc[name.start:tok.i + 1]  # "the X Military Airport"
            role = _territorial_object(run, strict=True) or _facility_role(run)
            if low in words["facility_generics"] and not role and not _arabic(name):
                continue  # "taken to Mercy Memorial Hospital"
            # spaCy calls many such runs persons ("Kodori Gorge"); a person's name may end
            # in "Hill" but never in "Gorge"
            person = low not in words["impersonal_generics"] and not role
            if _plain_unknown(name, taken, people) and not _inside_other_name(run, person):
                keep(run)
    return found


def _facility_role(span: Span) -> bool:
    """A building or street as an attack's target or place, past its article: "stormed the
    X Hospital", "a blast at the X Hotel", "the assault on the X Base"."""
    words = context_words()
    heads = words["facility_event_heads"]
    doc = span.doc
    k = span.start - 1 if span.start > 0 and doc[span.start - 1].pos_ == "DET" else span.start
    if k > 0 and doc[k - 1].lower_ in words["strategic_words"]:
        return True  # "targeting the strategic X Hospital": a military objective
    head = _role_token(span)
    aim = head.head
    if head.dep_ == "pobj" and aim.head.i != aim.i:
        prep = aim.lower_
        aim = aim.head
    elif head.dep_ not in {"dobj", "nsubjpass"}:
        return False
    else:
        prep = ""
    aims = [aim]
    if prep in words["facility_preps"]:
        # "shot ... as he stood outside the X Hotel": the event a clause up, not across "and"
        while len(aims) < 3 and aim.dep_ in {"advcl", "prep", "pobj", "xcomp", "acl"}:
            aim = aim.head
            aims.append(aim)
    return any(a.lower_ in heads or a.lemma_.lower() in heads for a in aims)


def _arabic(span: Span) -> bool:
    """A name with an Arabic article ("al-Yarmouk", "Al-Rasoul")."""
    return any(_is_article(t, t.nbor() if t.i + 1 < len(t.doc) else None) for t in span)


def _eventful(span: Span) -> bool:
    """An unknown name in an event's place role that no other label makes a body, an event
    or a work ("killed in Operation X" is no place); not a building's or a body's name.
    spaCy's label on a one-word name counts by the preposition: a person is shot "at" and
    attacked "on" but not killed "in" ("shot at Mengistu"); a body is withdrawn "from" or
    fought "for" but not fought "at" ("withdrew from Congress", "clashes at Kibeho")."""
    words = context_words()
    head = _role_token(span)
    prep = head.head.lower_ if head.dep_ == "pobj" else ""
    # "shot at X", "the attack on X" aim at X; "murdered his relative at X" does not
    aimed = prep in words["person_aim_preps"] and not any(
        c.dep_ == "dobj" for c in head.head.head.children)
    bad = {"ORG", "EVENT", "WORK_OF_ART", "LAW", "FAC", "LANGUAGE"}
    for ent in ents_in(span):
        whole = ent.start == span.start and _ent_end(ent) == span.end and len(span) == 1
        if ent.label_ == "PERSON" and (not whole or aimed or (
                prep == "for" and head.head.head.pos_ != "NOUN")):
            return False  # a person's full name ("at Minnie Howard") stays a person's, and
            # one fought for ("fighting for X"); a place is "the battle for X"
        if ent.label_ == "ORG" and whole and prep in words["body_safe_preps"]:
            continue
        if ent.label_ in bad and not (whole and ent.end > span.end):
            return False  # "Nice Saturday" as an EVENT is the town and a weekday
    return not _body_like(span) and not _inside_other_name(span, person=False)


def _people_name(word: str) -> bool:
    """A demonym or the word of a faith or people, also in the plural ("Muslims", "Shi'i",
    "Turkoman"): such words are capitalised like names but name no place."""
    folded = fold(word)
    groups = context_words()["group_words"]
    return folded in demonyms() or folded in groups or folded.endswith("s") and (
        folded[:-1] in groups or folded[:-1] in demonyms())


def _directed_name(span: Span) -> bool:
    """A name after a compass or position word in a place's phrase: "attacks in eastern
    Ghouta", "a checkpoint at eastern Khattab", "a marketplace in central Maree". Neither a
    person nor a body is "eastern"."""
    doc = span.doc
    words = context_words()
    before = doc[span.start - 1] if span.start >= 2 else None
    if before is None or before.lower_ not in cue_set("direction_words") \
            and before.lower_ not in words["position_words"] \
            or not before.is_lower or doc[span.start - 2].pos_ == "DET":
        return False  # "the southern Baptist ...": an article makes it a description
    head = _role_token(span)
    if any(e.label_ == "PERSON" and len(e) > 1 for e in ents_in(span)):
        return False
    return head.dep_ == "pobj" and head.head.lower_ in words["directed_preps"]


def _taken_from(span: Span) -> bool:
    """A name taken from someone: "attempt to capture X from the rebels", "seized X from
    government forces". People are captured, but not from their captors' enemies."""
    words = context_words()
    head = _role_token(span)
    if head.dep_ != "dobj" or head.head.lemma_.lower() not in words["taking_verbs"] \
            or _after_determiner(span):
        return False
    if any(e.label_ == "PERSON" and len(e) > 1 for e in ents_in(span)):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "from" and c.i > head.i
               and any(g.dep_ == "pobj" and g.lower_ not in words["taken_from_not"]
                       for g in c.children)
               for c in list(head.head.children) + list(head.children))


def _area_name(span: Span) -> bool:
    """A local government area: "Logo Local Government Area", "Birnin Magaji LGA", "the
    Agatu local council" (the area words inside the run or right after it)."""
    doc = span.doc
    words = [t.lower_ for t in span]
    after = [t.lower_ for t in doc[span.end:span.end + 4]]
    for phrase in area_phrases():
        n = len(phrase)
        if len(words) > n and tuple(words[-n:]) == phrase or tuple(after[:n]) == phrase:
            return True
    return False


def _names_place_noun(tok: Token) -> bool:
    """"called", "known as", "like" after a place noun: "a place called", "villages like"."""
    nouns = context_words()["named_place_nouns"]
    doc = tok.doc
    if tok.lower_ in context_words()["headed_naming_words"]:
        # "villages like X", but not "seizing people in the town, including X"
        return tok.head.pos_ == "NOUN" and tok.head.lower_ in nouns and tok.head.i < tok.i
    near = [tok.head] + [doc[k] for k in range(tok.i - 1, max(-1, tok.i - 4), -1)
                         if doc[k].pos_ in {"NOUN", "PUNCT", "ADJ", "NUM"}]
    return any(t.pos_ == "NOUN" and t.lower_ in nouns and t.i < tok.i for t in near)


def _listed_after(doc: Doc, i: int) -> list[Span]:
    """The name runs of a list starting at token ``i``: "X, Y and Z"."""
    out: list[Span] = []
    while i < len(doc):
        span = _run_after(doc, i)
        if span is None:
            break
        out.append(span)
        k = span.end
        if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in {"and", "or"}:
            k += 1
        if k + 1 >= len(doc) or doc[k].lower_ not in {",", "and", "or"}:
            break
        i = k + 1
    return out


def _listed_before(doc: Doc, j: int, plural: bool) -> list[Span]:
    """The name run ending before token ``j`` and, before a plural noun, the runs listed with
    it: "the Shuqayf and Bustan Al-Basha (districts)"."""
    span = _name_ending_at(doc, doc[j - 1])
    out: list[Span] = []
    while span is not None:
        out.append(span)
        k = span.start - 1
        if not plural or k < 1 or doc[k].lower_ not in {",", "and", "or"}:
            break
        if doc[k].lower_ in {"and", "or"} and doc[k - 1].text == ",":
            k -= 1
        span = _name_ending_at(doc, doc[k - 1]) if k >= 1 else None
    return out


def lead_word_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Names opened by a toponym word of the region (data/toponym_lead_words.tsv): "Kafr
    Nabuda", "Jabal al-Sayyid", "Tal Maksour", "Birnin Magaji". They are places whatever
    NER calls them, kept unresolved when the gazetteer does not know them."""
    leads = lead_words()
    people = person_words(doc)
    found: list[Span] = []
    for tok in doc[:-1]:
        article = leads.get(tok.text.translate(NAME_MARKS).lower())
        if article is None or tok.i in taken or not _is_name_token(tok):
            continue
        first = tok.i - 1 if tok.i > 0 and _ayn(doc[tok.i - 1], tok) else tok.i
        if first > 0 and not doc[first].is_sent_start and _name_part(doc[first - 1],
                                                                      doc[first]):
            continue  # inside a longer name: "Imran Khan", "Al-Tal Al-Abyad"
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
        nxt = doc[tok.i + 1]
        if _is_article(nxt, after) or _ayn(nxt, after):
            pass
        elif article or nxt.pos_ != "PROPN":
            continue  # "Khan" opens a place only as "Khan al-..."; "Tell Me"
        span = _run_after(doc, first)  # "‘Ayn Al-Fijah" with its ayn
        if span is None or len(span) < 2 or any(t.i in taken for t in span) \
                or fold(span.text) in people or _owner_like(span) or not _plain_name(span) \
                or _inside_other_name(span, person=False):
            continue
        found.append(span)
        taken.update(range(span.start, span.end))
    return found


def listed_names(doc: Doc, places: list[Span], taken: set[int]) -> list[Span]:
    """Unknown names listed with toponyms where the list is in a place's role and mostly
    places already: "clashes at Kut, Harbnafseh and Hilla", "rebels captured Kut and
    Bzaah". A name with its own "of X" / "in X" is a person or body placed there ("Jane
    Doe of Springfield")."""
    preps = (set(cues()["in_preps"]) | set(cues()["near_preps"])) - {"to", "on"}
    verbs = context_words()["territorial_verbs"]
    people = person_words(doc)
    found: list[Span] = []
    heads: dict[int, Token] = {}
    for place in places:
        head = _list_head(place.root)
        heads.setdefault(head.i, head)
    for head in heads.values():
        members = [head] + [t for t in head.subtree if t.dep_ == "conj"
                            and _list_head(t).i == head.i]
        known = [m for m in members if m.i in taken]
        if len(members) < 2 or 2 * len(known) < len(members):
            continue
        if not (head.dep_ == "pobj" and head.head.lower_ in preps
                or head.dep_ in {"dobj", "nsubjpass"} and head.head.lemma_.lower() in verbs):
            continue
        for member in members:
            if member.i in taken or any(c.dep_ in {"prep", "appos", "nummod"}
                                        for c in member.children):
                continue
            span = _name_ending_at(doc, member)
            if span is not None and not _after_determiner(span) \
                    and _plain_unknown(span, taken, people) and not _people_name(span.text) \
                    and not _inside_other_name(span, person=len(known) < 2 and len(span) > 1):
                found.append(span)
                taken.update(range(span.start, span.end))
    return found


# -- names that are not places ---------------------------------------------------------------


def _prev_word(span: Span) -> Token | None:
    """The word before the span, past a period of an abbreviated title ("Gen. X")."""
    k = span.start - 1
    if k >= 1 and span.doc[k].text == "." and span.doc[k - 1].is_title \
            and len(span.doc[k - 1]) <= 4:
        k -= 1
    return span.doc[k] if k >= 0 else None


def _title_before(span: Span, gaz: Gazetteer) -> bool:
    """A title or an age before the name: "President Santos", "Gen. Morales", "the
    25-year-old Jimenez", "spokesman Kennedy"; not where title and name together name a
    place ("General Santos City")."""
    prev = _prev_word(span)
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if prev is None or nxt is not None and (nxt.pos_ in {"NOUN", "PROPN"} or nxt.text == ","
                                            and span.end + 1 < len(doc)
                                            and _is_name_token(doc[span.end + 1])):
        return False  # "the 48-year-old Kansas City man", "a Calgary, Alberta man"
    if prev.lower_.rstrip(".") in context_words()["person_titles"]:
        return not gaz.lookup(span.doc[prev.i:span.end].text)
    return prev.lower_ == "old" and span.start >= 3 and "year" in span.doc[
        span.start - 3:span.start].text.lower()


def _person_clause(span: Span) -> bool:
    """Words after the name that only a person takes: "X, who ...", "X, born in 1938",
    "X, 45, ..."."""
    doc = span.doc
    k = span.end
    if k + 1 >= len(doc) or doc[k].text != ",":
        return False
    if not span[0].is_sent_start and doc[span.start - 1].pos_ not in {"VERB", "AUX", "DET"}:
        return False  # "Jane Doe, 30, of Ten Mile, who said": the clause is hers
    nxt = doc[k + 1]
    if nxt.text in context_words()["person_clause_words"]:  # "who", not "WHO"
        return True
    return nxt.like_num and k + 2 < len(doc) and doc[k + 2].text == "," \
        and nxt.text.isdigit() and 10 <= int(nxt.text) <= 99


def _speech_subject(span: Span, gaz: Gazetteer) -> bool:
    """A one-word name that says or tells ("Kumar said", "Taljbini told ARA News"), unless
    it names a country, region or large city, which speak for their governments ("Ankara
    says")."""
    root = span.root
    if len(span) > 1 or root.dep_ != "nsubj" \
            or root.head.lemma_.lower() not in context_words()["speech_verbs"]:
        return False
    for entry, quality in gaz.lookup(span.text):
        if quality == 1.0 and (entry.feature in {"country", "admin1", "region", "continent"}
                               or entry.population >= BIG_CITY):
            return False
    return True


def _time_zone(span: Span) -> bool:
    """"4 p.m. Moscow time", "(Damascus time)", "Moscow Standard Time"."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in context_words()["time_words"]:
        return False
    word = doc[span.end]
    if word.lower_ == "time":
        return word.i + 1 >= len(doc) or doc[word.i + 1].lower_ not in {"of", "when"}
    return word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "time"


def _follower_after(span: Span) -> bool:
    """A noun of followers or members after the name: "Morsi supporters", "SLA militiamen"."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in context_words()["follower_nouns"] \
        and doc[span.end].pos_ == "NOUN"


def _people_word(span: Span, gaz: Gazetteer) -> bool:
    """The word of a faith or people ("a Shia neighbourhood"), or a demonym that the
    gazetteer reads as a place of another country ("the Thai border" as a Malaysian town);
    one read as its own country ("Palestinian") is left to the geocoder."""
    folded = fold(span.text)
    if folded in context_words()["group_words"]:
        return not _names_country(gaz, span)
    own = demonyms().get(folded)
    doc = span.doc
    if own is None or span.end < len(doc) and doc[span.end].text == "-":
        return False  # "the Palestinian-Israeli conflict" names both sides
    readings = gaz.lookup(span.text)
    return bool(readings) and not any(e.country == own for e, _q in readings)


def _acronym(span: Span, gaz: Gazetteer) -> bool:
    """A short all-capital word in running text ("SLA", "ETA", "ARA News"): an organisation's
    initials, unless it names a country ("DRC") or the text around is in capitals too (a
    headline, "URFA - ...")."""
    text = span.text
    if len(span) != 1 or not text.isalpha() or not text.isupper() or len(text) > 5:
        return False
    if not gaz.lookup(text) or _names_country(gaz, span) \
            or gaz.abbreviation(text, after_comma=True) is not None:
        return False  # no gazetteer reading to doubt ("NSW"), or a country's ("DRC")
    doc = span.doc
    near = [t for t in doc[max(0, span.start - 3):span.end + 3]
            if t.is_alpha and t.i != span.start]
    if near and all(t.text.isupper() for t in near):
        return False  # a headline in capitals
    line_start = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws \
        or doc[span.start - 1].is_space
    after = doc[span.end] if span.end < len(doc) else None
    return not (line_start and (after is None or after.is_space or after.is_punct))


def _org_alias_after(span: Span, gaz: Gazetteer) -> bool:
    """A group's initials in brackets after the name: "Daesh (ISIS)", "Iraq and Al-Sham
    (ISIS)". A country's ("Democratic Republic of Congo (DRC)") does not count."""
    doc = span.doc
    k = span.end
    if k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
        return False
    initials = doc[k + 1]
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and (_is_name_token(before) or before.text in {"-", "\u2013"}):
        return False  # "Democratic Movement-United Georgia (DMUG)": a place in a longer name
    if not initials.text.isupper() or not initials.is_alpha or len(initials.text) < 2:
        return False
    if initials.text[0] == span.text[0] or initials.lower_ in context_words()["news_agencies"]:
        return False  # the place's own initials ("Kurdistan Region (KR)"), "(AP)"
    return not _names_country(gaz, doc[k + 1:k + 2])


def _org_continuation(span: Span) -> bool:
    """The end of an organisation's name that NER cut short: "the Islamic State of Iraq and
    Al-Sham" (ORG up to Iraq)."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 2 or doc[k].lower_ not in {"and", "&"} or doc[k - 2].lower_ != "of":
        return False
    return any(ent.label_ == "ORG" and ent.end == k and ent.start < k - 2 for ent in ents_of(doc))


def not_a_place(span: Span, gaz: Gazetteer, people: frozenset[str] = frozenset(),
                label: str = "GAZ") -> bool:
    """Reasons to drop a recognised name: a person ("the 25-year-old Jimenez", "Kumar
    said", a name the document gives a person), a time zone ("Moscow time"), a demonym or
    a faith, or part of a group's name or initials ("SLA militiamen", "Daesh (ISIS)")."""
    standalone = _standalone_place(gaz, span, frozenset())
    area = _standalone_place(gaz, span, frozenset(), cities=False)
    if _time_zone(span) or _title_before(span, gaz):
        return True
    if not area and _org_continuation(span):
        return True
    if label not in NER_PLACE_LABELS and (_people_word(span, gaz) or not area and _acronym(
            span, gaz) or not standalone and (_follower_after(span)
                                              or _hyphen_fragment(span, gaz))):
        return True
    if not standalone and (_person_clause(span) or _org_alias_after(span, gaz)):
        return True
    if _speech_subject(span, gaz):
        return True
    return fold(span.text) in people and not _locative_context(span) and not standalone


def _hyphen_fragment(span: Span, gaz: Gazetteer) -> bool:
    """One word of a double name the tokeniser split at a hyphen ("Kala" of "Kala-Balge"),
    unless the other part is a place or a people as well ("the Syria-Iraq border", "the
    Palestinian-Israeli conflict")."""
    doc = span.doc
    if len(span) > 1:
        return False  # a longer run cut short ends so too: "Qasr Al-Her Al[-Gharbi]"
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_ \
            and not doc[span.end].whitespace_ and _is_name_token(doc[span.end + 1]):
        other = doc[span.end + 1].text
        return not gaz.lookup(other) and fold(other) not in demonyms()
    return False


# -- names the tokeniser splits, names placed by what follows them ---------------------------


def _joined_end(doc: Doc, i: int, particles: frozenset[str]) -> int | None:
    """End of a name whose parts a particle and a hyphen join, starting at token ``i``:
    "Sar-e Pol", "Mazar-i-Sharif", "Deir ez-Zor"; None when no such name starts there."""
    def glued(k: int) -> bool:  # "-" at k written without spaces around it
        return k < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ \
            and not doc[k].whitespace_

    def particle(k: int) -> bool:
        return k < len(doc) and doc[k].text in particles

    def name(k: int) -> bool:
        return k < len(doc) and _is_name_token(doc[k])

    if not _is_name_token(doc[i]):
        return None
    if glued(i + 1) and particle(i + 2):
        if glued(i + 3) and name(i + 4):
            return i + 5  # "Mazar-i-Sharif"
        if doc[i + 2].whitespace_ and name(i + 3):
            return i + 4  # "Sar-e Pol"
    if doc[i].whitespace_ and particle(i + 1) and glued(i + 2) and name(i + 3):
        return i + 4  # "Deir ez-Zor"
    return None


def hyphenated_names(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[tuple[Span, str]]:
    """Names the tokeniser splits at a hyphen ("Sar-e Pol Province", "Mazar-i-Sharif"),
    taken whole so that no part ("Sar") stands as a place alone: the longest run the
    gazetteer knows, else the joined name when NER took a part of it for a place."""
    particles = context_words()["name_particles"]
    ent_at = _ent_at(doc)
    found: list[tuple[Span, str]] = []
    i = 0
    while i < len(doc):
        end = None if i in taken else _joined_end(doc, i, particles)
        if end is None:
            i += 1
            continue
        core = doc[i:end]
        if any(ent.start <= i and ent.end >= end for ent in ents_in(core)) \
                or any(t.i in taken for t in core) \
                or i > 0 and _is_name_token(doc[i - 1]) and not doc[i - 1].is_sent_start:
            # NER has the whole name; or it goes on before: "Jabhat Fateh al-Sham"
            i = end
            continue
        stop = end
        while stop < len(doc) and stop - end < 2 and _is_name_token(doc[stop]):
            stop += 1
        known = next((doc[i:j] for j in range(stop, end - 1, -1)
                      if any(q >= 0.9 for _e, q in gaz.lookup(doc[i:j].text))), None)
        labels = {ent_at[t.i].label_ for t in core if t.i in ent_at}
        span = known or (core if labels & PLACE_LABELS else None)
        if span is not None:
            found.append((span, "GPE" if known is None else "GAZ"))
            taken.update(range(span.start, span.end))
        i = end
    return found


def _placed_after(doc: Doc, k: int, taken: set[int]) -> bool:
    """What follows a name at token ``k`` places it in or by a known place: "in X in northern
    Iraq", "at X, North Darfur", "in X, 70 kilometres north of Baghdad"."""
    skip = cue_set("direction_words") | {"the"}
    if k + 1 >= len(doc) or doc[k].lower_ not in {"in", ","}:
        return False
    j = k + 1
    if doc[k].text == "," and doc[j].like_num and j + 1 < len(doc) \
            and doc[j + 1].lower_ in context_words()["distance_units"]:
        return True  # "X, 70 kilometres (40 miles) north of Baghdad"
    while j < len(doc) and j < k + 4 and doc[j].lower_ in skip:
        j += 1
    return j in taken


def _body_like(span: Span) -> bool:
    """A run that more likely names a body or a building than a place: its last word an
    institution's or a facility's ("First Presbyterian Church"), or an organisation of two
    words or more by NER ("Pizzeria Uno")."""
    if span[-1].lower_ in _body_words():
        return True
    return len(span) > 1 and any(ent.label_ in {"ORG", "WORK_OF_ART", "EVENT", "PRODUCT"}
                                 for ent in ents_in(span))


def located_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Unknown names after a bare "in", "at" or "near" that what follows places inside or
    near a known place (see :func:`_placed_after`): "killed in Adhaim in northern Iraq",
    "a bomb went off in Dhuluiya, 70 kilometres north of Baghdad"."""
    people = person_words(doc)
    found: list[Span] = []
    for tok in doc:
        if tok.lower_ not in {"in", "at", "near"} or tok.dep_ != "prep":
            continue
        span = _run_after(doc, tok.i + 1)
        if span is None or span.root.head.i != tok.i or span.root.dep_ != "pobj":
            continue
        if _plain_unknown(span, taken, people) and not _inside_other_name(span) \
                and not _after_determiner(span) and not _body_like(span) \
                and _placed_after(doc, span.end, taken):
            found.append(span)
            taken.update(range(span.start, span.end))
    return found



def recognise(doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    """All toponym mentions of a document, in text order, non-overlapping."""
    spans: list[tuple[Span, str]] = []
    taken: set[int] = set()
    line = dateline(doc.text, gaz)
    if line is not None:
        span = doc.char_span(line[0], line[1], alignment_mode="expand")
        if span is not None:
            spans.append((span, "DATELINE"))
            taken.update(range(span.start, span.end))
    for span in inner_datelines(doc, gaz, taken):
        spans.append((span, "DATELINE"))
    spans.extend(hyphenated_names(doc, gaz, taken))
    for ent in ents_of(doc):
        if ent.label_ in PLACE_LABELS and not any(t.i in taken for t in ent) \
                and any(t.text[:1].isupper() for t in ent):  # "the west coast": a description
            span = _trim(ent)
            if any(t.i in taken for t in span):
                span = ent
            if not gaz.lookup(span.text) and gaz.abbreviation(span.text) is None \
                    and not _variant_spelling(span, gaz):
                span = inner_place(ent, gaz) or span
            for part in _split_listed(span, gaz):
                spans.append((part, ent.label_))
                taken.update(range(part.start, part.end))
    for span in lead_word_names(doc, taken):
        spans.append((span, "LEAD"))
    for _ in range(2):  # the second pass adds repeats of names found in the first
        known = frozenset(key(s.text) for s, _label in spans) | _other_spellings(spans, gaz)
        for span in gazetteer_matches(doc, gaz, taken, known):
            spans.append((span, "GAZ"))
            taken.update(range(span.start, span.end))
    for span in party_places(doc, gaz, taken):
        spans.append((span, "PARTY"))
    known = frozenset(key(s.text) for s, _label in spans)
    for span in embedded_places(doc, gaz, taken, known):
        spans.append((span, "ORG_PLACE"))
    for span in dotted_states(doc, gaz, taken):
        spans.append((span, "STATE"))
    for span in cued_names(doc, taken):
        spans.append((span, "CUED"))
    for span in role_names(doc, taken):
        spans.append((span, "CUED"))
    listed = _listed_areas(doc)
    for (i, j), generic in listed.items():
        span = doc[i:j]
        if any(t.i in taken for t in span):
            continue
        if any(e.feature == "admin2" for e, _q in gaz.lookup(_generic_name(span, generic))):
            spans.append((span, "LISTED"))
            taken.update(range(i, j))
    for span, _label in list(spans):
        state = _state_after(doc, span, gaz)
        if state is not None and not any(t.i in taken for t in state):
            spans.append((state, "STATE"))
            taken.update(range(state.start, state.end))
    for span in located_names(doc, taken):
        spans.append((span, "CUED"))
    people = person_words(doc)
    spans = [(s, label) for s, label in spans
             if label in KEPT_LABELS or not not_a_place(s, gaz, people, label)]
    named = [s for s, label in spans if label not in {"CUED", "PARTY", "FAC"}]
    for span in listed_names(doc, named, taken):
        spans.append((span, "LIST"))
    out = []
    for span, label in sorted(spans, key=lambda x: x[0].start):
        country, feature = _hints(span, gaz)
        generic = listed.get((span.start, span.end))
        out.append(Toponym(start=span.start_char, end=span.end_char, text=span.text,
                           label=label, country_hint=country,
                           feature_hint="admin2" if generic else feature,
                           in_dateline=label == "DATELINE", generic=generic))
    return out
