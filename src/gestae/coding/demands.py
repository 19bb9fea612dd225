"""Demands told in reported speech: "Russia says Israel must end its attacks" is a demand
(CAMEO 10, PLOVER REQUEST) of the speaker on the party that must act. The coder asks
:func:`obligation` whether a pattern with ``complement_modal`` fires; the argument reader
asks :func:`obliged_parties` and :func:`asked_parties` whom a demand is aimed at."""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from spacy.tokens import Token

from gestae.coding.match import TriggerMatch
from gestae.coding.parse import SUBJECT_DEPS, lemma
from gestae.coding.phrases import conjuncts


def obligation(speech: Token, words: Container[str], cues: dict[str, Any]) -> Token | None:
    """The clause a verb of saying reports as another party's duty ("said Israel must end
    the attacks", "says Washington needs to take the first step"). Not a duty of the
    speaker's own side ("we must", "our army should", "Iran's minister said Iran must") nor
    of everyone ("the world must"), and not a judgement of what something is ("said the
    court should be the arbiter")."""
    for clause in speech.children:
        if clause.dep_ != "ccomp" or not _obliged(clause, words):
            continue
        if lemma(clause) == "be" and any(c.dep_ == "attr" for c in clause.children):
            continue
        subjects = [s for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                    for s in conjuncts(c)]
        if subjects and all(other_party(s, speech, cues) for s in subjects):
            return clause
    return None


def _obliged(verb: Token, words: Container[str]) -> bool:
    """Does the clause state an obligation: a modal of duty ("must", "should") or a verb of
    necessity with an infinitive ("has to", "needs to")?"""
    if any(c.dep_ == "aux" and c.tag_ == "MD" and lemma(c) in words for c in verb.children):
        return True
    return lemma(verb) in words and verb.pos_ == "VERB" and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children)


def other_party(subject: Token, speech: Token, cues: dict[str, Any]) -> bool:
    """Is the obliged subject a party other than the speaker and not everyone?"""
    if subject.pos_ == "PRON" or lemma(subject) in cues["obligation_subjects_not"]:
        return False
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children):
        return False  # "our forces must", "its army should": the speaker's own side
    for speaker in (s for c in speech.children if c.dep_ in SUBJECT_DEPS
                    for s in conjuncts(c)):
        words = {t.lower_ for t in speaker.subtree}
        if speaker.lower_ == subject.lower_:
            return False
        office = any(lemma(t) in cues["office_nouns"] for t in speaker.subtree)
        if office and subject.lower_ in words:
            return False  # "Iran's foreign minister said Iran must ..."
    return True


def obliged_parties(match: TriggerMatch, cues: dict[str, Any]) -> list[Token]:
    """The targets of a demand in reported speech: the subject of the obliged clause when
    it acts ("said Turkey must mediate"); a passive subject is what is demanded, not of
    whom ("said the prisoners must be released")."""
    clause = obligation(match.head, match.pattern.complement_modal, cues)
    if clause is None:
        return []
    return [s for c in clause.children if c.dep_ == "nsubj" for s in conjuncts(c)]


def asked_parties(match: TriggerMatch, cues: dict[str, Any]) -> list[Token]:
    """Of whom a request without a named addressee asks: the subject of its that-clause
    ("demanded that Israel withdraw", "reiterated its demand that the US lift sanctions"),
    when it is another party than the one asking."""
    holders = [match.head] if match.pattern.pos == "verb" else []
    if match.obj is not None:
        holders.append(match.obj)
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ not in ("ccomp", "acl") or clause.pos_ not in ("VERB", "AUX"):
                continue
            if not any(c.dep_ == "mark" and lemma(c) == "that" for c in clause.children) and (
                    holder is not match.head):
                continue  # a noun's clause only with "that": "the demand he made"
            subjects = [s for c in clause.children if c.dep_ == "nsubj"
                        for s in conjuncts(c)]
            if subjects and all(other_party(s, match.head, cues) for s in subjects):
                return subjects
    return []
