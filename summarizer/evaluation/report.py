"""The eval report: JSON on disk, the quality bar, and the change between two reports."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from summarizer.errors import ConfigError
from summarizer.evaluation.metrics import ArticleScore, Overall
from summarizer.files import write_atomically

REPORT_VERSION = 1


@dataclass(frozen=True)
class Target:
    metric: str
    op: Literal[">=", "<="]
    value: float
    label: str

    def met(self, overall: Overall) -> bool | None:
        actual = getattr(overall, self.metric)
        if actual is None:
            return None
        return bool(actual >= self.value if self.op == ">=" else actual <= self.value)


BAR: tuple[Target, ...] = (
    Target("who_recall", ">=", 0.80, "who recall"),
    Target("where_recall", ">=", 0.80, "where recall"),
    Target("spans_exact", ">=", 1.0, "exact evidence spans"),
    Target("names_in_article", ">=", 0.95, "names found in the article"),
    Target("dropped_share", "<=", 0.10, "items dropped"),
    Target("validity", ">=", 1.0, "valid briefs"),
    Target("latency_mean_s", "<=", 40.0, "mean latency (s)"),
)
"""The quality bar the embedded model must hold on the GUM news set (issue 3)."""


class BarResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    metric: str
    label: str
    op: Literal[">=", "<="]
    target: float
    value: float | None
    met: bool | None


class EvalReport(BaseModel):
    """What ``summarizer eval`` writes: the setup, the overall figures, the bar and every article."""

    model_config = ConfigDict(frozen=True)

    report_version: int = REPORT_VERSION
    created: datetime
    gold: str
    model: str
    backend: str
    prompt_version: str
    schema_version: str
    overall: Overall
    bar: list[BarResult]
    articles: list[ArticleScore]

    @property
    def meets_bar(self) -> bool:
        return all(result.met for result in self.bar)


def check_bar(overall: Overall) -> list[BarResult]:
    return [
        BarResult(
            metric=t.metric,
            label=t.label,
            op=t.op,
            target=t.value,
            value=getattr(overall, t.metric),
            met=t.met(overall),
        )
        for t in BAR
    ]


def write_report(report: EvalReport, path: Path) -> None:
    """Write atomically: a half-written report is never left behind."""
    write_atomically(path, report.model_dump_json(indent=2) + "\n")


def load_report(path: str | Path) -> EvalReport:
    path = Path(path)
    try:
        return EvalReport.model_validate_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such report (write one with `summarizer eval GOLD --report {path}`)") from None
    except (ValidationError, json.JSONDecodeError) as error:
        raise ConfigError(f"{path}: not a summarizer eval report ({error.__class__.__name__})") from error


class Change(BaseModel):
    """One metric in two reports."""

    model_config = ConfigDict(frozen=True)

    metric: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


COMPARED = (
    "who_recall",
    "where_recall",
    "spans_exact",
    "names_in_article",
    "dropped_share",
    "rouge_l",
    "validity",
    "attempts_mean",
    "prompt_tokens_mean",
    "completion_tokens_mean",
    "latency_mean_s",
    "model_mean_s",
)
LOWER_IS_BETTER = {
    "dropped_share",
    "attempts_mean",
    "prompt_tokens_mean",
    "completion_tokens_mean",
    "latency_mean_s",
    "model_mean_s",
}


def compare_reports(before: EvalReport, after: EvalReport) -> list[Change]:
    """Overall metrics side by side (the per-article view is in the CLI table)."""
    return [Change(metric=m, before=getattr(before.overall, m), after=getattr(after.overall, m)) for m in COMPARED]
