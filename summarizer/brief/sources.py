"""Who said what: the parse's attributions and the model's sources, one item per source.

Every attribution spaCy's parse shows (nlp/speakers.py) is grouped by who
speaks: one person's mentions ("Afghan Ambassador Hamdullah Mohib",
"Ambassador Mohib", a later "he said") become one source with every mention
and the sentences of what they said; an unnamed source is grouped by its own
description ("a security source" twice is one source). The model's sources
are kept when the article names them in a sentence the model cited, and
merged into the parse's when they name the same source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from summarizer.brief.align import Aligner
from summarizer.llm.draft import DraftSource
from summarizer.nlp.entities import entities
from summarizer.nlp.speakers import Attribution
from summarizer.rules.cues import find_cues
from summarizer.rules.names import same_name
from summarizer.rules.text import normalize
from summarizer.schema import Source, Span

MAX_SOURCES = 16
"""Sources a brief lists at most, the parse's and the model's together: a long article quotes a dozen people (chosen by hand, not measured)."""
MAX_SOURCE_EVIDENCE = 3
"""Sentences of what one source said: enough to check them, few enough to read."""
SAID_CHARS = 280
"""What a source said, in short: a long quote ends at a sentence or word boundary, with an ellipsis."""
_DETERMINERS = ("a ", "an ", "the ", "another ", "one ")


@dataclass
class _Group:
    name: str
    anonymous: bool
    mentions: list[tuple[int, int]] = field(default_factory=list)
    said: list[Attribution] = field(default_factory=list)
    origin: str = "rule"
    exact: bool = True


Attributions = Callable[[Aligner, list[tuple[int, int]]], list[Attribution]]
"""Who says what in an article, given the people the recognizer named there (offsets)."""


@dataclass(frozen=True)
class SourceReading:
    """How a language's sources are found; brief/languages.py gives each article its own."""

    attributions: Attributions
    reports: Callable[[str], bool]
    """Whether a sentence reports what someone said: a model's source must be named in one it cites."""
    recognizer: bool
    """Whether a recognizer names people and organizations in the language (a source's name is read off it)."""
    speaks: Callable[[str, int, int], bool] | None = None
    """Whether the words at (start, end) of a sentence stand where a speaker stands (not a listener or a word
    qualifying the speaker's name): a model's source must, where a parse can tell."""


def find_sources(aligner: Aligner, drafted: list[DraftSource], reading: SourceReading) -> list[Source]:
    """Sources from the parse, merged with the model's, in order of first mention."""
    text = aligner.index.text
    language = aligner.language
    named = entities(text, language) if reading.recognizer else ()
    people = [(e.start, e.end) for e in named if e.label in {"PERSON", "ORG"}]
    groups: list[_Group] = []
    persons = [(e.start, e.end) for e in named if e.label == "PERSON"]
    found = reading.attributions(aligner, persons)
    for attribution in found:
        if aligner.addressed(attribution.cue[0]) or aligner.addressed(attribution.source[0]):
            continue
        start, end = attribution.source
        name = _name_in(text, start, end, people, persons) if not attribution.anonymous else text[start:end]
        if not attribution.anonymous and aligner.is_outlet(name):
            continue  # the outlet narrating what it did itself ("the Courier confirmed with the firm")
        group = _group_for(groups, name, attribution.anonymous)
        if group is None:
            group = _Group(name=" ".join(name.split()), anonymous=attribution.anonymous)
            groups.append(group)
        if (start, end) not in group.mentions:
            group.mentions.append((start, end))
        group.said.append(attribution)
    groups = _merge_short_forms(_merge_descriptions(aligner, groups), text)
    for source in drafted:
        _add_drafted(aligner, groups, source, reading, people)
    return [_source(aligner, g) for g in sorted(groups, key=lambda g: min(g.mentions))[:MAX_SOURCES]]


def cued(aligner: Aligner, persons: list[tuple[int, int]]) -> list[Attribution]:
    """Attributions from the reporting cues of languages without an English parse (rules/cues.py).

    A pronoun or unsaid subject ("», a-t-elle ajouté", "», sagte er", "», añadió.") is the person named last, in
    this sentence or the two before it, by a cue or the recognizer; with nobody named there it is left out.
    """
    found: list[Attribution] = []
    named: list[tuple[int, int]] = list(persons)
    for sentence in aligner.index.sentences:
        for cue in find_cues(sentence.text, aligner.language):
            source = (sentence.start + cue.source[0], sentence.start + cue.source[1])
            said = (sentence.start + cue.cue[0], sentence.start + cue.cue[1])
            span = (sentence.start, sentence.end)
            if cue.pronoun:
                earlier = [m for m in named if m[1] <= source[0] and _within(aligner, m[0], sentence.number, 2)]
                if earlier:
                    last = max(earlier)
                    found.append(Attribution(last, said, None, span, False, resolved_from_pronoun=True))
                continue
            found.append(Attribution(source, said, None, span, cue.anonymous))
            if not cue.anonymous:
                named.append(source)
    return found


def _within(aligner: Aligner, offset: int, number: int, sentences: int) -> bool:
    """Whether ``offset`` lies in sentence ``number`` or one of the ``sentences`` before it."""
    at = aligner.index.sentence_at(offset)
    return at is not None and 0 <= number - at.number <= sentences


def _merge_descriptions(aligner: Aligner, groups: list[_Group]) -> list[_Group]:
    """A short definite description right after another source is that source again.

    "A member of the council said ... 'Their objective was ...,' the lawmaker
    claimed": news names a speaker once and then refers back with "the" and a
    noun. Merged only when "the X" is the next attribution after the other
    source's, at most one sentence later, and "the X" was never credited before.
    """
    said = sorted(((a, g) for g in groups for a in g.said), key=lambda pair: pair[0].cue[0])
    merged: dict[int, _Group] = {}
    for (previous, earlier), (current, group) in pairwise(said):
        first = group.mentions[0]
        phrase = aligner.index.text[first[0] : first[1]]
        words = phrase.split()
        if (
            group is earlier
            or not group.anonymous
            or not phrase.lower().startswith("the ")
            or len(words) > 3
            or current.source != first
            or id(group) in merged
        ):
            continue
        before = aligner.index.sentence_at(previous.cue[0])
        now = aligner.index.sentence_at(current.cue[0])
        if before is None or now is None or now.number - before.number > 1:
            continue
        target = merged.get(id(earlier), earlier)
        target.mentions.extend(group.mentions)
        target.said.extend(group.said)
        merged[id(group)] = target
    return [g for g in groups if id(g) not in merged]


def _merge_short_forms(groups: list[_Group], text: str) -> list[_Group]:
    """An unnamed source that is a short form of a named one is that source ("Police said" beside "Northgate Valley
    Police said", "the harbour authority" beside "the Harbour Authority"): one source, by its name."""
    named = [g for g in groups if not g.anonymous]
    kept = []
    for group in groups:
        target = next((n for n in named if group.anonymous and _short_form(group.name, n, text)), None)
        if target is None:
            kept.append(group)
            continue
        target.mentions.extend(group.mentions)
        target.said.extend(group.said)
    return kept


def _short_form(unnamed: str, named: _Group, text: str) -> bool:
    """Whether an unnamed description is the named source's name with less: the same head word, where the name
    ends the phrase that speaks ("Police" and "Northgate Valley Police"; not "research" and the "... Research"
    that opens "Avalon Research Director Ann Lee")."""
    short, full = _description(unnamed).split(), normalize(named.name).split()
    if not short or not full or short[-1] != full[-1] or not same_name(unnamed, named.name):
        return False
    return any(normalize(text[start:end]).split()[-1:] == full[-1:] for start, end in named.mentions)


def _name_in(text: str, start: int, end: int, people: list[tuple[int, int]], persons: list[tuple[int, int]]) -> str:
    """The person or organization name inside a source phrase ("Malian sociologist Oumar Maiga" -> "Oumar Maiga");
    a person before an organization that qualifies them ("Avalon Institute economist Ann Lee" -> "Ann Lee")."""
    inside = [(s, e) for s, e in people if start <= s and e <= end]
    if not inside:
        return text[start:end]
    s, e = max(inside, key=lambda span: span[1] - span[0])
    return text[s:e]


def _group_for(groups: list[_Group], name: str, anonymous: bool) -> _Group | None:
    key = _description(name)
    for group in groups:
        if group.anonymous != anonymous:
            continue
        if anonymous and (_description(group.name) == key or same_name(group.name, name)):
            return group  # "aides" and "the nominee's aides", "the court" and "the appeals court"
        if not anonymous and same_name(group.name, name):
            if len(name) > len(group.name):
                group.name = " ".join(name.split())  # the fuller form names the source
            return group
    return None


def _description(phrase: str) -> str:
    folded = normalize(phrase)
    for determiner in _DETERMINERS:
        folded = folded.removeprefix(determiner)
    return folded


def _add_drafted(
    aligner: Aligner, groups: list[_Group], source: DraftSource, reading: SourceReading, people: list[tuple[int, int]]
) -> None:
    """The model's source, when a cited sentence names it and reports what someone said (a person named in a
    sentence that quotes no one is no source); merged into the parse's group of the same source.

    Its mention is where a cited sentence names it, not the article's first
    mention of the name: "Northgate Bank" first named as where a speaker works
    may speak for itself later.
    """
    found = aligner.locate(source.n)
    if found is None or aligner.is_outlet(source.n) or any(same_name(group.name, source.n) for group in groups):
        return
    spots = []
    for number in source.s:
        sentence = aligner.index.sentence(number)
        if sentence is None:
            continue
        spot = aligner.index.normalized.find(found.text, within=(sentence.start, sentence.end))
        if spot is None or not reading.reports(sentence.text):
            continue
        if reading.speaks is None or reading.speaks(sentence.text, spot[0] - sentence.start, spot[1] - sentence.start):
            spots.append((sentence, spot))
    if not spots or any(aligner.addressed(sentence.start) for sentence, _ in spots):
        return
    text = aligner.index.text
    mentions = [mention for group in groups for mention in group.mentions]
    if any(start < spot[1] and spot[0] < end for _, spot in spots for start, end in mentions):
        return  # the parse's source, as the model writes it
    if all(any(_in_apposition(text, mention, spot) for mention in mentions) for _, spot in spots):
        return  # "Stefan Bauer, Analyst der Landesbank X, sagte": X is where the source works, not a second source
    if all(any(_qualifies(text, spot, mention) for mention in mentions) for _, spot in spots):
        return  # "Avalon Institute economist Ann Lee said": the institute qualifies the parse's source
    sentence, spot = spots[0]
    recognized = any(start < spot[1] and spot[0] < end for start, end in people)
    anonymous = not recognized and not any(ch.isupper() for ch in found.text[1:]) and not found.text.isupper()
    group = _Group(name=" ".join(found.text.split()), anonymous=anonymous, origin="model", exact=found.text == source.n)
    group.mentions.append(spot)
    group.said.append(Attribution(spot, spot, None, (sentence.start, sentence.end), anonymous))
    groups.append(group)


_QUALIFIER_WORDS = re.compile(r"[^\W\d_][\w'\u2019-]*")
MAX_QUALIFIER_WORDS = 4
"""Words between an organization and the name it qualifies ("X medical anthropologist NAME", "X chief economist
Dr NAME"): a title, not a clause (chosen by hand, not measured)."""


def _qualifies(text: str, spot: tuple[int, int], mention: tuple[int, int]) -> bool:
    """Whether ``spot`` is a name standing, after a title and with no punctuation, before a source ("Avalon
    Institute economist Ann Lee said")."""
    if not spot[1] <= mention[0]:
        return False
    words = text[spot[1] : mention[0]].split()
    return len(words) <= MAX_QUALIFIER_WORDS and all(_QUALIFIER_WORDS.fullmatch(w) for w in words)


def _in_apposition(text: str, source: tuple[int, int], name: tuple[int, int]) -> bool:
    """Whether ``name`` stands in the phrase set off by commas right after a source ("X, a spokesman for NAME, said")."""
    between, after = text[source[1] : name[0]], text[name[1] : name[1] + 1]
    return 0 < name[0] - source[1] <= 80 and between.startswith(",") and between.count(",") == 1 and after == ","


def _source(aligner: Aligner, group: _Group) -> Source:
    mentions = [aligner.span(start, end) for start, end in sorted(group.mentions)]
    sentences: dict[int, Span] = {}
    for attribution in group.said:
        sentence = aligner.index.sentence_at(attribution.cue[0]) or aligner.index.sentence_at(attribution.source[0])
        if sentence is not None:
            sentences.setdefault(sentence.start, aligner.sentence_span(sentence))
    evidence = list(sentences.values())[:MAX_SOURCE_EVIDENCE] or [mentions[0]]
    first = mentions[0]
    return Source(
        name=group.name,
        anonymous=group.anonymous,
        said=_said(aligner, group.said[0]),
        mention=first,
        mentions=mentions,
        evidence=evidence,
        origin="model" if group.origin == "model" else "rule",
        alignment="exact" if group.exact else "partial",
    )


def _said(aligner: Aligner, attribution: Attribution) -> str:
    """What was attributed, whole when short; a long one ends at its last sentence or word within the limit."""
    text = aligner.index.text
    start, end = attribution.content or attribution.sentence
    sentence = aligner.index.sentence_at(attribution.cue[0])
    if sentence is not None and start < sentence.end and sentence.start < end:  # the parse's sentences may be longer
        start, end = max(start, sentence.start), min(end, sentence.end)
    said = " ".join(text[start:end].split()).strip(" ,;:\u201c\u201d\"'")
    if len(said) <= SAID_CHARS:
        return said
    cut = said[:SAID_CHARS]
    stop = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    return cut[: stop + 1] if stop > SAID_CHARS // 2 else cut.rsplit(" ", 1)[0] + "\u2026"
