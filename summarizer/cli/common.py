"""What the commands share, written once: the model options and the one-line error."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click
from rich.console import Console
from rich.text import Text

from summarizer.brief.reading import MAX_PASSAGES, PASSAGE_CHARS
from summarizer.llm.profile import PROFILES
from summarizer.redact import redact
from summarizer.render.control import printable

F = TypeVar("F", bound=Callable[..., Any])


PASSAGES_HELP = (
    f"Passages of ~{PASSAGE_CHARS:,} characters after the lead that the model reads, one follow-up call each"
    f" (default {MAX_PASSAGES}: articles up to ~3,300 characters whole, within twice the lead's model time;"
    " 0: the lead only, in one call). Rules read every sentence."
)


def model_options(command: F) -> F:
    """--model, --base-url, --api-key, --timeout, --model-profile, --passages: the same on every command that runs
    the model.

    A command resolves them once with ``Settings.resolve`` (summarizer/settings.py),
    which reads the environment (SUMMARIZER_MODEL, SUMMARIZER_BASE_URL,
    SUMMARIZER_API_KEY, SUMMARIZER_MODEL_PROFILE) below every flag: a flag and a variable are never
    taken as two flags (``--model local`` wins over SUMMARIZER_BASE_URL).
    """
    options = [
        click.option(
            "-m",
            "--model",
            help="local (default), local/<file.gguf>, openai/<model> (also openai:<model>, or a bare OpenAI model"
            " name such as gpt-4o-mini), none, or a server's model name with --base-url."
            " [env: SUMMARIZER_MODEL]",
        ),
        click.option(
            "--base-url",
            help="An OpenAI-compatible server, e.g. http://localhost:8000/v1 (vLLM, Ollama, llama.cpp)."
            " [env: SUMMARIZER_BASE_URL]",
        ),
        click.option(
            "--api-key",
            help="Key for --base-url or openai/ models. [env: SUMMARIZER_API_KEY, then OPENAI_API_KEY]",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=1),
            help="Seconds to wait for one model answer (default 600 embedded, 120 remote).",
        ),
        click.option(
            "--model-profile",
            type=click.Choice(list(PROFILES)),
            help="Room for the model's answer: small (the embedded model's tight bounds) or large (more events,"
            " longer statements, every source; for a large model behind --base-url). Default: large for openai/"
            " models, else small. [env: SUMMARIZER_MODEL_PROFILE]",
        ),
        click.option("--passages", type=click.IntRange(min=0, max=8), default=MAX_PASSAGES, help=PASSAGES_HELP),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def fail(err: Console, error: object, code: int, *, at_once: bool = False) -> NoReturn:
    """Print ``error: ...`` on one line and exit with ``code``.

    ``at_once`` skips Python's exit, which would wait for worker threads still
    running (a brief in flight); use it only when everything kept is committed.
    """
    # The message may hold paths, URLs or article text: printed as written (a URL's password hidden), never as markup
    # or control codes.
    line = redact(" ".join(printable(str(error)).split()))
    err.print(Text.assemble(("error:", "red"), " ", line), highlight=False, soft_wrap=True)
    if at_once:
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
