"""What the parse says about a name's role: cues that make a place reading likely ("in",
"central X", "X's streets") and the roles of a place in an event: the object of a
territorial verb ("stormed X"), an event's preposition ("the battle for X"), a place noun in
apposition ("X, a village in ..."), a facility attacked, a compass word ("eastern X").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from gestae.geo.entities import body_like, ent_end, inside_other_name
from gestae.geo.lexicon import area_phrases, context_words, cue_set, cues
from gestae.geo.names import NOT_NAMES
from gestae.geo.normalize import fold
from gestae.nlp import ents_in

# Roles of a noun that heads its phrase: "in Durres" (pobj), not "the Olympic facilities".
HEAD_ROLES = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos"})


def locative_context(span: Span) -> bool:
    """A cue before or after the span that makes a place reading likely."""
    c = cues()
    words = cue_set("locative_words")
    doc = span.doc
    k = span.start - 1
    skip = cue_set("direction_words") | {"the"}
    while k > 0 and k >= span.start - 2 and doc[k].lower_ in skip:
        k -= 1  # "in the Kiev region", "over eastern Palmyra"
    before = doc[k].lower_ if k >= 0 else ""
    if k < span.start - 1 and doc[span.start - 1].lower_ in c["direction_words"]:
        return True  # "central Kiev", "eastern Palmyra"
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after in {"'s", "\u2019s"} and _owns_place_noun(doc, span.end + 1):
        return True  # "Grozny's streets", "Bishkek's central streets"
    if before in words or after in cue_set("feature_nouns") or after in cue_set("local_nouns") \
            or after in c["of_nouns"]:  # "Kfar Darom village", "Palmyra countryside"
        return True
    # a list of places: "in Kut, Hilla and Diwaniya"
    head = span.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in words


def role_token(span: Span) -> Token:
    """The token whose role the name plays: the head of its list, or the weekday spaCy made
    it a modifier of ("patrolled Goma Thursday")."""
    head = list_head(span.root)
    if head.dep_ == "compound" and head.head.lower_ in context_words()["time_names"]:
        return head.head
    return head


def _owns_place_noun(doc: Doc, k: int) -> bool:
    """A noun only a town owns at token ``k``, past two adjectives: "(X's) central streets"."""
    stop = min(len(doc), k + 3)
    while k < stop and doc[k].pos_ == "ADJ":
        k += 1
    return k < len(doc) and doc[k].lower_ in context_words()["possessed_place_nouns"]


def list_head(tok: Token) -> Token:
    """The first item of the list ``tok`` stands in ("captured Kut, Hilla and Diwaniya")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def after_determiner(span: Span) -> bool:
    """"the X", "a X": town names take no article in English, so a role does not make such a
    name a town ("capturing the Best in Show award")."""
    return span.start > 0 and span.doc[span.start - 1].pos_ == "DET"


def territorial_object(span: Span, strict: bool = False) -> bool:
    """What a territorial verb acts on: "stormed X", "X was captured", "the advance on X".
    ``strict`` keeps to the verbs whose object is hardly ever a person."""
    if after_determiner(span):
        return False
    words = context_words()
    verbs = words["strict_territorial_verbs" if strict else "territorial_verbs"]
    head = role_token(span)
    roles = {"dobj", "nsubjpass"} if head.i < span.end else {"dobj", "nsubjpass", "npadvmod"}
    verb = head.head
    if head.dep_ in roles and (verb.lemma_.lower() in verbs or verb.dep_ == "conj"
                               and verb.head.lemma_.lower() in verbs):
        return not _caught_by_police(verb)  # "X was shelled", "stormed and captured X"
    if strict or head.dep_ != "pobj" or head.head.lower_ != "on":
        return False
    aim = head.head.head  # "marched on X", "the assault on X"
    return aim.lower_ in words["on_heads"] or aim.lemma_.lower() in words["on_heads"]


def event_role(span: Span) -> bool:
    """The place of an event by its preposition: "the fight for X", "the battle of X",
    "withdrew from X", "the offensive on X", "demonstrated in X", "clashes at X"."""
    if after_determiner(span):
        return False
    words = context_words()
    head = role_token(span)
    if head.dep_ != "pobj" or head.head.i == head.head.head.i:
        return False
    if head.i != span.root.i and (head.ent_type_ in NOT_NAMES or head.like_num or head.i > 0
                                  and head.doc[head.i - 1].pos_ == "DET"):
        return False  # "fighting for the Taliban ... and X", "in November 2001 and X"
    prep, aim = head.head.lower_, head.head.head
    word, lemma = aim.lower_, aim.lemma_.lower()
    if prep == "for":
        return word in words["for_heads"]
    if prep == "of":
        return word in words["of_heads"]
    if prep == "from":
        return lemma in words["from_heads"]
    if prep == "on":
        return word in words["on_heads"] or lemma in words["on_heads"]
    return prep in words["event_preps"] and (word in words["event_heads"]
                                             or lemma in words["event_heads"])


def _caught_by_police(verb: Token) -> bool:
    """"X was captured by police": the police capture people, not towns."""
    agents = context_words()["arresting_agents"]
    return any(c.dep_ == "agent" and any(g.lower_ in agents for g in c.children)
               for c in verb.children)


def appositive_place(span: Span) -> bool:
    """A place noun in apposition: "X, a village in ...", "the regional capital, X"."""
    nouns = context_words()["appositive_nouns"]
    root = span.root
    if after_determiner(span):
        return False
    # the noun written in lower case: "Shibbis District, ... Radio X" is a name's end
    if root.dep_ == "appos" and root.head.lower_ in nouns and root.head.i < span.start \
            and root.head.is_lower:
        return True
    return any(c.dep_ == "appos" and c.lower_ in nouns and c.i >= span.end and c.is_lower
               for c in root.children)


def strong_cue(span: Span, people: frozenset[str] = frozenset()) -> bool:
    """A role that makes a name a place whatever its size: the object of a territorial verb
    or a name with a place noun in apposition. Not for a name the document gives a person
    (``people``, see :func:`person_words`): "Clark was captured", "Clark said"."""
    if fold(span.text) in people:
        return False
    return territorial_object(span) or appositive_place(span) or event_role(span)


def heads_or_owns_parts(span: Span) -> bool:
    """The name heads its phrase ("in Durres"), or stands before a plural noun of a town's
    parts ("the southern Aleppo districts"), which spaCy tags as an adjective."""
    doc = span.doc
    if span.root.dep_ in HEAD_ROLES:
        return True
    return span.root.dep_ in {"amod", "compound"} and span.end < len(doc) \
        and doc[span.end].lower_ in context_words()["plural_place_nouns"]


def facility_role(span: Span) -> bool:
    """A building or street as an attack's target or place, past its article: "stormed the
    X Hospital", "a blast at the X Hotel", "the assault on the X Base"."""
    words = context_words()
    heads = words["facility_event_heads"]
    doc = span.doc
    k = span.start - 1 if span.start > 0 and doc[span.start - 1].pos_ == "DET" else span.start
    if k > 0 and doc[k - 1].lower_ in words["strategic_words"]:
        return True  # "targeting the strategic X Hospital": a military objective
    head = role_token(span)
    aim = head.head
    if head.dep_ == "pobj" and aim.head.i != aim.i:
        prep = aim.lower_
        aim = aim.head
    elif head.dep_ not in {"dobj", "nsubjpass"}:
        return False
    else:
        prep = ""
    aims = [aim]
    if prep in words["facility_preps"]:
        # "shot ... as he stood outside the X Hotel": the event a clause up, not across "and"
        while len(aims) < 3 and aim.dep_ in {"advcl", "prep", "pobj", "xcomp", "acl"}:
            aim = aim.head
            aims.append(aim)
    return any(a.lower_ in heads or a.lemma_.lower() in heads for a in aims)


def eventful(span: Span) -> bool:
    """An unknown name in an event's place role that no other label makes a body, an event
    or a work ("killed in Operation X" is no place); not a building's or a body's name.
    spaCy's label on a one-word name counts by the preposition: a person is shot "at" and
    attacked "on" but not killed "in" ("shot at Mengistu"); a body is withdrawn "from" or
    fought "for" but not fought "at" ("withdrew from Congress", "clashes at Kibeho")."""
    words = context_words()
    head = role_token(span)
    prep = head.head.lower_ if head.dep_ == "pobj" else ""
    # "shot at X", "the attack on X" aim at X; "murdered his relative at X" does not
    aimed = prep in words["person_aim_preps"] and not any(
        c.dep_ == "dobj" for c in head.head.head.children)
    bad = {"ORG", "EVENT", "WORK_OF_ART", "LAW", "FAC", "LANGUAGE"}
    for ent in ents_in(span):
        whole = ent.start == span.start and ent_end(ent) == span.end and len(span) == 1
        if ent.label_ == "PERSON" and (not whole or aimed or (
                prep == "for" and head.head.head.pos_ != "NOUN")):
            return False  # a person's full name ("at Minnie Howard") stays a person's, and
            # one fought for ("fighting for X"); a place is "the battle for X"
        if ent.label_ == "ORG" and whole and prep in words["body_safe_preps"]:
            continue
        if ent.label_ in bad and not (whole and ent.end > span.end):
            return False  # "Nice Saturday" as an EVENT is the town and a weekday
    return not body_like(span) and not inside_other_name(span, person=False)


def directed_name(span: Span) -> bool:
    """A name after a compass or position word in a place's phrase: "attacks in eastern
    Ghouta", "a checkpoint at eastern Khattab", "a marketplace in central Maree". Neither a
    person nor a body is "eastern"."""
    doc = span.doc
    words = context_words()
    before = doc[span.start - 1] if span.start >= 2 else None
    if before is None or before.lower_ not in cue_set("direction_words") \
            and before.lower_ not in words["position_words"] \
            or not before.is_lower or doc[span.start - 2].pos_ == "DET":
        return False  # "the southern Baptist ...": an article makes it a description
    head = role_token(span)
    if any(e.label_ == "PERSON" and len(e) > 1 for e in ents_in(span)):
        return False
    return head.dep_ == "pobj" and head.head.lower_ in words["directed_preps"]


def taken_from(span: Span) -> bool:
    """A name taken from someone: "attempt to capture X from the rebels", "seized X from
    government forces". People are captured, but not from their captors' enemies."""
    words = context_words()
    head = role_token(span)
    if head.dep_ != "dobj" or head.head.lemma_.lower() not in words["taking_verbs"] \
            or after_determiner(span):
        return False
    if any(e.label_ == "PERSON" and len(e) > 1 for e in ents_in(span)):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "from" and c.i > head.i
               and any(g.dep_ == "pobj" and g.lower_ not in words["taken_from_not"]
                       for g in c.children)
               for c in list(head.head.children) + list(head.children))


def area_name(span: Span) -> bool:
    """A local government area: "Logo Local Government Area", "Birnin Magaji LGA", "the
    Agatu local council" (the area words inside the run or right after it)."""
    doc = span.doc
    words = [t.lower_ for t in span]
    after = [t.lower_ for t in doc[span.end:span.end + 4]]
    for phrase in area_phrases():
        n = len(phrase)
        if len(words) > n and tuple(words[-n:]) == phrase or tuple(after[:n]) == phrase:
            return True
    return False


def names_place_noun(tok: Token) -> bool:
    """"called", "known as", "like" after a place noun: "a place called", "villages like"."""
    nouns = context_words()["named_place_nouns"]
    doc = tok.doc
    if tok.lower_ in context_words()["headed_naming_words"]:
        # "villages like X", but not "seizing people in the town, including X"
        return tok.head.pos_ == "NOUN" and tok.head.lower_ in nouns and tok.head.i < tok.i
    near = [tok.head] + [doc[k] for k in range(tok.i - 1, max(-1, tok.i - 4), -1)
                         if doc[k].pos_ in {"NOUN", "PUNCT", "ADJ", "NUM"}]
    return any(t.pos_ == "NOUN" and t.lower_ in nouns and t.i < tok.i for t in near)
