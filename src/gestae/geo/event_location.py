"""Where an event happened: the place syntactically tied to its trigger.

"Security forces opened fire in Nasiriyah" -> Nasiriyah (exact); "near Baghdad" -> near;
"in Dhi Qar province" -> region; "in Iraq" -> country. A place that is only an origin ("a cab
driver from Abidjan was shot") or a modifier of an actor ("the US embassy") is not the event's
location. Without a tied place the dateline or the article's focus is used (precision
"inferred").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from gestae.geo.gazetteer import Gazetteer
from gestae.geo.lexicon import cues
from gestae.model import Place
from gestae.nlp import text_of

REGION_FEATURES = frozenset({"admin1", "admin2", "region", "continent"})
# A town or region as the trigger's object or passive subject is where it happened.
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
# Dependency labels that open a new clause: a place across one is tied more loosely.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "parataxis", "acl"})
# A place phrase so attached to the trigger names who acts, not where ("The Islamic State
# of Iraq and al-Sham launched ...").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
# Clauses whose verb is only the trigger's own participle or conjunct ("stormed the village,
# killing 39"); a conjunct with its own subject is another clause.
SHARED_DEPS = frozenset({"advcl", "conj", "xcomp"})


@dataclass
class _Tie:
    place: Place
    prep: str | None  # "in", "near", "from", ... or None when not under a preposition
    near: bool
    anchor: Token  # the word the place's phrase attaches to
    modifier: bool = False  # the place only modifies a common noun ("a Lima safe house")
    dep: str = ""  # the dependency of the place's phrase on the anchor, without a preposition
    reference: bool = False  # only a reference point: "90 km south of Kathmandu"


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _tie(doc: Doc, place: Place, trigger: Token | None = None) -> _Tie | None:
    """How a place mention attaches to the sentence: its preposition and anchor word."""
    span = _span(doc, place.start, place.end)
    if span is None:
        return None
    c = cues()
    of_nouns: dict[str, str] = c["of_nouns"]
    kinds = _words("feature_nouns")
    tok = span.root
    near = False
    via_of = False
    modifier = False
    reference = False
    owned = _words("owned_nouns")
    locative = _words("in_preps") | _words("near_preps")
    for _ in range(5):  # climb "the outskirts of the city of X"
        if tok.dep_ == "poss" and tok.head is not tok:
            if tok.head.lower_ not in owned and not _placed_possession(tok.head, place,
                                                                        locative):
                # "Syria's army": an actor, not a place; but "Mexico's police chief was
                # shot", "Baghdad's main bridges were destroyed": the owner locates a victim
                return _Tie(place, "owner" if _object_of(tok.head, trigger, c, people=True)
                            else "from", near, tok.head)
            near = near or of_nouns.get(tok.head.lower_) == "near"  # "Beirut's suburbs"
            tok = tok.head  # "Chechnya's towns", "along Zaire's border"
            via_of = True
        while tok.dep_ in {"conj", "appos", "compound", "amod"} and tok.head is not tok \
                and (tok.head.pos_ == "PROPN" or tok.head.lower_ in kinds):
            tok = tok.head
        while tok.dep_ in {"conj", "appos"} and tok.head is not tok:
            tok = tok.head
        if _modifies_noun(tok, place, trigger):
            # "in a Lima safe house", "the Ramallah area", "Dallas police": the place is where
            # the thing named is
            tok = tok.head
            modifier = True
            continue
        if tok.dep_ in OBJECT_DEPS:
            # "rebels captured Birao", "Kabul was shelled", "Chechnya's towns were destroyed"
            return _Tie(place, "in" if via_of else "object", near, tok.head, modifier,
                        tok.dep_)
        if tok.dep_ != "pobj":
            # "10 km north of Baghdad": the direction word hangs on the verb directly
            return _Tie(place, "in" if via_of else None, near,
                        tok.head if tok.head is not tok else tok, modifier, tok.dep_,
                        reference)
        prep = tok.head
        word = prep.lower_
        if prep.dep_ == "pcomp" or (word == "to" and prep.head.lower_ == "close"):
            near = True  # "close to X"
        if word == "of" and prep.head.pos_ == "PROPN" and prep.head.ent_type_ == "ORG":
            return None  # "the Islamic State of Iraq and al-Sham": part of a group's name
        if word == "of" and (prep.head.lower_ in of_nouns or _in_locative_phrase(
                prep.head, locative, c) or _object_of(prep.head, trigger, c)):
            near = near or of_nouns.get(prep.head.lower_) == "near"
            reference = reference or prep.head.lower_ in _words("direction_words")
            tok = prep.head
            via_of = True
            continue
        if word == "to" and prep.head.lower_ == "according":
            return None  # "according to Washington": who says, not where
        if word in c["near_preps"]:
            near = True
        if word == "from" and _distance_from(prep):
            # "15 km from Kandahar", "not far from Grozny": near the town, not out of it
            return _Tie(place, "near", True, prep.head, modifier,
                        reference=prep.nbor(-1).lower_ != "far")
        return _Tie(place, word, near, prep.head, modifier, reference=reference)
    return None


def _distance_from(prep: Token) -> bool:
    """ "from" after a distance ("15 km from", "miles away from") or "not far from"."""
    if prep.i < 1:
        return False
    before = prep.nbor(-1)
    if before.lower_ == "far":
        return before.i >= 1 and before.nbor(-1).lower_ == "not"
    return before.lower_ in _words("distance_words")


def _placed_possession(noun: Token, place: Place, locative: set[str]) -> bool:
    """ "at Bethlehem's Church of the Nativity", "near Tehran university's campus": what a
    town owns, named under a locative preposition, is in the town. A country's possession
    is not ("outside Israel's embassy" may be anywhere), except the seats of its state
    ("near Pakistan's parliament")."""
    seat = noun.lower_ in _words("seat_nouns")
    named = seat or noun.pos_ == "PROPN" or noun.lower_ in _words("local_nouns") \
        or noun.lower_ in _words("facility_words") or noun.lower_ in _words("feature_nouns")
    return ((place.feature != "country" or seat) and named and noun.dep_ == "pobj"
            and noun.head.lower_ in locative)


def _modifies_noun(tok: Token, place: Place, trigger: Token | None) -> bool:
    """A town or region used as a modifier of a common noun ("a Baghdad cafe"); a country so
    used is mostly an actor ("a US air strike") and does not count."""
    return (tok.dep_ in {"compound", "nmod"} and tok.head is not tok
            and tok.head.pos_ == "NOUN" and tok.head != trigger
            and place.feature != "country"
            and (place.feature is not None or place.lat is None)
            and tok.head.lower_ not in _person_nouns(True))


def _object_of(noun: Token, trigger: Token | None, c: dict, people: bool = False) -> bool:
    """ "patrolled the streets of Freetown", "captured one-third of Croatia": the trigger's
    object passes the place on, unless it is a person or body ("the president of Iraq");
    with ``people`` persons count too ("Japan's police chief was shot")."""
    return (trigger is not None and noun.head == trigger and noun.dep_ in OBJECT_DEPS
            and noun.ent_type_ != "PERSON"  # "Torres, 18, of Atlanta, was shot": her home
            and (people or noun.lower_ not in _person_nouns(True))
            and (noun.lower_ not in _words("of_abstract_nouns")
                 or noun.lower_ in _words("held_nouns")))


@cache
def _words(name: str) -> frozenset[str]:
    """A cue word list of data/cues.yaml as a set, built once (rank checks run per place,
    per event)."""
    return frozenset(cues()[name])


@lru_cache(maxsize=2)
def _person_nouns(bodies: bool) -> frozenset[str]:
    """People (and, with ``bodies``, institutions) a place name describes, not locates."""
    words = _words("person_nouns")
    return words | _words("body_nouns") if bodies else words


def _in_locative_phrase(noun: Token, locative: set[str], c: dict) -> bool:
    """ "in the jungles of Colombia", "at the gates of Kabul": a noun already placed by a
    locative preposition passes it on to its "of" complement, unless it is abstract ("in
    support of", "in protest of")."""
    return (noun.dep_ == "pobj" and noun.head.lower_ in locative
            and noun.lower_ not in _words("of_abstract_nouns") and noun.pos_ == "NOUN")


def _inside_near_phrase(anchor: Token, trigger: Token, c: dict) -> bool:
    """The place hangs inside a "near ..." phrase ("near the Sheikh Maqsoud district in
    Aleppo"): it only locates the reference point, so it is no closer than "near"."""
    near = _words("near_preps")
    tok = anchor
    for _ in range(6):
        if tok == trigger or tok.head is tok:
            return False
        if tok.dep_ == "prep" and tok.lower_ in near:
            return True
        tok = tok.head
    return False


def _governs(verb: Token, trigger: Token) -> bool:
    """The trigger is a participle or subject-less conjunct of ``verb``, so shares its place:
    "stormed the village, killing 39", "raided and burned the town"."""
    return trigger.head == verb and trigger.dep_ in SHARED_DEPS and verb.pos_ == "VERB" \
        and not _own_clause(trigger)


def _own_clause(token: Token) -> bool:
    """A conjunct verb with its own subject is a clause of its own ("... and mortars were
    fired at a base in Gaza"), unless it only adds to the toll ("two were killed and five
    wounded when ...")."""
    return token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children) \
        and token.lemma_.lower() not in _words("toll_verbs")


def _modified_place(doc: Doc, place: Place, trigger: Token) -> bool:
    """The trigger is a participle or relative clause of the place itself: "Eastern
    Slavonia, captured by the Serbs in 1991", "the town that rebels stormed", "Iraq, whose
    bases were bombed"."""
    span = _span(doc, place.start, place.end)
    if span is None or trigger.dep_ not in ("acl", "relcl"):
        return False
    relative = any(c.tag_ in ("WDT", "WP", "WP$", "WRB") or c.lower_ == "that"
                   for c in trigger.subtree if c.i < trigger.i)
    if trigger.tag_ != "VBN" and not relative:
        return False  # "BAGHDAD -- A car bomb detonated ...": a dateline, not a relative
    tok = span.root
    while tok.dep_ in {"conj", "appos"} and tok.head is not tok:
        tok = tok.head
    return trigger.head == tok


def _path_length(a: Token, b: Token) -> tuple[int, int]:
    """(tree distance, clause boundaries crossed) between two tokens of one sentence."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return 99, 9
    i, j = up_a.index(common), up_b.index(common)
    crossed = sum(1 for t in up_a[:i] if _opens_clause(t, b))
    crossed += sum(1 for t in up_b[:j] if _opens_clause(t, b))
    return i + j, crossed


def _opens_clause(token: Token, trigger: Token) -> bool:
    """A clause boundary on the way between place and trigger; "stormed the checkpoints
    located at X" only says where the trigger's object is and is no boundary."""
    if token.dep_ == "acl" and token.lemma_.lower() in _words("placing_verbs") \
            and token.head.head == trigger and token.head.dep_ in OBJECT_DEPS:
        return False
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in _words("catenatives"):
        return False  # "were able to make headway in X", "tried to storm X"
    return token.dep_ in CLAUSE_DEPS or _own_clause(token)


def _precision(place: Place, near: bool) -> str:
    if place.feature == "country":
        return "country"
    if place.feature in REGION_FEATURES:
        return "region"
    return "near" if near else "exact"


_SPECIFIC = {"city": 0, "place": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4,
             "continent": 5}
# Level of a name a local noun marks ("the Shaab neighbourhood", "the village of Sousan"):
# narrower than any town.
LOCAL = -1
# Level of an unresolved name: mostly a village or quarter the gazetteer lacks.
UNRESOLVED = 0

Rank = tuple[int, int, int, int, int]


def _level(doc: Doc, place: Place, unresolved: frozenset[int] = frozenset()) -> int:
    """How narrow a place is: gazetteer feature, narrowed by a local noun next to it.
    ``unresolved`` holds the start offsets of names the gazetteer does not know: in "the
    Sarajevo suburb of Ilidza" the unknown name is the narrower one, in "the Amil
    neighbourhood of Baghdad" the name before the noun."""
    span = _span(doc, place.start, place.end)
    if span is not None:
        local = _words("local_nouns")
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ == "refugee" and after.i + 1 < len(doc):
            after = doc[after.i + 1]
        admin = _words("admin_words")
        if after is not None and after.lower_ in local and not (
                after.lower_ in admin and place.feature in REGION_FEATURES):
            # "the Shaab neighbourhood", but "Guntur district" is the district itself
            nxt = after.i + 1 < len(doc) and doc[after.i + 1]
            beyond = after.i + 2 < len(doc) and doc[after.i + 2].idx in unresolved
            if place.lat is None or not (nxt and nxt.lower_ == "of" and beyond):
                return LOCAL
        if span.start >= 3 and doc[span.start - 1].lower_ == "of" \
                and doc[span.start - 2].lower_ in _words("local_of_nouns") \
                and (not doc[span.start - 3].text[:1].isupper() or place.lat is None):
            return LOCAL  # "the village of Sousan", "the Sarajevo suburb of Ilidza"
        if span.start >= 2 and doc[span.start - 1].lower_ == "of" \
                and doc[span.start - 2].lower_ in _words("town_part_nouns") \
                and any(c.dep_ == "poss" for c in doc[span.start - 2].children):
            return LOCAL  # "Baghdad's southern district of Saiydiah"
    if span is not None and place.lat is None and span[-1].lower_ in _words(
            "town_part_nouns") and span.end < len(doc) and doc[span.end].lower_ == "of":
        return LOCAL  # "the Suleimaniyeh District of Aleppo": a part of the town
    named = _named_feature(span)
    if place.lat is None:
        return _SPECIFIC[named] if named else UNRESOLVED
    level = _SPECIFIC.get(place.feature or "", 6)
    return max(level, _SPECIFIC[named]) if named else level


def _named_feature(span: Span | None) -> str | None:
    """The feature a name's own last word gives it ("Sewry District" admin2, "Zabol
    Province" admin1), whatever the gazetteer resolved the name to."""
    if span is None or len(span) < 2 or not span[-1].text[:1].isupper():
        return None
    feature = cues()["feature_nouns"].get(span[-1].lower_)
    return feature if feature in ("admin1", "admin2") else None


def locate(doc: Doc, trigger_start: int, trigger_end: int, places: list[Place],
           fallback: Place | None, fallback_is_dateline: bool = False,
           containers: dict[int, Place] | None = None,
           gaz: Gazetteer | None = None, event_type: str | None = None,
           rivals: Sequence[tuple[int, int]] = ()) -> Place | None:
    """The event's location as a copy of a Place with ``precision`` set, or None.

    ``fallback`` (the dateline or focus place) is used when nothing in the trigger's sentence
    locates the event; when the sentence only names an origin, only a dateline is used.
    Among tied places, one the event is "in" beats a reference point it is "near" or "south
    of", and a narrower place beats a wider one at the same distance from the trigger.
    ``containers`` maps the start of a part of a place ("the Lido area of Mogadishu") to
    its container: an event at a part the gazetteer cannot place keeps the part's words
    with the container's coordinates, precision "near".
    With ``gaz``, a fallback in another country than every place the paragraph names gives
    way to the paragraph's country. For ``event_type`` a physical act on territory (an
    attack, a patrol, a seizure: "ASSAULT", "COERCE/seize" with the mode), a country as the
    trigger's object is where it happened ("bombed Syria"); for others it is only a party
    ("condemned Syria"); nor, for those others, is a place that hangs on one of ``rivals``
    (the triggers of the sentence's events of other types): "protested against the attack
    on Iraq"."""
    trig_span = _span(doc, trigger_start, trigger_end)
    if trig_span is None:
        return _inferred(_paragraph_fallback(doc, trigger_start, places, fallback, gaz))
    trigger = _trigger_word(trig_span)
    sent = trigger.sent
    c = cues()
    locative = _words("in_preps") | _words("near_preps")
    in_sentence = [p for p in places if sent.start_char <= p.start < sent.end_char]
    ranked: list[tuple[Rank, Place, bool]] = []
    anchors: dict[int, Token] = {}
    preps: dict[int, str | None] = {}
    references: set[int] = set()
    origins = 0
    unresolved = frozenset(p.start for p in in_sentence if p.lat is None)
    territorial = _territorial(event_type)
    owners = set() if territorial else _rival_heads(doc, rivals, trigger)
    for place in in_sentence:
        tie = _tie(doc, place, trigger)
        if tie is None or _under(tie.anchor, owners, trigger):
            continue
        if tie.prep in c["origin_preps"]:
            origins += 1
            continue
        level = _level(doc, place, unresolved)
        near = tie.near
        object_ok = (place.feature != "country" or (
            territorial and tie.dep == "dobj")) and not (
            _person_named_like_a_town(doc, place, tie, trigger))
        if _modified_place(doc, place, trigger):
            rank: Rank = (0, 0, 1, 2, level)
        elif tie.prep in c["destination_preps"] and tie.anchor != trigger \
                and not (tie.anchor.head == trigger and tie.anchor.dep_ == "dobj") \
                and not _governs(tie.anchor, trigger) \
                and tie.anchor.lower_ not in _words("to_place_heads"):
            continue  # "taken into Lebanon", "Blair's visit to Beirut": a destination
        elif tie.prep in locative:
            dist, crossed = _path_length(tie.anchor, trigger)
            if tie.anchor.head == trigger and tie.anchor.dep_ in OBJECT_DEPS:
                dist = 0  # "killed a farmer in Ogbe village": the victim's place is the event's
            if crossed > 1:
                continue
            near = tie.near or _inside_near_phrase(tie.anchor, trigger, c)
            # a reference point ("90 km south of X") gives way to a place named as the spot
            rank = (crossed, int(near) + int(tie.reference), 0, dist, level)
        elif tie.prep is None and tie.anchor == trigger and place.feature == "city" \
                and tie.dep not in SUBJECT_DEPS:
            rank = (0, 0, 1, 1, level)  # "the Baghdad protests"
        elif tie.prep == "object" and tie.anchor == trigger and object_ok:
            rank = (0, 0, 1, 2, level)
        elif tie.prep == "object" and object_ok and _governs(tie.anchor, trigger):
            rank = (1, 0, 1, 3, level)  # "stormed the village of X, killing 39"
        elif tie.prep == "object" and object_ok and _governs(trigger, tie.anchor):
            rank = (1, 0, 1, 4, level)  # "executed 24 civilians after capturing X village"
        elif tie.prep == "owner":
            rank = (0, 0, 2, 2, level)
        else:
            continue
        ranked.append((rank, place, near))
        anchors[place.start] = tie.anchor
        preps[place.start] = tie.prep
        if tie.reference:
            references.add(place.start)
    ranked = _without_containers(doc, ranked, anchors, frozenset(references))
    if ranked:
        # a resolved place before an unresolved one of equal standing; unresolved ones are
        # still the event's place by name ("the T-4 airbase") when nothing else is tied
        ranked.sort(key=lambda x: (x[0], x[1].lat is None))
        _rank, place, near = _narrowest(doc, ranked, preps)
        outer = (containers or {}).get(place.start)
        if place.lat is None and outer is not None and outer.lat is not None:
            # "the Lido area of Mogadishu": the words the report gives, the container's
            # coordinates, and a precision that says they are only close
            return replace(outer, text=place.text, start=place.start, end=place.end,
                           precision="near")
        return replace(place, precision=_precision(place, near))  # type: ignore[arg-type]
    if origins and not fallback_is_dateline:
        return None
    return _inferred(_paragraph_fallback(doc, trigger_start, places, fallback, gaz))


def _without_containers(doc: Doc, ranked: list[tuple[Rank, Place, bool]],
                        anchors: dict[int, Token], references: frozenset[int] = frozenset()
                        ) -> list[tuple[Rank, Place, bool]]:
    """Drop a place that only says where another tied place is ("patrol Liberia in west
    Africa", "captured Irbil in northern Iraq") or renames it ("the Al Thawra District (Sadr
    City)"): the other one is where it happened."""
    if len(ranked) < 2:
        return ranked
    spans = {p.start: _span(doc, p.start, p.end) for _r, p, _n in ranked}

    nouns = _words("feature_nouns") | _words("local_nouns")
    parts = _words("town_part_nouns") | _words("container_part_nouns")
    named = frozenset(i for s in spans.values() if s is not None for i in range(s.start, s.end))

    def inside(token: Token, place: Place, noun: bool = True) -> bool:
        """In the other place's words, or (with ``noun``) the place noun right after them
        ("Isabela town")."""
        span = spans[place.start]
        if span is None:
            return False
        end = span.end + (noun and span.end < len(doc) and doc[span.end].lower_ in nouns)
        return span.start <= token.i < end

    def describes(place: Place, other: Place) -> bool:
        """The place only locates or renames the other ("Liberia in west Africa", "the Al
        Thawra District (Sadr City)"), or its phrase hangs on the other and it is no
        narrower ("Kisangani, capital of Haut Zaire province")."""
        span = spans[place.start]
        if span is None:
            return False
        if inside(anchors[place.start], other) or (
                span.root.dep_ == "appos" and inside(span.root.head, other)):
            return True
        theirs = spans[other.start]
        chained = theirs is not None and bool(named.intersection(range(theirs.end, span.start)))
        if theirs is not None and other.start not in references \
                and _placed_in(doc, theirs, span, nouns, named) and (
                _level(doc, place) >= _level(doc, other) + int(chained)
                if other.lat is not None
                else theirs.root.dep_ == "pobj" or doc[theirs.end].lower_ in nouns or (
                    1 < span.start - theirs.end <= 3
                    and not named.intersection(range(theirs.end, span.start)))):
            # "Djakana in the commune of Mora", "Najarah in eastern Aleppo", however the
            # parser hung "in"; not after a reference point ("north of Baghdad in Samarra"),
            # nor after an unknown name that may be a person's ("captured Ocalan in Kenya")
            return True
        root = span.root
        if theirs is not None and root.dep_ == "pobj" and root.head.lower_ == "of" \
                and root.head.head.i == theirs.end and root.head.head.lower_ in parts \
                and (other.lat is None or _level(doc, place) > _level(doc, other)):
            # "the Sayidda Zaynab district of Damascus"; but in "the Homs neighbourhood of
            # Baba Amr" the city only says where the named part is
            return True
        if root.dep_ == "poss" and inside(root.head, other):
            return True  # "Yala's Betong district": the owner of the other's place noun
        if span.root.dep_ == "poss" and span.root.head.lower_ in nouns:
            # "Congo's capital, Kinshasa": the owner of the place noun the other renames
            noun, theirs = span.root.head, spans[other.start]
            if theirs is not None and (
                    (theirs.root.dep_ == "appos" and theirs.root.head == noun)
                    or (theirs.start == noun.i + 2 and doc[noun.i + 1].text == ",")):
                return True
        tok = span.root
        for _ in range(8):
            if (tok == anchors[place.start] and tok.dep_ != "appos") or tok.head is tok:
                return False
            tok = tok.head
            if inside(tok, other, noun=False):
                # a narrower place is what the other is said to contain ("the capital of
                # the Central African Republic, Bangui"), not a description of it
                mine, theirs = _level(doc, place), _level(doc, other)
                return mine > theirs or (mine == theirs and place.start > other.start)
        return False

    kept = [r for r in ranked if not any(
        q.start != r[1].start and describes(r[1], q) for _r, q, _n in ranked)]
    return kept or ranked


def _placed_in(doc: Doc, inner: Span, outer: Span, nouns: frozenset[str],
               named: frozenset[int] = frozenset()) -> bool:
    """The words right after ``inner`` put it in ``outer``: "Zafaraniya district in southern
    Baghdad", "Lubumbashi in mineral-rich Shaba province", "Djakana, in the commune of Mora"
    (a place noun, a comma, an in-preposition, then only lower-case words or the words of
    other tied places: "Sontyo village in Wukari local government area of Taraba state")."""
    i = inner.end
    while i < outer.start and (doc[i].lower_ in nouns or doc[i].text == ","):
        i += 1
    if i >= outer.start or doc[i].lower_ not in _words("container_in_preps"):
        return False
    between = doc[i + 1:outer.start]
    return len(between) <= 8 and all(
        t.is_lower or t.i in named or t.is_punct and t.text == "-" for t in between) \
        and not any(t.pos_ in ("VERB", "AUX") for t in between)


def _narrowest(doc: Doc, ranked: list[tuple[Rank, Place, bool]],
               preps: dict[int, str | None]) -> tuple[Rank, Place, bool]:
    """The best-ranked tie, or a town inside it tied as closely: "Iraq captures Irbil in
    northern Iraq", "his West Bank headquarters in Ramallah" happened in the town."""
    best = ranked[0]
    level = _SPECIFIC.get(best[1].feature or "", 6)
    if level < 1 or best[1].lat is None:
        return best
    for cand in ranked[1:]:
        place = cand[1]
        if cand[0][:2] == best[0][:2] and place.lat is not None \
                and _level(doc, place) < level \
                and place.country == best[1].country:
            return cand
    if level >= _SPECIFIC["admin1"]:
        # "a patrol near Kandahar in southern Afghanistan": in the country, near the town;
        # the town says more (the event is placed near it)
        for cand in ranked[1:]:
            place = cand[1]
            tied = cand[0][1] == best[0][1] + 1 and cand[2] \
                and preps.get(place.start) in _words("container_near_preps")
            if cand[0][0] == best[0][0] and tied and place.lat is not None \
                    and _level(doc, place) <= _SPECIFIC["admin2"] \
                    and place.country == best[1].country and _within(place, best[1]):
                return cand
    return best


def _within(place: Place, region: Place) -> bool:
    """The place lies in the country or first-level region (by the gazetteer's names)."""
    if region.feature == "country":
        return True
    return place.admin1 is not None and place.admin1 == region.admin1


def _rival_heads(doc: Doc, rivals: Sequence[tuple[int, int]], trigger: Token) -> set[int]:
    """Head tokens of the other events' triggers."""
    heads = set()
    for start, end in rivals:
        span = _span(doc, start, end)
        if span is not None and span.root != trigger:
            heads.add(span.root.i)
    return heads


def _under(anchor: Token, owners: set[int], trigger: Token) -> bool:
    """Does the place's phrase hang on another event's trigger below this one ("protested
    against the attack on Iraq": Iraq is where the attack was)?"""
    tok = anchor
    for _ in range(8):
        if tok == trigger or tok.is_ancestor(trigger):
            return False
        if tok.i in owners:
            return True
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def _person_named_like_a_town(doc: Doc, place: Place, tie: _Tie, trigger: Token) -> bool:
    """A bare town name as the object of a verb done to people ("shot Oudeh", "Stephen was
    shot") is most likely a person so named; "shot a man in a Baghdad mosque" is not this."""
    span = _span(doc, place.start, place.end)
    return (span is not None and not tie.modifier and place.feature in ("city", "place", None)
            and span.root.dep_ in OBJECT_DEPS and span.root.head == trigger
            and trigger.lemma_.lower() in _words("person_target_verbs"))


def _territorial(event_type: str | None) -> bool:
    """Is the event an act on territory? ``event_type`` is "TYPE" or "TYPE/mode"."""
    kinds = _words("territorial_types")
    return event_type is not None and (event_type in kinds
                                       or event_type.split("/")[0] in kinds)


def _trigger_word(span: Span) -> Token:
    """The word of the trigger that places attach to: its verb when it has one ("Kirkuk,
    captured": the participle, not the town it modifies), else its head."""
    if span.root.pos_ in ("VERB", "AUX"):
        return span.root
    return next((t for t in span if t.pos_ == "VERB"), span.root)


def _inferred(fallback: Place | None) -> Place | None:
    if fallback is None or fallback.lat is None:
        return None
    return replace(fallback, precision="inferred")


def explicit(doc: Doc, place: Place) -> bool:
    """Is the place named as a place? A country as an actor's modifier or owner ("US
    forces", "America's allies") or as a subject ("the US said") names who acts, not where;
    towns and regions always count."""
    if place.feature != "country":
        return True
    span = _span(doc, place.start, place.end)
    if span is None:
        return True
    tok = span.root
    if tok.dep_ in {"compound", "nmod", "amod"} and tok.head.pos_ in {"NOUN", "PROPN"}:
        return False
    if tok.dep_ == "poss":
        return tok.head.lower_ in _words("owned_nouns")
    return tok.dep_ not in {"nsubj", "nsubjpass"}


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    """Character bounds of the paragraph (line) holding ``offset``."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _paragraph_fallback(doc: Doc, offset: int, places: list[Place], fallback: Place | None,
                        gaz: Gazetteer | None) -> Place | None:
    """The fallback, unless the paragraph up to the event names places only in other
    countries: then the place it names (a town when it names one town, else its country).
    Why: a focus counted over the whole article, or a dateline, says less than the story so
    far ("... a hotel in Mogadishu. Six people were killed ..." is not in the US). Places
    named after the event do not count: they tend to be consequences elsewhere ("the
    wounded were flown to Germany")."""
    if gaz is None or fallback is None or fallback.lat is None:
        return fallback
    start, _ = _paragraph(text_of(doc), offset)
    named = [p for p in places if start <= p.start < offset and p.lat is not None
             and p.country and p.start != fallback.start and explicit(doc, p)]
    if not named or any(p.country == fallback.country for p in named):
        return fallback

    def standing(iso3: str) -> tuple[int, int]:
        """How often the paragraph names the country, then how late before the event."""
        mine = [p for p in named if p.country == iso3]
        return len(mine), max((p.start for p in mine if p.start < offset), default=-1)

    iso3: str = max({p.country for p in named}, key=standing)  # type: ignore[arg-type]
    mine = [p for p in named if p.country == iso3]
    if len({p.geonameid for p in mine}) == 1 and mine[0].feature != "country":
        return mine[0]
    entry = gaz.country(iso3)
    if entry is None:
        return fallback
    own = next((p for p in mine if p.feature == "country"), mine[0])
    return Place(text=own.text, start=own.start, end=own.end, name=entry.name,
                 country=entry.country, lat=entry.lat, lon=entry.lon,
                 geonameid=entry.geonameid, feature="country", confidence=own.confidence)
