"""Toponym resolution: pick the gazetteer entry each mention refers to.

Each candidate gets a score from a prior (feature type, then population) plus what the
document says: the country focus (countries mentioned, countries of the cities mentioned,
demonyms, the dateline), explicit hints ("the Iraqi city of X", "X province", "Paris, Texas"),
and admin containment (Atlanta and Georgia together make Georgia the US state). Two passes: the
first resolves every mention on priors alone to estimate the focus, the second uses it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from gestae.geo.gazetteer import DATA, Entry, Gazetteer
from gestae.geo.normalize import SUFFIXES, fold, key, keys
from gestae.geo.toponyms import Toponym
from gestae.model import Place

# Prior for a bare name by feature: a country outranks a city of any size with its name.
FEATURE_PRIOR = {"country": 9.0, "continent": 8.5, "region": 7.5}
ADMIN_SUFFIXES = SUFFIXES - {"city", "town", "village"}
W_QUALITY = 3.0  # per unit of match quality lost (article or suffix stripped)
W_FOCUS = 1.5  # times the share of the document's country weight
W_HINT_COUNTRY = 4.0  # "the Iraqi city of X", "X, Iraq"
W_HINT_FEATURE = 2.0  # "city of X", "X province"
W_CONTAINED = 2.5  # an admin1 or country named in the document contains the candidate
W_CONTAINS = 2.5  # the candidate admin1 contains a city named in the document
W_SIBLING = 1.0  # other cities named in the document lie in the candidate city's admin1
SAME_NAME_ADMIN = -1.5  # "Baghdad" is the city unless "province" is said
W_PREFERRED = 2.0  # the default reading of a name set in data/aliases.tsv ("Washington")


@dataclass
class Resolution:
    """A toponym with its chosen entry (or none) and a confidence."""

    toponym: Toponym
    entry: Entry | None
    confidence: float | None


def _prior(entry: Entry) -> float:
    if entry.feature in FEATURE_PRIOR:
        return FEATURE_PRIOR[entry.feature]
    size = math.log10(entry.population + 1)
    if entry.feature == "admin1":
        return min(size, 7.0) + 0.5
    if entry.feature == "admin2":
        return max(size, 3.0) - 0.5
    return size


def _has_admin_suffix(text: str) -> bool:
    words = fold(text).split()
    return len(words) > 1 and words[-1] in ADMIN_SUFFIXES


@dataclass
class _Context:
    """What the document as a whole says, from the first pass."""

    country_weight: Counter[str]
    admin1_codes: Counter[str]  # ISO 3166-2 codes of admin1 entries mentioned
    city_admin1: Counter[str]  # admin1 codes of the cities mentioned
    countries_named: Counter[str]  # countries mentioned by name


def _score(entry: Entry, quality: float, top: Toponym, ctx: _Context | None,
           own: Entry | None, neighbour: Entry | None, siblings: list[Entry],
           preferred: bool = False) -> float:
    score = _prior(entry) - W_QUALITY * (1.0 - quality) + (W_PREFERRED if preferred else 0.0)
    admin_said = _has_admin_suffix(top.text) or top.feature_hint in {"admin1", "admin2"}
    if entry.feature in {"admin1", "admin2"}:
        if admin_said:
            score += W_HINT_FEATURE + 1.0
        elif any(s.feature == "city" and s.admin1_code == entry.admin1_code
                 for s in siblings):
            score += SAME_NAME_ADMIN
    if top.feature_hint and top.feature_hint == entry.feature:
        score += W_HINT_FEATURE
    if top.country_hint and entry.country == top.country_hint:
        score += W_HINT_COUNTRY
    if neighbour is not None and neighbour is not entry:
        # "Paris, Texas" / "Nasiriyah, Iraq"
        same_country = neighbour.feature == "country" and entry.country == neighbour.country
        same_admin = neighbour.feature == "admin1" and entry.admin1_code == neighbour.admin1_code
        if same_country or same_admin:
            score += W_HINT_COUNTRY
    if ctx is None:
        return score
    weights = Counter(ctx.country_weight)
    if own is not None and own.country:
        weights[own.country] -= 1.0
    total = sum(v for v in weights.values() if v > 0)
    if total > 0 and entry.country:
        score += W_FOCUS * max(weights[entry.country], 0.0) / total
    admins = Counter(ctx.admin1_codes)
    cities = Counter(ctx.city_admin1)
    if own is not None and own.admin1_code:
        (admins if own.feature == "admin1" else cities)[own.admin1_code] -= 1
    if entry.feature == "city" and entry.admin1_code and admins[entry.admin1_code] > 0:
        score += W_CONTAINED
    if entry.feature == "admin1" and entry.admin1_code and cities[entry.admin1_code] > 0:
        score += W_CONTAINS
    if entry.feature == "city" and entry.admin1_code and cities[entry.admin1_code] > 0:
        score += W_SIBLING
    return score


def _best(cands: list[tuple[Entry, float]], top: Toponym, ctx: _Context | None,
          own: Entry | None, neighbour: Entry | None,
          gaz: Gazetteer | None = None) -> tuple[Entry | None, float | None]:
    if not cands:
        return None, None
    if any(q == 1.0 for _e, q in cands):  # the name as written beats stripped forms
        cands = [(e, q) for e, q in cands if q == 1.0]
    siblings = [e for e, _q in cands]
    scored = sorted(((_score(e, q, top, ctx, own, neighbour, siblings,
                              gaz is not None and gaz.is_preferred(top.text, e)), q, e)
                     for e, q in cands), key=lambda x: (-x[0], -x[2].population, x[2].id))
    best_score, quality, entry = scored[0]
    margin = best_score - scored[1][0] if len(scored) > 1 else 3.0
    confidence = quality / (1.0 + math.exp(-1.5 * margin))
    return entry, round(min(max(confidence, 0.05), 0.99), 2)


def _neighbours(toponyms: list[Toponym], text: str) -> dict[int, int]:
    """Index of the toponym right after "X, " for each X ("Paris, Texas")."""
    out: dict[int, int] = {}
    for i in range(len(toponyms) - 1):
        gap = text[toponyms[i].end:toponyms[i + 1].start]
        if gap.strip() == ",":
            out[i] = i + 1
    return out


def _context(entries: list[Entry | None], extra: Counter[str]) -> _Context:
    weight: Counter[str] = Counter()
    for iso, n in extra.items():
        weight[iso] += 0.5 * n
    admins: Counter[str] = Counter()
    cities: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for entry in entries:
        if entry is None:
            continue
        if entry.country:
            weight[entry.country] += 1.0
        if entry.feature == "country" and entry.country:
            named[entry.country] += 1
        if entry.feature == "admin1" and entry.admin1_code:
            admins[entry.admin1_code] += 1
        elif entry.feature == "city" and entry.admin1_code:
            cities[entry.admin1_code] += 1
    return _Context(weight, admins, cities, named)


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Folded names never resolved (data/not_places.txt)."""
    lines = (DATA / "not_places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(x) for x in lines if x.strip() and not x.startswith("#"))


def candidates(top: Toponym, gaz: Gazetteer) -> list[tuple[Entry, float]]:
    """Gazetteer candidates of a toponym. A facility ("White House") only matches a place's
    main name, never an alternate one (Casablanca's English name is "White House")."""
    if fold(top.text) in not_places():
        return []
    cands = gaz.lookup(top.text)
    if top.label == "FAC":
        mention = set(keys(top.text)) - {""}
        cands = [(e, q) for e, q in cands if key(e.name) in mention]
    return cands


def resolve(toponyms: list[Toponym], text: str, gaz: Gazetteer,
            demonyms: Counter[str] | None = None) -> list[Resolution]:
    """Resolve every toponym of one document; unresolvable ones keep ``entry=None``."""
    cands = [candidates(t, gaz) for t in toponyms]
    nb = _neighbours(toponyms, text)
    first: list[Entry | None] = []
    for t, c in zip(toponyms, cands, strict=True):
        first.append(_best(c, t, None, None, None, gaz)[0])
    # neighbours resolved on priors; a neighbour's own choice does not depend on X
    extra = Counter(demonyms or {})
    for t, e in zip(toponyms, first, strict=True):
        if t.in_dateline and e is not None and e.country:
            extra[e.country] += 2
    ctx = _context(first, extra)
    out = []
    for i, (t, c) in enumerate(zip(toponyms, cands, strict=True)):
        neighbour = first[nb[i]] if i in nb else None
        entry, conf = _best(c, t, ctx, first[i], neighbour, gaz)
        out.append(Resolution(t, entry, conf))
    return out


def to_place(res: Resolution) -> Place:
    """The contract's Place for one mention (``precision`` stays None for mentions)."""
    t, e = res.toponym, res.entry
    if e is None:
        return Place(text=t.text, start=t.start, end=t.end)
    return Place(text=t.text, start=t.start, end=t.end, name=e.name, country=e.country,
                 admin1=e.admin1 if e.feature not in {"country", "continent", "region"} else None,
                 lat=round(e.lat, 5), lon=round(e.lon, 5), geonameid=e.geonameid,
                 feature=e.feature, confidence=res.confidence)  # type: ignore[arg-type]
