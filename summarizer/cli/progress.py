"""Progress of a batch on the terminal: done/total, rate, time left, failures.

On a terminal, a rich progress bar; otherwise (a log, CI) one line per
article as it settles, so long runs still show they are alive.
"""

from __future__ import annotations

import threading
import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
)
from rich.text import Text

from summarizer.render.control import shown


class _Rate(ProgressColumn):
    """Briefs made per minute (reused ones are instant and would flatter the rate)."""

    def render(self, task: Task) -> Text:
        made, started = task.fields["made"], task.fields["started"]
        if not made:
            return Text("–/min", style="progress.data.speed")
        return Text(f"{made * 60 / (time.monotonic() - started):.1f}/min", style="progress.data.speed")


class _TimeLeft(ProgressColumn):
    """Time left at the rate briefs have been made so far (rich's own estimate needs updates every few seconds)."""

    def render(self, task: Task) -> Text:
        made, started = task.fields["made"], task.fields["started"]
        left = (task.total or 0) - task.completed
        if not made or left <= 0:
            return Text("" if left <= 0 else "–:––", style="progress.remaining")
        seconds = int(left * (time.monotonic() - started) / made)
        return Text(f"{seconds // 60}:{seconds % 60:02d} left", style="progress.remaining")


class BatchProgress:
    def __init__(self, console: Console, total: int) -> None:
        self.console = console
        self.total = total
        self.counts = {"made": 0, "reused": 0, "failed": 0, "skipped": 0}
        self._lock = threading.Lock()
        self._live = console.is_terminal
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            _Rate(),
            _TimeLeft(),
            TextColumn("{task.fields[failures]}"),
            console=console,
            transient=False,
            disable=not self._live,
        )
        self._task = self._progress.add_task("briefs", total=total, failures="", made=0, started=time.monotonic())

    def __enter__(self) -> BatchProgress:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._progress.stop()

    def status(self, message: str) -> None:
        """Backend messages ("loading model…") shown as the bar's description."""
        if self._live:
            self._progress.update(self._task, description=message[:40])

    def settled(self, source: str, outcome: str) -> None:
        with self._lock:
            self.counts[outcome] = self.counts.get(outcome, 0) + 1
            if outcome == "skipped":
                return
            failed = self.counts["failed"]
            fields: dict[str, object] = {
                "failures": f"[red]{failed} failed[/]" if failed else "",
                "description": "briefs",
            }
            fields["made"] = self.counts["made"]
            if outcome == "reused":
                fields["started"] = time.monotonic()  # stored briefs settle first; model work starts after them
            self._progress.update(self._task, advance=1, **fields)  # type: ignore[arg-type]
            if not self._live:
                done = self.counts["made"] + self.counts["reused"] + self.counts["failed"]
                line = shown(f"[{done}/{self.total}] {outcome} {source}")  # a path or URL: no markup, no control codes
                self.console.print(line, highlight=False, soft_wrap=True)
