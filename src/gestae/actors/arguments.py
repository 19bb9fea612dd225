"""The argument-phrase fallbacks: who an event argument names when the document reading
coded no actor mention for it.

For each event source and target the pipeline asks ``antecedent`` (a pronoun is its
antecedent in the same sentence), then ``code``: the phrase as the resolver codes it, else
the mention inside it, else these in turn - a place that receives an action ("suspended aid
to Gaza") as the place's country, as CAMEO codes it (``place_actor``), "various African
countries" as an uncoded group (``group_actor``), a named institution, a people word, a
proper name the NER missed (``name_actor``), a bare country adjective. A facility or act of
a named actor ("two LTTE camps") is that actor (``thing_owner``, the last reading of
``resolve``). Each one consults the resolver: its knowledge-base matches, its tokens and the
last extracted doc.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

import yaml
from spacy.tokens import Doc, Span, Token

from gestae.actors.kb import DATA_DIR, DEMONYM, NAME, ROLE, norm
from gestae.actors.tokens import (
    ARTICLES,
    NER_TYPES,
    POSSESSIVE,
    RUN_START_TAGS,
    RUN_TAGS,
    SKIP_INSIDE,
    Tokens,
)
from gestae.actors.words import is_place_name
from gestae.model import Actor, Place
from gestae.nlp import ents_of

if TYPE_CHECKING:
    from gestae.actors.resolver import ActorResolver


class ArgumentActors:
    """The actor an event argument names when ``resolve`` finds none, read with the help of
    ``resolver`` (its matches, tokens, codings and the last extracted doc)."""

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver
        self.words = resolver.words

    def code(self, start: int, end: int, actors: list[Actor], places: Sequence[Place],
             text: str, date: dt.date | None) -> Actor | None:
        """The actor one argument phrase names, or None when it names a thing: the phrase
        coded as a whole (role, owner, place), else the actor mention inside it, else the
        fallbacks below in turn. ``actors`` are the document's mentions, ``places`` its
        places."""
        phrase = text[start:end]
        if self.names_thing(text, start, end):
            return None  # "appeals against the demolition of X"
        whole = self.partitive_whole(text, start, end)
        if whole is not None:  # "four of the country's states": coded as the states
            coded = self.code(whole, end, actors, places, text, date)
            return replace(coded, text=phrase, start=start, end=end) if coded else None
        author = self.author_start(text, start, end)
        if author is not None:  # "the demands of [the truck drivers]": the author alone
            coded = self.code(author, end, actors, places, text, date)
            if coded is not None:
                return coded
        inside = _outermost([a for a in actors if start <= a.start < end])
        coded = self.resolver.resolve(text, start, end, date)
        if coded is not None and coded.kind == "person" and not any(
                a.kind == "person" for a in inside) and any(
                start <= p.start < end for p in places):
            coded = None  # "the Ain al-Asad air base" names a place, not Bashar al-Assad
        if coded is None and inside:
            coded = replace(inside[0], text=phrase, start=start, end=end)
        if coded is not None:
            return coded
        if any(p.start < end and start < p.end for p in places):
            placed = self.place_actor(text, start, end, places)
            if placed is not None:
                return placed
            return (self.institution_actor(text, start, end)  # "the X Museum in Germany"
                    or self.group_actor(text, start, end)  # "other Gulf states"
                    or self.described_people(text, start, end))  # "those affected in Yemen"
        return (self.place_antecedent(text, start, end, places)
                or self.group_actor(text, start, end)
                or self.institution_actor(text, start, end)
                or self.people_actor(text, start, end)
                or self.name_actor(text, start, end)
                or self.demonym_actor(text, start, end, date)
                or self.described_people(text, start, end)
                or self.described_name(text, start, end))

    def _parsed_span(self, text: str, start: int, end: int) -> Span | None:
        """The argument's tokens in the resolver's parsed doc of ``text`` (None when there
        is no parse to read)."""
        doc = self.resolver.doc_of(text)
        span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
        if span is None or not len(span) or not doc.has_annotation("DEP"):
            return None
        return span

    def names_thing(self, text: str, start: int, end: int) -> bool:
        """Is the argument a thing whose actors sit only in its modifiers? A common noun
        that is neither an actor, a place nor an actor's facility or act names no actor
        when every name in it hangs from a preposition of topic or direction under it
        ("appeals against the demolition of a village in the West Bank", "entry into
        Spanish territory"): PLOVER's target is who an action is aimed at,
        and such a phrase says only what it is about."""
        span = self._parsed_span(text, start, end)
        if span is None:
            return False
        root = span.root
        if root.tag_ not in ("NN", "NNS") or root.ent_type_ or self._actor_word(root):
            return False
        toks = self.resolver.phrase_tokens(text, start, end)
        at = root.i - span.start
        matches = self.resolver.find_matches(toks)
        if any(m.start <= at < m.end for m in matches):
            return False  # the head is a known role or name ("the son of ...")
        named = [span[m.start] for m in matches] + [t for t in span if t.ent_type_ in NER_TYPES]
        if not named:
            return False
        return all(self._in_modifier(t, root) for t in named)

    def _actor_word(self, head: Token) -> bool:
        """A head noun that names an actor, a place, or a facility or act an actor owns
        (these readings are the fallbacks' business)."""
        w, word = self.words, norm(head.text)
        lemma = norm(head.lemma_)
        lists = (w.group_nouns, w.actor_nouns, w.institutions, w.owned_things, w.state_nouns,
                 w.place_acts, w.place_antecedents, w.skip, w.people_nouns)
        if any(word in words or lemma in words for words in lists):
            return True
        if head.text.lower() in w.place_heads or head.lemma_.lower() in w.place_heads:
            return True
        return word in w.owned_acts and not any(  # "appeals against ...": not its author
            c.dep_ == "prep" and c.text.lower() not in w.owner_preps for c in head.children)

    def _in_modifier(self, token: Token, root: Token) -> bool:
        """Does ``token`` hang from ``root`` through a preposition that says what the thing
        is about or where it goes ("against", "into"), not whose it is ("the formation of
        parties", "a protest by farmers", "cooperation with the ICC" keep their actors)?"""
        while token.head.i != token.i and token.head.i != root.i:
            token = token.head
        if token.head.i != root.i or token.i == root.i:
            return False
        return token.dep_ == "prep" and token.text.lower() in self.words.topic_preps

    def antecedent(self, text: str, start: int, end: int) -> Actor | None:
        """The named mention a pronoun argument stands for, when it is in the pronoun's own
        sentence ("The United States said it ...": the United States). An event's source or
        target is then that mention, as CAMEO coders mark it; farther antecedents only code
        the pronoun (``extract`` already does that)."""
        doc = self.resolver.doc_of(text)
        if doc is None:
            return None
        words = text[start:end].split()
        if len(words) == 2 and words[0].lower() == "the" and (
                norm(words[1]) in self.words.state_nouns):
            return self._state_antecedent(doc, start)
        link = self.resolver.last_links.get(end)
        seen = 0
        while link is not None and link.rule == "pronoun" and link.mention.start == start \
                and seen < 8:
            ante = link.antecedent
            nxt = self.resolver.last_links.get(ante.end)
            if nxt is None or nxt.rule != "pronoun" or nxt.mention.start != ante.start:
                if not _same_sentence(doc, ante.start, start):
                    return None
                return _whole_phrase(doc, ante)
            link, start, seen = nxt, ante.start, seen + 1
        return None

    def _state_antecedent(self, doc: Doc, start: int) -> Actor | None:
        """"Bangladesh said ..., the first time the country has threatened": the state
        named earlier in the sentence, the subject one first, else the nearest."""
        states = [a for a in self.resolver.last_actors if a.end <= start and a.kind == "state"
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
        toks = self.resolver.phrase_tokens(text, start, end)
        if not len(toks) or (toks.has_tags and not toks.tag[-1].startswith("NN")):
            return None
        matches = self.resolver.find_matches(toks)
        last = len(toks) - 1
        person = any(m.use == ROLE and m.end == len(toks) and m.entry.kind == "person"
                     and m.entry.sector is None for m in matches)
        if not person and norm(toks.text[last]) not in self.words.group_nouns:
            return None  # neither a collective noun nor a position ("CMPAJAC's chairman")
        first: int | None = None
        for i in range(len(toks) - 1):
            word, tag = toks.text[i], toks.tag[i] if toks.has_tags else ""
            if toks.has_tags and not (tag in RUN_TAGS or tag in RUN_START_TAGS or (
                    tag in ("VBN", "VBG") and toks.dep[i] in ("amod", "compound"))):
                return None  # a verb, a preposition: not one noun phrase
            if first is None and not (word.lower() in self.words.skip or word in SKIP_INSIDE
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
        "Pablo Emilio Moncayo", "the Art Loss Register"): an uncoded actor, unless the name
        is a place, a date or a thing the NER labels otherwise, or a word of the knowledge
        base. An article counts only before a name of two words or more."""
        toks = self.resolver.phrase_tokens(text, start, end)
        first = 1 if len(toks) > 2 and toks.text[0].lower() in ARTICLES else 0
        words = [i for i in range(first, len(toks)) if toks.text[i] not in SKIP_INSIDE]
        if not words or len(words) > 5 or not toks.has_tags or first and len(words) < 2:
            return None
        for i in words:
            word = toks.text[i]
            joined = 0 < i < len(toks) - 1 and toks.text[i - 1] in SKIP_INSIDE
            if not (toks.tag[i] in ("NNP", "NNPS") and word[:1].isupper()) and not (
                    joined and word.isalpha()):
                return None
        phrase, name = text[start:end], text[toks.idx[first]:end]
        if norm(name) in self.words.not_actors or self.resolver.find_matches(toks) or (
                is_place_name(name)):
            return None
        doc = self.resolver.doc_of(text)
        kind: str | None = None
        if doc is not None:
            for ent in ents_of(doc):
                if ent.start_char < end and start < ent.end_char:
                    if ent.label_ not in NER_TYPES:
                        return None
                    kind = NER_TYPES[ent.label_]
        if kind == "group" and toks.tag[words[-1]] not in ("NNS", "NNPS"):
            return None  # "Hindu", "Syrian": an adjective, not a group
        return Actor(text=phrase, start=start, end=end, name=name, kind=kind)

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
        doc = self.resolver.doc_of(text)
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
        if root.lower_ in self.words.place_heads:
            return inside[0]
        if word in self.words.owned_things:
            if any(c.i < root.i and c.dep_ in ("compound", "poss", "nmod") for c in root.children):
                return None  # "an army base in Kabul": the owner's, not the place's
            preps = self.words.based_in
        elif word in self.words.place_acts:
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
                words[1].lower() not in self.words.place_antecedents):
            return None
        doc = self.resolver.doc_of(text)
        if doc is None:
            return None
        before = [p for p in places if p.end <= start and p.country
                  and p.feature not in ("country", "continent")
                  and _same_sentence(doc, p.start, start)]
        if not before:
            return None
        return self._place_coded(before[-1], text, start, end)

    def demonym_actor(self, text: str, start: int, end: int,
                      date: dt.date | None = None) -> Actor | None:
        """An argument that is only a country's adjective: "Israeli" as the doer of
        "Israeli air strikes", "Japanese" in "Japanese and the Australian armies". The word
        stands for the country's side, coded like a thing of the state (country, no sector,
        no kind: which body of the state acted is not said)."""
        toks = self.resolver.phrase_tokens(text, start, end)
        first = self.resolver.trim_start(toks, 0, len(toks))
        adjectives = [m for m in self.resolver.find_matches(toks) if m.entry.type == "country"
                      and m.use == DEMONYM and m.start == first and m.end == len(toks)]
        if len(adjectives) != 1:
            return None
        entry = adjectives[0].entry
        country, code, _, _ = self.resolver.entry_codes(entry, date)
        if country is None and code is None:
            return None
        name = self.resolver.kb.country_names.get(country or "", entry.name)
        return Actor(text=text[start:end], start=start, end=end, name=name, country=country,
                     code=code, kind=None, id=None)

    def partitive_whole(self, text: str, start: int, end: int) -> int | None:
        """Where the whole of a partitive argument starts ("four of the country's states",
        "each of the top 25 providers", "thousands of Myanmar nationals"): the part is
        coded as the whole. None when the phrase is not "<number or quantifier> of ..."."""
        toks = self.resolver.phrase_tokens(text, start, end)
        if len(toks) < 3 or toks.text[1].lower() != "of":
            return None
        first = toks.text[0]
        if not (first.lower() in self.words.skip or first.replace(",", "").isdigit()
                or (toks.has_tags and toks.tag[0] == "CD")):
            return None
        return toks.idx[2]

    def author_start(self, text: str, start: int, end: int) -> int | None:
        """Where the author of an act of ``author_acts`` starts when the phrase names it
        after an owner preposition ("the demands of the truck drivers", "violations by the
        police"): CAMEO marks the one who demanded or violated as the actor phrase, not the
        act. None for other phrases."""
        toks = self.resolver.phrase_tokens(text, start, end)
        head, cut = self._thing_head(toks)
        if head < 0 or cut + 1 >= len(toks) or norm(toks.text[head]) not in (
                self.words.author_acts) or toks.text[cut].lower() not in self.words.owner_preps:
            return None
        return toks.idx[cut + 1]

    def people_actor(self, text: str, start: int, end: int) -> Actor | None:
        """A people word the knowledge base lacks, as the NER reads it, after a determiner
        or an adjective: "another ethnic Chechen", "two Uighurs". A bare "Hindu" or
        "Rohingya" is as often an adjective or a topic, and stays out."""
        toks = self.resolver.phrase_tokens(text, start, end)
        doc = self.resolver.doc_of(text)
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
        if self.resolver.find_matches(toks):
            return None  # a demonym or a role: ``resolve`` codes it
        plural = toks.tag[-1] in ("NNPS", "NNS")
        return Actor(text=text[start:end], start=start, end=end, name=toks.text[-1],
                     kind="group" if plural else "person")

    def described_people(self, text: str, start: int, end: int) -> Actor | None:
        """People an argument describes without saying whose or which: "those affected in
        Yemen", "its owners", "the ringleaders", "leaders of the two sides". PLOVER's actors
        are people and groups, coded or not; an argument headed by a people noun or by a
        role of no sector of its own (leader, member) is one, uncoded. Things ("the
        legislation") and bare group nouns ("the countries": which ones is not said) are
        not."""
        span = self._parsed_span(text, start, end)
        if span is None:
            return None
        root, phrase = span.root, text[start:end]
        if root.lower_ in self.words.people_pronouns:
            if root.i != span.start or len(span) < 2 or span[1].tag_ not in (
                    "VBN", "VBG", "JJ", "IN", "WP"):
                return None  # a bare "those" is a pronoun: ``antecedent``'s business
            return Actor(text=phrase, start=start, end=end, name=phrase, kind="group")
        if root.tag_ not in ("NN", "NNS") or root.ent_type_:
            return None
        if not (norm(root.text) in self.words.people_nouns
                or norm(root.lemma_) in self.words.people_nouns
                or self._sectorless_role(text, start, end, root.i - span.start)):
            return None
        return Actor(text=phrase, start=start, end=end, name=root.text,
                     kind="group" if root.tag_ == "NNS" else "person")

    def described_name(self, text: str, start: int, end: int) -> Actor | None:
        """A proper name the NER missed after words that only describe its bearer: "the
        27-year old Egyptian-American Mohamed Soltan", "the 45-year-old British-Iranian
        Nazanin Ratcliffe". The name is the run of two or more capitalised words that ends
        the phrase, after its age, nationality and other modifiers; it is coded as
        ``name_actor`` codes a bare name."""
        toks = self.resolver.phrase_tokens(text, start, end)
        n = len(toks)
        if n < 3 or not toks.has_tags:
            return None
        first = n
        while first > 0 and toks.tag[first - 1] in ("NNP", "NNPS") and (
                toks.text[first - 1][:1].isupper()):
            first -= 1
        known = {i for m in self.resolver.find_matches(toks) for i in range(m.start, m.end)}
        while first < n and first in known:
            first += 1  # "Egyptian-American": a description, not the name
        if n - first < 2 or first == 0 or toks.text[first - 1] in SKIP_INSIDE:
            return None
        named = self.name_actor(text, toks.idx[first], end)
        return replace(named, text=text[start:end], start=start, end=end) if named else None

    def _sectorless_role(self, text: str, start: int, end: int, at: int) -> bool:
        """Is token ``at`` of the phrase a person's role with no sector of its own ("the
        leaders", "members of both sides"), which ``resolve`` codes only with an owner?"""
        toks = self.resolver.phrase_tokens(text, start, end)
        return any(m.use == ROLE and m.start <= at < m.end and m.entry.kind == "person"
                   and m.entry.sector is None
                   for m in self.resolver.find_matches(toks))

    def thing_owner(self, toks: Tokens, text: str, start: int, end: int,
                    date: dt.date | None) -> Actor | None:
        """An argument that names a facility or an act of a named actor: "a police
        headquarters", "two LTTE camps", "an arms depot of the Syrian army", "the Kirkuk
        council decision", "demands from the Neighborhood Association". PLOVER codes the
        recipient of an attack on a facility as its owner, CAMEO the target of rejecting a
        demand as its author: the phrase is coded as that actor, with the whole phrase as the
        mention ("a request by Mr. Erdogan"); without an owner it is no actor. (The acts of
        ``author_acts`` are coded by their author's phrase alone: ``author_start``.)"""
        head, cut = self._thing_head(toks)
        if head < 0:
            return None
        n = len(toks)
        owner: Actor | None = None
        if cut + 1 < n and toks.text[cut].lower() in self.words.owner_preps:
            owner = self._owner_phrase(text, toks.idx[cut + 1], toks.end_char(n - 1), date)
        if owner is None:
            first = self.resolver.trim_start(toks, 0, head)
            last = head - 1
            if last >= first and toks.text[last] in POSSESSIVE:
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
        if word not in self.words.owned_acts and word not in self.words.owned_things:
            return -1, cut
        return head, cut

    def _owner_phrase(self, text: str, start: int, end: int,
                      date: dt.date | None) -> Actor | None:
        """The actor a modifier or prepositional object names, coded or at least named."""
        return (self.resolver.resolve(text, start, end, date)
                or self.institution_actor(text, start, end)
                or self._acronym_actor(text, start, end) or self.name_actor(text, start, end))

    def _acronym_actor(self, text: str, start: int, end: int) -> Actor | None:
        """An unknown acronym as a modifier names an organisation ("two LTTE camps")."""
        words = text[start:end].split()
        if len(words) != 1:
            return None
        word = words[0]
        if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()) or (
                norm(word) in self.words.not_actors):
            return None
        return Actor(text=word, start=start, end=end, name=word, kind="organisation")

    def institution_actor(self, text: str, start: int, end: int) -> Actor | None:
        """A capitalised name headed by an institution noun, with an optional "of" part or
        a place after "in": "the Northern Branch of the Islamic Movement", "the Pirmasen
        Municipal Museum in Germany". An organisation without a sector; a country after
        "in" is where it is (``inferred``)."""
        toks = self.resolver.phrase_tokens(text, start, end)
        if not toks.has_tags or not len(toks):
            return None
        n = len(toks)
        i = 1 if toks.text[0].lower() in ARTICLES else 0
        name_start, name_end = i, self._proper_run(toks, i)
        if name_end == name_start or norm(toks.text[name_end - 1]) not in self.words.institutions:
            return None
        if name_end - name_start < 2 and not (name_end + 1 < n
                                              and toks.text[name_end].lower() == "of"):
            return None  # "the Council": which one is not said
        j = name_end
        if j + 1 < n and toks.text[j].lower() == "of":
            k = j + 2 if toks.text[j + 1].lower() in ARTICLES else j + 1
            after = self._proper_run(toks, k)
            if after > k:
                name_end = j = after
        country: str | None = None
        if j + 1 < n and toks.text[j].lower() in self.words.based_in:
            places = [m for m in self.resolver.find_matches(Tokens(
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


def _whole_phrase(doc: Doc, actor: Actor) -> Actor:
    """The antecedent as the whole phrase that names it, as the argument itself would be
    marked ("called President Erdogan of Turkey and urged him": "President Erdogan of
    Turkey"), when the mention is the head of that phrase."""
    from gestae.coding.phrases import noun_span  # the coder's phrase reading; lazy: cycle

    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span):
        return actor
    start, end = noun_span(span.root)
    if start > actor.start or end < actor.end or (start, end) == (actor.start, actor.end):
        return actor
    return replace(actor, text=doc.text[start:end], start=start, end=end)


def _same_sentence(doc: Doc, a: int, b: int) -> bool:
    """Do character offsets ``a`` and ``b`` of ``doc`` fall in one sentence?"""
    if not doc.has_annotation("SENT_START"):
        return True
    first, second = doc.char_span(a, a + 1, alignment_mode="expand"), doc.char_span(
        b, b + 1, alignment_mode="expand")
    if first is None or second is None or not len(first) or not len(second):
        return False
    return first[0].sent.start == second[0].sent.start


def _outermost(actors: list[Actor]) -> list[Actor]:
    """Drop actors nested inside a longer actor of the same span ("Iraqi" in "Iraqi police")."""
    return [a for a in actors
            if not any(b is not a and b.start <= a.start and a.end <= b.end
                       and (b.end - b.start) > (a.end - a.start) for b in actors)]


@lru_cache(maxsize=1)
def regions() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The world regions of data/regions.yaml: CAMEO region code and names (read once)."""
    data = yaml.safe_load((DATA_DIR / "regions.yaml").read_text(encoding="utf-8")) or {}
    return tuple((str(item["code"]), tuple(str(n) for n in item.get("names") or ()))
                 for item in data.get("regions") or [])


@lru_cache(maxsize=1)
def region_codes() -> dict[str, str]:
    """Normalised region name -> CAMEO region code."""
    return {norm(name): code for code, names in regions() for name in names}

