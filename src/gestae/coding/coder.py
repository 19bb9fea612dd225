"""Rule-based event coder: trigger patterns over the dependency parse -> EventCandidates.

One trigger token yields at most one candidate. The coder matches triggers, drops background
and other senses, folds words of one event together (instruments, tolls, aspect verbs), reads
reported speech (the speaker is the attribution, or the source of a speech act such as a
threat), negation and modality (future / hypothetical). Who did it to whom is read by
``arguments.ArgumentReader``.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from gestae.coding import ontology
from gestae.coding.arguments import ArgumentReader
from gestae.coding.demands import obligation
from gestae.coding.match import TriggerMatch
from gestae.coding.parse import (
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    governors,
    hyphen_parts,
    is_apposition,
    is_conditional,
    is_passive,
    is_purpose,
    is_title_case,
    lemma,
    light_verb,
    sentence_case,
    word_forms,
)
from gestae.coding.patterns import (
    Pattern,
    cues,
    is_armed_word,
    is_noun_word,
    pattern_index,
    weapon_words,
)
from gestae.coding.phrases import conjuncts, pobjs, spans, time_adjunct
from gestae.model import EventCandidate
from gestae.nlp import load as load_nlp

# How much lower an event ranks when another event of its sentence governs its clause: the
# sentence reports the governing event ("ordered X to suspend ...", "... after a convoy was
# attacked"), and the first event of a sentence is the one it is about
_GOVERNED = 0.25
_SCORE = re.compile(r"(?<![\d.,])\d{1,2} ?[-–] ?\d{1,2}(?![\d.,%])")


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
        self.arguments = ArgumentReader(self.index)
        self.weapon_words = weapon_words()

    # --- public ---------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[EventCandidate]:
        """Every event candidate of ``doc``, in text order."""
        out: list[EventCandidate] = []
        index = 0
        for sent in doc.sents:
            found = list(self._sentence(sent, index))
            if is_title_case(sent):
                found = self._recased(sent, index) or found
            out.extend(found)
            if len(sent) >= 5:  # a dateline or a stray fragment is not a sentence of news
                index += 1
        return out

    def _recased(self, sent: Span, index: int) -> list[EventCandidate]:
        """The candidates of a title-case headline parsed again in sentence case, with their
        offsets moved back into ``sent``'s doc (the text keeps every character in place)."""
        nlp = self.nlp if self.nlp is not None else load_nlp()
        doc = nlp(sentence_case(sent))
        out: list[EventCandidate] = []
        for part in doc.sents:
            out.extend(_shifted(c, sent.start_char) for c in self._sentence(part, index))
        return out

    # --- matching -------------------------------------------------------------------------

    def _sentence(self, sent: Span, index: int = 0) -> Iterator[EventCandidate]:
        used: set[int] = set()
        matches: list[TriggerMatch] = []
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
        kept: list[TriggerMatch] = []
        for match in sorted(matches, key=lambda m: m.head.i):
            if self._background(match) or self._other_sense(match) or self._non_event(match):
                continue
            self.arguments.read(match, matches)
            if match.pattern.needs_target and not match.targets:
                continue
            self._speech(match)
            match.attributions.extend(a for a in attributions if a not in match.attributions)
            self._negation(match)
            self._modality(match)
            self._instrument_mode(match)
            match.sent_index = index
            kept.append(match)
        kept = self._fold_mentions(kept)
        for match in kept:
            yield self._candidate(match, sent, kept)

    def _match(self, token: Token, pos: str) -> TriggerMatch | None:
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
            if any(c.dep_ == "dobj" for c in token.children) and (
                    "verb", lemma(token)) in self.index:
                return lemma(token)  # "U.S. lifts sanctions on Iran": a noun has no object
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

    def _try(self, pattern: Pattern, token: Token) -> TriggerMatch | None:
        """Check one pattern's constraints at ``token``; the consumed tokens if it fits."""
        tokens = [token]
        children = list(token.children)
        if pattern.passive is not None and is_passive(token) != pattern.passive:
            return None
        if pattern.particle:
            prt = [c for c in children if c.dep_ in ("prt", "prep", "advmod")
                   and lemma(c) in pattern.particle] or self._loose_particle(pattern, token)
            if not prt:
                return None
            tokens.append(prt[0])
        if pattern.prep:
            preps = [c for c in children if c.dep_ in ("prep", "dative", "agent")
                     and lemma(c) in pattern.prep and c not in tokens and not time_adjunct(c)]
            if not preps and pattern.obj:
                # "hold hundreds of families as human shields": the small parser hangs the
                # verb's preposition on its required object
                preps = [p for c in children if c.dep_ == "dobj" and lemma(c) in pattern.obj
                         for p in c.children if p.dep_ == "prep" and lemma(p) in pattern.prep]
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
        if (pattern.obj_not and token.dep_ in ("acl", "relcl") and token.tag_ == "VBN"
                and lemma(token.head) in pattern.obj_not):
            return None  # "a report released by the institute": the noun is its object
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
                c.dep_ in SUBJECT_DEPS for c in children)  # the small model tags some VBN as VBD
            if not objs and pattern.pos == "verb" and not any(c.dep_ == "dobj"
                                                              for c in children):
                # "rockets fired from Gaza hit ...", misparsed with the weapon as subject
                objs = [c for c in children if c.dep_ == "nsubj" and lemma(c) in pattern.obj
                        and lemma(c) in self.weapon_words]
            if not objs and pattern.pos == "verb" and (reduced or (
                    token.dep_ == "relcl" and is_passive(token))):
                # "rockets fired from Gaza", "the weapons that were seized": the noun the
                # passive participle or relative clause modifies is its object
                objs = [o for o in self._through_quantity(token.head)
                        if lemma(o) in pattern.obj]
            if not objs and pattern.pos == "verb":
                objs = self._participle_subjects(token, pattern.obj)
            if not objs and pattern.pos == "verb":
                # "found the minister guilty": the small parser reads a small clause
                objs = [c for c in children if c.dep_ == "ccomp" and c.pos_ == "ADJ"
                        and lemma(c) in pattern.obj]
            if not objs:
                return None
            obj = objs[0]
            if pattern.obj_modifier_not and any(
                    m.dep_ in ("compound", "amod", "nmod") and lemma(m) in pattern.obj_modifier_not
                    for m in obj.children):
                return None  # "began air strikes" is no labour strike
            tokens.append(obj)
        if pattern.modifier:
            mods = [c for c in children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")
                    and lemma(c) in pattern.modifier]
            if not mods:
                return None
            tokens.append(mods[0])
        if pattern.xcomp:
            # "forced a plane flying from X to Y to land": the parser hangs the complement on
            # the participle that describes the object
            heads = [token, *(a for c in children if c.dep_ == "dobj" for a in c.children
                              if a.dep_ == "acl" and a.tag_ == "VBG")]
            comps = [c for h in heads for c in h.children if (
                c.dep_ in ("xcomp", "ccomp", "pcomp") or (h is not token and c.dep_ == "advcl"))
                and (lemma(c) in pattern.xcomp or "*" in pattern.xcomp)]
            # "forced a cargo plane to land": a bare infinitive read as "to" + a noun
            comps += [o for h in heads for c in h.children if c.dep_ == "prep"
                      and c.lower_ == "to" for o in pobjs(c) if o.lower_ in pattern.xcomp
                      and not any(d.dep_ in ("det", "poss", "amod") for d in o.children)]
            if not comps:
                return None
        if pattern.subj and not any(self._subject_fits(s, pattern)
                                    for s in self.arguments.subjects(token)):
            return None
        if pattern.complement_modal and obligation(
                token, pattern.complement_modal, self.cues) is None:
            return None
        tokens += [p for t in list(tokens) for p in hyphen_parts(t) if p not in tokens]
        return TriggerMatch(pattern=pattern, head=token, tokens=tokens, obj=obj)

    @staticmethod
    def _participle_subjects(token: Token, words: Sequence[str]) -> list[Token]:
        """The required object the small parser made the subject of a participle clause
        after the verb: "will not accept any refugees fleeing the violence" ("refugees" the
        subject of "fleeing"), "deported migrants trying to cross the border"."""
        return [s for c in token.children if c.dep_ in ("ccomp", "xcomp", "advcl")
                and c.tag_ == "VBG" and c.i > token.i
                for s in c.children if s.dep_ == "nsubj" and token.i < s.i < c.i
                and any(w in words for w in word_forms(s))]

    @staticmethod
    def _loose_particle(pattern: Pattern, token: Token) -> list[Token]:
        """A particle-like word the small parser reads as a complement or an adjective: "set
        free 12 hostages" ("free" an adjective of the object right after the verb), "made $5
        million available" (after the object), "set them free" (a predicate adjective). In
        "let free three journalists" "free" is a verb of its own: its release pattern fires."""
        found = [c for c in token.children if c.lower_ in pattern.particle and (
            c.dep_ in ("oprd", "acomp") or (c.dep_ == "ccomp" and c.pos_ == "ADJ"))]
        # an adjective of the object right after the verb ("set free 12 hostages") or after
        # the object ("made $20 million available"): a predicate, not a modifier
        found += [a for c in token.children if c.dep_ == "dobj" for a in c.children
                  if a.dep_ == "amod" and a.lower_ in pattern.particle
                  and (a.i == token.i + 1 or a.i > c.i)]
        return found

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

    def _background(self, match: TriggerMatch) -> bool:
        """True for a trigger that only mentions a past or generic event in passing."""
        token = match.head
        cue = self.cues
        if match.pattern.pos == "noun":
            if token.dep_ == "compound" or token.ent_type_ in ("DATE", "TIME"):
                return True  # "in March" is a month, not a march
            head = token.head
            if token.dep_ == "pobj" and lemma(head) in cue["background_preps"]:
                return True
            if (token.dep_ == "pobj" and lemma(head) in ("of", "to")
                    and lemma(head.head) in cue.get("halting_nouns", ())):
                return True  # "a cessation of hostilities", "an end to the fighting"
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
        if token.dep_ in ("relcl", "acl") and is_passive(token):
            has_agent = any(c.dep_ == "agent" for c in token.children)
            noun = token.head
            human = lemma(noun) in cue["people_nouns"] or is_armed_word(lemma(noun)) or (
                noun.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"))
            # "rockets fired from Gaza hit ...": the weapon of an attack names it
            weapon = match.type == "ASSAULT" and any(
                lemma(noun) in words for words in cue["instruments"].values())
            own_subject = token.dep_ == "relcl" and any(
                c.dep_ == "nsubjpass" and lemma(c) not in RELATIVE_PRONOUNS for c in token.children)
            # "the helicopter which has been shot down near X": an attack told of its object
            relative = match.type == "ASSAULT" and token.dep_ == "relcl" and any(
                c.dep_ == "nsubjpass" and lemma(c) in RELATIVE_PRONOUNS for c in token.children)
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

    def _own_report(self, match: TriggerMatch) -> bool:
        """A single nominal event that is the subject of a past main verb of its own ("A
        similar roadside bomb killed 16 people on December 5"): an incident told with its own
        toll, date and place, even when it is likened to another."""
        verb = match.verb
        return (verb is not None and match.head.tag_ in ("NN", "NNP")
                and verb.tag_ == "VBD" and verb.dep_ in ("ROOT", "conj", "ccomp"))

    def _sequence(self, match: TriggerMatch) -> bool:
        """A conflict act told by a gerund under "after"/"before" that hangs on a past verb:
        an act of its own just before or after the main one ("destroyed the tank after
        striking it", "were tortured before being shot"); not "since invading"."""
        token = match.head
        prep = token.head
        gov = prep.head
        return (ontology.quad_class(match.type) == 4 and token.tag_ in ("VBG", "VBN")
                and lemma(prep) in self.cues.get("sequence_preps", ())
                and gov.pos_ in ("VERB", "AUX") and gov.tag_ in ("VBD", "VBN"))

    def _sense_words(self, match: TriggerMatch) -> set[str]:
        """Lemmas of the trigger's own objects: its direct object (or passive subject), the
        objects of its prepositions and particles, not counting words of the trigger."""
        used = {t.i for t in match.tokens}
        words: set[str] = set()
        for holder in (match.head, *(t for t in match.tokens[1:] if t.dep_ in ("prt", "prep"))):
            for child in holder.children:
                if child.i in used:
                    continue
                if child.dep_ == "dobj" and is_apposition(child):
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

    def _other_sense(self, match: TriggerMatch) -> bool:
        """True for a material-conflict word used in another sense ("heart attack", "shot a
        film", "stormed to victory", "beat Arsenal 2-0"); a conflict verb with a legislative
        or abstract object is re-typed ("killed the bill" -> REJECT, "attacked the budget" ->
        ACCUSE)."""
        cue, token = self.cues, match.head
        if ontology.quad_class(match.type) in ontology.VERBAL_QUADS:
            # a speech act needs a speaker: "the missile slammed into a school" is no criticism
            subject = token.head if token.dep_ == "conj" and not any(
                c.dep_ in SUBJECT_DEPS for c in token.children) else token
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

    def _sports(self, match: TriggerMatch) -> bool:
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

    def _non_event(self, match: TriggerMatch) -> bool:
        """A refusal whose content is talk ("declined to comment") is not a REJECT; a request
        or rejection needs no further filter."""
        if match.type != "REJECT" or match.pattern.pos != "verb":
            return False
        comps = [c for c in match.head.children if c.dep_ in ("xcomp", "ccomp")]
        return bool(comps) and all(lemma(c) in self.cues["non_event_complements"]
                                   for c in comps)

    # --- arguments ------------------------------------------------------------------------

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

    def _speech(self, match: TriggerMatch) -> None:
        verb = self._speaker(match.head if match.pattern.pos == "verb" else match.head.head)
        if verb is None or verb is match.head:
            return
        speakers = [t for c in verb.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
        speakers += [p for c in verb.children if c.dep_ == "agent" for p in pobjs(c)]
        if not speakers:
            return
        verbal = ontology.quad_class(match.type) in ontology.VERBAL_QUADS
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

    def _negation(self, match: TriggerMatch) -> None:
        token = match.head
        words = self.cues["negation_words"]
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
               for c in token.children):
            match.negated = True
            return
        if (token.dep_ == "conj" and any(c.dep_ == "neg" for c in token.head.children)
                and not any(c.dep_ in SUBJECT_DEPS for c in token.children)):
            match.negated = True
            return
        if token.dep_ == "conj" and token.tag_ == "VBG" and any(
                c.dep_ == "prep" and lemma(c) == "without" and c.i < token.i
                for c in token.head.children) and any(
                c.dep_ == "cc" and lemma(c) in ("or", "nor") and c.i < token.i
                for c in token.head.children):
            match.negated = True  # "withdrew without resistance or firing a shot"
            return
        for gov in governors(token):
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

    def _modality(self, match: TriggerMatch) -> None:
        token, cue = match.head, self.cues
        chain = [token, *governors(token)]
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
                elif self.arguments.ready(verb):
                    # "plans to send", "is ready / willing to send": an intention, not an act
                    modality = modality if modality == "hypothetical" else "future"
            conditions_content = i == 0 and (match.type in ("THREATEN", "REQUEST")
                                              or match.pattern.content_future)
            if not conditions_content and any(c.dep_ == "advcl" and is_conditional(c, cue)
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
        if any(g.pos_ == "NOUN" and lemma(g) in cue["request_nouns"] and t.dep_ == "acl"
               for t, g in zip(chain, chain[1:], strict=False)):
            modality = "hypothetical"  # "its demand that the US lift sanctions": asked for
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

    def _refusal(self, match: TriggerMatch) -> bool:
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

    def _promised_conflict(self, match: TriggerMatch) -> bool:
        """A future act of force announced by its own actor is a threat (PLOVER THREATEN, as
        promised cooperation is AGREE): "al-Sadr said his fighters will attack US bases",
        "they vowed they would strike back". Re-types the match; True when it did."""
        mode = self.cues["threat_modes"].get(match.type)
        verb = self._speaker(match.head) if mode else None
        if verb is None:
            return False
        speakers = [t for c in verb.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
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

    def _absorb_instruments(self, matches: list[TriggerMatch]) -> list[TriggerMatch]:
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
            if m.head.dep_ == "acl" and m.head.tag_ in ("VBD", "VBN") and not is_passive(
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

    def _fold_mentions(self, kept: list[TriggerMatch]) -> list[TriggerMatch]:
        """"Airstrikes hit two hospitals, and the strikes were carried out by Russian jets":
        an event noun with a definite determiner ("the strikes", "this attack") after an event
        of the same type in its sentence names that event again. The later mention gives the
        first its missing source or target and is no event of its own, so the sentence's event
        keeps both."""
        out: list[TriggerMatch] = []
        for match in kept:
            noun = match.head if match.pattern.pos == "noun" else match.obj
            first = next((m for m in out if m.type == match.type and m.head.i < (
                noun.i if noun is not None else -1)), None)
            if (noun is None or first is None or not self._anaphoric(noun)
                    or not self._names_again(first, match, noun)
                    or first.negated != match.negated or first.modality != match.modality
                    or (match.sources and first.sources) or (match.targets and first.targets)):
                out.append(match)  # both name their own doer or victim: two events
                continue
            first.sources = first.sources or match.sources
            first.targets = first.targets or match.targets
            first.attributions.extend(a for a in match.attributions
                                      if a not in first.attributions)
            first.also.extend(t for t in (match.head, *match.tokens) if t not in first.also)
        return out

    def _names_again(self, first: TriggerMatch, match: TriggerMatch, noun: Token) -> bool:
        """The later noun can name the first event: the same word or a general word for an
        act ("the strikes", "the attack"), and no kind of act the first does not have ("the
        bombings ... and the murder of six priests" are two acts; "was injured by ... the
        explosion" tells the blast, not the injury)."""
        if match.mode is not None and match.mode != first.mode:
            return False
        words = {lemma(first.head), *(lemma(t) for t in first.tokens)}
        return lemma(noun) in words or lemma(noun) in self.cues.get("event_reference_nouns", ())

    def _anaphoric(self, noun: Token) -> bool:
        """A noun that points back at an event told before it: a definite or demonstrative
        determiner and no possessor, number or date of its own ("the strikes", "these raids";
        not "the 2003 invasion", "Israel's attacks", "the second assault", "the other raids")."""
        words = self.cues.get("anaphoric_determiners", frozenset())
        dets = [c for c in noun.children if c.dep_ == "det"]
        if not dets or not all(d.lower_ in words for d in dets):
            return False
        other = self.cues.get("distinct_event_words", frozenset())
        return not any(c.dep_ in ("poss", "nummod") or lemma(c) in other
                       or c.ent_type_ in ("DATE", "TIME", "ORDINAL") for c in noun.children)

    def _paired_words(self, matches: list[TriggerMatch]) -> None:
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

    def _aspect_words(self, matches: list[TriggerMatch]) -> None:
        """Verbs that only say an event of the sentence starts, goes on or is carried out
        ("launched, this morning, a surprise attack", "began attacking", "began the day with
        an assault", "continued their operations, targeting ...", "the offensive began"):
        kept as further words of that event."""
        words = self.cues.get("aspect_verbs", frozenset())
        if not matches:
            return
        owner: dict[int, TriggerMatch] = {}
        for m in matches:
            for t in (m.head, *m.tokens, *m.also, *([m.verb] if m.verb is not None else [])):
                owner.setdefault(t.i, m)
            if m.pattern.pos == "noun":
                light = light_verb(m.head)
                if light is not None:
                    owner.setdefault(light.i, m)
        for token in _loose_verbs(matches, words, owner):
            event = self._aspect_of(token, owner)
            if event is not None:
                event.also.append(token)
                owner[token.i] = event

    @staticmethod
    def _aspect_of(verb: Token, owner: dict[int, TriggerMatch]) -> TriggerMatch | None:
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
                    c.dep_ in (*SUBJECT_DEPS, "mark") for c in child.children):
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

    def _toll_words(self, matches: list[TriggerMatch]) -> None:
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
    def _toll_of(verb: Token, attacks: dict[int, TriggerMatch]) -> TriggerMatch | None:
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

    def _consequences(self, matches: list[TriggerMatch],
                      by_head: dict[int, TriggerMatch]) -> set[int]:
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
                lemma(c) in RELATIVE_PRONOUNS for c in head.children if c.dep_ == "nsubj")
            gov = (by_head.get(head.head.i) if bare_conjunct or participle or relative
                   else _reduced_toll_owner(head, by_head))
            if gov is not None and gov is not m and gov.type == "ASSAULT":
                _fold(gov, m)
                drop.add(head.i)
        return drop

    @staticmethod
    def _purposes(matches: list[TriggerMatch], by_head: dict[int, TriggerMatch]) -> set[int]:
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

    def _instrument_mode(self, match: TriggerMatch) -> None:
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
    def _clause_words(match: TriggerMatch) -> set[str]:
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

    def _confidence(self, match: TriggerMatch, kept: Sequence[TriggerMatch] = ()) -> float:
        """How likely the event is right, from the evidence: the pattern's prior and its
        specificity (required objects, particles), complete arguments, where the report sits
        (a main clause of the lead sentence is the article's incident; a subordinate clause,
        a modifier or a later sentence is more often a passing mention; an event whose clause
        another event of the sentence governs is its content or background) and modality.
        Higher is more often right."""
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
        if _governed(match, kept):
            score -= _GOVERNED
        score -= min(0.05 * match.sent_index, 0.1)  # news puts the incident in its lead
        if self._long_ago(token):
            score -= 0.2  # "citizens abducted decades ago": history behind today's report
        if any(lemma(s) in ("it", "they", "he", "she", "this", "that") for s in match.sources):
            score -= 0.04
        if match.modality == "hypothetical":
            score -= 0.15
        elif match.modality == "future":
            score -= 0.05
        if match.negated:
            score -= 0.1
        return round(min(0.99, max(0.05, score)), 3)

    def _long_ago(self, token: Token) -> bool:
        """Is the trigger dated years back ("abducted decades ago", "killed two years ago")?
        News reports today's incident; a years-old one is its background."""
        units = self.cues.get("long_ago_units", ())
        return any(lemma(c) == "ago" and any(lemma(g) in units for g in c.children)
                   for c in token.children)

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
        head = token.head
        if (token.dep_ == "ccomp" and lemma(head) in cue["speech_verbs"] and head.tag_ == "VBG"
                and head.dep_ in ("advcl", "xcomp", "conj")):
            return 0.08  # "defended the plan, saying his government shared data": a reason
        marks = [lemma(c) for c in token.children if c.dep_ == "mark"]
        if token.dep_ == "advcl" and any(m in cue["background_marks"] for m in marks):
            return 0.08
        if token.dep_ == "advcl" and is_purpose(token):
            return 0.08  # "called on the US to lift sanctions": an aim, not the report
        if token.dep_ in ("advcl", "xcomp", "conj") and not marks and token.head is not token \
                and not any(c.dep_ in SUBJECT_DEPS for c in token.children) and depth < 3:
            # "as activists marched, demanding ...": a participle or subject-less conjunct
            # is as central as the clause it hangs on
            return self._role_penalty(token.head, depth + 1)
        return 0.0

    def _other_triggers(self, match: TriggerMatch, trigger: tuple[int, int]
                        ) -> list[tuple[int, int]]:
        """Words outside the trigger span that report the same event: triggers folded into
        it, the noun a reporting verb stands for, and the light verb that carries a nominal
        trigger ("launched a wave of attacks", "staged a sit-in")."""
        words = [*match.tokens, *match.also]
        if match.pattern.pos == "noun":
            words.append(match.head)
            light = light_verb(match.head)
            if light is not None:
                words.append(light)
        spans = {(t.idx, t.idx + len(t)) for t in words
                 if t.pos_ not in ("DET", "ADP", "PART", "PUNCT")}
        return sorted(s for s in spans if s[1] <= trigger[0] or s[0] >= trigger[1])

    def _candidate(self, match: TriggerMatch, sent: Span, kept: Sequence[TriggerMatch] = ()
                   ) -> EventCandidate:
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
            target_spans=_before_trigger_words(
                _outside(spans(t for t in match.targets if not _created(t, match)),
                         trigger_span), match),
            attribution_spans=spans(match.attributions),
            other_trigger_spans=self._other_triggers(match, trigger_span),
            negated=match.negated,
            modality=match.modality,  # type: ignore[arg-type]
            confidence=self._confidence(match, kept),
        )


def _shifted(cand: EventCandidate, offset: int) -> EventCandidate:
    """The candidate with every character offset moved by ``offset``."""
    def move(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(start + offset, end + offset) for start, end in found]

    return replace(cand, trigger_start=cand.trigger_start + offset,
                   trigger_end=cand.trigger_end + offset, sent_start=cand.sent_start + offset,
                   sent_end=cand.sent_end + offset, source_spans=move(cand.source_spans),
                   target_spans=move(cand.target_spans),
                   attribution_spans=move(cand.attribution_spans),
                   other_trigger_spans=move(cand.other_trigger_spans))


def _anchor(match: TriggerMatch) -> Token:
    """The word that reports the event in the sentence's structure: the verb a nominal
    trigger was absorbed into or is performed by ("launched cyber warfare"), else the
    trigger."""
    if match.verb is not None:
        return match.verb
    if match.pattern.pos == "noun":
        light = light_verb(match.head)
        if light is not None:
            return light
        head = match.head
        if head.dep_ in ("dobj", "nsubj", "nsubjpass") and head.head.pos_ == "VERB":
            # "announced a suspension of aid ... and threatened": the noun's clause is its verb's
            return head.head
    return match.head


def _governed(match: TriggerMatch, kept: Iterable[TriggerMatch]) -> bool:
    """Another event of the sentence governs this one's clause: "ordered X to *suspend*",
    "suspended aid after a convoy was *attacked*", "fishermen *held* captive have been freed",
    "released X but *barred* her": the sentence reports the governing event first."""
    anchor = _anchor(match)
    above = {t.i for t in anchor.ancestors}
    # "Ajak was released after Kiir pardoned him": a main event without its doer is told
    # through the clause that names him
    return any(other is not match and _anchor(other).i in above
               and (other.sources or not match.sources) for other in kept)


def _verbless(token: Token) -> bool:
    """No verb governs the sentence outside the token's own phrase (participles and relative
    clauses of nouns aside): a fragment or caption whose only verb the parser read as a noun
    ("Some 2,500 allied militiamen patrol", "The UN force, with Lebanese troops, patrols in
    the buffer zone")."""
    inside = {t.i for t in token.subtree}
    return not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl", "amod")
                   and t.i not in inside for t in token.sent)


def _created(target: Token, match: TriggerMatch) -> bool:
    """Is the target what a verb under the trigger makes ("agreed to set up two field
    hospitals", "promised to build a school")? A thing brought into being is not who the
    event is aimed at."""
    verb = target
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "dobj" or verb.head in match.tokens:
        return False
    verb = verb.head
    if verb.pos_ != "VERB":
        return False
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    made = cues().get("creation_verbs", frozenset())
    return f"{verb.lemma_} {particle}".strip() in made


def _outside(found: list[tuple[int, int]], trigger: tuple[int, int]) -> list[tuple[int, int]]:
    """Argument spans without the trigger: a verb the parser read as an adjective of its
    object ("bombed police headquarters") sits at the head of the object's phrase."""
    out: list[tuple[int, int]] = []
    for start, end in found:
        if start <= trigger[0] < end and trigger[1] < end:
            start = trigger[1] + 1
        out.append((start, end))
    return out


def _before_trigger_words(found: list[tuple[int, int]], match: TriggerMatch
                          ) -> list[tuple[int, int]]:
    """Argument spans without the trigger's function words they run into: "set free 12
    hostages" ("free" read as the object's adjective) starts after them, "hold 300 families
    as human shields in X" ("as" hung on the object) ends before them."""
    out: list[tuple[int, int]] = []
    for start, end in found:
        inside = sorted((t for t in match.tokens if start <= t.idx < end
                         and t is not match.head and t is not match.obj
                         and t.pos_ in ("ADP", "ADJ", "ADV", "PART")), key=lambda t: t.i)
        if not inside:
            out.append((start, end))
        elif inside[0].idx == start:
            last = inside[0]
            for t in inside[1:]:
                if t.i != last.i + 1:
                    break
                last = t
            after = last.i + 1
            if after < len(last.doc) and last.doc[after].idx < end:
                out.append((last.doc[after].idx, end))
        else:
            text = match.head.doc.text
            cut = inside[0].idx
            while cut > start and text[cut - 1].isspace():
                cut -= 1
            out.append((start, cut))
    return out


def _reduced_toll_owner(verb: Token, owners: dict[int, TriggerMatch]) -> TriggerMatch | None:
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


def _loose_verbs(matches: list[TriggerMatch], words: frozenset[str], taken: Container[int]
                 ) -> Iterator[Token]:
    """Verbs of the matches' sentence from ``words`` that no event has taken (``taken`` is
    read as the walk goes, so a verb given to an event on the way counts as taken)."""
    for token in matches[0].head.sent:
        if token.i not in taken and lemma(token) in words and token.pos_ == "VERB":
            yield token


def _fold(into: TriggerMatch, match: TriggerMatch) -> None:
    """Note that ``match`` reports the same event as ``into`` (see ``_keep_folded``)."""
    match.into = into


def _keep_folded(matches: list[TriggerMatch], drop: set[int]) -> None:
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
