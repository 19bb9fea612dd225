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
Then acronyms the article defines ("the Syria Recovery Trust Fund (SRTF)", ``acronyms``)
and within-article coreference (``coref``) code later mentions from earlier ones.

Event arguments the reading leaves uncoded get more chances in ``arguments``
(``ArgumentActors``, built here as ``self.arguments``); ``resolve`` itself falls back on its
reading of a facility or act by its owner ("two LTTE camps").
A mention is the whole noun phrase with its article ("the Taliban", "a Hamas official"), as
ACE, re3d and the ConfliBERT tags mark it; numbers and quantifiers stay out.
"""

from __future__ import annotations

import datetime as dt
import os
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from gestae.actors.acronyms import link_acronyms
from gestae.actors.arguments import ArgumentActors
from gestae.actors.coref import Link, link_mentions
from gestae.actors.kb import (
    CAPITAL,
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
    skeleton,
    skeleton_close,
    tokenizer_nlp,
    user_files,
)
from gestae.actors.tokens import (
    ARTICLES,
    NER_TYPES,
    POSSESSIVE,
    RUN_START_TAGS,
    RUN_TAGS,
    SKIP_INSIDE,
    Match,
    Tokens,
)
from gestae.actors.words import ActorWords, is_place_name
from gestae.model import Actor

_USE_RANK = {NAME: 0, DEMONYM: 1, CAPITAL: 2, ROLE: 3, MARKER: 4}
_NO_INFER = frozenset({"UAF", "UNK"})
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "appos", "agent", "conj", "ROOT",
                         "attr", "pobj"})


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


class ActorResolver:
    """Code actor mentions with PLOVER countries and sectors from the actor knowledge base.

    ``extra_files`` (and the files in the ``GESTAE_ACTORS`` environment variable, separated
    by ``os.pathsep``) use the built-in data format; their entries add to or update the
    built-in ones. The knowledge base is compiled once per process and file set.
    """

    def __init__(self, extra_files: Sequence[str | os.PathLike[str]] = ()) -> None:
        self.kb: KnowledgeBase = load_kb(user_files(extra_files))
        self.words = ActorWords.from_settings(self.kb.settings)
        self._last_doc: weakref.ref[Doc] | None = None
        self._last_text = ""
        self._last_flags = (False, False)
        self._last_links: dict[int, Link] = {}  # end offset -> link, of the last extract
        self._last_actors: list[Actor] = []  # the actors of the last extract
        self.links: list[Link] = []  # coreference links of the last extract (explanations)
        self.arguments = ArgumentActors(self)

    @property
    def last_links(self) -> dict[int, Link]:
        """Coreference links of the last extract, by the end offset of the mention."""
        return self._last_links

    @property
    def last_actors(self) -> list[Actor]:
        """The actors of the last extract."""
        return self._last_actors

    # ------------------------------------------------------------------ public API

    def extract(self, doc: Doc, date: dt.date | None = None) -> list[Actor]:
        """One Actor per actor mention in ``doc``, in text order, non-overlapping."""
        toks = Tokens.from_doc(doc)
        matches = self.find_matches(toks)
        matches = self._add_entities(doc, toks, matches)
        mentions = self._mentions(toks, matches)
        text = doc.text
        self._last_doc, self._last_text = weakref.ref(doc), text
        self._last_flags = (doc.has_annotation("TAG"), doc.has_annotation("SENT_START"))
        actors = [self._actor(toks, m, date, text) for m in mentions]
        named, acronym_links = link_acronyms(doc, [a for a in actors if a is not None])
        coded, self.links = link_mentions(doc, named)
        self.links = sorted([*acronym_links, *self.links], key=lambda link: link.mention.start)
        self._last_links = {link.mention.end: link for link in self.links}
        self._last_actors = coded
        return coded

    def resolve(self, text: str, start: int, end: int,
                date: dt.date | None = None) -> Actor | None:
        """Code the phrase ``text[start:end]``; None when it names no actor ("the talks")."""
        phrase = text[start:end]
        if not phrase.strip():
            return None
        toks = self.phrase_tokens(text, start, end)
        matches = self.find_matches(toks)
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
            return self.arguments.thing_owner(toks, text, start, end, date)
        return replace(best, text=phrase, start=start, end=end)

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
        country, code, sector, sectors = self.entry_codes(entry, date)
        aligned = entry.aligned if entry.aligned != country else None
        return Actor(text=entry.name, start=0, end=0, name=entry.name, country=country,
                     code=code, sector=sector, sectors=sectors, kind=entry.kind, id=entry.id,
                     aligned=aligned)

    # ------------------------------------------------------------------ readings of resolve

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
        doc = self.doc_of(text)
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
                word in self.words.owned_acts or word in self.words.state_nouns
                or word in self.words.actor_nouns or root.lower_ in self.words.place_heads
                or (root.i > 0 and doc[root.i - 1].text == "(")):  # "... Republic (CAR)"
            return actor
        kind = None
        if word in self.words.institutions:
            kind = "group" if root.tag_ in ("NNS", "NNPS") else "organisation"
        return replace(actor, kind=kind, id=None, sector=None, sectors=[])

    def _office_of(self, actor: Actor, root: Token, word: str) -> Actor:
        """A person's title or name inside a phrase headed by an institution noun names the
        institution: "the Office of Inspector General", "the President's office" keep the
        person's country and sector but are an organisation, not the person."""
        if actor.start <= root.idx < actor.end or word not in self.words.institutions or \
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
        if owner.use == NAME and toks.text[owner.end] not in POSSESSIVE:
            return None  # "a plane to Iraq": a destination, not an owner
        country, code, _, _ = self.entry_codes(owner.entry, date)
        if country is None and code is None:
            return None
        thing = " ".join(toks.text[owner.end:]).lstrip("'’s ").strip()
        name = f"{self.kb.country_names.get(country or '', owner.entry.name)} {thing}".strip()
        start_char, end_char = toks.idx[0], toks.end_char(len(toks) - 1)
        return Actor(text=text[start_char:end_char], start=start_char, end=end_char,
                     name=name, country=country, code=code, kind=None, id=None)

    # ------------------------------------------------------------------ tokens

    def doc_of(self, text: str) -> Doc | None:
        """The last extracted doc, when ``text`` is its text (argument phrases are asked
        about the article just extracted)."""
        doc = self._last_doc() if self._last_doc else None
        return doc if doc is not None and self._last_text == text else None

    def phrase_tokens(self, text: str, start: int, end: int) -> Tokens:
        """Tokens of a phrase: from the last extracted doc when it is the same text."""
        doc = self.doc_of(text)
        if doc is not None:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                return Tokens.from_span(span, *self._last_flags)
        sub = tokenizer_nlp().make_doc(text[start:end])
        return Tokens.from_doc(sub, offset=start)

    # ------------------------------------------------------------------ step 1: matching

    def find_matches(self, toks: Tokens) -> list[Match]:
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
                if j > i and toks.text[j] in SKIP_INSIDE:
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
        matches = self._drop_surname_roles(doc, toks, matches)
        covered = [False] * len(toks)
        for m in matches:
            for j in range(m.start, m.end):
                covered[j] = True
        extra: list[Match] = []
        for ent in doc.ents:
            kind = NER_TYPES.get(ent.label_)
            if kind is None:
                continue
            span = self._entity_span(toks, ent.start, ent.end, covered)
            if span is None and kind == "organisation":
                span = self._named_after_country(toks, matches, ent.start, ent.end, covered)
            if span is None:
                continue
            start, end, after_locative = span
            if not self._entity_is_actor(toks, start, end, kind, after_locative):
                continue
            inner = start > ent.start and any(ent.start <= m.start < start for m in matches)
            name = doc[start:end].text
            if inner:
                first = next(j for j in range(ent.start, start)
                             if toks.text[j].lower() not in ARTICLES)
                name = doc[first:end].text
            entry = Entry(id="", type=f"ner-{kind}", name=name, kind=kind)
            extra.append(Match(start, end, entry, NAME,
                               entity_start=ent.start if inner else -1))
        return sorted([*matches, *extra], key=lambda m: m.start)

    @staticmethod
    def _drop_surname_roles(doc: Doc, toks: Tokens, matches: list[Match]) -> list[Match]:
        """A role word that ends a person's name the NER found, after a given name, is the
        surname: "Foreign Minister Julie Bishop", "Lt. Ryan Major" name a person, not a
        bishop or a major. A title at the start of the name ("Pope Francis") stays."""
        people = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
        if not people:
            return matches
        out = []
        for m in matches:
            surname = m.use == ROLE and any(
                s < m.start and m.end == e and toks.text[m.start][:1].isupper()
                and toks.text[m.start - 1][:1].isupper()
                and not any(x.end == m.start and x.use == ROLE for x in matches)
                for s, e in people)
            if not surname:
                out.append(m)
        return out

    @staticmethod
    def _named_after_country(toks: Tokens, matches: list[Match], start: int, end: int,
                             covered: list[bool]) -> tuple[int, int, bool] | None:
        """An organisation the NER found whose name starts with a country word the index
        matched: "The Syrian Computer Society" is the name "Computer Society" after
        "Syrian", so that the country joins it as a modifier."""
        inside = [m for m in matches if start <= m.start < end]
        if not inside or inside[0].use not in (NAME, DEMONYM) or \
                inside[0].entry.type != "country":
            return None
        first = inside[0]
        if not all(toks.text[j].lower() in ARTICLES for j in range(start, first.start)):
            return None
        roles = [m for m in inside[1:] if m.use == ROLE]
        if len(roles) == len(inside) - 1 and roles and roles[-1].end < end and all(
                a.end == b.start for a, b in zip([first, *roles], roles, strict=False)):
            first = roles[-1]  # "the Lebanese Farmers Association": the name's last word
        tail = range(first.end, end)
        if not tail or any(covered[j] for j in tail) or not all(
                toks.text[j][:1].isupper() or toks.text[j] in SKIP_INSIDE
                or toks.text[j].lower() in ("of", "for", "and") for j in tail):
            return None
        if not toks.text[first.end][:1].isupper() or not toks.text[end - 1][:1].isupper():
            return None
        return first.end, end, False

    def _entity_span(self, toks: Tokens, start: int, end: int,
                     covered: list[bool]) -> tuple[int, int, bool] | None:
        """The entity's tokens without a leading preposition ("Near Palmyra") or trailing
        reference marks ("al-Assad,[1"); None when the index already covers it."""
        after_locative = self._after_locative(toks, start)
        while start < end and (covered[start] or toks.text[start].lower() in self.words.locative):
            after_locative = after_locative or toks.text[start].lower() in self.words.locative
            start += 1
        for j in range(start + 1, end):
            if toks.text[j] in ("(", "["):  # "the Office of ... Control (OFAC": the name
                end = j
                break
        while end > start and not any(c.isalpha() for c in toks.text[end - 1]):
            end -= 1
        if start >= end or any(covered[start:end]):
            return None
        return start, end, after_locative

    def _after_locative(self, toks: Tokens, i: int) -> bool:
        """Token i follows "in", "near" ..., or is a conjunct of such a place ("in Diwaniya
        and Hilla")."""
        j = i - 1
        while j >= 0 and toks.text[j].lower() in ARTICLES:
            j -= 1
        if j < 0:
            return False
        if toks.text[j].lower() in self.words.locative:
            return True
        if toks.text[j].lower() not in ("and", "or", ","):
            return False
        for k in range(j - 1, max(j - 10, -1), -1):
            word = toks.text[k]
            if word.lower() in self.words.locative:
                return True
            if not (word[:1].isupper() or word.lower() in ("and", "or", ",", "the", "-")):
                return False
        return False

    def _entity_is_actor(self, toks: Tokens, start: int, end: int, kind: str,
                         after_locative: bool) -> bool:
        """Is an entity the NER found (and the index did not) an actor at all?"""
        first = toks.text[start]
        if not any(c.isupper() for c in first) or first in self.words.vessels:
            return False
        words = " ".join(toks.text[start:end])
        if norm(words) in self.words.not_actors:
            return False
        if kind == "organisation" and toks.dep[end - 1] not in _AGENT_DEPS:
            return False
        if kind == "group" and toks.has_tags and toks.tag[end - 1] not in ("NNS", "NNPS"):
            return False
        if after_locative and kind != "group":
            return not is_place_name(words)
        return True

    # ------------------------------------------------------------------ step 2: phrases

    def _in_run(self, toks: Tokens, i: int, phrase_mode: bool) -> bool:
        """Can token i be part of a noun phrase?"""
        text = toks.text[i]
        if text in POSSESSIVE or text in SKIP_INSIDE:
            return True
        if toks.is_time is not None and toks.is_time[i]:
            return False  # "The Guatemalan government Monday denied": the run ends
        if toks.has_tags:
            tag = toks.tag[i]
            if tag in RUN_TAGS:
                return True
            if tag == "RB" and i + 1 < len(toks) and toks.dep[i + 1] == "amod" and \
                    toks.tag[i + 1] in ("JJ", "VBN", "VBG"):
                return True  # "Turkey's democratically elected government"
            return tag in ("VBN", "VBG") and toks.dep[i] in ("amod", "compound")
        low = text.lower()
        if phrase_mode:
            return not toks.is_punct[i] and low not in self.words.attach and low not in (
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
                toks.has_tags and toks.tag[i] in RUN_START_TAGS)
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
                start = i if starts_new and (toks.tag[i] in RUN_START_TAGS) else None
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
            noun_end = self._described_by(toks, head, run_end)
            if noun_end:  # "our Turkish allies", "the Syrian state": the noun joins
                nxt = noun_end
            at_end = nxt >= run_end or toks.text[nxt] in SKIP_INSIDE and nxt + 1 >= run_end
            possessive = nxt < run_end and toks.text[nxt] in POSSESSIVE
            next_word = "" if at_end or nxt >= len(toks) else toks.text[
                nxt + 1 if possessive and nxt + 1 < run_end else nxt].lower()
            if not noun_end and not self._can_head(toks, head, at_end, possessive, next_word):
                k -= 1
                continue
            start, mods = self._absorb(toks, inside[:k], head, run_start)
            start = self.trim_start(toks, start, head.start)
            if at_end or possessive:
                start = self._with_article(toks, start, run_start)
            mention = Mention(start, nxt if noun_end else head.end, head, mods)
            mention.locative = self._is_locative(toks, head, start, run_start)
            out.append(mention)
            limit = start
            k -= 1 + len(mods)
            while k >= 0 and inside[k].end > limit:
                k -= 1
        return out

    def _described_by(self, toks: Tokens, head: Match, run_end: int) -> int:
        """The end of "<demonym> <actor noun>" when that ends the run ("Turkish allies",
        "our Syrian partners", "the Syrian state"): the noun names the country's people or
        state without a sector of its own. 0 otherwise."""
        j = head.end
        if head.use != DEMONYM or head.entry.type != "country" or j >= run_end or not (
                j + 1 == run_end or toks.text[j + 1] in SKIP_INSIDE and j + 2 >= run_end):
            return 0
        if toks.has_tags and not toks.tag[j].startswith("NN"):
            return 0
        return j + 1 if norm(toks.text[j]) in self.words.actor_nouns else 0

    def _can_head(self, toks: Tokens, head: Match, at_end: bool, possessive: bool,
                  next_word: str) -> bool:
        """Is this match an actor in its position (head, possessor or name in a compound)?"""
        entry, use = head.entry, head.use
        if use == MARKER:
            return False
        place_next = next_word in self.words.place_nouns
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
        if not before:
            return head.start, []
        if head.entity_start >= 0:  # the words of the same NER name before it
            mods = [m for m in before if m.start >= head.entity_start]
            if mods:
                return mods[0].start, mods
        left = before[-1]
        if entry.type in ("organisation", "ner-organisation") and left.use in (NAME, DEMONYM) \
                and left.entry.type == "country" and left.start >= run_start \
                and self._proper_between(toks, left.end, head.start):
            return left.start, [left]  # "the Syrian Arab Red Crescent"
        if left.end != head.start:
            return head.start, []
        if is_person and left.use == ROLE and self._title_role(toks, left):
            mods = [m for m in before if m.start >= run_start]
            return mods[0].start, mods
        if entry.type == "ner-organisation" and left.use == ROLE and (
                left.entry.kind == "organisation" or self._title_role(toks, left)):
            mods = [m for m in before if m.start >= run_start]  # "the British firm Voganlei"
            return mods[0].start, mods
        return head.start, []

    @staticmethod
    def _proper_between(toks: Tokens, a: int, b: int) -> bool:
        """Only capitalised words of one name between a country word and a name."""
        return b - a <= 2 and all(
            toks.text[j][:1].isupper() and (not toks.has_tags or toks.tag[j] in ("NNP", "NNPS"))
            for j in range(a, b))

    @staticmethod
    def _singular(toks: Tokens, m: Match) -> bool:
        return not toks.has_tags or toks.tag[m.end - 1] in ("NN", "NNP")

    def _title_role(self, toks: Tokens, role: Match) -> bool:
        """A role before a person's name that describes that person: a title ("President
        Aoun") or a singular noun for one person ("the Swedish citizen Mohamed Moumou")."""
        if role.entry.kind == "person":
            return True
        return role.entry.kind == "group" and self._singular(toks, role) and (
            not toks.has_tags or toks.tag[role.end - 1] == "NN")

    def _first_word(self, toks: Tokens, run_start: int, head_start: int) -> int:
        return self.trim_start(toks, run_start, head_start)

    def trim_start(self, toks: Tokens, start: int, head_start: int) -> int:
        """Drop determiners, numbers and quantifiers from the front of a mention."""
        while start < head_start and (
                toks.text[start].lower() in self.words.skip or toks.text[start] in SKIP_INSIDE
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
        if start - 1 >= run_start and toks.text[start - 1].lower() in ARTICLES:
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
        if i >= 0 and toks.text[i].lower() in self.words.locative:
            return True
        if i >= 0 and toks.text[i].lower() in self.words.place_verbs and (
                not toks.has_tags or toks.tag[i].startswith("VB")):
            return True  # "visited Baghdad"
        # "in Iraq and Syria": a conjunct of a place is a place
        if i < 0 or toks.text[i].lower() not in ("and", "or", ","):
            return False
        for j in range(i - 1, max(i - 10, -1), -1):
            word = toks.text[j]
            if word.lower() in self.words.locative:
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
                    and m.end < len(toks) and toks.text[m.end].lower() in self.words.attach
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

    def entry_codes(self, entry: Entry,
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
        if entry.type == "ner-organisation" and m.mods:
            return self._described_org(m, date, base)
        if entry.type.startswith("ner-"):
            return replace(base, name=entry.name, kind=entry.kind)
        country, code, sector, sectors = self.entry_codes(entry, date)
        name, ident = entry.name, entry.id
        if country is None and entry.type == "organisation" and self._country_mod(m, date):
            # "the Syrian Arab Red Crescent": the country's own branch of it
            country, ident = self._country_mod(m, date), None
            name = span_text.split(" ", 1)[-1] if toks.text[m.start].lower() in ARTICLES \
                else span_text
        kind = entry.kind
        if head.use == CAPITAL:
            sector, kind = "GOV", "state"
        elif head.use == DEMONYM:
            kind, sector, sectors = "group", None, list(entry.sectors)
            if m.end > head.end and norm(toks.text[m.end - 1]) in self.words.state_nouns:
                kind, sector = "state", entry.sector  # "the Syrian state"
        aligned = entry.aligned if entry.aligned != country else None
        return replace(base, name=name, country=country, code=code, sector=sector,
                       sectors=sectors, kind=kind, id=ident, aligned=aligned)

    def _country_mod(self, m: Mention, date: dt.date | None) -> str | None:
        """The country a country word before a name gives it ("Syrian" in "the Syrian
        Computer Society"); None without one."""
        for x in m.mods:
            if x.use in (NAME, DEMONYM) and x.entry.type == "country":
                return self.entry_codes(x.entry, date)[0]
        return None

    def _described_org(self, m: Mention, date: dt.date | None, base: Actor) -> Actor:
        """An organisation the index does not know, named after words that describe it:
        "the British firm Voganlei" (GBR BUS), "the Syrian Computer Society" (SYR)."""
        roles = [x.entry for x in m.mods if x.use == ROLE]
        sector = roles[-1].sector if roles else None
        name = m.head.entry.name if roles or m.head.entity_start >= 0 else \
            base.text.removeprefix("the ").removeprefix("The ")
        return replace(base, name=name, kind="organisation",
                       country=self._country_mod(m, date), sector=sector)

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
            owner = x if owner is None or x in m.mods else owner
        from_owner = False
        if owner is not None:
            ocountry, ocode, osector, osectors = self.entry_codes(owner.entry, date)
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
        noun = self._noun_of(toks, head)
        if kind == "person" and toks.has_tags and toks.tag[noun] in ("NNS", "NNPS"):
            kind = "group"
        elif kind == "group" and norm(toks.text[noun]) in self.words.one_person and (
                not toks.has_tags or toks.tag[noun] == "NN"):
            kind = "person"  # "a soldier", "the commanding general": one person
        if head.use == NAME:  # unknown person with a title
            kind, name, ident = "person", head.entry.name, None
        elif ident is None:
            ident = self._role_id(role, country)
        if country and head.use == ROLE and ident and ident.startswith("role/"):
            name = f"{self.kb.country_names.get(country, country)} {name}"
        located = self._located(toks, m, country, aligned)
        return replace(base, name=name, country=country, code=code, sector=sector,
                       sectors=sectors, kind=kind, id=ident, aligned=aligned, located=located)

    @staticmethod
    def _noun_of(toks: Tokens, head: Match) -> int:
        """The head noun of a role phrase: the word before its "of" or "for" ("Minister of
        Foreign Affairs" is one minister), else its last word."""
        for j in range(head.start + 1, head.end - 1):
            if toks.text[j].lower() in ("of", "for"):
                return j - 1
        return head.end - 1

    def _located(self, toks: Tokens, m: Mention, country: str | None,
                 aligned: str | None) -> str | None:
        """Where an actor is based, from "in <country or capital>" attached to it ("the US
        embassy in Baghdad": IRQ), when that is not its own country or it serves a patron
        ("Iran's proxy militia in Iraq": IRQ). The country data maps capitals to states."""
        for a in m.attached:
            j = a.start - 1
            while j >= 0 and toks.text[j].lower() in ARTICLES:
                j -= 1
            if j < 0 or toks.text[j].lower() not in self.words.based_in:
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
            if all(toks.text[j] in SKIP_INSIDE or toks.text[j] in POSSESSIVE for j in gap) \
                    and len(gap) <= 2:
                return True
        return False

