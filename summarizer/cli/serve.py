"""``summarizer serve``: the brief API over HTTP (FastAPI on uvicorn, the optional ``[serve]`` extra)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from summarizer.brief.engine import Summarizer
from summarizer.cli.common import fail, model_options
from summarizer.digest.store import Store, default_store_path
from summarizer.errors import ConfigError, SummarizerError
from summarizer.settings import Settings

INSTALL_HINT = "summarizer serve needs the [serve] extra: pip install 'groundbrief[serve]'"
GRACEFUL_S = 5
"""Seconds SIGTERM waits for open requests before closing them: enough for a stored brief or a job's state (ms);
a POST waiting for a model is cut, its job stays in the store and runs again on the next start."""


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
    help="Briefs made at once (a digest job: its articles). Default: the model's parallel slots.",
)
@model_options
def serve_command(
    host: str,
    port: int,
    keys: Path | None,
    store: Path | None,
    slots: int | None,
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    timeout: float | None,
    model_profile: str | None,
    passages: int,
) -> None:
    """Serve briefs and digests over HTTP: POST /v1/briefs, GET /v1/briefs/{id}, GET /v1/jobs/{id},
    POST /v1/digests, GET /v1/digests/{date} (JSON, Markdown or HTML by Accept),
    GET /v1/digests/{date}/stories/{id}, GET /v1/stories/{id}/timeline.

    \b
    Examples:
      summarizer serve                        # http://127.0.0.1:8000, no key
      summarizer serve --host 0.0.0.0 --keys keys.txt
      curl -s localhost:8000/v1/briefs -H 'content-type: application/json' -d '{"text": "..."}'
      curl -s localhost:8000/v1/digests/today -H 'accept: text/markdown'

    The OpenAPI description is at /openapi.json; /healthz says the server
    answers, /readyz that the model has started. Briefs, digests and jobs are
    kept in --store: a brief already made is answered at once, a day's digest
    made here is one `summarizer digest --since` follows (and the other way
    round), and jobs a stopped server left unfinished are run when it starts
    again.

    Exit status: 2 bad options (no keys for a public address, bad keys file,
    store); stopped by Ctrl-C or SIGTERM, it ends as that signal (130, 143).
    """
    err = Console(stderr=True)
    try:
        import uvicorn

        from summarizer.serve import create_app
        from summarizer.serve.keys import may_listen_without_keys, read_keys
    except ImportError as error:
        fail(err, f"{INSTALL_HINT} ({error})", 2)
    try:
        api_keys = read_keys(keys)
        if not api_keys and not may_listen_without_keys(host):
            raise ConfigError(
                f"no API key, so the server listens on 127.0.0.1 only, not {host}; give --keys FILE"
                " or SUMMARIZER_API_KEYS"
            )
        settings = Settings.resolve(
            model, base_url=base_url, api_key=api_key, timeout=timeout, model_profile=model_profile
        )
        with Summarizer(settings=settings, max_passages=passages) as engine, Store(store) as db:
            app = create_app(engine, db, keys=api_keys, slots=slots)
            uvicorn.run(
                app, host=host, port=port, log_level="info", server_header=False, timeout_graceful_shutdown=GRACEFUL_S
            )
    except SummarizerError as error:
        fail(err, error, 2)
