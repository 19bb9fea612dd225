"""Argument phrases: which tokens an actor argument spans, as news coders mark one.

The coder finds an argument's head token from the parse; these functions grow it into the
phrase a reader would underline ("a court in Lima", "Jane Roe, the group's spokeswoman") and
keep dates, clauses and other arguments out of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Token

from gestae.coding.ontology import load_data
from gestae.nlp import text_of

_SPAN_DROP = ("relcl", "acl", "advcl", "parataxis", "dep", "punct")
_SPAN_PUNCT = ("-", "'", "’", "(", ")", ",", "/")
_PLACE_ENTS = ("GPE", "LOC", "FAC")
_NAME_ENTS = ("GPE", "LOC", "NORP", "ORG", "PERSON")
_SPECIFIERS = ("det", "nummod", "poss", "quantmod")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/phrases.yaml``, as sets."""
    return {key: frozenset(values) for key, values in (load_data("phrases.yaml") or {}).items()
            if isinstance(values, list)}


@lru_cache(maxsize=1)
def _charge_preps() -> dict[str, frozenset[str]]:
    """Accusing verbs and the prepositions that give the charge (``data/phrases.yaml``)."""
    table = (load_data("phrases.yaml") or {}).get("charge_preps") or {}
    return {verb: frozenset(preps) for verb, preps in table.items()}


def conjuncts(token: Token) -> list[Token]:
    """A token and every token coordinated with it ("A, B and C")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def noun_span(token: Token) -> tuple[int, int]:
    """Char span of a whole noun phrase, as news coders mark an actor: the head with its
    modifiers, prepositional phrases ("a court in Lima", "inspectors for the agency"),
    appositions ("Jane Roe, the group's spokeswoman") and a bracketed abbreviation, but
    not its own conjuncts (each is an argument of its own), dates ("on Monday"), relative
    or participle clauses (but for a participle of ties or base, "forces based in Vitez"),
    or an adverbial clause."""
    start, end = _token_span(token)
    doc = token.doc
    return doc[start].idx, doc[end].idx + len(doc[end])


def _token_span(token: Token) -> tuple[int, int]:
    """First and last token index of the phrase ``noun_span`` marks."""
    keep: list[Token] = []
    stack = [token]
    whole = one_group(token)
    while stack:
        tok = stack.pop()
        keep.append(tok)
        for child in tok.children:
            dep = child.dep_
            if (tok is token and not whole or _named_list(tok)) and dep in (
                    "conj", "cc", "preconj"):
                continue
            if dep == "appos" and _named_list(child):
                continue  # "The United States, [India, Israel and other governments]"
            if dep == "punct":
                if child.tag_ in ("HYPH", "-LRB-", "-RRB-") or child.text in _SPAN_PUNCT:
                    stack.append(child)  # "al-Sadr", "(UNHCR)", "Jane Roe, a lawyer"
                continue
            if dep == "acl" and _identity_participle(child, tok) or _identifying_clause(
                    child, tok):
                stack.append(child)  # "British forces [based in Vitez]", "people [who fled]"
                continue
            if dep in _SPAN_DROP or time_phrase(child) or _adverbial(child, tok) or (
                    _time_comparative(child, tok)):
                continue
            if _not_identity(child, tok, token):
                continue
            stack.append(child)
    # Keep only the contiguous run around the head (a dropped child may sit inside).
    start = end = token.i
    indices = {t.i for t in keep}
    while start - 1 in indices:
        start -= 1
    while end + 1 in indices:
        end += 1
    doc = token.doc
    openers = _words()["coordination_openers"]
    while start < end and (doc[start].is_punct or doc[start].dep_ in ("cc", "case", "preconj")
                           or (doc[start].lower_ in openers and _opens_coordination(token))):
        start += 1
    while end > start and doc[end].is_punct and not (
            doc[end].tag_ == "-RRB-" and any(doc[i].tag_ == "-LRB-" for i in range(start, end))):
        end -= 1
    end = _whole_name_end(doc, start, end)
    return start, end


def one_group(token: Token) -> bool:
    """Two coordinated nouns that make one party, not two arguments: the second names its
    followers through a possessive pointing back at the first ("a local leader and [his]
    associates", "the army and [its] allies", "Ali and four members of [his] family"), or one
    determiner or number counts both ("[another 40] politicians and activists", "[the]
    Palestinian people and organizations"). Names ("Canada and Mexico") and conjuncts with a
    determiner of their own ("the army and the police") stay apart."""
    members = conjuncts(token)
    if len(members) != 2 or token.pos_ not in ("NOUN", "PROPN"):
        return False
    other = members[1]
    if other.i < token.i or other.pos_ != "NOUN":
        return False
    if _points_back(other):
        return True
    if token.pos_ != "NOUN" or any(c.dep_ in _SPECIFIERS or c.dep_ in ("relcl", "acl")
                                   for c in other.children):
        return False  # "the court and [the] people", "the court and people [who work for it]"
    between = [c for c in token.children if token.i < c.i < other.i
               and c.dep_ not in ("cc", "punct")]
    shared = [c for c in token.children if c.dep_ in _SPECIFIERS and c.i < token.i]
    if between or not shared:
        return False
    # "a" counts one thing: "a neighborhood and nearby areas" are two.
    single = all(c.lower_ in ("a", "an") for c in shared)
    return not single or other.tag_ == "NN"


def _points_back(noun: Token) -> bool:
    """The noun names the followers of an earlier party through a possessive pronoun: a
    plural ("his associates", "its allied militias"), an ally ("its ally Hezbollah") or an
    "of" phrase ("members of his family"; ``data/phrases.yaml``). One person beside another
    ("a baby and her mother") is an argument of its own."""
    owners = _words()["back_possessives"]
    holders = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for o in c.children if o.dep_ == "pobj"]
    if noun.tag_ in ("NNS", "NNPS") or noun.lemma_.lower() in _words()["follower_nouns"]:
        holders.append(noun)  # "his associates", "its ally Hezbollah"
    return any(c.dep_ == "poss" and c.lower_ in owners for h in holders for c in h.children)


def _named_list(token: Token) -> bool:
    """The token opens a list of three or more names ("people in Somalia, Ethiopia and
    Kenya", "Syrians, Iraqis and Afghans"): each name is an argument of its own, as when
    the list is the argument itself. Words inside one name ("the Commission for Culture,
    Science, and Education") are not a list."""
    members = conjuncts(token)
    return len(members) >= 3 and all(
        m.ent_type_ in _NAME_ENTS and (m is token or m.ent_iob_ == "B") for m in members[:2])


def list_members(token: Token) -> list[Token]:
    """Names of a list inside the argument's phrase that its phrase leaves out, to be
    arguments of their own (see ``_named_list``)."""
    start, end = _token_span(token)
    out: list[Token] = []
    for tok in token.doc[start:end + 1]:
        if tok is not token and _named_list(tok) and tok.dep_ != "appos":
            out.extend(conjuncts(tok)[1:])
    for tok in token.doc[start:end + 1]:
        out.extend(c for c in tok.children if c.dep_ == "appos" and _named_list(c))
    for tok in list(out):
        if tok.dep_ == "appos":
            out.extend(conjuncts(tok)[1:])
    return out


def _opens_coordination(token: Token) -> bool:
    """The head is a conjunct ("both [India] and Pakistan"), so "both" opens the list."""
    return token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)


def _not_identity(child: Token, tok: Token, head: Token) -> bool:
    """A dependent the parser hung on the argument that does not say who it is: an
    apposition naming the event or the speaker or describing a place, examples after a
    comma, what a proposal asks for, the charge of an accusation (``data/phrases.yaml``)."""
    words = _words()
    if child.dep_ == "appos":
        noun = child.lemma_.lower()
        return (noun in words["event_appositions"] and child.pos_ == "NOUN" or _speaker(child)
                or noun in words["place_appositions"] and tok.ent_type_ in _PLACE_ENTS
                or _describes_name(child, tok))
    if child.dep_ != "prep":
        return False
    if any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in child.children):
        return True  # "banned X [from holding office]": a clause, not who X is
    word = child.lower_
    if word in words["example_preps"] and child.i > 0 and child.doc[child.i - 1].text == ",":
        return True
    if (tok.lemma_.lower() in words["proposal_nouns"] and word in words["proposal_preps"]
            and (word != "of" or _has_owner(tok))):
        return True
    return (tok is head and head.dep_ == "dobj"
            and word in _charge_preps().get(head.head.lemma_.lower(), ()))


def _describes_name(appos: Token, name: Token) -> bool:
    """A common-noun apposition set after the name of a place, or a group noun after the name
    of an organisation, only describes it ("Hodeidah, [a major flashpoint in the war]", "the
    Iraq Humanitarian Fund, [a pooled fund]"); a person's apposition says who he is and stays
    (the tagger sometimes calls a person an organisation, hence the word list)."""
    if name.pos_ != "PROPN" or appos.pos_ != "NOUN" or appos.ent_type_ or appos.i < name.i:
        return False
    return (name.ent_type_ in _PLACE_ENTS
            or name.ent_type_ == "ORG" and appos.lemma_.lower() in _words()["group_appositions"])


def _identity_participle(participle: Token, noun: Token) -> bool:
    """A participle after a noun that says which group it is by its ties or its base
    ("hackers [linked to the Iranian government]", "the group [known as the White Helmets]",
    "forces [stationed in northern Iraq]"), unlike one that tells what was done to it
    (``data/phrases.yaml``)."""
    return (participle.i > noun.i and participle.tag_ in ("VBN", "VBG")
            and participle.lemma_.lower() in _words()["identity_participles"]
            and any(c.dep_ in ("prep", "agent") for c in participle.children))


def _identifying_clause(clause: Token, noun: Token) -> bool:
    """A clause after a bare head word that says nothing by itself, which the clause
    identifies: "people [who fled the fighting]", "those [affected by the floods]",
    "individuals [that had been blacklisted]". After any other noun a clause tells what
    happened to it and is cut ("a Lebanese man [who signed ...]"). Of participles only those
    of a state are kept: "people [killed in the attack]" is an event of its own
    (``data/phrases.yaml``)."""
    words = _words()
    if clause.i < noun.i or noun.lower_ not in words["clause_heads"]:
        return False
    if clause.dep_ == "relcl":
        return True
    return (clause.dep_ == "acl" and clause.tag_ in ("VBN", "VBG")
            and clause.lemma_.lower() in words["state_participles"])


def _has_owner(noun: Token) -> bool:
    """Who made the proposal is named before the noun ("Trump's offer", "a government
    offer"), so an "of" phrase after it says what is proposed."""
    return any(c.i < noun.i and (c.dep_ == "poss" or c.dep_ in ("compound", "amod") and any(
        t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for t in c.subtree))
               for c in noun.children)


def _speaker(appos: Token) -> bool:
    """A name beside an argument that is the subject of a reporting verb right after it
    ("troops from Syria, Defence Minister Sergei Shoigu said")."""
    doc = appos.doc
    after = appos.right_edge.i + 1
    return (after < len(doc) and doc[after].pos_ == "VERB"
            and doc[after].lemma_.lower() in _words()["reporting_verbs"])


def _adverbial(child: Token, head: Token) -> bool:
    """A prepositional phrase the parser hung on a noun that says why, when or where the
    event happened, not who the actor is (see ``data/phrases.yaml``)."""
    if child.dep_ != "prep":
        return False
    word, words = child.lower_, _words()
    if word in words["adverbial_preps"]:
        return True
    objects = pobjs(child)
    if word == "in" and objects and all(o.lower_ in words["adverbial_in_objects"]
                                        for o in objects):
        return True
    person = head.ent_type_ == "PERSON" or head.lemma_.lower() in words["posted_person_nouns"]
    return (word in words["person_place_preps"] and person
            and bool(objects) and all(o.ent_type_ in _PLACE_ENTS for o in objects))


def _whole_name_end(doc: Doc, start: int, end: int) -> int:
    """Last token of a span that does not cut a name or a bracket in two: "Lee Nak-yon"
    (the parser may end the phrase at "Nak"), "the Central African Republic (CAR)"."""
    last = doc[end]
    if last.ent_type_ and last.ent_iob_ != "O":
        entity_end = end
        while (entity_end + 1 < len(doc) and doc[entity_end + 1].ent_iob_ == "I"
               and doc[entity_end + 1].ent_type_ == last.ent_type_):
            entity_end += 1
        end = entity_end
    opened = sum(doc[i].tag_ == "-LRB-" for i in range(start, end + 1))
    closed = sum(doc[i].tag_ == "-RRB-" for i in range(start, end + 1))
    if opened > closed and end + 1 < len(doc) and doc[end + 1].tag_ == "-RRB-":
        end += 1
    return end


def time_phrase(token: Token) -> bool:
    """A date or time modifier ("on Monday", "last week"): when, not who."""
    if token.dep_ == "prep":
        return time_adjunct(token)
    if token.head.pos_ == "ADJ" and token.i < token.head.i:
        return False  # an age or a length: "a 95-year-old man", "a two-week-long siege"
    return token.dep_ in ("npadvmod", "tmod") and token.ent_type_ in ("DATE", "TIME")


def _time_comparative(child: Token, head: Token) -> bool:
    """"[Hours earlier] Maduro": a comparative of time before a name or with a measure of
    time ("hours", "two days") says when the event happened, not who the actor is."""
    if child.lower_ not in _words()["time_comparatives"] or child.i > head.i:
        return False
    return head.pos_ == "PROPN" or any(c.dep_ == "npadvmod" for c in child.children)


def pobjs(prep: Token) -> list[Token]:
    """Objects of a preposition, through "according to" and "from ... to" chains."""
    out: list[Token] = []
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp") and child.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            out.extend(conjuncts(child))
        elif child.dep_ == "prep":
            out.extend(pobjs(child))
    return out


def time_adjunct(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("called X on Tuesday")."""
    objs = pobjs(prep)
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


def spans(tokens: Iterable[Token]) -> list[tuple[int, int]]:
    """Unique noun-phrase spans in text order; a span inside another is dropped, two that
    overlap are parts of one phrase and joined, and two
    spans with only a space between are one phrase the parser split ("his counterpart
    Italian President Sergio Mattarella"): coordinated arguments have a comma or a
    conjunction between them."""
    tokens = list(tokens)
    tokens += [m for t in tokens for m in list_members(t) if m not in tokens]
    spans = sorted({noun_span(t) for t in tokens})
    out: list[tuple[int, int]] = []
    for span in spans:
        if any(s <= span[0] and span[1] <= e for s, e in out):
            continue
        out = [o for o in out if not (span[0] <= o[0] and o[1] <= span[1])]
        if out and span[0] < out[-1][1]:  # parts of one phrase: "[Omar al-[Bashir] of Sudan]"
            last = out.pop()
            span = (last[0], max(last[1], span[1]))
        out.append(span)
    if not tokens or len(out) < 2:
        return out
    text = text_of(tokens[0].doc)
    merged = [out[0]]
    for start, end in out[1:]:
        if merged[-1][1] <= start and not text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
