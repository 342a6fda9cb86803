"""Alignment: every item's place in the article, as exact offsets.

Spans are only ever sliced from the article text; names are searched
tolerantly (titles, accents, quotes, line breaks); cited sentences count as
evidence only when they share words with what they are cited for.
"""

from __future__ import annotations

from datetime import date

from summarizer.rules.injection import addressed_blocks
from summarizer.rules.text import ArticleIndex, Found, Sentence, find_name, normalize, stems
from summarizer.schema import Span

MAX_EVIDENCE = 2
"""Sentences of evidence per item: enough to check it, few enough to read."""


def _bare(name: str) -> str:
    folded = normalize(name)
    return folded[4:] if folded.startswith("the ") else folded


class Aligner:
    """Offsets in one article: spans, sentences, name search and cited evidence."""

    def __init__(
        self,
        index: ArticleIndex,
        published: date | None,
        language: str = "en",
        *,
        outlet_country: str | None = None,
        outlet: str | None = None,
    ) -> None:
        self.index = index
        self.published = published
        self.language = language
        """The article's language: a rule runs only on the languages it supports (brief/coverage.py)."""
        self.outlet_country = outlet_country
        """The outlet's country (ISO 3166 code, from its address) when the article's places give none: whose public
        holidays its "Labor Day" means."""
        self.outlet = outlet
        """The outlet that published the article: where it says what it did itself ("the Courier confirmed"), it
        narrates, and is no source of its own article."""
        self._sentence_stems = [stems(s.text) for s in index.sentences]
        self._addressed = addressed_blocks(index.text)

    def addressed(self, start: int) -> bool:
        """Whether the text at ``start`` is addressed to the model (rules/injection.py): article text, never evidence."""
        return any(a <= start < b for a, b in self._addressed)

    def is_outlet(self, name: str) -> bool:
        """Whether the name is the article's own outlet, written the same (a leading article forgiven): not a name it
        merely contains, since "Washington" is no outlet though "The Washington Post" is."""
        return bool(self.outlet) and _bare(name) == _bare(self.outlet or "")

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, text=self.index.text[start:end])

    def sentence_span(self, sentence: Sentence) -> Span:
        return self.span(sentence.start, sentence.end)

    def locate(self, name: str) -> Found | None:
        """The name's first mention outside text addressed to the model: a name only an injected note writes is not
        in the article's own words."""
        return find_name(self.index.normalized, name, skip=self._addressed)

    def mention_evidence(self, found: Found) -> list[Span]:
        sentence = self.index.sentence_at(found.start)
        return [self.sentence_span(sentence)] if sentence else [self.span(found.start, found.end)]

    def cited_evidence(self, cited: list[int], phrase: str, anchor: Found | None = None) -> list[Span]:
        """Cited sentences that share words with the phrase; else the best matching sentence.

        Returns [] when neither the citations nor any sentence support the phrase.
        """
        wanted = stems(phrase)
        chosen: list[Sentence] = []
        if anchor is not None and (sentence := self.index.sentence_at(anchor.start)):
            chosen.append(sentence)
        for number in cited:
            sentence = self.index.sentence(number)
            if sentence and sentence not in chosen and (not wanted or wanted & self._sentence_stems[number - 1]):
                chosen.append(sentence)
        enough = min(2, len(wanted))
        if wanted and not any(len(wanted & self._sentence_stems[s.number - 1]) >= enough for s in chosen):
            # The citations miss (a small model often cites the headline): the sentence that says it, if one does.
            overlap = [len(wanted & bag) for bag in self._sentence_stems]
            best = max(range(len(overlap)), key=overlap.__getitem__, default=None)
            if best is not None and overlap[best] >= enough:
                chosen = [self.index.sentences[best]]
        return [self.sentence_span(s) for s in chosen[:MAX_EVIDENCE]]

    def named_in(self, names: list[str], mentions: list[Span], evidence: list[Span]) -> list[str]:
        """Names whose article form (the mention text) occurs in the evidence sentences."""
        hits = []
        for name, mention in zip(names, mentions, strict=True):
            for span in evidence:
                if self.index.normalized.find(mention.text, within=(span.start, span.end)):
                    hits.append(name)
                    break
        return hits


def article_name(mention: Span) -> str:
    return " ".join(mention.text.split())


def inside(mention: Span, evidence: list[Span]) -> bool:
    return any(span.start <= mention.start and mention.end <= span.end for span in evidence)
