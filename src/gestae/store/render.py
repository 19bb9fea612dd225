"""Stored events and store statistics for people (tables) and programs (JSON, CSV)."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable
from typing import Any, TextIO

from gestae.output import actor_names

EVENT_COLUMNS = [
    "event_id", "type", "mode", "date", "date_precision", "location", "country", "admin1",
    "lat", "lon", "location_precision", "killed", "injured", "arrested", "source", "target",
    "negated", "modality", "cameo_root", "quad_class", "intensity", "acled_event_type",
    "acled_sub_event_type", "confidence", "n_articles", "urls", "evidence",
]


def _best(count: dict[str, Any] | None) -> Any:
    return None if count is None else count.get("best", count.get("low"))


def flat_event(event: dict[str, Any]) -> dict[str, Any]:
    """One CSV/table row for a stored event."""
    loc = event.get("location") or {}
    cas = event.get("casualties") or {}
    return {
        "event_id": event["event_id"], "type": event["type"], "mode": event.get("mode"),
        "date": event.get("date"), "date_precision": event.get("date_precision"),
        "location": loc.get("name") or loc.get("text"), "country": loc.get("country"),
        "admin1": loc.get("admin1"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "location_precision": loc.get("precision"),
        "killed": _best(cas.get("killed")), "injured": _best(cas.get("injured")),
        "arrested": _best(cas.get("arrested")),
        "source": actor_names(event.get("source", [])),
        "target": actor_names(event.get("target", [])),
        "negated": event.get("negated"), "modality": event.get("modality"),
        "cameo_root": event.get("cameo_root"), "quad_class": event.get("quad_class"),
        "intensity": event.get("intensity"), "acled_event_type": event.get("acled_event_type"),
        "acled_sub_event_type": event.get("acled_sub_event_type"),
        "confidence": event.get("confidence"), "n_articles": event.get("n_articles"),
        "urls": " ".join(s["url"] for s in event.get("sources", []) if s.get("url")),
        "evidence": (event.get("evidence") or {}).get("text"),
    }


def _cut(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _table_line(event: dict[str, Any], evidence_width: int) -> str:
    row = flat_event(event)
    figures = "/".join("" if row[k] is None else str(row[k])
                       for k in ("killed", "injured", "arrested"))
    who = row["source"] + (" -> " + row["target"] if row["target"] else "")
    flag = "" if not row["negated"] and row["modality"] == "asserted" else (
        "negated" if row["negated"] else row["modality"])
    return "  ".join([
        _cut(row["event_id"], 16).ljust(16), _cut(row["date"], 10).ljust(10),
        _cut(row["type"], 11).ljust(11), _cut(row["location"], 16).ljust(16),
        _cut(row["country"], 3).ljust(3), figures.rjust(8), str(row["n_articles"]).rjust(3),
        _cut(flag, 12).ljust(12), _cut(who, 30).ljust(30), _cut(row["evidence"], evidence_width),
    ])


def write_events(events: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write events as table, jsonl, json or csv; returns how many were written."""
    count = 0
    if fmt == "jsonl":
        for event in events:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "json":
        items = list(events)
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")
        count = len(items)
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(flat_event(event))
            count += 1
    else:
        width = max(shutil.get_terminal_size((160, 20)).columns - 126, 30)
        out.write("  ".join(["event".ljust(16), "date".ljust(10), "type".ljust(11),
                             "location".ljust(16), "cty", "k/i/a".rjust(8), "art",
                             "status".ljust(12), "who".ljust(30), "evidence"]) + "\n")
        for event in events:
            out.write(_table_line(event, width) + "\n")
            count += 1
    return count


def _counts(rows: list[tuple[Any, int]], indent: str = "  ") -> list[str]:
    width = max((len(str(k)) for k, _ in rows), default=0)
    return [f"{indent}{str(k).ljust(width)}  {n:>6}" for k, n in rows]


def render_stats(stats: dict[str, Any], path: str) -> str:
    """``gestae stats`` for people."""
    lines = [
        f"store {path}",
        f"  articles {stats['articles']:>8}   events {stats['events']:>8} "
        f"({stats['asserted_events']} asserted, {stats['mentions']} reports)",
        f"  skipped duplicates {stats['skipped_duplicates']}, near-duplicates linked "
        f"{stats['near_duplicate_articles']}, non-English {stats['non_english']}, "
        f"unreadable {stats['errors']}",
    ]
    for title, key in (("by type", "by_type"), ("by country (event location)", "by_country"),
                       ("by month", "by_month"), ("top actors", "top_actors")):
        lines += ["", title, *(_counts(stats[key]) or ["  (none)"])]
    return "\n".join(lines)


def _figures(cas: dict[str, Any]) -> str:
    parts = []
    for kind in ("killed", "injured", "arrested"):
        count = cas.get(kind)
        if count:
            low, best, high = count.get("low"), count.get("best"), count.get("high")
            spread = f" ({low}-{high})" if low != high and high is not None else ""
            parts.append(f"{kind} {best}{spread}")
    return ", ".join(parts) or "none reported"


def _link_line(link: dict[str, Any]) -> str:
    if link.get("correction"):
        return f"  {link['a']} + {link['b']}: joined by an analyst ({link['correction']})"
    km = "no place" if link.get("km") is None else f"{link['km']:.0f} km"
    return (f"  {link['articles'][0]} + {link['articles'][1]}: score {link['score']:.1f} = "
            f"date {link['date_score']:+.1f} ({link['gap']} days apart) "
            f"place {link['place_score']:+.1f} ({km}) actors {link['actor_score']:+.1f} "
            f"figures {link['figure_score']:+.1f} same story {link['story_score']:+.1f}")


def render_event(event: dict[str, Any]) -> str:
    """``gestae events show``: the event, each source with what it reported, the merge."""
    row = flat_event(event)
    lines = [
        f"event {event['event_id']}: {event['type']} ({event.get('mode') or 'no mode'}), "
        f"{event.get('modality')}{', negated' if event.get('negated') else ''}",
        f"  when   {row['date'] or 'unknown'} ({row['date_precision'] or '-'})",
        f"  where  {row['location'] or 'unknown'} {row['country'] or ''} "
        f"({row['location_precision'] or '-'})",
        f"  who    {row['source'] or '?'}" + (f" -> {row['target']}" if row["target"] else ""),
        f"  cost   {_figures(event.get('casualties') or {})}",
        f"  coded  PLOVER {event['type']}, CAMEO {row['cameo_root']}, quad {row['quad_class']}, "
        f"ACLED {row['acled_event_type'] or '-'} / {row['acled_sub_event_type'] or '-'}",
        "",
        f"sources ({event['n_articles']} independent article"
        f"{'s' if event['n_articles'] != 1 else ''}):",
    ]
    for src in event.get("sources", []):
        said = src.get("reported") or {}
        figures = ", ".join(f"{k} {said[k]}" for k in ("killed", "injured", "arrested")
                            if said.get(k) is not None)
        lines.append(f"  {src['article_id']} {src.get('source') or ''} {src.get('date') or ''}"
                     f" {src.get('url') or ''}".rstrip())
        lines.append(f"    said: {said.get('type')} on {said.get('date') or '?'} in "
                     f"{said.get('place') or '?'}" + (f"; {figures}" if figures else ""))
        lines.append(f"    \"{src.get('evidence')}\"")
    reported = (event.get("casualties") or {}).get("reported") or []
    if reported:
        lines += ["", "conflicting figures:"]
        lines += [f"  {r.get('role')} {r.get('value')} according to {r.get('source') or '?'}"
                  f" ({r.get('article_id')})" for r in reported]
    links = event.get("merge_links") or []
    lines += ["", "why these reports are one event:" if links else "a single report."]
    lines += [_link_line(link) for link in links]
    return "\n".join(lines)
