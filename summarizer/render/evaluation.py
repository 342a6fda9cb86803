"""Eval reports in the terminal: per-article rows, the overall line, the bar, and comparisons.

Article ids, names and error messages are printed as plain text, never as Rich markup.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from summarizer.evaluation.metrics import ArticleScore, Hits, Overall
from summarizer.evaluation.report import LOWER_IS_BETTER, Change, EvalReport
from summarizer.render.control import printable, shown

_COUNTS = {
    "attempts_mean",
    "prompt_tokens_mean",
    "completion_tokens_mean",
    "latency_mean_s",
    "model_mean_s",
    "events_per_brief",
    "judged_per_brief",
}
"""Metrics shown as numbers; every other metric is a share shown as a percentage."""

_SOURCE_COLUMNS = {
    "sources": "source recall",
    "sources_precision": "precision",
    "sources_anonymity": "anon/named",
    "sources_content": "content",
    "sources_covered": "quotes covered",
    "pronoun_sources": "pronouns",
}
_EVENT_COLUMNS = {
    "events_judged": "judged",
    "status_right": "status",
    "lead_uncertain": "lead planned/unsure",
    "times": "times recall",
    "times_precision": "times prec.",
    "who_precision": "who prec.",
    "where_precision": "where prec.",
    "kind_accuracy": "kind",
}
_OVERALL_SOURCES = {
    "sources_recall": "source recall",
    "sources_precision": "precision",
    "sources_anonymity": "anonymous/named right",
    "sources_content": "content right",
    "sources_covered": "quotes covered",
    "pronoun_sources": "pronouns resolved",
}
_OVERALL_EVENTS = {
    "events_per_brief": "events per brief",
    "judged_per_brief": "judgeable per brief",
    "judged_share": "judgeable share",
    "status_right": "status right",
    "lead_uncertain": "planned/uncertain lead kept",
    "times_recall": "times recall",
    "times_precision": "times precision",
    "who_precision": "who precision",
    "where_precision": "where precision",
    "kind_accuracy": "kind accuracy",
    "others_recall": "others recall",
    "others_precision": "others precision",
    "others_kind_accuracy": "others kind",
}


def _hits(hits: Hits) -> str:
    return f"{hits.hit}/{hits.total}" if hits.total else "–"


def _value(metric: str, value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.1f}" if metric in _COUNTS else f"{value:.1%}"


def _row(score: ArticleScore) -> list[str | Text]:
    if score.error:
        return [shown(score.id), Text.assemble(("failed: ", "red"), printable(score.error)), *[""] * 8]
    return [
        shown(score.id),
        _hits(score.who),
        _hits(score.where),
        _hits(score.spans_exact),
        _hits(score.names_in_article),
        _hits(score.items_dropped),
        f"{score.rouge_l:.2f}" if score.rouge_l is not None else "–",
        str(score.attempts),
        f"{score.prompt_tokens}+{score.completion_tokens}",
        f"{score.latency_s:.1f}{' (stored)' if score.reused else ''}" if score.latency_s is not None else "–",
    ]


def _table(title: str, headers: list[str]) -> Table:
    table = Table(title=shown(title), title_justify="left")
    for header in headers:
        first = header in ("article", "topic")
        table.add_column(header, justify="left" if first else "right", no_wrap=first)
    return table


_TOPIC_COLUMNS = {
    "who_recall": "who rec.",
    "who_precision": "who prec.",
    "where_recall": "where rec.",
    "where_precision": "where prec.",
    "kind_accuracy": "kind",
    "status_right": "status",
    "lead_uncertain": "lead planned/unsure",
    "times_recall": "times rec.",
    "times_precision": "times prec.",
    "sources_recall": "sources rec.",
    "sources_precision": "sources prec.",
}


def _detail(report: EvalReport, kind: str, columns: dict[str, str], console: Console) -> None:
    """The dataset's own columns, for its articles only."""
    rows = [s for s in report.articles if s.kind == kind and not s.error]
    if not rows:
        return
    extra = ["events"] if kind in ("meantime", "topics") else []
    table = _table(f"{kind} gold", ["article", *extra, *columns.values()])
    for score in rows:
        first = [str(score.events)] if kind in ("meantime", "topics") else []
        table.add_row(shown(score.id), *first, *(_hits(getattr(score, field)) for field in columns))
    console.print(table)


def _by_topic(report: EvalReport, console: Console) -> None:
    """The topic set's figures per topic area, then overall."""
    if not report.topics:
        return
    table = _table("per topic", ["topic", "articles", *_TOPIC_COLUMNS.values()])
    for topic, overall in [*report.topics.items(), ("overall", report.overall)]:
        values = (_value(metric, getattr(overall, metric)) for metric in _TOPIC_COLUMNS)
        table.add_row(shown(topic), str(overall.articles), *values)
    console.print(table)


def _notes(console: Console, article_id: str, label: str, items: list[str]) -> None:
    if items:
        console.print(shown(f"{label} in {article_id}: {'; '.join(items)}", "dim"), highlight=False)


def _line(overall: Overall, metrics: dict[str, str]) -> str:
    shown = [f"{label} {_value(m, getattr(overall, m))}" for m, label in metrics.items()]
    return " · ".join(shown)


def render_report(report: EvalReport, console: Console) -> None:
    table = _table(
        f"{report.model} ({report.backend}) · {report.prompt_version} · {report.gold}",
        ["article", "who", "where", "exact spans", "names in text", "dropped", "ROUGE-L", "calls", "tokens", "seconds"],
    )
    for score in report.articles:
        table.add_row(*_row(score))
    console.print(table)
    _detail(report, "polnear", _SOURCE_COLUMNS, console)
    _detail(report, "meantime", _EVENT_COLUMNS, console)
    _detail(report, "topics", {**_EVENT_COLUMNS, **_SOURCE_COLUMNS}, console)
    for s in report.articles:
        parts = [
            f"who: {', '.join(s.who_missed)}" if s.who_missed else "",
            f"where: {', '.join(s.where_missed)}" if s.where_missed else "",
            f"others: {', '.join(s.others_missed)}" if s.others_missed else "",
        ]
        _notes(console, s.id, "missed", [p for p in parts if p])
        _notes(console, s.id, "sources missed", s.sources_missed)
        _notes(console, s.id, "times missed", s.times_missed)
        _notes(console, s.id, "wrong", s.wrong)
    o = report.overall
    console.print(
        f"\n[bold]{o.briefs}/{o.articles} briefs[/] · who recall {_value('who_recall', o.who_recall)}"
        f" · where recall {_value('where_recall', o.where_recall)} · exact spans {_value('spans_exact', o.spans_exact)}"
        f" · names in text {_value('names_in_article', o.names_in_article)} · dropped {_value('dropped_share', o.dropped_share)}"
        f" · ROUGE-L {_value('rouge_l', o.rouge_l)} · {_value('attempts_mean', o.attempts_mean)} calls"
        f" · {_value('prompt_tokens_mean', o.prompt_tokens_mean)}+{_value('completion_tokens_mean', o.completion_tokens_mean)} tokens"
        f" · {_value('latency_mean_s', o.latency_mean_s)} s per brief"
        + (f" (model {_value('model_mean_s', o.model_mean_s)} s)" if o.model_mean_s is not None else ""),
        highlight=False,
    )
    for metrics in (_OVERALL_SOURCES, _OVERALL_EVENTS):
        if any(getattr(o, m) is not None for m in metrics):
            console.print(_line(o, metrics), highlight=False, markup=False)
    _by_topic(report, console)
    for result in report.bar:
        mark = "[green]✓[/]" if result.met else "[red]✗[/]" if result.met is False else "[dim]–[/]"
        console.print(
            f"  {mark} {result.label}: {_value(result.metric, result.value)} (bar {result.op} {_value(result.metric, result.target)})",
            highlight=False,
        )


def _delta(change: Change) -> str:
    delta = change.delta
    if delta is None or abs(delta) < 1e-9:
        return "–" if delta is None else "="
    better = (delta < 0) if change.metric in LOWER_IS_BETTER else (delta > 0)
    sign = "+" if delta > 0 else "−"
    amount = f"{abs(delta):,.1f}" if change.metric in _COUNTS else f"{abs(delta) * 100:.1f} pts"
    return f"[{'green' if better else 'red'}]{sign}{amount}[/]"


_PER_ARTICLE: tuple[tuple[str, Callable[[ArticleScore], Hits]], ...] = (
    ("who", lambda s: s.who),
    ("where", lambda s: s.where),
    ("sources", lambda s: s.sources),
    ("source precision", lambda s: s.sources_precision),
    ("judged events", lambda s: s.events_judged),
    ("status", lambda s: s.status_right),
    ("times", lambda s: s.times),
    ("who precision", lambda s: s.who_precision),
    ("where precision", lambda s: s.where_precision),
    ("kind", lambda s: s.kind_accuracy),
)


def _points(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}"


def _topics_side_by_side(before: EvalReport, after: EvalReport, console: Console) -> None:
    """The topic set's figures per topic, A → B in percent, when either report has topics."""
    topics = sorted(set(before.topics) | set(after.topics))
    if not topics:
        return
    table = _table("per topic, A → B (%)", ["topic", *_TOPIC_COLUMNS.values()])
    for topic in [*topics, "overall"]:
        a = before.overall if topic == "overall" else before.topics.get(topic)
        b = after.overall if topic == "overall" else after.topics.get(topic)
        cells = (f"{_points(getattr(a, m, None))}→{_points(getattr(b, m, None))}" for m in _TOPIC_COLUMNS)
        table.add_row(shown(topic), *cells)
    console.print(table)


def render_comparison(before: EvalReport, after: EvalReport, changes: list[Change], console: Console) -> None:
    """Report A beside report B (a model run beside its ablation, or before beside after), metric by metric."""
    table = Table(
        title=shown(
            f"A: {before.prompt_version} {before.model} ({before.created:%Y-%m-%d %H:%M})  →  "
            f"B: {after.prompt_version} {after.model} ({after.created:%Y-%m-%d %H:%M})"
        ),
        title_justify="left",
    )
    for header in ("metric", "A", "B", "change"):
        table.add_column(header, justify="left" if header == "metric" else "right")
    for change in changes:
        table.add_row(
            change.metric.replace("_", " "),
            _value(change.metric, change.before),
            _value(change.metric, change.after),
            _delta(change),
        )
    console.print(table)
    _topics_side_by_side(before, after, console)
    rows = {s.id: s for s in before.articles}
    for score in after.articles:
        old = rows.get(score.id)
        if old is None:
            continue
        moved = [
            f"{name} {_hits(field(old))} → {_hits(field(score))}"
            for name, field in _PER_ARTICLE
            if field(old) != field(score)
        ]
        if moved:
            console.print(shown(f"{score.id}: {'; '.join(moved)}", "dim"), highlight=False)
