"""Who did it and to whom: the source and target tokens of a matched trigger, read from the
dependency parse.

Active voice (nsubj -> source, dobj -> target), passive (agent -> source, nsubjpass ->
target), prepositional targets ("fired at X"), recipients of things given ("sent aid to X"),
purposes ("sent troops to help X"), owners of things acted on, and subjects a verb inherits
from the clause that governs it. A place "in" which an event happens stays its location,
unless the event is a restriction, help or a truce laid on the place's people ("a curfew in
Basra", "aid in Yemen", "a ceasefire in Idlib") and names no one else. A weapon or a nominal
attack named by its owner ("Iraqi warplanes", "U.S. military airstrikes") stands for the one
who struck; the one a thing is taken from ("seized weapons from the army") is the target.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from gestae.actors.kb import norm, role_heads
from gestae.coding import ontology
from gestae.coding.demands import asked_parties, obliged_parties
from gestae.coding.match import TriggerMatch
from gestae.coding.parse import (
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    governors,
    is_apposition,
    is_passive,
    is_purpose,
    lemma,
    light_verb,
    misparsed_main_verb,
)
from gestae.coding.patterns import (
    cues,
    is_armed_word,
    is_noun_word,
    is_place_word,
    is_verb_word,
    weapon_words,
)
from gestae.coding.phrases import conjuncts, pobjs, time_adjunct

_VERB_RECIPIENT_PREPS = ("to", "against", "toward", "towards", "upon")
_OBJ_RECIPIENT_PREPS = (*_VERB_RECIPIENT_PREPS, "on")
_OWN_OBJECT_PREPS = ("of", "with", "for")
_ACTOR_ENTS = ("PERSON", "ORG", "GPE", "NORP")
_LETTING_VERBS = ("let", "set")  # "let free X", "set free X": the verb that lets
_PROTEST_PREPS = ("against", "at", "over", "of")  # "in protest against X"


@dataclass(frozen=True)
class _Verbal:
    """A verbal trigger as the argument fallbacks read it: the match, whether its verb is
    passive (which turns most fallbacks on or off), and ``taken``, the words of other
    triggers that a purpose clause cannot offer as the target."""

    match: TriggerMatch
    passive: bool
    taken: Container[int] = ()


class ArgumentReader:
    """Reads a match's sources and targets in place; ``index`` is the coder's pattern index
    (an event noun is one a pattern names)."""

    def __init__(self, index: Container[tuple[str, str]]) -> None:
        self.index = index
        self.cues = cues()

    def read(self, match: TriggerMatch, matches: list[TriggerMatch]) -> None:
        trigger_heads = {m.head.i for m in matches} | {t.i for m in matches for t in m.tokens}
        if match.pattern.pos == "noun":
            self._noun_arguments(match)
        else:
            self._verb_arguments(match, trigger_heads - {t.i for t in match.tokens})
        match.sources = self._issuers(self._resolve_relative(match, match.sources))
        match.targets = self._resolve_relative(match, match.targets)
        instruments = weapon_words()
        match.sources = [s for s in match.sources if s.ent_type_ not in ("DATE", "TIME") and (
            (s.i not in trigger_heads and lemma(s) not in instruments)
            or self._owned_weapon(s, instruments) or s.i == match.head.i
            or lemma(s) in self.cues["weapon_bearers"])]
        own = {t.i for t in match.tokens if t.dep_ == "pobj"} if match.pattern.pos == "noun" \
            else set()  # "the release of prisoners": the people released

        def keep(found: list[Token]) -> list[Token]:
            return [t for t in found if (t.i not in trigger_heads or t is match.obj or t.i in own
                                         or self._answered_event(match, t))
                    and t not in match.sources and t.ent_type_ not in ("DATE", "TIME")]

        match.targets = (keep(match.targets) or keep(self._participle_targets(match, matches))
                         or keep(self._carrier_targets(match, matches)))
        if not any(self._names_actor(t) for t in match.targets):
            # "provided $3 million for assistance in Iraq": Iraq's people, not the thing
            match.targets = keep(self._area_aims(match)) or match.targets
        if not any(self._names_actor(t) for t in match.targets):
            # "seized weapons from the army": the one robbed, not the weapons
            match.targets = keep(self._robbed(match)) or match.targets
        self._completed(match)

    def _completed(self, match: TriggerMatch) -> None:
        """Arguments read from the event's wider frame: whom a demand in reported speech
        obliges, of whom a request asks in its that-clause, the subject of a small clause
        object ("found [the minister guilty]"), who takes part in a nominal event."""
        if match.pattern.complement_modal:
            match.targets = obliged_parties(match, self.cues)
        elif match.type == "REQUEST" and not match.targets:
            match.targets = asked_parties(match, self.cues)
        if not match.targets and match.obj is not None and match.obj.dep_ == "ccomp":
            match.targets = [s for c in match.obj.children if c.dep_ == "nsubj"
                             for s in conjuncts(c)]
        if not match.sources:
            match.sources = self._participants(match)

    def subjects(self, token: Token) -> list[Token]:
        """The verb's subject: its own, the one it shares with the verb it is coordinated
        with, or the noun a misparsed verb follows ("peacekeepers patrol")."""
        own = [t for c in token.children if c.dep_ in (*SUBJECT_DEPS, "nsubjpass")
               for t in conjuncts(c)]
        if own:
            return own
        if token.pos_ in ("NOUN", "PROPN"):
            return [c for c in token.children if c.dep_ in ("compound", "nmod")
                    and c.i < token.i]
        return self.inherited_subject(token, False)

    def _participants(self, match: TriggerMatch) -> list[Token]:
        """Who takes part in a nominal event: the subject of "participated in a hunger
        strike", "took part in the protests", "joined the protest" (the verb is no trigger)."""
        noun = match.head
        if match.pattern.pos != "noun":
            return []
        verb = noun.head
        if noun.dep_ == "pobj" and lemma(verb) == "in":
            verb = verb.head
            if lemma(verb) == "part" and verb.dep_ == "dobj":
                verb = verb.head  # "took part in"
        elif noun.dep_ != "dobj":
            return []
        if verb.pos_ not in ("VERB", "AUX") or lemma(verb) not in self.cues[
                "participation_verbs"]:
            return []
        if lemma(verb) == "take" and not any(lemma(c) == "part" for c in verb.children):
            return []
        if verb.dep_ in ("xcomp", "ccomp", "advcl") and lemma(verb.head) in self.cues[
                "hypothetical_verbs"]:
            return []  # "called for Egyptians to join the march": the call is the event
        return [t for s in self.subjects(verb) if lemma(s) not in RELATIVE_PRONOUNS
                for t in conjuncts(s)]

    def _answered_event(self, match: TriggerMatch, token: Token) -> bool:
        """Another event told as the object of a statement or answer, named by its doer:
        "condemned an anarchic protest by white farmers", "welcomed the OPCW visit" (the
        answer is aimed at the one who did it, whom the phrase names)."""
        if (ontology.quad_class(match.type) not in ontology.VERBAL_QUADS
                or token.dep_ != "dobj" or token.head.i != match.head.i):
            return False
        doers = [c for c in token.children if c.dep_ == "poss" or (
            c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in _ACTOR_ENTS)]
        doers += [p for c in token.children if c.dep_ == "prep" and lemma(c) == "by"
                  for p in pobjs(c)]
        return any(self._actor_like(d) for d in doers)

    def _robbed(self, match: TriggerMatch) -> list[Token]:
        """Whom a thing is taken from: "seized weapons from the Iraqi army", "stole cattle
        from local farmers", "military bases it has seized from the government". The verbs
        are ``taking_verbs`` in ``data/cues.yaml``."""
        if match.pattern.pos != "verb" or lemma(match.head) not in self.cues.get(
                "taking_verbs", ()):
            return []
        return [p for c in match.head.children if c.dep_ == "prep" and lemma(c) == "from"
                for p in pobjs(c) if self._names_actor(p) and not self._place(p)]

    def _owned_weapon(self, token: Token, instruments: Container[str]) -> bool:
        """A weapon named by its owner ("Iraqi warplanes pounded", "Syrian government
        missiles struck", "a Venezuelan police helicopter attacked"): the owner did it, and
        the actor resolver codes the phrase by that owner. A bare "a car bomb" names no one."""
        if lemma(token) not in instruments or token.pos_ not in ("NOUN", "PROPN"):
            return False
        mods = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        mods += [g for c in mods if c.dep_ == "compound" for g in c.children
                 if g.dep_ in ("amod", "compound")]
        return any(m.ent_type_ in _ACTOR_ENTS or (m.pos_ == "NOUN" and self._actor_like(m))
                   for m in mods)

    @staticmethod
    def _carrier_targets(match: TriggerMatch, matches: list[TriggerMatch]) -> list[Token]:
        """The object of the act a participle's noun goes on to do: "the missiles fired by
        the army struck an arms depot" (the firing hit the depot). Only when that verb is a
        trigger of the same type, so the two words tell one act."""
        token = match.head
        if match.pattern.pos != "verb" or token.dep_ != "acl" or token.tag_ != "VBN":
            return []
        noun = token.head
        verb = noun.head
        if noun.dep_ not in SUBJECT_DEPS or not any(
                m.head.i == verb.i and m.type == match.type for m in matches):
            return []
        return [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]

    def _participle_targets(self, match: TriggerMatch, matches: list[TriggerMatch]) -> list[Token]:
        """The object of a participle clause that goes on to tell the same act: "carried out
        a raid, targeting IS commanders", "launched air strikes, killing dozens of fighters",
        "started a hunger strike, protesting the new law". Only a clause without a subject
        of its own whose verb tells the cost of an attack or is a trigger of the same type."""
        verb = match.head if match.pattern.pos == "verb" else light_verb(match.head)
        if verb is None:
            return []
        same = {m.head.i for m in matches if m.type == match.type and m is not match}
        for clause in verb.children:
            if clause.dep_ not in ("advcl", "xcomp") or clause.tag_ != "VBG" or any(
                    c.dep_ in (*SUBJECT_DEPS, "nsubjpass", "mark") for c in clause.children):
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
                    found = [t for c in token.head.children if c.dep_ in SUBJECT_DEPS
                             for t in conjuncts(c)]
            out.extend(t for t in (found or [token]) if t not in out)
        return out

    @staticmethod
    def _resolve_relative(match: TriggerMatch, tokens: list[Token]) -> list[Token]:
        """"the protesters, who were demanding jobs": "who" is the modified noun."""
        out: list[Token] = []
        for token in tokens:
            if lemma(token) in RELATIVE_PRONOUNS:
                if match.head.dep_ == "relcl":
                    out.extend(t for t in conjuncts(match.head.head) if t not in out)
            elif token not in out:
                out.append(token)
        return out

    def _verb_arguments(self, match: TriggerMatch, taken: Container[int] = ()) -> None:
        """Source and target of a verbal trigger; ``taken``: words of other triggers, which
        a purpose clause cannot offer as the target ("offered to *send troops* to X").

        The verb's own dependents come first; the fallbacks after them each fill in what a
        common misparse or an indirect phrasing leaves out, in a fixed order."""
        clause = _Verbal(match, is_passive(match.head), taken)
        area = self._in_aims(match)
        sources, targets, given, partners = self._direct_arguments(match, clause.passive, area)
        targets = self._receivers(targets, given)
        targets.extend(self._own_prep_aims(match, area))
        targets = self._conjoined_verb_objects(clause, targets)
        sources, targets = self._let_free(match.head, sources, targets)
        sources = self._source_fallbacks(clause, sources, targets)
        # "would step up its efforts and hold talks with X": the partner joins the subject
        # the verb shares with the one it is coordinated with, without standing in for it
        sources += [t for t in partners if t not in sources]
        match.sources, match.targets = sources, self._target_fallbacks(clause, targets)

    # --- the verb's own dependents ---------------------------------------------------------

    def _direct_arguments(self, match: TriggerMatch, passive: bool, area: bool) -> tuple[
            list[Token], list[Token], list[Token], list[Token]]:
        """Sources, targets, things' receivers ("sent aid *to Haiti*") and the other side of
        a two-sided event ("held talks *with X*", added to the sources last), read from the
        verb's dependents and then from the prepositions on the verb and its object."""
        sources, targets, given = self._dependent_arguments(match, passive)
        more_sources, more_targets, more_given, partners = self._prep_arguments(match, area)
        return ([*sources, *more_sources], [*targets, *more_targets], [*given, *more_given],
                partners)

    def _dependent_arguments(self, match: TriggerMatch, passive: bool) -> tuple[
            list[Token], list[Token], list[Token]]:
        """Subjects, objects, agents and datives of the verb: the active and passive frames,
        read by the pattern's ``subject`` and ``dobj`` roles."""
        token, pattern = match.head, match.pattern
        sources: list[Token] = []
        targets: list[Token] = []
        given: list[Token] = []
        for child in token.children:
            dep = child.dep_
            if self._skipped_dependent(match, child):
                continue
            if dep in SUBJECT_DEPS and passive:
                targets.extend(conjuncts(child))  # elliptic passive: "50 [were] wounded"
            elif dep in SUBJECT_DEPS:
                (targets if pattern.subject == "target" else sources).extend(conjuncts(child))
            elif dep == "nsubjpass":
                targets.extend(conjuncts(child))
            elif dep == "agent":
                sources.extend(pobjs(child))
            elif dep == "dative" and child.pos_ == "ADP":
                given.extend(pobjs(child))
            elif dep in ("dobj", "dative") and pattern.dobj in ("target", "source"):
                (targets if pattern.dobj == "target" else sources).extend(conjuncts(child))
            elif dep in ("conj", "dep") and pattern.dobj == "target" and self._stray_object(
                    child):
                targets.extend(conjuncts(child))  # "outlawed the X (ANC) and the Y (PAC)"
        return sources, targets, given

    @staticmethod
    def _skipped_dependent(match: TriggerMatch, child: Token) -> bool:
        """A dependent that is no argument: the trigger's own words and object; an object in
        apposition ("outlawed the X Association, the country's leading group"); a second
        object after the trigger's own ("imposed sanctions on X due to Y, as well as abuses
        by Z"), a misparse of the clause that gives the reason."""
        obj = match.obj
        if child in match.tokens or (obj is not None and obj in conjuncts(child)):
            return True
        return child.dep_ == "dobj" and (is_apposition(child) or (
            obj is not None and obj.dep_ == "dobj"
            and obj.head.i == match.head.i and child.i > obj.i))

    def _in_aims(self, match: TriggerMatch) -> bool:
        """Is a place "in" which the event happens its target? A place "in" which force is
        used is where it happened; a restriction laid on a place, or help or protection
        given or sought there, is aimed at it when the pattern names "in" ("deployed
        peacekeepers in Darfur", "sought refuge in Sudan")."""
        return self._area_measure(match) or (
            "in" in match.pattern.target_preps and ontology.quad_class(match.type) != 4)

    def _prep_holders(self, match: TriggerMatch) -> list[Token]:
        """The words whose prepositions can carry the arguments: the verb, its object and
        that object's apposition ("launched an operation, Operation X, against Y"), and what
        a verb without a target object moves ("withdrew 200 peacekeepers from Liberia")."""
        token, pattern = match.head, match.pattern
        holders = [token]
        if match.obj is not None:
            holders += [match.obj, *(c for c in match.obj.children if c.dep_ == "appos")]
        if pattern.dobj == "none" and pattern.target_preps:
            holders += self._moved_objects(token)
        return holders

    def _prep_arguments(self, match: TriggerMatch, area: bool) -> tuple[
            list[Token], list[Token], list[Token], list[Token]]:
        """Sources, targets, receivers and partners named by prepositions on the holders,
        by the pattern's ``target_preps`` and ``source_preps``."""
        pattern = match.pattern
        sources: list[Token] = []
        targets: list[Token] = []
        given: list[Token] = []
        partners: list[Token] = []
        for holder in self._prep_holders(match):
            for child in holder.children:
                if child.dep_ != "prep" or child in match.tokens:
                    continue
                if lemma(child) == "to" and "to" in pattern.target_preps:
                    given.extend(pobjs(child))
                elif pattern.two_sided and lemma(child) == "with":
                    partners.extend(pobjs(child))  # "held talks with X": X is a party too
                elif lemma(child) in pattern.target_preps or (area and lemma(child) == "in"):
                    aimed = self._aimed(child, area)
                    if ontology.quad_class(match.type) != 4:  # "a ban on imports of X beef"
                        aimed = [o for t in aimed for o in (
                            (not self._names_actor(t) and self._owned_goods(t)) or [t])]
                    targets.extend(aimed)
                elif lemma(child) in pattern.source_preps:
                    sources.extend(pobjs(child))
        return sources, targets, given, partners

    def _receivers(self, targets: list[Token], given: list[Token]) -> list[Token]:
        """The receiver of a thing is the target ("surrendered the town to the army"); a
        person handed over stays it ("released two hostages to the Red Cross"); a purpose
        beside an actor receiver is not one ("to the ministry, for use in X")."""
        if not given or any(self._names_actor(t) for t in targets):
            return targets
        named = any(self._names_actor(t) for t in given)
        return [*(t for t in targets if t.dep_ != "dobj" and not named), *given]

    def _own_prep_aims(self, match: TriggerMatch, area: bool) -> list[Token]:
        """What the trigger's own target preposition names ("fired at X" as one pattern)."""
        pattern = match.pattern
        if not (pattern.prep and pattern.prep[0] in pattern.target_preps):
            return []
        return [t for prep in match.tokens[1:]
                if prep.dep_ in ("prep", "dative") and lemma(prep) in pattern.target_preps
                for t in self._aimed(prep, area)]

    @staticmethod
    def _conjoined_verb_objects(clause: _Verbal, targets: list[Token]) -> list[Token]:
        """The object of a verb coordinated with the trigger ("arrested and detained the
        organizers"); of the last one with an object ("bombed, strafed and rocketed the
        road")."""
        token, pattern = clause.match.head, clause.match.pattern
        if targets or clause.passive or pattern.dobj != "target" or pattern.obj:
            return targets
        for conj in conjuncts(token)[1:]:
            if conj.pos_ == "VERB" and not any(c.dep_ in SUBJECT_DEPS for c in conj.children):
                targets = [t for c in conj.children if c.dep_ == "dobj" for t in conjuncts(c)]
                if targets:
                    break
        return targets

    def _let_free(self, token: Token, sources: list[Token], targets: list[Token]) -> tuple[
            list[Token], list[Token]]:
        """"Egypt let free the activist": the parser's subject of "free" is the one freed,
        and the subject of "let" is who freed them."""
        let = self._letter(token)
        if let is None:
            return sources, targets
        targets = targets or [t for c in token.children if c.dep_ in SUBJECT_DEPS
                              and c.i > token.i for t in conjuncts(c)]
        sources = [t for t in sources if t.i < token.i] or [
            t for c in let.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
        return sources, targets

    # --- source fallbacks: each is tried in turn while no source is found -------------------

    def _source_fallbacks(self, clause: _Verbal, sources: list[Token],
                          targets: list[Token]) -> list[Token]:
        """The first source the fallbacks find, in this order, when the verb has none."""
        finders = (self._misread_verb_subject, self._hidden_subject, self._shared_subject,
                   self._expelling_source, self._measure_source)
        for finder in finders:
            if sources:
                break
            sources = finder(clause, targets)
        return sources

    @staticmethod
    def _misread_verb_subject(clause: _Verbal, targets: list[Token]) -> list[Token]:
        """A verb the parser read as a noun or adjective: "a looter shot and killed",
        "troops are patrolling markets" (the subject hangs on "are")."""
        token = clause.match.head
        if not (token.pos_ in ("NOUN", "PROPN", "ADJ") or token.dep_ == "amod"):
            return []
        prev = token.doc[token.i - 1] if token.i else token
        return [c for c in token.children if c.dep_ in ("compound", "nmod")
                and c.i < token.i] or [t for c in prev.children if c.dep_ in SUBJECT_DEPS
                                       for t in conjuncts(c)]

    def _hidden_subject(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """A subject hung on the auxiliary ("the UK and France however have opposed") or an
        acronym tagged as an adverb ("USAID provided")."""
        if clause.passive or clause.match.pattern.subject == "target":
            return []
        token = clause.match.head
        return self._aux_subject(token) or _acronym_subject(token)

    def _shared_subject(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """The subject shared with a governing or coordinated verb ("opened fire, killing
        three")."""
        return self.inherited_subject(clause.match.head, clause.passive)

    def _expelling_source(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """People sent away "from Russia" in a passive without an agent: the state did it."""
        if not (clause.passive and clause.match.type == "COERCE"
                and any(self._actor_like(t) for t in targets)):
            return []
        return _expelling_state(clause.match.head)

    def _measure_source(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """"UN sanctions against Iran were lifted": the owner of the measure."""
        if not (clause.passive and clause.match.type in ("CONCEDE", "SANCTION")):
            return []
        return self._measure_owners(clause.match.head)

    # --- target fallbacks: each step sees the targets the steps before it left ---------------

    def _target_fallbacks(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """Fill in or replace the targets, step by step in this order: a missing target from
        a misparse, then a thing named where the actor it concerns should be."""
        steps = (
            self._clause_read_object,  # "striking several rebel hideouts"
            self._misparsed_compound_object,  # "bombed police headquarters"
            self._inverted_subject,  # "Also bombed was the village of X"
            self._modified_noun,  # "the village, bombed last night"
            self._listed_means_or_addressee,  # "an attack that included tanks on the HQ"
            self._thing_recipient,  # "donated $1 million to the WFP"
            self._threatened_object,  # "threatened to shell the city"
            self._request_maker,  # "accepted the demands by protesters"
            self._answered_maker,  # "condemned the threats made by X"
            self._pressed,  # "declined to resign despite pressure by Congress"
            self._purpose_object,  # "refused to lift sanctions on Iran"
            self._office,  # "resigned as president of Indonesia"
            self._settled_with_party,  # "ended the strike after a deal with X"
            self._protested_party,  # "marched in protest against X's laws"
            self._beneficiary,  # "support services for children"
            self._means_aim,  # "mobilized troops for an assault on Gaza"
        )
        for step in steps:
            targets = step(clause, targets)
        return targets

    def _names_no_actor(self, targets: list[Token]) -> bool:
        """None of the targets names an actor (or none was found)."""
        return not any(self._names_actor(t) for t in targets)

    def _clause_read_object(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """An attack's object the parser read as a clause ("striking several hideouts")."""
        if targets or clause.passive or ontology.quad_class(clause.match.type) != 4:
            return targets
        return self._clausal_object(clause.match.head)

    @staticmethod
    def _misparsed_compound_object(clause: _Verbal, targets: list[Token]) -> list[Token]:
        """A verb misparsed as the modifier of its object: "bombed police headquarters"."""
        token = clause.match.head
        if targets or token.dep_ != "amod":
            return targets
        noun = token.head
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head
        return conjuncts(noun)

    @staticmethod
    def _inverted_subject(clause: _Verbal, targets: list[Token]) -> list[Token]:
        """The inverted subject of a passive: "Also bombed was the village of X"."""
        if targets or not clause.passive:
            return targets
        return [t for c in clause.match.head.children if c.dep_ == "auxpass"
                and c.i > clause.match.head.i for a in c.children if a.dep_ in ("attr", "nsubj")
                for t in conjuncts(a)]

    @staticmethod
    def _modified_noun(clause: _Verbal, targets: list[Token]) -> list[Token]:
        """The noun a passive participle or relative clause modifies: "the village bombed
        by the army"."""
        token = clause.match.head
        if targets or token.dep_ not in ("relcl", "acl") or not clause.passive:
            return targets
        return [token.head]

    def _listed_means_or_addressee(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """The aim hung on an attack's listed means, or the addressee of a letter that a
        participle tells ("sent a letter to the WHO threatening to cut funding")."""
        if targets or clause.passive:
            return targets
        return self._clause_aim(clause.match) or self._addressees(clause.match.head)

    def _thing_recipient(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """"donated $1 million to the WFP": the recipient is the target, not the thing; but
        "rejected an appeal lodged by X against Y": the maker of what is answered."""
        if clause.passive or not self._names_no_actor(targets):
            return targets
        match = clause.match
        return (self._request_makers(match, targets)
                or self._recipients(match, actor_only=bool(targets)) or targets)

    @staticmethod
    def _threatened_object(clause: _Verbal, targets: list[Token]) -> list[Token]:
        """"threatened to shell the city": the threatened act's object is the target."""
        match = clause.match
        if targets or not match.pattern.xcomp or match.type != "THREATEN":
            return targets
        return [t for c in match.head.children if c.dep_ in ("xcomp", "ccomp")
                for o in c.children if o.dep_ == "dobj" for t in conjuncts(o)]

    def _request_maker(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """Who made the request an event answers, once the targets are settled."""
        if clause.passive or not self._names_no_actor(targets):
            return targets
        return self._request_makers(clause.match, targets) or targets

    def _answered_maker(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """The maker of a thing a statement or protest answers ("condemned the threats
        made by X")."""
        if (clause.passive or not self._names_no_actor(targets)
                or not self._answers_maker(clause.match)):
            return targets
        return [m for t in targets for m in self._makers(t)] or targets

    def _pressed(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """Whose pressure a refusal resists: "declined to resign despite pressure by
        Congress" (``_pressers``)."""
        if targets or clause.passive:
            return targets
        return self._pressers(clause.match)

    def _purpose_object(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """The object of the event's purpose or content ("sent troops to help X"); for a
        passive, when only armed men were found ("peacekeepers are being deployed to relieve
        the army")."""
        if not clause.passive and self._names_no_actor(targets):
            return self._content_targets(clause.match, clause.taken) or targets
        if clause.passive and all(is_armed_word(lemma(t)) for t in targets):
            return self._content_targets(clause.match, clause.taken) or targets
        return targets

    def _office(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """The body whose office one leaves (``_office_of``), for a retreat."""
        if targets or clause.passive or clause.match.type != "RETREAT":
            return targets
        return self._office_of(clause.match.head)

    def _settled_with_party(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """The party one concedes or settles with (``_settled_with``)."""
        if targets or clause.passive or clause.match.type != "CONCEDE":
            return targets
        return self._settled_with(clause.match.head)

    def _protested_party(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """Whom a protest is against (``_protested``), when no target names an actor."""
        if clause.match.type != "PROTEST" or not self._names_no_actor(targets):
            return targets
        return self._protested(clause.match) or targets

    def _beneficiary(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """Who a cooperative act is for: "support services for children"."""
        if (clause.passive or not targets or not self._names_no_actor(targets)
                or ontology.quad_class(clause.match.type) not in ontology.COOPERATIVE_QUADS):
            return targets
        return self._beneficiaries(clause.match.head) or targets

    def _means_aim(self, clause: _Verbal, targets: list[Token]) -> list[Token]:
        """"mobilized troops for an assault on Gaza": the troops are the means, the
        assault's target is the event's."""
        if clause.passive or not targets or not all(is_armed_word(lemma(t)) for t in targets):
            return targets
        return [p for c in clause.match.head.children if c.dep_ == "prep" and lemma(c) == "for"
                for o in pobjs(c) for p in self._event_targets(o)
                or self._moved_against(o)] or targets

    @staticmethod
    def _stray_object(conj: Token) -> bool:
        """A name the parser joined to the verb instead of to its object, after a bracket
        ("outlawed the African National Congress (ANC) and the Pan Africanist Congress"):
        a noun without a subject of its own, after the verb's object."""
        verb = conj.head
        before = conj.doc[conj.left_edge.i - 1]  # "and the Y" (the parser's "dep" too)
        return (conj.pos_ == "PROPN" and conj.ent_type_ in _ACTOR_ENTS
                and before.dep_ == "cc" and before.head.i == verb.i
                and verb.pos_ in ("VERB", "AUX")
                and any(c.dep_ == "dobj" and c.i < conj.i for c in verb.children)
                and not any(c.dep_ in (*SUBJECT_DEPS, "nsubjpass", "dobj")
                            for c in conj.children))

    @staticmethod
    def _letter(verb: Token) -> Token | None:
        """The verb "let" / "set" of "let free X", "set free X", which the parser reads
        as the governor of a clause whose subject is the one freed; else None."""
        head = verb.head
        if (verb.dep_ in ("ccomp", "xcomp", "oprd") and head.i == verb.i - 1
                and lemma(head) in _LETTING_VERBS):
            return head
        return None

    @staticmethod
    def _clause_aim(match: TriggerMatch) -> list[Token]:
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
        if word in self.cues.get("request_nouns", ()):
            return False  # "an appeal", a thing asked, though "Appeal" heads court names
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

    def _request_makers(self, match: TriggerMatch, things: list[Token]) -> list[Token]:
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
            # "offers for peace talks *by the Kabul government*": the maker's phrase hung on
            # what is offered; "an extradition request *for X*": the person it is about
            makers = makers or [p for c in thing.children if c.dep_ == "prep"
                                and lemma(c) in ("for", "of") for o in pobjs(c)
                                for g in o.children if g.dep_ == "prep" and lemma(g) == "by"
                                for p in pobjs(g) if self._names_actor(p)]
            makers = makers or [p for c in thing.children if c.dep_ == "prep"
                                and lemma(c) == "for" for p in pobjs(c) if self._actor_like(p)]
            if makers:
                return makers
        return []

    def _makers(self, thing: Token) -> list[Token]:
        """Who made a thing, named by its participle's agent: "the policy imposed by the
        administration", "threats made by the US", "a proposal submitted by X and Y"."""
        return [p for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN"
                for a in c.children if a.dep_ == "agent" for p in pobjs(a)
                if p.pos_ != "NUM" and self._names_actor(p)]

    def _answers_maker(self, match: TriggerMatch) -> bool:
        """A statement, answer or protest about something made by someone ("condemned the
        threats made by X", "protest the policy imposed by Y") is aimed at its maker."""
        return ontology.quad_class(match.type) in ontology.VERBAL_QUADS or match.type == "PROTEST"

    def _office_of(self, verb: Token) -> list[Token]:
        """Whose post is given up: "resigned as president of Indonesia", "stepped down as
        head of the party" (the state or body the office belongs to)."""
        return [p for c in verb.children if c.dep_ == "prep" and lemma(c) == "as"
                for o in pobjs(c) if self._actor_like(o)
                for g in o.children if g.dep_ == "prep" and lemma(g) == "of"
                for p in pobjs(g) if self._names_actor(p)]

    def _settled_with(self, verb: Token) -> list[Token]:
        """The other side of the deal a concession follows: "called off the strike after
        reaching agreement with the government", "ended the sit-in following talks with the
        mayor" (yielded to the party the deal was made with)."""
        return [p for c in verb.children if c.dep_ == "prep" and c.i > verb.i
                and c.lower_ in ("after", "following") for w in c.subtree
                if w.dep_ == "prep" and lemma(w) == "with" and w.head.pos_ == "NOUN"
                and not _nested_clause(w, c) for p in pobjs(w) if self._names_actor(p)]

    def _protested(self, match: TriggerMatch) -> list[Token]:
        """What a strike or march is held in protest against: "began a hunger strike in
        protest against new laws imposed by the government" (the laws' maker), "marched in
        protest at the army's decision" (the decision, coded by its owner)."""
        words = {match.head, *match.tokens, *([match.obj] if match.obj is not None else [])}
        found = [p for w in sorted(words, key=lambda t: t.i) for c in w.children
                 if c.dep_ == "prep" and lemma(c) == "in"
                 for n in pobjs(c) if lemma(n) == "protest" and n.i + 1 < len(n.doc)
                 for g in (n.doc[n.i + 1],)  # "in protest at X", wherever "at" is hung
                 if g.dep_ == "prep" and lemma(g) in _PROTEST_PREPS for p in pobjs(g)]
        return [t for t in found if self._names_actor(t)] or [
            m for t in found for m in self._makers(t)]

    def _pressers(self, match: TriggerMatch) -> list[Token]:
        """Whose pressure or request a refusal resists: "declined to resign despite the
        pressure by Congress / under pressure from his party / despite X's request"."""
        if match.type != "REJECT":
            return []
        words = self.cues.get("request_nouns", frozenset())
        verbs = [match.head, *(c for c in match.head.children if c.dep_ == "xcomp")]
        for verb in (*verbs, *governors(match.head)):
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

    def _partners(self, verb: Token) -> list[Token]:
        """The other side of what a refusal or a pledge is about: "refused to comply with
        the Commission's rules", "agreed to negotiate with the rebels" (the "with" of the
        purpose verb itself, when it names an actor)."""
        return [p for c in verb.children if c.dep_ == "prep" and lemma(c) == "with"
                and c.i > verb.i for p in pobjs(c) if self._names_actor(p)]

    def _content_targets(self, match: TriggerMatch, taken: Container[int] = ()) -> list[Token]:
        """Who the event is aimed at when only its purpose or content names them:
        "refused to lift sanctions on Iran", "offered to send troops to Uganda", "sent aid
        to help Haiti"; and the person an act of speech was arranged with: "called the
        minister to discuss the crisis" (the discussion is with the minister)."""
        token = match.head
        clauses = [c for c in token.children if is_purpose(c) and c.dep_ in ("xcomp", "advcl")]
        objects = [match.obj] if match.obj is not None else [
            c for c in token.children if c.dep_ == "dobj"]
        clauses += [c for o in objects for c in _noun_purposes(o)
                    if not any(g.dep_ == "poss" for g in o.children)]  # "Trump's decision to"
        helping = ontology.quad_class(match.type) in ontology.COOPERATIVE_QUADS
        for verb in clauses:
            found = self._purpose_objects(verb, taken)
            found = found or (self._beneficiaries(verb) if helping else [])
            if not found and self._answers_maker(match):  # "to protest the law passed by X"
                found = [m for c in verb.children if c.dep_ == "dobj" for m in self._makers(c)]
                # a strike "to protest the president's decision": the decision, coded by
                # its owner (not "agreed to set up the X Centre": a thing made)
                found = found or [t for c in verb.children if c.dep_ == "dobj"
                                  and match.type == "PROTEST" for t in conjuncts(c)
                                  if self._names_actor(t) and t.i not in taken]
            if not found and ontology.quad_class(match.type) in ontology.VERBAL_QUADS:
                found = self._parties(verb) or self._partners(verb)
            if found:
                return found
            if len(clauses) < 4:  # "offered to send troops *to help* the army": its aim
                clauses += [c for c in verb.children if is_purpose(c) and c.dep_ == "advcl"]
        if is_purpose(token) and ((token.dep_ == "advcl" and ontology.quad_class(match.type)
                                 in ontology.VERBAL_QUADS) or self._phone_call(token)):
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

    def _recipients(self, match: TriggerMatch, actor_only: bool = False) -> list[Token]:
        """Who an event is aimed at when its pattern names no target (or only a thing): a
        person object that is part of the trigger ("summoned the ambassador", force "used
        civilians as human shields"), the object
        of "to"/"against" on the verb, of "on" on its object ("lifted sanctions (imposed) on
        X", "suspended deliveries to X") or on the object of its preposition ("called for
        sanctions against X"), or a state "of" its object ("lifted its blockade of Qatar").
        ``actor_only``: only objects that name actors."""
        obj = match.obj
        if obj is not None and (lemma(obj) in self.cues["recipient_objects"]
                                or self._victim_object(match, obj)):
            return conjuncts(obj)
        # the trigger's own object ("lifted its blockade of Qatar") and the object of its
        # preposition ("called for the release of X") take "of" too; a free object keeps
        # its of-phrase as part of its own span ("the home of a Palestinian man")
        owned = conjuncts(obj) if obj is not None else []  # "aid and arms deals with X"
        owned += [o for t in match.tokens[1:] if t.dep_ == "prep" for o in pobjs(t)]
        free = [] if obj is not None else [c for c in match.head.children if c.dep_ == "dobj"]
        return self._recipients_of(match.head, actor_only, owned, free, skip=match.tokens)

    def _victim_object(self, match: TriggerMatch, obj: Token) -> bool:
        """A person or group the trigger's own words name as the one force is used on ("used
        civilians as human shields", "banned all Pakistani newspapers"); not one's own
        troops ("strengthened its forces") nor a place. Types: ``victim_object_types``."""
        return (match.type.lower() in self.cues.get("victim_object_types", ())
                and self._actor_like(obj) and not self._place(obj)
                and not is_armed_word(lemma(obj)))

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
            # "sent a team of paratroopers *to Lebanon*": the parser hangs the receiver on
            # the "of" noun, before which it is sought
            holders += [(o, ("to",)) for c in obj.children if c.dep_ == "prep"
                        and lemma(c) == "of" for o in pobjs(c)]
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
                found = [p for p in _shared_pobjs(prep)
                         if p.pos_ in ("PROPN", "NOUN", "PRON", "NUM")]
                found = [o for p in found for o in (
                    (not self._names_actor(p) and self._owned_goods(p)) or [p])]
                found = [p for p in found if p.pos_ != "NUM"]
                if actors or lemma(prep) in _OWN_OBJECT_PREPS:
                    # "its bombardment of a Palestinian neighborhood and nearby rebel-held
                    # areas": the conjuncts of one that names an actor share its role
                    found = found if any(self._names_actor(p) for p in found) else []
            if found:
                return found
        # "in X" stays the event's location, never its target: "marched in Baghdad"
        return []

    def _owned_goods(self, thing: Token) -> list[Token]:
        """The "of" noun, named by its owner, of a trade or movement a measure is laid on:
        "a ban on imports *of British beef*", "sanctions on sales of Iranian oil" (the
        measure is aimed at the owner)."""
        return [o for c in thing.children if c.dep_ == "prep" and lemma(c) == "of"
                for o in pobjs(c) if not self._actor_like(o) and self._names_actor(o)]

    @staticmethod
    def _trailing_to(clause: Token) -> list[Token]:
        """A "to" phrase that closes a participle or relative clause after the clause's own
        phrases ("stolen in 1989 from a gallery *to the owner*", "that date back to 600 AD
        *to Peru*"): a clause verb seldom takes a "to" last, the governing verb does,
        wherever in the clause the parser hung it."""
        if clause.tag_ not in ("VBN", "VBG", "VBP", "VBZ", "VBD"):
            return []
        preps = [t for t in clause.subtree if t.dep_ == "prep" and t.i > clause.i
                 and not _nested_clause(t, clause)]
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

    def inherited_subject(self, token: Token, passive: bool) -> list[Token]:
        """Subject of a verb that has none of its own: shared with a coordinated verb,
        controlled by the main clause ("opened fire, killing three"), or the noun a relative
        clause or participle modifies."""
        if passive:
            return []
        head = token.head
        if (token.dep_ == "acl" and lemma(token) in self.cues.get("blast_verbs", ())
                and head.dep_ not in ("ROOT", "appos") and misparsed_main_verb(token)):
            return []  # "car bombs targeting patrols detonated": not the patrols' act
        if token.dep_ == "acl" and lemma(head) in self.cues.get("intention_nouns", ()):
            return self._intenders(head)  # "reiterated its commitment to support X"
        if (token.dep_ in ("acl", "relcl") and is_purpose(token) and head.dep_ == "dobj"
                and not self._actor_like(head) and head.head.pos_ in ("VERB", "AUX")):
            # "launched an appeal to provide help": who launched it provides it
            verb = head.head
            own = [t for c in verb.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
            return own or self.inherited_subject(verb, is_passive(verb))
        if token.dep_ in ("relcl", "acl"):
            return conjuncts(head)
        if token.dep_ == "pcomp" and head.dep_ == "prep":
            return self._gerund_subject(head)
        if token.dep_ == "acomp" and head.pos_ in ("VERB", "AUX"):
            # "X is ready to send troops", "X stands ready to help": the subject of "is"
            own = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
            if own:
                return [t for c in own for t in conjuncts(c)]
            return self.inherited_subject(head, is_passive(head))
        if token.dep_ in ("conj", "xcomp", "advcl") and head is not token:
            if token.dep_ == "advcl" and token.tag_ != "VBG":
                if not is_purpose(token):
                    return []
                # "called Lavrov to discuss": the caller discusses; but "called on the US
                # to lift": the one called on is to act
                ctrl = _called_on(head)
                if ctrl:
                    return ctrl
            if token.dep_ == "xcomp" and self._phone_call(token):
                own = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
                if own:  # "phoned X to apologize": the caller apologizes (parsed as xcomp)
                    return [t for c in own for t in conjuncts(c)]
            if token.dep_ == "xcomp":  # object control: "urged Iran to release the crew"
                ctrl = [t for c in head.children if c.dep_ == "dobj" for t in conjuncts(c)]
                ctrl = ctrl or _called_on(head)
                if ctrl:
                    return ctrl
            own = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
            if own and not is_passive(head):
                return [t for c in own for t in conjuncts(c)]
            ready = [t for c in head.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
            if ready and token.dep_ == "xcomp" and self.ready(head):
                return ready  # "Turkey is poised / set to send troops": the one made ready
            if not own:
                return self.inherited_subject(head, is_passive(head))
        return []

    def ready(self, word: Token) -> bool:
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
        if gov.pos_ == "ADJ" and lemma(gov) in self.cues.get("culpability_adjectives", ()):
            return self._culprits(gov)  # "were guilty of violating the ceasefire"
        if gov.pos_ in ("NOUN", "PROPN") and lemma(prep) == "of":
            return self._intenders(gov)  # "considering the possibility of providing"
        if gov.pos_ not in ("VERB", "AUX"):
            return []
        if lemma(prep) in ("of", "for", "from"):
            objs = [t for c in gov.children if c.dep_ == "dobj" for t in conjuncts(c)]
            if objs:
                return objs
        own = [t for c in gov.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
        if own and not is_passive(gov):
            return own
        return [] if own else self.inherited_subject(gov, is_passive(gov))

    def _aimed(self, prep: Token, area: bool = False) -> list[Token]:
        """Objects of a target preposition, without the places of "in": "attacked positions
        in Idlib" is aimed at the positions, and happened in Idlib. ``area``: the event is a
        restriction laid on a place ("a curfew in Basra"), whose people it is aimed at."""
        found = pobjs(prep) or self._dealt_with(prep)
        holder = prep.head  # "sanctions on X (CAR) and Y": Y hung on "sanctions"
        if holder.pos_ == "NOUN" and found and not self._actor_like(holder):
            found += [t for c in holder.children if c.dep_ == "conj" and c.i > prep.i
                      and c.pos_ == "PROPN" and c.ent_type_ in _ACTOR_ENTS
                      for t in conjuncts(c) if t not in found]
        if lemma(prep) == "in" and not area:  # nor "in retaliation for X", "in a bid to"
            found = [p for p in found if not self._place(p) and self._names_actor(p)]
        return found

    def _dealt_with(self, prep: Token) -> list[Token]:
        """The one a measure's gerund deals with: "the ban on doing business *with ZTE*",
        "sanctions on selling arms *to Iran*" (the measure is aimed at them, not at the
        dealing); its object when that names an actor ("a ban on hiring foreigners")."""
        out: list[Token] = []
        for verb in prep.children:
            if verb.dep_ != "pcomp" or verb.tag_ != "VBG":
                continue
            out += [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)
                    if self._acted_on(t)]
            out += [p for c in verb.children if c.dep_ == "prep"
                    and lemma(c) in ("with", "to", "from") for p in pobjs(c)
                    if self._names_actor(p)]
        return out

    def _area_measure(self, match: TriggerMatch) -> bool:
        """A restriction laid on an area ("declared a state of siege", "imposed a curfew",
        "lifted martial law"): the trigger's object, its "of" noun or their modifiers."""
        obj = match.obj
        if obj is None:
            return False
        words = [obj, *(o for c in obj.children if c.dep_ == "prep" and lemma(c) == "of"
                        for o in pobjs(c))]
        words += [c for w in list(words) for c in w.children if c.dep_ in ("amod", "compound")]
        return any(lemma(w) in self.cues["area_measures"] for w in words)

    def _area_aims(self, match: TriggerMatch) -> list[Token]:
        """The place "in" which help is given or a truce laid, for an event aimed at nobody
        else: "provided $3 million for assistance in northern Iraq", "a suspension of aid in
        Yemen", "declared a ceasefire in Tripoli", "contribute to the peacekeeping operation
        in Georgia" (given to / laid on the people there). Attacks, alerts, surrenders and
        one's own deployments keep "in X" as their location. The nouns and event types are
        ``area_aims`` in ``data/cues.yaml``."""
        cue = self.cues.get("area_aims") or {}
        if match.type not in cue.get("types", ()):
            return []
        nouns = cue.get("nouns", ())
        words = [*match.tokens, *([match.obj] if match.obj is not None else [])]
        if match.pattern.pos == "noun":
            verb = match.head.head
            if not match.sources and lemma(verb) not in self.cues["speech_verbs"]:
                return []  # "sent a team to monitor a ceasefire in X": a truce in the background
            if match.head.dep_ in ("dobj", "pobj"):
                words.append(verb)  # "declared a ceasefire in X": "in" on the verb
        words += [o for w in list(words) for c in w.children if c.dep_ == "prep"
                  and lemma(c) in ("for", "of", "to") for o in pobjs(c)]
        if not any(lemma(w) in nouns or any(lemma(c) in nouns for c in w.children
                                            if c.dep_ in ("amod", "compound"))
                   for w in words):
            return []
        for word in words:
            for prep in word.children:
                if prep.dep_ != "prep" or lemma(prep) != "in" or time_adjunct(prep):
                    continue
                found = [p for p in pobjs(prep) if p.ent_type_ not in ("DATE", "TIME")
                         and (self._place(p) or self._names_actor(p))]
                if found:
                    return found
        return []

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

    def _measure_owners(self, verb: Token) -> list[Token]:
        """Whose measure is laid or lifted when the passive names no agent: "UN sanctions
        against Iran were lifted", "EU restrictions on X have been eased" (the owner)."""
        if any(c.dep_ == "agent" for c in verb.children):
            return []
        return [m for c in verb.children if c.dep_ == "nsubjpass" and not self._actor_like(c)
                for m in c.children if m.i < c.i and (
                    (m.dep_ in ("compound", "amod", "nmod") and m.ent_type_ in _ACTOR_ENTS)
                    or (m.dep_ == "poss" and m.pos_ == "PROPN"))]

    def _moved_against(self, noun: Token) -> list[Token]:
        """Whom a purpose under a noun moves against: "mobilized troops for an order to
        move against Syria's weapons", "for a mission to act against the rebels"."""
        return [p for v in _noun_purposes(noun) for c in v.children if c.dep_ == "prep"
                and lemma(c) in ("against", "on", "upon") for p in pobjs(c)
                if self._names_actor(p)]

    def _noun_arguments(self, match: TriggerMatch) -> None:
        token, pattern = match.head, match.pattern
        sources: list[Token] = []
        targets: list[Token] = []
        for child in token.children:
            dep, lem = child.dep_, lemma(child)
            if child in match.tokens:
                continue
            if dep == "poss" and child.pos_ in ("PROPN", "NOUN"):
                sources.extend(conjuncts(child))
            elif dep in ("amod", "compound", "nmod") and child.ent_type_ in (
                    "NORP", "ORG", "GPE"):
                sources.append(child)  # "Israeli air strikes", "U.S. drone strikes"
            elif dep == "prep":
                if lem == "of":  # of_role "none": what is moved ("the deployment of troops")
                    if pattern.of_role != "none":
                        (sources if pattern.of_role == "source" else targets).extend(
                            pobjs(child))
                elif lem == "between" and lem in pattern.target_preps:
                    targets.extend(pobjs(child))  # "mediation between X and Y": the parties
                elif (lem == "between" or (pattern.two_sided and lem == "with")
                      or lem in pattern.source_preps):
                    sources.extend(pobjs(child))
                elif lem in pattern.target_preps:
                    targets.extend(p for p in self._aimed(child)
                                   if p.ent_type_ not in ("DATE", "TIME"))
        if not targets and ontology.quad_class(match.type) in ontology.VERBAL_QUADS:
            # "a mediation effort to help the government and the rebels reach a deal"
            for clause in _noun_purposes(token):
                targets = targets or self._purpose_objects(clause) or self._parties(clause)
        if not targets and pattern.of_role == "none":
            # on what is moved: "the extradition of the governor *to Mexico*"
            moved = [o for c in token.children if c.dep_ == "prep" and lemma(c) == "of"
                     for o in pobjs(c)]
            targets = [p for o in moved
                       for c in o.children if c.dep_ == "prep" and lemma(c) != "in"
                       and lemma(c) in pattern.target_preps for p in self._aimed(c)
                       if p.ent_type_ not in ("DATE", "TIME")]
        if not targets:  # "the deployment of troops to X": "to" hung on the verb
            targets = self._stranded_aims(token, pattern.target_preps)
        if pattern.pobj and not targets and pattern.of_role != "none":
            # "the release of political detainees": the people the trigger's own object
            # names are who it is done to
            targets = [t for p in match.tokens[1:] if p.dep_ == "pobj"
                       for t in conjuncts(p) if self._actor_like(t)]
        if not sources:  # "X are responsible for mass killings"
            sources = self._culprits(self._culpable(token))
        held = self._counted(token)  # "began a new round of exercises": the round is held
        head = held.head
        light = self.cues["light_verbs"]
        if self._halted(match):
            light = frozenset((lemma(head),))  # "ended mediation efforts": who ended them
        if held.dep_ in ("dobj", "nsubjpass") and lemma(head) in light:
            if not sources:
                sources = [t for c in head.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
            if not sources:
                sources = [p for c in head.children if c.dep_ == "agent" for p in pobjs(c)]
            if not sources and not is_passive(head):  # "USAID announced a suspension"
                sources = _acronym_subject(head)
            if not sources:  # "plans to hold a rally": the subject of "plans"
                sources = self.inherited_subject(head, is_passive(head))
            if not targets:  # "launched cyber attacks against X and Y": on the light verb
                targets = [p for c in head.children if c.dep_ == "prep"
                           and lemma(c) in pattern.target_preps and lemma(c) != "in"
                           for p in self._aimed(c) if p.ent_type_ not in ("DATE", "TIME")]
        elif held.dep_ == "nsubj" and lemma(head) in light:
            # "a bomber carried out attacks on the parliament": the attack's own target
            targets += [a for c in head.children if c.dep_ == "dobj" and not is_apposition(c)
                        for t in conjuncts(c) for a in (self._event_targets(t) or [t])]
        head = token.head
        if token.dep_ == "pobj" and lemma(head) == "for" and lemma(head.head) == "responsibility":
            claim = head.head.head
            claimers = [t for c in claim.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
            match.attributions.extend(claimers)
            if not sources:
                sources = list(claimers)
        if sources and self._owned_subject(match, sources):
            sources = [token]  # "Israeli air strikes killed 5": the strikes, named by owner
        if not sources and token.dep_ in SUBJECT_DEPS and lemma(token) in self.cues[
                "weapon_bearers"]:
            sources = [token]  # "Boko Haram suicide bombers have killed": the bombers did
        # Place names in "in Baghdad" are locations, not targets.
        match.sources, match.targets = sources, targets

    def _stranded_aims(self, noun: Token, preps: Container[str]) -> list[Token]:
        """A target preposition of an event noun that the parser hung on the verb whose
        object the noun is, right after the noun's phrase: "announced the deployment of 230
        troops to Liberia", "ordered the dispatch of 500 police officers to the town"."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
            return []
        return [p for c in verb.children if c.dep_ == "prep" and c.i == noun.right_edge.i + 1
                and lemma(c) in preps and lemma(c) != "in"
                for p in self._aimed(c) if p.ent_type_ not in ("DATE", "TIME")]

    def _counted(self, noun: Token) -> Token:
        """The noun that counts an event noun ("a new round of talks", "a wave of attacks";
        ``event_counts`` in ``data/cues.yaml``), which a light verb takes in its place;
        else the noun itself."""
        prep = noun.head
        if (noun.dep_ == "pobj" and lemma(prep) == "of"
                and lemma(prep.head) in self.cues.get("event_counts", ())):
            return prep.head
        return noun

    def _culpable(self, noun: Token) -> Token | None:
        """The adjective of blame an event noun hangs on: "responsible for mass killings",
        "guilty of war crimes" (``culpability_adjectives`` in ``data/cues.yaml``)."""
        while noun.dep_ == "conj" and noun.head.i < noun.i:  # "killings, rapes and abductions"
            noun = noun.head
        prep = noun.head
        adj = prep.head
        if (noun.dep_ == "pobj" and prep.dep_ == "prep" and lemma(prep) in ("for", "of")
                and adj.pos_ == "ADJ"
                and lemma(adj) in self.cues.get("culpability_adjectives", ())):
            return adj
        return None

    @staticmethod
    def _culprits(adj: Token | None) -> list[Token]:
        """Who is held to blame by an adjective of blame: its own subject ("found the rebels
        guilty"), the object of the verb that judges ("held Iran responsible"), or the
        subject of the copula ("Los Zetas have been responsible", "X was found guilty")."""
        if adj is None:
            return []
        own = [t for c in adj.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
        if own:
            return own
        if adj.dep_ == "amod":  # "those responsible for the attack"
            return conjuncts(adj.head)
        verb = adj.head
        if adj.dep_ not in ("acomp", "oprd", "ccomp", "xcomp") or verb.pos_ not in (
                "VERB", "AUX"):
            return []
        for deps in (("dobj",), ("nsubjpass",), SUBJECT_DEPS):
            found = [t for c in verb.children if c.dep_ in deps for t in conjuncts(c)]
            if found:
                return found
        return []

    def _intenders(self, noun: Token) -> list[Token]:
        """Whose intention or undertaking a noun names ("its commitment to support", "the
        possibility of providing", "Japan's decision to ease"; ``intention_nouns`` in
        ``data/cues.yaml``): a possessor that is a name, else the subject of the verb that
        holds the noun ("NAF reiterated its commitment"), else a possessive pronoun."""
        if lemma(noun) not in self.cues.get("intention_nouns", ()):
            return []
        owners = [t for c in noun.children if c.dep_ == "poss" for t in conjuncts(c)]
        if owners and all(o.pos_ != "PRON" for o in owners):
            return owners
        verb = noun.head
        if noun.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and not is_passive(verb):
            found = [t for c in verb.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
            found = found or self.inherited_subject(verb, False)
            if found:
                return found
        return owners

    @staticmethod
    def _aux_subject(verb: Token) -> list[Token]:
        """A subject the parser hung on the auxiliary instead of the verb ("the UK and France
        however have opposed": "UK" under "have")."""
        return [t for a in verb.children if a.dep_ == "aux" and a.i < verb.i
                for c in a.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]

    @staticmethod
    def _owned_subject(match: TriggerMatch, owners: list[Token]) -> bool:
        """A nominal attack that is the subject of the verb it absorbed, its actor named only
        by its modifiers ("U.S. military airstrikes have killed", "Syrian government shelling
        hit"): the whole phrase stands for the one who struck, as a weapon named by its owner
        does."""
        token = match.head
        return (match.verb is not None and match.verb.i == token.head.i
                and token.dep_ == "nsubj"
                and all(o.head.i == token.i and o.i < token.i for o in owners))

    def _halted(self, match: TriggerMatch) -> bool:
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


def _nested_clause(token: Token, clause: Token) -> bool:
    """Is ``token`` inside a clause of its own under ``clause`` ("saying he would file a
    complaint *to the court*": the "to" is the filing's, not the saying's)?"""
    cur = token
    while cur.i != clause.i and cur.head.i != cur.i:
        if cur.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "csubj"):
            return True
        cur = cur.head
    return False


def _noun_purposes(noun: Token) -> list[Token]:
    """The purpose clauses of a noun: "an effort to help X", and the one a participle of
    design carries ("an effort *designed / aimed* to help X and Y reach a deal")."""
    out = [c for c in noun.children if c.dep_ in ("acl", "relcl") and is_purpose(c)]
    out += [x for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
            and not any(g.dep_ == "agent" for g in c.children)
            for x in c.children if x.dep_ == "xcomp" and is_purpose(x)]
    return out


def _shared_pobjs(prep: Token) -> list[Token]:
    """Objects of a preposition, or of the one it is coordinated with when they share one:
    "lifted travel curbs *to and from North Korea*", "flights to and from Qatar"."""
    return pobjs(prep) or [p for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP"
                           for p in pobjs(c)]


def _expelling_state(verb: Token) -> list[Token]:
    """The state a coercion without an agent is done from: "two inspectors have been
    expelled from North Korea", "journalists were deported from Iran" (the state did it)."""
    if any(c.dep_ == "agent" for c in verb.children):
        return []
    return [p for c in verb.children if c.dep_ == "prep" and lemma(c) == "from"
            for p in pobjs(c) if p.ent_type_ == "GPE"]


def _called_on(verb: Token) -> list[Token]:
    """Whom a verb calls on to act: "called on the US to lift", "urged upon X to" (the "on"
    right after the verb or its adverbs); not an "on" of place or time further on
    ("refuses to lift the ban it imposed, in 2010, on aid agencies")."""
    out: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or lemma(prep) not in ("on", "upon") or prep.i < verb.i:
            continue
        between = verb.doc[verb.i + 1:prep.i]
        if all(t.dep_ in ("advmod", "prt", "neg") for t in between):
            out.extend(pobjs(prep))
    return out


def _acronym_subject(verb: Token) -> list[Token]:
    """An acronym the tagger took for an adverb ("USAID provided", "UNHCR deployed": read
    as "-ly" words), standing before a verb without a subject: the verb's subject."""
    if any(c.dep_ in (*SUBJECT_DEPS, "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "advmod" and c.i < verb.i
            and c.pos_ in ("ADV", "ADJ") and len(c.text) > 2 and c.text.isupper()
            and c.text.isalpha()]
