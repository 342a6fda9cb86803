"""What the model reads: the lead in full, numbered, then the names the article mentions most.

On the 2-core CPU the embedded model reads ~30 prompt tokens a second; a
5,000-character article is ~1,300 tokens, 40 s before it writes a word. News
is written lead first (the inverted pyramid): the lead carries the story, and
what the rest adds that a brief needs is mostly who and where. So the model
reads the lead sentences (a short article whole) and the proper names of the
opening sentence and those the article mentions at least twice. Grounding
still searches the whole article, and rule-based cues (sources, hedges,
times, places) still read every sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.rules.names import is_dateline, is_heading, proper_names
from summarizer.rules.places import is_country
from summarizer.rules.text import TITLES, ArticleIndex, Sentence, normalize

LEAD_CHARS = 1_200
"""About 300 tokens of lead: the first paragraphs of a news story."""
MAX_NAMES = 12
"""The names the article mentions most, at ~4 tokens each."""


@dataclass(frozen=True)
class Reading:
    """The lead sentences (numbered as in the article) and the names the whole article mentions most."""

    lead: list[Sentence]
    names: list[str]


def read(index: ArticleIndex, lead_chars: int = LEAD_CHARS, max_names: int = MAX_NAMES) -> Reading:
    """The lead (whole sentences, at least ``lead_chars`` of them) and the ``max_names`` most mentioned names."""
    lead: list[Sentence] = []
    used = 0
    whole = sum(len(s.text) for s in index.sentences) <= 2 * lead_chars  # a short article is read whole
    for sentence in index.sentences:
        if used >= lead_chars and not whole:
            break
        lead.append(sentence)
        if not is_dateline(sentence.text):
            used += len(sentence.text)
    names = salient_names(index, max_names)
    return Reading(lead=lead, names=names)


def salient_names(index: ArticleIndex, max_names: int = MAX_NAMES) -> list[str]:
    """Names of the first news sentence, then names mentioned at least twice, most mentioned first.

    A short form counts for its long form. Countries are left out: places.py
    finds those by rule.
    """
    first: dict[str, str] = {}
    opening = next((s for s in index.sentences if not is_dateline(s.text) and not is_heading(s.text)), None)
    for sentence in index.sentences:
        if is_heading(sentence.text):
            continue
        for name in proper_names(sentence.text, index):
            if not is_country(name):
                first.setdefault(normalize(name), name)
    text = index.normalized.text
    counts = {key: len(re.findall(rf"(?<!\w){re.escape(key)}(?!\w)", text)) for key in first}
    words = {key: _words(name) for key, name in first.items()}
    kept = []
    order = list(first)
    for position, key in enumerate(order):
        fuller = [
            other
            for place, other in enumerate(order)
            if place != position
            and words[key]
            and _short_form(words[other], words[key])
            and (words[key] != words[other] or place < position)
        ]
        if fuller:
            counts[fuller[0]] += counts[key]  # "Lukaku" counts for "Romelu Lukaku"
        else:
            kept.append(key)
    opening_names = {normalize(n) for n in proper_names(opening.text, index)} if opening else set()
    ranked = sorted(
        (key for key in kept if counts[key] >= 2 or key in opening_names),
        key=lambda k: (k not in opening_names, -counts[k]),  # stable: ties keep article order
    )
    return [first[key] for key in ranked[:max_names]]


def _short_form(longer: list[str], shorter: list[str]) -> bool:
    """ "Lukaku" and "Daniel" are short forms of "Romelu Lukaku", "Daniel Montalvo"; "Taipei" is not one of "Taipei City Lantern Festival"."""
    if len(shorter) > len(longer):
        return False
    return longer[len(longer) - len(shorter) :] == shorter or (len(longer) <= 3 and longer[: len(shorter)] == shorter)


def _words(name: str) -> list[str]:
    return [w for w in normalize(name).replace("'s", "").split() if w not in TITLES]
