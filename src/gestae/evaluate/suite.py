"""Run every registered evaluation against a datasets folder and summarise the headlines."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from gestae.evaluate.base import REGISTRY, PipelineLike, Report, fmt, render_table

# Where each data set lives inside the shared datasets folder.
DEFAULT_PATHS: dict[str, str] = {
    "case2021": "case2021-task2/snippets.tsv",
    "conflibert-quad": "conflibert-cameo/cameo_class_train.tsv",
    "conflibert-actors": "conflibert-cameo/cameo_ner_train.txt",
    "petrarch-unittests": "petrarch-unittests/records.jsonl",
    "geoparsing": "geoparsing/lgl.xml",
    "geoparsing-geovirus": "geoparsing/GeoVirus.xml",
    "event-location": "event-location/labeled.jsonl",
    "tempeval": "tempeval3",
    "muc34": "muc34/muc34_dev.jsonl",
    "re3d": "re3d",
}

# The one figure per data set that the summary shows first.
HEADLINE: dict[str, tuple[str, ...]] = {
    "case2021": ("accuracy", "weighted_f1", "macro_f1"),
    "conflibert-quad": ("accuracy", "macro_f1"),
    "conflibert-actors": ("source_f1", "target_f1"),
    "petrarch-unittests": ("cameo_root_accuracy", "source_country_accuracy"),
    "geoparsing": ("precision", "recall", "accuracy_161km"),
    "event-location": ("trigger_found", "location_accuracy"),
    "tempeval": ("value_accuracy",),
    "muc34": ("incident_type_accuracy", "dead_accuracy"),
    "re3d": ("f1_exact", "f1_overlap"),
}


def run_one(name: str, path: Path, pipeline: PipelineLike, limit: int | None) -> Report:
    dataset = name.split("-geovirus")[0]
    runner, _ = REGISTRY[dataset]
    began = time.perf_counter()
    report = runner(path, pipeline, limit)
    report.seconds = time.perf_counter() - began
    if dataset != name:
        report.dataset = name
    return report


def run_all(root: Path, pipeline: PipelineLike, limit: int | None,
            echo: Callable[[str], None] = print) -> list[Report]:
    reports = []
    for name, rel in DEFAULT_PATHS.items():
        path = root / rel
        if name.split("-geovirus")[0] not in REGISTRY:
            echo(f"{name}: no scorer registered; skipped")
            continue
        if not path.exists():
            echo(f"{name}: {path} not found; skipped")
            continue
        echo(f"{name}: running on {path} ...")
        reports.append(run_one(name, path, pipeline, limit))
    return reports


def summary(reports: list[Report]) -> str:
    rows = []
    for report in reports:
        keys = HEADLINE.get(report.dataset.split("-geovirus")[0]) or tuple(report.metrics)[:3]
        figures = ", ".join(f"{k}={fmt(report.metrics.get(k))}" for k in keys
                            if k in report.metrics)  # rounded as in the reports
        rows.append([report.dataset, report.n, figures,
                     f"{report.seconds:.0f}s" if report.seconds else "-"])
    return render_table(["dataset", "n", "headline", "time"], rows)
