"""Real French and German news (Wikinews, CC BY 2.5) with the project's own hand annotation, read by the rules alone.

Issue 12 asks for the figures on real non-English news. tests/data/wikinews-fr
holds the first 8 French articles by page id of the Wikinews keyphrase corpus,
tests/data/wikinews-de the 8 German Wikinews articles of another public copy
(each directory's NOTICE.md); every named person, organization and place and
every date in the first ~1,200 characters was annotated by hand before any
brief was made. No model runs here: the floors are two hits under what the
rules measure today (tests/floors.py), so a broken French or German rule fails them.

Measured (``summarizer eval tests/data/wikinews-fr --ablation``): French who
recall 31/43, where recall 19/25, who precision 33/38, where precision 24/29,
kind accuracy 51/57, dates 12/14 right (precision 12/14), 3 sources, no events
(events are the model's outside English). German, with names from the Hanover
Tagger (nlp/german.py): who 36/47, where 25/27, who precision 36/36, where
precision 25/26, kind 61/61, dates 15/16 (precision 15/17), 3 sources; without
it who was 2/47, where 11/27, where precision 12/13, kind 11/12. (Dates were 9/14 and 10/16 before a
day without its year was taken as the nearest one, not always the last, and
before "am 7. Juni" stopped ending a sentence at "7.".)
"""

from __future__ import annotations

import pytest

from summarizer import Brief, Summarizer
from summarizer.evaluation.gold import GoldArticle, load_gold
from summarizer.evaluation.metrics import score_brief
from summarizer.nlp.language import detect
from tests import floors
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module", params=["fr", "de"])
def briefs(request: pytest.FixtureRequest) -> tuple[str, list[tuple[GoldArticle, Brief]]]:
    language: str = request.param
    golds = load_gold(DATA / f"wikinews-{language}")
    with Summarizer("none") as summarizer:
        return language, [(gold, summarizer.summarize(gold.article)) for gold in golds]


def test_the_articles_are_what_the_notice_says() -> None:
    for language in ("fr", "de"):
        golds = load_gold(DATA / f"wikinews-{language}")
        assert len(golds) == 8 and (DATA / f"wikinews-{language}" / "NOTICE.md").exists()
        for gold in golds:
            assert gold.kind == "meantime" and gold.article.language == language
            assert gold.who or gold.where, gold.stem
            # The detector reads the language from the whole text and from its first 200 characters alone.
            assert detect(gold.article.text) == language and detect(gold.article.text[:200]) == language, gold.stem


# The rules alone (2026-12-06, `summarizer eval tests/data/wikinews-<language> --ablation`). Floors:
# tests/floors.py (2 items under each count; as many more wrong items at most).
MEASURED: dict[str, dict[str, tuple[int, int]]] = {
    "fr": {
        "who": (31, 43),
        "where": (19, 25),
        "who_precision": (33, 38),
        "where_precision": (24, 29),
        "kind_accuracy": (51, 57),
        "times": (12, 14),
        "times_precision": (12, 14),
    },
    "de": {
        "who": (36, 47),
        "where": (25, 27),
        "who_precision": (36, 36),
        "where_precision": (25, 26),
        "kind_accuracy": (61, 61),
        "times": (15, 16),
        "times_precision": (15, 17),
    },
}


# Floors these tests held before the margin rule where they are stricter than it: kept, never relaxed
# (field: least hits, at most this many wrong).
KEPT: dict[str, dict[str, tuple[int, int | None]]] = {
    "fr": {"where_precision": (23, 7)},
    "de": {"where_precision": (23, 2), "times": (14, None), "times_precision": (14, 3)},
}


def test_rules_floor(briefs: tuple[str, list[tuple[GoldArticle, Brief]]]) -> None:
    language, pairs = briefs
    scores = [score_brief(gold, brief) for gold, brief in pairs]
    missed = floors.missed(scores, MEASURED[language])
    assert not missed, (language, missed)
    for field, (least, wrong) in KEPT[language].items():
        hit, total = floors.counts(scores, field)
        assert hit >= least and (wrong is None or total - hit <= wrong), (language, field, hit, total)
    assert all(brief.coverage is not None and brief.coverage.language == language for _, brief in pairs)
    assert all(brief.coverage is not None and "who" in brief.coverage.rules for _, brief in pairs)


def test_sources_are_speakers(briefs: tuple[str, list[tuple[GoldArticle, Brief]]]) -> None:
    """The cues find who speaks (3 in each language today), and no pronoun, adverb or passive is taken for one."""
    language, pairs = briefs
    sources = [source for _, brief in pairs for source in brief.sources]
    assert len(sources) >= 2, language
    for source in sources:
        first = source.name.split()[0].lower()
        assert first not in {"eux", "il", "er", "sie", "möglicherweise", "in", "selon", "en"}, (language, source.name)
        assert len(source.name.split()) <= 4, (language, source.name)
