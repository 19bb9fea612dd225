"""ConfliBERT CAMEO sentences -> source and target actor spans.

Gold: ``cameo_ner_train.txt``, one ``token TAG`` a line, a blank line between sentences, BIO
tags over three labels: S source, T target, R both (an R span is a gold S span and a gold T
span). An I- tag that does not continue a span of its own label starts a new span.

The file has tokens, not text: ``detokenize`` rebuilds a readable sentence and the character
offsets of every token (no space before closing punctuation, none inside "Syria-related",
"06:00", "352.5", "2,374" or a possessive "’s"), and that text is what the pipeline reads.

Predicted spans: the ``source`` / ``target`` actors of the **first event** (the headline, as
"the" event of a sentence is the first one in the contract); the same figures over the
actors of **all events** are reported beside them. A predicted actor's character span is
mapped to the tokens it overlaps, so spans are compared as token ranges.

Reciprocal events: PLOVER codes a meeting without a host and a visitor, and two-sided
fighting, with every party as actor and no recipient (manual, "Compound and Reciprocal
Actors"); CAMEO codes the same report as events in both directions, and the gold marks such
parties R. So the actors of an event coded by a two-sided pattern (``two_sided: true`` in the
trigger files) that has no recipient count as source and as target. The figures without
this reading are reported beside the headline ("exact, one-way").

Metrics per role (source S, target T), micro-averaged over all sentences:
- exact: a predicted span is a true positive when a gold span of the same role in the same
  sentence has exactly the same tokens; P = TP / predicted spans, R = TP / gold spans.
- overlap: P = predicted spans sharing at least one token with a gold span of the role /
  predicted spans; R = gold spans sharing a token with a predicted span / gold spans.
- coordination: exact, except that the gold and gestae may split a coordination
  differently. The gold tags "India and Pakistan" as one span in some sentences and as two in
  others; gestae always gives one actor per conjunct. A gold span counts as found when
  predicted spans of the role inside it cover all its tokens but the conjunctions and commas
  between them, and likewise a predicted span that covers several gold spans that way; every
  span of such a tiling counts as right. Reported beside the headline, never instead of it.
F1 = 2PR / (P + R). Headline ``source_f1`` / ``target_f1`` are exact, first event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from gestae.coding.patterns import load_patterns
from gestae.evaluate.base import PipelineLike, Report, predict, register, safe_div
from gestae.evaluate.base import gold_file as base_gold_file

DEFAULT_FILE = "cameo_ner_train.txt"
ROLES: dict[str, str] = {"S": "source", "T": "target"}

# Detokenizing: which tokens sit against their neighbours without a space.
CLOSERS = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "'s", "’s", "n't",
                     "'", "’", "´"})
OPENERS = frozenset({"(", "[", "{", "$", "€", "£", "“", "‘"})
JOINERS = frozenset({"-", "/"})
APOSTROPHES = frozenset({"'", "’", "´"})
SUFFIXES = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})

TokenSpan = tuple[int, int]  # first token, one past the last token
COORDINATORS = frozenset({"and", ",", "&", "both", "as", "well"})


@dataclass(frozen=True)
class Sentence:
    id: str
    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    text: str
    offsets: tuple[tuple[int, int], ...]  # character span of each token in ``text``
    gold: dict[str, frozenset[TokenSpan]]  # role "S" / "T" -> token spans


@dataclass(frozen=True)
class SpanScores:
    p: float
    r: float
    f1: float
    predicted: int
    gold: int
    matched_predicted: int
    matched_gold: int


# -- reading ------------------------------------------------------------------------------


def gold_file(path: Path) -> Path:
    """Accept the gold file itself or the folder that holds it."""
    return base_gold_file(path, DEFAULT_FILE)


def read_tagged(path: Path) -> list[tuple[list[str], list[str]]]:
    """Token and tag lists per sentence (``token TAG`` lines, blank line between)."""
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(gold_file(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        token, _, tag = line.strip().rpartition(" ")
        if not token or not (tag == "O" or tag[:2] in ("B-", "I-")):
            raise ValueError(f"{path}: line {number}: expected 'token TAG'")
        tokens.append(token)
        tags.append(tag)
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def _is_accent_fragment(token: str) -> bool:
    """A lone non-ASCII letter split out of a name ("Jos é" for José)."""
    return len(token) == 1 and token.isalpha() and not token.isascii()


def _glued(tokens: Sequence[str], i: int) -> bool:
    """True when token ``i`` follows token ``i - 1`` without a space."""
    prev, tok = tokens[i - 1], tokens[i]
    if tok in JOINERS or prev in JOINERS or prev in OPENERS:
        return True
    if _is_accent_fragment(tok) or (_is_accent_fragment(prev) and tok[:1].islower()):
        return True
    if prev in APOSTROPHES and tok.lower() in SUFFIXES:
        return True
    if prev in (":", ".", ",") and i >= 2 and _number_part(tokens[i - 2], prev, tok):
        return True  # "06:00", "352.5", "2,374": the file splits numbers at their marks
    return tok in CLOSERS


def _number_part(before: str, mark: str, after: str) -> bool:
    """Digits, a mark and digits that were one number: a time, a decimal or a thousands
    group (one to three digits, a comma, three digits; not "In 2012, 500 fled")."""
    if not (before.isdigit() and after.isdigit()):
        return False
    return mark != "," or (len(before) <= 3 and len(after) == 3)


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Readable text from tokens, and each token's character span in it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    for i, token in enumerate(tokens):
        if i and not _glued(tokens, i):
            parts.append(" ")
            length += 1
        offsets.append((length, length + len(token)))
        parts.append(token)
        length += len(token)
    return "".join(parts), offsets


def tag_spans(tags: Sequence[str]) -> dict[str, frozenset[TokenSpan]]:
    """Gold token spans per role from BIO tags; R spans count for both S and T."""
    found: list[tuple[str, int, int]] = []
    label, start = None, 0
    for i, tag in enumerate([*tags, "O"]):
        kind, current = tag[:1], tag[2:] or None
        if label is not None and (kind != "I" or current != label):
            found.append((label, start, i))
            label = None
        if kind == "B" or (kind == "I" and label is None):
            label, start = current, i
    spans: dict[str, set[TokenSpan]] = {role: set() for role in ROLES}
    for lab, begin, end in found:
        for role in ROLES:
            if lab in (role, "R"):
                spans[role].add((begin, end))
    return {role: frozenset(s) for role, s in spans.items()}


def read_sentences(path: Path) -> list[Sentence]:
    """Gold sentences with rebuilt text, token offsets and gold spans; ids are 1-based."""
    out = []
    for n, (tokens, tags) in enumerate(read_tagged(path), 1):
        text, offsets = detokenize(tokens)
        out.append(Sentence(str(n), tuple(tokens), tuple(tags), text, tuple(offsets),
                            tag_spans(tags)))
    return out


# -- predictions --------------------------------------------------------------------------


def token_span(offsets: Sequence[tuple[int, int]], start: int, end: int) -> TokenSpan | None:
    """The tokens a character span overlaps, as a token range (None if it overlaps none)."""
    hit = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
    return (hit[0], hit[-1] + 1) if hit else None


@lru_cache(maxsize=1)
def reciprocal_rules() -> frozenset[str]:
    """Ids of the patterns that code every party as actor (fighting, meetings)."""
    return frozenset(pattern.id for pattern in load_patterns() if pattern.two_sided)


def is_reciprocal(event: dict[str, Any]) -> bool:
    """An event whose parties are all actors, PLOVER's form of a reciprocal event."""
    rule = (event.get("evidence") or {}).get("rule")
    return rule in reciprocal_rules() and not event.get("target")


def predicted_spans(result: dict[str, Any], offsets: Sequence[tuple[int, int]],
                    first_only: bool, reciprocal: bool = True
                    ) -> dict[str, frozenset[TokenSpan]]:
    """Token spans of the source / target actors of the first (or every) event; with
    ``reciprocal`` the actors of a reciprocal event count for both roles (as gold R)."""
    events = result.get("events") or []
    if first_only:
        events = events[:1]
    spans: dict[str, set[TokenSpan]] = {role: set() for role in ROLES}
    for event in events:
        both = reciprocal and is_reciprocal(event)
        for role, field in ROLES.items():
            for actor in event.get("source" if both else field) or []:
                span = token_span(offsets, int(actor["start"]), int(actor["end"]))
                if span is not None:
                    spans[role].add(span)
    return {role: frozenset(s) for role, s in spans.items()}


# -- scoring ------------------------------------------------------------------------------


def _overlaps(span: TokenSpan, others: Iterable[TokenSpan]) -> bool:
    return any(span[0] < o[1] and o[0] < span[1] for o in others)


def score_role(gold: Sequence[frozenset[TokenSpan]], predicted: Sequence[frozenset[TokenSpan]],
               overlap: bool = False) -> SpanScores:
    """Micro P/R/F1 of one role over sentences (gold[i] and predicted[i] are sentence i)."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predictions differ in length")
    n_pred = n_gold = hit_pred = hit_gold = 0
    for g, p in zip(gold, predicted, strict=True):
        n_pred += len(p)
        n_gold += len(g)
        if overlap:
            hit_pred += sum(_overlaps(span, g) for span in p)
            hit_gold += sum(_overlaps(span, p) for span in g)
        else:
            hit_pred += len(g & p)
            hit_gold += len(g & p)
    return _scores(n_pred, n_gold, hit_pred, hit_gold)


def _scores(n_pred: int, n_gold: int, hit_pred: int, hit_gold: int) -> SpanScores:
    """P = right predictions / predictions, R = found gold / gold, and their F1."""
    precision, recall = safe_div(hit_pred, n_pred), safe_div(hit_gold, n_gold)
    f1 = safe_div(2 * precision * recall, precision + recall)
    return SpanScores(precision, recall, f1, n_pred, n_gold, hit_pred, hit_gold)


def _tiles(outer: TokenSpan, inner: Sequence[TokenSpan], tokens: Sequence[str]) -> bool:
    """Whether two or more ``inner`` spans cover ``outer`` but for coordinators between them."""
    parts = sorted(span for span in inner if outer[0] <= span[0] and span[1] <= outer[1])
    if len(parts) < 2:
        return False
    covered = {i for start, end in parts for i in range(start, end)}
    return all(i in covered or tokens[i].lower() in COORDINATORS
               for i in range(outer[0], outer[1])) and parts[0][0] == outer[0] \
        and parts[-1][1] == outer[1]


def coordination_matches(gold: frozenset[TokenSpan], predicted: frozenset[TokenSpan],
                         tokens: Sequence[str]) -> tuple[set[TokenSpan], set[TokenSpan]]:
    """Gold and predicted spans that match exactly or as the parts of one coordination."""
    gold_ok, pred_ok = set(gold & predicted), set(gold & predicted)
    for outer, inner, outer_ok, inner_ok in ((gold, predicted, gold_ok, pred_ok),
                                             (predicted, gold, pred_ok, gold_ok)):
        for span in outer - inner:
            if _tiles(span, list(inner), tokens):
                outer_ok.add(span)
                inner_ok.update(i for i in inner if span[0] <= i[0] and i[1] <= span[1])
    return gold_ok, pred_ok


def score_coordination(gold: Sequence[frozenset[TokenSpan]],
                       predicted: Sequence[frozenset[TokenSpan]],
                       tokens: Sequence[Sequence[str]]) -> SpanScores:
    """Micro P/R/F1 of one role where a coordination may be split either way (see above)."""
    n_pred = n_gold = hit_pred = hit_gold = 0
    for g, p, toks in zip(gold, predicted, tokens, strict=True):
        gold_ok, pred_ok = coordination_matches(g, p, toks)
        n_pred, n_gold = n_pred + len(p), n_gold + len(g)
        hit_pred, hit_gold = hit_pred + len(pred_ok), hit_gold + len(gold_ok)
    return _scores(n_pred, n_gold, hit_pred, hit_gold)


def score(gold: Sequence[dict[str, frozenset[TokenSpan]]],
          predicted: Sequence[dict[str, frozenset[TokenSpan]]]
          ) -> dict[tuple[str, str], SpanScores]:
    """(role, "exact" | "overlap") -> scores, for roles S and T."""
    return {(role, match): score_role([g[role] for g in gold], [p[role] for p in predicted],
                                      overlap=match == "overlap")
            for role in ROLES for match in ("exact", "overlap")}


# -- runner -------------------------------------------------------------------------------




@register("conflibert-actors", "ConfliBERT CAMEO sentences: source / target actor spans")
def run(path: Path, pipeline: PipelineLike, limit: int | None) -> Report:
    sentences = read_sentences(Path(path))[:limit]
    results = predict(pipeline, sentences)
    gold = [s.gold for s in sentences]
    pairs = list(zip(results, sentences, strict=True))
    firsts = [predicted_spans(r, s.offsets, True) for r, s in pairs]
    first = score(gold, firsts)
    every = score(gold, [predicted_spans(r, s.offsets, False) for r, s in pairs])
    one_way = score(gold, [predicted_spans(r, s.offsets, True, reciprocal=False)
                           for r, s in pairs])
    for role in ROLES:
        first[(role, "coordination")] = score_coordination(
            [g[role] for g in gold], [p[role] for p in firsts], [s.tokens for s in sentences])
        first[(role, "exact, one-way")] = one_way[(role, "exact")]
    metrics: dict[str, float | int | None] = {}
    for suffix, match in (("", "exact"), ("_overlap", "overlap"),
                          ("_coordination", "coordination"), ("_one_way", "exact, one-way")):
        for figure in ("f1", "p", "r"):
            for role, name in ROLES.items():
                metrics[f"{name}{suffix}_{figure}"] = getattr(first[(role, match)], figure)
    for suffix, match in (("", "exact"), ("_overlap", "overlap")):
        for role, name in ROLES.items():
            metrics[f"all_events_{name}{suffix}_f1"] = every[(role, match)].f1
    metrics["event_rate"] = safe_div(sum(1 for r in results if r.get("events")), len(results))
    metrics["errors"] = sum(1 for r in results if "error" in r)
    report = Report(dataset="conflibert-actors", path=str(path), n=len(sentences),
                    metrics=metrics)
    rows = []
    for events, table in (("first", first), ("all", every)):
        for (role, match), sc in table.items():
            rows.append([ROLES[role], match, events, sc.predicted, sc.gold, sc.matched_predicted,
                         sc.matched_gold, sc.p, sc.r, sc.f1])
    report.add_table("actor spans", ["role", "match", "events", "pred", "gold", "pred ok",
                                     "gold ok", "P", "R", "F1"], rows)
    report.notes += [
        "headline = source/target actors of the first event, exact token-span match; "
        "R gold spans count as both source and target",
        "text rebuilt from tokens; predicted character spans mapped to the tokens they overlap",
        "coordination: exact, but a coordination split into its conjuncts on one side and "
        "tagged whole on the other counts as the same spans",
        "reciprocal events (two-sided patterns: all parties as actor, no recipient) count their "
        "actors as source and target, as gold R; 'exact, one-way' does not",
    ]
    return report

