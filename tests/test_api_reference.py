"""The API reference (docs/api.md and the server's /docs page) is written from the server's own OpenAPI."""

from __future__ import annotations

import sys
from pathlib import Path

from fastapi.testclient import TestClient

from summarizer.brief.engine import Summarizer
from summarizer.digest.store import Store
from summarizer.serve import create_app
from summarizer.serve.keys import ApiKeys
from summarizer.serve.reference import as_html, as_markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from api_reference import TARGET, served_spec  # noqa: E402


def test_docs_api_md_is_the_served_openapi_written_out() -> None:
    """Change a route or a schema and this fails until `python scripts/api_reference.py` is run."""
    assert TARGET.read_text(encoding="utf-8") == as_markdown(served_spec())


def test_every_operation_and_its_schemas_are_in_the_reference() -> None:
    spec = served_spec()
    text = as_markdown(spec)
    for path, item in spec["paths"].items():
        for method in item:
            assert f"### {method.upper()} {path}" in text
    for name in ("BriefRequest", "Brief", "Job", "Problem", "DigestRequest", "Digest", "Timeline"):
        assert f"### {name}\n" in text


def test_the_docs_page_is_served_without_a_key_and_lists_every_route(tmp_path: Path) -> None:
    with Store(tmp_path / "store.sqlite") as store:
        app = create_app(Summarizer("none"), store, keys=ApiKeys(["k-docs-1"]))
        with TestClient(app) as client:
            page = client.get("/docs")
            spec = client.get("/openapi.json").json()
            refused = client.get("/v1/jobs/x")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert refused.status_code == 401  # the API keeps its keys; the reference of it needs none
    for path in spec["paths"]:
        assert path.replace("{", "&#x7b;") in page.text or path in page.text
    assert "<script" not in page.text and "src=" not in page.text and "<link" not in page.text  # nothing from elsewhere


def test_text_of_the_spec_stays_text_in_the_page() -> None:
    hostile = {
        "openapi": "3.1.0",
        "info": {"title": "<script>alert(1)</script>", "version": "1"},
        "paths": {"/x": {"get": {"summary": '<img src=x onerror="alert(1)">', "responses": {"200": {}}}}},
    }
    page = as_html(hostile)
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
