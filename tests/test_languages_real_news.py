"""Real French, Spanish and German news with human annotation, briefed by the embedded model (issue 12), replayed.

The articles are shipped CC BY data: MEANTIME's Spanish translations of its
English Wikinews articles (tests/data/meantime-es) and French and German
Wikinews articles with the project's own hand annotation
(tests/data/wikinews-fr, tests/data/wikinews-de); each directory's NOTICE
says where they come from. `make record` re-runs them on the embedded model.

What the rules do on them alone is held in tests/test_meantime_spanish.py and
tests/test_wikinews_languages.py. Here the model's own part is checked: every
brief is written in the article's language and has events (outside English
the rules make none, so a brief with the model's answer replaced by nothing
fails), and the names, places and kinds of the whole brief hold floors two
items under the recorded run's counts, one on a field under 10 (tests/floors.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import Brief, Summarizer
from summarizer.evaluation.gold import GoldArticle, load_gold
from summarizer.evaluation.metrics import score_brief
from summarizer.llm.backends import Backend
from summarizer.nlp.language import detect
from tests import components, floors
from tests.conftest import ROOT
from tests.test_seed_brief import assert_grounded

DATA = ROOT / "tests" / "data"
SETS: dict[str, Path] = {"es": DATA / "meantime-es", "fr": DATA / "wikinews-fr", "de": DATA / "wikinews-de"}
# The recorded run (brief/6, 2026-12-01) replayed through today's rules (2026-12-06); shares in the README's
# language section. Floors: tests/floors.py (2 items under each count, 1 on Spanish where's 6; as many more
# wrong items at most).
MEASURED: dict[str, dict[str, tuple[int, int]]] = {
    "es": {
        "who": (31, 32),
        "where": (6, 6),
        "who_precision": (34, 47),
        "where_precision": (8, 14),
        "kind_accuracy": (37, 46),
    },
    "fr": {
        "who": (33, 43),
        "where": (23, 25),
        "who_precision": (36, 41),
        "where_precision": (29, 35),  # 29/36 until a date the model filed as a site was dropped (brief/name_forms.py)
        "kind_accuracy": (55, 65),
    },
    "de": {
        "who": (41, 47),
        "where": (24, 27),
        "who_precision": (44, 51),
        "where_precision": (24, 25),
        "kind_accuracy": (64, 68),
    },
}

# The shares this test held before the margin rule (the recorded run less ~0.05), kept where they are stricter
# than its floors: no expectation is relaxed. Spanish where's 0.95 on 6 places allowed no miss at all (issue 24.7):
# that one is the rule's floor alone.
SHARES: dict[str, dict[str, float]] = {
    "es": {"who": 0.92, "who_precision": 0.67, "where_precision": 0.52, "kind_accuracy": 0.78},
    "fr": {"who": 0.70, "where": 0.87, "who_precision": 0.82, "where_precision": 0.76, "kind_accuracy": 0.78},
    "de": {"who": 0.82, "where": 0.84, "who_precision": 0.81, "where_precision": 0.90, "kind_accuracy": 0.89},
}


@pytest.mark.vcr
@pytest.mark.parametrize("language", sorted(SETS))
def test_real_news_is_briefed_in_its_language(language: str, model_backend: Backend) -> None:
    if language == "es":
        components.spanish_pipeline()
    golds: list[GoldArticle] = load_gold(SETS[language])
    with Summarizer(backend=model_backend) as summarizer:
        pairs: list[tuple[GoldArticle, Brief]] = [(gold, summarizer.summarize(gold.article)) for gold in golds]
    for gold, brief in pairs:
        assert_grounded(brief, gold.article.text)
        assert brief.article.language == language, gold.stem
        assert detect(brief.summary) == language, (gold.stem, brief.summary)
    events = [event for _, brief in pairs for event in brief.what if event.origin == "model"]
    assert len(events) >= len(pairs), language  # the rules make no events outside English: these are the model's
    written = [detect(event.description) == language for event in events]
    assert sum(written) >= 0.8 * len(written), [e.description for e in events]
    scores = [score_brief(gold, brief) for gold, brief in pairs]
    shown = {field: "{}/{}".format(*floors.counts(scores, field)) for field in [*MEASURED[language], "times"]}
    print(language, shown, f"model events a brief {len(events) / len(pairs):.2f}")  # `pytest -s`
    missed = floors.missed(scores, MEASURED[language])
    assert not missed, (language, missed)
    for field, least in SHARES[language].items():
        hit, total = floors.counts(scores, field)
        assert total and hit / total >= least, (language, field, hit, total)
