"""Markdown output: a readable brief with each item's evidence quoted beneath it."""

from __future__ import annotations

from summarizer.render.coverage import coverage_note
from summarizer.render.labels import event_detail, time_label
from summarizer.schema import Brief, Span


def _evidence(spans: list[Span]) -> list[str]:
    return [f"  > {span.text.strip()} `[{span.start}:{span.end}]`" for span in spans]


def render_markdown(brief: Brief) -> str:
    lines = [f"# {brief.headline}", "", brief.summary, ""]
    if note := coverage_note(brief):
        lines += [f"> **Note:** {note}", ""]
    sections: list[tuple[str, list[tuple[str, list[Span]]]]] = [
        ("Who", [(f"**{a.name}** ({a.kind}){f': {a.role}' if a.role else ''}", a.evidence) for a in brief.who]),
        ("What", [(f"{e.description} *({e.status})*{event_detail(e)}", e.evidence) for e in brief.what]),
        ("Where", [(f"**{p.name}** ({p.kind})", p.evidence) for p in brief.where]),
        ("When", [(time_label(t), t.evidence) for t in brief.when]),
        (
            "Sources",
            [(f"**{s.name}**{' (unnamed)' if s.anonymous else ''}: {s.said}", s.evidence) for s in brief.sources],
        ),
        (
            f"Uncertainty: {brief.uncertainty.level}",
            [(f"{r.kind.replace('_', ' ')}: {r.note}", r.evidence) for r in brief.uncertainty.reasons],
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
        f"<sub>{run.model} ({run.backend}), prompt {run.prompt_version}, schema {run.schema_version}; "
        f"{run.prompt_tokens}+{run.completion_tokens} tokens, {run.attempts} call(s), {run.latency_s:.1f} s; "
        f"{run.dropped_items} item(s) dropped as ungrounded{'; article trimmed' if run.truncated else ''}</sub>"
    )
    return "\n".join(lines) + "\n"
