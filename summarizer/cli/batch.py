"""``summarizer batch``: briefs of many articles as JSONL or Parquet shards, on this machine or a Ray cluster."""

from __future__ import annotations

import signal
import sys
import time
import warnings
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from summarizer.bulk.job import Job, run_job
from summarizer.bulk.settings import JobSettings
from summarizer.bulk.shards import FORMATS
from summarizer.cli.common import fail, model_options
from summarizer.digest.store import default_store_path
from summarizer.errors import ArticleError, ConfigError, SummarizerError
from summarizer.render.control import printable, shown
from summarizer.settings import Settings

PARTIAL = 3
"""Exit status when some articles failed and the rest were written (0 all done, 1 failure, 2 bad input)."""


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o", "--out", required=True, type=click.Path(path_type=Path), help="Directory for the shards and manifest.json."
)
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: threads on this machine; ray: Ray Data actors (needs the ray extra).")  # fmt: skip
@click.option("--ray-address", help="HOST:PORT of a running Ray cluster's head, or auto. Default: start Ray here.")
@click.option(
    "--actors", type=click.IntRange(min=1), help="Ray actors (one Summarizer each). Default: CPUs / --cpus-per-actor."
)
@click.option("--cpus-per-actor", type=click.IntRange(min=1), default=1, show_default=True,
              help="CPUs per Ray actor; the embedded model uses them as its threads.")  # fmt: skip
@click.option("--batch-size", type=click.IntRange(min=1), default=4, show_default=True,
              help="Articles per Ray actor call: a worker that dies repeats at most this many.")  # fmt: skip
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="Shard format (Parquet needs pyarrow, which the ray extra brings).")  # fmt: skip
@click.option(
    "--shard-rows", type=click.IntRange(min=1), default=10_000, show_default=True, help="Rows per shard file."
)
@click.option("--batch-api", is_flag=True,
              help="Send the briefs through the server's Batch API (/v1/files, /v1/batches): half the price, within 24 h. "
              "Resumable: the batch id is kept in --out.")  # fmt: skip
@click.option("--poll", "poll_s", type=click.FloatRange(min=0.05), default=60, show_default=True,
              help="--batch-api: seconds between looks at the batch.")  # fmt: skip
@click.option("--store", type=click.Path(dir_okay=False, path_type=Path),
              help=f"--engine local and --batch-api: SQLite store of briefs shared with digest and eval. Default: {default_store_path()}")  # fmt: skip
@click.option("-j", "--concurrency", type=click.IntRange(min=1, max=64),
              help="Requests in flight (per actor on Ray). Default: 1 for the embedded model, 4 for a server.")  # fmt: skip
@model_options
def batch_command(
    inputs: tuple[str, ...],
    out: Path,
    engine: str,
    ray_address: str | None,
    actors: int | None,
    cpus_per_actor: int,
    batch_size: int,
    fmt: str,
    shard_rows: int,
    batch_api: bool,
    poll_s: float,
    store: Path | None,
    concurrency: int | None,
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    timeout: float | None,
    model_profile: str | None,
    passages: int,
) -> None:
    """Brief every article of the inputs into shards of rows in --out: no digest, any number of articles.

    \b
    INPUT is anything `summarizer digest` reads (directories, .jsonl files,
    feeds, URLs) and .parquet files of articles (a `text` column; optional
    title, outlet, url, published, language).

    Each article is one row of a shard (briefs-RUN-PART.jsonl or .parquet):
    article_hash, brief_key (model, prompt version + digest, answer schema),
    source, article, and either brief (the Brief JSON) with the model's
    answers, or error (why it has none). manifest.json counts them per key.

    --batch-api sends each brief's request through the server's Batch API
    (openai/... or a --base-url server with /v1/files and /v1/batches): the
    batch id is recorded in --out/batch-api.json at once, so a crash or
    Ctrl-C, then the same command, resumes that batch and never submits it
    twice (a create the server answered 500 is found there, not repeated);
    its answers are grounded as live ones (re-asks go live) and kept in
    the store, as local briefs are, so `summarizer digest` reuses them.

    A re-run over the same --out makes only the briefs it lacks (failed
    articles are retried; finished ones never reach a model), whichever
    engine made the rest; a kill loses at most the briefs in flight.
    `summarizer digest --briefs DIR` builds the digest from the shards.

    \b
    Examples:
      summarizer batch tests/data/gum-news --out briefs
      summarizer batch day.parquet wire.jsonl --out briefs --format parquet --base-url http://gpu:8000/v1 -j 16
      summarizer batch /data/day/ --out /data/briefs --engine ray --ray-address 10.0.0.5:6379
      summarizer batch day.jsonl --out briefs --model openai/gpt-4o-mini --batch-api
      summarizer digest --briefs briefs --date 2026-11-24

    Exit status: 0 every article briefed, 3 partial (failure rows written;
    re-run to retry), 1 no brief could be made, 2 bad options or input, an
    unwritable --out, an --out or --store another run is writing (one writer
    at a time), a damaged or
    foreign shard in --out, --cpus-per-actor above any node's CPUs, or a Ray
    cluster that does not answer; 130 interrupted by Ctrl-C or SIGTERM (rows
    written so far are kept, the run is recorded in manifest.json).
    """
    err = Console(stderr=True)
    settings = JobSettings(
        Settings.resolve(model, base_url=base_url, api_key=api_key, timeout=timeout, model_profile=model_profile,
                         threads=cpus_per_actor if engine == "ray" else None),
        concurrency=concurrency, passages=passages,
    )  # fmt: skip
    job = Job(
        inputs=list(inputs), out=out, settings=settings, engine="ray" if engine == "ray" else "local", fmt=fmt,
        shard_rows=shard_rows, store=store, ray_address=ray_address, actors=actors, cpus_per_actor=cpus_per_actor,
        batch_size=batch_size, batch_api=batch_api, poll_s=poll_s,
    )  # fmt: skip
    if batch_api and engine == "ray":
        fail(err, "--batch-api sends the briefs to the provider: drop --engine ray (or --batch-api)", 2)
    status = _Status(err)
    signal.signal(signal.SIGTERM, _interrupt)  # a stopped job or container: recorded and kept as Ctrl-C is
    try:
        with warnings.catch_warnings(), err.status("reading inputs…") as spinner:
            warnings.simplefilter("ignore")  # a trimmed article is reported in its brief (run.truncated)
            status.spinner = spinner
            result = run_job(job, status.settled, status.say)
    except (ArticleError, ConfigError) as error:
        fail(err, error, 2)
    except OSError as error:
        fail(err, f"cannot write to {out}: {error} (rows already written are kept; give a writable --out)", 2)
    except SummarizerError as error:
        fail(err, f"{error} (rows already written are kept; re-run to continue)", 1)
    except KeyboardInterrupt:
        fail(
            err,
            "interrupted: every row written so far is kept; run the same command again to continue",
            130,
            at_once=True,
        )
    err.print(
        shown(  # --out is the user's text: `out[/]x` or `[red]` printed as written, never read as markup
            f"{result.made} briefs made, {result.already} already in {out}, {len(result.failures)} failed, "
            f"{len(result.skipped)} inputs skipped ({result.seconds:.0f} s)"
        ),
        highlight=False,
        soft_wrap=True,
    )
    if result.unreadable:
        lines = "line" if result.unreadable == 1 else "lines"
        said = printable(
            f" {result.unreadable} unreadable {lines} in the shards of {out} dropped (torn by a kill or damaged);"
            " an article one held is briefed again when an input gives it"
        )
        err.print(Text.assemble(("warning:", "yellow"), said), highlight=False, soft_wrap=True)
    for source, reason in result.skipped:
        err.print(
            Text.assemble(("skipped", "yellow"), printable(f" {source}: {reason}")), highlight=False, soft_wrap=True
        )
    for source, reason in result.failures:
        err.print(Text.assemble(("failed", "red"), printable(f" {source}: {reason}")), highlight=False, soft_wrap=True)
    if result.failures:
        err.print("failure rows are written; re-run the same command to retry them", highlight=False)
        sys.exit(1 if not result.made and not result.already else PARTIAL)
    if not result.made and not result.already:
        fail(err, "no article found in the inputs (the reasons are listed above); no rows were written", 2)


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


class _Status:
    """One status line: counts and the rate of briefs made."""

    def __init__(self, err: Console) -> None:
        self.err = err
        self.spinner: object = None
        self.counts = {"made": 0, "failed": 0, "done": 0, "skipped": 0}
        self.started = time.monotonic()

    def say(self, message: str) -> None:
        update = getattr(self.spinner, "update", None)
        if update is not None:
            update(shown(message))

    def settled(self, _source: str, outcome: str) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        made = self.counts["made"]
        rate = f"{made * 60 / max(time.monotonic() - self.started, 1e-6):.1f}/min" if made else "–/min"
        update = getattr(self.spinner, "update", None)
        if update is not None:
            update(
                f"briefs: {made} made, {self.counts['done']} already done, {self.counts['failed']} failed, "
                f"{self.counts['skipped']} inputs skipped; {rate}"
            )
