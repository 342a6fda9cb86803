"""The brief engine: article in, grounded Brief out, on any backend.

Flow: article → numbered sentences → the lead and later names (reading.py) →
prompt → one structured call → grounding
→ (at most ``max_reasks`` targeted re-asks for names the article lacks) →
Brief with run metadata. Imports no renderer.
"""

from __future__ import annotations

import asyncio
import threading
import time
import warnings
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, Field, create_model

from summarizer.brief.merge import GroundedDraft, Grounder, NameMiss
from summarizer.brief.reading import read
from summarizer.errors import ArticleError
from summarizer.ingest.article import Article, as_article
from summarizer.llm.backends import Backend, Status, resolve_backend
from summarizer.llm.client import ChatClient, Usage
from summarizer.llm.draft import Draft, NameFix, draft_model
from summarizer.llm.prompts import BRIEF_PROMPTS
from summarizer.llm.retry import RetryPolicy
from summarizer.rules.text import ArticleIndex
from summarizer.schema import ArticleInfo, Brief, RunInfo, ServerTimings

M = TypeVar("M", bound=BaseModel)

MAX_ARTICLE_CHARS = 20_000
"""About 5,000 tokens: what fits the embedded model's context beside the prompt and answer."""
MAX_BRIEF_TOKENS = 600
MAX_REASKS = 1


class ArticleTrimmed(UserWarning):
    """The article was longer than the model can read; only its beginning was used."""


class _Asker:
    """Asks the model about one article, as one conversation.

    The instructions come first (the same for every article, so llama.cpp's
    prompt cache reads them once per server), then what the model reads of the
    article (see reading.py); a re-ask continues the conversation, so only the
    new question is read.
    """

    def __init__(self, client: ChatClient, article: Article, index: ArticleIndex, usage: Usage) -> None:
        self.client = client
        self.usage = usage
        self.reading = read(index)
        self.messages = [
            {"role": "system", "content": BRIEF_PROMPTS.render("system", task=BRIEF_PROMPTS.render("brief"))},
            {"role": "user", "content": BRIEF_PROMPTS.render("user", article=article, reading=self.reading)},
        ]

    def __call__(self, model: type[M], max_tokens: int, followup: str | None = None, **variables: Any) -> M:
        if followup:
            self.messages.append({"role": "user", "content": BRIEF_PROMPTS.render(followup, **variables)})
        parsed, raw = self.client.structured(model, self.messages, self.usage, max_tokens)
        self.messages.append({"role": "assistant", "content": raw})
        return parsed


class Summarizer:
    """Holds a backend (and, for the embedded model, its running server) for many briefs.

    Use it as a context manager, or call :meth:`close`, to stop the embedded server.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float | None = None,
        backend: Backend | None = None,
        max_reasks: int = MAX_REASKS,
        max_article_chars: int = MAX_ARTICLE_CHARS,
        retry: RetryPolicy | None = None,
        status: Status | None = None,
    ) -> None:
        self.backend = backend or resolve_backend(model, base_url=base_url, api_key=api_key, timeout=timeout)
        self.max_reasks = max_reasks
        self.max_article_chars = max_article_chars
        self.retry = retry or RetryPolicy()
        self.status: Status = status or (lambda _message: None)
        self._client: ChatClient | None = None
        self._starting = threading.Lock()

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        self.backend.close()

    def client(self) -> ChatClient:
        """The client, starting the backend on first use (once, even when threads ask together)."""
        with self._starting:
            if self._client is None:
                self._client = ChatClient(self.backend.endpoint(self.status), self.retry)
            return self._client

    def summarize(self, article: Article | str) -> Brief:
        """A grounded brief of one article (an Article, or the article's text)."""
        article = as_article(article)
        index = self._index(article)
        client = self.client()
        self.status(f"summarizing with {client.endpoint.model}")
        started = time.perf_counter()
        usage = Usage()
        ask = _Asker(client, article, index, usage)
        draft = ask(draft_model(len(ask.reading.lead)), MAX_BRIEF_TOKENS)
        grounder = Grounder(index, article.published)
        grounded = grounder.ground(draft)
        reasks = 0
        while (fixable := [m for m in grounded.misses if m.fixable]) and reasks < self.max_reasks:
            reasks += 1
            self.status(f"re-asking for {len(fixable)} name(s) not found in the article")
            renames = self._reask(ask, fixable)
            grounded = grounder.ground(draft, renames)
        return self._brief(article, index, draft, grounded, usage, reasks, time.perf_counter() - started)

    async def asummarize(self, article: Article | str) -> Brief:
        """:meth:`summarize` in a worker thread, for asyncio code."""
        return await asyncio.to_thread(self.summarize, article)

    def _index(self, article: Article) -> ArticleIndex:
        index = ArticleIndex(article.text)
        if not index.sentences:
            raise ArticleError("the article has no text to summarize")
        if len(article.text) > self.max_article_chars:
            kept = [s for s in index.sentences if s.end <= self.max_article_chars] or index.sentences[:1]
            warnings.warn(
                ArticleTrimmed(
                    f"article is {len(article.text):,} characters; read only the first {kept[-1].end:,} "
                    f"({len(kept)} of {len(index.sentences)} sentences)"
                ),
                stacklevel=3,
            )
            index = ArticleIndex(article.text[: kept[-1].end])
        return index

    def _reask(self, ask: _Asker, misses: list[NameMiss]) -> dict[tuple[str, int], str]:
        """Ask once, cheaply, for the article's own spelling of names it could not find."""
        items = [{"field": m.field, "name": m.name} for m in misses]
        exact = Annotated[
            list[Annotated[str, Field(max_length=60)]], Field(min_length=len(misses), max_length=len(misses))
        ]
        model = create_model("Fix", __base__=NameFix, fix=(exact, ...))
        fix = ask(model, 24 * len(misses) + 16, followup="reask", items=items)
        assert isinstance(fix, NameFix)
        return {(m.field, m.position): name for m, name in zip(misses, fix.fix, strict=True)}

    def _brief(
        self,
        article: Article,
        index: ArticleIndex,
        draft: Draft,
        grounded: GroundedDraft,
        usage: Usage,
        reasks: int,
        latency: float,
    ) -> Brief:
        endpoint = self.client().endpoint
        timings = (
            ServerTimings(prompt_ms=round(usage.prompt_ms, 1), generation_ms=round(usage.generation_ms, 1))
            if usage.timed_calls == usage.calls and usage.calls
            else None
        )
        return Brief(
            headline=draft.h,
            summary=draft.sm,
            who=grounded.who,
            what=grounded.what,
            where=grounded.where,
            when=grounded.when,
            sources=grounded.sources,
            uncertainty=grounded.uncertainty(),
            article=ArticleInfo(
                title=article.title,
                outlet=article.outlet,
                url=article.url,
                published=article.published,
                language=article.language,
                chars=len(article.text),
                chars_used=len(index.text),
            ),
            run=RunInfo(
                model=endpoint.model,
                backend=endpoint.backend,
                prompt_version=BRIEF_PROMPTS.version,
                prompt_tokens=usage.prompt_tokens,
                completion_tokens=usage.completion_tokens,
                latency_s=round(latency, 3),
                attempts=usage.calls,
                reasks=reasks,
                dropped_items=grounded.dropped,
                truncated=len(index.text) < len(article.text),
                server_timings=timings,
            ),
        )


def summarize(
    article: Article | str,
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    timeout: float | None = None,
) -> Brief:
    """A grounded brief of one article. For many articles, reuse a :class:`Summarizer`."""
    with Summarizer(model, base_url=base_url, api_key=api_key, timeout=timeout) as summarizer:
        return summarizer.summarize(article)


async def asummarize(
    article: Article | str,
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    timeout: float | None = None,
) -> Brief:
    """Async :func:`summarize`."""
    return await asyncio.to_thread(summarize, article, model=model, base_url=base_url, api_key=api_key, timeout=timeout)
