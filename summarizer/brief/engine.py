"""The brief engine: article in, grounded Brief out, on any backend, sync or async.

Flow: article → numbered sentences → the lead and later names (reading.py) →
prompt → one structured call → one follow-up per later passage (its events
and sources) → grounding
→ (at most ``max_reasks`` targeted re-asks for names the article lacks) →
Brief with run metadata. Imports no renderer.

The flow is written once, as a generator (:meth:`Summarizer._flow`): it
yields each model request (an :class:`~summarizer.llm.client.Ask`) and
receives the answer. Two small drivers run it: :func:`drive` answers on the
calling thread (the model, or stored answers for :meth:`Summarizer.rebuild`),
:func:`adrive` awaits the async client. ``map``/``amap`` run the briefs
``concurrency`` at a time (summarizer/fanout.py).
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import threading
import time
import warnings
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, Field, ValidationError, create_model

from summarizer.brief.coverage import coverage
from summarizer.brief.grounding import GroundedDraft, Grounder, NameMiss
from summarizer.brief.languages import rules_for
from summarizer.brief.reading import MAX_PASSAGES, read
from summarizer.errors import ArticleError, SummarizerError
from summarizer.fanout import afan_out, fan_out
from summarizer.ingest.article import Article, as_article
from summarizer.llm.backends import Backend, Endpoint, Status, backend_for, resolve_backend
from summarizer.llm.client import Answer, Ask, ChatClient, Usage
from summarizer.llm.draft import EVENT_CHARS, MAX_ADDED, Addition, Draft, NameFix, addition_model, draft_model
from summarizer.llm.profile import ModelProfile
from summarizer.llm.prompts import BRIEF_PROMPTS
from summarizer.llm.retry import RetryPolicy
from summarizer.nlp.language import detect
from summarizer.nlp.pipeline import import_library
from summarizer.nlp.public_holidays import country_of_address
from summarizer.redact import redact
from summarizer.rules.text import ArticleIndex
from summarizer.schema import ArticleInfo, Brief, RunInfo, ServerTimings
from summarizer.settings import Settings

M = TypeVar("M", bound=BaseModel)

logger = logging.getLogger(__name__)

MAX_ARTICLE_CHARS = 20_000
"""About 5,000 tokens: what fits the embedded model's context beside the prompt and answer."""
MAX_REASKS = 1
"""One re-ask for names the article lacks: it costs a call (~20 tokens a name); a second rarely finds more (chosen by hand, not measured)."""
ADDITION_TOKENS = 60 * MAX_ADDED + 24
"""Bound of a passage's answer: an event or a source with its citations is ~25-50 compact-JSON tokens."""
CHARS_PER_TOKEN = 4
"""English JSON text: about four characters a token (what OpenAI's tokenizer guide says)."""

Flow = Generator[Ask, Answer, Brief]
"""A brief in the making: yields model requests, receives their answers, returns the Brief."""
INTERNAL_ERROR = "internal error while briefing this article ({what}); please report it with the article"
"""What an unexpected exception on one article says (the article is kept: it is what to report)."""


class ArticleTrimmed(UserWarning):
    """The article was longer than the model can read; only its beginning was used."""


@dataclass(frozen=True)
class BriefResult:
    """One article's outcome from :meth:`Summarizer.map` / :meth:`Summarizer.amap`.

    ``brief`` is set, or ``error`` (a :class:`SummarizerError` with a one-line
    message) says why that article has none; the other articles go on.
    """

    index: int
    """The article's position in the input (results come in the order they finish)."""
    article: Article | str
    brief: Brief | None = None
    error: SummarizerError | None = None

    def unwrap(self) -> Brief:
        """The brief, or raise the error that stopped it."""
        if self.brief is None:
            raise self.error or SummarizerError("no brief")
        return self.brief


@dataclass(frozen=True)
class Recorded:
    """A brief and the model's raw answers it was made from, in order (see :meth:`Summarizer.rebuild`)."""

    brief: Brief
    answers: tuple[str, ...]


class _Asker:
    """Asks the model about one article, as one conversation.

    The instructions come first (the same for every article, so llama.cpp's
    prompt cache reads them once per server), then what the model reads of the
    article (see reading.py); a re-ask continues the conversation, so only the
    new question is read.
    """

    def __init__(
        self, article: Article, index: ArticleIndex, usage: Usage, language: str = "en", passages: int = MAX_PASSAGES
    ) -> None:
        self.usage = usage
        rules = rules_for(language)
        self.reading = read(index, list_names=rules.lead_names, max_passages=passages)
        written_in = rules.written_in
        self.written_in = written_in
        self.messages = [
            {"role": "system", "content": BRIEF_PROMPTS.render("system", task=BRIEF_PROMPTS.render("brief"))},
            {
                "role": "user",
                "content": BRIEF_PROMPTS.render("user", article=article, reading=self.reading, language=written_in),
            },
        ]

    def __call__(
        self, model: type[M], max_tokens: int, followup: str | None = None, **variables: Any
    ) -> Generator[Ask, Answer, M]:
        if followup:
            self.messages.append({"role": "user", "content": BRIEF_PROMPTS.render(followup, **variables)})
        parsed, raw = yield Ask(model, list(self.messages), max_tokens, self.usage)
        self.messages.append({"role": "assistant", "content": raw})
        if not isinstance(parsed, model):
            raise TypeError(f"asked for {model.__name__}, got {type(parsed).__name__}")
        return parsed


class Summarizer:
    """Holds a backend (and, for the embedded model, its running server) for many briefs.

    Use it as a context manager, or call :meth:`close`, to stop the embedded server.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        client: object | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float | None = None,
        model_profile: str | None = None,
        backend: Backend | None = None,
        settings: Settings | None = None,
        max_reasks: int = MAX_REASKS,
        max_article_chars: int = MAX_ARTICLE_CHARS,
        max_passages: int = MAX_PASSAGES,
        retry: RetryPolicy | None = None,
        status: Status | None = None,
    ) -> None:
        """``settings``: already resolved (instead of model, base_url, api_key, timeout, model_profile).

        ``model_profile``: ``"large"`` gives a server's model room for more events, longer statements and every
        source (summarizer/llm/profile.py); ``openai/`` models get it unless ``"small"``; the embedded model never.

        ``max_passages``: follow-up reads of the text after the lead (0: the model reads the lead only).
        """
        if backend is None and settings is not None and client is None:
            backend = backend_for(settings)
        self.backend = backend or resolve_backend(
            model, base_url=base_url, api_key=api_key, timeout=timeout, client=client, model_profile=model_profile
        )
        self.max_reasks = max_reasks
        self.max_article_chars = max_article_chars
        self.max_passages = max_passages
        self.retry = retry or RetryPolicy()
        self.status: Status = status or (lambda _message: None)
        self._client: ChatClient | None = None
        self._starting = threading.Lock()

    def __repr__(self) -> str:
        return f"Summarizer(backend={self.backend.name!r}, model={self.backend.model!r})"

    @property
    def profile(self) -> ModelProfile:
        """The room the model's answers get: the backend's (see :class:`~summarizer.llm.backends.Capabilities`)."""
        return self.backend.capabilities.profile

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    async def __aenter__(self) -> Summarizer:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """:meth:`close`, first closing the async client this event loop used."""
        client = self._client
        if client is not None:
            await client.aclose()
        self.close()

    def close(self) -> None:
        with self._starting:
            if self._client is not None:
                self._client.close()
                self._client = None
            self.backend.close()

    def client(self) -> ChatClient:
        """The client, starting the backend on first use (once, even when threads ask together).

        spaCy is imported first, on the first caller's thread: never half-imported while a request runs.
        """
        with self._starting:
            if self._client is None:
                import_library()
                self._client = ChatClient(self.backend.endpoint(self.status), self.retry)
            return self._client

    async def aclient(self) -> ChatClient:
        """:meth:`client` without blocking the event loop while the embedded model loads."""
        client = self._client
        if client is not None:
            return client
        if self.backend.capabilities.runs_locally:
            return await asyncio.to_thread(self.client)  # loading takes seconds; other coroutines go on
        return self.client()

    def summarize(self, article: Article | str) -> Brief:
        """A grounded brief of one article (an Article, or the article's text)."""
        article, index = self._prepare(article)
        client = self.client()
        return drive(self._flow(article, index, client.endpoint), client.structured)

    def summarize_recorded(self, article: Article | str) -> Recorded:
        """:meth:`summarize`, keeping the model's raw answers: a store keeps them to rebuild the brief later."""
        article, index = self._prepare(article)
        client = self.client()
        answers: list[str] = []

        def answer(ask: Ask) -> Answer:
            answered = client.structured(ask)
            answers.append(answered[1])
            return answered

        brief = drive(self._flow(article, index, client.endpoint), answer)
        return Recorded(brief, tuple(answers))

    def first_request(self, article: Article | str) -> dict[str, Any]:
        """The body of the first chat-completions request of the article's brief, exactly as this Summarizer sends it.

        For a provider's Batch API: send it there, then hand its answer to :meth:`summarize_from`.
        """
        article, index = self._prepare(article)
        client = self.client()
        return client.request_body(next(self._flow(article, index, client.endpoint, quiet=True)))

    def summarize_from(self, article: Article | str, completion: Mapping[str, Any]) -> Recorded:
        """The brief whose first request (see :meth:`first_request`) was answered elsewhere with ``completion``.

        ``completion`` is the chat-completions response body (a Batch API's answer). It is grounded exactly
        as a live answer; what else the brief needs goes to the server live, continuing the same conversation:
        the first answer again when it does not validate, one request per later passage, any re-ask.
        """
        from openai.types.chat import ChatCompletion

        article, index = self._prepare(article)
        client = self.client()
        flow = self._flow(article, index, client.endpoint, quiet=True)
        ask = next(flow)
        raw = str(completion["choices"][0]["message"]["content"] or "")
        ask.usage.request()
        ask.usage.add(ChatCompletion.model_validate(completion))
        try:
            first: Answer = (ask.response_model.model_validate_json(raw), raw)
        except ValidationError:
            first = client.structured(ask)  # the normal path: asked again, live, with its own re-ask
        answers = [first[1]]

        def answer(ask: Ask) -> Answer:
            answered = client.structured(ask)
            answers.append(answered[1])
            return answered

        brief = drive(flow, answer, first)
        return Recorded(brief, tuple(answers))

    def rebuild(self, article: Article | str, answers: Sequence[str], run: RunInfo) -> Brief | None:
        """The brief of the stored ``answers`` with today's grounding and rules, without a model call.

        None when they no longer fit: today's flow asks a question they do not
        answer or leaves answers unasked, or an answer does not validate against today's draft. The
        model's cost (tokens, time, attempts) is the stored ``run``'s.
        """
        article, index = self._prepare(article)
        endpoint = Endpoint(base_url="", api_key="", model=run.model, backend=run.backend, timeout=0.0)
        given = iter(answers)

        def answer(ask: Ask) -> Answer:
            raw = next(given, None)
            if raw is None:
                raise _Unanswered
            try:
                return ask.response_model.model_validate_json(raw), raw
            except ValidationError:
                raise _Unanswered from None

        try:
            brief = drive(self._flow(article, index, endpoint, quiet=True), answer)
        except _Unanswered:
            return None
        if next(given, None) is not None:
            return None  # the stored run asked more than today's flow does: another flow's answers
        cost = {k: getattr(run, k) for k in ("prompt_tokens", "completion_tokens", "latency_s", "attempts")}
        return brief.model_copy(
            update={"run": brief.run.model_copy(update={**cost, "server_timings": run.server_timings})}
        )

    async def asummarize(self, article: Article | str) -> Brief:
        """:meth:`summarize` on the async client: many can run at once on one event loop."""
        article, index = self._prepare(article)
        client = await self.aclient()
        return await adrive(self._flow(article, index, client.endpoint), client.astructured)

    def map(self, articles: Iterable[Article | str], *, concurrency: int | None = None) -> Iterator[BriefResult]:
        """Brief many articles, ``concurrency`` at a time in threads; yield each result as it finishes.

        A failed article yields a :class:`BriefResult` holding its error; the
        rest go on. Articles are read from the iterable only as slots free up.
        """
        slots = self.concurrency(concurrency)
        self.client()  # start the backend once, before threads race to start it

        def brief(item: tuple[int, Article | str]) -> BriefResult:
            return BriefResult(*item, brief=self.summarize(item[1]))

        # On exit the briefs in flight are waited for: the caller may close this Summarizer next.
        yield from fan_out(enumerate(articles), brief, _failed, slots=slots, wait_running=True, name="summarizer")

    async def amap(
        self, articles: Iterable[Article | str] | AsyncIterable[Article | str], *, concurrency: int | None = None
    ) -> AsyncIterator[BriefResult]:
        """:meth:`map` on the event loop: ``concurrency`` briefs in flight, each yielded as it finishes."""
        slots = self.concurrency(concurrency)
        await self.aclient()

        async def brief(item: tuple[int, Article | str]) -> BriefResult:
            return BriefResult(*item, brief=await self.asummarize(item[1]))

        async for result in afan_out(_anumbered(articles), brief, _failed, slots=slots):
            yield result

    def concurrency(self, asked: int | None = None) -> int:
        """Requests in flight, matched to the backend: the embedded server gets that many slots.

        The embedded default is 1 slot (on 2 cores more slots share the same
        cores; see digest/briefing.py). Slots are fixed once the server runs.
        """
        if asked is not None and asked < 1:
            raise ValueError(f"concurrency must be at least 1, got {asked}")
        return self.backend.concurrency(asked)

    def _prepare(self, article: Article | str) -> tuple[Article, ArticleIndex]:
        """The article and its index, checked before any model is started."""
        if not isinstance(article, Article | str):
            raise ArticleError(
                f"summarize() takes an Article or the article's text as a str, not {type(article).__name__}"
            )
        checked = as_article(article)
        return checked, self._index(checked)

    @staticmethod
    def _language(article: Article, index: ArticleIndex) -> tuple[str, bool]:
        """The article's language and whether it was detected (metadata, when given, wins)."""
        if article.language:
            return article.language, False
        return detect(index.text), True

    def _flow(self, article: Article, index: ArticleIndex, endpoint: Endpoint, *, quiet: bool = False) -> Flow:
        """The brief of one article, as the requests it needs (see the module docstring)."""
        if not quiet:
            self.status(f"summarizing with {endpoint.model}")
        started = time.perf_counter()
        usage = Usage()
        language, detected = self._language(article, index)
        ask = _Asker(article, index, usage, language, self.max_passages)
        profile = self.profile
        draft = yield from ask(draft_model(len(ask.reading.lead), profile), profile.answer_tokens)
        added: list[Addition] = []
        for number, passage in enumerate(ask.reading.passages, 1):
            if not quiet:
                self.status(f"reading passage {number} of {len(ask.reading.passages)}")
            model = addition_model(passage[0].number, passage[-1].number, profile)
            tokens = _addition_tokens(profile)
            added.append((yield from ask(model, tokens, followup="more", passage=passage, language=ask.written_in)))
        grounder = Grounder(
            index,
            article.published,
            language,
            statement_chars=profile.event_chars,
            outlet_country=country_of_address(article.url),
            outlet=article.outlet,
        )
        grounded = grounder.ground(draft, added=added)
        reasks = 0
        while (fixable := [m for m in grounded.misses if m.fixable]) and reasks < self.max_reasks:
            reasks += 1
            if not quiet:
                self.status(f"re-asking for {len(fixable)} name(s) not found in the article")
                logger.info(
                    "re-ask %d of %d: %d name(s) the article does not contain: %s",
                    reasks,
                    self.max_reasks,
                    len(fixable),
                    ", ".join(repr(m.name) for m in fixable),
                )
            renames = yield from self._reask(ask, fixable)
            grounded = grounder.ground(draft, renames, added=added)
        _log_fallbacks(draft, grounded, logging.DEBUG if quiet else logging.INFO)
        article = article.model_copy(update={"language": language})
        brief = self._brief(article, index, endpoint, draft, grounded, usage, reasks, time.perf_counter() - started)
        info = brief.article.model_copy(update={"language_from": "detected" if detected else "metadata"})
        run = brief.run.model_copy(update={"model_chars": ask.reading.chars})
        return brief.model_copy(update={"article": info, "run": run, "coverage": coverage(language)})

    def _index(self, article: Article) -> ArticleIndex:
        index = ArticleIndex(article.text)
        if not index.sentences:
            raise ArticleError("the article has no text to summarize")
        if len(article.text) > self.max_article_chars:
            kept = [s for s in index.sentences if s.end <= self.max_article_chars]
            end = kept[-1].end if kept else _cut(article.text, self.max_article_chars)
            read_part = f"{len(kept)} of {len(index.sentences)} sentences" if kept else "no sentence ends before that"
            warnings.warn(
                ArticleTrimmed(
                    f"article is {len(article.text):,} characters; read only the first {end:,} ({read_part})"
                ),
                stacklevel=4,
            )
            index = ArticleIndex(article.text[:end])
        return index

    def _reask(self, ask: _Asker, misses: list[NameMiss]) -> Generator[Ask, Answer, dict[tuple[str, int], str]]:
        """Ask once, cheaply, for the article's own spelling of names it could not find."""
        items = [{"field": m.field, "name": m.name} for m in misses]
        exact = Annotated[
            list[Annotated[str, Field(max_length=60)]], Field(min_length=len(misses), max_length=len(misses))
        ]
        model = create_model("Fix", __base__=NameFix, fix=(exact, ...))
        # ~20 tokens a name of at most 60 characters, plus the JSON around the list.
        fix = yield from ask(model, 24 * len(misses) + 16, followup="reask", items=items)
        return {(m.field, m.position): name for m, name in zip(misses, fix.fix, strict=True)}

    def _brief(
        self,
        article: Article,
        index: ArticleIndex,
        endpoint: Endpoint,
        draft: Draft,
        grounded: GroundedDraft,
        usage: Usage,
        reasks: int,
        latency: float,
    ) -> Brief:
        timings = (
            ServerTimings(prompt_ms=round(usage.prompt_ms, 1), generation_ms=round(usage.generation_ms, 1))
            if usage.timed_calls == usage.calls and usage.calls
            else None
        )
        return Brief(
            headline=grounded.headline or draft.h,
            summary=grounded.summary or draft.sm,
            who=grounded.who,
            what=grounded.what,
            where=grounded.where,
            when=grounded.when,
            sources=grounded.sources,
            others=grounded.others,
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
                attempts=usage.requests,
                reasks=reasks,
                dropped_items=grounded.dropped,
                unsupported=grounded.rejected,
                truncated=len(index.text) < len(article.text),
                server_timings=timings,
            ),
        )


def drive(flow: Flow, answer: Callable[[Ask], Answer], first: Answer | None = None) -> Brief:
    """Run a flow to its brief, answering each of its requests with ``answer`` on this thread.

    ``first``: the answer to the flow's first request, already asked for (the flow is then already started).
    """
    try:
        ask = next(flow) if first is None else flow.send(first)
        while True:
            ask = flow.send(answer(ask))
    except StopIteration as done:
        brief: Brief = done.value
        return brief


async def adrive(flow: Flow, answer: Callable[[Ask], Awaitable[Answer]]) -> Brief:
    """:func:`drive`, awaiting each answer: other briefs go on meanwhile."""
    try:
        ask = next(flow)
        while True:
            ask = flow.send(await answer(ask))
    except StopIteration as done:
        brief: Brief = done.value
        return brief


class _Unanswered(Exception):
    """The stored answers do not answer today's flow (see :meth:`Summarizer.rebuild`)."""


def _failed(item: tuple[int, Article | str], error: Exception) -> BriefResult:
    """One article's failure, even a bug, is its result: it never stops the others."""
    return BriefResult(*item, error=_as_summarizer_error(error))


def _as_summarizer_error(error: Exception) -> SummarizerError:
    """The error as one line a user can act on; an unexpected exception is a bug to report (kept as the cause)."""
    if isinstance(error, SummarizerError):
        return error
    wrapped = SummarizerError(internal_error(error))
    wrapped.__cause__ = error
    return wrapped


def _log_fallbacks(draft: Draft, grounded: GroundedDraft, level: int) -> None:
    """What of the model's answer the brief does not use: dropped items, a headline or summary replaced."""
    if grounded.misses:
        names = ", ".join(f"{m.field} {m.name!r}" for m in grounded.misses)
        logger.log(level, "dropped %d item(s) whose name the article does not contain: %s", len(grounded.misses), names)
    for rejection in grounded.rejected:
        if rejection.field == "what":
            logger.log(level, "dropped the model's event %r: %s", rejection.statement, rejection.reason)
    why = {rejection.field: rejection.reason for rejection in grounded.rejected}
    for part, written, kept in (("headline", draft.h, grounded.headline), ("summary", draft.sm, grounded.summary)):
        if written != kept:
            reason = f" ({why[part]})" if part in why else ""
            logger.log(
                level, "the model's %s is not borne out by the article%s; using the article's own words", part, reason
            )


def internal_error(error: Exception) -> str:
    """One line for an unexpected exception: what broke (at most 200 characters of it) and what to do."""
    detail = redact(" ".join(str(error).split()))[:200]
    return INTERNAL_ERROR.format(what=type(error).__name__ + (f": {detail}" if detail else ""))


def _cut(text: str, limit: int) -> int:
    """Where to trim a text with no sentence end before ``limit``: the last space, if not too early."""
    space = text.rfind(" ", 0, limit)
    return space if space > limit // 2 else limit


async def _anumbered(
    articles: Iterable[Article | str] | AsyncIterable[Article | str],
) -> AsyncIterator[tuple[int, Article | str]]:
    if isinstance(articles, AsyncIterable):
        number = 0
        async for article in articles:
            yield number, article
            number += 1
    else:
        for item in enumerate(articles):
            yield item


_SHARED: dict[Settings, Summarizer] = {}
_SHARED_LOCK = threading.Lock()


def shared_summarizer(
    model: str | None = None,
    *,
    base_url: str | None = None,
    api_key: str | None = None,
    timeout: float | None = None,
    model_profile: str | None = None,
) -> Summarizer:
    """One Summarizer per configuration for this process, so :func:`summarize` loads the embedded model once.

    Closed when the process exits; the environment is part of the
    configuration (the resolved :class:`Settings`), so changing ``SUMMARIZER_MODEL`` gives another one.
    """
    settings = Settings.resolve(model, base_url=base_url, api_key=api_key, timeout=timeout, model_profile=model_profile)
    with _SHARED_LOCK:
        engine = _SHARED.get(settings)
        if engine is None:
            engine = _SHARED[settings] = Summarizer(settings=settings)
        return engine


@atexit.register
def _close_shared() -> None:
    with _SHARED_LOCK:
        for engine in _SHARED.values():
            engine.close()
        _SHARED.clear()


def _addition_tokens(profile: ModelProfile) -> int:
    """A passage's answer bound: ADDITION_TOKENS, and room for the profile's longer statements."""
    return ADDITION_TOKENS + MAX_ADDED * (profile.event_chars - EVENT_CHARS) // CHARS_PER_TOKEN


def summarize(
    article: Article | str,
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    timeout: float | None = None,
    model_profile: str | None = None,
) -> Brief:
    """A grounded brief of one article, on this process's shared Summarizer for these settings.

    ``model_profile``: ``"large"`` declares a ``base_url`` model large (see :class:`Summarizer`)."""
    shared = shared_summarizer(model, base_url=base_url, api_key=api_key, timeout=timeout, model_profile=model_profile)
    return shared.summarize(article)


async def asummarize(
    article: Article | str,
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    timeout: float | None = None,
    model_profile: str | None = None,
) -> Brief:
    """Async :func:`summarize`: ``asyncio.gather`` over many shares one Summarizer (one embedded server)."""
    engine = shared_summarizer(model, base_url=base_url, api_key=api_key, timeout=timeout, model_profile=model_profile)
    return await engine.asummarize(article)
