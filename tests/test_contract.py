"""The published contract: JSON Schemas in schemas/ and the package's exports."""

from __future__ import annotations

import inspect
import subprocess
import sys

import summarizer
from summarizer.schemas import schema_documents
from tests.conftest import ROOT


def test_schemas_in_sync() -> None:
    for name, text in schema_documents().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"run `python -m summarizer.schemas` to create {path}"
        assert path.read_text() == text, f"{path} is stale: run `python -m summarizer.schemas`"


def test_public_api_surface() -> None:
    assert sorted(summarizer.__all__) == sorted(
        [
            "SCHEMA_VERSION",
            "Actor",
            "Article",
            "ArticleError",
            "ArticleTrimmed",
            "BackendError",
            "Brief",
            "BriefResult",
            "ConfigError",
            "Digest",
            "Event",
            "ModelOutputError",
            "ModelUnavailableError",
            "Place",
            "RunInfo",
            "Source",
            "Span",
            "Summarizer",
            "SummarizerError",
            "TimeReference",
            "TransientBackendError",
            "Uncertainty",
            "UncertaintyReason",
            "__version__",
            "asummarize",
            "build_digest",
            "read_article",
            "summarize",
        ]
    )
    for name in summarizer.__all__:
        assert hasattr(summarizer, name)


def test_summarizer_surface() -> None:
    """One engine, sync and async, one article or many, any backend or the caller's own client."""
    engine = summarizer.Summarizer
    for name in ("summarize", "map", "close", "client"):
        assert callable(getattr(engine, name)) and not inspect.iscoroutinefunction(getattr(engine, name))
    assert inspect.iscoroutinefunction(engine.asummarize)
    assert inspect.isasyncgenfunction(engine.amap)
    assert inspect.iscoroutinefunction(summarizer.asummarize)
    parameters = inspect.signature(engine).parameters
    assert list(parameters)[:2] == ["model", "client"]
    assert all(p.kind is p.KEYWORD_ONLY for name, p in parameters.items() if name != "model")
    assert list(inspect.signature(engine.map).parameters) == ["self", "articles", "concurrency"]
    assert {"index", "article", "brief", "error"} <= set(summarizer.BriefResult.__dataclass_fields__)


def test_schema_import_is_light() -> None:
    """The public contract does not pay for the model client (timed in benchmarks/amap.py, not here)."""
    code = "import sys, summarizer.schema; print(sorted(m for m in ('openai', 'instructor', 'httpx2') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_threads_never_see_a_half_imported_module() -> None:
    """Starting the client imports spaCy (and the legacy httpx it pulls in, which the openai client looks up on
    every request) on the caller's thread, before any worker thread briefs: once, a digest's second thread saw
    httpx half-imported by the first thread's lazy spaCy import and failed its brief."""
    code = (
        "import sys\n"
        "from summarizer import Summarizer\n"
        "engine = Summarizer(base_url='http://127.0.0.1:9/v1', api_key='x', model='m')\n"
        "before = 'spacy' in sys.modules\n"
        "engine.client()\n"
        "httpx = sys.modules.get('httpx')\n"
        "print(before, 'spacy' in sys.modules, httpx is None or hasattr(httpx, 'Timeout'))\n"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.split() == ["False", "True", "True"]
