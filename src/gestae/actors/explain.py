"""What the actor knowledge base holds, and why a name resolves the way it does.

Backs ``gestae actors`` (list the entries) and ``gestae actors --lookup NAME --date DAY``
(the entry, the alias that matched, the dated role in force and the resulting coding).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gestae.actors.arguments import regions
from gestae.actors.kb import NAME, Entry, Term, norm, skeleton
from gestae.actors.resolver import ActorResolver, term_in_force
from gestae.actors.tokens import Match

# ``kind`` filters on the entry type or on the coded kind, whichever the user means.
ENTRY_TYPES = ("country", "organisation", "person", "role", "marker")


def _term_dict(term: Term | None) -> dict[str, Any] | None:
    if term is None:
        return None
    return {"start": term.start.isoformat() if term.start else None,
            "end": term.end.isoformat() if term.end else None,
            "sector": term.sector, "sectors": list(term.sectors), "title": term.title,
            "country": term.country if term.overrides_country else None,
            "code": term.code if term.overrides_country else None}


def entry_dict(entry: Entry) -> dict[str, Any]:
    """One knowledge-base entry as plain data (for listing and JSON output)."""
    return {"id": entry.id, "type": entry.type, "kind": entry.kind, "name": entry.name,
            "country": entry.country, "code": entry.code, "sector": entry.sector,
            "sectors": list(entry.sectors), "aligned": entry.aligned,
            "phrases": {use: list(p) for use, p in entry.phrases.items() if p},
            "roles": [_term_dict(t) for t in entry.terms],
            "source": Path(entry.source).name if entry.builtin else entry.source}


def list_entries(kind: str | None = None,
                 files: Sequence[str | os.PathLike[str]] = ()) -> list[dict[str, Any]]:
    """Every entry, sorted by type and id; ``kind`` keeps one entry type (country,
    organisation, person, role, marker, region) or one coded kind (state, group, ...). World
    regions (data/regions.yaml) come last: an argument naming one is coded by its CAMEO
    region code."""
    kb = ActorResolver(files).kb
    wanted = kind.lower().removesuffix("s") if kind else None
    wanted = {"countrie": "country", "organization": "organisation"}.get(wanted or "", wanted)
    by_type = wanted in ENTRY_TYPES
    out = [entry_dict(e) for e in kb.entries.values()
           if wanted is None or (e.type if by_type else e.kind) == wanted]
    if wanted in (None, "region"):
        out += [{"id": f"region/{code}", "type": "region", "code": code,
                 "phrases": {"name": list(names)}} for code, names in regions()]
    return sorted(out, key=lambda d: (ENTRY_TYPES.index(d["type"])
                                      if d["type"] in ENTRY_TYPES else 99, d["id"]))


def _matched_phrase(entry: Entry, match: Match, words: str) -> str | None:
    """The data phrase (name, alias, demonym, term) the words matched."""
    phrases = entry.phrases.get(match.use, [])
    key = norm(words)
    for phrase in phrases:
        if norm(phrase) == key or norm(phrase.removeprefix("the ")) == key:
            return phrase
    if match.fuzzy:
        target = "".join(skeleton(w) for w in words.split())
        for phrase in phrases:
            if "".join(skeleton(w) for w in phrase.split()) == target:
                return phrase
    return None


def lookup(name: str, date: dt.date | None = None,
           files: Sequence[str | os.PathLike[str]] = ()) -> dict[str, Any]:
    """How ``name`` resolves on ``date`` and why: the coded actor, the entry, the phrase of
    the data that matched (and whether by spelling variant), and the role in force."""
    resolver = ActorResolver(files)
    actor = resolver.resolve(name, 0, len(name), date)
    result: dict[str, Any] = {"query": name, "date": date.isoformat() if date else None,
                              "found": actor is not None,
                              "actor": actor.to_dict() if actor else None,
                              "entry": None, "matched": None, "role_in_force": None,
                              "reason": ""}
    if actor is None:
        result["reason"] = "no name, demonym, capital or role noun of the knowledge base here"
        return result
    head = _head_match(resolver, name)
    if head is None or not head.entry.id:
        result["reason"] = "an unknown name: coded from its words only"
        return result
    entry = head.entry
    tokens = resolver.phrase_tokens(name, 0, len(name))
    words = name[tokens.idx[head.start] - tokens.idx[0]:tokens.end_char(head.end - 1)
                 - tokens.idx[0]]
    phrase = _matched_phrase(entry, head, words)
    term = term_in_force(entry, date)
    result["entry"] = entry_dict(entry)
    result["matched"] = {"text": words, "phrase": phrase, "use": head.use,
                         "spelling_variant": head.fuzzy}
    result["role_in_force"] = _term_dict(term)
    result["reason"] = _reason(entry, head, phrase, term, date, actor.to_dict())
    return result


def _head_match(resolver: ActorResolver, name: str) -> Match | None:
    """The match that heads the longest mention of ``name`` (what the coding came from)."""
    toks = resolver.phrase_tokens(name, 0, len(name))
    matches = resolver.find_matches(toks)
    mentions = resolver._mentions(toks, matches, phrase_mode=True)  # noqa: SLF001
    if not mentions:
        return matches[-1] if matches else None
    best = max(mentions, key=lambda m: m.end - m.start)
    return best.head


def _reason(entry: Entry, head: Match, phrase: str | None, term: Term | None,
            date: dt.date | None, actor: dict[str, Any]) -> str:
    how = {NAME: "a name of"}.get(head.use, f"a {head.use} of")
    said = f"{phrase!r} is {how} {entry.id}" if phrase else f"matches {entry.id}"
    if head.fuzzy:
        said += " (a spelling variant, matched by consonant skeleton)"
    parts = [said]
    if entry.terms:
        when = date.isoformat() if date else "the latest date in the data"
        if term is None:
            parts.append(f"no dated role covers {when}")
        else:
            span = f"{term.start or '...'} to {term.end or 'now'}"
            parts.append(f"on {when} the role in force is {term.title or term.sector} "
                         f"({span}, {term.sector})")
    code = actor.get("country") or actor.get("code") or "no country"
    parts.append(f"coded {code} {actor.get('sector') or ''}".rstrip())
    return "; ".join(parts)
