"""What the model reads: the lead in full, numbered, then the names the article mentions most; then the rest.

On the 2-core CPU the embedded model reads ~30 prompt tokens a second; a
5,000-character article is ~1,300 tokens, 40 s before it writes a word. News
is written lead first (the inverted pyramid): the lead carries the story, and
what the rest adds that a brief needs is mostly who and where. So the model
reads the lead sentences (a short article whole) and the proper names of the
opening sentence and those the article mentions at least twice, and answers
with the whole brief. Then it reads the rest in passages of PASSAGE_CHARS,
each a follow-up in the same conversation (llama.cpp reuses the prompt
already read), answering only the events and sources the passage adds: what
a model reads better than rules. Grounding still searches the whole
article, and rule-based cues (sources, hedges, times, places) still read
every sentence, including any past the last passage.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from summarizer.nlp.entities import entities
from summarizer.rules.names import is_dateline, is_heading, proper_names
from summarizer.rules.places import is_country
from summarizer.rules.text import TITLES, ArticleIndex, Sentence, normalize

LEAD_CHARS = 1_200
"""About 300 tokens of lead: the first paragraphs of a news story."""
MAX_NAMES = 12
"""The names the article mentions most, at ~4 tokens each."""
PASSAGE_CHARS = 2_000
"""About 580 prompt tokens of later text a pass (2,400 characters, as many tokens as the lead's call, cost 2.06x the
lead's model time with one passage, over the bound of 2x), plus ~45 tokens of answer."""
MAX_PASSAGES = 1
"""By default one passage: an article of up to ~3,300 characters is read whole, within twice the lead's model time.
``--passages`` reads further."""


NameLister = Callable[[ArticleIndex, int], list[str]]
"""The names an article mentions most, at most so many, for the prompt."""


@dataclass(frozen=True)
class Reading:
    """The lead sentences (numbered as in the article) and the names the whole article mentions most."""

    lead: list[Sentence]
    names: list[str]
    passages: list[list[Sentence]] = field(default_factory=list)
    """The sentences after the lead, in passages the model reads one follow-up at a time."""

    @property
    def chars(self) -> int:
        """Characters of the article the model reads: from its start to the end of the last sentence it reads."""
        last = self.passages[-1] if self.passages else self.lead
        return last[-1].end if last else 0


def read(
    index: ArticleIndex,
    lead_chars: int = LEAD_CHARS,
    max_names: int = MAX_NAMES,
    list_names: NameLister | None = None,
    max_passages: int = MAX_PASSAGES,
) -> Reading:
    """The lead (whole sentences, at least ``lead_chars`` of them), the ``max_names`` most mentioned names,
    and up to ``max_passages`` passages of the rest.

    Names come from ``list_names``, the language's way to list them (brief/languages.py): English's rules
    (``salient_names``), French's recognizer (``recognized_names``), else none.
    """
    lead: list[Sentence] = []
    used = 0
    whole = sum(len(s.text) for s in index.sentences) <= 2 * lead_chars  # a short article is read whole
    for sentence in index.sentences:
        if used >= lead_chars and not whole:
            break
        lead.append(sentence)
        if not is_dateline(sentence.text):
            used += len(sentence.text)
    names = list_names(index, max_names) if list_names else []
    return Reading(lead=lead, names=names, passages=passages(index.sentences[len(lead) :], max_passages))


def passages(rest: list[Sentence], max_passages: int = MAX_PASSAGES) -> list[list[Sentence]]:
    """The sentences after the lead in passages of whole sentences, about PASSAGE_CHARS each, at most
    ``max_passages`` of them.

    When the article ends within them, a last short remainder (under a quarter
    passage) joins the passage before it rather than costing a call of its own.
    """
    if max_passages < 1:
        return []
    found: list[list[Sentence]] = []
    used = 0
    for sentence in rest:
        if not found or (used >= PASSAGE_CHARS and len(found) < max_passages):
            found.append([])
            used = 0
        elif used >= PASSAGE_CHARS:
            break
        found[-1].append(sentence)
        used += len(sentence.text)
    if len(found) > 1 and sum(len(s.text) for s in found[-1]) < PASSAGE_CHARS // 4:
        found[-2].extend(found.pop())
    return found


def recognized_names(index: ArticleIndex, language: str, max_names: int = MAX_NAMES) -> list[str]:
    """People, organizations and places the language's recognizer finds, most mentioned first, datelines aside."""
    text = index.text
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    for entity in entities(text, language):
        holder = index.sentence_at(entity.start)
        if entity.kind not in {"person", "organization", "place"} or holder is None or is_dateline(holder.text):
            continue
        if entity.start == holder.start and re.match(r"\s*[\u2014\u2013-]", text[entity.end :]):
            continue  # "LYON —": the dateline
        name = " ".join(text[entity.start : entity.end].split())
        key = normalize(name)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, name)
    for key in first:
        fuller = [other for other in first if other != key and _short_form(_words(first[other]), _words(first[key]))]
        if fuller:
            counts[fuller[0]] += counts[key]  # "Claire" counts for "Claire Vasseur"
            counts[key] = 0
    ranked = sorted((key for key in first if counts[key]), key=lambda key: -counts[key])  # ties keep article order
    return [first[key] for key in ranked[:max_names]]


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
