"""The library as a Python user meets it: sync and async on one flow, map/amap, one shared server, own clients.

The model is either the ``none`` backend (answered in-process, from the
request's schema) or the 127.0.0.1 fault server answering with that same
schema-minimal completion, so these tests hold whatever the prompts say.
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import time
import types
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, ClassVar

import httpx2
import instructor
import openai
import pytest

import summarizer
from summarizer import ArticleError, Brief, BriefResult, ConfigError, Summarizer
from summarizer.brief import engine as engine_module
from summarizer.llm.backends.embedded import EmbeddedBackend
from summarizer.llm.backends.none import answer, minimal_instance
from summarizer.llm.client import ChatClient
from summarizer.llm.draft import draft_model
from summarizer.llm.retry import RetryPolicy
from tests.conftest import SEED, requires_seed, run_cli
from tests.fault_server import Reply, error, fault_server, schema_minimal

REAL_EMBEDDED_ENDPOINT = EmbeddedBackend.endpoint
"""Saved before conftest's guard replaces it, for the test that fakes the llama.cpp binding."""
FAST = RetryPolicy(attempts=3, initial_wait=0.05, max_wait=3.0)
ARTICLES = [
    "Police in Lyon arrested two men on Tuesday, the prosecutor said. The men deny the charges.",
    "The council approved the budget on Monday. Critics said the vote was rushed, according to local media.",
    "Floods hit the north of Italy. At least 20 people were evacuated, officials said on Sunday.",
    "The company reported record profits. Its chief executive, Ana Ruiz, told Reuters demand had doubled.",
]


def minimal_reply(hang: float = 0.0) -> Reply:
    """The answer the ``none`` model would give to each request (its schema's minimal instance)."""
    reply = schema_minimal()
    reply.hang = hang
    return reply


def comparable(brief: Brief) -> dict[str, Any]:
    data = brief.model_dump(mode="json")
    data["run"].pop("latency_s")
    return data


@requires_seed
def test_none_backend_brief_is_the_rules_alone() -> None:
    with Summarizer("none") as engine:
        brief = engine.summarize(SEED.read_text())
    text = SEED.read_text()
    assert (brief.run.backend, brief.run.model) == ("none", "none")
    assert brief.run.attempts == 1 and brief.run.completion_tokens == 0
    assert brief.sources, "attribution rules still find who said what"
    for source in brief.sources:
        assert all(text[span.start : span.end] == span.text for span in source.evidence)


def test_minimal_instance_is_generic_over_json_schema() -> None:
    schema = {
        "type": "object",
        "$defs": {
            "Kind": {"enum": ["b", "a"]},
            "Item": {"type": "object", "properties": {"k": {"$ref": "#/$defs/Kind"}}, "required": ["k"]},
        },
        "properties": {
            "name": {"type": "string", "minLength": 3},
            "note": {"type": "string"},
            "items": {"type": "array", "items": {"$ref": "#/$defs/Item"}, "minItems": 2},
            "tags": {"type": "array", "items": {"type": "string"}},
            "count": {"type": "integer", "minimum": 4},
            "above": {"type": "integer", "exclusiveMinimum": 4},
            "ratio": {"type": "number"},
            "flag": {"type": "boolean"},
            "maybe": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "fixed": {"const": 7},
            "optional": {"type": "string", "minLength": 9},
        },
        "required": ["name", "note", "items", "tags", "count", "above", "ratio", "flag", "maybe", "fixed"],
    }
    assert minimal_instance(schema) == {
        "name": "xxx",
        "note": "",
        "items": [{"k": "b"}, {"k": "b"}],
        "tags": [],
        "count": 4,
        "above": 5,
        "ratio": 0.0,
        "flag": False,
        "maybe": None,
        "fixed": 7,
    }


def test_none_answer_fits_every_draft_schema() -> None:
    for sentences in (1, 7, 40):
        model = draft_model(sentences)
        request = httpx2.Request(
            "POST",
            "http://none.invalid/v1/chat/completions",
            json={"response_format": {"type": "json_schema", "json_schema": {"schema": model.model_json_schema()}}},
        )
        content = json.loads(answer(request).content)["choices"][0]["message"]["content"]
        model.model_validate_json(content)


def test_sync_and_async_run_the_same_flow() -> None:
    with Summarizer("none") as engine:
        sync = engine.summarize(ARTICLES[1])
        asynchronous = asyncio.run(engine.asummarize(ARTICLES[1]))
    assert comparable(sync) == comparable(asynchronous)


def test_map_yields_every_article_and_errors_as_results() -> None:
    articles: list[Any] = [*ARTICLES, "   ", None]
    with Summarizer("none") as engine:
        results = list(engine.map(articles, concurrency=3))
    assert sorted(r.index for r in results) == list(range(len(articles)))
    by_index = {r.index: r for r in results}
    assert all(by_index[i].brief is not None and by_index[i].error is None for i in range(len(ARTICLES)))
    assert isinstance(by_index[4].error, ArticleError) and "empty" in str(by_index[4].error)
    assert isinstance(by_index[5].error, ArticleError) and "NoneType" in str(by_index[5].error)
    with pytest.raises(ArticleError):
        by_index[5].unwrap()
    assert isinstance(by_index[0].unwrap(), Brief)


def test_map_reads_articles_lazily_and_keeps_concurrency() -> None:
    pulled: list[int] = []

    def articles() -> Iterator[str]:
        for number, text in enumerate(ARTICLES * 3):
            pulled.append(number)
            yield text

    with Summarizer("none") as engine:
        first = next(engine.map(articles(), concurrency=2))
        assert isinstance(first, BriefResult)
        assert len(pulled) <= 3, "no more than the slots (and one refill) read before the first result"


def test_amap_yields_as_briefs_finish_with_bounded_concurrency() -> None:
    """Four articles, two at a time, each answer 1 s late: about 2 s (one by one: 4 s), in flight never above 2."""
    in_flight = peak = 0
    lock = threading.Lock()

    async def texts() -> AsyncIterator[str]:
        for text in ARTICLES:
            yield text

    with fault_server(minimal_reply(hang=1.0)) as server:
        engine = Summarizer(base_url=server.url, retry=FAST, max_reasks=0)
        original = engine.asummarize

        async def counted(article: Any) -> Brief:
            nonlocal in_flight, peak
            with lock:
                in_flight += 1
                peak = max(peak, in_flight)
            try:
                return await original(article)
            finally:
                with lock:
                    in_flight -= 1

        engine.asummarize = counted  # type: ignore[method-assign]

        async def collect() -> tuple[list[BriefResult], float]:
            await original(ARTICLES[0])  # warm: client made, schemas built
            started = time.monotonic()
            results = [result async for result in engine.amap(texts(), concurrency=2)]
            return results, time.monotonic() - started

        results, elapsed = asyncio.run(collect())
    assert sorted(r.index for r in results) == [0, 1, 2, 3]
    assert all(r.brief is not None for r in results)
    assert peak == 2
    assert len(server.requests) == 5
    assert 1.9 < elapsed < 3.2


def test_asummarize_uses_the_async_client_not_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Five briefs at once on one event loop, none through the sync path, all five requests overlapping.

    Five: the test server's listen backlog; more connections at once wait for a SYN retry (1 s).
    """

    def sync_path(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("asummarize went through the sync client")

    monkeypatch.setattr(ChatClient, "structured", sync_path)
    monkeypatch.setattr(Summarizer, "summarize", sync_path)
    with fault_server(minimal_reply(hang=0.8)) as server:

        async def gather() -> tuple[list[Brief], float]:
            async with Summarizer(base_url=server.url, retry=FAST, max_reasks=0) as engine:
                await engine.asummarize(ARTICLES[0])  # warm: client made, schemas built
                started = time.monotonic()
                briefs = await asyncio.gather(*(engine.asummarize(ARTICLES[n % 4]) for n in range(5)))
                return briefs, time.monotonic() - started

        briefs, elapsed = asyncio.run(gather())
    assert len(briefs) == 5 and len(server.requests) == 6
    assert elapsed < 2.0, f"5 answers 0.8 s late each took {elapsed:.1f}s: they did not overlap (one by one: 4 s)"
    assert max(server.requests[1:]) - min(server.requests[1:]) < 0.5


def test_module_level_functions_share_one_summarizer(monkeypatch: pytest.MonkeyPatch) -> None:
    """summarize()/asummarize() reuse one Summarizer per settings: the embedded model would load once."""
    for name in ("SUMMARIZER_MODEL", "SUMMARIZER_BASE_URL", "SUMMARIZER_API_KEY", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    made: list[Summarizer] = []
    original_init = Summarizer.__init__

    def counting_init(self: Summarizer, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(Summarizer, "__init__", counting_init)
    monkeypatch.setattr(engine_module, "_SHARED", {})
    summarizer.summarize(ARTICLES[0], model="none")
    summarizer.summarize(ARTICLES[1], model="none")

    async def gather() -> list[Brief]:
        return await asyncio.gather(*(summarizer.asummarize(text, model="none") for text in ARTICLES))

    assert len(asyncio.run(gather())) == 4
    assert len(made) == 1
    monkeypatch.setenv("SUMMARIZER_MODEL", "none")
    summarizer.summarize(ARTICLES[0])
    assert len(made) == 2, "other settings (here from the environment) get their own Summarizer"


class FakeServer:
    """Stands in for ``xllamacpp.Server``: counts starts, and serves from the fault server."""

    starts: ClassVar[list[Any]] = []
    address = ""

    def __init__(self, params: Any) -> None:
        time.sleep(0.3)  # loading takes a while: concurrent callers must wait for this one start
        FakeServer.starts.append(params)
        self.listening_address = FakeServer.address


def fake_binding(monkeypatch: pytest.MonkeyPatch, address: str) -> None:
    FakeServer.starts = []
    FakeServer.address = address

    class Params:
        def __init__(self) -> None:
            self.model = types.SimpleNamespace(path="")
            self.cpuparams = types.SimpleNamespace(n_threads=0)
            self.cpuparams_batch = types.SimpleNamespace(n_threads=0)

    module = types.SimpleNamespace(CommonParams=Params, Server=FakeServer)
    monkeypatch.setitem(sys.modules, "xllamacpp", module)
    monkeypatch.setattr(EmbeddedBackend, "endpoint", REAL_EMBEDDED_ENDPOINT)


def test_gather_over_asummarize_starts_one_embedded_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    gguf = tmp_path / "tiny.gguf"
    gguf.write_bytes(b"GGUF")
    with fault_server(minimal_reply()) as server:
        fake_binding(monkeypatch, server.url.removesuffix("/v1"))
        backend = EmbeddedBackend(model="tiny", gguf=gguf)

        async def gather() -> list[Brief]:
            async with Summarizer(backend=backend, retry=FAST) as engine:
                return await asyncio.gather(*(engine.asummarize(text) for text in ARTICLES * 2))

        briefs = asyncio.run(gather())
    assert len(briefs) == 8
    assert len(FakeServer.starts) == 1
    assert {b.run.backend for b in briefs} == {"embedded"}


def test_amap_gives_the_embedded_server_as_many_slots_as_asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    gguf = tmp_path / "tiny.gguf"
    gguf.write_bytes(b"GGUF")
    with fault_server(minimal_reply()) as server:
        fake_binding(monkeypatch, server.url.removesuffix("/v1"))

        async def run() -> list[BriefResult]:
            async with Summarizer(backend=EmbeddedBackend(model="tiny", gguf=gguf), retry=FAST) as engine:
                return [result async for result in engine.amap(ARTICLES, concurrency=3)]

        results = asyncio.run(run())
    assert len(results) == 4 and all(r.brief for r in results)
    assert [params.n_parallel for params in FakeServer.starts] == [3]


def test_bring_your_own_openai_clients() -> None:
    with fault_server(minimal_reply()) as server:
        own = openai.OpenAI(base_url=server.url, api_key="caller-key")
        with Summarizer("openai/served-model", client=own) as engine:
            brief = engine.summarize(ARTICLES[0])
        assert (brief.run.model, brief.run.backend) == ("served-model", "openai-compatible")

        async def run_async() -> Brief:
            async with Summarizer("served-model", client=openai.AsyncOpenAI(base_url=server.url, api_key="k")) as e:
                return await e.asummarize(ARTICLES[1])

        assert asyncio.run(run_async()).run.model == "served-model"
        patched = instructor.from_openai(
            openai.OpenAI(base_url=server.url, api_key="k"), mode=instructor.Mode.JSON_SCHEMA
        )
        assert Summarizer("served-model", client=patched).summarize(ARTICLES[2]).headline
    assert len(server.requests) == 3
    assert not own.is_closed(), "the caller's client stays open: closing it is the caller's business"


def test_own_client_retries_are_ours_alone() -> None:
    """The SDK's own retries are turned off on a caller's client: 3 attempts of our policy, not 3 x 3."""
    with fault_server(error(500)) as server:
        own = openai.OpenAI(base_url=server.url, api_key="k", max_retries=2)
        with Summarizer("m", client=own, retry=FAST) as engine, pytest.raises(summarizer.BackendError):
            engine.summarize(ARTICLES[0])
    assert len(server.requests) == 3


def test_own_client_misuse_is_a_one_line_config_error() -> None:
    with pytest.raises(ConfigError, match="name the model"):
        Summarizer(client=openai.OpenAI(base_url="http://127.0.0.1:9/v1", api_key="k"))
    with pytest.raises(ConfigError, match="client= takes"):
        Summarizer("m", client=object())
    with pytest.raises(ConfigError, match="brings its own base URL and key"):
        Summarizer("m", client=openai.OpenAI(base_url="http://127.0.0.1:9/v1", api_key="k"), api_key="other")
    engine = Summarizer("m", client=openai.AsyncOpenAI(base_url="http://127.0.0.1:9/v1", api_key="k"))
    with pytest.raises(ConfigError, match="use asummarize/amap"):
        engine.summarize(ARTICLES[0])


def test_bad_article_values_say_what_was_wrong() -> None:
    with Summarizer("none") as engine:
        with pytest.raises(ArticleError, match="not NoneType"):
            engine.summarize(None)  # type: ignore[arg-type]
        with pytest.raises(ArticleError, match="not bytes"):
            engine.summarize(b"bytes")  # type: ignore[arg-type]
        with pytest.raises(ArticleError, match="empty"):
            engine.summarize("  \n")


def test_long_article_without_a_full_stop_is_trimmed() -> None:
    text = "word " * 40_000  # 200,000 characters, no sentence end
    with Summarizer("none") as engine, pytest.warns(summarizer.ArticleTrimmed):
        brief = engine.summarize(text)
    assert brief.run.truncated
    assert brief.article.chars == 200_000
    assert 10_000 < brief.article.chars_used <= engine.max_article_chars


def test_public_brief_reads_fields_it_does_not_know() -> None:
    with Summarizer("none") as engine:
        data = engine.summarize(ARTICLES[0]).model_dump(mode="json")
    data["from_a_newer_writer"] = {"x": 1}
    data["run"]["new_counter"] = 3
    assert Brief.model_validate(data).run.backend == "none"


@requires_seed
def test_cli_model_none_marks_the_brief() -> None:
    result = run_cli("brief", str(SEED), "--model", "none", "--format", "json")
    assert result.returncode == 0, result.stderr
    run = json.loads(result.stdout)["run"]
    assert (run["backend"], run["model"], run["completion_tokens"]) == ("none", "none", 0)


def test_a_bug_on_one_article_is_that_articles_error_in_map(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Summarizer._index

    def broken_on_floods(self: Summarizer, article: Any) -> Any:
        if "Floods" in article.text:
            raise KeyError("boom")
        return original(self, article)

    monkeypatch.setattr(Summarizer, "_index", broken_on_floods)
    with Summarizer("none") as engine:
        results = {r.index: r for r in engine.map(ARTICLES, concurrency=2)}

        async def collect() -> dict[int, BriefResult]:
            return {r.index: r async for r in engine.amap(ARTICLES)}

        async_results = asyncio.run(collect())
    for outcome in (results, async_results):
        assert [i for i, r in sorted(outcome.items()) if r.brief is None] == [2]
        error = outcome[2].error
        assert error is not None and "internal error while briefing this article (KeyError: 'boom')" in str(error)
        assert isinstance(error.__cause__, KeyError)
