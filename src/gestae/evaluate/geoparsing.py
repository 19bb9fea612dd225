"""Geoparsing gold (LGL and GeoVirus XML): toponym recognition and resolution.

Two formats share the reader:

- LGL (``<article docid>`` with ``<toponyms><toponym>``: ``start``/``end``/``phrase`` and an
  optional ``<gaztag geonameid>`` holding ``name``, ``fcode``, ``lat``, ``lon``);
- GeoVirus (``<article>`` with ``<locations><location>``: ``name``, optional ``altName``,
  ``start``/``end``, ``lat``/``lon``, an empty ``<continent/>`` for continents). Its offsets
  are one-based; the reader checks each one against the text and shifts it where needed.

Scoring (see ``score``): a predicted place mention matches a gold toponym when the spans
overlap; resolution is scored end to end over every gold toponym that has gold coordinates.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gestae.evaluate.base import PipelineLike, Report, collect, gold_file, prf, register, safe_div
from gestae.model import Place

KM_THRESHOLD = 161.0  # 100 miles, the usual "accuracy at 161 km"
EARTH_RADIUS_KM = 6371.0088
# Features whose centre point is a convention: matched by name, whatever point each side uses.
AREA_FEATURES = frozenset({"country", "admin1", "region", "continent"})


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    names: list[str] = field(default_factory=list)  # gazetteer name first, then alternates
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # our Place.feature vocabulary, where the gold says

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class GoldArticle:
    id: str
    text: str
    date: str | None
    toponyms: list[GoldToponym]


# -- reading ------------------------------------------------------------------------------


def read(path: str | Path) -> list[GoldArticle]:
    """Read LGL or GeoVirus XML (told apart by their element names)."""
    root = ET.parse(path).getroot()
    articles = root.findall("article")
    if any(a.find("toponyms") is not None for a in articles):
        return [_read_lgl(a, n) for n, a in enumerate(articles)]
    return [_read_geovirus(a, n) for n, a in enumerate(articles)]


def fcode_feature(fcode: str | None, fclass: str | None = None) -> str | None:
    """GeoNames feature code -> Place.feature (why: scoring treats areas by name)."""
    code = (fcode or "").upper()
    if code.startswith("PCL"):
        return "country"
    if code == "ADM1":
        return "admin1"
    if code in ("ADM2", "ADM3", "ADM4", "ADMD"):
        return "admin2"
    if code == "CONT":
        return "continent"
    if code in ("RGN", "AREA", "ZN", "RGNE"):
        return "region"
    if (fclass or "").upper() == "P" or code.startswith("PPL"):
        return "city"
    return "place" if code else None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _read_lgl(article: ET.Element, n: int) -> GoldArticle:
    text = article.findtext("text") or ""
    toponyms = []
    for el in article.iter("toponym"):
        start, end = int(el.findtext("start") or 0), int(el.findtext("end") or 0)
        gold = GoldToponym(start=start, end=end, text=el.findtext("phrase") or text[start:end])
        tag = el.find("gaztag")
        if tag is not None:
            gold.names = [tag.findtext("name") or gold.text]
            gold.lat, gold.lon = _float(tag.findtext("lat")), _float(tag.findtext("lon"))
            gid = tag.get("geonameid")
            gold.geonameid = int(gid) if gid and gid.isdigit() else None
            gold.feature = fcode_feature(tag.findtext("fcode"), tag.findtext("fclass"))
        toponyms.append(gold)
    dltime = article.findtext("dltime") or ""
    date = dltime[:10] if re.match(r"\d{4}-\d{2}-\d{2}", dltime) else None
    return GoldArticle(id=article.get("docid") or f"lgl-{n}", text=text, date=date,
                       toponyms=toponyms)


def _align(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """The gold offsets, shifted by one where the file counts from one."""
    if text[start:end] == name:
        return start, end
    for shift in (-1, 1):
        if text[start + shift:end + shift] == name:
            return start + shift, end + shift
    return start, end


def _read_geovirus(article: ET.Element, n: int) -> GoldArticle:
    text = article.findtext("text") or ""
    toponyms = []
    for el in article.iter("location"):
        name = el.findtext("name") or ""
        start, end = _align(text, int(el.findtext("start") or 0), int(el.findtext("end") or 0),
                            name)
        names = [name] + [a.text for a in el.findall("altName") if a.text]
        toponyms.append(GoldToponym(
            start=start, end=end, text=text[start:end], names=names,
            lat=_float(el.findtext("lat")), lon=_float(el.findtext("lon")),
            feature="continent" if el.find("continent") is not None else None))
    return GoldArticle(id=f"geovirus-{n}", text=text, date=None, toponyms=toponyms)


# -- scoring ------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def norm_name(name: str | None) -> str:
    """Case, accents, punctuation and a leading "the" do not make a different place."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters two spans share (0 when they do not overlap)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def best_prediction(gold: GoldToponym, places: Sequence[Place]) -> Place | None:
    """The overlapping predicted place, preferring one with coordinates, then more overlap."""
    hits = [p for p in places if overlap(gold.start, gold.end, p.start, p.end) > 0]
    if not hits:
        return None
    return max(hits, key=lambda p: (p.lat is not None and p.lon is not None,
                                    overlap(gold.start, gold.end, p.start, p.end)))


def same_by_name(gold: GoldToponym, pred: Place) -> bool:
    """A country or region named alike on both sides (centre points are a convention)."""
    pred_name = norm_name(pred.name)
    if not pred_name or pred_name not in {norm_name(n) for n in gold.names}:
        return False
    return gold.feature in AREA_FEATURES or pred.feature in AREA_FEATURES


def resolved_right(gold: GoldToponym, pred: Place | None) -> bool:
    """Right when the same GeoNames id, an area named alike, or within 161 km."""
    if pred is None or pred.lat is None or pred.lon is None:
        return False
    if gold.geonameid is not None and gold.geonameid == pred.geonameid:
        return True
    if same_by_name(gold, pred):
        return True
    if not gold.has_coordinates:
        return False
    assert gold.lat is not None and gold.lon is not None
    return haversine_km(gold.lat, gold.lon, pred.lat, pred.lon) <= KM_THRESHOLD


@dataclass
class GeoScores:
    metrics: dict[str, float | int | None]
    by_feature: list[list[Any]]
    misses: Counter[tuple[str, str]]


def score(gold: Sequence[GoldArticle], predictions: dict[str, list[Place]]) -> GeoScores:
    """Recognition by span overlap, resolution end to end over gold with coordinates."""
    n_pred = n_pred_hit = n_gold = n_found = 0
    n_resolvable = n_right = n_right_found = n_found_resolvable = n_within = 0
    errors: list[float] = []
    feature_counts: dict[str, list[int]] = {}
    misses: Counter[tuple[str, str]] = Counter()
    for article in gold:
        places = predictions.get(article.id, [])
        n_pred += len(places)
        n_pred_hit += sum(
            any(overlap(g.start, g.end, p.start, p.end) > 0 for g in article.toponyms)
            for p in places)
        for toponym in article.toponyms:
            n_gold += 1
            pred = best_prediction(toponym, places)
            found = pred is not None
            n_found += found
            row = feature_counts.setdefault(toponym.feature or "unknown", [0, 0, 0, 0])
            row[0] += 1
            row[1] += found
            if not toponym.has_coordinates:
                continue
            assert toponym.lat is not None and toponym.lon is not None
            n_resolvable += 1
            row[2] += 1
            right = resolved_right(toponym, pred)
            n_right += right
            row[3] += right
            if found:
                n_found_resolvable += 1
                n_right_found += right
            if pred is not None and pred.lat is not None and pred.lon is not None:
                km = haversine_km(toponym.lat, toponym.lon, pred.lat, pred.lon)
                errors.append(km)
                n_within += km <= KM_THRESHOLD
            if found and not right:
                misses[(toponym.names[0] if toponym.names else toponym.text,
                        (pred.name if pred else None) or "(no coordinates)")] += 1
    p, r, f1 = prf(n_pred_hit, n_pred - n_pred_hit, n_gold - n_found)
    metrics: dict[str, float | int | None] = {
        "precision": p, "recall": r, "f1": f1,
        "accuracy_161km": safe_div(n_right, n_resolvable),
        "accuracy_161km_found": safe_div(n_right_found, n_found_resolvable),
        "accuracy_161km_distance_only": safe_div(n_within, n_resolvable),
        "median_error_km": statistics.median(errors) if errors else None,
        "mean_error_km": statistics.fmean(errors) if errors else None,
        "gold_toponyms": n_gold, "gold_with_coordinates": n_resolvable,
        "predicted_places": n_pred, "found": n_found, "resolved_right": n_right,
    }
    by_feature = [[feat, c[0], safe_div(c[1], c[0]), c[2], safe_div(c[3], c[2]) if c[2] else None]
                  for feat, c in sorted(feature_counts.items(), key=lambda kv: -kv[1][0])]
    return GeoScores(metrics=metrics, by_feature=by_feature, misses=misses)


# -- running ------------------------------------------------------------------------------


def predicted_places(results: Iterable[Any]) -> tuple[dict[str, list[Place]], int]:
    """Places per document id from pipeline results (errors give none and are counted)."""
    return collect(results, "places")


@register("geoparsing", "LGL / GeoVirus toponym recognition and resolution (161 km)")
def run(path: Path, pipeline: PipelineLike, limit: int | None) -> Report:
    path = gold_file(path, "lgl.xml")
    gold = read(path)[:limit] if limit else read(path)
    items = [{"id": a.id, "text": a.text, "date": a.date} for a in gold]
    predictions, errors = predicted_places(pipeline.extract_many(items))
    scores = score(gold, predictions)
    metrics = dict(scores.metrics)
    metrics["errors"] = errors
    report = Report(dataset="geoparsing", path=str(path), n=int(metrics["gold_toponyms"] or 0),
                    metrics=metrics)
    report.add_table("By gold feature",
                     ["feature", "gold", "recall", "with coords", "accuracy_161km"],
                     scores.by_feature)
    report.add_table("Most frequent wrong resolutions (found toponyms)",
                     ["gold name", "predicted name", "count"],
                     [[g, p, c] for (g, p), c in scores.misses.most_common(15)])
    report.notes += [
        "precision: predicted places overlapping any gold toponym / predicted places; "
        "recall: gold toponyms overlapped by any predicted place / gold toponyms",
        "accuracy_161km: over ALL gold toponyms with gold coordinates; a toponym not found or "
        "found without coordinates is wrong; right = same geonameid, or an area "
        "(country/admin1/region/continent on either side) with the same name, or <= 161 km",
        "errors in km (median/mean) over found toponyms where both sides have coordinates, "
        "raw distance even where an area was matched by name",
        f"{metrics['gold_toponyms'] - metrics['gold_with_coordinates']} gold toponyms have "
        "no gold coordinates: counted for recognition only",
    ]
    return report
