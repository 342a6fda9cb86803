"""``summarizer serve``: the brief API over HTTP (FastAPI on uvicorn, the optional ``[serve]`` extra)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console

from summarizer.brief.engine import Summarizer
from summarizer.cli.common import fail, model_options
from summarizer.cli.watch import duration, every_seconds, say_poll
from summarizer.digest.store import Store, default_store_path
from summarizer.errors import ConfigError, SummarizerError
from summarizer.render.control import shown
from summarizer.serve.bounds import GRACE_S, JOB_TIMEOUT_S, RATE_PER_MINUTE
from summarizer.settings import Settings
from summarizer.watch.polite import HOST_DELAY_S
from summarizer.watch.sources import watch_sources

if TYPE_CHECKING:
    from summarizer.serve.watching import WatchPlan

INSTALL_HINT = "summarizer serve needs the [serve] extra: pip install 'groundbrief[serve]'"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free one).")
@click.option(
    "--keys",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File of API keys, one a line; callers send 'Authorization: Bearer KEY'. Without keys the server listens"
    " on 127.0.0.1 only. [env: SUMMARIZER_API_KEYS, comma-separated]",
)
@click.option(
    "--store",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"SQLite file of articles, briefs and jobs, shared with `summarizer digest`. Default: {default_store_path()}",
)
@click.option(
    "--slots",
    type=click.IntRange(min=1),
    help="Briefs made at once, brief and digest jobs together. Default: the model's parallel slots.",
)
@click.option(
    "--rate-limit",
    default=f"{RATE_PER_MINUTE}/min",
    show_default=True,
    help="Requests a minute per API key (per client address without keys), as N/min; 0 turns it off.",
)
@click.option(
    "--job-timeout",
    type=click.FloatRange(min=1),
    default=JOB_TIMEOUT_S,
    show_default=True,
    help="Seconds a brief may run before its job fails (a digest job: seconds without an article briefed).",
)
@click.option(
    "--grace",
    type=click.FloatRange(min=0),
    default=GRACE_S,
    show_default=True,
    help="On SIGTERM, seconds running jobs may finish before they are parked in the store for the next start.",
)
@click.option(
    "--allow-private-urls",
    is_flag=True,
    help="Fetch URLs on loopback, private and link-local addresses too (default: public addresses only).",
)
@click.option(
    "--watch",
    "watched",
    multiple=True,
    metavar="FEED_OR_FILE",
    help="Poll this feed URL, URL list file or .opml all day as `summarizer watch` does, keeping"
    " /v1/digests/today current. May be repeated.",
)
@click.option(
    "--opml",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    multiple=True,
    help="An OPML file whose outlines' xmlUrl feeds are watched (as --watch FILE.opml). May be repeated.",
)
@click.option(
    "--every",
    default="15m",
    show_default=True,
    callback=every_seconds,
    help="With --watch/--opml: time between polls, 90s, 15m, 1h (1 min least).",
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=HOST_DELAY_S,
    show_default=True,
    help="With --watch/--opml: seconds between two requests to one host.",
)
@model_options
def serve_command(
    host: str,
    port: int,
    keys: Path | None,
    store: Path | None,
    slots: int | None,
    rate_limit: str,
    job_timeout: float,
    grace: float,
    allow_private_urls: bool,
    watched: tuple[str, ...],
    opml: tuple[Path, ...],
    every: float,
    delay: float,
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    timeout: float | None,
    model_profile: str | None,
    passages: int,
) -> None:
    """Serve briefs and digests over HTTP: POST /v1/briefs, GET /v1/briefs/{id}, GET /v1/jobs/{id},
    POST /v1/digests, GET /v1/digests/{date} (JSON, Markdown or HTML by Accept),
    GET /v1/digests/{date}/stories/{id}, GET /v1/stories/{id}/timeline, GET /metrics.

    \b
    Examples:
      summarizer serve                        # http://127.0.0.1:8000, no key
      summarizer serve --host 0.0.0.0 --keys keys.txt
      curl -s localhost:8000/v1/briefs -H 'content-type: application/json' -d '{"text": "..."}'
      curl -s localhost:8000/v1/digests/today -H 'accept: text/markdown'
      summarizer serve --watch https://example.com/world.rss --watch feeds.opml --every 15m

    Pages for people are at / (the day's digest, each story with its evidence
    highlighted in the article, a search); the API reference is at /docs and
    the OpenAPI description at /openapi.json; /healthz says the server
    answers, /readyz that the model has started. Briefs, digests and jobs are
    kept in --store: a brief already made is answered at once, a day's digest
    made here is one `summarizer digest --since` follows (and the other way
    round), and jobs a stopped server left unfinished are run when it starts
    again. /metrics gives Prometheus metrics (with the same key as /v1).

    With --watch (or --opml) the server also polls feeds as `summarizer
    watch` does, in a thread, on its own --store: each new article is briefed
    once (within the same --slots) into the day's digest, so GET
    /v1/digests/today is always current; GET /v1/watch shows the feeds, the
    last poll and the next. One status line per poll goes to stderr.

    Exit status: 0 stopped by SIGTERM (running briefs finished or parked);
    2 bad options (no keys for a public address, bad keys file, store, rate
    limit, a watched file that cannot be read, a feed on a private address
    without --allow-private-urls); stopped by Ctrl-C it ends as that signal (130).
    """
    err = Console(stderr=True)
    try:
        from summarizer.serve import create_app
        from summarizer.serve.keys import may_listen_without_keys, read_keys
        from summarizer.serve.ratelimit import parse_rate
        from summarizer.serve.server import run
    except ImportError as error:
        fail(err, f"{INSTALL_HINT} ({error})", 2)
    try:
        api_keys = read_keys(keys)
        per_minute = parse_rate(rate_limit)
        if not api_keys and not may_listen_without_keys(host):
            raise ConfigError(
                f"no API key, so the server listens on 127.0.0.1 only, not {host}; give --keys FILE"
                " or SUMMARIZER_API_KEYS"
            )
        plan = _watch_plan(watched, opml, every, delay, allow_private_urls, err)
        settings = Settings.resolve(
            model, base_url=base_url, api_key=api_key, timeout=timeout, model_profile=model_profile
        )
        with Summarizer(settings=settings, max_passages=passages) as engine, Store(store) as db:
            app = create_app(
                engine,
                db,
                keys=api_keys,
                slots=slots,
                rate_limit=per_minute,
                job_timeout_s=job_timeout,
                grace_s=grace,
                allow_private_urls=allow_private_urls,
                watch=plan,
            )
            run(app, host, port)
    except SummarizerError as error:
        fail(err, error, 2)


def _watch_plan(
    watched: tuple[str, ...], opml: tuple[Path, ...], every: float, delay: float, allow_private: bool, err: Console
) -> WatchPlan | None:
    """What ``--watch`` and ``--opml`` ask the server to poll (None: nothing); ConfigError for a source it refuses."""
    from summarizer.serve.watching import WatchPlan, private_feeds

    if not watched and not opml:
        return None
    sources = watch_sources(watched, opml)
    refused = [] if allow_private else private_feeds(sources)
    if refused:
        raise ConfigError(
            f"--watch {refused[0]}: a loopback, private or link-local address; this server fetches only public"
            " web addresses unless started with --allow-private-urls"
        )
    err.print(shown(f"watching {len(sources)} sources every {duration(every)}"), highlight=False)
    return WatchPlan(sources, every, delay, on_poll=lambda report: say_poll(err, report))
