"""Reasons to drop a recognised name as no place: a person ("President Santos", "Kumar
said", "X, who ..."), a time zone ("Moscow time"), a demonym or a faith, or part of a group's
name or initials ("SLA militiamen", "Daesh (ISIS)").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from gestae.geo.candidates import BIG_CITY, names_country, standalone_place
from gestae.geo.gazetteer import Gazetteer
from gestae.geo.lexicon import context_words, demonyms
from gestae.geo.names import is_name_token
from gestae.geo.normalize import fold
from gestae.geo.roles import locative_context
from gestae.nlp import ents_of

# Labels of names spaCy itself took for places: a noun after them ("an Arlington spokeswoman")
# or a hyphen ("East Zorra-Tavistock") does not undo them.
NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "DATELINE"})


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
                                            and is_name_token(doc[span.end + 1])):
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
        return not names_country(gaz, span)
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
    if not gaz.lookup(text) or names_country(gaz, span) \
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
    if before is not None and (is_name_token(before) or before.text in {"-", "\u2013"}):
        return False  # "Democratic Movement-United Georgia (DMUG)": a place in a longer name
    if not initials.text.isupper() or not initials.is_alpha or len(initials.text) < 2:
        return False
    if initials.text[0] == span.text[0] or initials.lower_ in context_words()["news_agencies"]:
        return False  # the place's own initials ("Kurdistan Region (KR)"), "(AP)"
    return not names_country(gaz, doc[k + 1:k + 2])


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
    standalone = standalone_place(gaz, span, frozenset())
    area = standalone_place(gaz, span, frozenset(), cities=False)
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
    return fold(span.text) in people and not locative_context(span) and not standalone


def _hyphen_fragment(span: Span, gaz: Gazetteer) -> bool:
    """One word of a double name the tokeniser split at a hyphen ("Kala" of "Kala-Balge"),
    unless the other part is a place or a people as well ("the Syria-Iraq border", "the
    Palestinian-Israeli conflict")."""
    doc = span.doc
    if len(span) > 1:
        return False  # a longer run cut short ends so too: "Qasr Al-Her Al[-Gharbi]"
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_ \
            and not doc[span.end].whitespace_ and is_name_token(doc[span.end + 1]):
        other = doc[span.end + 1].text
        return not gaz.lookup(other) and fold(other) not in demonyms()
    return False
