"""Toponym resolution: pick the gazetteer entry each mention refers to.

Each candidate gets a score from a prior (feature type, then population) plus what the
document says: the country focus (countries mentioned, countries of the cities mentioned,
demonyms, the dateline), explicit hints ("the Iraqi city of X", "X province", "Paris, Texas"),
and admin containment (Atlanta and Georgia together make Georgia the US state). Two passes: the
first resolves every mention on priors alone to estimate the focus, the second uses it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from gestae.geo.containment import Containment, inside
from gestae.geo.gazetteer import Entry, Gazetteer
from gestae.geo.lexicon import not_places
from gestae.geo.normalize import SUFFIXES, fold, key, keys
from gestae.geo.toponyms import Toponym
from gestae.model import Place

# Prior for a bare name by feature: a country outranks a city of any size with its name.
FEATURE_PRIOR = {"country": 9.0, "continent": 8.5, "region": 7.5}
ADMIN_SUFFIXES = SUFFIXES - {"city", "town", "village"}
W_QUALITY = 3.0  # per unit of match quality lost (article or suffix stripped)
W_FOCUS = 3.0  # times the share of the document's country weight
W_ADMIN_FOCUS = 2.5  # times the share of the document's admin1 weight (local news: the state)
PASSES = 2  # context passes after the first, prior-only one
W_HINT_COUNTRY = 4.0  # "the Iraqi city of X", "X, Iraq"
W_HINT_FEATURE = 2.0  # "city of X", "X province"
W_CONTAINED = 2.5  # an admin1 or country named in the document contains the candidate
W_CONTAINS = 2.5  # the candidate admin1 contains a city named in the document
W_SIBLING = 1.0  # other cities named in the document lie in the candidate city's admin1
SAME_NAME_ADMIN = -1.5  # "Baghdad" is the city unless "province" is said
W_PREFERRED = 2.0  # the default reading of a name set in data/aliases.tsv ("Washington")
W_NEARBY = 2.5  # per other name with a place close by ("Paris" and "Henry County", Tennessee)
MAX_NEARBY = 2.0  # at most this many names' worth of nearby support
CELL_DEGREES = 0.5  # grid for "close by": the same or a neighbouring cell (about 50-100 km)
LOCAL_FEATURES = frozenset({"city", "admin2"})
AREA_FEATURES = frozenset({"country", "admin1", "region", "continent"})
W_SPELLING = 3.0  # a town spelled otherwise than written, against an area spelled exactly
# A name in a list of three or more whose other members are all of one kind ("Michigan,
# Oregon, New Mexico and Ohio") is read as that kind too.
W_LIST = 2.0
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*")
# A county's population is summed from the towns geocoded into it, which can swallow a
# neighbouring metropolis; past this log10 size it says nothing more.
ADMIN2_SIZE_CAP = 5.5
# A town named only by one of its alternate names (often a foreign or historic spelling:
# "Augusta" for Augsburg) loses this much against a namesake whose main name is the mention.
W_ALTERNATE = 2.5
# ... unless it is far bigger than every such namesake: then the alternate is its exonym
# ("Cologne" for Koln beats a village called Cologne).
EXONYM_RATIO = 30
# A name matched only by its transliteration skeleton: at least this long, and this sure.
FUZZY_MIN_CHARS = 5
FUZZY_CONFIDENCE = 0.5


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
        return min(max(size, 3.0), ADMIN2_SIZE_CAP) - 0.5
    return size


def _has_admin_suffix(text: str) -> bool:
    words = fold(text).split()
    return len(words) > 1 and words[-1] in ADMIN_SUFFIXES


@dataclass
class _Context:
    """What the document as a whole says, from the previous pass."""

    country_weight: Counter[str]
    admin1_codes: Counter[str]  # ISO 3166-2 codes of admin1 entries mentioned
    city_admin1: Counter[str]  # admin1 codes of the cities mentioned
    countries_named: Counter[str]  # countries mentioned by name
    admin_weight: Counter[str]  # admin1 codes of every place mentioned (the story's state)

    def minus(self, other: _Context) -> _Context:
        """This context without ``other``'s contributions (why: a name never supports its
        own reading, however often it is repeated)."""
        fields = ("country_weight", "admin1_codes", "city_admin1", "countries_named",
                  "admin_weight")
        out = []
        for name in fields:
            mine: Counter[str] = Counter(getattr(self, name))
            mine.subtract(getattr(other, name))
            out.append(Counter({k: v for k, v in mine.items() if v > 1e-9}))
        return _Context(*out)


@dataclass
class _View:
    """The document context as seen from one mention: its own name's readings left out."""

    country_share: dict[str, float]
    admin_share: dict[str, float]
    admins: Counter[str]
    cities: Counter[str]


def _shares(weights: Counter[str]) -> dict[str, float]:
    total = sum(v for v in weights.values() if v > 0)
    return {k: v / total for k, v in weights.items() if v > 0} if total > 0 else {}


def _view(ctx: _Context) -> _View:
    return _View(_shares(ctx.country_weight), _shares(ctx.admin_weight),
                 ctx.admin1_codes, ctx.city_admin1)


def _cell(entry: Entry) -> tuple[int, int]:
    return math.floor(entry.lat / CELL_DEGREES), math.floor(entry.lon / CELL_DEGREES)


class _Nearby:
    """Which other names of the document have a town or county close to a candidate.

    Every candidate of another name counts, weighted down for names with many namesakes
    (a lone "Springfield" says little); its reading of the last pass counts in full."""

    def __init__(self, names: list[str], cands: list[list[tuple[Entry, float]]]) -> None:
        self.cells: dict[str, dict[tuple[int, int], float]] = {}
        for name, c in zip(names, cands, strict=True):
            if name in self.cells:
                continue
            local = [e for e, _q in c if e.feature in LOCAL_FEATURES]
            weight = min(1.0, 2.0 / len(local)) if local else 0.0
            self.cells[name] = self._cover(local, weight)
        self.readings: dict[str, dict[tuple[int, int], float]] = {}

    @staticmethod
    def _cover(entries: list[Entry], weight: float) -> dict[tuple[int, int], float]:
        out: dict[tuple[int, int], float] = {}
        for e in entries:
            y, x = _cell(e)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    out[(y + dy, x + dx)] = weight
        return out

    def read(self, names: list[str], current: list[Entry | None]) -> None:
        """Take the readings of the last pass."""
        self.readings = {}
        for name, e in zip(names, current, strict=True):
            if e is not None and e.feature in LOCAL_FEATURES:
                self.readings.setdefault(name, {}).update(self._cover([e], 1.0))

    def support(self, entry: Entry, name: str) -> float:
        if entry.feature not in LOCAL_FEATURES:
            return 0.0
        cell = _cell(entry)
        total = 0.0
        for other, cells in self.cells.items():
            if other != name:
                total += max(cells.get(cell, 0.0),
                             self.readings.get(other, {}).get(cell, 0.0))
        return min(total, MAX_NEARBY)


def _main_name_matches(entry: Entry, mention: frozenset[str]) -> bool:
    """True if the entry's own (main) name, not only an alternate of it, is the mention."""
    return bool(mention & set(keys(entry.name, gazetteer_name=True)))


def _alternate_only(cands: list[tuple[Entry, float]], top: Toponym) -> set[int]:
    """Ids of towns matched only through an alternate name while some other candidate town
    or county bears the mention as its main name (why: a main name is what local news
    writes; alternates are mostly other languages' or history's names)."""
    mention = frozenset(k for k in keys(top.text) if k)
    local = [e for e, _q in cands if e.feature in LOCAL_FEATURES]
    main = [e.population for e in local if _main_name_matches(e, mention)]
    if not main:
        return set()
    ceiling = EXONYM_RATIO * max(max(main), 1)
    return {e.id for e in local if e.feature == "city" and e.population < ceiling
            and not _main_name_matches(e, mention)}


def _misspelt_towns(cands: list[tuple[Entry, float]], top: Toponym) -> set[int]:
    """Towns that match only once spellings are loosened ("Iraan" for "Iran") while a
    country or state is spelled exactly as written."""
    written = fold(top.text)
    if not any(fold(e.name) == written and e.feature in AREA_FEATURES for e, _q in cands):
        return set()
    return {e.id for e, _q in cands if e.feature in LOCAL_FEATURES and fold(e.name) != written}


def _score(entry: Entry, quality: float, top: Toponym, view: _View | None,
           neighbour: Entry | None, siblings: list[Entry],
           preferred: bool = False, nearby: float = 0.0,
           alternate: bool = False, list_kind: str | None = None,
           misspelt: bool = False) -> dict[str, float]:
    """The parts of a candidate's score, by reason (their sum is the score)."""
    parts: dict[str, float] = {"prior": _prior(entry)}
    if misspelt:
        parts["spelled otherwise"] = -W_SPELLING
    if list_kind is not None and entry.feature == list_kind:
        parts["listed with others of its kind"] = W_LIST
    if alternate and not preferred:
        parts["alternate name only"] = -W_ALTERNATE
    if nearby > 0:
        parts["close to other places named"] = W_NEARBY * nearby
    if quality < 1.0:
        parts["partial name"] = -W_QUALITY * (1.0 - quality)
    if preferred:
        parts["default reading"] = W_PREFERRED
    admin_said = _has_admin_suffix(top.text) or top.feature_hint in {"admin1", "admin2"}
    if entry.feature in {"admin1", "admin2"}:
        if admin_said:
            parts["admin word"] = W_HINT_FEATURE + 1.0
        elif any(s.feature == "city" and s.admin1_code == entry.admin1_code
                 for s in siblings):
            parts["namesake city"] = SAME_NAME_ADMIN
    if top.feature_hint and top.feature_hint == entry.feature:
        parts["feature word"] = W_HINT_FEATURE
    if top.country_hint and entry.country == top.country_hint:
        parts["country word"] = W_HINT_COUNTRY
    if neighbour is not None and neighbour is not entry:
        # "Paris, Texas" / "Nasiriyah, Iraq"
        same_country = neighbour.feature == "country" and entry.country == neighbour.country
        same_admin = neighbour.feature == "admin1" and entry.admin1_code == neighbour.admin1_code
        if same_country or same_admin:
            parts["named with " + neighbour.name] = W_HINT_COUNTRY
    if view is None:
        return parts
    if entry.country and view.country_share.get(entry.country):
        parts["document country"] = W_FOCUS * view.country_share[entry.country]
    code = entry.admin1_code
    local = entry.feature in {"city", "admin2"}
    if local and code and view.admin_share.get(code):
        parts["document state/province"] = W_ADMIN_FOCUS * view.admin_share[code]
    if local and code and view.admins[code] > 0:
        parts["in a region named"] = W_CONTAINED
    if entry.feature == "admin1" and code and view.cities[code] > 0:
        parts["contains a city named"] = W_CONTAINS
    if entry.feature == "city" and code and view.cities[code] > 0:
        parts["near other cities named"] = W_SIBLING
    return parts


@dataclass
class Scored:
    """One candidate with its score and the parts that make it up."""

    entry: Entry
    quality: float
    score: float
    parts: dict[str, float]


def rank(cands: list[tuple[Entry, float]], top: Toponym, ctx: _Context | None,
         neighbour: Entry | None, gaz: Gazetteer | None = None,
         nearby: _Nearby | None = None, list_kind: str | None = None) -> list[Scored]:
    """Candidates best first; the name as written beats forms with an article or suffix
    stripped."""
    if any(q == 1.0 for _e, q in cands):
        cands = [(e, q) for e, q in cands if q == 1.0]
    siblings = [e for e, _q in cands]
    if any(e.feature not in LOCAL_FEATURES for e in siblings):
        nearby = None  # closeness picks among towns; it never demotes a country or state
    view = _view(ctx) if ctx is not None else None
    alternates = _alternate_only(cands, top)
    misspelt = _misspelt_towns(cands, top)
    out = []
    for e, q in cands:
        parts = _score(e, q, top, view, neighbour, siblings,
                       gaz is not None and gaz.is_preferred(top.text, e),
                       nearby.support(e, key(top.text)) if nearby is not None else 0.0,
                       e.id in alternates, list_kind, e.id in misspelt)
        out.append(Scored(e, q, sum(parts.values()), parts))
    out.sort(key=lambda x: (-x.score, -x.entry.population, x.entry.id))
    return out


def _confidence(scored: list[Scored]) -> float:
    margin = scored[0].score - scored[1].score if len(scored) > 1 else 3.0
    confidence = scored[0].quality / (1.0 + math.exp(-1.5 * margin))
    return round(min(max(confidence, 0.05), 0.99), 2)


def _best(cands: list[tuple[Entry, float]], top: Toponym, ctx: _Context | None,
          neighbour: Entry | None,
          gaz: Gazetteer | None = None) -> tuple[Entry | None, float | None]:
    if not cands:
        return None, None
    scored = rank(cands, top, ctx, neighbour, gaz)
    return scored[0].entry, _confidence(scored)


def _neighbours(toponyms: list[Toponym], text: str) -> dict[int, int]:
    """Index of the toponym right after "X, " for each X ("Paris, Texas")."""
    out: dict[int, int] = {}
    for i in range(len(toponyms) - 1):
        gap = text[toponyms[i].end:toponyms[i + 1].start]
        if gap.strip() == ",":
            out[i] = i + 1
    return out


def _lists(toponyms: list[Toponym], text: str) -> dict[int, list[int]]:
    """For each mention in a run of three or more joined by commas, "and" or "or": the
    others of the run."""
    runs: list[list[int]] = []
    for i, t in enumerate(toponyms):
        if runs and _LIST_GAP.fullmatch(text[toponyms[i - 1].end:t.start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return {i: [j for j in run if j != i] for run in runs if len(run) >= 3 for i in run}


def _list_kind(i: int, lists: dict[int, list[int]], current: list[Entry | None]) -> str | None:
    """The feature at least three quarters of the other members of the mention's list
    share, if there is one (one odd reading does not break the run)."""
    kinds = Counter(current[j].feature for j in lists.get(i, ()) if current[j] is not None)
    if not kinds:
        return None
    kind, n = kinds.most_common(1)[0]
    return kind if n >= 2 and n >= 0.75 * len(lists[i]) else None


def _named_with(i: int, nb: dict[int, int], current: list[Entry | None]) -> Entry | None:
    """The area a mention is qualified by: the next name after its comma, or further down a
    chain of them when that one is only a town or county ("Guildford, Surrey, UK")."""
    j = nb.get(i)
    first = current[j] if j is not None else None
    seen = {i}
    while j is not None and j not in seen:
        entry = current[j]
        if entry is not None and entry.feature in {"country", "admin1"}:
            return entry
        seen.add(j)
        j = nb.get(j)
    return first


def _context(entries: list[Entry | None], extra: Counter[str]) -> _Context:
    weight: Counter[str] = Counter()
    for iso, n in extra.items():
        weight[iso] += 0.5 * n
    admins: Counter[str] = Counter()
    cities: Counter[str] = Counter()
    named: Counter[str] = Counter()
    admin_weight: Counter[str] = Counter()
    for entry in entries:
        if entry is None:
            continue
        if entry.admin1_code and entry.feature in {"admin1", "admin2", "city"}:
            admin_weight[entry.admin1_code] += 1.0
        if entry.country:
            weight[entry.country] += 1.0
        if entry.feature == "country" and entry.country:
            named[entry.country] += 1
        if entry.feature == "admin1" and entry.admin1_code:
            admins[entry.admin1_code] += 1
        elif entry.feature == "city" and entry.admin1_code:
            cities[entry.admin1_code] += 1
    return _Context(weight, admins, cities, named, admin_weight)


class _State:
    """The readings so far within one pass. A mention sees the latest reading of every other
    one (why: updating all at once lets two names swap their states back and forth, Walker
    County and Huntsville each following the other's old reading)."""

    def __init__(self, current: list[Entry | None], names: list[str], extra: Counter[str],
                 own_extra: dict[str, Counter[str]], nearby: _Nearby) -> None:
        self.current = list(current)
        self.names = names
        self.extra = extra
        self.own_extra = own_extra
        self.nearby = nearby
        self._refresh()

    def _refresh(self) -> None:
        self.ctx = _context(self.current, self.extra)
        self.nearby.read(self.names, self.current)
        self.own: dict[str, _Context] = {}

    def view_for(self, name: str) -> _Context:
        """The document context without this name's own readings."""
        if name not in self.own:
            mine = [e for e, m in zip(self.current, self.names, strict=True) if m == name]
            self.own[name] = _context(mine, self.own_extra.get(name, Counter()))
        return self.ctx.minus(self.own[name])

    def update(self, i: int, entry: Entry | None) -> None:
        if entry is not self.current[i]:
            self.current[i] = entry
            self._refresh()


def candidates(top: Toponym, gaz: Gazetteer) -> list[tuple[Entry, float]]:
    """Gazetteer candidates of a toponym. A facility ("White House") only matches a place's
    main name, never an alternate one (Casablanca's English name is "White House")."""
    state = gaz.abbreviation(top.text, after_comma=top.label == "STATE")
    if state is not None:
        return [(state, 1.0)]
    if fold(top.text) in not_places():
        return []
    if top.generic:  # "Washington" in "Dakota and Washington counties"
        full = [(e, q) for e, q in gaz.lookup(f"{top.text} {top.generic}")
                if e.feature == "admin2"]
        if full:
            return full
    cands = gaz.lookup(top.text)
    if top.label == "FAC":
        mention = set(keys(top.text)) - {""}
        cands = [(e, q) for e, q in cands if key(e.name) in mention]
    return cands


def resolve(toponyms: list[Toponym], text: str, gaz: Gazetteer,
            demonyms: Counter[str] | None = None,
            containers: dict[int, Containment] | None = None) -> list[Resolution]:
    """Resolve every toponym of one document; unresolvable ones keep ``entry=None``.
    ``containers`` (from :func:`gestae.geo.containment.find`) confines parts of a place
    ("the Lido area of Mogadishu") to readings inside it."""
    return resolve_with_context(toponyms, text, gaz, demonyms, containers)[0]


def _confined(cands: list[tuple[Entry, float]], within: Containment | None,
              current: list[Entry | None]) -> list[tuple[Entry, float]]:
    """The candidates a container allows: those inside it; under a strong tie (a part noun)
    none else, under a weak one all when none is inside."""
    if within is None or not cands:
        return cands
    container = current[within.container]
    if container is None:
        return cands
    kept = [(e, q) for e, q in cands if inside(e, container)]
    return kept if kept or within.strong else cands


def _story_countries(entries: list[Entry | None]) -> frozenset[str]:
    """Countries the document's places are in (read, not merely hinted by a demonym)."""
    return frozenset(e.country for e in entries if e is not None and e.country)


def _fuzzy(top: Toponym, gaz: Gazetteer, within: Containment | None,
           current: list[Entry | None], countries: frozenset[str]) -> Entry | None:
    """A transliteration variant the exact keys miss ("Tell Abiad" for Tall Abyad): taken
    only when exactly one place with the same skeleton lies in the container, or else in the
    countries the document's other places are in."""
    if len(fold(top.text).replace(" ", "")) < FUZZY_MIN_CHARS or top.label == "FAC" \
            or fold(top.text) in not_places():
        return None
    container = current[within.container] if within is not None else None
    if container is not None:
        found = [e for e in gaz.fuzzy(top.text) if inside(e, container)]
    else:
        found = [e for e in gaz.fuzzy(top.text) if e.country in countries
                 and e.feature != "country"]
    return found[0] if len(found) == 1 else None


def resolve_with_context(toponyms: list[Toponym], text: str, gaz: Gazetteer,
                         demonyms: Counter[str] | None = None,
                         containers: dict[int, Containment] | None = None
                         ) -> tuple[list[Resolution], list[list[Scored]]]:
    """:func:`resolve`, also giving each mention's ranked candidates of the last pass."""
    within = containers or {}
    cands = [candidates(t, gaz) for t in toponyms]
    nb = _neighbours(toponyms, text)
    first: list[Entry | None] = []
    for t, c in zip(toponyms, cands, strict=True):
        first.append(_best(c, t, None, None, gaz)[0])
    for i in within:  # parts read on priors too, but only inside their container's reading
        first[i] = _best(_confined(cands[i], within[i], first), toponyms[i], None, None,
                         gaz)[0]
    # neighbours resolved on priors; a neighbour's own choice does not depend on X
    extra = Counter(demonyms or {})
    own_extra: dict[str, Counter[str]] = {}
    for t, e in zip(toponyms, first, strict=True):
        if t.in_dateline and e is not None and e.country:
            extra[e.country] += 2
            # the dateline's own reading must not vote for itself ("MANSFIELD -- ... Mansfield")
            own_extra.setdefault(key(t.text), Counter())[e.country] += 2
    current = first
    out: list[Resolution] = []
    ranked: list[list[Scored]] = []
    names = [key(t.text) for t in toponyms]
    lists = _lists(toponyms, text)
    nearby = _Nearby(names, cands)
    for _ in range(PASSES):
        out, ranked = [], []
        state = _State(current, names, extra, own_extra, nearby)
        for i, (t, c) in enumerate(zip(toponyms, cands, strict=True)):
            neighbour = _named_with(i, nb, state.current)
            c = _confined(c, within.get(i), state.current)
            scored = rank(c, t, state.view_for(names[i]), neighbour, gaz, nearby,
                          _list_kind(i, lists, state.current)) if c else []
            ranked.append(scored)
            chosen = scored[0].entry if scored else None
            out.append(Resolution(t, chosen, _confidence(scored) if scored else None))
            state.update(i, chosen)
        current = [r.entry for r in out]
    countries = _story_countries(current)
    for i, res in enumerate(out):
        if res.entry is None:
            guess = _fuzzy(res.toponym, gaz, within.get(i), current, countries)
            if guess is not None:
                out[i] = Resolution(res.toponym, guess, FUZZY_CONFIDENCE)
    return out, ranked


def to_place(res: Resolution) -> Place:
    """The contract's Place for one mention (``precision`` stays None for mentions)."""
    t, e = res.toponym, res.entry
    if e is None:
        return Place(text=t.text, start=t.start, end=t.end)
    return Place(text=t.text, start=t.start, end=t.end, name=e.name, country=e.country,
                 admin1=e.admin1 if e.feature not in {"country", "continent", "region"} else None,
                 lat=round(e.lat, 5), lon=round(e.lon, 5), geonameid=e.geonameid,
                 feature=e.feature, confidence=res.confidence)  # type: ignore[arg-type]
