"""Places named as parts of another place: "the Lido beach area of Mogadishu", "Mogadishu's
Lido area", "Dahiyeh, Beirut's southern suburbs", "the village of Sousan in northern Aleppo",
"Akida village near Maiduguri".

The small name (a quarter, beach or village) is often missing from the gazetteer or shared
with a town on another continent; the container says where to look. A contained name resolves
only to a place inside or close to its container, else stays unresolved, and an event placed
at an unresolved part is placed near its container instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from gestae.geo.gazetteer import Entry
from gestae.geo.lexicon import cues
from gestae.geo.toponyms import Toponym

# A part of a town lies within this many km of the town's coordinates ...
NEAR_KM = 50.0
# ... or in the town's admin1 and no further than this.
SAME_ADMIN1_KM = 150.0
# Up to this many lower-case words between a name and its part noun ("Lido beach area").
MAX_DESCRIBERS = 2
LOCAL_FEATURES = frozenset({"city", "admin2", "place"})


@dataclass(frozen=True)
class Containment:
    """Toponym ``container`` (an index) holds the contained one. ``strong``: a part noun
    marks the contained name as local ("area", "village"), so a reading outside the container
    is wrong rather than unlikely; ``near``: it is only near ("Akida village near X")."""

    container: int
    strong: bool
    near: bool = False


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    c = cues()
    return {
        "part": frozenset(c["container_part_nouns"]),
        "local": frozenset(c["local_nouns"]),
        "local_of": frozenset(c["local_of_nouns"]),
        "skip": frozenset(c["direction_words"]) | {"the"},
        "in": frozenset(c["container_in_preps"]),
        "near": frozenset(c["container_near_preps"]),
    }


def _spans(doc: Doc, toponyms: list[Toponym]) -> list[Span | None]:
    return [doc.char_span(t.start, t.end, alignment_mode="expand") for t in toponyms]


def _skip(doc: Doc, i: int) -> int:
    """Past "the" and direction words ("of the northern ...")."""
    w = _words()
    while i < len(doc) and doc[i].lower_ in w["skip"]:
        i += 1
    return i


def _part_noun_after(doc: Doc, end: int) -> int | None:
    """Index of a part noun right after a name, past a few lower-case describing words."""
    w = _words()
    for k in range(end, min(end + MAX_DESCRIBERS + 1, len(doc))):
        if doc[k].lower_ in w["part"]:
            return k
        if not (doc[k].is_alpha and doc[k].is_lower and doc[k].pos_ in {"NOUN", "ADJ"}):
            return None  # "Lido beach area", not "Sumatra province in the district of"
    return None


def _local(doc: Doc, span: Span) -> bool:
    """A local noun marks the name: "Akida village", "the village of Sousan"."""
    w = _words()
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after in w["local"] or after in w["part"]:
        return True
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" \
        and doc[span.start - 2].lower_ in w["local_of"]


def find(doc: Doc, toponyms: list[Toponym]) -> dict[int, Containment]:
    """For each toponym named as a part of another: its container."""
    spans = _spans(doc, toponyms)
    starts = {s.start: i for i, s in enumerate(spans) if s is not None}
    w = _words()
    out: dict[int, Containment] = {}
    for i, span in enumerate(spans):
        if span is None:
            continue
        end = span.end
        noun = _part_noun_after(doc, end)
        # "the Lido beach area of Mogadishu", "the Shaab neighbourhood of Baghdad"
        if noun is not None and noun + 1 < len(doc) and doc[noun + 1].lower_ == "of":
            j = starts.get(_skip(doc, noun + 2))
            if j is not None and j != i:
                out[i] = Containment(j, strong=True)
                continue
        # "the village of Sousan in northern Aleppo", "Akida village near Maiduguri"
        k = end + 1 if end < len(doc) and doc[end].lower_ in w["local"] else end
        if _local(doc, span) and k < len(doc) and doc[k].lower_ in w["in"] | w["near"]:
            j = starts.get(_skip(doc, k + 1))
            if j is not None and j != i:
                out[i] = Containment(j, strong=True, near=doc[k].lower_ in w["near"])
                continue
        # "Dahiyeh, Beirut's southern suburbs"
        if end + 1 < len(doc) and doc[end].text == ",":
            j = starts.get(end + 1)
            if j is not None and spans[j] is not None:
                after = spans[j].end  # type: ignore[union-attr]
                if after < len(doc) and doc[after].lower_ in {"'s", "\u2019s"}:
                    k = _skip(doc, after + 1)
                    if k < len(doc) and doc[k].lower_ in w["part"]:
                        out[i] = Containment(j, strong=True)
                        continue
        # "Mogadishu's Lido area", "Baghdad's Sadr City"
        if span.start >= 2:
            k = span.start - 1
            while k > 0 and doc[k].lower_ in w["skip"] - {"the"}:
                k -= 1
            if doc[k].lower_ in {"'s", "\u2019s"}:
                owner = next((j for j, s in enumerate(spans)
                              if s is not None and s.end == k and j != i), None)
                if owner is not None:
                    out[i] = Containment(owner, strong=noun is not None)
    return out


def distance_km(a: Entry, b: Entry) -> float:
    """Great-circle distance between two entries."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        (lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def inside(entry: Entry, container: Entry) -> bool:
    """Can ``entry`` be a part of ``container``? Same country and, under a town, within
    NEAR_KM of it or in its admin1; under an admin1, in that admin1."""
    if entry.id == container.id or entry.feature in {"country", "continent", "region"}:
        return False
    if container.feature in {"region", "continent"}:
        return True
    if entry.country != container.country:
        return False
    if container.feature == "country":
        return True
    if container.feature == "admin1":
        if entry.feature == "admin1":
            return False
        if entry.admin1_code and container.admin1_code:
            return entry.admin1_code == container.admin1_code
        return distance_km(entry, container) <= NEAR_KM * 3
    if entry.feature not in LOCAL_FEATURES:
        return False
    km = distance_km(entry, container)
    same_admin = bool(entry.admin1_code) and entry.admin1_code == container.admin1_code
    return km <= NEAR_KM or (same_admin and km <= SAME_ADMIN1_KM)
