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

from summarizer.places import is_country
from summarizer.text import TITLES, ArticleIndex, Sentence, normalize
from summarizer.when import find_times

LEAD_CHARS = 1_200
"""About 300 tokens of lead: the first paragraphs of a news story."""
MAX_NAMES = 12
"""The names the article mentions most, at ~4 tokens each."""

_CONNECTOR = r"(?:of|the|de|da|del|della|di|du|la|le|van|von|der|den|bin|al|and|for|&)"
_CAPITALISED = r"(?:[A-Z][\w'\u2019.&-]*|\d+[A-Za-z][\w-]*)"
_NAME = re.compile(rf"#?{_CAPITALISED}(?:\s+(?:{_CONNECTOR}\s+)*{_CAPITALISED})*")
_LEADING = re.compile(
    r"^(?:The|A|An|In|On|At|For|But|And|As|If|When|While|After|Before|During|Then|Because|However|So|This|That|These|Those|It)\s+"
)
_TRAILING_I = re.compile(r"(?:\s+and)?\s+I$")
_DEMONYM = re.compile(r"(?:ians?|ans|ese|ish|ims)$")
"""Single words like "Syrian", "Belgians", "Muslims", "English": adjectives and groups, not names."""
_NOT_NAMES = {"i", "image", "photo", "mr", "mrs", "ms", "dr"}


@dataclass(frozen=True)
class Reading:
    """The lead sentences (numbered as in the article) and the names the whole article mentions most."""

    lead: list[Sentence]
    names: list[str]


def is_dateline(text: str) -> bool:
    """A line that is only a date ("Friday, July 21, 2017"): when the story was filed, not news."""
    spans = find_times(text)
    rest = text
    for start, end in reversed(spans):
        rest = rest[:start] + rest[end:]
    return bool(spans) and not re.search(r"[^\W\d_]", rest)


def is_heading(text: str) -> bool:
    """A title-case line without a full stop ("Mali Arrests Dozens of Soldiers"): a headline, not prose."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", text)
    if not words or text.rstrip().endswith((".", "!", "?", '"', "\u201d", ":")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


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


def proper_names(sentence: str, index: ArticleIndex) -> list[str]:
    """Runs of capitalised words ("Church of Scientology", "FIFA"), minus dates and sentence-initial words."""
    times = find_times(sentence)
    names = []
    for match in _NAME.finditer(sentence):
        start, text = match.start(), match.group().rstrip(".,'\u2019-")
        if any(a <= start < b for a, b in times):
            continue
        if start == 0 or not sentence[:start].strip(" \"'\u201c\u2018("):
            text = _LEADING.sub("", text)
        if " " not in text and not _capitalised_elsewhere(text, index):
            continue
        text = _TRAILING_I.sub("", re.sub(r"['\u2019]s$", "", text))
        if (
            text.casefold() in _NOT_NAMES
            or text.casefold() in TITLES
            or (" " not in text and _DEMONYM.search(text))
            or not text[:1].isupper()
            or "'" in text[:3]
            or find_times(text) == [(0, len(text))]
        ):
            continue
        names.append(text)
    return names


def _capitalised_elsewhere(word: str, index: ArticleIndex) -> bool:
    """A sentence-initial word is a name when the article also capitalises it mid-sentence (or it is an acronym)."""
    if word.isupper() and len(word) > 1:
        return True
    if re.search(rf"\b{re.escape(word.lower())}\b", index.text):
        return False  # "People", "Climate": a common word that happened to start a sentence
    return re.search(rf"(?<=[a-z,;:]\s){re.escape(word)}\b", index.text) is not None
