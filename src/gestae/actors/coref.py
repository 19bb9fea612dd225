"""Within-article coreference: later mentions of an actor take the coding of an earlier one.

Simple rules, in text order, each one explainable by the antecedent it points to:

1. Name variants. A person the knowledge base does not know ("Aoun", "President Aoun") whose
   name is the tail of an earlier person's longer name ("Michel Aoun") is that person.
   Short names the knowledge base knows ("al-Sadr") are coded from the mention already and
   share the id without any rule. A bare name the NER took for an organisation ("Votel
   explained ...") is tried the same way: an earlier person's surname is that person.
2. Definite descriptions. "the cleric", "the Iraqi prime minister", "the militia": a role
   mention with "the", a singular head noun listed in ``data/coref.yaml`` (person nouns for
   people, body nouns for organisations) names the nearest earlier *named* actor of that
   kind whose sector fits the role's sector and whose country fits the role's country.
3. Pronouns. he/she/his ... name the nearest earlier single person; it/its the nearest
   organisation, state or singular group; they/their the nearest plural group ("protesters",
   "Iraqi officials"). A subject pronoun prefers the nearest fitting *subject* ("The Taliban
   refused talks with the government, saying it ..." = the Taliban), else the nearest.
   - Window: the pronoun's sentence and the two before it, within its paragraph; the
     paragraph before only when nothing in its own paragraph fits (``paragraph_crossings``).
   - Same clause: an object pronoun ("Trump praised him") never names the subject of its
     own verb.
   - Things in between: for it/they, a noun that is no actor, standing as subject, object or
     object of a preposition between the antecedent and the pronoun, with the pronoun's
     number ("the militia fired a rocket. It hit ..."), means the pronoun may be about that
     thing: no link.
   - An empty "it" ("It rained", "it is likely that ...", "made it clear") names nothing.

A coreferent mention keeps its own text and offsets and takes the antecedent's coding
(name, country, code, sector, sectors, kind, id, aligned, located) with ``inferred=True``.
Nothing is made up: without a compatible antecedent a description stays as coded and a
pronoun yields no actor.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Token

from gestae.actors.kb import norm
from gestae.model import Actor

DATA_FILE = Path(__file__).parent / "data" / "coref.yaml"

PERSON, THING, PLURAL = "person", "thing", "plural"
_SINGULAR_TAGS = frozenset({"NN", "NNP"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_NOUN_TAGS = _SINGULAR_TAGS | _PLURAL_TAGS
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "pobj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLAUSE_DEPS = frozenset({"ccomp", "csubj", "csubjpass"})
_NUMERIC_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY",
                           "ORDINAL"})
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "de", "van", "von"})


@dataclass(frozen=True)
class Rules:
    """The word lists and windows of ``data/coref.yaml``."""

    pronouns: dict[str, str]  # pronoun -> person / thing / plural
    person_nouns: frozenset[str]
    body_nouns: frozenset[str]
    weather_verbs: frozenset[str]
    empty_it_verbs: frozenset[str]
    pronoun_sentences: int = 2
    description_sentences: int = 8
    paragraph_crossings: int = 1


@lru_cache(maxsize=1)
def load_rules(path: str = str(DATA_FILE)) -> Rules:
    """Read the coreference word lists once per process."""
    data: dict[str, Any] = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    pronouns = {str(w).lower(): cls for cls, ws in (data.get("pronouns") or {}).items()
                for w in ws or ()}
    return Rules(pronouns=pronouns, person_nouns=words("person_nouns"),
                 body_nouns=words("body_nouns"), weather_verbs=words("weather_verbs"),
                 empty_it_verbs=words("empty_it_verbs"),
                 pronoun_sentences=int(data.get("pronoun_sentences", 2)),
                 description_sentences=int(data.get("description_sentences", 8)),
                 paragraph_crossings=int(data.get("paragraph_crossings", 1)))


@dataclass
class Link:
    """Why a mention was coded from context: the mention, its antecedent and the rule."""

    mention: Actor
    antecedent: Actor
    rule: str  # "name", "description", "pronoun"


@dataclass
class _Cand:
    """A mention that later mentions may point to, with the facts the rules compare."""

    actor: Actor
    head: Token
    number: str  # "sg" or "pl"
    named: bool  # a name, not a role noun or a pronoun
    sent: int
    para: int


class _Layout:
    """Sentence and paragraph numbers of character offsets (paragraph = a line break)."""

    def __init__(self, doc: Doc) -> None:
        self.sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation(
            "SENT_START") else [0]
        text = doc.text
        self.breaks = [i for i, c in enumerate(text) if c == "\n"]

    def sent(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char) - 1

    def para(self, char: int) -> int:
        return bisect.bisect_right(self.breaks, char)


def link_mentions(doc: Doc, actors: list[Actor],
                  rules: Rules | None = None) -> tuple[list[Actor], list[Link]]:
    """Actors with coreferent mentions coded from their antecedents, pronouns added.

    ``actors`` are the resolver's mentions of ``doc`` in text order; the result is in text
    order and non-overlapping, with one Link per mention coded from context.
    """
    rules = rules or load_rules()
    if not actors and not any(t.lower_ in rules.pronouns for t in doc):
        return list(actors), []
    layout = _Layout(doc)
    items: list[tuple[int, Actor | Token]] = [(a.start, a) for a in actors]
    items += [(t.idx, t) for t in _pronouns(doc, actors, rules)]
    items.sort(key=lambda x: x[0])
    blockers = _thing_nouns(doc, actors)
    out: list[Actor] = []
    links: list[Link] = []
    chain: list[_Cand] = []
    for _, item in items:
        if isinstance(item, Token):
            found = _pronoun(item, chain, rules, layout, blockers)
            if found is None:
                continue
            mention = Actor(text=item.text, start=item.idx, end=item.idx + len(item.text))
            actor = _adopt(mention, found.actor)
            number = "pl" if rules.pronouns[item.lower_] == PLURAL else "sg"
            links.append(Link(actor, found.actor, "pronoun"))
            out.append(actor)
            chain.append(_Cand(actor, item, number, False, layout.sent(item.idx),
                               layout.para(item.idx)))
            continue
        head = _head(doc, item)
        if head is None:
            out.append(item)
            continue
        actor, rule, ante = item, "", None
        if _is_short_name(item):
            ante, rule = _name_antecedent(item, chain), "name"
        elif _is_description(item, head, rules):
            ante, rule = _description_antecedent(item, head, chain, rules, layout), "description"
        if ante is not None:
            actor = _adopt(item, ante.actor)
            links.append(Link(actor, ante.actor, rule))
        out.append(actor)
        # "The United States ... it", "the Philippines ... its": a state is one
        number = "pl" if head.tag_ in _PLURAL_TAGS and actor.kind != "state" else "sg"
        named = not (item.id or "").startswith("role/") or ante is not None and ante.named
        chain.append(_Cand(actor, head, number, named, layout.sent(item.start),
                           layout.para(item.start)))
    return out, links


# --------------------------------------------------------------------------- helpers

def _adopt(mention: Actor, antecedent: Actor) -> Actor:
    """The mention's own span with the antecedent's coding, marked as inferred."""
    return replace(antecedent, text=mention.text, start=mention.start, end=mention.end,
                   sectors=list(antecedent.sectors), inferred=True)


def _head(doc: Doc, actor: Actor) -> Token | None:
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _pronouns(doc: Doc, actors: list[Actor], rules: Rules) -> list[Token]:
    """Pronoun tokens outside every actor mention; empty "it" left out."""
    starts = [a.start for a in actors]
    out = []
    for tok in doc:
        cls = rules.pronouns.get(tok.lower_)
        if cls is None or tok.tag_ not in ("PRP", "PRP$"):
            continue
        k = bisect.bisect_right(starts, tok.idx) - 1
        if k >= 0 and actors[k].end > tok.idx:
            continue
        if cls == THING and _empty_it(tok, rules):
            continue
        out.append(tok)
    return out


def _empty_it(tok: Token, rules: Rules) -> bool:
    """"It rained", "it is likely that ...", "it was reported that ...": names nothing."""
    if tok.dep_ == "expl":
        return True
    if tok.dep_ not in _SUBJECT_DEPS:
        return False
    verb = tok.head
    if verb.lemma_.lower() in rules.weather_verbs or verb.pos_ == "ADJ":
        return True  # "it rained", "made it clear that ..."
    if not (verb.lemma_.lower() in rules.empty_it_verbs or tok.dep_ == "nsubjpass"):
        return False
    heads = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "attr"))]
    return any(c.dep_ in _CLAUSE_DEPS and c.i > tok.i for h in heads for c in h.children)


def _thing_nouns(doc: Doc, actors: list[Actor]) -> list[Token]:
    """Subjects and objects that are no actor: "rocket" in "fired a rocket"."""
    spans = [(a.start, a.end) for a in actors]
    out = []
    for tok in doc:
        if tok.tag_ not in _NOUN_TAGS or tok.dep_ not in _ARGUMENT_DEPS:
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in ("as", "like"):
            continue  # "views it as a puppet": a description, not a thing
        if tok.ent_type_ in _NUMERIC_ENTS:
            continue  # "in the late 1980s": a time, not a thing the pronoun may be about
        if not any(s <= tok.idx < e for s, e in spans):
            out.append(tok)
    return out


def _in_window(cand: _Cand, sent: int, para: int, sentences: int, crossings: int) -> bool:
    return sent - cand.sent <= sentences and para - cand.para <= crossings


def _same_clause_subject(pronoun: Token, cand: _Cand) -> bool:
    """Is the candidate the subject of the verb the pronoun is the object of?"""
    if pronoun.dep_ not in _OBJECT_DEPS:
        return False
    verb = pronoun.head
    if pronoun.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
        verb = verb.head
    head = cand.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head.dep_ in _SUBJECT_DEPS and head.head == verb


def _fits_pronoun(cls: str, cand: _Cand) -> bool:
    kind = cand.actor.kind
    if cls == PERSON:
        return kind == "person" and cand.number == "sg"
    if cls == THING:
        return kind in ("organisation", "state", "group") and cand.number == "sg"
    return kind in ("organisation", "group", "person") and cand.number == "pl"


def _pronoun(tok: Token, chain: list[_Cand], rules: Rules, layout: _Layout,
             blockers: list[Token]) -> _Cand | None:
    """The nearest compatible antecedent of a pronoun, or None."""
    cls = rules.pronouns[tok.lower_]
    sent, para = layout.sent(tok.idx), layout.para(tok.idx)
    fitting: list[_Cand] = []
    for cand in reversed(chain):
        if not _in_window(cand, sent, para, rules.pronoun_sentences, rules.paragraph_crossings):
            break
        if _fits_pronoun(cls, cand) and not _same_clause_subject(tok, cand):
            fitting.append(cand)
    if not fitting:
        return None
    found = fitting[0]
    if tok.dep_ in _SUBJECT_DEPS:  # a subject pronoun continues the last subject
        found = next((c for c in fitting if _is_subject(c)), found)
    if cls != PERSON and _blocked(found, tok, cls, blockers):
        return None
    return found


def _is_subject(cand: _Cand) -> bool:
    """Is the mention a subject (or a pronoun standing as one)?"""
    head = cand.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head.dep_ in _SUBJECT_DEPS


def _blocked(cand: _Cand, tok: Token, cls: str, blockers: list[Token]) -> bool:
    """A thing of the pronoun's number stands between the antecedent and the pronoun."""
    tags = _SINGULAR_TAGS if cls == THING else _PLURAL_TAGS
    return any(cand.actor.end <= b.idx < tok.idx and b.tag_ in tags for b in blockers)


def _name_words(name: str) -> list[str]:
    words = [norm(w) for w in name.replace("-", " ").split()]
    return [w for w in words if w and w not in _NAME_PARTICLES]


def _is_short_name(actor: Actor) -> bool:
    """A person the knowledge base does not know, found by name; or a bare capitalised name
    the NER took for an organisation, which may be an earlier person's surname ("Gen.
    Joseph Votel ... Votel explained")."""
    if actor.id is not None or not actor.name:
        return False
    if actor.kind == "person":
        return True
    return actor.kind == "organisation" and actor.country is None and actor.code is None \
        and actor.sector is None and actor.text == actor.name and actor.text[:1].isupper()


def _name_antecedent(actor: Actor, chain: list[_Cand]) -> _Cand | None:
    """The nearest earlier person whose longer name ends with this one ("Michel Aoun")."""
    words = _name_words(actor.name or "")
    if not words:
        return None
    for cand in reversed(chain):
        other = cand.actor
        if other.kind != "person" or not cand.named:
            continue
        theirs = _name_words(other.name or "")
        if len(theirs) > len(words) and theirs[-len(words):] == words:
            if actor.country and other.country and actor.country != other.country:
                continue
            return cand
    return None


def _is_description(actor: Actor, head: Token, rules: Rules) -> bool:
    """"the cleric", "the Iraqi prime minister", "the militia": definite, singular, listed."""
    if not (actor.id or "").startswith("role/") or head.tag_ not in _SINGULAR_TAGS:
        return False
    if actor.text[:4].lower() != "the ":
        return False
    noun = head.lower_
    return noun in rules.person_nouns or noun in rules.body_nouns


def _description_antecedent(actor: Actor, head: Token, chain: list[_Cand], rules: Rules,
                            layout: _Layout) -> _Cand | None:
    """The nearest earlier named actor the description fits (kind, sector, country)."""
    want = "person" if head.lower_ in rules.person_nouns else "organisation"
    sent = layout.sent(actor.start)
    for cand in reversed(chain):
        if sent - cand.sent > rules.description_sentences:
            return None
        other = cand.actor
        if not cand.named or other.kind != want or cand.number != "sg":
            continue
        if actor.sector and actor.sector not in (other.sector, *other.sectors):
            continue
        if actor.country and actor.country != other.country:
            continue
        if actor.code and actor.code != other.code:
            continue
        if _same_clause_subject(head, cand):
            continue
        return cand
    return None
