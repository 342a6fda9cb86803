"""Text utilities for grounding: sentence offsets and tolerant name search.

Everything here returns offsets into the *original* text, so an evidence span
is always ``text[start:end]`` of what the user gave us, never of a cleaned copy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)

# Words a model may put in front of a name that the article need not repeat.
TITLES = {
    "a",
    "an",
    "the",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "gen",
    "general",
    "col",
    "colonel",
    "lt",
    "lieutenant",
    "capt",
    "captain",
    "maj",
    "major",
    "sgt",
    "president",
    "prime",
    "minister",
    "king",
    "queen",
    "prince",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "pope",
    "saint",
    "st",
    "junta",
    "leader",
}
STOPWORDS = {
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "and",
    "or",
    "by",
    "with",
    "from",
    "as",
    "is",
    "was",
    "were",
    "be",
    "been",
    "has",
    "had",
    "have",
    "that",
    "this",
    "it",
    "its",
    "their",
    "his",
    "her",
    "they",
    "he",
    "she",
    "said",
    "says",
    "who",
    "which",
    "over",
    "after",
    "about",
    "into",
    "than",
    "not",
    "no",
    "but",
    "also",
    "other",
    "another",
    "s",
}
_WORD = re.compile(r"\w+")
_OPAQUE = re.compile(
    r"(?i:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\"'»”]*[^\s<>\"'»”.,;:!?)]"  # a URL with a scheme, or www.
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|(?<![\w.@])[a-z0-9-]*[a-z0-9](?:\.[a-z0-9-]+)*\.[a-z]{2,24}(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)])?(?![\w@/])"
    r"|`[^`\n]+`"  # inline code
)
"""Text that is an address or code, never a name: a name matched inside 'evil.example' is no mention of anyone.
A bare domain must be lowercase ('evil.example', 'news.example.org'); 'Amazon.com' written as a name stays a name."""


@dataclass(frozen=True)
class Found:
    """Where a phrase was found: original offsets plus the article's own text."""

    start: int
    end: int
    text: str
    exact: bool


class NormalizedText:
    """A casefolded, accent-free, quote- and space-normalised view of a text.

    ``index[i]`` is the offset in the original text of normalised character ``i``.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        chars: list[str] = []
        index: list[int] = []
        previous_space = True
        for offset, char in enumerate(original):
            for piece in normalize_chars(char):
                if piece.isspace():
                    if previous_space:
                        continue
                    piece = " "
                previous_space = piece == " "
                chars.append(piece)
                index.append(offset)
        self.text = "".join(chars)
        self.index = index
        self.opaque = [(m.start(), m.end()) for m in _OPAQUE.finditer(original)]

    def _in_opaque(self, start: int, end: int) -> bool:
        """Whether original [start, end) lies within a URL, an e-mail address, a bare domain or inline code."""
        return any(begin <= start and end <= stop for begin, stop in self.opaque)

    def span(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised slice [norm_start, norm_end)."""
        return self.index[norm_start], self.index[norm_end - 1] + 1

    def find(
        self, phrase: str, within: tuple[int, int] | None = None, skip: Sequence[tuple[int, int]] = ()
    ) -> tuple[int, int] | None:
        """Original offsets of ``phrase`` as whole words, or None; a match inside a ``skip`` span is passed over."""
        needle = normalize(phrase).strip()
        if not needle:
            return None
        pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
        for match in pattern.finditer(self.text):
            start, end = self.span(match.start(), match.end())
            if self._in_opaque(start, end) or any(a <= start and end <= b for a, b in skip):
                continue
            if within is None or (within[0] <= start and end <= within[1]):
                return start, end
        return None


def whole_word_spans(words: str, text: str) -> list[tuple[int, int]]:
    """Every place the text writes these words as whole words (also after a hyphen: "pro-Lisbon"), in order."""
    return [match.span() for match in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", text)]


@lru_cache(maxsize=4096)
def normalize_chars(char: str) -> str:
    """One character folded for matching: quotes straightened, accents dropped, casefolded."""
    mapped = char.translate(_CHAR_MAP)
    decomposed = unicodedata.normalize("NFKD", mapped)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.casefold()


def normalize(text: str) -> str:
    """The matching form of a whole string (whitespace collapsed)."""
    folded = text.translate(_CHAR_MAP).casefold() if text.isascii() else "".join(normalize_chars(c) for c in text)
    return re.sub(r"\s+", " ", folded).strip()


def stems(text: str, length: int = 5) -> set[str]:
    """Crude stems (the first ``length`` letters of content words) so 'arrests' meets 'arrested'."""
    return {w[:length] for w in re.findall(r"\w+", normalize(text)) if w not in STOPWORDS and len(w) > 2}


def name_variants(name: str) -> list[str]:
    """The name, then without leading titles/articles and trailing possessive."""
    words = normalize(name).replace("'s ", " ").removesuffix("'s").split()
    variants = [" ".join(words)]
    while words and words[0].strip(".,") in TITLES:
        words = words[1:]
        if words:
            variants.append(" ".join(words))
    return variants


def find_name(doc: NormalizedText, name: str, skip: Sequence[tuple[int, int]] = ()) -> Found | None:
    """Locate a short name or phrase in the article, tolerating titles and spelling; never inside ``skip``.

    Tries the whole name, then the name without titles, then the longest run of
    its words that the article contains (two or more words, or one proper noun
    of four letters or more). Returns None when nothing reasonable matches.
    """
    variants = name_variants(name)
    if not any(w not in STOPWORDS and w not in TITLES for w in _WORD.findall(variants[0] if variants else "")):
        return None
    for number, variant in enumerate(variants):
        hit = doc.find(variant, skip=skip)
        if hit:
            return Found(hit[0], hit[1], doc.original[hit[0] : hit[1]], exact=number == 0)
    words = variants[-1].split() if variants else []
    capitalised = {w.casefold() for w in re.findall(r"\w+", name) if w[:1].isupper()}
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            chunk = words[first : first + size]
            meaningful = [w for w in chunk if w not in STOPWORDS and w not in TITLES]
            if not meaningful:
                continue
            if size == 1 and (len(chunk[0]) < 4 or normalize(chunk[0]) not in {normalize(c) for c in capitalised}):
                continue
            hit = doc.find(" ".join(chunk), skip=skip)
            if hit:
                return Found(hit[0], hit[1], doc.original[hit[0] : hit[1]], exact=False)
    return None


_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "capt",
    "maj",
    "sgt",
    "st",
    "sen",
    "rep",
    "gov",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "corp",
    "no",
    "vs",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    # French, Spanish and German titles and abbreviations that stand before a capital: "la Sra. Ruiz",
    # "Mme. Dubois", "Nr. 5", "Dipl. Ing. Weber".
    "sra",
    "srta",
    "dra",
    "dña",
    "mme",
    "mlle",
    "mgr",
    "nr",
    "vgl",
    "bzw",
    "usw",
    "dipl",
    "ing",
}
_BOUNDARY = re.compile(r"(?<=[.!?])([\"'\u201d\u2019)\]]*)\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])")
"""The end of a sentence: its stop and what closes with it (a quotation mark, a bracket: group 1), then space and a
capital or a figure that begins the next."""
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_ORDINAL_DATE = re.compile(
    r"(?:[1-9]|[12]\d|3[01])\.\s+(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
    r"November|Dezember)\b"
)
"""German writes the day as an ordinal ("am 7. Juni"): that dot ends no sentence."""


@dataclass(frozen=True)
class Sentence:
    number: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split into sentences with exact offsets; lines and paragraphs always break.

    Languages: English, French, Spanish and German (their abbreviations before a
    capital, and German's ordinal day "am 7. Juni"); on other languages the same
    punctuation rules run, which suits those written in the Latin script.
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    for block in [*_PARAGRAPH.finditer(text), None]:
        block_end = block.start() if block else len(text)
        spans.extend(_split_block(text, cursor, block_end))
        cursor = block.end() if block else len(text)
    sentences: list[Sentence] = []
    for start, end in spans:
        chunk = text[start:end]
        stripped_start = start + (len(chunk) - len(chunk.lstrip()))
        stripped_end = end - (len(chunk) - len(chunk.rstrip()))
        if stripped_end > stripped_start:
            sentences.append(
                Sentence(len(sentences) + 1, stripped_start, stripped_end, text[stripped_start:stripped_end])
            )
    return sentences


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        before = text[cursor : match.start()]
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        token = last_word.rstrip(".!?\"'\u201d\u2019)]").casefold()
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        if _ORDINAL_DATE.match(text, match.start() - len(last_word)):
            continue
        pieces.append((cursor, match.end(1)))  # 'was "blunt trauma."': the closing mark ends its sentence
        cursor = match.end(1)
    pieces.append((cursor, end))
    return pieces


class ArticleIndex:
    """Sentences and a normalised view of one article, built once per brief."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = split_sentences(text)

    @cached_property
    def normalized(self) -> NormalizedText:
        return NormalizedText(self.text)

    def sentence(self, number: int) -> Sentence | None:
        if 1 <= number <= len(self.sentences):
            return self.sentences[number - 1]
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None
