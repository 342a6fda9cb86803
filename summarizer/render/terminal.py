"""The ``pretty`` format: the brief in the terminal, evidence dimmed under each item.

Article text (names, quotes, notes) is never read as Rich markup: a quote
holding ``[/]`` or ``[sic]`` is printed as written. Styles are attached to
``Text`` pieces instead. Nor does it reach the terminal as control codes: every
piece goes through ``printable`` (no ANSI/OSC sequence, no C0/C1 character).
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from summarizer.render.control import printable, shown
from summarizer.render.coverage import coverage_note
from summarizer.render.labels import THING_KINDS, event_detail, time_label
from summarizer.schema import Brief, Span

Piece = tuple[str, str]
"""A run of literal text and its Rich style ("" for none)."""


def _item(label: list[Piece], evidence: list[Span]) -> Text:
    text = Text("• ")
    for piece, style in label:
        text.append(printable(piece), style=style or None)
    for span in evidence:
        text.append(f"\n    “{printable(span.text.strip())}” ", style="dim")
        text.append(f"[{span.start}:{span.end}]", style="dim cyan")
    return text


def render_terminal(brief: Brief, console: Console) -> None:
    sections = [
        (
            "Who",
            [
                _item([(a.name, "bold"), (f" ({a.kind}){f' — {a.role}' if a.role else ''}", "")], a.evidence)
                for a in brief.who
            ],
        ),
        (
            "What",
            [
                _item([(f"{e.description} ", ""), (f"({e.status})", "italic"), (event_detail(e), "")], e.evidence)
                for e in brief.what
            ],
        ),
        ("Where", [_item([(p.name, "bold"), (f" ({p.kind})", "")], p.evidence) for p in brief.where]),
        *(
            [("Also named", [_item([(t.name, "bold"), (f" ({THING_KINDS[t.kind]})", "")], t.evidence) for t in others])]
            if (others := brief.others)
            else []
        ),
        (
            "When",
            [_item([(time_label(t), "")], t.evidence) for t in brief.when],
        ),
        (
            "Sources",
            [
                _item(
                    [(s.name, "bold"), (" (unnamed)" if s.anonymous else "", "yellow"), (f": {s.said}", "")], s.evidence
                )
                for s in brief.sources
            ],
        ),
        (
            f"Uncertainty: {brief.uncertainty.level}",
            [_item([(f"{r.kind.replace('_', ' ')}: {r.note}", "")], r.evidence) for r in brief.uncertainty.reasons],
        ),
    ]
    console.print(Panel(shown(brief.summary), title=shown(brief.headline, "bold"), title_align="left"))
    if note := coverage_note(brief):
        console.print(shown(note, "yellow"))
    for title, items in sections:
        body = Group(*items) if items else Text("none found", style="dim")
        console.print(Panel(body, title=Text(title), title_align="left", border_style="blue"))
    run = brief.run
    console.print(
        shown(
            f"{run.model} ({run.backend}) · prompt {run.prompt_version} · {run.prompt_tokens}+{run.completion_tokens}"
            f" tokens · {run.attempts} call(s) · {run.latency_s:.1f} s · {run.dropped_items} dropped as ungrounded"
            f"{' · article trimmed' if run.truncated else ''}",
            "dim",
        )
    )
