"""Bring your own client: an ``openai.OpenAI`` / ``AsyncOpenAI`` or an instructor client you configured.

As with instructor and pydantic-ai, the caller owns the client (its base URL,
key, proxies, headers); we only name the model and send requests through it.
Its own retries are turned off (``with_options(max_retries=0)``) so that
summarizer's retry policy is the only retry layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarizer.errors import ConfigError
from summarizer.llm.backends.base import REMOTE_CONCURRENCY, Capabilities, Endpoint, Status
from summarizer.llm.backends.remote import REMOTE_TIMEOUT, same_origin
from summarizer.llm.profile import LARGE, SMALL, profile_named
from summarizer.settings import OPENAI_URL

if TYPE_CHECKING:
    import openai

CLIENT_KINDS = "openai.OpenAI, openai.AsyncOpenAI, or an instructor client made from one"


@dataclass
class ProvidedBackend:
    """A caller's client; nothing to start, and closing it is the caller's business."""

    model: str
    client: object = field(repr=False)
    timeout: float | None = None
    """Applied to the client when given; else the client's own timeout holds."""
    name: str = "openai-compatible"
    declared: str | None = None
    """The model profile the caller declared (``small``/``large``); None: large at OpenAI's URL, else small."""

    def __post_init__(self) -> None:
        inner = _openai_client(self.client)
        if inner is None:
            raise ConfigError(f"client= takes {CLIENT_KINDS}; got {type(self.client).__name__}")
        if same_origin(str(inner.base_url), OPENAI_URL):
            self.name = "openai"

    @property
    def capabilities(self) -> Capabilities:
        profile = profile_named(self.declared, LARGE if self.name == "openai" else SMALL)
        return Capabilities(runs_locally=False, batch_api=True, profile=profile)

    def concurrency(self, asked: int | None = None) -> int:
        return asked or REMOTE_CONCURRENCY

    def endpoint(self, status: Status | None = None) -> Endpoint:
        inner = _openai_client(self.client)
        timeout = self.timeout or _seconds(getattr(inner, "timeout", None)) or REMOTE_TIMEOUT
        url = str(inner.base_url).rstrip("/") if inner is not None else ""
        return Endpoint(url, "", self.model, self.name, timeout, client=self.client)

    def close(self) -> None:
        return None


def provided_backend(
    model: str | None, client: object, timeout: float | None, model_profile: str | None = None
) -> ProvidedBackend:
    """``Summarizer("gpt-4o-mini", client=openai.OpenAI())``: the model name is required."""
    if not model:
        raise ConfigError("with client=, name the model too: Summarizer('gpt-4o-mini', client=client)")
    profile_named(model_profile)  # an unknown name fails here, before any request
    return ProvidedBackend(
        model.removeprefix("openai/").removeprefix("openai:"), client, timeout, declared=model_profile
    )


def _openai_client(client: object) -> openai.OpenAI | openai.AsyncOpenAI | None:
    import instructor
    import openai

    if isinstance(client, instructor.Instructor | instructor.AsyncInstructor):
        client = client.client
    if isinstance(client, openai.OpenAI | openai.AsyncOpenAI):
        return client
    return None


def _seconds(timeout: object) -> float | None:
    if isinstance(timeout, int | float):
        return float(timeout)
    total = [getattr(timeout, part, None) for part in ("read", "connect")]
    return next((float(t) for t in total if isinstance(t, int | float)), None)
