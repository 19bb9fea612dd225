"""Reading the small model's dependency parse: lemmas corrected for its slips, hyphenated
compounds read as one word, voice, purpose clauses, the verbs that govern a trigger, and
title-case headlines, which are parsed again in sentence case.

Shared by the trigger matcher (coder.py) and the argument reader (arguments.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Span, Token

from gestae.coding.patterns import cues, is_verb_word, pattern_words

SUBJECT_DEPS = ("nsubj", "csubj")
RELATIVE_PRONOUNS = ("who", "which", "that", "whom", "whose")
_PASSIVE_MARK = ("nsubjpass", "auxpass", "csubjpass")
_HYPHENS = ("-", "–", "‑")


def lemma(token: Token) -> str:
    """The token's lower-cased lemma, corrected for known slips of the small model; the head
    of a hyphenated compound that is a pattern word stands for the whole ("cease-fire").
    Read once per doc: the coder asks for the lemma of each token many times."""
    lemmas = token.doc.user_data.get("gestae_lemmas")
    if lemmas is None:
        fixes = cues().get("lemma_fixes", {})
        lemmas = token.doc.user_data["gestae_lemmas"] = [_lemma(t, fixes) for t in token.doc]
    return lemmas[token.i]


def _lemma(token: Token, fixes: dict[str, str]) -> str:
    compound = _hyphen_compound(token)
    if compound is not None:
        return compound[0]
    value = token.lemma_.lower()
    return fixes.get(value, value)


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
    if i not in _beside_hyphens(doc):
        return None  # no hyphen beside the token: the common case
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


def _beside_hyphens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens beside a hyphen token, found once per doc."""
    found = doc.user_data.get("gestae_hyphen_sides")
    if found is None:
        found = doc.user_data["gestae_hyphen_sides"] = frozenset(
            j for t in doc if t.text in _HYPHENS for j in (t.i - 1, t.i + 1))
    return found


def is_conditional(clause: Token, cue: dict[str, Any]) -> bool:
    """A clause introduced by "if" / "unless"."""
    return any(c.dep_ == "mark" and lemma(c) in cue["conditional_marks"] for c in clause.children)


def is_purpose(verb: Token) -> bool:
    """An infinitive of purpose or content without a subject of its own: "called X *to
    discuss*", "refused *to lift* the ban", "sent aid *to help* Y"."""
    return verb.dep_ in ("advcl", "xcomp", "acl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ in (*SUBJECT_DEPS, "nsubjpass") for c in verb.children)


def misparsed_main_verb(token: Token) -> bool:
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


def is_passive(token: Token) -> bool:
    if misparsed_main_verb(token):
        return False
    if token.dep_ == "acl" and any(c.dep_ == "dobj" for c in token.children):
        return False  # "Another bombing, in July, killed 50": a main verb, not a participle
    if any(c.dep_ in _PASSIVE_MARK for c in token.children):
        return True
    if token.tag_ == "VBN" and token.dep_ == "conj" and is_passive(token.head) and not any(
        c.dep_ in ("aux", "auxpass") for c in token.children
    ):
        return True  # "three were shot dead and 50 wounded"
    return token.dep_ == "acl" and token.tag_ == "VBN"


def governors(token: Token) -> Iterator[Token]:
    """The verbs that take the trigger's clause as a complement ("refused to *release*",
    "plans to *attack*", "called for *protests*")."""
    cur = token
    for _ in range(4):
        if cur.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in cur.children):
            return  # "..., but troops detained five": a clause of its own
        if cur.dep_ in ("xcomp", "pcomp", "pobj", "prep", "dobj", "ccomp", "conj", "acl",
                        "acomp") or (
            cur.dep_ == "advmod" and lemma(cur) in cues()["negating_adverbs"]
        ):
            cur = cur.head
            yield cur
        else:
            return


def light_verb(noun: Token) -> Token | None:
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
    return verb if lemma(verb) in cues().get("performing_verbs", frozenset()) else None


def is_apposition(obj: Token) -> bool:
    """A second direct object right after a comma, with no conjunction: the parser's
    reading of an apposition ("outlawed the X Association, the country's leading group")."""
    earlier = [c for c in obj.head.children if c.dep_ == "dobj" and c.i < obj.i]
    if not earlier:
        return False
    before = obj.doc[obj.left_edge.i - 1] if obj.left_edge.i > 0 else None
    between = obj.doc[earlier[-1].i:obj.left_edge.i]
    return before is not None and before.text == "," and not any(
        t.dep_ == "cc" for t in between)


def is_title_case(sent: Span) -> bool:
    """A headline in title case ("U.S. Lifts Travel Ban to Lebanon"): the small model reads
    its capitalised verbs and nouns as one long name, so its parse hides the event. Every
    word but the small function words is capitalised ("... met in New York" is no headline)."""
    small = cues().get("title_case_function_words", ())
    words = [t for t in sent if t.is_alpha and len(t) > 1 and t.lower_ not in small]
    return len(words) >= 3 and all(t.is_title for t in words)


def sentence_case(sent: Span) -> str:
    """The sentence's text with its capitalised common words (verbs, words of the trigger
    patterns, function words) lower-cased, every character in place: "U.S. lifts travel ban
    to Lebanon". Names, acronyms and the first word keep their case."""
    text = sent.text
    chars = list(text)
    for token in sent[1:]:
        if not token.is_title or not _common_word(token.lower_):
            continue
        lower = token.lower_
        if len(lower) != len(token.text):
            continue
        start = token.idx - sent.start_char
        chars[start:start + len(lower)] = lower
    return "".join(chars)


def _common_word(word: str) -> bool:
    """An English verb (in any of its regular forms), a pattern word or a function word."""
    if word in cues().get("title_case_function_words", ()):
        return True
    stems = {word}
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stems.add(word[: len(word) - len(suffix)] + repl)
    return any(is_verb_word(s) or s in pattern_words() for s in stems)
