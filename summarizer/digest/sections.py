"""Where in the world and what kind of news a story is, for the digest's sections.

Region: the country the story's briefs place it in most often (their `where`
and `who` countries, US states counting as the United States; outside English
by the English name CLDR gives the same country), mapped by
``data/regions.txt``. Topic: the topic whose cue words the briefs' headlines,
summaries, events and names use most. Both are rules over the briefs: no model call,
and a reader can see why a story sits where it does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from summarizer.nlp.territories import english_name, territory_code
from summarizer.rules.places import country_mentions, data_lines, is_country
from summarizer.rules.text import normalize
from summarizer.schema import Brief

UNPLACED = "World"
GENERAL = "General"

TOPICS: dict[str, tuple[str, ...]] = {
    "Politics": (
        "elect", "vote", "campaign", "president", "congress", "senat", "parliament", "minister", "party",
        "government", "republican", "democrat", "governor", "legislat", "policy", "lawmaker", "candidate", "mayor",
        "asylum", "refugee", "migra", "immigra", "secretary", "diplomat", "ambassador", "sanction", "treaty",
    ),
    "Conflict & security": (
        "war", "attack", "kill", "militar", "troop", "soldier", "coup", "arrest", "police", "terror", "bomb",
        "rebel", "army", "junta", "weapon", "shoot", "violen", "hostage", "destabil",
    ),
    "Accidents & disasters": (
        "accident", "crash", "capsiz", "sank", "sink", "flood", "earthquake", "fire", "storm", "hurricane",
        "disaster", "collaps", "derail", "rescu", "survivor", "wildfire", "landslide", "explosion",
    ),
    "Business & economy": (
        "econom", "market", "compan", "bank", "trade", "tariff", "inflation", "stock", "share", "profit",
        "budget", "tax", "industr", "job", "oil", "price", "invest",
    ),
    "Science & health": (
        "science", "scientist", "scientif", "research", "study", "health", "disease", "virus", "vaccin", "climate", "hospital", "species",
        "space", "medic", "patient", "environment",
    ),
    "Sports": (
        "match", "game", "team", "season", "league", "cup", "player", "coach", "tournament", "champion",
        "olymp", "football", "soccer", "stadium", "score", "goal", "fifa", "striker", "athlet", "medal",
    ),
    "Culture": (
        "film", "music", "art", "museum", "book", "festival", "concert", "theatre", "theater", "novel",
        "artist", "award", "exhibit",
    ),
    "Technology": ("internet", "hack", "software", "website", "online", "comput", "cyber", "digital", "app"),
}  # fmt: skip


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


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Long cues are stems ("elect" → election); short ones only take an ending ("war" → wars, not warn)."""
    forms = [f"{cue}[a-z]*" if len(cue) >= 5 else f"{cue}(?:s|d|ed|es|er|ers|ing|ings)?" for cue in cues]
    return re.compile(rf"\b(?:{'|'.join(forms)})\b")


_TOPIC_PATTERNS = {name: _cue_pattern(cues) for name, cues in TOPICS.items()}


def topic(briefs: Sequence[Brief]) -> str:
    """The topic with the most cue words in the briefs' headlines, summaries, events and names."""
    text = " ".join(
        " ".join(
            [
                b.headline,
                b.summary,
                *(e.description for e in b.what),
                *(a.name for a in b.who),
                *(p.name for p in b.where),
            ]
        )
        for b in briefs
    )
    folded = normalize(text)
    scores = {name: len(pattern.findall(folded)) for name, pattern in _TOPIC_PATTERNS.items()}
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] else GENERAL
