"""The API under Schemathesis (issue 26, item 4): requests generated from /openapi.json, on the ``none`` backend.

No answer may be a 500, and every answer must match what the OpenAPI says
of it (status, content type, body schema, headers). URLs are "fetched" by a
stand-in (the tests have no network), which gives a page for any http(s) URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.python.asgi import shutdown_lifespans
from schemathesis.specs.openapi.checks import positive_data_acceptance

from summarizer.brief.engine import Summarizer
from summarizer.digest.store import Store
from summarizer.ingest.article import Article
from summarizer.ingest.inputs import Item
from summarizer.serve import create_app
from summarizer.serve.keys import ApiKeys

KEY = "k-schema-3c9a"
pytestmark = pytest.mark.filterwarnings("ignore:removed .* control character")  # generated text is full of them

JUDGED_AFTER_THE_SCHEMA = [positive_data_acceptance]
"""A body the schema allows may still not be an article (control characters, no letters, a date that is no date):
that is the documented 422 with the CLI's message, not a schema gap; every other check stays on."""
EXAMPLES = 30
"""Generated cases per operation: each new article is a brief (~0.1-0.2 s on `none`), so the run stays in seconds."""
TIMEOUT_S = 120
"""A request's bound: the first brief loads spaCy's pipelines (seconds, more on a busy 2-core machine)."""


def offline_page(url: str) -> Article:
    return Article(
        text=f"The port of Elwin reopened its northern pier on Monday, the harbour office said. {url}", url=url
    )


def offline_feeds(urls: list[str]) -> list[Item]:
    """A digest's feeds and pages, "fetched" at once: each address is its page (no network, no hanging job)."""
    return [Item(url, offline_page(url)) for url in urls]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    with Store(Path(tmp_path_factory.mktemp("schema")) / "store.sqlite") as store:
        keys = ApiKeys([KEY])  # with keys, so the check that a bad key is refused has something to check
        app = create_app(
            Summarizer("none"),
            store,
            keys=keys,
            read_url=offline_page,
            collect_urls=offline_feeds,
            rate_limit=0,
            grace_s=0,
        )
        yield schemathesis.openapi.from_asgi("/openapi.json", app)
        shutdown_lifespans()  # the app's shutdown (its job workers) before its store closes


def test_every_answer_matches_the_openapi_and_none_is_a_500(api_schema: schemathesis.BaseSchema) -> None:
    # One hypothesis run an operation (schemathesis' own pytest plugin does not run under this pytest).
    operations = [found.ok() for found in api_schema.get_all_operations()]
    assert {op.path for op in operations} >= {
        "/v1/briefs",
        "/v1/jobs/{job_id}",
        "/v1/digests",
        "/v1/digests/{date}",
        "/v1/digests/{date}/stories/{story_id}",
        "/v1/stories/{story_id}/timeline",
        "/metrics",
        "/readyz",
    }
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def answers_as_declared(case: schemathesis.Case) -> None:
            case.call_and_validate(
                headers={"Authorization": f"Bearer {KEY}"}, excluded_checks=JUDGED_AFTER_THE_SCHEMA, timeout=TIMEOUT_S
            )

        answers_as_declared()
