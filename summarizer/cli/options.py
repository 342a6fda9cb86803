"""Options every model-calling command shares, written once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def model_options(command: F) -> F:
    """--model, --base-url, --api-key, --timeout (each also from the environment)."""
    options = [
        click.option(
            "-m",
            "--model",
            envvar="SUMMARIZER_MODEL",
            help="local (default), local/<file.gguf>, openai/<model>, or a server's model name with --base-url."
            " [env: SUMMARIZER_MODEL]",
        ),
        click.option(
            "--base-url",
            envvar="SUMMARIZER_BASE_URL",
            help="An OpenAI-compatible server, e.g. http://localhost:8000/v1 (vLLM, Ollama, llama.cpp)."
            " [env: SUMMARIZER_BASE_URL]",
        ),
        click.option(
            "--api-key",
            envvar="SUMMARIZER_API_KEY",
            help="Key for --base-url or openai/ models. [env: SUMMARIZER_API_KEY, then OPENAI_API_KEY]",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=1),
            help="Seconds to wait for one model answer (default 600 embedded, 120 remote).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command
