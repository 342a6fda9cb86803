"""Attribution rules: odd spacing (regression of issue 11), and telling a sentence that reports speech from one that only names someone."""

from __future__ import annotations

import pytest

from summarizer.rules.attribution import find_source_cues, reports_speech
from summarizer.rules.cues import reports_speech as cue_reports_speech
from summarizer.rules.text import ArticleIndex


@pytest.mark.parametrize("space", ["\u00a0", "  ", "\t", "\u2009"])
def test_a_speaker_with_odd_spacing_is_found_at_its_own_offsets(space: str) -> None:
    text = f"The vote was delayed again. The harbour{space}board said the ferry would not sail, and staff agreed."
    cues = find_source_cues(ArticleIndex(text))
    spans = [text[c.start : c.end] for c in cues]
    assert f"The harbour{space}board" in spans


def test_told_and_said_after_keep_the_articles_spacing() -> None:
    text = 'The port is closed, the mayor told Radio  Lakeside. "It will reopen," said Anna\u00a0 Berg on Monday.'
    spans = [text[c.start : c.end] for c in find_source_cues(ArticleIndex(text))]
    assert "Radio  Lakeside" in spans and "Anna\u00a0 Berg" in spans


def test_figures_of_different_things_are_no_conflict() -> None:
    """Written for this test (CC0): the dead and the injured are two counts; two tolls of the dead are one."""
    from summarizer.rules.attribution import find_doubts
    from summarizer.rules.text import ArticleIndex

    two_counts = "The fire killed at least 11 people, police said. About 12 people were injured, doctors said."
    one_count = (
        "At least 20 people died in the storm, officials said. Relief groups said more than 40 died in the storm."
    )
    assert not [c for c in find_doubts(ArticleIndex(two_counts)) if c.kind == "conflicting_claims"]
    assert [c for c in find_doubts(ArticleIndex(one_count)) if c.kind == "conflicting_claims"]


@pytest.mark.parametrize(
    ("sentence", "language", "reports"),
    [
        ("Chief executive Maria Lund said the jets would fly from Bergen.", "en", True),
        ("According to the port authority, 400 lorries are waiting.", "en", True),
        ("Chief executive Maria Lund will lead the combined company.", "en", False),
        ("A survey of 900 growers shows that prices fell by a third.", "en", True),
        ("A 2019 audit by the regional treasury found the contracts were never tendered.", "en", True),
        ("The ferry operator Baltic Link runs four crossings a day.", "en", False),
        ("Mayor Ruth Okoye was elected in 2018.", "en", False),
        ("La maire, Claire Fontaine, a déclaré que la grève était injuste.", "fr", True),
        ("La maire, Claire Fontaine, a appelé les deux parties au dialogue.", "fr", False),
        ("Según el jefe de bomberos, las llamas están controladas.", "es", True),
        ("Los goles fueron de Diego Serrano en la segunda parte.", "es", False),
        ("Gewerkschaftschef Jonas Keller sagte, die Lokführer forderten mehr Lohn.", "de", True),
        ("Die Nordbank Hessen hat ihre Prognose zweimal gesenkt.", "de", False),
        ("Il sindaco ha detto che il ponte riaprirà.", "it", True),  # no rule for Italian: not refused
    ],
)
def test_a_sentence_that_reports_speech_is_told_from_one_that_only_names_someone(
    sentence: str, language: str, reports: bool
) -> None:
    found = reports_speech(sentence) if language == "en" else cue_reports_speech(sentence, language)
    assert found is reports
