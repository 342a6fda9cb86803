"""``summarizer watch``: poll feeds all day, brief each new article once, keep today's digest current."""

from __future__ import annotations

import os
import re
import signal
import sys
import threading
import warnings
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from summarizer.brief.engine import Summarizer
from summarizer.bulk.lock import hold_store
from summarizer.cli.common import fail, model_options
from summarizer.digest.store import Store, default_store_path
from summarizer.errors import ConfigError, SummarizerError
from summarizer.render.control import printable, shown
from summarizer.render.digest_formats import DIGEST_FORMATS
from summarizer.settings import Settings
from summarizer.watch.polite import HOST_DELAY_S, Polite
from summarizer.watch.sources import watch_sources
from summarizer.watch.watcher import PollReport, Watcher

MIN_EVERY_S = 60.0
"""Shortest interval between polls: news feeds change every few minutes at most, and polling faster only loads
the publishers' servers."""
PARTIAL = 3
"""Exit status of --once when some source, page or brief failed (0 all read, 1 no source could be read)."""
_UNITS = {"s": 1, "m": 60, "h": 3600}


def every_seconds(_ctx: click.Context, _param: click.Parameter, value: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", value)
    if not match:
        raise click.BadParameter(f"give a number with s, m or h, e.g. 15m, 90s, 1h (got {value!r})")
    seconds = float(match[1]) * _UNITS[match[2] or "s"]
    if seconds < MIN_EVERY_S:
        raise click.BadParameter(f"poll at most once a minute (got {value}): feeds change slower than that")
    return seconds


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> list[str]:
    chosen = [f.strip() for f in value.split(",") if f.strip()]
    if not chosen or any(f not in DIGEST_FORMATS for f in chosen):
        raise click.BadParameter(f"use a comma-separated list of {', '.join(DIGEST_FORMATS)} (got {value!r})")
    return list(dict.fromkeys(chosen))


@click.command("watch")
@click.argument("feeds", nargs=-1, metavar="FEED...")
@click.option(
    "--every",
    default="15m",
    show_default=True,
    callback=every_seconds,
    help="Time between polls: 90s, 15m, 1h (1 min least).",
)
@click.option("--once", is_flag=True, help="Poll once and exit (for cron and tests).")
@click.option(
    "--opml",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    multiple=True,
    help="An OPML file (a feed reader's export): every outline with an xmlUrl is watched. May be repeated.",
)
@click.option(
    "-o", "--out", default="digests", show_default=True, type=click.Path(file_okay=False, path_type=Path),
    help="Directory for digest-DATE.md/.html/.json, rewritten (atomically) after each poll that brought news.",
)  # fmt: skip
@click.option(
    "-f", "--format", "formats", default="md,html,json", show_default=True, callback=_formats,
    help="Comma-separated: md, html, json.",
)  # fmt: skip
@click.option(
    "--store",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"SQLite file of articles, briefs, digests and each feed's state. Default: {default_store_path()}",
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=HOST_DELAY_S,
    show_default=True,
    help="Seconds between two requests to one host (feeds, pages and robots.txt alike).",
)
@click.option(
    "-j",
    "--concurrency",
    type=click.IntRange(min=1, max=32),
    help="Model slots. Default: 1 for the embedded model, 4 for a server.",
)
@model_options
def watch_command(
    feeds: tuple[str, ...],
    every: float,
    once: bool,
    opml: tuple[Path, ...],
    out: Path,
    formats: list[str],
    store: Path | None,
    delay: float,
    concurrency: int | None,
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    timeout: float | None,
    model_profile: str | None,
    passages: int,
) -> None:
    """Poll feeds all day; brief each new article once; keep today's digest current.

    \b
    FEED is any mix of:
      an RSS or Atom feed URL (fetched with ETag / Last-Modified: an unchanged
        feed costs its server one 304),
      an OPML file (.opml; also --opml FILE): every outline with an xmlUrl,
      a text file of article URLs, one a line (read again at every poll, so
        lines added while it runs are picked up).

    Each new item's page is fetched (robots.txt obeyed, --delay seconds
    between requests to one host, as groundbrief/VERSION), read and briefed
    once: the same article under two links is one brief. After each poll that
    brought news, today's digest is rebuilt from the stored briefs (no model
    call for those already made) and written to --out as `summarizer digest`
    writes it. A poll that fails (feed server down, a feed that turned into a
    web page) prints one warning line per failure and never overwrites a
    finished digest; a failing source is retried next poll, then backs off.
    At midnight a new day's digest starts; yesterday's stays as it was.

    One status line per poll: sources polled, new articles, briefs made,
    failures, next poll. Ctrl-C or SIGTERM stops after the article in flight
    (Ctrl-C twice: at once; every brief made is stored).

    \b
    Examples:
      summarizer watch https://example.com/world.rss https://example.org/atom.xml
      summarizer watch --opml feeds.opml --every 30m --out /var/www/digests
      summarizer watch urls.txt --once --store news.sqlite   # from cron
      summarizer watch feed.rss --base-url http://localhost:8000/v1 --model qwen2.5 -j 4

    A server can run the same watcher in a thread: summarizer.watch.Watcher.

    Exit status: 0 stopped by SIGTERM, or --once with every source read; 3
    --once with some failure (a source, page or brief); 1 --once with no
    source readable, or the store failed mid-run; 2 bad options, sources or
    --store; 130 Ctrl-C.
    """
    err = Console(stderr=True)
    if not feeds and not opml:
        fail(err, "give FEED... (feed URLs, URL list files, .opml) or --opml FILE", 2)
    stop = threading.Event()
    report: PollReport | None = None
    stopped_by = _on_signals(stop)
    try:
        sources = watch_sources(feeds, opml)
        settings = Settings.resolve(
            model, base_url=base_url, api_key=api_key, timeout=timeout, model_profile=model_profile
        )
        with (
            warnings.catch_warnings(),
            Summarizer(settings=settings, max_passages=passages) as engine,
            Store(store) as db,
            hold_store(db.path),  # one writer per store: a digest, batch or eval on it is refused while this runs
        ):
            warnings.simplefilter("ignore")  # a trimmed article is reported in its brief (run.truncated)
            watcher = Watcher(
                sources, engine, db, out=out, formats=formats, polite=Polite(delay), stop=stop, concurrency=concurrency
            )
            if once:
                report = watcher.poll()
                say_poll(err, report)
            else:
                err.print(shown(f"watching {len(sources)} sources every {duration(every)}; Ctrl-C stops"))
                watcher.run(every, lambda report: say_poll(err, report))
    except ConfigError as error:
        fail(err, error, 2)
    except SummarizerError as error:
        fail(err, f"{error} (briefs already made are kept in the store)", 1)
    if stopped_by:
        sys.exit(stopped_by[0])
    if report is not None:
        if report.polled == 0 and report.failed_sources:
            sys.exit(1)
        if report.failures:
            sys.exit(PARTIAL)


def _on_signals(stop: threading.Event) -> list[int]:
    """Ctrl-C and SIGTERM set ``stop`` (the watcher ends after the article in flight); a second Ctrl-C ends at once.

    Returns the list the exit status is put in: 130 for Ctrl-C, 0 for SIGTERM
    (a service manager's stop is this command's normal end).
    """
    stopped_by: list[int] = []

    def handle(number: int, _frame: object) -> None:
        # os.write, not print: the signal may arrive in the middle of a print to the same stream
        if stopped_by and number == signal.SIGINT:
            os.write(2, b"\nstopped at once; every brief made so far is stored\n")
            os._exit(130)
        stopped_by[:] = [130 if number == signal.SIGINT else 0]
        stop.set()
        os.write(2, b"\nstopping after the article in flight (Ctrl-C again: at once)\n")

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)
    return stopped_by


def say_poll(err: Console, report: PollReport) -> None:
    """One warning line per failure, then the poll's status line."""
    for line in report.failures:
        err.print(Text.assemble(("warning:", "yellow"), " ", printable(line)), highlight=False, soft_wrap=True)
    read = f"{report.polled}/{report.sources} sources polled"
    notes = [f"{report.unchanged} unchanged"] if report.unchanged else []
    notes += [f"{report.waiting} backing off"] if report.waiting else []
    parts = [
        read + (f" ({', '.join(notes)})" if notes else ""),
        _count(report.new, "new article"),
        _count(report.made, "brief") + " made",
        _count(len(report.failures), "failure"),
    ]
    line = f"{report.started:%H:%M} " + ", ".join(parts)
    if report.digest is not None:
        line += f"; digest {report.day}: {_count(len(report.digest.stories), 'story', 'stories')}"
        if report.written:
            line += f" → {report.written[0].with_suffix('')}.{{{','.join(p.suffix[1:] for p in report.written)}}}"
    if report.stopped:
        line += "; stopped"
    elif report.next_poll is not None:
        line += f"; next poll {report.next_poll:%H:%M}"
    err.print(shown(line), highlight=False, soft_wrap=True)


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def duration(seconds: float) -> str:
    for unit, size in (("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds / size:g}{unit}"
    return f"{seconds:g}s"
