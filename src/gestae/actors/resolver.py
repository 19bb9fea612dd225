"""Find actor mentions in a parsed document and code them (country, sector, kind, id).

How it works, in three steps, all over one token array:

1. Phrase index: every name, demonym, capital, role noun and marker of the knowledge base
   is matched on normalised tokens (longest match wins; transliterated names also by
   consonant skeleton). Unknown PERSON / ORG / NORP entities of the NER become names too,
   once checked against the index and the data's word lists (a gazetteer place after "in",
   a ship, a weapon acronym is no actor); ``doc.ents`` itself is never changed.
2. Noun-phrase runs: runs of nominal tokens (tags NN*, JJ*, POS, HYPH, ...) are read right
   to left; the last match of a phrase is its head, earlier matches are its modifiers:
   "Iraqi security forces" = demonym + role -> IRQ COP (+MIL).
3. Prepositional attachment: "lawmakers in the Iraqi parliament", "the head of the PMF".

Countries and capitals after a locative preposition ("in Baghdad") are places, not actors.

Event arguments get more chances (``antecedent``, ``group_actor``, ``name_actor``,
``place_actor``): a pronoun is its antecedent in the same sentence, "various African
countries" an uncoded group, a proper name the NER missed an uncoded actor, and a place that
receives an action ("suspended aid to Gaza") the place's country, as CAMEO codes it.
A mention is the whole noun phrase with its article ("the Taliban", "a Hamas official"), as
ACE, re3d and the ConfliBERT tags mark it; numbers and quantifiers stay out.
"""

from __future__ import annotations

import datetime as dt
import os
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import yaml
from spacy.tokens import Doc, Span, Token

from gestae.actors.coref import Link, link_mentions
from gestae.actors.kb import (
    CAPITAL,
    DATA_DIR,
    DEMONYM,
    MARKER,
    NAME,
    ROLE,
    Entry,
    KnowledgeBase,
    Pattern,
    Term,
    case_ok,
    load_kb,
    norm,
    plural,
    skeleton,
    skeleton_close,
    tokenizer_nlp,
    user_files,
)
from gestae.model import Actor, Place
from gestae.nlp import ents_of

_USE_RANK = {NAME: 0, DEMONYM: 1, CAPITAL: 2, ROLE: 3, MARKER: 4}
_RUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "POS", "HYPH", "CD",
                       "AFX", "FW"})
_RUN_START_TAGS = frozenset({"DT", "PRP$", "PDT"})
_SKIP_INSIDE = frozenset({"-", "–", "—", "'", "’", "‘", ".", "`"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_NO_INFER = frozenset({"UAF", "UNK"})
_ARTICLES = frozenset({"the", "a", "an"})
_NER_TYPES = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}
_TIME_ENTS = frozenset({"DATE", "TIME"})
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "appos", "agent", "conj", "ROOT",
                         "attr", "pobj"})


@dataclass
class Tokens:
    """The token facts the resolver needs, from a parsed Doc or a bare tokenizer."""

    text: list[str]
    idx: list[int]
    tag: list[str]
    dep: list[str]
    sent_start: list[bool]
    has_tags: bool
    is_stop: list[bool]
    is_punct: list[bool]
    is_time: list[bool] | None = None  # inside a date or time entity ("Monday")

    @classmethod
    def from_doc(cls, doc: Doc, offset: int = 0) -> Tokens:
        has_tags = doc.has_annotation("TAG")
        has_sents = doc.has_annotation("SENT_START")
        return cls(text=[t.text for t in doc], idx=[t.idx + offset for t in doc],
                   tag=[t.tag_ for t in doc], dep=[t.dep_ for t in doc],
                   sent_start=[bool(has_sents and t.is_sent_start and t.i > 0) for t in doc],
                   has_tags=has_tags, is_stop=[t.is_stop for t in doc],
                   is_punct=[t.is_punct for t in doc],
                   is_time=[t.ent_type_ in _TIME_ENTS for t in doc])

    @classmethod
    def from_span(cls, span: Span, has_tags: bool, has_sents: bool) -> Tokens:
        """Tokens of a span of an annotated doc, in place (no copy of the doc)."""
        first = span.start
        return cls(text=[t.text for t in span], idx=[t.idx for t in span],
                   tag=[t.tag_ for t in span], dep=[t.dep_ for t in span],
                   sent_start=[bool(has_sents and t.is_sent_start and t.i > first)
                               for t in span],
                   has_tags=has_tags, is_stop=[t.is_stop for t in span],
                   is_punct=[t.is_punct for t in span],
                   is_time=[t.ent_type_ in _TIME_ENTS for t in span])

    def end_char(self, i: int) -> int:
        return self.idx[i] + len(self.text[i])

    def __len__(self) -> int:
        return len(self.text)


@dataclass
class Match:
    """A phrase of the index (or an NER entity) found at tokens [start, end)."""

    start: int
    end: int
    entry: Entry
    use: str
    fuzzy: bool = False


@dataclass
class Mention:
    """An actor mention under construction: token span, head, modifiers, coding."""

    start: int
    end: int
    head: Match
    mods: list[Match] = field(default_factory=list)
    locative: bool = False
    attached: list[Mention] = field(default_factory=list)


def term_in_force(entry: Entry, date: dt.date | None) -> Term | None:
    """The dated role that codes ``entry`` on ``date`` (the latest one when no date)."""
    if not entry.terms:
        return None
    if date is None:
        return max(entry.terms, key=lambda t: t.start or dt.date.min)
    valid = [t for t in entry.terms if t.covers(date)]
    return max(valid, key=lambda t: t.start or dt.date.min) if valid else None


def _same_sentence(doc: Doc, a: int, b: int) -> bool:
    """Do character offsets ``a`` and ``b`` of ``doc`` fall in one sentence?"""
    if not doc.has_annotation("SENT_START"):
        return True
    first, second = doc.char_span(a, a + 1, alignment_mode="expand"), doc.char_span(
        b, b + 1, alignment_mode="expand")
    if first is None or second is None or not len(first) or not len(second):
        return False
    return first[0].sent.start == second[0].sent.start


def _is_place_name(text: str) -> bool:
    """Does the gazetteer know this name as a place? (Loaded once per process by geo.)"""
    from gestae.geo.gazetteer import get_gazetteer  # noqa: PLC0415 - only when needed

    return get_gazetteer().has_name(text)


class ActorResolver:
    """Code actor mentions with PLOVER countries and sectors from the actor knowledge base.

    ``extra_files`` (and the files in the ``GESTAE_ACTORS`` environment variable, separated
    by ``os.pathsep``) use the built-in data format; their entries add to or update the
    built-in ones. The knowledge base is compiled once per process and file set.
    """

    def __init__(self, extra_files: Sequence[str | os.PathLike[str]] = ()) -> None:
        self.kb: KnowledgeBase = load_kb(user_files(extra_files))
        s = self.kb.settings
        self._locative = s.get("locative_prepositions", frozenset())
        self._attach = s.get("attach_prepositions", frozenset())
        self._place_nouns = s.get("place_nouns", frozenset())
        self._skip = s.get("skip_words", frozenset())
        self._place_verbs = s.get("place_verbs", frozenset())
        self._vessels = frozenset(v.upper() for v in s.get("vessel_prefixes", frozenset()))
        self._not_actors = frozenset(norm(w) for w in s.get("not_actors", frozenset()))
        self._based_in = s.get("based_prepositions", frozenset({"in", "at", "inside"}))
        self._group_nouns = frozenset(norm(w) for w in s.get("argument_nouns", frozenset()))
        self._place_heads = self._place_nouns | s.get("place_heads", frozenset())
        self._last_doc: weakref.ref[Doc] | None = None
        self._last_text = ""
        self._last_flags = (False, False)
        self._last_links: dict[int, Link] = {}  # end offset -> link, of the last extract
        self._last_actors: list[Actor] = []  # the actors of the last extract
        self._state_nouns = frozenset(norm(w) for w in s.get("state_descriptions",
                                                              frozenset()))
        self._owned_things = _with_plural_forms(s.get("owned_things", frozenset()))
        self._owned_acts = _with_plural_forms(s.get("owned_acts", frozenset()))
        self._owner_preps = s.get("owner_prepositions", frozenset())
        self._institutions = _with_plural_forms(s.get("institution_nouns", frozenset()))
        self._actor_nouns = frozenset(norm(w) for w in s.get("actor_nouns", frozenset()))
        self._place_acts = _with_plural_forms(s.get("place_acts", frozenset()))
        self._place_antecedents = s.get("place_antecedents", frozenset())
        self.links: list[Link] = []  # coreference links of the last extract (explanations)

    # ------------------------------------------------------------------ public API

    def extract(self, doc: Doc, date: dt.date | None = None) -> list[Actor]:
        """One Actor per actor mention in ``doc``, in text order, non-overlapping."""
        toks = Tokens.from_doc(doc)
        matches = self._matches(toks)
        matches = self._add_entities(doc, toks, matches)
        mentions = self._mentions(toks, matches)
        text = doc.text
        self._last_doc, self._last_text = weakref.ref(doc), text
        self._last_flags = (doc.has_annotation("TAG"), doc.has_annotation("SENT_START"))
        actors = [self._actor(toks, m, date, text) for m in mentions]
        coded, self.links = link_mentions(doc, [a for a in actors if a is not None])
        self._last_links = {link.mention.end: link for link in self.links}
        self._last_actors = coded
        return coded

    def resolve(self, text: str, start: int, end: int,
                date: dt.date | None = None) -> Actor | None:
        """Code the phrase ``text[start:end]``; None when it names no actor ("the talks")."""
        phrase = text[start:end]
        if not phrase.strip():
            return None
        toks = self._phrase_tokens(text, start, end)
        matches = self._matches(toks)
        mentions = self._mentions(toks, matches, phrase_mode=True)
        best: Actor | None = None
        for mention in mentions:
            actor = self._actor(toks, mention, date, text)
            if actor is None:
                continue
            if best is None or (actor.end - actor.start) > (best.end - best.start):
                best = actor
        if best is not None:
            best = self._wider_reading(best, text, start, end) or self._coreferent(best, text)
            best = self._state_part(best, text, start, end)
        if best is None:
            best = self._owned_thing(toks, matches, text, date)
        if best is None:
            return self._thing_owner(toks, text, start, end, date)
        return replace(best, text=phrase, start=start, end=end)

    # ------------------------------------------------------------------ event arguments

    def antecedent(self, text: str, start: int, end: int) -> Actor | None:
        """The named mention a pronoun argument stands for, when it is in the pronoun's own
        sentence ("The United States said it ...": the United States). An event's source or
        target is then that mention, as CAMEO coders mark it; farther antecedents only code
        the pronoun (``extract`` already does that)."""
        doc = self._doc_of(text)
        if doc is None:
            return None
        words = text[start:end].split()
        if len(words) == 2 and words[0].lower() == "the" and norm(words[1]) in self._state_nouns:
            return self._state_antecedent(doc, start)
        link = self._last_links.get(end)
        seen = 0
        while link is not None and link.rule == "pronoun" and link.mention.start == start \
                and seen < 8:
            ante = link.antecedent
            nxt = self._last_links.get(ante.end)
            if nxt is None or nxt.rule != "pronoun" or nxt.mention.start != ante.start:
                return ante if _same_sentence(doc, ante.start, start) else None
            link, start, seen = nxt, ante.start, seen + 1
        return None

    def _state_antecedent(self, doc: Doc, start: int) -> Actor | None:
        """"Bangladesh said ..., the first time the country has threatened": the state
        named earlier in the sentence, the subject one first, else the nearest."""
        states = [a for a in self._last_actors if a.end <= start and a.kind == "state"
                  and a.country and not a.inferred and _same_sentence(doc, a.start, start)]
        for actor in reversed(states):
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is not None and len(span) and span.root.dep_ in ("nsubj", "nsubjpass"):
                return actor
        return states[-1] if states else None

    def group_actor(self, text: str, start: int, end: int) -> Actor | None:
        """An argument headed by a collective noun or a position with a word that says which
        ("various African countries", "the LetUsSpeak movement", "CMPAJAC's chairman"): an
        actor, coded with the country of a country word in it and otherwise without country
        or sector (PLOVER gives regional constructs no country)."""
        toks = self._phrase_tokens(text, start, end)
        if not len(toks) or (toks.has_tags and not toks.tag[-1].startswith("NN")):
            return None
        matches = self._matches(toks)
        last = len(toks) - 1
        person = any(m.use == ROLE and m.end == len(toks) and m.entry.kind == "person"
                     and m.entry.sector is None for m in matches)
        if not person and norm(toks.text[last]) not in self._group_nouns:
            return None  # neither a collective noun nor a position ("CMPAJAC's chairman")
        first: int | None = None
        for i in range(len(toks) - 1):
            word, tag = toks.text[i], toks.tag[i] if toks.has_tags else ""
            if toks.has_tags and not (tag in _RUN_TAGS or tag in _RUN_START_TAGS or (
                    tag in ("VBN", "VBG") and toks.dep[i] in ("amod", "compound"))):
                return None  # a verb, a preposition: not one noun phrase
            if first is None and not (word.lower() in self._skip or word in _SKIP_INSIDE
                                      or tag in ("CD", "DT", "PRP$", "PDT")
                                      or word.replace(",", "").isdigit()):
                first = i
        if first is None:
            return None  # "the countries", "141 organisations": which ones is not said
        countries = {m.entry.country for m in matches
                     if m.entry.type == "country" and m.use in (NAME, DEMONYM)
                     and m.entry.country}
        country = next(iter(countries)) if len(countries) == 1 else None
        code = None if country else self._region_words(toks, first, last)
        plural = toks.tag[last] in ("NNS", "NNPS") if toks.has_tags else \
            toks.text[last].lower().endswith("s")
        kind = "group" if plural else ("person" if person else None)
        name = text[toks.idx[first]:toks.end_char(last)]
        return Actor(text=text[start:end], start=start, end=end, name=name, country=country,
                     code=code, kind=kind)

    @staticmethod
    def _region_words(toks: Tokens, first: int, last: int) -> str | None:
        """The region code of one or two words before a head: "Gulf states" -> PGS."""
        codes = region_codes()
        for i in range(first, last):
            for j in (i + 2, i + 1):
                if j <= last and (code := codes.get(norm(" ".join(toks.text[i:j])))):
                    return code
        return None

    def name_actor(self, text: str, start: int, end: int) -> Actor | None:
        """An argument that is a bare proper name the small NER missed ("Papandreou",
        "Pablo Emilio Moncayo"): an uncoded actor, unless the name is a place, a date or a
        thing the NER labels otherwise, or a word of the knowledge base."""
        toks = self._phrase_tokens(text, start, end)
        words = [i for i in range(len(toks)) if toks.text[i] not in _SKIP_INSIDE]
        if not words or len(words) > 5 or not toks.has_tags:
            return None
        for i in words:
            word = toks.text[i]
            joined = 0 < i < len(toks) - 1 and toks.text[i - 1] in _SKIP_INSIDE
            if not (toks.tag[i] in ("NNP", "NNPS") and word[:1].isupper()) and not (
                    joined and word.isalpha()):
                return None
        phrase = text[start:end]
        if norm(phrase) in self._not_actors or self._matches(toks) or _is_place_name(phrase):
            return None
        doc = self._doc_of(text)
        kind: str | None = None
        if doc is not None:
            for ent in ents_of(doc):
                if ent.start_char < end and start < ent.end_char:
                    if ent.label_ not in _NER_TYPES:
                        return None
                    kind = _NER_TYPES[ent.label_]
        if kind == "group" and toks.tag[words[-1]] not in ("NNS", "NNPS"):
            return None  # "Hindu", "Syrian": an adjective, not a group
        return Actor(text=phrase, start=start, end=end, name=phrase, kind=kind)

    def place_actor(self, text: str, start: int, end: int,
                    places: Sequence[Place]) -> Actor | None:
        """An argument that names a place ("suspended aid to Gaza", "the cities in Saudi
        Arabia"): CAMEO codes the recipient as the place's country. The phrase must be the
        place itself, headed by a place noun, a facility in the place ("another position in
        Syria") or an act on the place ("the siege of Kashmir"); the country comes from the
        gazetteer, so it is ``inferred`` unless the place is a country named in the words.
        A region without a country ("Europe", "Kashmir") is coded with its CAMEO region
        code when it has one, else named only."""
        inside = [p for p in places if start <= p.start and p.end <= end]
        doc = self._doc_of(text)
        if not inside or doc is None:
            return None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        root = span.root
        inside.sort(key=lambda p: p.country is None)  # a located place before a bare name
        place = next((p for p in inside if p.start <= root.idx < p.end), None)
        if place is not None:
            return self._place_coded(place, text, start, end, itself=True)
        place = self._headed_place(root, inside)
        return self._place_coded(place, text, start, end) if place is not None else None

    def _headed_place(self, root: Token, inside: list[Place]) -> Place | None:
        """The place a phrase's head noun stands for: a place noun ("the disputed territory
        of Kashmir"), a facility without an owner after "in" ("another position in Syria"),
        an act after "of" ("the siege of Aleppo")."""
        if not root.tag_.startswith("NN"):
            return None
        word = norm(root.text)
        if root.lower_ in self._place_heads:
            return inside[0]
        if word in self._owned_things:
            if any(c.i < root.i and c.dep_ in ("compound", "poss", "nmod") for c in root.children):
                return None  # "an army base in Kabul": the owner's, not the place's
            preps = self._based_in
        elif word in self._place_acts:
            preps = frozenset({"of"})
        else:
            return None
        for child in root.children:
            if child.dep_ != "prep" or child.lower_ not in preps:
                continue
            left, right = child.idx, child.right_edge.idx + len(child.right_edge)
            found = next((p for p in inside if left <= p.start and p.end <= right), None)
            if found is not None:
                return found
        return None

    def _place_coded(self, place: Place, text: str, start: int, end: int,
                     itself: bool = False) -> Actor:
        """The actor a place stands for: its country (a state when the phrase is the
        country itself), its region code, or only its name."""
        name = place.name or place.text
        if place.country is None:
            code = self._region_code(place)
            return Actor(text=text[start:end], start=start, end=end, name=name, code=code,
                         id=f"region/{code}" if code else None)
        state = itself and place.feature == "country"
        return Actor(text=text[start:end], start=start, end=end, name=name,
                     country=place.country, kind="state" if state else None,
                     inferred=not state, located=None if state else place.country)

    def _region_code(self, place: Place) -> str | None:
        """The CAMEO code of a world region by its gazetteer name or its words."""
        codes = region_codes()
        for name in (place.name, place.text):
            words = (name or "").split()
            if words and words[0].lower() == "the":
                words = words[1:]
            code = codes.get(norm(" ".join(words)))
            if code:
                return code
        return None

    def place_antecedent(self, text: str, start: int, end: int,
                         places: Sequence[Place]) -> Actor | None:
        """"declared a state of siege in the town": "the town" is the place named before it
        in the sentence (a town, not a country), coded as that place; none, no actor."""
        words = text[start:end].split()
        if len(words) != 2 or words[0].lower() != "the" or (
                words[1].lower() not in self._place_antecedents):
            return None
        doc = self._doc_of(text)
        if doc is None:
            return None
        before = [p for p in places if p.end <= start and p.country
                  and p.feature not in ("country", "continent")
                  and _same_sentence(doc, p.start, start)]
        if not before:
            return None
        return self._place_coded(before[-1], text, start, end)

    def _wider_reading(self, actor: Actor, text: str, start: int, end: int) -> Actor | None:
        """The document reading's longer mention around a phrase match, when the phrase
        lies in the last extracted text: "Libya's renegade Gen. Khalifa Haftar" is the
        person the NER found (LBY MIL), not the state the phrase's one known name gives."""
        if self._last_text != text:
            return None
        wider = [a for a in self._last_actors
                 if start <= a.start <= actor.start and actor.end <= a.end <= end
                 and (a.end - a.start) > (actor.end - actor.start)]
        return max(wider, key=lambda a: a.end - a.start) if wider else None

    def _state_part(self, actor: Actor, text: str, start: int, end: int) -> Actor:
        """A state named inside a phrase headed by something else is not the phrase's
        kind: "the Oman Sovereign Fund", "Brazil's oilworkers' confederation" keep the
        country but are an organisation (an institution noun) or a thing of the state. An
        act of the state ("Mexico's immigration policy") stays coded as the state."""
        doc = self._doc_of(text)
        if actor.kind not in ("state", "person") or doc is None:
            return actor
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return actor
        root = span.root
        word = norm(root.text)
        if actor.kind == "person":
            return self._office_of(actor, root, word)
        if actor.start <= root.idx < actor.end or not root.tag_.startswith("NN") or (
                word in self._owned_acts or word in self._state_nouns
                or word in self._actor_nouns or root.lower_ in self._place_heads
                or (root.i > 0 and doc[root.i - 1].text == "(")):  # "... Republic (CAR)"
            return actor
        kind = None
        if word in self._institutions:
            kind = "group" if root.tag_ in ("NNS", "NNPS") else "organisation"
        return replace(actor, kind=kind, id=None, sector=None, sectors=[])

    def _office_of(self, actor: Actor, root: Token, word: str) -> Actor:
        """A person's title or name inside a phrase headed by an institution noun names the
        institution: "the Office of Inspector General", "the President's office" keep the
        person's country and sector but are an organisation, not the person."""
        if actor.start <= root.idx < actor.end or word not in self._institutions or \
                not root.tag_.startswith("NN"):
            return actor
        kind = "group" if root.tag_ in ("NNS", "NNPS") else "organisation"
        return replace(actor, kind=kind, id=None)

    def _coreferent(self, actor: Actor, text: str) -> Actor:
        """A phrase the last extract coded from context ("the cleric" = al-Sadr) keeps
        that coding when an event argument asks for it again."""
        if self._last_text != text:
            return actor
        link = self._last_links.get(actor.end)
        if link is None or link.rule == "pronoun" or not (
                link.mention.start <= actor.start < link.mention.end
                or actor.start <= link.mention.start < actor.end):
            return actor
        return replace(link.mention, text=actor.text, start=actor.start, end=actor.end)

    def _owned_thing(self, toks: Tokens, matches: list[Match], text: str,
                     date: dt.date | None) -> Actor | None:
        """An argument that names a thing of a state: "a Georgian cargo plane", "Iran's oil
        tankers". PLOVER codes the recipient by its owner, so the phrase takes the state's
        country (no sector: the thing is not the government)."""
        owners = [m for m in matches if m.entry.type == "country"
                  and m.use in (NAME, DEMONYM) and m.end < len(toks)]
        if len(owners) != 1 or (toks.has_tags and not toks.tag[-1].startswith("NN")):
            return None
        owner = owners[0]
        if owner.use == NAME and toks.text[owner.end] not in _POSSESSIVE:
            return None  # "a plane to Iraq": a destination, not an owner
        country, code, _, _ = self._entry_codes(owner.entry, date)
        if country is None and code is None:
            return None
        thing = " ".join(toks.text[owner.end:]).lstrip("'’s ").strip()
        name = f"{self.kb.country_names.get(country or '', owner.entry.name)} {thing}".strip()
        start_char, end_char = toks.idx[0], toks.end_char(len(toks) - 1)
        return Actor(text=text[start_char:end_char], start=start_char, end=end_char,
                     name=name, country=country, code=code, kind=None, id=None)

    def demonym_actor(self, text: str, start: int, end: int,
                      date: dt.date | None = None) -> Actor | None:
        """An argument that is only a country's adjective: "Israeli" as the doer of
        "Israeli air strikes", "Japanese" in "Japanese and the Australian armies". The word
        stands for the country's side, coded like a thing of the state (country, no sector,
        no kind: which body of the state acted is not said)."""
        toks = self._phrase_tokens(text, start, end)
        first = self._trim_start(toks, 0, len(toks))
        adjectives = [m for m in self._matches(toks) if m.entry.type == "country"
                      and m.use == DEMONYM and m.start == first and m.end == len(toks)]
        if len(adjectives) != 1:
            return None
        entry = adjectives[0].entry
        country, code, _, _ = self._entry_codes(entry, date)
        if country is None and code is None:
            return None
        name = self.kb.country_names.get(country or "", entry.name)
        return Actor(text=text[start:end], start=start, end=end, name=name, country=country,
                     code=code, kind=None, id=None)

    def partitive_whole(self, text: str, start: int, end: int) -> int | None:
        """Where the whole of a partitive argument starts ("four of the country's states",
        "each of the top 25 providers", "thousands of Myanmar nationals"): the part is
        coded as the whole. None when the phrase is not "<number or quantifier> of ..."."""
        toks = self._phrase_tokens(text, start, end)
        if len(toks) < 3 or toks.text[1].lower() != "of":
            return None
        first = toks.text[0]
        if not (first.lower() in self._skip or first.replace(",", "").isdigit()
                or (toks.has_tags and toks.tag[0] == "CD")):
            return None
        return toks.idx[2]

    def people_actor(self, text: str, start: int, end: int) -> Actor | None:
        """A people word the knowledge base lacks, as the NER reads it, after a determiner
        or an adjective: "another ethnic Chechen", "two Uighurs". A bare "Hindu" or
        "Rohingya" is as often an adjective or a topic, and stays out."""
        toks = self._phrase_tokens(text, start, end)
        doc = self._doc_of(text)
        n = len(toks)
        if doc is None or n < 2 or not toks.has_tags or toks.tag[-1] not in (
                "NNP", "NNPS", "NNS", "NN"):
            return None
        last_start = toks.idx[-1]
        if not any(ent.label_ == "NORP" and ent.start_char <= last_start < ent.end_char
                   for ent in ents_of(doc)):
            return None
        if not all(toks.tag[i] in ("DT", "JJ", "CD", "PDT", "PRP$") for i in range(n - 1)):
            return None
        if self._matches(toks):
            return None  # a demonym or a role: ``resolve`` codes it
        plural = toks.tag[-1] in ("NNPS", "NNS")
        return Actor(text=text[start:end], start=start, end=end, name=toks.text[-1],
                     kind="group" if plural else "person")

    def _thing_owner(self, toks: Tokens, text: str, start: int, end: int,
                     date: dt.date | None) -> Actor | None:
        """An argument that names a facility or an act of a named actor: "a police
        headquarters", "two LTTE camps", "an arms depot of the Syrian army", "the Kirkuk
        council decision", "demands from the Neighborhood Association". PLOVER codes the
        recipient of an attack on a facility as its owner, CAMEO the target of rejecting a
        demand as its author: the phrase is coded as that actor, with the whole phrase as the
        mention ("a request by Mr. Erdogan"); without an owner it is no actor."""
        head, cut = self._thing_head(toks)
        if head < 0:
            return None
        n = len(toks)
        owner: Actor | None = None
        if cut + 1 < n and toks.text[cut].lower() in self._owner_preps:
            owner = self._owner_phrase(text, toks.idx[cut + 1], toks.end_char(n - 1), date)
        if owner is None:
            first = self._trim_start(toks, 0, head)
            last = head - 1
            if last >= first and toks.text[last] in _POSSESSIVE:
                last -= 1
            if last >= first:
                owner = self._owner_phrase(text, toks.idx[first], toks.end_char(last), date)
        if owner is None:
            return None
        return replace(owner, text=text[start:end], start=start, end=end)

    def _thing_head(self, toks: Tokens) -> tuple[int, int]:
        """The head of the phrase's first noun chunk when it is an owned thing or act (-1
        when not), and the index of the preposition after the chunk."""
        n = len(toks)
        if not toks.has_tags or not n:
            return -1, n
        cut = next((i for i in range(n) if toks.tag[i] in ("IN", "TO")), n)
        head = cut - 1
        if head < 0 or not toks.tag[head].startswith("NN"):
            return -1, cut
        word = norm(toks.text[head])
        if word not in self._owned_acts and word not in self._owned_things:
            return -1, cut
        return head, cut

    def _owner_phrase(self, text: str, start: int, end: int,
                      date: dt.date | None) -> Actor | None:
        """The actor a modifier or prepositional object names, coded or at least named."""
        return (self.resolve(text, start, end, date) or self.institution_actor(text, start, end)
                or self._acronym_actor(text, start, end) or self.name_actor(text, start, end))

    def _acronym_actor(self, text: str, start: int, end: int) -> Actor | None:
        """An unknown acronym as a modifier names an organisation ("two LTTE camps")."""
        words = text[start:end].split()
        if len(words) != 1:
            return None
        word = words[0]
        if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()) or (
                norm(word) in self._not_actors):
            return None
        return Actor(text=word, start=start, end=end, name=word, kind="organisation")

    def institution_actor(self, text: str, start: int, end: int) -> Actor | None:
        """A capitalised name headed by an institution noun, with an optional "of" part or
        a place after "in": "the Northern Branch of the Islamic Movement", "the Pirmasen
        Municipal Museum in Germany". An organisation without a sector; a country after
        "in" is where it is (``inferred``)."""
        toks = self._phrase_tokens(text, start, end)
        if not toks.has_tags or not len(toks):
            return None
        n = len(toks)
        i = 1 if toks.text[0].lower() in _ARTICLES else 0
        name_start, name_end = i, self._proper_run(toks, i)
        if name_end == name_start or norm(toks.text[name_end - 1]) not in self._institutions:
            return None
        if name_end - name_start < 2 and not (name_end + 1 < n
                                              and toks.text[name_end].lower() == "of"):
            return None  # "the Council": which one is not said
        j = name_end
        if j + 1 < n and toks.text[j].lower() == "of":
            k = j + 2 if toks.text[j + 1].lower() in _ARTICLES else j + 1
            after = self._proper_run(toks, k)
            if after > k:
                name_end = j = after
        country: str | None = None
        if j + 1 < n and toks.text[j].lower() in self._based_in:
            places = [m for m in self._matches(Tokens(
                text=toks.text[j + 1:], idx=toks.idx[j + 1:], tag=toks.tag[j + 1:],
                dep=toks.dep[j + 1:], sent_start=[False] * (n - j - 1), has_tags=True,
                is_stop=toks.is_stop[j + 1:], is_punct=toks.is_punct[j + 1:]))
                if m.entry.type == "country" and m.use == NAME]
            if len(places) != 1 or places[0].end != n - j - 1:
                return None
            country = places[0].entry.country
        elif j < n:
            return None
        name = text[toks.idx[name_start]:toks.end_char(name_end - 1)]
        return Actor(text=text[start:end], start=start, end=end, name=name, country=country,
                     kind="organisation", inferred=country is not None)

    @staticmethod
    def _proper_run(toks: Tokens, i: int) -> int:
        """End of the run of capitalised proper-noun words from token i."""
        while i < len(toks) and toks.text[i][:1].isupper() and toks.tag[i] in ("NNP", "NNPS"):
            i += 1
        return i

    def infer_context(self, actor: Actor, country: str | None) -> Actor:
        """A bare role actor ("police", "protesters") takes ``country`` from context."""
        if (country is None or actor.country is not None or actor.code is not None
                or not (actor.id or "").startswith("role/") or actor.sector in _NO_INFER):
            return replace(actor, sectors=list(actor.sectors))
        return replace(actor, country=country, inferred=True, sectors=list(actor.sectors),
                       id=f"{actor.id}/{country}")

    def code_entry(self, entry_id: str, date: dt.date | None = None) -> Actor:
        """The coding of one knowledge-base entry on ``date`` (no text span)."""
        entry = self.kb.get(entry_id)
        country, code, sector, sectors = self._entry_codes(entry, date)
        aligned = entry.aligned if entry.aligned != country else None
        return Actor(text=entry.name, start=0, end=0, name=entry.name, country=country,
                     code=code, sector=sector, sectors=sectors, kind=entry.kind, id=entry.id,
                     aligned=aligned)

    # ------------------------------------------------------------------ tokens

    def _doc_of(self, text: str) -> Doc | None:
        """The last extracted doc, when ``text`` is its text (argument phrases are asked
        about the article just extracted)."""
        doc = self._last_doc() if self._last_doc else None
        return doc if doc is not None and self._last_text == text else None

    def _phrase_tokens(self, text: str, start: int, end: int) -> Tokens:
        """Tokens of a phrase: from the last extracted doc when it is the same text."""
        doc = self._doc_of(text)
        if doc is not None:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                return Tokens.from_span(span, *self._last_flags)
        sub = tokenizer_nlp().make_doc(text[start:end])
        return Tokens.from_doc(sub, offset=start)

    # ------------------------------------------------------------------ step 1: matching

    def _matches(self, toks: Tokens) -> list[Match]:
        """Non-overlapping phrase matches, longest first, exact before fuzzy."""
        n = len(toks)
        norms = [norm(t) for t in toks.text]
        skel = [skeleton(t) if k else "" for t, k in zip(toks.text, norms, strict=True)]
        found: list[tuple[int, int, int, int, Pattern]] = []
        for i in range(n):
            if not norms[i]:
                continue
            for trie, keys, fuzzy in ((self.kb.exact, norms, 0), (self.kb.skeleton, skel, 1)):
                for end, pattern, used in self._walk(trie, keys, toks, i):
                    if not self._case_fits(pattern, toks, used, norms):
                        continue
                    found.append((end - i, i, fuzzy, _USE_RANK[pattern.use], pattern))
        found.sort(key=lambda f: (-f[0], f[2], f[3], f[1]))
        taken = [False] * n
        out: list[Match] = []
        for length, i, fuzzy, _, pattern in found:
            if any(taken[i:i + length]):
                continue
            for j in range(i, i + length):
                taken[j] = True
            out.append(Match(i, i + length, self.kb.get(pattern.entry_id), pattern.use,
                             bool(fuzzy)))
        out.sort(key=lambda m: m.start)
        return out

    @staticmethod
    def _walk(trie: dict, keys: list[str], toks: Tokens,
              i: int) -> Iterable[tuple[int, Pattern, list[int]]]:
        """Walk the trie from token i; skip hyphens and apostrophes inside a phrase."""
        node = trie
        used: list[int] = []
        j = i
        while j < len(keys):
            key = keys[j]
            if not key:
                if j > i and toks.text[j] in _SKIP_INSIDE:
                    j += 1
                    continue
                return
            node = node.get(key)
            if node is None:
                return
            used.append(j)
            for pattern in node.get("", ()):
                yield j + 1, pattern, list(used)
            j += 1

    @staticmethod
    def _case_fits(pattern: Pattern, toks: Tokens, used: list[int], norms: list[str]) -> bool:
        if len(pattern.case) != len(used):
            return False
        if not all(case_ok(flag, toks.text[j]) for flag, j in zip(pattern.case, used, strict=True)):
            return False
        if pattern.skeleton:
            pairs = zip(pattern.norms, used, strict=True)
            return all(skeleton_close(d, norms[j]) for d, j in pairs)
        return True

    def _add_entities(self, doc: Doc, toks: Tokens, matches: list[Match]) -> list[Match]:
        """Unknown PERSON / ORG / NORP entities become name matches of their own.

        The small model's labels are checked against the knowledge base first (an entity
        the index already matched is never re-read) and against the data's word lists: a
        name after "in" / "near" that the gazetteer knows is a place ("in Raqqah" tagged
        PERSON), a vessel ("USS Mahan") or a weapon acronym ("VBIED") is no actor. Nothing
        is written back to ``doc.ents``: the doc is shared with the place resolver.
        """
        covered = [False] * len(toks)
        for m in matches:
            for j in range(m.start, m.end):
                covered[j] = True
        extra: list[Match] = []
        for ent in doc.ents:
            kind = _NER_TYPES.get(ent.label_)
            if kind is None:
                continue
            span = self._entity_span(toks, ent.start, ent.end, covered)
            if span is None:
                continue
            start, end, after_locative = span
            if not self._entity_is_actor(toks, start, end, kind, after_locative):
                continue
            name = doc[start:end].text
            entry = Entry(id="", type=f"ner-{kind}", name=name, kind=kind)
            extra.append(Match(start, end, entry, NAME))
        return sorted([*matches, *extra], key=lambda m: m.start)

    def _entity_span(self, toks: Tokens, start: int, end: int,
                     covered: list[bool]) -> tuple[int, int, bool] | None:
        """The entity's tokens without a leading preposition ("Near Palmyra") or trailing
        reference marks ("al-Assad,[1"); None when the index already covers it."""
        after_locative = self._after_locative(toks, start)
        while start < end and (covered[start] or toks.text[start].lower() in self._locative):
            after_locative = after_locative or toks.text[start].lower() in self._locative
            start += 1
        while end > start and not any(c.isalpha() for c in toks.text[end - 1]):
            end -= 1
        if start >= end or any(covered[start:end]):
            return None
        return start, end, after_locative

    def _after_locative(self, toks: Tokens, i: int) -> bool:
        """Token i follows "in", "near" ..., or is a conjunct of such a place ("in Diwaniya
        and Hilla")."""
        j = i - 1
        while j >= 0 and toks.text[j].lower() in _ARTICLES:
            j -= 1
        if j < 0:
            return False
        if toks.text[j].lower() in self._locative:
            return True
        if toks.text[j].lower() not in ("and", "or", ","):
            return False
        for k in range(j - 1, max(j - 10, -1), -1):
            word = toks.text[k]
            if word.lower() in self._locative:
                return True
            if not (word[:1].isupper() or word.lower() in ("and", "or", ",", "the", "-")):
                return False
        return False

    def _entity_is_actor(self, toks: Tokens, start: int, end: int, kind: str,
                         after_locative: bool) -> bool:
        """Is an entity the NER found (and the index did not) an actor at all?"""
        first = toks.text[start]
        if not any(c.isupper() for c in first) or first in self._vessels:
            return False
        words = " ".join(toks.text[start:end])
        if norm(words) in self._not_actors:
            return False
        if kind == "organisation" and toks.dep[end - 1] not in _AGENT_DEPS:
            return False
        if kind == "group" and toks.has_tags and toks.tag[end - 1] not in ("NNS", "NNPS"):
            return False
        if after_locative and kind != "group":
            return not _is_place_name(words)
        return True

    # ------------------------------------------------------------------ step 2: phrases

    def _in_run(self, toks: Tokens, i: int, phrase_mode: bool) -> bool:
        """Can token i be part of a noun phrase?"""
        text = toks.text[i]
        if text in _POSSESSIVE or text in _SKIP_INSIDE:
            return True
        if toks.is_time is not None and toks.is_time[i]:
            return False  # "The Guatemalan government Monday denied": the run ends
        if toks.has_tags:
            tag = toks.tag[i]
            if tag in _RUN_TAGS:
                return True
            return tag in ("VBN", "VBG") and toks.dep[i] in ("amod", "compound")
        low = text.lower()
        if phrase_mode:
            return not toks.is_punct[i] and low not in self._attach and low not in (
                "and", "or", "by", "on", "against", "with")
        return not toks.is_punct[i] and not toks.is_stop[i]

    def _runs(self, toks: Tokens, matches: list[Match],
              phrase_mode: bool) -> list[tuple[int, int]]:
        """Maximal noun-phrase runs [start, end); matches are never split."""
        match_at = {m.start: m for m in matches}
        runs: list[tuple[int, int]] = []
        i, n = 0, len(toks)
        start: int | None = None
        while i < n:
            m = match_at.get(i)
            starts_new = toks.sent_start[i] or (
                toks.has_tags and toks.tag[i] in _RUN_START_TAGS)
            if m is not None:
                if start is None or starts_new:
                    if start is not None:
                        runs.append((start, i))
                    start = i
                i = m.end
                continue
            if starts_new or not self._in_run(toks, i, phrase_mode):
                if start is not None:
                    runs.append((start, i))
                start = i if starts_new and (toks.tag[i] in _RUN_START_TAGS) else None
                i += 1
                continue
            if start is None:
                start = i
            i += 1
        if start is not None:
            runs.append((start, n))
        return runs

    def _mentions(self, toks: Tokens, matches: list[Match],
                  phrase_mode: bool = False) -> list[Mention]:
        runs = self._runs(toks, matches, phrase_mode)
        mentions: list[Mention] = []
        k = 0
        for run_start, run_end in runs:  # runs and matches are both in text order
            while k < len(matches) and matches[k].start < run_start:
                k += 1
            inside = []
            j = k
            while j < len(matches) and matches[j].end <= run_end:
                inside.append(matches[j])
                j += 1
            mentions.extend(self._run_mentions(toks, inside, run_start, run_end))
        mentions.sort(key=lambda m: m.start)
        mentions = self._attach_pps(toks, mentions)
        return [m for m in mentions if not m.locative]

    def _run_mentions(self, toks: Tokens, inside: list[Match], run_start: int,
                      run_end: int) -> list[Mention]:
        """Read one run right to left: heads, then their modifiers."""
        out: list[Mention] = []
        k = len(inside) - 1
        limit = run_end  # tokens at or after limit belong to a later mention
        while k >= 0:
            head = inside[k]
            if head.end > limit:
                k -= 1
                continue
            nxt = head.end
            at_end = nxt >= run_end or toks.text[nxt] in _SKIP_INSIDE and nxt + 1 >= run_end
            possessive = nxt < run_end and toks.text[nxt] in _POSSESSIVE
            next_word = "" if at_end or nxt >= len(toks) else toks.text[
                nxt + 1 if possessive and nxt + 1 < run_end else nxt].lower()
            if not self._can_head(toks, head, at_end, possessive, next_word):
                k -= 1
                continue
            start, mods = self._absorb(toks, inside[:k], head, run_start)
            start = self._trim_start(toks, start, head.start)
            if at_end or possessive:
                start = self._with_article(toks, start, run_start)
            mention = Mention(start, head.end, head, mods)
            mention.locative = self._is_locative(toks, head, start, run_start)
            out.append(mention)
            limit = start
            k -= 1 + len(mods)
            while k >= 0 and inside[k].end > limit:
                k -= 1
        return out

    def _can_head(self, toks: Tokens, head: Match, at_end: bool, possessive: bool,
                  next_word: str) -> bool:
        """Is this match an actor in its position (head, possessor or name in a compound)?"""
        entry, use = head.entry, head.use
        if use == MARKER:
            return False
        place_next = next_word in self._place_nouns
        if use == ROLE:
            # a title before a name is absorbed by the name; otherwise a noun modifier;
            # "to press the regime", "performs general surgery": not the role noun
            if toks.has_tags and not toks.tag[head.end - 1].startswith("NN"):
                return False
            return at_end or possessive
        if use == DEMONYM:
            if not (at_end or possessive):
                return False
            if toks.has_tags:
                return toks.tag[head.end - 1] in ("NNS", "NNPS", "NNP", "NN")
            return norm(toks.text[head.end - 1]).endswith("s")
        # "Baghdad's Green Zone", "Iraq's Anbar province": a place, not an actor
        proper_next = possessive and toks.has_tags and head.end + 1 < len(toks) and \
            toks.tag[head.end + 1] in ("NNP", "NNPS")
        if use == CAPITAL:
            return (at_end or possessive) and not place_next and not proper_next
        if entry.type == "country" or entry.place:
            return not place_next and not proper_next
        return True

    def _absorb(self, toks: Tokens, before: list[Match], head: Match,
                run_start: int) -> tuple[int, list[Match]]:
        """How far left the head's phrase reaches, and which matches modify it."""
        entry = head.entry
        is_person = head.use == NAME and entry.kind == "person"
        if head.use == ROLE:
            # the whole noun phrase: "a prominent Venezuelan opposition leader"
            mods = [m for m in before if m.start >= run_start]
            return self._first_word(toks, run_start, head.start), mods
        if not before or before[-1].end != head.start:
            return head.start, []
        left = before[-1]
        if is_person and left.use == ROLE and left.entry.kind == "person":
            mods = [m for m in before if m.start >= run_start]
            return mods[0].start, mods
        if entry.type in ("organisation", "ner-organisation") and left.use in (NAME, DEMONYM) \
                and left.entry.type == "country":
            return left.start, [left]
        return head.start, []

    def _first_word(self, toks: Tokens, run_start: int, head_start: int) -> int:
        return self._trim_start(toks, run_start, head_start)

    def _trim_start(self, toks: Tokens, start: int, head_start: int) -> int:
        """Drop determiners, numbers and quantifiers from the front of a mention."""
        while start < head_start and (
                toks.text[start].lower() in self._skip or toks.text[start] in _SKIP_INSIDE
                or (toks.has_tags and toks.tag[start] in ("CD", "DT", "PRP$", "PDT"))
                or toks.text[start].replace(",", "").isdigit()):
            start += 1
        return start

    @staticmethod
    def _with_article(toks: Tokens, start: int, run_start: int) -> int:
        """Keep an article right before the mention: "the Taliban", "a Hamas official".

        A mention is the whole noun phrase, as ACE, re3d and the ConfliBERT actor tags mark
        it; numbers and quantifiers stay out (casualty figures are read separately).
        """
        if start - 1 >= run_start and toks.text[start - 1].lower() in _ARTICLES:
            return start - 1
        return start

    def _is_locative(self, toks: Tokens, head: Match, start: int, run_start: int) -> bool:
        """A country, capital or place-like institution right after "in", "to", "from"..."""
        entry = head.entry
        if head.use not in (NAME, CAPITAL) or not (entry.type == "country" or entry.place):
            return False
        if head.use == NAME and entry.type == "country" and start != head.start:
            return False
        i = run_start - 1
        while i >= 0 and toks.text[i].lower() in ("the", "a", "an"):
            i -= 1
        if i >= 0 and toks.text[i].lower() in self._locative:
            return True
        if i >= 0 and toks.text[i].lower() in self._place_verbs and (
                not toks.has_tags or toks.tag[i].startswith("VB")):
            return True  # "visited Baghdad"
        # "in Iraq and Syria": a conjunct of a place is a place
        if i < 0 or toks.text[i].lower() not in ("and", "or", ","):
            return False
        for j in range(i - 1, max(i - 10, -1), -1):
            word = toks.text[j]
            if word.lower() in self._locative:
                return True
            if not (word[:1].isupper() or word.lower() in ("and", "or", ",", "the", "-")):
                return False
        return False

    # ------------------------------------------------------------------ step 3: pps

    def _attach_pps(self, toks: Tokens, mentions: list[Mention]) -> list[Mention]:
        """Merge "ROLE in/of/for X" into one mention when X is a coded actor or a state."""
        out: list[Mention] = []
        i = 0
        while i < len(mentions):
            m = mentions[i]
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if (nxt is not None and m.head.use == ROLE and not m.locative
                    and m.end < len(toks) and toks.text[m.end].lower() in self._attach
                    and self._only_determiners(toks, m.end + 1, nxt.start)
                    and nxt.head.use in (NAME, CAPITAL, ROLE)
                    and not nxt.head.entry.type.startswith("ner-")
                    and self._pp_is_actor(nxt)):
                m.attached.append(nxt)
                m.end = nxt.end
                out.append(m)
                i += 2
                continue
            out.append(m)
            i += 1
        return out

    @staticmethod
    def _only_determiners(toks: Tokens, a: int, b: int) -> bool:
        return all(toks.text[j].lower() in ("the", "a", "an", "its", "their") for j in range(a, b))

    @staticmethod
    def _pp_is_actor(m: Mention) -> bool:
        """The object of the preposition is a state, a named actor or a country-coded role."""
        if m.head.use != ROLE:
            return True
        return any(mod.use in (NAME, DEMONYM, CAPITAL) for mod in m.mods)

    # ------------------------------------------------------------------ coding

    def _entry_codes(self, entry: Entry,
                     date: dt.date | None) -> tuple[str | None, str | None, str | None,
                                                    list[str]]:
        """Country, code, sector, other sectors of a named entry on ``date``."""
        country, code = entry.country, entry.code
        sector, sectors = entry.sector, list(entry.sectors)
        if entry.terms:
            term = term_in_force(entry, date)
            if term is not None:
                sector = term.sector or sector
                sectors = list(term.sectors) or ([] if term.sector else sectors)
                if term.overrides_country:
                    country, code = term.country, term.code
            elif date is not None and all(t.start and date < t.start for t in entry.terms) \
                    and entry.sector_before:
                sector, sectors = entry.sector_before, []
            elif sector is None and entry.type == "person":
                sector = "ELI"
        if sector is None and sectors:
            sector, sectors = sectors[0], sectors[1:]
        return country, code, sector, [s for s in sectors if s != sector]

    def _actor(self, toks: Tokens, m: Mention, date: dt.date | None,
               text: str) -> Actor | None:
        """Turn a mention into an Actor, composing modifiers and attached phrases."""
        start_char, end_char = toks.idx[m.start], toks.end_char(m.end - 1)
        span_text = text[start_char:end_char]
        base = Actor(text=span_text, start=start_char, end=end_char)
        head, entry = m.head, m.head.entry
        if head.use == ROLE or (entry.type == "ner-person" and m.mods):
            return self._compose_role(toks, m, date, base)
        if entry.type.startswith("ner-"):
            return replace(base, name=entry.name, kind=entry.kind)
        country, code, sector, sectors = self._entry_codes(entry, date)
        kind = entry.kind
        if head.use == CAPITAL:
            sector, kind = "GOV", "state"
        elif head.use == DEMONYM:
            kind, sector, sectors = "group", None, list(entry.sectors)
        aligned = entry.aligned if entry.aligned != country else None
        return replace(base, name=entry.name, country=country, code=code, sector=sector,
                       sectors=sectors, kind=kind, id=entry.id, aligned=aligned)

    def _compose_role(self, toks: Tokens, m: Mention, date: dt.date | None,
                      base: Actor) -> Actor | None:
        head = m.head
        role = head.entry if head.use == ROLE else None
        titles = [x for x in m.mods if x.use == ROLE]
        if role is None:  # unknown person with a title: "Lebanese President Michel Aoun"
            role = titles[-1].entry if titles else None
            titles = titles[:-1]
        sector = role.sector if role else None
        sectors: list[str] = list(role.sectors) if role else []
        country: str | None = None
        code: str | None = None
        ident: str | None = None
        name = self._role_name(toks, head) if role else head.entry.name
        aligned: str | None = None
        owner: Entry | None = None
        effects = {x.entry.effect for x in m.mods if x.use == MARKER}
        pool = [*m.mods, *(a.head for a in m.attached), *(x for a in m.attached for x in a.mods)]
        owners = [x for x in pool if x.use in (NAME, DEMONYM, CAPITAL)
                  and not x.entry.type.startswith("ner-")]
        role_mods = [x for x in pool if x.use == ROLE and x is not head]
        for x in owners:
            if self._is_aligned(toks, x, m) or (role and role.aligns and x in m.mods):
                aligned = aligned or (x.entry.country or x.entry.code)
                continue
            owner = owner or None
            owner = x if owner is None or x in m.mods else owner
        from_owner = False
        if owner is not None:
            ocountry, ocode, osector, osectors = self._entry_codes(owner.entry, date)
            country, code = ocountry, ocode
            if owner.entry.type == "country":
                sectors += list(owner.entry.sectors)
            elif role and (role.relational or role.member) and osector:
                ident, from_owner = owner.entry.id, True
                aligned = aligned or owner.entry.aligned
                sector, sectors = osector, list(osectors)
                name = f"{owner.entry.name} {self._role_name(toks, head)}"
            elif osector:
                sectors += [osector, *osectors]
        relational = bool(role and role.relational)
        for x in reversed(role_mods):
            if x.entry.sector and (sector is None or (relational and not from_owner)):
                # "army commander", "a spokesman for the police": the position's sector
                sector, sectors, from_owner = x.entry.sector, list(x.entry.sectors), True
                continue
            sectors += [s for s in (x.entry.sector, *x.entry.sectors) if s]
        for title in titles:
            sectors += [s for s in (title.entry.sector, *title.entry.sectors) if s]
        if "opposition" in effects:
            sector, sectors = self._apply_alt(role, "opposition", sector, sectors, "OPP")
        if "government" in effects and role and "government" in role.alt:
            sector, sectors = self._apply_alt(role, "government", sector, sectors, None)
        if "former" in effects and sector:
            sectors, sector = [sector, *sectors], "ELI"
        if "unknown" in effects and country is None and code is None and \
                sector in ("MIL", "PRM", "REB", None):
            sectors, sector = [s for s in [sector, *sectors] if s], "UAF"
        if sector is None and country is None and code is None:
            if head.use == NAME:  # "Mr. Karim": a person all the same, just not coded
                return replace(base, name=head.entry.name, kind="person")
            return None
        sectors = list(dict.fromkeys(s for s in sectors if s and s != sector))
        kind = role.kind if role else "person"
        if kind == "person" and toks.has_tags and toks.tag[head.end - 1] in ("NNS", "NNPS"):
            kind = "group"
        if head.use == NAME:  # unknown person with a title
            kind, name, ident = "person", head.entry.name, None
        elif ident is None:
            ident = self._role_id(role, country)
        if country and head.use == ROLE and ident and ident.startswith("role/"):
            name = f"{self.kb.country_names.get(country, country)} {name}"
        located = self._located(toks, m, country, aligned)
        return replace(base, name=name, country=country, code=code, sector=sector,
                       sectors=sectors, kind=kind, id=ident, aligned=aligned, located=located)

    def _located(self, toks: Tokens, m: Mention, country: str | None,
                 aligned: str | None) -> str | None:
        """Where an actor is based, from "in <country or capital>" attached to it ("the US
        embassy in Baghdad": IRQ), when that is not its own country or it serves a patron
        ("Iran's proxy militia in Iraq": IRQ). The country data maps capitals to states."""
        for a in m.attached:
            j = a.start - 1
            while j >= 0 and toks.text[j].lower() in _ARTICLES:
                j -= 1
            if j < 0 or toks.text[j].lower() not in self._based_in:
                continue
            entry = a.head.entry
            if a.head.use in (NAME, CAPITAL) and entry.type == "country" and entry.country:
                if entry.country != country or aligned:
                    return entry.country
                return None
        return None

    @staticmethod
    def _role_name(toks: Tokens, head: Match) -> str:
        """The role as written, lower-cased unless it is an acronym ("MPs")."""
        words = []
        for j in range(head.start, head.end):
            word = toks.text[j]
            words.append(word if sum(c.isupper() for c in word) > 1 else word.lower())
            if j + 1 < head.end and toks.idx[j] + len(word) < toks.idx[j + 1]:
                words.append(" ")
        return "".join(words)

    @staticmethod
    def _apply_alt(role: Entry | None, effect: str, sector: str | None, sectors: list[str],
                   add: str | None) -> tuple[str | None, list[str]]:
        if role and effect in role.alt:
            return role.alt[effect], [s for s in [sector, *sectors] if s]
        return sector, [*sectors, add] if add else sectors

    @staticmethod
    def _role_id(role: Entry | None, country: str | None) -> str | None:
        if role is None:
            return None
        return f"{role.id}/{country}" if country else role.id

    def _is_aligned(self, toks: Tokens, x: Match, m: Mention) -> bool:
        """"Iran-backed", "pro-Iranian", "Iran's proxy": the state is an ally, not the owner."""
        for mod in m.mods:
            if mod.use != MARKER or mod.entry.effect != "align":
                continue
            gap = range(x.end, mod.start) if mod.start >= x.end else range(mod.end, x.start)
            if all(toks.text[j] in _SKIP_INSIDE or toks.text[j] in _POSSESSIVE for j in gap) \
                    and len(gap) <= 2:
                return True
        return False


@lru_cache(maxsize=1)
def region_codes() -> dict[str, str]:
    """Normalised region name -> CAMEO region code, from data/regions.yaml (read once)."""
    data = yaml.safe_load((DATA_DIR / "regions.yaml").read_text(encoding="utf-8")) or {}
    return {norm(name): str(item["code"]) for item in data.get("regions") or []
            for name in item.get("names") or []}


def _with_plural_forms(words: Iterable[str]) -> frozenset[str]:
    """Normalised words with their plurals ("camp" -> "camps"), for head-noun lists."""
    out: set[str] = set()
    for word in words:
        out.add(norm(word))
        out.add(norm(plural(word)))
    return frozenset(out)
