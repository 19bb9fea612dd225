"""Rule-based event coder: trigger patterns over the dependency parse -> EventCandidates.

One trigger token yields at most one candidate. Arguments are read from the parse: active
voice (nsubj -> source, dobj -> target), passive (agent -> source, nsubjpass -> target),
prepositional targets ("fired at X"), coordination (one span per conjunct), reported speech
(the speaker is the attribution, or the source of a speech act such as a threat), negation and
modality (future / hypothetical).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from gestae.actors.kb import norm, role_heads
from gestae.coding import ontology
from gestae.coding.patterns import (
    Pattern,
    cues,
    is_armed_word,
    is_noun_word,
    is_place_word,
    is_verb_word,
    pattern_index,
    pattern_words,
)
from gestae.coding.phrases import conjuncts, pobjs, spans, time_adjunct
from gestae.model import EventCandidate
from gestae.nlp import text_of

_SUBJ = ("nsubj", "csubj")
_PASSIVE_MARK = ("nsubjpass", "auxpass", "csubjpass")
_RELATIVE = ("who", "which", "that", "whom", "whose")
_VERBAL_QUADS = (1, 3)
_VERB_RECIPIENT_PREPS = ("to", "against", "toward", "towards", "upon")
_OBJ_RECIPIENT_PREPS = (*_VERB_RECIPIENT_PREPS, "on")
_OWN_OBJECT_PREPS = ("of", "with", "for")
_ACTOR_ENTS = ("PERSON", "ORG", "GPE", "NORP")
_SCORE = re.compile(r"(?<![\d.,])\d{1,2} ?[-–] ?\d{1,2}(?![\d.,%])")
_HYPHENS = ("-", "–", "‑")


def lemma(token: Token) -> str:
    """The token's lower-cased lemma, corrected for known slips of the small model; the head
    of a hyphenated compound that is a pattern word stands for the whole ("cease-fire")."""
    compound = _hyphen_compound(token)
    if compound is not None:
        return compound[0]
    value = token.lemma_.lower()
    return cues().get("lemma_fixes", {}).get(value, value)


def hyphen_parts(token: Token) -> list[Token]:
    """The other tokens of the hyphenated compound ``token`` heads ("cease", "-" of
    "cease-fire"), when the compound is read as one word; else []."""
    compound = _hyphen_compound(token)
    return compound[1] if compound is not None else []


def word_forms(token: Token) -> tuple[str, ...]:
    """The lemma, and for a compound read as one word also its last part: a "counter-attack"
    is an attack to a pattern that names no counter-attack ("launched a counter-attack")."""
    compound = _hyphen_compound(token)
    if compound is None:
        return (lemma(token),)
    last = compound[1][-1] if compound[1] and compound[1][-1].i > token.i else token
    return (compound[0], last.lemma_.lower())


def _hyphen_compound(token: Token) -> tuple[str, list[Token]] | None:
    """The tokenizer splits "cease-fire" (and "cease - fire") into three tokens, so a pattern
    word written as one ("ceasefire") never matches. For the head of such a compound: the
    compound as a pattern word (joined, else hyphenated) and the tokens it absorbs."""
    doc, i = token.doc, token.i
    text, start, end = text_of(doc), token.idx, token.idx + len(token.text)
    if text[end:end + 2].lstrip()[:1] not in _HYPHENS \
            and text[max(0, start - 2):start].rstrip()[-1:] not in _HYPHENS:
        return None  # no hyphen beside the token: the common case, decided on the text
    for first, second in ((i - 2, i), (i, i + 2)):
        if first < 0 or second >= len(doc) or doc[first + 1].text not in _HYPHENS:
            continue
        left, right = doc[first], doc[second]
        if not (left.is_alpha and right.is_alpha):
            continue
        head = left if right.head == left else right
        if head != token:
            continue
        last = right.lemma_.lower()
        for form in (left.lower_ + last, f"{left.lower_}-{last}"):
            if form in pattern_words():
                return form, [t for t in (left, doc[first + 1], right) if t != token]
    return None


def _conditional(clause: Token, cue: dict[str, Any]) -> bool:
    """A clause introduced by "if" / "unless"."""
    return any(c.dep_ == "mark" and lemma(c) in cue["conditional_marks"] for c in clause.children)


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose or content without a subject of its own: "called X *to
    discuss*", "refused *to lift* the ban", "sent aid *to help* Y"."""
    return verb.dep_ in ("advcl", "xcomp", "acl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ in (*_SUBJ, "nsubjpass") for c in verb.children)


def _misparsed_main_verb(token: Token) -> bool:
    """An intransitive verb parsed as a participle of the root noun: the real main verb. A
    blast verb is one wherever it hangs ("car bombs targeting patrols detonated in X")."""
    if token.dep_ != "acl" or any(c.dep_ in ("dobj", "auxpass", "agent")
                                  for c in token.children):
        return False
    word = lemma(token)
    if word in cues().get("blast_verbs", ()) and token.tag_ in ("VBN", "VBD"):
        return True
    return (token.head.dep_ in ("ROOT", "appos") and token.head.pos_ in ("NOUN", "PROPN")
            and word in cues().get("misparsed_main_verbs", ()))


def _is_passive(token: Token) -> bool:
    if _misparsed_main_verb(token):
        return False
    if token.dep_ == "acl" and any(c.dep_ == "dobj" for c in token.children):
        return False  # "Another bombing, in July, killed 50": a main verb, not a participle
    if any(c.dep_ in _PASSIVE_MARK for c in token.children):
        return True
    if token.tag_ == "VBN" and token.dep_ == "conj" and _is_passive(token.head) and not any(
        c.dep_ in ("aux", "auxpass") for c in token.children
    ):
        return True  # "three were shot dead and 50 wounded"
    return token.dep_ == "acl" and token.tag_ == "VBN"


@dataclass
class _Match:
    """A pattern matched at a trigger token, with the tokens it consumed."""

    pattern: Pattern
    head: Token
    tokens: list[Token]
    obj: Token | None = None
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    attributions: list[Token] = field(default_factory=list)
    mode: str | None = None
    cameo_root: str | None = None
    negated: bool = False
    modality: str = "asserted"
    type: str = ""
    rule: str = ""
    verb: Token | None = None  # a verb of the same event this nominal trigger absorbed
    also: list[Token] = field(default_factory=list)  # words of triggers folded into this one
    into: _Match | None = None  # the trigger this one was folded into
    sent_index: int = 0  # which sentence of the document (0 = the lead)

    def __post_init__(self) -> None:
        self.rule = self.rule or self.pattern.id
        self.mode = self.mode or self.pattern.mode
        self.cameo_root = self.cameo_root or self.pattern.cameo_root
        self.type = self.type or self.pattern.type


class EventCoder:
    """Find event triggers in a parsed doc and read their arguments from the parse.

    ``nlp`` is accepted for symmetry with spaCy components (and future model-based coders);
    the rules only need a doc with tagger, parser and lemmatizer output.
    """

    def __init__(self, nlp: Language | None = None, trigger_files: Iterable[str] = ()) -> None:
        self.nlp = nlp
        # user files add or replace packaged patterns (see patterns.load_patterns)
        self.index = pattern_index(tuple(str(f) for f in trigger_files))
        self.cues = cues()
        self.weapon_words: frozenset[str] = frozenset().union(*self.cues["instruments"].values())

    # --- public ---------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[EventCandidate]:
        """Every event candidate of ``doc``, in text order."""
        out: list[EventCandidate] = []
        index = 0
        for sent in doc.sents:
            out.extend(self._sentence(sent, index))
            if len(sent) >= 5:  # a dateline or a stray fragment is not a sentence of news
                index += 1
        return out

    # --- matching -------------------------------------------------------------------------

    def _sentence(self, sent: Span, index: int = 0) -> Iterator[EventCandidate]:
        used: set[int] = set()
        matches: list[_Match] = []
        for pos in ("verb", "noun"):
            for token in sent:
                if token.i in used:
                    continue
                match = self._match(token, pos)
                if match is None or any(t.i in used for t in match.tokens):
                    continue
                used.update(t.i for t in match.tokens)
                matches.append(match)
        matches = self._absorb_instruments(matches)
        attributions = self._according_to(sent)
        for match in sorted(matches, key=lambda m: m.head.i):
            if self._background(match) or self._other_sense(match) or self._non_event(match):
                continue
            self._arguments(match, matches)
            if match.pattern.needs_target and not match.targets:
                continue
            self._speech(match)
            match.attributions.extend(a for a in attributions if a not in match.attributions)
            self._negation(match)
            self._modality(match)
            self._instrument_mode(match)
            match.sent_index = index
            yield self._candidate(match, sent)

    def _match(self, token: Token, pos: str) -> _Match | None:
        word = lemma(token)
        if pos == "verb":
            verb = self._misparsed_verb(token)
            if verb is None and token.pos_ not in ("VERB", "AUX") and not token.tag_.startswith(
                    "VB"):
                return None
            if verb is None and token.dep_ in ("amod", "compound"):
                return None  # "the wounded soldiers"
            word = verb or word
        if pos == "noun" and (token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound"):
            # a compound noun is never a trigger (see _background) but may be the required
            # modifier of one ("a mediation effort"): it must not take its word first
            return None
        candidates = self.index.get((pos, word), ())
        own = word_forms(token)[-1]
        if own != word:
            # a compound is also its head word: "counter-attack" an attack, "sit-in" an "in"
            # that a sit-in pattern names by its modifier (the more constrained reading wins)
            candidates = tuple(sorted((*candidates, *self.index.get((pos, own), ())),
                                      key=lambda p: -p.constraints))
        candidates = candidates or self.index.get((pos, token.lower_), ())
        for pattern in candidates:
            match = self._try(pattern, token)
            if match is not None:
                return match
        return None

    def _misparsed_verb(self, token: Token) -> str | None:
        """The verb lemma of a word the small parser read as a noun or an adjective although it
        is a finite verb: "a gunman shot and killed ..." (a noun with a verb conjunct),
        "soldiers patrol the streets" (a bare noun after a plural subject), "troops are
        patrolling markets" (an adjective after "be"). None for an ordinary word."""
        cue = self.cues
        prev = token.doc[token.i - 1] if token.i > token.sent.start else None
        if token.pos_ in ("NOUN", "PROPN"):
            verb = (cue.get("noun_verb_forms") or {}).get(token.lower_)
            if verb and any((c.dep_ == "conj" and c.tag_ in ("VBD", "VBN") and c.i > token.i)
                            or c.dep_ == "nsubj" for c in token.children):
                return str(verb)  # "shot and killed", "police shot at a car"
            plural_before = prev is not None and prev.tag_ in ("NNS", "NNPS")
            subject_before = plural_before or (prev is not None and (
                lemma(prev) in cue["bare_verb_subjects"] or is_armed_word(lemma(prev))
                or is_armed_word(prev.lower_)))
            word = lemma(token)
            if (subject_before and token.tag_ == "NN" and not is_noun_word(word)
                    and not is_noun_word(token.lower_) and ("verb", word) in self.index):
                return word  # "militants detonate bombs": no noun at all
            bare = word in cue.get("bare_verb_nouns", ())
            if bare and ((subject_before and token.tag_ == "NN") or token.dep_ == "appos") and (
                    token.dep_ != "compound" and _verbless(token)):
                return word  # "A total of 19 ships patrol", "The UN force, ..., patrols in X"
            if any(c.dep_ in ("det", "poss", "nummod") for c in token.children) and not (
                    plural_before and token.dep_ == "ROOT" and not token.n_rights):
                return None  # "an army patrol"; not "An extra 5,000 peacekeepers patrol"
            if bare and token.tag_ == "NN" and subject_before:
                return word  # "peacekeepers patrol", "state police patrol", "policemen patrol"
            return None
        if token.dep_ == "amod" and token.tag_ in ("VBN", "VBD") and self._attack_participle(
                token):
            return lemma(token)  # "X, under the leadership of Y, bombed police headquarters"
        if (token.dep_ in ("amod", "compound") and token.lower_.endswith("ing")
                and prev is not None and lemma(prev) == "be" and prev.pos_ == "AUX"):
            stem = token.lower_[:-3]  # "are patrolling markets": a progressive verb
            forms = (lemma(token), stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1]
                     else stem)
            return next((f for f in forms if ("verb", f) in self.index), None)
        return None

    def _attack_participle(self, token: Token) -> bool:
        """A past attack verb the parser read as an adjective of its own object: it has a
        subject of its own, or only a comma or a noun comes before it, the noun it modifies
        follows it, is no subject and has no determiner ("the bombed village" has one)."""
        if lemma(token) not in self.cues.get("misparsed_attack_participles", ()):
            return False
        noun = token.head
        if noun.i < token.i or noun.dep_ in ("nsubj", "nsubjpass"):
            return False
        if any(c.dep_ in ("det", "poss", "nummod") and c.i < token.i for c in noun.children):
            return False
        if any(c.dep_ == "nsubj" for c in token.children):
            return True  # 'the aircraft "bombed civilian installations"'
        start = token.left_edge.i
        if start <= token.sent.start:
            return False  # "Bombed houses lined the street"
        prev = token.doc[start - 1]
        return prev.text == "," or prev.pos_ in ("NOUN", "PROPN")

    def _try(self, pattern: Pattern, token: Token) -> _Match | None:
        """Check one pattern's constraints at ``token``; the consumed tokens if it fits."""
        tokens = [token]
        children = list(token.children)
        if pattern.passive is not None and _is_passive(token) != pattern.passive:
            return None
        if pattern.particle:
            prt = [c for c in children if c.dep_ in ("prt", "prep", "advmod")
                   and lemma(c) in pattern.particle]
            if not prt:
                return None
            tokens.append(prt[0])
        if pattern.prep:
            preps = [c for c in children if c.dep_ in ("prep", "dative", "agent")
                     and lemma(c) in pattern.prep and c not in tokens and not time_adjunct(c)]
            if pattern.pobj:
                preps = [p for p in preps if any(lemma(o) in pattern.pobj for o in pobjs(p))]
            if not preps:
                return None
            tokens.append(preps[0])
            if pattern.pobj:
                tokens.append(next(o for o in pobjs(preps[0]) if lemma(o) in pattern.pobj))
        obj: Token | None = None
        if pattern.obj_not and any(c.dep_ in ("dobj", "nsubjpass") and lemma(c) in
                                   pattern.obj_not for c in children):
            return None
        if pattern.obj:
            roles = ("dobj", "nsubjpass", "attr", "oprd") if pattern.pos == "verb" else (
                "dobj",)
            objs = [o for c in children if c.dep_ in roles
                    for c in conjuncts(c) for o in self._through_quantity(c)
                    if any(w in pattern.obj for w in word_forms(o))]
            if not objs:
                # "carried out an airstrike": the object may hang on a particle-less "out"
                objs = [g for c in children if c.dep_ == "prep" and lemma(c) in ("out",)
                        for g in c.children if lemma(g) in pattern.obj]
            reduced = token.dep_ == "acl" and token.tag_ in ("VBN", "VBD") and not any(
                c.dep_ in _SUBJ for c in children)  # the small model tags some VBN as VBD
            if not objs and pattern.pos == "verb" and not any(c.dep_ == "dobj"
                                                              for c in children):
                # "rockets fired from Gaza hit ...", misparsed with the weapon as subject
                objs = [c for c in children if c.dep_ == "nsubj" and lemma(c) in pattern.obj
                        and lemma(c) in self.weapon_words]
            if not objs and pattern.pos == "verb" and (reduced or (
                    token.dep_ == "relcl" and _is_passive(token))):
                # "rockets fired from Gaza", "the weapons that were seized": the noun the
                # passive participle or relative clause modifies is its object
                objs = [o for o in self._through_quantity(token.head)
                        if lemma(o) in pattern.obj]
            if not objs:
                return None
            obj = objs[0]
            tokens.append(obj)
        if pattern.modifier:
            mods = [c for c in children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")
                    and lemma(c) in pattern.modifier]
            if not mods:
                return None
            tokens.append(mods[0])
        if pattern.xcomp:
            comps = [c for c in children if c.dep_ in ("xcomp", "ccomp", "pcomp")
                     and (lemma(c) in pattern.xcomp or "*" in pattern.xcomp)]
            if not comps:
                return None
        if pattern.subj and not any(self._subject_fits(s, pattern) for s in self._subjects(token)):
            return None
        tokens += [p for t in list(tokens) for p in hyphen_parts(t) if p not in tokens]
        return _Match(pattern=pattern, head=token, tokens=tokens, obj=obj)

    def _subjects(self, token: Token) -> list[Token]:
        """The verb's subject: its own, the one it shares with the verb it is coordinated
        with, or the noun a misparsed verb follows ("peacekeepers patrol")."""
        own = [t for c in token.children if c.dep_ in (*_SUBJ, "nsubjpass")
               for t in conjuncts(c)]
        if own:
            return own
        if token.pos_ in ("NOUN", "PROPN"):
            return [c for c in token.children if c.dep_ in ("compound", "nmod")
                    and c.i < token.i]
        return self._inherited_subject(token, False)

    @staticmethod
    def _subject_fits(subject: Token, pattern: Pattern) -> bool:
        """A subject phrase with a word of the required class ("the army's 4th Division",
        "a force from Jabhat al-Nusra"), or the acronym of an armed group ("SAA", "YPG")."""
        if subject.pos_ == "PROPN" and subject.text.isupper() and 2 <= len(subject) <= 6 and (
                "@armed" in pattern.subj):
            return True
        words = [t for t in subject.subtree if t.dep_ not in ("relcl", "acl")]
        return any(lemma(t) in pattern.subj for t in words[:12])

    def _through_quantity(self, token: Token) -> list[Token]:
        """A noun, and for a quantity noun the nouns it counts: "a total of 206 rifles",
        "dozens of machine guns", "a swathe of territory" (the object is what is counted)."""
        if lemma(token) not in self.cues["quantity_nouns"] and not token.like_num:
            return [token]
        counted = [t for c in token.children if c.dep_ == "prep" and lemma(c) == "of"
                   for o in pobjs(c) for t in conjuncts(o)]
        return [token, *counted]

    # --- filters --------------------------------------------------------------------------

    def _background(self, match: _Match) -> bool:
        """True for a trigger that only mentions a past or generic event in passing."""
        token = match.head
        cue = self.cues
        if match.pattern.pos == "noun":
            if token.dep_ == "compound" or token.ent_type_ in ("DATE", "TIME"):
                return True  # "in March" is a month, not a march
            head = token.head
            if token.dep_ == "pobj" and lemma(head) in cue["background_preps"]:
                return True
            if (token.dep_ == "pobj" and lemma(head) in cue["topic_preps"]
                    and lemma(head.head) in cue["topic_verbs"]):
                return True  # "declined to comment on the arrests"
            for child in token.children:
                if child.like_num and len(child.text) == 4 and child.text.isdigit():
                    return True  # "the 2003 invasion"
                if child.dep_ in ("amod", "det", "poss") and lemma(child) in cue[
                    "background_words"
                ] and not (lemma(child) in cue.get("earlier_incident_words", ())
                           and self._own_report(match)):
                    return True
                if child.dep_ == "poss" and any(
                    lemma(g) in ("year", "month", "week", "decade") for g in child.subtree
                ):
                    return True  # "last year's attack"
            return False
        if token.dep_ in ("relcl", "acl") and _is_passive(token):
            has_agent = any(c.dep_ == "agent" for c in token.children)
            noun = token.head
            human = lemma(noun) in cue["people_nouns"] or is_armed_word(lemma(noun)) or (
                noun.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"))
            # "rockets fired from Gaza hit ...": the weapon of an attack names it
            weapon = match.type == "ASSAULT" and any(
                lemma(noun) in words for words in cue["instruments"].values())
            own_subject = token.dep_ == "relcl" and any(
                c.dep_ == "nsubjpass" and lemma(c) not in _RELATIVE for c in token.children)
            # "the helicopter which has been shot down near X": an attack told of its object
            relative = match.type == "ASSAULT" and token.dep_ == "relcl" and any(
                c.dep_ == "nsubjpass" and lemma(c) in _RELATIVE for c in token.children)
            if not has_agent and not human and not weapon and not own_subject and not relative:
                # "the rockets, which were supplied last year"; not "clashes, during which
                # dozens were killed"
                return True
        if token.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d")
                                         for c in token.children):
            return True  # "a Chechen who had fought on the Ukrainian side": his history
        # "since invading the country"; not "captured the hill after killing 20 fighters"
        return (token.dep_ == "pcomp" and lemma(token.head) in cue["background_preps"]
                and not self._sequence(match))

    def _own_report(self, match: _Match) -> bool:
        """A single nominal event that is the subject of a past main verb of its own ("A
        similar roadside bomb killed 16 people on December 5"): an incident told with its own
        toll, date and place, even when it is likened to another."""
        verb = match.verb
        return (verb is not None and match.head.tag_ in ("NN", "NNP")
                and verb.tag_ == "VBD" and verb.dep_ in ("ROOT", "conj", "ccomp"))

    def _sequence(self, match: _Match) -> bool:
        """A conflict act told by a gerund under "after"/"before" that hangs on a past verb:
        an act of its own just before or after the main one ("destroyed the tank after
        striking it", "were tortured before being shot"); not "since invading"."""
        token = match.head
        prep = token.head
        gov = prep.head
        return (ontology.quad_class(match.type) == 4 and token.tag_ in ("VBG", "VBN")
                and lemma(prep) in self.cues.get("sequence_preps", ())
                and gov.pos_ in ("VERB", "AUX") and gov.tag_ in ("VBD", "VBN"))

    def _sense_words(self, match: _Match) -> set[str]:
        """Lemmas of the trigger's own objects: its direct object (or passive subject), the
        objects of its prepositions and particles, not counting words of the trigger."""
        used = {t.i for t in match.tokens}
        words: set[str] = set()
        for holder in (match.head, *(t for t in match.tokens[1:] if t.dep_ in ("prt", "prep"))):
            for child in holder.children:
                if child.i in used:
                    continue
                if child.dep_ == "dobj" and _apposition(child):
                    continue  # "captured the towns of X and Y, a strategic victory"
                if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "pobj"):
                    words.update(lemma(t) for c in conjuncts(child)
                                 for t in self._through_quantity(c))
                elif child.dep_ in ("prep", "prt", "dative"):
                    if child.dep_ == "prep" and (child.i < match.head.i or lemma(child) in
                                                 self.cues["setting_preps"]):
                        continue  # "On the ground, ...", "captured at the scene": a setting
                    words.update(lemma(o) for o in pobjs(child))
        return words

    def _other_sense(self, match: _Match) -> bool:
        """True for a material-conflict word used in another sense ("heart attack", "shot a
        film", "stormed to victory", "beat Arsenal 2-0"); a conflict verb with a legislative
        or abstract object is re-typed ("killed the bill" -> REJECT, "attacked the budget" ->
        ACCUSE)."""
        cue, token = self.cues, match.head
        if ontology.quad_class(match.type) in _VERBAL_QUADS:
            # a speech act needs a speaker: "the missile slammed into a school" is no criticism
            subject = token.head if token.dep_ == "conj" and not any(
                c.dep_ in _SUBJ for c in token.children) else token
            return match.pattern.pos == "verb" and any(
                c.dep_ == "nsubj" and self._weapon(c) for c in subject.children)
        if ontology.quad_class(match.type) != 4:
            return False
        if match.pattern.id in cue["instrument_subject_rules"] and not any(
                c.dep_ in ("nsubj", "nsubjpass") and self._weapon(c) for c in token.children):
            return True  # "the alarm went off" is no bomb
        if match.type == "PROTEST" and match.pattern.pos == "verb" and (
                match.pattern.dobj == "none") and any(
                c.dep_ == "dobj" and c.i not in {t.i for t in match.tokens}
                and c.doc[c.left_edge.i].lower_ not in cue["adverbial_preps"]
                and c.doc[c.left_edge.i - 1].text != ","  # "on the Pentagon, the ..."
                for c in token.children):
            return True  # "gathered the children", "rallied support": not a demonstration
        if match.pattern.pos == "noun":
            for child in token.children:
                if child.i in {t.i for t in match.tokens}:
                    continue
                if child.dep_ in ("compound", "amod", "nmod") and lemma(child) in cue[
                        "other_sense_modifiers"]:
                    return True
                if child.dep_ == "prep" and lemma(child) == "of" and any(
                        lemma(o) in cue["other_sense_of_objects"] for o in pobjs(child)):
                    return True  # "a war of words"
            return self._sports(match)
        words = self._sense_words(match)
        for shift in cue["sense_shifts"].values():
            if lemma(token) in shift.get("verbs", ()) and words & set(shift["objects"]):
                match.type = str(shift["type"]).upper()
                match.mode = shift.get("mode")
                match.cameo_root = str(shift.get("cameo", ""))[:2] or ontology.cameo_root(
                    match.type)
                match.rule = f"{match.pattern.id}>{match.type.lower()}"
                return False
        if words & cue["other_sense_objects"] and match.type != "PROTEST":
            return True  # "protested against corruption" is still a protest
        return self._sports(match)

    def _weapon(self, token: Token) -> bool:
        """A noun that names a weapon or its bearer ("a roadside bomb", "two bombers")."""
        word = lemma(token)  # the head only: a "fire alarm" is no fire-arm
        return word in self.weapon_words or word in self.cues["weapon_bearers"]

    def _sports(self, match: _Match) -> bool:
        """A conflict verb or noun in a sentence about a game: a score ("2-0") or a sports
        noun, and no word of weapons or casualties."""
        cue, sent = self.cues, match.head.sent
        if lemma(match.head) not in cue["sports_verbs"]:
            return False
        lemmas = {lemma(t) for t in sent}
        if lemmas & cue["violence_words"]:
            return False
        nouns = {lemma(t) for t in sent if t.pos_ in ("NOUN", "PROPN")}
        return bool(nouns & cue["sports_words"]) or _SCORE.search(sent.text) is not None

    def _non_event(self, match: _Match) -> bool:
        """A refusal whose content is talk ("declined to comment") is not a REJECT; a request
        or rejection needs no further filter."""
        if match.type != "REJECT" or match.pattern.pos != "verb":
            return False
        comps = [c for c in match.head.children if c.dep_ in ("xcomp", "ccomp")]
        return bool(comps) and all(lemma(c) in self.cues["non_event_complements"]
                                   for c in comps)

    # --- arguments ------------------------------------------------------------------------

    def _arguments(self, match: _Match, matches: list[_Match]) -> None:
        trigger_heads = {m.head.i for m in matches} | {t.i for m in matches for t in m.tokens}
        if match.pattern.pos == "noun":
            self._noun_arguments(match)
        else:
            self._verb_arguments(match, trigger_heads - {t.i for t in match.tokens})
        match.sources = self._issuers(self._resolve_relative(match, match.sources))
        match.targets = self._resolve_relative(match, match.targets)
        instruments = set().union(*self.cues["instruments"].values())
        match.sources = [s for s in match.sources
                         if s.i not in trigger_heads and lemma(s) not in instruments
                         and s.ent_type_ not in ("DATE", "TIME")]
        own = {t.i for t in match.tokens if t.dep_ == "pobj"} if match.pattern.pos == "noun" \
            else set()  # "the release of prisoners": the people released

        def keep(found: list[Token]) -> list[Token]:
            return [t for t in found if (t.i not in trigger_heads or t is match.obj or t.i in own)
                    and t not in match.sources and t.ent_type_ not in ("DATE", "TIME")]

        match.targets = (keep(match.targets) or keep(self._participle_targets(match, matches))
                         or keep(self._carrier_targets(match, matches)))

    @staticmethod
    def _carrier_targets(match: _Match, matches: list[_Match]) -> list[Token]:
        """The object of the act a participle's noun goes on to do: "the missiles fired by
        the army struck an arms depot" (the firing hit the depot). Only when that verb is a
        trigger of the same type, so the two words tell one act."""
        token = match.head
        if match.pattern.pos != "verb" or token.dep_ != "acl" or token.tag_ != "VBN":
            return []
        noun = token.head
        verb = noun.head
        if noun.dep_ not in _SUBJ or not any(
                m.head.i == verb.i and m.type == match.type for m in matches):
            return []
        return [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]

    def _participle_targets(self, match: _Match, matches: list[_Match]) -> list[Token]:
        """The object of a participle clause that goes on to tell the same act: "carried out
        a raid, targeting IS commanders", "launched air strikes, killing dozens of fighters",
        "started a hunger strike, protesting the new law". Only a clause without a subject
        of its own whose verb tells the cost of an attack or is a trigger of the same type."""
        verb = match.head if match.pattern.pos == "verb" else self._light_verb(match.head)
        if verb is None:
            return []
        same = {m.head.i for m in matches if m.type == match.type and m is not match}
        for clause in verb.children:
            if clause.dep_ not in ("advcl", "xcomp") or clause.tag_ != "VBG" or any(
                    c.dep_ in (*_SUBJ, "nsubjpass", "mark") for c in clause.children):
                continue
            cost = match.type == "ASSAULT" and lemma(clause) in self.cues["consequence_verbs"]
            if cost or clause.i in same:
                found = [t for c in clause.children if c.dep_ == "dobj" for t in conjuncts(c)]
                found = found or self._clausal_object(clause)
                if found:
                    return found
        return []

    def _issuers(self, tokens: list[Token]) -> list[Token]:
        """A document as the actor ("a statement calling on ...") stands for whoever issued
        it: its possessor, its "by"/"from" phrase, or the subject of "issued"."""
        out: list[Token] = []
        for token in tokens:
            found: list[Token] = []
            if lemma(token) in self.cues["document_nouns"]:
                found = [t for c in token.children if c.dep_ == "poss" for t in conjuncts(c)]
                found = found or [p for c in token.children if c.dep_ == "prep"
                                  and lemma(c) in ("by", "from") for p in pobjs(c)]
                if not found and token.dep_ == "dobj":
                    found = [t for c in token.head.children if c.dep_ in _SUBJ
                             for t in conjuncts(c)]
            out.extend(t for t in (found or [token]) if t not in out)
        return out

    @staticmethod
    def _resolve_relative(match: _Match, tokens: list[Token]) -> list[Token]:
        """"the protesters, who were demanding jobs": "who" is the modified noun."""
        out: list[Token] = []
        for token in tokens:
            if lemma(token) in _RELATIVE:
                if match.head.dep_ == "relcl":
                    out.extend(t for t in conjuncts(match.head.head) if t not in out)
            elif token not in out:
                out.append(token)
        return out

    def _verb_arguments(self, match: _Match, taken: Container[int] = ()) -> None:
        """Source and target of a verbal trigger; ``taken``: words of other triggers, which
        a purpose clause cannot offer as the target ("offered to *send troops* to X")."""
        token, pattern = match.head, match.pattern
        passive = _is_passive(token)
        sources: list[Token] = []
        targets: list[Token] = []
        holders = [token]
        if match.obj is not None:  # "launched an operation, Operation X, against Y"
            holders += [match.obj, *(c for c in match.obj.children if c.dep_ == "appos")]
        if pattern.dobj == "none" and pattern.target_preps:
            holders += self._moved_objects(token)
        given: list[Token] = []  # "sent aid *to Haiti*", "released them *to the ICRC*"
        for child in token.children:
            dep = child.dep_
            if child in match.tokens or (match.obj is not None and match.obj in conjuncts(child)):
                continue
            if dep == "dobj" and _apposition(child):
                continue  # "outlawed the X Association, the country's leading group"
            if dep in _SUBJ and passive:
                targets.extend(conjuncts(child))  # elliptic passive: "50 [were] wounded"
            elif dep in _SUBJ:
                (targets if pattern.subject == "target" else sources).extend(conjuncts(child))
            elif dep == "nsubjpass":
                targets.extend(conjuncts(child))
            elif dep == "agent":
                sources.extend(pobjs(child))
            elif dep == "dative" and child.pos_ == "ADP":
                given.extend(pobjs(child))
            elif dep in ("dobj", "dative") and pattern.dobj in ("target", "source"):
                (targets if pattern.dobj == "target" else sources).extend(conjuncts(child))
        # a place "in" which force is used is where it happened; a restriction laid on a
        # place, or help or protection given or sought there, is aimed at it when the
        # pattern names "in" ("deployed peacekeepers in Darfur", "sought refuge in Sudan")
        area = self._area_measure(match) or (
            "in" in pattern.target_preps and ontology.quad_class(match.type) != 4)
        for holder in holders:
            for child in holder.children:
                if child.dep_ != "prep" or child in match.tokens:
                    continue
                if lemma(child) == "to" and "to" in pattern.target_preps:
                    given.extend(pobjs(child))
                elif lemma(child) in pattern.target_preps or (area and lemma(child) == "in"):
                    targets.extend(self._aimed(child, area))
                elif lemma(child) in pattern.source_preps:
                    sources.extend(pobjs(child))
        if given and not any(self._names_actor(t) for t in targets):
            # the receiver of a thing is the target ("surrendered the town to the army"); a
            # person handed over stays it ("released two hostages to the Red Cross")
            targets = [*(t for t in targets if t.dep_ != "dobj"), *given]
        if pattern.prep and pattern.prep[0] in pattern.target_preps:
            for prep in match.tokens[1:]:
                if prep.dep_ in ("prep", "dative") and lemma(prep) in pattern.target_preps:
                    targets.extend(self._aimed(prep, area))
        if not targets and not passive and pattern.dobj == "target" and not pattern.obj:
            for conj in conjuncts(token)[1:]:  # "arrested and detained the organizers"
                if conj.pos_ == "VERB" and not any(
                    c.dep_ in _SUBJ for c in conj.children
                ):
                    targets = [t for c in conj.children if c.dep_ == "dobj"
                               for t in conjuncts(c)]
                    if targets:  # "bombed, strafed and rocketed the road": the last one's
                        break
        if not sources and token.pos_ in ("NOUN", "PROPN", "ADJ") or token.dep_ == "amod":
            # a verb the parser read as a noun or adjective: "a looter shot and killed",
            # "troops are patrolling markets" (the subject hangs on "are")
            prev = token.doc[token.i - 1] if token.i else token
            sources = sources or [c for c in token.children if c.dep_ in ("compound", "nmod")
                                  and c.i < token.i]
            sources = sources or [t for c in prev.children if c.dep_ in _SUBJ
                                  for t in conjuncts(c)]
        if not sources:
            sources = self._inherited_subject(token, passive)
        if not targets and not passive and ontology.quad_class(match.type) == 4:
            targets = self._clausal_object(token)
        if not targets and token.dep_ == "amod":  # "bombed police headquarters" (misparsed)
            noun = token.head
            while noun.dep_ == "compound" and noun.head.i > noun.i:
                noun = noun.head
            targets = conjuncts(noun)
        if not targets and passive:  # "Also bombed was the village of X": the inverted subject
            targets = [t for c in token.children if c.dep_ == "auxpass" and c.i > token.i
                       for a in c.children if a.dep_ in ("attr", "nsubj")
                       for t in conjuncts(a)]
        if not targets and token.dep_ in ("relcl", "acl") and passive:
            targets = [token.head]
        if not targets and not passive:
            targets = self._clause_aim(match) or self._addressees(token)
        if not passive and not any(self._names_actor(t) for t in targets):
            # "donated $1 million to the WFP": the recipient is the target, not the thing
            targets = self._recipients(match, actor_only=bool(targets)) or targets
        if not targets and pattern.xcomp and match.type == "THREATEN":
            # "threatened to shell the city": the threatened act's object is the target
            targets = [t for c in token.children if c.dep_ in ("xcomp", "ccomp")
                       for o in c.children if o.dep_ == "dobj" for t in conjuncts(o)]
        if not passive and not any(self._names_actor(t) for t in targets):
            targets = self._request_makers(match, targets) or targets
        if not passive and not any(self._names_actor(t) for t in targets) and (
                self._answers_maker(match)):
            targets = [m for t in targets for m in self._makers(t)] or targets
        if not targets and not passive:
            targets = self._pressers(match)
        if not passive and not any(self._names_actor(t) for t in targets):
            targets = self._content_targets(match, taken) or targets
        if (not passive and targets and not any(self._names_actor(t) for t in targets)
                and ontology.quad_class(match.type) in (1, 2)):
            targets = self._beneficiaries(token) or targets  # "support services for children"
        if not passive and targets and all(is_armed_word(lemma(t)) for t in targets):
            # "mobilized troops for an assault on Gaza": the troops are the means, the
            # assault's target is the event's
            targets = [p for c in token.children if c.dep_ == "prep" and lemma(c) == "for"
                       for o in pobjs(c) for p in self._event_targets(o)] or targets
        match.sources, match.targets = sources, targets

    @staticmethod
    def _clause_aim(match: _Match) -> list[Token]:
        """The aim of an attack whose relative clause lists its means before it: "launched
        a coordinated attack that included 500 troops, tanks and rockets *on the HQ*" (the
        parser hangs "on" on the listed means)."""
        if match.obj is None or ontology.quad_class(match.type) != 4:
            return []
        return [p for c in match.obj.children if c.dep_ == "relcl"
                for d in c.children if d.dep_ == "dobj" for o in conjuncts(d)
                for g in o.children if g.dep_ == "prep" and lemma(g) in ("on", "against")
                for p in pobjs(g)]

    def _addressees(self, verb: Token) -> list[Token]:
        """Whom a letter or message says what its participle tells: "sent a letter to the
        WHO threatening to cut funding", "a message to Kabul demanding ..." (the one it
        was sent to is the target)."""
        if verb.dep_ not in ("advcl", "acl") or verb.tag_ != "VBG" or verb.i < verb.head.i:
            return []
        head = verb.head
        docs = self.cues["document_nouns"]
        if lemma(head) in docs:
            letter = head
        else:
            letter = next((c for c in head.children if c.dep_ == "dobj"
                           and lemma(c) in docs), None)
        if letter is None:
            return []
        preps = [c for c in (*head.children, *letter.children)
                 if c.dep_ in ("prep", "dative") and lemma(c) in ("to", "for")]
        return [p for c in preps for p in pobjs(c) if self._names_actor(p)]

    @staticmethod
    def _moved_objects(verb: Token) -> list[Token]:
        """The objects of a verb whose object is only what is moved ("withdrew the batch of
        200 peacekeepers from Liberia"): the parser hangs the target preposition on them
        (or on their "of" noun) instead of the verb."""
        out = [o for c in verb.children if c.dep_ == "dobj" for o in conjuncts(c)]
        out += [p for o in list(out) for c in o.children if c.dep_ == "prep"
                and lemma(c) == "of" for p in pobjs(c)]
        return out

    def _clausal_object(self, verb: Token) -> list[Token]:
        """An object the parser read as a clause: "striking several rebel hideouts" (the noun
        as a clausal complement), "targeting the army held districts of X" (a held or
        controlled place read as a clause of its own: its object is the target)."""
        for child in verb.children:
            if child.dep_ != "ccomp" or child.i < verb.i:
                continue
            if child.pos_ in ("NOUN", "PROPN") or (child.tag_ == "VBZ" and is_noun_word(
                    lemma(child)) and not is_verb_word(lemma(child))):
                return conjuncts(child)  # "hideouts", a noun only, tagged as a verb
            if lemma(child) in self.cues.get("control_participles", ()) and child.tag_ in (
                    "VBN", "VBD"):
                return [t for c in child.children if c.dep_ == "dobj" for t in conjuncts(c)]
        return []

    def _actor_like(self, token: Token) -> bool:
        """Does the noun name who rather than what ("Haiti", "the Red Cross", "refugees",
        "him"; not "a shipment", "$5 million", "the ban")? Decides between a thing and its
        recipient as the target."""
        if token.lower_ == "those" and any(c.dep_ in ("acl", "relcl") for c in token.children):
            return True  # "those affected", "those who fled"
        if token.pos_ == "PRON":
            return token.lower_ in ("he", "him", "she", "her", "they", "them", "we", "us")
        if token.ent_type_ in _ACTOR_ENTS:
            return True
        if token.pos_ == "PROPN" and token.ent_type_ in ("", "FAC", "LOC") and not any(
                c.dep_ == "nummod" for c in token.children):
            return True  # a name the NER missed; not "USD1 million"
        word = lemma(token)
        return (word in self.cues["people_nouns"] or norm(token.text) in role_heads()
                or norm(word) in role_heads())

    def _acted_on(self, token: Token) -> bool:
        """A state, person or people a purpose names ("to help Haiti", "to free the
        hostages"), not an institution one sets up ("to set up a research institute")."""
        if token.ent_type_ in ("PERSON", "GPE", "NORP") or token.pos_ == "PRON":
            return self._actor_like(token)
        return token.pos_ == "NOUN" and self._actor_like(token)

    def _names_actor(self, token: Token) -> bool:
        """An actor, or a thing named by its owner ("Trump's decision", "Iraqi demands"),
        which the actor resolver codes by that owner."""
        return self._actor_like(token) or any(
            c.dep_ in ("poss", "compound", "amod") and self._actor_like(c)
            for c in token.children)

    def _request_makers(self, match: _Match, things: list[Token]) -> list[Token]:
        """Who made the demand, request or appeal an event answers: "accepted the demands by
        protesters" (the trigger's own object), "rejected an appeal lodged by X" (the
        answer is aimed at the one who asked). A free object with its "by" / "from" phrase
        ("refused a request from the Times") stays the target: its phrase names the maker.
        The nouns are ``request_nouns``."""
        words = self.cues.get("request_nouns", frozenset())
        found = [match.obj] if match.obj is not None else []
        found += [*things, *(c for c in match.head.children if c.dep_ == "dobj")]
        for thing in found:
            if lemma(thing) not in words:
                continue
            makers = [p for c in thing.children if c.dep_ == "prep" and thing is match.obj
                      and lemma(c) in ("by", "from", "of") for p in pobjs(c)]
            makers = [m for m in makers if m.pos_ != "NUM" and self._names_actor(m)]
            makers = makers or self._makers(thing)
            if makers:
                return makers
        return []

    def _makers(self, thing: Token) -> list[Token]:
        """Who made a thing, named by its participle's agent: "the policy imposed by the
        administration", "threats made by the US", "a proposal submitted by X and Y"."""
        return [p for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN"
                for a in c.children if a.dep_ == "agent" for p in pobjs(a)
                if p.pos_ != "NUM" and self._names_actor(p)]

    def _answers_maker(self, match: _Match) -> bool:
        """A statement, answer or protest about something made by someone ("condemned the
        threats made by X", "protest the policy imposed by Y") is aimed at its maker."""
        return ontology.quad_class(match.type) in _VERBAL_QUADS or match.type == "PROTEST"

    def _pressers(self, match: _Match) -> list[Token]:
        """Whose pressure or request a refusal resists: "declined to resign despite the
        pressure by Congress / under pressure from his party / despite X's request"."""
        if match.type != "REJECT":
            return []
        words = self.cues.get("request_nouns", frozenset())
        verbs = [match.head, *(c for c in match.head.children if c.dep_ == "xcomp")]
        for verb in (*verbs, *self._governors(match.head)):
            for prep in verb.children:
                if prep.dep_ != "prep" or lemma(prep) not in ("despite", "under", "amid"):
                    continue
                for noun in pobjs(prep):
                    if lemma(noun) not in words:
                        continue
                    found = [t for c in noun.children if c.dep_ == "poss" for t in conjuncts(c)]
                    found += [p for c in noun.children if c.dep_ == "prep"
                              and lemma(c) in ("by", "from", "of") for p in pobjs(c)]
                    found = [t for t in found if self._names_actor(t)]
                    if found:
                        return found
        return []

    def _parties(self, verb: Token) -> list[Token]:
        """The sides of a dispute a purpose is to settle: "to resolve the rift between Qatar
        and other Gulf states", "to prevent a confrontation between Turkey and Syria"."""
        verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]  # "to try to end"
        return [p for v in verbs for c in v.children if c.dep_ == "dobj" for o in conjuncts(c)
                for g in o.children if g.dep_ == "prep" and lemma(g) == "between"
                for p in pobjs(g) if self._names_actor(p)]

    def _content_targets(self, match: _Match, taken: Container[int] = ()) -> list[Token]:
        """Who the event is aimed at when only its purpose or content names them:
        "refused to lift sanctions on Iran", "offered to send troops to Uganda", "sent aid
        to help Haiti"; and the person an act of speech was arranged with: "called the
        minister to discuss the crisis" (the discussion is with the minister)."""
        token = match.head
        clauses = [c for c in token.children if _purpose(c) and c.dep_ in ("xcomp", "advcl")]
        objects = [match.obj] if match.obj is not None else [
            c for c in token.children if c.dep_ == "dobj"]
        clauses += [c for o in objects for c in o.children if _purpose(c) and c.dep_ == "acl"
                    and not any(g.dep_ == "poss" for g in o.children)]  # "Trump's decision to"
        helping = ontology.quad_class(match.type) in (1, 2)
        for verb in clauses:
            found = self._purpose_objects(verb, taken)
            found = found or (self._beneficiaries(verb) if helping else [])
            if not found and self._answers_maker(match):  # "to protest the law passed by X"
                found = [m for c in verb.children if c.dep_ == "dobj" for m in self._makers(c)]
            if not found and ontology.quad_class(match.type) in _VERBAL_QUADS:
                found = self._parties(verb)
            if found:
                return found
            if len(clauses) < 4:  # "offered to send troops *to help* the army": its aim
                clauses += [c for c in verb.children if _purpose(c) and c.dep_ == "advcl"]
        if _purpose(token) and ((token.dep_ == "advcl" and ontology.quad_class(match.type)
                                 in _VERBAL_QUADS) or self._phone_call(token)):
            return [t for c in token.head.children if c.dep_ == "dobj"
                    for t in conjuncts(c) if self._actor_like(t)]
        return []

    def _phone_call(self, clause: Token) -> bool:
        """A purpose clause of a call to someone ("called Lavrov to discuss", "phoned the
        president to apologize"): what is done in the call is done to the one called.
        Not "called on X to" nor "called for"; the verbs are ``phone_verbs``."""
        head = clause.head
        return (clause.dep_ in ("xcomp", "advcl") and clause.i > head.i
                and lemma(head) in self.cues.get("phone_verbs", ())
                and any(c.dep_ == "dobj" and c.i < clause.i for c in head.children))

    def _purpose_objects(self, verb: Token, taken: Container[int] = ()) -> list[Token]:
        """Whom a purpose clause acts on: a person or state ("to help Haiti"), not a thing
        made ("to set up a research institute") nor the words of another trigger ("to send
        troops"); the subject of its bare infinitive ("to help X and Y reach a deal"); or
        the receiver of its "to" / "against" phrase."""
        bare = ("VB", "VBP") if lemma(verb) in self.cues["bare_infinitive_verbs"] else ("VB",)
        found = [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)
                 if self._acted_on(t) and t.i not in taken]
        found = found or [s for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                          and c.tag_ in bare and not any(
                              g.dep_ in ("aux", "mark") for g in c.children)
                          for g in c.children if g.dep_ == "nsubj"
                          for s in conjuncts(g) if self._actor_like(s)]
        return found or self._recipients_of(verb, actor_only=True)

    def _beneficiaries(self, verb: Token, depth: int = 0) -> list[Token]:
        """The people a helping act's thing is for: "to support services *for children*",
        "to address the needs *of people* in Yemen", "to pay for aid for *those affected*"
        (the aid is aimed at them). Not a quantity's "of" ("dozens of activists")."""
        things = [o for c in verb.children if c.dep_ == "dobj" for o in conjuncts(c)]
        things += [o for c in verb.children if c.dep_ == "prep" and lemma(c) == "for"
                   for o in pobjs(c)]
        direct = [t for t in things if t.dep_ == "pobj" and self._acted_on(t)]
        if direct and depth == 0:  # "to build shelters for displaced families"
            return direct
        for thing in things:
            if self._actor_like(thing) or lemma(thing) in self.cues["quantity_nouns"]:
                continue
            found = [p for c in thing.children if c.dep_ == "prep"
                     and lemma(c) in ("for", "of") for p in pobjs(c) if self._acted_on(p)]
            if not found and depth == 0:  # "pay for aid for those affected": one level more
                found = self._beneficiaries(thing, 1)
            if found:
                return found
        return []

    def _recipients(self, match: _Match, actor_only: bool = False) -> list[Token]:
        """Who an event is aimed at when its pattern names no target (or only a thing): a
        person object that is part of the trigger ("summoned the ambassador"), the object
        of "to"/"against" on the verb, of "on" on its object ("lifted sanctions (imposed) on
        X", "suspended deliveries to X") or on the object of its preposition ("called for
        sanctions against X"), or a state "of" its object ("lifted its blockade of Qatar").
        ``actor_only``: only objects that name actors."""
        obj = match.obj
        if obj is not None and lemma(obj) in self.cues["recipient_objects"]:
            return conjuncts(obj)
        # the trigger's own object ("lifted its blockade of Qatar") and the object of its
        # preposition ("called for the release of X") take "of" too; a free object keeps
        # its of-phrase as part of its own span ("the home of a Palestinian man")
        owned = conjuncts(obj) if obj is not None else []  # "aid and arms deals with X"
        owned += [o for t in match.tokens[1:] if t.dep_ == "prep" for o in pobjs(t)]
        free = [] if obj is not None else [c for c in match.head.children if c.dep_ == "dobj"]
        return self._recipients_of(match.head, actor_only, owned, free, skip=match.tokens)

    def _recipients_of(self, verb: Token, actor_only: bool, owned: list[Token] | None = None,
                       free: list[Token] | None = None,
                       skip: Iterable[Token] = ()) -> list[Token]:
        """Objects of the recipient prepositions of ``verb`` and of its objects (``owned``
        ones also through "of"; by default its direct objects, free), first found first."""
        owned = owned or []
        if free is None:
            free = [c for c in verb.children if c.dep_ == "dobj"]
        holders: list[tuple[Token, tuple[str, ...]]] = [(verb, _VERB_RECIPIENT_PREPS)]
        for obj in [*owned, *free]:
            # the trigger's own object: "its blockade of Qatar", "a ceasefire with the
            # Taliban", "sought aid for war victims" (only when they name an actor)
            own = _OWN_OBJECT_PREPS if obj in owned else ()
            holders.append((obj, (*_OBJ_RECIPIENT_PREPS, *own)))
            holders += [(c, _OBJ_RECIPIENT_PREPS) for c in obj.children
                        if c.dep_ == "acl" and c.tag_ == "VBN"]
            # "the ban that they imposed on aid agencies"
            holders += [(c, ("on", "against", "upon")) for c in obj.children
                        if c.dep_ == "relcl"]
            # "provided $3 million in humanitarian aid to Lebanon": the sum's "in" noun
            holders += [(o, _OBJ_RECIPIENT_PREPS) for c in obj.children
                        if c.dep_ == "prep" and lemma(c) == "in" for o in pobjs(c)]
            # "sent supplies and personnel such as doctors to Nepal": the examples' phrase
            holders += [(o, ("to",)) for c in obj.children if c.dep_ == "prep"
                        and lemma(c) in ("as", "include") for o in pobjs(c)]
        found_preps = [(c, preps, actor_only) for holder, preps in holders
                       for c in holder.children if c.dep_ in ("prep", "dative")]
        if owned:  # "suspended aid and arms deals with X": "with" hung on the verb instead
            end = max(o.right_edge.i for o in owned) + 1
            found_preps += [(c, _OWN_OBJECT_PREPS, True) for c in verb.children if c.i == end]
        # "returned the painting, stolen in 1989 from a gallery, to the owner": a last "to"
        # after the participle's own phrases belongs to the verb (when it names an actor)
        found_preps += [(p, ("to",), True) for o in [verb, *owned, *free] for c in o.children
                        if c.dep_ in ("relcl", "acl", "advcl") and c.i > verb.i
                        for p in self._trailing_to(c)]
        skipped = {t.i for t in skip}
        for prep, preps, actors in found_preps:
            if prep.i in skipped:
                continue
            found = self._relation_objects(prep)  # "sanctions in relation to Iraq"
            if not found and lemma(prep) in preps and not time_adjunct(prep):
                found = [p for p in pobjs(prep) if p.pos_ in ("PROPN", "NOUN", "PRON")]
                if actors or lemma(prep) in _OWN_OBJECT_PREPS:
                    found = [p for p in found if self._names_actor(p)]
            if found:
                return found
        # "in X" stays the event's location, never its target: "marched in Baghdad"
        return []

    @staticmethod
    def _trailing_to(clause: Token) -> list[Token]:
        """A "to" phrase that closes a participle or relative clause after the clause's own
        phrases ("stolen in 1989 from a gallery *to the owner*", "that date back to 600 AD
        *to Peru*"): a clause verb seldom takes a "to" last, the governing verb does,
        wherever in the clause the parser hung it."""
        if clause.tag_ not in ("VBN", "VBG", "VBP", "VBZ", "VBD"):
            return []
        preps = [t for t in clause.subtree if t.dep_ == "prep" and t.i > clause.i]
        last = [p for p in preps if lemma(p) == "to"][-1:]
        return last if last and last[0] is not preps[0] else []

    def _relation_objects(self, prep: Token) -> list[Token]:
        """The object of a compound preposition "in relation to X", "with regard to X" (the
        nouns are ``relation_nouns``): what a measure concerns."""
        if lemma(prep) not in ("in", "with"):
            return []
        return [p for o in pobjs(prep) if lemma(o) in self.cues.get("relation_nouns", ())
                for c in o.children if c.dep_ == "prep" and lemma(c) in ("to", "of")
                for p in pobjs(c) if self._names_actor(p)]

    def _inherited_subject(self, token: Token, passive: bool) -> list[Token]:
        """Subject of a verb that has none of its own: shared with a coordinated verb,
        controlled by the main clause ("opened fire, killing three"), or the noun a relative
        clause or participle modifies."""
        if passive:
            return []
        head = token.head
        if (token.dep_ == "acl" and lemma(token) in self.cues.get("blast_verbs", ())
                and head.dep_ not in ("ROOT", "appos") and _misparsed_main_verb(token)):
            return []  # "car bombs targeting patrols detonated": not the patrols' act
        if token.dep_ in ("relcl", "acl"):
            return conjuncts(head)
        if token.dep_ == "pcomp" and head.dep_ == "prep":
            return self._gerund_subject(head)
        if token.dep_ == "acomp" and head.pos_ in ("VERB", "AUX"):
            # "X is ready to send troops", "X stands ready to help": the subject of "is"
            own = [c for c in head.children if c.dep_ in _SUBJ]
            if own:
                return [t for c in own for t in conjuncts(c)]
            return self._inherited_subject(head, _is_passive(head))
        if token.dep_ in ("conj", "xcomp", "advcl") and head is not token:
            if token.dep_ == "advcl" and token.tag_ != "VBG":
                if not _purpose(token):
                    return []
                # "called Lavrov to discuss": the caller discusses; but "called on the US
                # to lift": the one called on is to act
                ctrl = [p for c in head.children if c.dep_ == "prep"
                        and lemma(c) in ("on", "upon") for p in pobjs(c)]
                if ctrl:
                    return ctrl
            if token.dep_ == "xcomp" and self._phone_call(token):
                own = [c for c in head.children if c.dep_ in _SUBJ]
                if own:  # "phoned X to apologize": the caller apologizes (parsed as xcomp)
                    return [t for c in own for t in conjuncts(c)]
            if token.dep_ == "xcomp":  # object control: "urged Iran to release the crew"
                ctrl = [t for c in head.children if c.dep_ == "dobj" for t in conjuncts(c)]
                ctrl = ctrl or [p for c in head.children if c.dep_ == "prep"
                                and lemma(c) in ("on", "upon") for p in pobjs(c)]
                if ctrl:
                    return ctrl
            own = [c for c in head.children if c.dep_ in _SUBJ]
            if own and not _is_passive(head):
                return [t for c in own for t in conjuncts(c)]
            ready = [t for c in head.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
            if ready and token.dep_ == "xcomp" and self._ready(head):
                return ready  # "Turkey is poised / set to send troops": the one made ready
            if not own:
                return self._inherited_subject(head, _is_passive(head))
        return []

    def _ready(self, word: Token) -> bool:
        """A verb of intention ("plans to") or a word of readiness ("is ready / willing /
        poised to"): what it governs is intended, not done."""
        if lemma(word) in self.cues["readiness_adjectives"]:
            return word.pos_ in ("ADJ", "VERB")
        return lemma(word) in self.cues["future_verbs"] and word.pos_ == "VERB"

    def _gerund_subject(self, prep: Token) -> list[Token]:
        """Subject of a gerund under a preposition: "stopped short of threatening" (the
        subject of the verb), "accused Iran of arming the rebels" (its object)."""
        gov = prep.head
        if gov.dep_ == "advmod" and lemma(gov) in self.cues["negating_adverbs"]:
            gov = gov.head
        if gov.pos_ not in ("VERB", "AUX"):
            return []
        if lemma(prep) in ("of", "for", "from"):
            objs = [t for c in gov.children if c.dep_ == "dobj" for t in conjuncts(c)]
            if objs:
                return objs
        own = [t for c in gov.children if c.dep_ in _SUBJ for t in conjuncts(c)]
        if own and not _is_passive(gov):
            return own
        return [] if own else self._inherited_subject(gov, _is_passive(gov))

    def _aimed(self, prep: Token, area: bool = False) -> list[Token]:
        """Objects of a target preposition, without the places of "in": "attacked positions
        in Idlib" is aimed at the positions, and happened in Idlib. ``area``: the event is a
        restriction laid on a place ("a curfew in Basra"), whose people it is aimed at."""
        found = pobjs(prep)
        if lemma(prep) == "in" and not area:
            found = [p for p in found if not self._place(p)]
        return found

    def _area_measure(self, match: _Match) -> bool:
        """A restriction laid on an area ("declared a state of siege", "imposed a curfew",
        "lifted martial law"): the trigger's object, its "of" noun or their modifiers."""
        obj = match.obj
        if obj is None:
            return False
        words = [obj, *(o for c in obj.children if c.dep_ == "prep" and lemma(c) == "of"
                        for o in pobjs(c))]
        words += [c for w in list(words) for c in w.children if c.dep_ in ("amod", "compound")]
        return any(lemma(w) in self.cues["area_measures"] for w in words)

    def _place(self, token: Token) -> bool:
        """A noun that names where rather than whom: a place entity, a country, region or
        sizeable city of the gazetteer (the small NER tags some as persons), or a word of
        place ("the province", "northern parts")."""
        if token.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
        if lemma(token) in self.cues["place_nouns"]:
            return True
        return token.pos_ == "PROPN" and is_place_word(token.text)

    def _event_targets(self, noun: Token) -> list[Token]:
        """The target of an event noun that is itself the object of a light verb ("carried
        out attacks *on the parliament*"); empty for a noun that names no event."""
        if ("noun", lemma(noun)) not in self.index:
            return []
        preps = ("against", "on", "upon", "at", "targeting")
        return [p for c in noun.children if c.dep_ == "prep" and lemma(c) in preps
                for p in pobjs(c) if p.ent_type_ not in ("DATE", "TIME")]

    def _noun_arguments(self, match: _Match) -> None:
        token, pattern = match.head, match.pattern
        sources: list[Token] = []
        targets: list[Token] = []
        for child in token.children:
            dep, lem = child.dep_, lemma(child)
            if child in match.tokens:
                continue
            if dep == "poss" and child.pos_ in ("PROPN", "NOUN"):
                sources.extend(conjuncts(child))
            elif dep in ("amod", "compound") and child.ent_type_ in ("NORP", "ORG", "GPE"):
                sources.append(child)
            elif dep == "prep":
                if lem == "of":
                    (sources if pattern.of_role == "source" else targets).extend(pobjs(child))
                elif lem == "between" and lem in pattern.target_preps:
                    targets.extend(pobjs(child))  # "mediation between X and Y": the parties
                elif (lem == "between" or (pattern.two_sided and lem == "with")
                      or lem in pattern.source_preps):
                    sources.extend(pobjs(child))
                elif lem in pattern.target_preps:
                    targets.extend(p for p in self._aimed(child)
                                   if p.ent_type_ not in ("DATE", "TIME"))
        if not targets and ontology.quad_class(match.type) in _VERBAL_QUADS:
            # "a mediation effort to help the government and the rebels reach a deal"
            for clause in (c for c in token.children if _purpose(c) and c.dep_ == "acl"):
                targets = targets or self._purpose_objects(clause) or self._parties(clause)
        if pattern.pobj and not targets:
            # "the release of political detainees": the people the trigger's own object
            # names are who it is done to
            targets = [t for p in match.tokens[1:] if p.dep_ == "pobj"
                       for t in conjuncts(p) if self._actor_like(t)]
        head = token.head
        light = self.cues["light_verbs"]
        if self._halted(match):
            light = frozenset((lemma(head),))  # "ended mediation efforts": who ended them
        if token.dep_ in ("dobj", "nsubjpass") and lemma(head) in light:
            if not sources:
                sources = [t for c in head.children if c.dep_ in _SUBJ for t in conjuncts(c)]
            if not sources:
                sources = [p for c in head.children if c.dep_ == "agent" for p in pobjs(c)]
            if not sources:  # "plans to hold a rally": the subject of "plans"
                sources = self._inherited_subject(head, _is_passive(head))
            if not targets:  # "launched cyber attacks against X and Y": on the light verb
                targets = [p for c in head.children if c.dep_ == "prep"
                           and lemma(c) in pattern.target_preps and lemma(c) != "in"
                           for p in self._aimed(c) if p.ent_type_ not in ("DATE", "TIME")]
        elif token.dep_ == "nsubj" and lemma(head) in light:
            # "a bomber carried out attacks on the parliament": the attack's own target
            targets += [a for c in head.children if c.dep_ == "dobj" for t in conjuncts(c)
                        for a in (self._event_targets(t) or [t])]
        if token.dep_ == "pobj" and lemma(head) == "for" and lemma(head.head) == "responsibility":
            claim = head.head.head
            claimers = [t for c in claim.children if c.dep_ in _SUBJ for t in conjuncts(c)]
            match.attributions.extend(claimers)
            if not sources:
                sources = list(claimers)
        # Place names in "in Baghdad" are locations, not targets.
        match.sources, match.targets = sources, targets

    def _halted(self, match: _Match) -> bool:
        """A nominal event its actor stops ("ended mediation efforts") is the halt, not the
        event (CAMEO 165 halt mediation: SANCTION withdraw); re-types the match. The rules
        and verbs are ``halted_events`` in ``data/cues.yaml``."""
        cue = self.cues.get("halted_events") or {}
        token = match.head
        if (match.pattern.id not in cue.get("rules", ()) or token.dep_ != "dobj"
                or lemma(token.head) not in cue.get("verbs", ())):
            return False
        match.type, match.mode = str(cue["type"]).upper(), cue.get("mode")
        match.cameo_root = str(cue.get("cameo", "")) or ontology.cameo_root(match.type)
        match.rule = f"{match.pattern.id}>{match.type.lower()}"
        match.verb = token.head
        return True

    # --- attribution ----------------------------------------------------------------------

    def _according_to(self, sent: Span) -> list[Token]:
        out: list[Token] = []
        for token in sent:
            if lemma(token) in self.cues["attribution_preps"] or token.lower_ == "according":
                out.extend(pobjs(token))
        return out

    def _speaker(self, token: Token) -> Token | None:
        """The verb of saying that reports the trigger's clause, if any."""
        cur = token
        for _ in range(6):
            if cur.dep_ in ("ccomp", "parataxis", "conj", "xcomp", "advcl") or (
                cur.dep_ == "ROOT"
            ):
                if cur.dep_ == "ROOT":
                    break
                head = cur.head
                if lemma(head) in self.cues["speech_verbs"] and cur.dep_ == "ccomp":
                    return head
                cur = head
            else:
                break
        # "X attacked Y, police said": the speech verb hangs on the trigger's clause
        for child in cur.children:
            if child.dep_ in ("parataxis", "ccomp", "advcl") and lemma(child) in self.cues[
                "speech_verbs"
            ] and child.i > token.i:
                return child
        return None

    def _speech(self, match: _Match) -> None:
        verb = self._speaker(match.head if match.pattern.pos == "verb" else match.head.head)
        if verb is None or verb is match.head:
            return
        speakers = [t for c in verb.children if c.dep_ in _SUBJ for t in conjuncts(c)]
        speakers += [p for c in verb.children if c.dep_ == "agent" for p in pobjs(c)]
        if not speakers:
            return
        verbal = ontology.quad_class(match.type) in _VERBAL_QUADS
        if not match.sources and (verbal or match.pattern.speaker_source):
            match.sources = speakers
            return
        pronoun = [lemma(s) for s in match.sources] in (["it"], ["they"], ["he"], ["she"],
                                                         ["we"])
        if pronoun and match.head.head == verb:
            # "Russia announced it would withdraw": it = Russia; but not in a clause further
            # down ("said the army will be treated as a foe if it does not withdraw")
            match.sources = speakers
            return
        for speaker in speakers:
            if speaker not in match.sources and speaker not in match.attributions:
                match.attributions.append(speaker)

    # --- negation and modality ------------------------------------------------------------

    def _governors(self, token: Token) -> Iterator[Token]:
        """The verbs that take the trigger's clause as a complement ("refused to *release*",
        "plans to *attack*", "called for *protests*")."""
        cur = token
        for _ in range(4):
            if cur.dep_ == "conj" and any(c.dep_ in _SUBJ for c in cur.children):
                return  # "..., but troops detained five": a clause of its own
            if cur.dep_ in ("xcomp", "pcomp", "pobj", "prep", "dobj", "ccomp", "conj", "acl",
                            "acomp") or (
                cur.dep_ == "advmod" and lemma(cur) in self.cues["negating_adverbs"]
            ):
                cur = cur.head
                yield cur
            else:
                return

    def _negation(self, match: _Match) -> None:
        token = match.head
        words = self.cues["negation_words"]
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
               for c in token.children):
            match.negated = True
            return
        if (token.dep_ == "conj" and any(c.dep_ == "neg" for c in token.head.children)
                and not any(c.dep_ in _SUBJ for c in token.children)):
            match.negated = True
            return
        if token.dep_ == "conj" and token.tag_ == "VBG" and any(
                c.dep_ == "prep" and lemma(c) == "without" and c.i < token.i
                for c in token.head.children) and any(
                c.dep_ == "cc" and lemma(c) in ("or", "nor") and c.i < token.i
                for c in token.head.children):
            match.negated = True  # "withdrew without resistance or firing a shot"
            return
        for gov in self._governors(token):
            if lemma(gov) in self.cues["speech_verbs"]:
                return
            if lemma(gov) in self.cues["negating_verbs"] or (
                gov.pos_ in ("VERB", "AUX") and any(
                    c.dep_ == "neg" or c.lower_ in words for c in gov.children
                    if c.dep_ in ("neg", "advmod")
                )
            ):
                match.negated = True
                return
            if lemma(gov) == "without" or lemma(gov) in self.cues["negating_adverbs"]:
                match.negated = True  # "stopped short of threatening"
                return

    def _modality(self, match: _Match) -> None:
        token, cue = match.head, self.cues
        chain = [token, *self._governors(token)]
        modality = "asserted"
        conditional = False
        reported = self._speaker(token) is not None
        for i, verb in enumerate(chain):
            if i and lemma(verb) in cue["speech_verbs"]:
                break
            for child in verb.children:
                lem = lemma(child)
                if child.dep_ == "aux" and lem == "would" and reported and not (
                    match.pattern.content_future
                ):
                    modality = "future"  # "announced it would withdraw": future in the past
                elif child.dep_ == "aux" and lem in cue["hypothetical_aux"]:
                    modality = "hypothetical"
                elif child.dep_ == "aux" and lem in cue["future_aux"] and (
                    not match.pattern.content_future or i
                ):
                    modality = modality if modality == "hypothetical" else "future"
                elif child.dep_ == "mark" and lem in cue["conditional_marks"]:
                    modality = "hypothetical"
                elif child.dep_ == "amod" and lem in cue["future_adjectives"] and i == 0:
                    modality = "future"
            if i and verb is not token:
                if lemma(verb) in cue["hypothetical_verbs"] and verb.pos_ == "VERB":
                    modality = "hypothetical"
                elif self._ready(verb):
                    # "plans to send", "is ready / willing to send": an intention, not an act
                    modality = modality if modality == "hypothetical" else "future"
            conditions_content = i == 0 and (match.type in ("THREATEN", "REQUEST")
                                              or match.pattern.content_future)
            if not conditions_content and any(c.dep_ == "advcl" and _conditional(c, cue)
                                              for c in verb.children):
                conditional = True  # "if they do not withdraw, we will attack"
                modality = "hypothetical"
            if modality == "hypothetical":
                break
        # a conditional clause further up ("if troops cross the border, ...")
        cur = token
        for _ in range(4):
            if cur.dep_ == "advcl" and any(lemma(c) in cue["conditional_marks"]
                                           for c in cur.children if c.dep_ == "mark"):
                modality = "hypothetical"
                break
            if cur.head is cur:
                break
            cur = cur.head
        if any(lemma(g) in cue["allegation_nouns"] and g.pos_ == "NOUN" for g in chain[1:]):
            modality = "hypothetical"  # "denied allegations that troops tortured detainees"
        match.modality = modality
        promise = modality == "future" or conditional
        if promise and not match.negated and self._promised_conflict(match):
            return
        if modality == "future" and match.negated and self._refusal(match):
            return
        future_type = ontology.future_as(match.type)
        if modality == "future" and future_type and not match.negated:
            match.type = future_type
            match.mode = None
            match.cameo_root = ontology.cameo_root(future_type)
            match.modality = "asserted"

    def _refusal(self, match: _Match) -> bool:
        """Cooperation its actor says will not happen is a refusal: "the government will not
        lift the ban" -> REJECT (CAMEO 12), asserted and not negated."""
        modes = self.cues["refusal_modes"]
        if match.type not in modes:
            return False
        match.type, match.mode = "REJECT", modes[match.type]
        match.cameo_root = ontology.cameo_root("REJECT")
        match.rule = f"{match.pattern.id}>reject"
        match.negated, match.modality = False, "asserted"
        return True

    def _promised_conflict(self, match: _Match) -> bool:
        """A future act of force announced by its own actor is a threat (PLOVER THREATEN, as
        promised cooperation is AGREE): "al-Sadr said his fighters will attack US bases",
        "they vowed they would strike back". Re-types the match; True when it did."""
        mode = self.cues["threat_modes"].get(match.type)
        verb = self._speaker(match.head) if mode else None
        if verb is None:
            return False
        speakers = [t for c in verb.children if c.dep_ in _SUBJ for t in conjuncts(c)]
        own = not match.sources or any(
            s in speakers or s.pos_ == "PRON" or any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in s.children)
            for s in match.sources)
        if not speakers or not own:
            return False
        match.type, match.mode = "THREATEN", mode
        match.cameo_root = ontology.cameo_root("THREATEN")
        match.rule = f"{match.pattern.id}>threaten"
        match.sources = speakers
        match.attributions = [a for a in match.attributions if a not in speakers]
        match.modality = "asserted"
        return True

    # --- modes from instruments -----------------------------------------------------------

    def _absorb_instruments(self, matches: list[_Match]) -> list[_Match]:
        """Merge two triggers of one incident. "killed in an airstrike": a nominal trigger that
        is the instrument or setting of a verbal trigger of the same type gives it its mode
        and is not a second event; "an airstrike killed 12": the verb is absorbed."""
        by_head = {m.head.i: m for m in matches}
        drop: set[int] = set()
        for m in matches:
            if m.pattern.pos != "verb":
                continue
            for prep in m.head.children:
                if prep.dep_ != "prep" or lemma(prep) not in ("in", "by", "with", "during"):
                    continue
                for obj in pobjs(prep):
                    other = by_head.get(obj.i)
                    if other is None or other.pattern.pos != "noun" or other.type != m.type:
                        continue
                    if m.mode is None:
                        m.mode = other.mode
                        m.cameo_root = other.cameo_root
                    m.tokens.append(obj)
                    _fold(m, other)
                    drop.add(obj.i)
        # "met in Muscat to discuss": a purpose clause of the same type is the same event
        for m in matches:
            gov = by_head.get(m.head.head.i)
            if (m.pattern.pos == "verb" and m.head.dep_ in ("xcomp", "advcl")
                    and gov is not None and gov is not m and gov.type == m.type
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in m.head.children)):
                _fold(gov, m)
                drop.add(m.head.i)
        # "Clashes between A and B killed 12": the nominal event is the incident; the verb
        # only gives it a target (see _noun_arguments) and is not a second event.
        for m in matches:
            if m.pattern.pos != "verb" or m.head.i in drop:
                continue
            subjects = [c for c in m.head.children if c.dep_ == "nsubj"]
            if m.head.dep_ == "acl" and m.head.tag_ in ("VBD", "VBN") and not _is_passive(
                    m.head):
                subjects.append(m.head.head)  # "Another bombing, in July, killed 50"
            for subj in subjects:
                other = by_head.get(subj.i)
                if (other is not None and other.pattern.pos == "noun"
                        and other.type == m.type and other.head.i not in drop):
                    drop.add(m.head.i)
                    _fold(other, m)
                    other.verb = m.head  # the clause is reported by this verb (confidence)
                    if other.mode is None:
                        other.mode, other.cameo_root = m.mode, m.cameo_root
        drop |= self._consequences(matches, by_head)
        drop |= self._purposes(matches, by_head)
        for m in matches:
            if m.pattern.pos == "noun" and m.verb is None and m.head.i not in drop:
                m.verb = self._event_predicate(m.head)
        _keep_folded(matches, drop)
        kept = [m for m in matches if m.head.i not in drop]
        self._toll_words(kept)
        self._paired_words(kept)
        self._aspect_words(kept)
        return kept

    def _paired_words(self, matches: list[_Match]) -> None:
        """"an unknown assailant shot and wounded X": a word of an attack right before "and"
        and an attack verb, which the parser left outside that verb, is a further word of it."""
        words = self.cues.get("paired_attack_words", frozenset())
        taken = {t.i for m in matches for t in (m.head, *m.tokens, *m.also)}
        for m in matches:
            head = m.head
            if m.type != "ASSAULT" or m.pattern.pos != "verb" or head.i - 2 < head.sent.start:
                continue
            cc, word = head.doc[head.i - 1], head.doc[head.i - 2]
            if cc.lower_ != "and" or word.i in taken:
                continue
            if word.lower_ in words or (word.pos_ == "VERB" and lemma(word) in words):
                m.also.append(word)
                taken.add(word.i)

    def _aspect_words(self, matches: list[_Match]) -> None:
        """Verbs that only say an event of the sentence starts, goes on or is carried out
        ("launched, this morning, a surprise attack", "began attacking", "began the day with
        an assault", "continued their operations, targeting ...", "the offensive began"):
        kept as further words of that event."""
        words = self.cues.get("aspect_verbs", frozenset())
        if not matches:
            return
        owner: dict[int, _Match] = {}
        for m in matches:
            for t in (m.head, *m.tokens, *m.also, *([m.verb] if m.verb is not None else [])):
                owner.setdefault(t.i, m)
            if m.pattern.pos == "noun":
                light = self._light_verb(m.head)
                if light is not None:
                    owner.setdefault(light.i, m)
        for token in _loose_verbs(matches, words, owner):
            event = self._aspect_of(token, owner)
            if event is not None:
                event.also.append(token)
                owner[token.i] = event

    @staticmethod
    def _aspect_of(verb: Token, owner: dict[int, _Match]) -> _Match | None:
        """The event an aspect verb carries: its object (also one the parser left as a loose
        dependent after it), its complement verb, the object of its "with", a subject-less
        participle clause, or, without an object, its subject."""
        has_object = False
        for child in verb.children:
            dep = child.dep_
            if dep == "dobj" or (dep == "dep" and child.i > verb.i and child.pos_ == "NOUN"):
                has_object = True
                found = [t for t in conjuncts(child) if t.i in owner]
            elif dep == "xcomp" and child.pos_ == "VERB":
                found = [child] if child.i in owner else []
            elif dep == "prep" and lemma(child) == "with":
                found = [o for o in pobjs(child) if o.i in owner]
            elif dep in ("advcl", "conj") and child.tag_ == "VBG" and not any(
                    c.dep_ in (*_SUBJ, "mark") for c in child.children):
                found = [child] if child.i in owner else []
            else:
                continue
            if found:
                return owner[found[0].i]
        if has_object:
            return None
        subjects = [t for c in verb.children if c.dep_ == "nsubj" for t in conjuncts(c)]
        found = [s for s in subjects if s.i in owner and owner[s.i].pattern.pos == "noun"]
        return owner[found[0].i] if found else None

    def _toll_words(self, matches: list[_Match]) -> None:
        """Verbs that are no trigger of their own but tell the toll or course of an attack
        in the sentence ("died after a car bomb attack", "was shot and later died", "a
        looter shot and killed a man"): kept as further words of that attack."""
        words = self.cues.get("toll_words", frozenset())
        types = self.cues.get("toll_types", frozenset({"assault"}))
        attacks = {t.i: m for m in matches if m.type.lower() in types
                   for t in (m.head, *m.tokens)}
        if not attacks:
            return
        taken = {t.i for m in matches for t in (m.head, *m.tokens, *m.also)}
        for token in _loose_verbs(matches, words, taken):
            attack = self._toll_of(token, attacks)
            if attack is not None:
                attack.also.append(token)
                taken.add(token.i)

    @staticmethod
    def _toll_of(verb: Token, attacks: dict[int, _Match]) -> _Match | None:
        """The attack a toll verb belongs to: the verb it is a conjunct or clause of, a
        conjunct or clause of its own, or the event noun of its "in/after/during" phrase."""
        if verb.dep_ in ("conj", "advcl") and verb.head.i in attacks:
            return attacks[verb.head.i]
        owner = _reduced_toll_owner(verb, attacks)
        if owner is not None:
            return owner
        for child in verb.children:
            if child.dep_ in ("conj", "advcl") and child.i in attacks:
                return attacks[child.i]
            if child.dep_ == "prep" and lemma(child) in ("in", "after", "during", "from"):
                for obj in pobjs(child):
                    if obj.i in attacks:
                        return attacks[obj.i]
        return None

    def _event_predicate(self, noun: Token) -> Token | None:
        """The verb that only says a nominal event happened ("clashes erupted", "the attack
        claimed 12 lives", "the protest took place"), if the noun is its subject."""
        verb = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
            return None
        word = lemma(verb)
        if word not in self.cues.get("event_predicates", frozenset()):
            return None
        needed = (self.cues.get("event_predicate_needs") or {}).get(word)
        if needed and not any(lemma(c) == needed for c in verb.children
                              if c.dep_ in ("prt", "dobj", "prep", "advmod")):
            return None
        return verb

    def _consequences(self, matches: list[_Match], by_head: dict[int, _Match]) -> set[int]:
        """"opened fire, killing three and wounding 50", "killed 3 and wounded 50": the deaths
        and injuries are the cost of one attack, not further attacks. A killing/wounding verb
        that is a participle clause of an attack, or a subject-less conjunct of one, is
        absorbed; its figures then go to the attack."""
        words = self.cues.get("consequence_verbs", frozenset())
        drop: set[int] = set()
        for m in matches:
            head = m.head
            if m.pattern.pos != "verb" or m.type != "ASSAULT" or lemma(head) not in words:
                continue
            own_subject = any(c.dep_.startswith("nsubj") for c in head.children)
            bare_conjunct = head.dep_ == "conj" and not own_subject
            participle = head.dep_ in ("advcl", "xcomp") and head.tag_ == "VBG"
            relative = head.dep_ == "relcl" and any(  # "the attack that killed 20"
                lemma(c) in _RELATIVE for c in head.children if c.dep_ == "nsubj")
            gov = (by_head.get(head.head.i) if bare_conjunct or participle or relative
                   else _reduced_toll_owner(head, by_head))
            if gov is not None and gov is not m and gov.type == "ASSAULT":
                _fold(gov, m)
                drop.add(head.i)
        return drop

    @staticmethod
    def _purposes(matches: list[_Match], by_head: dict[int, _Match]) -> set[int]:
        """"provided 6 million euros to support refugees", "sent troops to help": the goal
        of a material act of cooperation is not a second, verbal act of support."""
        drop: set[int] = set()
        for m in matches:
            head = m.head
            if m.type != "SUPPORT" or m.pattern.pos != "verb" or not any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
                continue
            cur = head
            for _ in range(2):
                cur = cur.head
                gov = by_head.get(cur.i)
                if gov is not None and gov is not m and ontology.quad_class(gov.type) == 2:
                    _fold(gov, m)
                    drop.add(head.i)
                    break
        return drop

    def _instrument_mode(self, match: _Match) -> None:
        if match.type != "ASSAULT" or match.mode is not None:
            return
        words = self._clause_words(match)
        order = ("unconventional", "crowd-control", "suicide-attack", "drone", "aerial",
                 "explosives",
                 "heavy-weapons", "firearms", "primitive")
        instruments = self.cues["instruments"]
        for mode in order:
            if words & instruments.get(mode, frozenset()):
                match.mode = mode
                return

    @staticmethod
    def _clause_words(match: _Match) -> set[str]:
        words: set[str] = set()
        for token in (match.head, *(match.tokens[1:])):
            for child in token.children:
                argument = child.dep_ in ("dobj", "nsubj", "nsubjpass", "compound", "amod")
                instrument = child.dep_ in ("prep", "agent") and lemma(child) in (
                    "with", "using", "by", "in", "from")
                if argument or instrument:
                    words.update(lemma(t) for t in child.subtree)
        return words

    # --- output ---------------------------------------------------------------------------

    def _confidence(self, match: _Match) -> float:
        """How likely the event is right, from the evidence: the pattern's prior and its
        specificity (required objects, particles), complete arguments, where the report sits
        (a main clause of the lead sentence is the article's incident; a subordinate clause,
        a modifier or a later sentence is more often a passing mention) and modality. Higher
        is more often right."""
        pattern = match.pattern
        # a nominal trigger whose verb it absorbed ("an airstrike destroyed ...") is reported
        # by that verb: its syntactic role is the verb's
        token = match.verb if match.verb is not None else match.head
        score = pattern.strength + 0.03 * min(pattern.constraints, 3)
        if match.sources:
            score += 0.06
        elif match.verb is None:
            score -= 0.1
        if match.targets:
            score += 0.05
        elif ontology.requires_recipient(match.type):
            score -= 0.15
        if pattern.pos == "noun" and match.verb is None:
            score -= 0.05 if (match.sources or match.targets) else 0.15
        if match.rule != pattern.id:
            score -= 0.1  # re-typed by a sense or modality rule
        score -= self._role_penalty(token)
        score -= min(0.05 * match.sent_index, 0.1)  # news puts the incident in its lead
        if any(lemma(s) in ("it", "they", "he", "she", "this", "that") for s in match.sources):
            score -= 0.04
        if match.modality == "hypothetical":
            score -= 0.15
        elif match.modality == "future":
            score -= 0.05
        if match.negated:
            score -= 0.1
        return round(min(0.99, max(0.05, score)), 3)

    def _role_penalty(self, token: Token, depth: int = 0) -> float:
        """How far the trigger's clause is from the sentence's main report: a modifier of a
        noun or an object of a preposition ("the attack that ...", "after the raid"), a
        background clause ("as leaders met", "after police called on them"), or a participle
        describing a thing ("placards condemning the ban", "a camp housing troops")."""
        cue = self.cues
        if token.dep_ in ("relcl", "acl", "pobj", "pcomp", "amod", "appos"):
            penalty = 0.08
            if token.dep_ == "acl" and token.tag_ == "VBG":
                noun = token.head
                human = lemma(noun) in cue["people_nouns"] or noun.ent_type_ in (
                    "PERSON", "NORP", "ORG", "GPE") or lemma(noun) in cue["document_nouns"]
                if not human:
                    penalty += 0.1
            return penalty
        marks = [lemma(c) for c in token.children if c.dep_ == "mark"]
        if token.dep_ == "advcl" and any(m in cue["background_marks"] for m in marks):
            return 0.08
        if token.dep_ == "advcl" and _purpose(token):
            return 0.08  # "called on the US to lift sanctions": an aim, not the report
        if token.dep_ in ("advcl", "xcomp", "conj") and not marks and token.head is not token \
                and not any(c.dep_ in _SUBJ for c in token.children) and depth < 3:
            # "as activists marched, demanding ...": a participle or subject-less conjunct
            # is as central as the clause it hangs on
            return self._role_penalty(token.head, depth + 1)
        return 0.0

    def _other_triggers(self, match: _Match, trigger: tuple[int, int]
                        ) -> list[tuple[int, int]]:
        """Words outside the trigger span that report the same event: triggers folded into
        it, the noun a reporting verb stands for, and the light verb that carries a nominal
        trigger ("launched a wave of attacks", "staged a sit-in")."""
        words = [*match.tokens, *match.also]
        if match.pattern.pos == "noun":
            words.append(match.head)
            light = self._light_verb(match.head)
            if light is not None:
                words.append(light)
        spans = {(t.idx, t.idx + len(t)) for t in words
                 if t.pos_ not in ("DET", "ADP", "PART", "PUNCT")}
        return sorted(s for s in spans if s[1] <= trigger[0] or s[0] >= trigger[1])

    def _light_verb(self, noun: Token) -> Token | None:
        """The verb whose object the nominal trigger is, when it only performs it."""
        head = noun
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and lemma(head.head) == "of":
            head = head.head.head  # "launched a string of attacks"
        verb = head.head
        if head.dep_ == "pobj" and lemma(verb) == "under" and lemma(verb.head) == "come":
            return verb.head  # "the convoy came under attack"
        loose = head.dep_ == "dep" and head.i > verb.i  # "launched, this morning, an attack"
        if not (head.dep_ == "dobj" or loose) or verb.pos_ != "VERB":
            return None
        return verb if lemma(verb) in self.cues.get("performing_verbs", frozenset()) else None

    def _candidate(self, match: _Match, sent: Span) -> EventCandidate:
        # "Kirkuk, captured by ...", "Vukovar was captured": the object named before the verb
        # is an argument, not a word of the trigger
        tokens = sorted((t for t in match.tokens if not (t.i < match.head.i and (
            t.is_ancestor(match.head) or t.dep_ in ("nsubj", "nsubjpass")))),
            key=lambda t: t.i)
        first, last = tokens[0], tokens[-1]
        if last.i - first.i > 5:  # a far particle or object: keep the head word only
            first = last = match.head
        if match.pattern.pos == "noun" and match.verb is not None:
            # "a roadside bomb killed five": the verb reports the event and anchors its place
            # and date; the noun still gives the mode and the rule
            first = last = match.verb
        trigger_span = (first.idx, last.idx + len(last))
        context = list(match.pattern.context)
        for extra in ontology.mode_contexts(match.type, match.mode):
            if extra not in context:
                context.append(extra)
        return EventCandidate(
            type=match.type,
            trigger_start=first.idx,
            trigger_end=last.idx + len(last),
            sent_start=sent.start_char,
            sent_end=sent.end_char,
            rule=match.rule,
            mode=match.mode,
            context=context,
            cameo_root=match.cameo_root,
            source_spans=spans(match.sources),
            target_spans=_outside(spans(match.targets), trigger_span),
            attribution_spans=spans(match.attributions),
            other_trigger_spans=self._other_triggers(match, trigger_span),
            negated=match.negated,
            modality=match.modality,  # type: ignore[arg-type]
            confidence=self._confidence(match),
        )


def _verbless(token: Token) -> bool:
    """No verb governs the sentence outside the token's own phrase (participles and relative
    clauses of nouns aside): a fragment or caption whose only verb the parser read as a noun
    ("Some 2,500 allied militiamen patrol", "The UN force, with Lebanese troops, patrols in
    the buffer zone")."""
    inside = {t.i for t in token.subtree}
    return not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl", "amod")
                   and t.i not in inside for t in token.sent)


def _outside(found: list[tuple[int, int]], trigger: tuple[int, int]) -> list[tuple[int, int]]:
    """Argument spans without the trigger: a verb the parser read as an adjective of its
    object ("bombed police headquarters") sits at the head of the object's phrase."""
    out: list[tuple[int, int]] = []
    for start, end in found:
        if start <= trigger[0] < end and trigger[1] < end:
            start = trigger[1] + 1
        out.append((start, end))
    return out


def _apposition(obj: Token) -> bool:
    """A second direct object right after a comma, with no conjunction: the parser's
    reading of an apposition ("outlawed the X Association, the country's leading group")."""
    earlier = [c for c in obj.head.children if c.dep_ == "dobj" and c.i < obj.i]
    if not earlier:
        return False
    before = obj.doc[obj.left_edge.i - 1] if obj.left_edge.i > 0 else None
    between = obj.doc[earlier[-1].i:obj.left_edge.i]
    return before is not None and before.text == "," and not any(
        t.dep_ == "cc" for t in between)


def _reduced_toll_owner(verb: Token, owners: dict[int, _Match]) -> _Match | None:
    """The event whose toll a reduced participle tells: "Ten were killed and five others
    *injured*", "80 soldiers were killed, dozens others *injured*" (the participle hangs on a
    number noun coordinated with, or set beside, the event's own verb or its subject)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return None
    noun = verb.head
    for _ in range(3):
        if noun.dep_ not in ("conj", "appos", "npadvmod", "advcl", "nsubj", "nsubjpass"):
            return None
        noun = noun.head
        if noun.i in owners:
            return owners[noun.i]
    return None


def _loose_verbs(matches: list[_Match], words: frozenset[str], taken: Container[int]
                 ) -> Iterator[Token]:
    """Verbs of the matches' sentence from ``words`` that no event has taken (``taken`` is
    read as the walk goes, so a verb given to an event on the way counts as taken)."""
    for token in matches[0].head.sent:
        if token.i not in taken and lemma(token) in words and token.pos_ == "VERB":
            yield token


def _fold(into: _Match, match: _Match) -> None:
    """Note that ``match`` reports the same event as ``into`` (see ``_keep_folded``)."""
    match.into = into


def _keep_folded(matches: list[_Match], drop: set[int]) -> None:
    """Give each surviving trigger the words of the triggers folded into it, through chains
    ("exploded, killing two and wounding six": wounding -> killing -> exploded)."""
    for match in matches:
        if match.head.i not in drop:
            continue
        root, seen = match.into, 0
        while root is not None and root.head.i in drop and seen < len(matches):
            root, seen = root.into, seen + 1
        if root is None or root.head.i in drop:
            continue
        for token in (match.head, *match.tokens):
            if token not in root.also:
                root.also.append(token)
