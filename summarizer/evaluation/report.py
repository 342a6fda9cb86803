"""The eval report: JSON on disk, the quality bar, and the change between two reports."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from summarizer.errors import ConfigError
from summarizer.evaluation.metrics import ArticleScore, Overall
from summarizer.files import write_atomically

REPORT_VERSION = 1
"""The format of the report's JSON, written into every report; raised when a field changes meaning."""


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

BARS: dict[str, tuple[Target, ...]] = {
    "gum": BAR,
    "polnear": (
        Target("sources_recall", ">=", 0.70, "source recall (named/described)"),
        Target("sources_precision", ">=", 0.85, "source precision"),
        Target("sources_content", ">=", 0.90, "evidence covers what was said"),
        Target("validity", ">=", 1.0, "valid briefs"),
    ),
    "meantime": (
        Target("judged_per_brief", ">=", 2.0, "judgeable events per brief"),
        Target("status_right", ">=", 0.85, "event status right"),
        Target("lead_uncertain", ">=", 0.60, "planned/uncertain lead event kept"),
        Target("times_recall", ">=", 0.80, "times recall"),
        Target("times_precision", ">=", 0.90, "times precision"),
        Target("who_precision", ">=", 0.90, "who precision"),
        Target("where_precision", ">=", 0.90, "where precision"),
        Target("kind_accuracy", ">=", 0.90, "who/where kind accuracy"),
        Target("who_recall", ">=", 0.88, "who recall"),
        Target("where_recall", ">=", 0.67, "where recall"),
        Target("validity", ">=", 1.0, "valid briefs"),
    ),
    "topics": (
        Target("who_precision", ">=", 0.90, "who precision"),
        Target("kind_accuracy", ">=", 0.90, "who/where kind accuracy"),
        Target("times_recall", ">=", 0.80, "times recall"),
        Target("times_precision", ">=", 0.90, "times precision"),
        Target("lead_uncertain", ">=", 0.60, "planned/uncertain lead event kept"),
        Target("sources_recall", ">=", 0.70, "source recall (named/described)"),
        Target("sources_precision", ">=", 0.85, "source precision"),
        Target("validity", ">=", 1.0, "valid briefs"),
    ),
}
"""The bars of issues 10 and 24, per gold kind; a run is held to the bars of every kind its gold holds. The topic
set's are issue 24's bars for news nobody tuned for."""


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
    datasets: list[str] = []
    """The gold kinds of the articles (gum, polnear, meantime, topics, jsonl)."""
    topics: dict[str, Overall] = {}
    """The topic set's figures per topic area, computed as ``overall`` is (empty for other gold)."""

    @property
    def meets_bar(self) -> bool:
        return all(result.met for result in self.bar)


def targets(kinds: Sequence[str] = ("gum",)) -> list[Target]:
    """The bars of these gold kinds, each metric once (the GUM bar for JSONL sets too)."""
    chosen: dict[str, Target] = {}
    for kind in dict.fromkeys(kinds):
        for target in BARS.get(kind, BAR):
            chosen.setdefault(target.metric, target)
    return list(chosen.values())


def check_bar(overall: Overall, kinds: Sequence[str] = ("gum",)) -> list[BarResult]:
    return [
        BarResult(
            metric=t.metric,
            label=t.label,
            op=t.op,
            target=t.value,
            value=getattr(overall, t.metric),
            met=t.met(overall),
        )
        for t in targets(kinds)
    ]


def write_report(report: EvalReport, path: Path) -> None:
    """Write atomically: a half-written report is never left behind."""
    write_atomically(path, report.model_dump_json(indent=2) + "\n")


def load_report(path: str | Path) -> EvalReport:
    path = Path(path)
    try:
        return EvalReport.model_validate_json(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such report (write one with `summarizer eval GOLD --report {path}`)") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not a summarizer eval report (not UTF-8 JSON)") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the report ({error.strerror})") from None
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
    "sources_recall",
    "sources_precision",
    "sources_anonymity",
    "sources_content",
    "sources_covered",
    "pronoun_sources",
    "events_per_brief",
    "judged_per_brief",
    "judged_share",
    "status_right",
    "lead_uncertain",
    "times_recall",
    "times_precision",
    "who_precision",
    "where_precision",
    "kind_accuracy",
    "others_recall",
    "others_precision",
    "others_kind_accuracy",
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
    """Overall metrics side by side (the per-article view is in the CLI table); metrics neither report has are left out."""
    changes = [Change(metric=m, before=getattr(before.overall, m), after=getattr(after.overall, m)) for m in COMPARED]
    return [c for c in changes if c.before is not None or c.after is not None]
