"""``summarizer brief``: one article in, one grounded brief out."""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from summarizer.brief.engine import Summarizer
from summarizer.cli.common import fail, model_options
from summarizer.cli.logs import quiet
from summarizer.errors import ArticleError, ConfigError, SummarizerError
from summarizer.files import unwritable, write_atomically
from summarizer.ingest.article import read_article
from summarizer.render import render_json, render_markdown, render_terminal
from summarizer.render.control import printable
from summarizer.schema import Brief
from summarizer.settings import Settings

FORMATS = ["pretty", "json", "markdown"]


@click.command()
@click.argument("file", type=str, metavar="FILE|URL|-")
@model_options
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="pretty (terminal), json (for piping), markdown. Default: pretty on a terminal, json otherwise.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the brief to this file (only once it is complete).",
)
def brief(
    file: str,
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    timeout: float | None,
    model_profile: str | None,
    passages: int,
    fmt: str | None,
    output: Path | None,
) -> None:
    """Write a grounded brief of one article.

    FILE is a .txt or .md article, a JSON object with "text" (and optional
    "title", "outlet", "url", "published", "language"), an .html page, an
    http(s) URL of an article page, or - for standard input. From a web page
    the main text, title, date, site name and author are extracted (evidence
    offsets then point into that extracted text). Give a published date (JSON)
    so that "on Sunday" resolves to a date.

    Each who/where/source item names the article's own words and quotes the
    sentence it rests on, with character offsets into your text; items the
    model cannot ground are dropped and counted. Articles longer than about
    20,000 characters are trimmed to their beginning, with a warning.

    Exit status: 0 brief written, 1 model or server failure, 2 bad input or options.
    """
    out = Console(stderr=False)
    err = Console(stderr=True)
    fmt = fmt or ("pretty" if sys.stdout.isatty() and output is None else "json")
    if output is not None and (why := unwritable(output)):
        fail(err, f"cannot write {output}: {why}; give another --output (nothing was briefed)", 2)
    try:
        with warnings.catch_warnings(record=True) as caught, err.status("starting…") as status:
            warnings.simplefilter("always")
            article = read_article(file)  # its warnings (control characters removed) are said with the model's
            settings = Settings.resolve(
                model, base_url=base_url, api_key=api_key, timeout=timeout, model_profile=model_profile
            )
            with Summarizer(settings=settings, max_passages=passages, status=status.update) as engine:
                result = engine.summarize(article)
        for warning in [] if quiet() else caught:
            said = printable(str(warning.message))
            err.print(Text.assemble(("warning:", "yellow"), f" {said}"), highlight=False, soft_wrap=True)
    except (ArticleError, ConfigError) as error:
        fail(err, error, 2)
    except SummarizerError as error:
        fail(err, error, 1)
    except KeyboardInterrupt:
        fail(err, "interrupted; nothing was written", 130)
    except Exception as error:  # a bug must still end in one line, not a traceback
        fail(err, f"internal error ({type(error).__name__}: {error}); please report it with the article", 1)
    _emit(result, fmt, output, out, err)


def _emit(brief: Brief, fmt: str, output: Path | None, out: Console, err: Console) -> None:
    if fmt == "pretty" and output is None:
        render_terminal(brief, out)
        return
    text = render_json(brief) if fmt == "json" else render_markdown(brief) if fmt == "markdown" else _plain(brief)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomically(output, text)
    except OSError as error:
        sys.stdout.write(text)  # the model's work is not lost: the brief goes to standard output instead
        sys.stdout.flush()
        reason = error.strerror or str(error)
        fail(err, f"cannot write {output}: {reason}; the brief was printed to standard output instead", 1)
    err.print(Text(printable(f"wrote {output}")), highlight=False)


def _plain(brief: Brief) -> str:
    console = Console(record=True, width=100, file=open(os.devnull, "w"))  # noqa: SIM115
    render_terminal(brief, console)
    return console.export_text()
