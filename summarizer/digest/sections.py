"""Where in the world and what kind of news a story is, for the digest's sections.

Region: the country the story's briefs place it in most often (their `where`
and `who` countries, US states counting as the United States; outside English
by the English name CLDR gives the same country), mapped by
``data/regions.txt``. Topic: the topic whose cue words (topic_cues.py, per
language) the briefs' headlines, summaries, events and names use most. Both are rules over the briefs: no model call,
and a reader can see why a story sits where it does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from summarizer.digest.topic_cues import ENDINGS, TOPICS
from summarizer.nlp.territories import english_name, territory_code
from summarizer.rules.places import country_mentions, data_lines, is_country
from summarizer.rules.text import normalize
from summarizer.schema import Brief

UNPLACED = "World"
GENERAL = "General"


@lru_cache(maxsize=1)
def _regions() -> tuple[dict[str, str], dict[str, str]]:
    """(country → region, US state → 'United States')."""
    regions: dict[str, str] = {}
    states: dict[str, str] = {}
    for line in data_lines("regions.txt"):
        region, _, names = line.partition(":")
        for name in (n.strip() for n in names.split(";")):
            if region == "US states":
                states[name] = "United States"
            else:
                regions[name] = region
    return regions, states


def _countries(brief: Brief) -> list[str]:
    regions, states = _regions()
    found: list[str] = []
    language = brief.article.language or "en"
    for name in [p.name for p in brief.where] + [a.name for a in brief.who if a.kind == "country"]:
        if language != "en":  # "Allemagne", "Estados Unidos": the English name CLDR gives the same country
            code = territory_code(name, language)
            name = (english_name(code) if code else None) or name
        mentions = country_mentions(name)
        if mentions:
            found.extend(m.country for m in mentions)
        elif name in states:
            found.append(states[name])
        elif is_country(name) and name in regions:
            found.append(name)
    return found


def region(briefs: Sequence[Brief]) -> str:
    """The region of the country the briefs name most (ties: the first named)."""
    counts = Counter(country for brief in briefs for country in _countries(brief))
    if not counts:
        return UNPLACED
    country = counts.most_common(1)[0][0]
    return _regions()[0].get(country, UNPLACED)


def _cue_pattern(cues: tuple[str, ...], endings: str) -> re.Pattern[str]:
    """Long cues are stems ("elect" → election); short ones only take an ending ("war" → wars, not warn)."""
    forms = [f"{cue}[a-z]*" if len(cue) >= 5 else f"{cue}(?:{endings})?" for cue in cues]
    return re.compile(rf"\b(?:{'|'.join(forms)})\b")


_TOPIC_PATTERNS = {
    language: {name: _cue_pattern(cues, ENDINGS[language]) for name, cues in topics.items()}
    for language, topics in TOPICS.items()
}


def topic(briefs: Sequence[Brief]) -> str:
    """The topic with the most cue words in the briefs' headlines, summaries, events and names.

    Each brief is read with its own language's cues (English, French, Spanish,
    German), and its names with the English ones too; a brief in another
    language counts only its names.
    """
    scores: Counter[str] = Counter()
    for brief in briefs:
        patterns = _TOPIC_PATTERNS.get(brief.article.language or "en", {})
        text = " ".join(
            [
                brief.headline,
                brief.summary,
                *(e.description for e in brief.what),
                *(a.name for a in brief.who),
                *(p.name for p in brief.where),
            ]
        )
        scores.update({name: len(pattern.findall(normalize(text))) for name, pattern in patterns.items()})
        if patterns is not _TOPIC_PATTERNS["en"]:  # names keep English words: "Government Accountability Office"
            names = normalize(" ".join([*(a.name for a in brief.who), *(p.name for p in brief.where)]))
            scores.update({name: len(pattern.findall(names)) for name, pattern in _TOPIC_PATTERNS["en"].items()})
    best = max(TOPICS["en"], key=lambda name: scores[name])
    return best if scores[best] else GENERAL
