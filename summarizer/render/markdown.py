"""Markdown output: a readable brief with each item's evidence quoted beneath it.

Every word from the article or the model passes through ``markdown_text``: a
name, quote or note holding ``<script>`` or ``[x](javascript:...)`` is shown as
written, never as markup or a link.
"""

from __future__ import annotations

from summarizer.render.coverage import coverage_note
from summarizer.render.labels import THING_KINDS, event_detail, time_label
from summarizer.render.links import markdown_paragraphs
from summarizer.render.links import markdown_text as md
from summarizer.schema import Brief, Event, Span


def _evidence(spans: list[Span]) -> list[str]:
    return [f"  > {md(span.text)} `[{span.start}:{span.end}]`" for span in spans]


def _detail(event: Event) -> str:
    detail = event_detail(event)
    return f" {md(detail)}" if detail else ""


def _others(brief: Brief) -> list[tuple[str, list[tuple[str, list[Span]]]]]:
    """The names neither who nor where, as a section only when there are some (briefs before schema 1.7 have none)."""
    items = [(f"**{md(t.name)}** ({THING_KINDS[t.kind]})", t.evidence) for t in brief.others]
    return [("Also named", items)] if items else []


def render_markdown(brief: Brief) -> str:
    lines = [f"# {md(brief.headline)}", "", markdown_paragraphs(brief.summary), ""]
    if note := coverage_note(brief):
        lines += [f"> **Note:** {md(note)}", ""]
    sections: list[tuple[str, list[tuple[str, list[Span]]]]] = [
        (
            "Who",
            [(f"**{md(a.name)}** ({a.kind}){f': {md(a.role)}' if a.role else ''}", a.evidence) for a in brief.who],
        ),
        ("What", [(f"{md(e.description)} *({e.status})*{_detail(e)}", e.evidence) for e in brief.what]),
        ("Where", [(f"**{md(p.name)}** ({p.kind})", p.evidence) for p in brief.where]),
        *_others(brief),
        ("When", [(md(time_label(t)), t.evidence) for t in brief.when]),
        (
            "Sources",
            [
                (f"**{md(s.name)}**{' (unnamed)' if s.anonymous else ''}: {md(s.said)}", s.evidence)
                for s in brief.sources
            ],
        ),
        (
            f"Uncertainty: {brief.uncertainty.level}",
            [(md(f"{r.kind.replace('_', ' ')}: {r.note}"), r.evidence) for r in brief.uncertainty.reasons],
        ),
    ]
    for title, items in sections:
        lines += [f"## {title}", ""]
        if not items:
            lines += ["_none found_", ""]
            continue
        for label, evidence in items:
            lines += [f"- {label}", *_evidence(evidence)]
        lines.append("")
    run = brief.run
    lines.append(
        f"<sub>{md(run.model)} ({md(run.backend)}), prompt {md(run.prompt_version)}, schema {md(run.schema_version)}; "
        f"{run.prompt_tokens}+{run.completion_tokens} tokens, {run.attempts} call(s), {run.latency_s:.1f} s; "
        f"{run.dropped_items} item(s) dropped as ungrounded{'; article trimmed' if run.truncated else ''}</sub>"
    )
    return "\n".join(lines) + "\n"
