"""Eval reports in the terminal: per-article rows, the overall line, the bar, and comparisons."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from summarizer.evaluation.metrics import ArticleScore, Hits
from summarizer.evaluation.report import LOWER_IS_BETTER, Change, EvalReport

_PERCENT = {"who_recall", "where_recall", "spans_exact", "names_in_article", "dropped_share", "validity", "rouge_l"}


def _hits(hits: Hits) -> str:
    return f"{hits.hit}/{hits.total}" if hits.total else "–"


def _value(metric: str, value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.1%}" if metric in _PERCENT else f"{value:,.1f}"


def _row(score: ArticleScore) -> list[str]:
    if score.error:
        return [score.id, f"[red]failed:[/] {score.error}", "", "", "", "", "", "", "", ""]
    return [
        score.id,
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


def render_report(report: EvalReport, console: Console) -> None:
    table = Table(
        title=f"{report.model} ({report.backend}) · {report.prompt_version} · {report.gold}", title_justify="left"
    )
    for header in (
        "article",
        "who",
        "where",
        "exact spans",
        "names in text",
        "dropped",
        "ROUGE-L",
        "calls",
        "tokens",
        "seconds",
    ):
        table.add_column(header, justify="left" if header == "article" else "right", no_wrap=header == "article")
    for score in report.articles:
        table.add_row(*_row(score))
    console.print(table)
    missed = [(s.id, s.who_missed, s.where_missed) for s in report.articles if s.who_missed or s.where_missed]
    for article_id, who, where in missed:
        parts = [f"who: {', '.join(who)}" if who else "", f"where: {', '.join(where)}" if where else ""]
        console.print(f"[dim]missed in {article_id}: {'; '.join(p for p in parts if p)}[/]", highlight=False)
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
    for result in report.bar:
        mark = "[green]✓[/]" if result.met else "[red]✗[/]" if result.met is False else "[dim]–[/]"
        console.print(
            f"  {mark} {result.label}: {_value(result.metric, result.value)} (bar {result.op} {_value(result.metric, result.target)})",
            highlight=False,
        )


def render_comparison(before: EvalReport, after: EvalReport, changes: list[Change], console: Console) -> None:
    table = Table(
        title=f"A: {before.prompt_version} {before.model} ({before.created:%Y-%m-%d %H:%M})  →  "
        f"B: {after.prompt_version} {after.model} ({after.created:%Y-%m-%d %H:%M})",
        title_justify="left",
    )
    for header in ("metric", "A", "B", "change"):
        table.add_column(header, justify="left" if header == "metric" else "right")
    for change in changes:
        delta = change.delta
        if delta is None or abs(delta) < 1e-9:
            shown = "–" if delta is None else "="
        else:
            better = (delta < 0) if change.metric in LOWER_IS_BETTER else (delta > 0)
            sign = "+" if delta > 0 else "−"
            amount = f"{abs(delta) * 100:.1f} pts" if change.metric in _PERCENT else f"{abs(delta):,.1f}"
            shown = f"[{'green' if better else 'red'}]{sign}{amount}[/]"
        table.add_row(
            change.metric.replace("_", " "),
            _value(change.metric, change.before),
            _value(change.metric, change.after),
            shown,
        )
    console.print(table)
    rows = {s.id: s for s in before.articles}
    for score in after.articles:
        old = rows.get(score.id)
        if old is None:
            continue
        moved = [
            f"{name} {_hits(getattr(old, name))} → {_hits(getattr(score, name))}"
            for name in ("who", "where")
            if getattr(old, name) != getattr(score, name)
        ]
        if moved:
            console.print(f"[dim]{score.id}: {'; '.join(moved)}[/]", highlight=False)
