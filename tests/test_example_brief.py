"""The shipped example (a Wikinews article, CC BY 2.5): the brief `make demo` prints and the README shows.

Recorded from the embedded model like every cassette; the sample in README.md is
this recorded brief as `summarizer brief ... --format markdown` prints it.
"""

from __future__ import annotations

import pytest

from summarizer import Summarizer, read_article
from summarizer.llm.backends import Backend
from summarizer.render.markdown import render_markdown
from tests.conftest import ROOT
from tests.test_seed_brief import assert_grounded, names

EXAMPLE = ROOT / "examples" / "wikinews-ahmed-mohamed.json"


@pytest.mark.vcr
def test_example_brief(model_backend: Backend) -> None:
    article = read_article(EXAMPLE)
    with Summarizer(backend=model_backend) as summarizer:
        brief = summarizer.summarize(article)
    assert_grounded(brief, article.text)
    who = " | ".join(sorted(names(brief.who)))
    assert "ahmed mohamed" in who and "barack obama" in who, who
    assert {"irving", "texas"} <= names(brief.where)
    assert "2015-09-14" in {t.value for t in brief.when}
    model_events = [e for e in brief.what if e.origin == "model"]
    assert model_events, "the model's events are what the example shows beyond the rules"
    assert brief.headline and brief.headline in render_markdown(brief)
