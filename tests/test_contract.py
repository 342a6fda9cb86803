"""The published contract: JSON Schemas in schemas/ and the package's exports."""

from __future__ import annotations

import ast
import inspect
import json
import re
import subprocess
import sys
from importlib import import_module

import pytest
from pydantic import BaseModel

import summarizer
import summarizer.errors as summarizer_errors
from summarizer.schema_files import schema_documents
from tests.conftest import ROOT


def test_schemas_in_sync() -> None:
    for name, text in schema_documents().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"run `python -m summarizer.schema_files` to create {path}"
        assert path.read_text() == text, f"{path} is stale: run `python -m summarizer.schema_files`"


def _type_checking_imports() -> dict[str, str]:
    """What ``summarizer/__init__.py`` imports for type checkers, name -> module."""
    tree = ast.parse((ROOT / "summarizer" / "__init__.py").read_text())
    block = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    return {a.name: n.module or "" for n in ast.walk(block) if isinstance(n, ast.ImportFrom) for a in n.names}


def test_all_is_what_the_package_exports() -> None:
    """``__all__`` is the lazily loaded names plus ``__version__``; each resolves to the object its module defines,
    and type checkers are shown the same names from the same modules."""
    exports: dict[str, str] = summarizer._EXPORTS
    assert len(summarizer.__all__) == len(set(summarizer.__all__))
    assert set(summarizer.__all__) == {*exports, "__version__"}
    assert sorted(dir(summarizer)) == sorted(summarizer.__all__)
    for name, module in exports.items():
        assert getattr(summarizer, name) is getattr(import_module(module), name), name
    assert _type_checking_imports() == exports
    with pytest.raises(AttributeError):
        summarizer.not_a_name  # noqa: B018


def test_everything_public_is_in_all() -> None:
    """No name of the package's own becomes public by accident: after every export is loaded, each public global
    defined in ``summarizer`` (not a submodule) is in ``__all__``, and every public error is exported."""
    for name in summarizer.__all__:
        getattr(summarizer, name)
    public = {
        name
        for name, value in vars(summarizer).items()
        if not name.startswith("_")
        and not inspect.ismodule(value)
        and str(getattr(value, "__module__", "")).startswith("summarizer")
    }
    assert public <= set(summarizer.__all__), public - set(summarizer.__all__)
    errors = {
        name
        for name, value in vars(summarizer_errors).items()
        if inspect.isclass(value) and issubclass(value, summarizer.SummarizerError) and not name.startswith("_")
    }
    assert errors <= set(summarizer.__all__), errors - set(summarizer.__all__)


_IMPORT = re.compile(r"from summarizer import (\([^)]*\)|[^\n]+)")


def test_what_the_docs_import_is_exported() -> None:
    """Every ``from summarizer import ...`` in the README, the docs, the benchmarks and the package's own docstring
    names an export."""
    places = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "benchmarks").glob("*.py"))]
    texts = [p.read_text() for p in places] + [summarizer.__doc__ or ""]
    promised = {
        name.strip()
        for text in texts
        for group in _IMPORT.findall(text)
        for name in group.strip("()").split("#")[0].split(",")
        if name.strip()
    }
    assert len(promised) > 5, promised  # the pattern still reads the docs
    assert promised <= set(summarizer.__all__), promised - set(summarizer.__all__)


def test_every_export_is_documented() -> None:
    """A function or class has its own docstring; a schema model is documented by the published JSON Schema."""
    schema_names = set()
    for path in (ROOT / "schemas").glob("*.json"):
        document = json.loads(path.read_text())
        schema_names |= {document["title"], *document.get("$defs", {})}
    for name in summarizer.__all__:
        value = getattr(summarizer, name)
        if isinstance(value, str):
            assert name in {"__version__", "SCHEMA_VERSION"}, name
        elif isinstance(value, type) and issubclass(value, BaseModel) and name in schema_names:
            continue
        else:
            own = value.__dict__.get("__doc__") if isinstance(value, type) else value.__doc__
            assert own and not own.startswith(f"{name}("), f"{name} has no docstring"


def test_summarizer_surface() -> None:
    """One engine, sync and async, one article or many, any backend or the caller's own client."""
    engine = summarizer.Summarizer
    for name in ("summarize", "map", "close", "client", "summarize_recorded", "first_request", "summarize_from"):
        assert callable(getattr(engine, name)) and not inspect.iscoroutinefunction(getattr(engine, name))
    assert inspect.iscoroutinefunction(engine.asummarize)
    assert inspect.isasyncgenfunction(engine.amap)
    assert inspect.iscoroutinefunction(summarizer.asummarize)
    parameters = inspect.signature(engine).parameters
    assert list(parameters)[:2] == ["model", "client"]
    assert all(p.kind is p.KEYWORD_ONLY for name, p in parameters.items() if name != "model")
    assert list(inspect.signature(engine.map).parameters) == ["self", "articles", "concurrency"]
    # A brief split at its first request (a Batch API's line and its answer): what summarizer batch builds on.
    assert list(inspect.signature(engine.summarize_from).parameters) == ["self", "article", "completion"]
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


def test_every_numeric_constant_says_why() -> None:
    """A module-level number (a threshold, a bound, a weight) is followed by the one line that gives its reason or
    says it was chosen by hand: 36 of 73 had none before issue 22."""
    bare = []
    for path in sorted((ROOT / "summarizer").rglob("*.py")):
        body = ast.parse(path.read_text(encoding="utf-8")).body
        for node, after in zip(body, [*body[1:], None], strict=False):
            target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
            value = getattr(node, "value", None)
            numeric = isinstance(value, ast.Constant) and type(value.value) in {int, float}
            if isinstance(target, ast.Name) and target.id.lstrip("_").isupper() and numeric:
                said = isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                if not (said and isinstance(after.value.value, str)):  # type: ignore[union-attr]
                    bare.append(f"{path.relative_to(ROOT)}: {target.id}")
    assert bare == []
