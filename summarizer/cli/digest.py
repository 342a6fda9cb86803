"""``summarizer digest``: the day's articles in, one digest out (Markdown, HTML, JSON)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import warnings
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from summarizer.brief.engine import Summarizer
from summarizer.bulk.digest import digest_of_briefs
from summarizer.bulk.lock import hold_store, store_holder
from summarizer.cli.common import fail, model_options
from summarizer.cli.progress import BatchProgress
from summarizer.digest.build import build_digest
from summarizer.digest.continuity import follow_and_keep
from summarizer.digest.schema import Digest
from summarizer.digest.store import Store, content_hash, default_store_path
from summarizer.errors import ArticleError, ConfigError, StoreBusyError, SummarizerError
from summarizer.files import write_atomically
from summarizer.ingest.inputs import NO_SUCH_INPUT, Item, collect
from summarizer.render.control import printable, shown
from summarizer.render.digest_formats import DIGEST_FORMATS
from summarizer.settings import Settings

FORMATS = DIGEST_FORMATS
PARTIAL = 3
"""Exit status when some articles failed and the digest was made from the rest (0 all done, 1 failure, 2 bad input)."""


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> list[str]:
    chosen = [f.strip() for f in value.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"use a comma-separated list of {', '.join(FORMATS)} (got {value!r})")
    return list(dict.fromkeys(chosen))


@click.command("digest")
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day the digest is for (title and file names). Default: today. Articles are not filtered by it.",
)
@click.option(
    "-o",
    "--out",
    default="digests",
    show_default=True,
    help="Directory for digest-DATE.md/.html/.json; - writes the one --format to standard output.",
)
@click.option(
    "--briefs",
    type=click.Path(file_okay=False, path_type=Path),
    help="Build the digest from the briefs `summarizer batch` wrote in this directory (no INPUT, no model call).",
)
@click.option(
    "-f",
    "--format",
    "formats",
    default="md,html,json",
    show_default=True,
    callback=_formats,
    help="Comma-separated: md, html (one self-contained page), json (schemas/digest.schema.json).",
)
@click.option(
    "--store",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"SQLite file keeping articles and briefs between runs. Default: {default_store_path()}",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The earlier digest (a date with a digest in --store) that continued stories say what is new since. "
    "Default: the latest digest before --date. With --briefs, stories are followed when --store or --since is given.",
)
@click.option("--force", is_flag=True, help="Make every brief again, even those already stored.")
@click.option(
    "-j",
    "--concurrency",
    type=click.IntRange(min=1, max=32),
    help="Briefs made at once. Default: 1 for the embedded model (it gets that many slots), 4 for a server.",
)
@model_options
def digest_command(
    inputs: tuple[str, ...],
    day: dt.datetime | None,
    out: str,
    formats: list[str],
    briefs: Path | None,
    store: Path | None,
    since: dt.datetime | None,
    force: bool,
    concurrency: int | None,
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    timeout: float | None,
    model_profile: str | None,
    passages: int,
) -> None:
    """Brief the day's articles and write one digest of their stories.

    \b
    INPUT is any mix of:
      a directory of articles (.txt, .md, .json, .html; JSON as one article
        object or a record with the article under "article"),
      a .jsonl file (one article per line: text, title, url, outlet, published),
      an RSS/Atom feed, as a file or URL (each entry's link is fetched),
      an article URL or .html page (main text and metadata extracted).

    Articles about the same event from different outlets become one story,
    listing its outlets, the claims several outlets report, where they differ
    (figures, accounts), and the strongest uncertainty, every item quoting the
    sentence it rests on. Stories are ranked by outlets and recency, in
    sections by region, with a topic index and an overview of the top stories.

    Each digest is kept in the store. A story that continues one of the
    digests of the 7 days before says so, first thing: "New since DATE" (a
    figure that changed, an event now confirmed or denied, names, outlets and
    sources seen for the first time, uncertainty up or down, each quoted on
    both days) and a timeline of its days. --since picks the earlier digest.

    Each brief is stored as soon as it is made (--store): Ctrl-C or a crash
    loses nothing, and a re-run makes only the missing briefs (none when the
    day is done). Inputs that give no article (binary or empty files, a feed
    that is not XML, a page without an article, a 404 or timeout) are listed
    with the reason and skipped.

    --briefs DIR builds the digest from the shards `summarizer batch` wrote
    (on this machine or a Ray cluster): no INPUT, no model call.

    \b
    Examples:
      summarizer digest tests/data/gum-news --date 2026-11-24
      summarizer digest feeds/world.xml https://example.com/story.html --out today
      summarizer digest day.jsonl --format json --out - | jq '.stories[0]'
      summarizer digest --briefs briefs/ --date 2026-11-24
      summarizer digest day/ --base-url http://localhost:8000/v1 --model qwen2.5 -j 8
      summarizer digest today/ --date 2026-11-24 --since 2026-11-20

    Exit status: 0 every article briefed, 3 partial (some briefs failed: the
    digest holds the rest; re-run to retry), 1 no brief could be made or the
    digest could not be written, 2 bad options, no input found or an unusable
    --store, 130 interrupted (stored briefs are kept).
    """
    err = Console(stderr=True)
    if out == "-" and len(formats) != 1:
        fail(err, "--out - writes one format: add --format md, html or json", 2)
    target_day = day.date() if day else dt.date.today()
    if briefs is not None:
        of_briefs = _of_briefs(briefs, inputs, target_day, err)
        if store is not None or since is not None:  # no store named: the digest of briefs touches none
            of_briefs = _followed(of_briefs, store, since.date() if since else None, err)
        _finish(of_briefs, formats, out, target_day, err)
        return
    if not inputs:
        fail(err, "give INPUT... (the articles) or --briefs DIR (the briefs `summarizer batch` wrote)", 2)
    try:
        items = _collect(list(inputs), err)
        if all(item.skipped == NO_SUCH_INPUT for item in items):
            fail(err, "no input found: " + "; ".join(f"{i.source}: {i.skipped}" for i in items), 2)
        if all(item.article is None for item in items):
            reasons = "; ".join(f"{i.source}: {i.skipped}" for i in items[:5]) + ("; …" if len(items) > 5 else "")
            fail(err, f"no article found in the inputs ({reasons}); nothing was written", 2)
        total = len({content_hash(item.article.text) for item in items if item.article is not None})
        settings = Settings.resolve(
            model, base_url=base_url, api_key=api_key, timeout=timeout, model_profile=model_profile
        )
        with (
            warnings.catch_warnings(),
            Summarizer(settings=settings, max_passages=passages) as engine,
            Store(store) as db,
            hold_store(db.path),  # one writer per store: a second digest, batch or eval is refused at once
            BatchProgress(err, total) as progress,
        ):
            warnings.simplefilter("ignore")  # a trimmed article is reported in its brief (run.truncated)
            engine.status = progress.status
            digest = build_digest(
                items, summarizer=engine, store=db, day=target_day, force=force, concurrency=concurrency,
                progress=progress.settled, since=since.date() if since else None,
            )  # fmt: skip
    except (ArticleError, ConfigError) as error:
        fail(err, _busy_by_whom(error, store), 2)
    except (sqlite3.Error, OSError) as error:
        where = store or default_store_path()
        fail(
            err,
            f"cannot use the store {where}: {error} (briefs already stored are kept; give a writable --store PATH)",
            2,
        )
    except SummarizerError as error:
        fail(err, f"{error} (briefs already made are kept in the store; re-run to continue)", 1)
    except KeyboardInterrupt:
        # Do not wait for the brief in flight: what is stored is committed.
        msg = "interrupted: every brief made so far is stored; run the same command again to continue"
        fail(err, msg, 130, at_once=True)
    _finish(digest, formats, out, target_day, err)


HOLDER_APPEARS_S = 2.0
"""How long a run that found the store busy looks for the run holding it: that run locks it right after opening it."""


def _busy_by_whom(error: Exception, store: Path | None) -> Exception:
    """A store SQLite found busy is most often held by another run that opened it first: name that run."""
    if isinstance(error, StoreBusyError):
        return store_holder(store or default_store_path(), wait_s=HOLDER_APPEARS_S) or error
    return error


def _of_briefs(briefs: Path, inputs: tuple[str, ...], day: dt.date, err: Console) -> Digest:
    """The digest of ``summarizer batch`` output; a bad directory is one line (exit 2)."""
    if inputs:
        fail(err, "give INPUT... or --briefs DIR, not both (--briefs takes the articles from the shards)", 2)
    try:
        return digest_of_briefs(briefs, day, warn=lambda message: _warn(err, message))
    except (ConfigError, OSError, ValueError) as error:
        fail(err, f"cannot read the briefs in {briefs}: {error}", 2)


def _followed(digest: Digest, store: Path | None, since: dt.date | None, err: Console) -> Digest:
    """A digest of --briefs follows its stories from the store's digests and is kept there, as one of INPUT is."""
    try:
        with Store(store) as db, hold_store(db.path):
            return follow_and_keep(db, digest, since)
    except ConfigError as error:
        fail(err, _busy_by_whom(error, store), 2)
    except (sqlite3.Error, OSError) as error:
        fail(err, f"cannot use the store {store or default_store_path()}: {error} (give a writable --store PATH)", 2)


def _finish(digest: Digest, formats: list[str], out: str, target_day: dt.date, err: Console) -> None:
    """Write the digest, report it, exit with the status the articles' briefs call for."""
    if not digest.articles and digest.failed:
        _report(digest, err)
        first = digest.failed[0]
        fail(err, f"no brief could be made ({first.source}: {first.reason}); nothing was written", 1)
    try:
        _write(digest, formats, out, target_day, err)
    except OSError as error:
        fail(err, f"cannot write the digest to {out}: {error} (the briefs are stored: re-run with another --out)", 1)
    _report(digest, err)
    if digest.failed:
        sys.exit(1 if not digest.articles else PARTIAL)


def _warn(err: Console, message: str) -> None:
    err.print(Text.assemble(("warning:", "yellow"), " ", printable(message)), highlight=False, soft_wrap=True)


def _collect(inputs: list[str], err: Console) -> list[Item]:
    """Read every input first (fetching URLs), so the progress bar knows the total."""
    items: list[Item] = []
    with err.status("reading inputs…") as status:
        for item in collect(inputs):
            items.append(item)
            status.update(f"reading inputs… {sum(i.article is not None for i in items)} articles")
    for item in items:
        for note in item.notes:
            said = printable(f" {item.source}: {note}")
            err.print(Text.assemble(("warning:", "yellow"), said), highlight=False, soft_wrap=True)
    return items


def _write(digest: Digest, formats: list[str], out: str, day: dt.date, err: Console) -> None:
    if out == "-":
        sys.stdout.write(FORMATS[formats[0]](digest))
        return
    written = []
    for fmt in formats:
        path = Path(out) / f"digest-{day.isoformat()}.{fmt}"
        write_atomically(path, FORMATS[fmt](digest))
        written.append(str(path))
    err.print(shown(f"wrote {', '.join(written)}"), highlight=False, soft_wrap=True)


def _report(digest: Digest, err: Console) -> None:
    run = digest.run
    err.print(
        f"{len(digest.articles)} articles → {len(digest.stories)} stories; briefs: {run.made} made, "
        f"{run.reused} reused, {run.failed} failed; {len(digest.skipped)} inputs skipped",
        highlight=False,
    )
    for entry in digest.skipped:
        said = printable(f" {entry.source}: {entry.reason}")
        err.print(Text.assemble(("skipped", "yellow"), said), highlight=False, soft_wrap=True)
    for entry in digest.failed:
        said = printable(f" {entry.source}: {entry.reason}")
        err.print(Text.assemble(("failed", "red"), said), highlight=False, soft_wrap=True)
    if digest.failed:
        err.print("re-run the same command to retry the failed articles; finished briefs are reused", highlight=False)
    if not digest.articles and not digest.failed:
        err.print("no articles found in the inputs: the digest is empty", highlight=False)
