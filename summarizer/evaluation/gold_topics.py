"""The topic dev set's gold (``eval/topics``; ``docs/annotation-guide.md``), read into the MEANTIME/PolNeAR shapes.

Annotators write names and exact words, not offsets; this module finds each
in the article and hands the metrics the same span records MEANTIME and
PolNeAR give them, so the topic set is scored by the same code:

- every occurrence of a who/where/others/mentioned name or alias becomes a
  typed entity mention (person PER, organization and group ORG, country and
  every place LOC; index and instrument FIN, other things PRO), which who/where
  precision and kind accuracy read. ``mentioned`` holds the other actors and
  places the text names: right to give, typed, but not needed for recall;
- an event's status becomes the MEANTIME factuality it stands for (``STATUS``);
- a time's value is kept as TimeML would write it (``2019-09-30``, ``2019-W39``), and a
  clock time, duration or set keeps its TimeML type with no value;
- a source becomes an attribution with its source, cue and content spans.

The whole text is annotated, so the scope is the whole text; the lead, for
"planned/uncertain lead event kept", is the first paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from summarizer.evaluation.annotations import GoldAttribution, GoldEvent, GoldMention, GoldSpan, GoldTime

WHO_KINDS = {"person": "PER", "organization": "ORG", "group": "ORG", "country": "LOC"}
WHERE_KINDS = {"country": "LOC", "region": "LOC", "city": "LOC", "site": "LOC"}
OTHER_KINDS = {
    "index": "FIN",
    "instrument": "FIN",
    "product": "PRO",
    "event": "PRO",
    "law": "PRO",
    "time_zone": "PRO",
    "work": "PRO",
    "disease": "PRO",
}
"""MEANTIME has PRO (products) and FIN (financial entities) for what is neither actor nor place; the other kinds
of issue 24.2 are folded into PRO, since all the metrics ask of them is that they are not who or where."""
STATUS: dict[str, tuple[str, str, str]] = {
    "confirmed": ("CERTAIN", "POS", "NON_FUTURE"),
    "planned": ("CERTAIN", "POS", "FUTURE"),
    "alleged": ("PROBABLE", "POS", "NON_FUTURE"),
    "claimed": ("PROBABLE", "POS", "NON_FUTURE"),
    "unclear": ("POSSIBLE", "POS", "NON_FUTURE"),
    "denied": ("CERTAIN", "NEG", "NON_FUTURE"),
}
"""EventStatus -> MEANTIME (certainty, polarity, time), the inverse of ``events.expected``: alleged, claimed and
unclear all read back as 'any of the three', as MEANTIME's PROBABLE/POSSIBLE do."""
TIME_VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?|-Q[1-4]|-W\d{2})?")
MENTIONED_KINDS = {**WHO_KINDS, **WHERE_KINDS}
TIME_TYPES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}
"""TimeML's types: only dates are counted; a clock time, a duration or a set is marked so that a brief giving it a
date is not held wrong for it, as on MEANTIME (``times.py``)."""
FIELDS = ("who", "where", "others", "times", "events", "sources")


@dataclass(frozen=True)
class TopicGold:
    """One topic article's annotations as span records."""

    who: tuple[tuple[str, tuple[str, ...]], ...]
    where: tuple[tuple[str, tuple[str, ...]], ...]
    others: tuple[tuple[str, str, tuple[str, ...]], ...]
    """(label, the annotation guide's kind, surface forms) of each named thing that is neither actor nor place."""
    mentions: tuple[GoldMention, ...]
    events: tuple[GoldEvent, ...]
    times: tuple[GoldTime, ...]
    attributions: tuple[GoldAttribution, ...]
    lead_end: int


def is_topic_record(record: Any) -> bool:
    """A topic file holds its annotations at the top level beside 'topic', with no 'gold' object."""
    return isinstance(record, dict) and "topic" in record and "gold" not in record and "events" in record


def locate(text: str, words: Any, occurrence: Any = 1) -> GoldSpan:
    """The ``occurrence``-th place (1 = first) where ``words`` stand in ``text``; ValueError when not there."""
    if not isinstance(words, str) or not words.strip():
        raise ValueError("a span must be non-empty text")
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
        raise ValueError(f"'occurrence' of {words!r} must be a whole number from 1")
    at = -1
    for _ in range(occurrence):
        at = text.find(words, at + 1)
        if at < 0:
            raise ValueError(
                f"{words!r} is not in the article text" + (f" {occurrence} times" if occurrence > 1 else "")
            )
    return GoldSpan(start=at, end=at + len(words), text=words)


def _occurrences(text: str, words: str) -> list[tuple[int, int]]:
    """Every place the words stand as whole words ("Iran" not inside "Iranian")."""
    pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _entities(text: str, items: Any, field: str, kinds: dict[str, str]) -> list[tuple[str, str, tuple[str, ...]]]:
    """(label, MEANTIME type, surface forms) of each entity; every form must be in the text."""
    if not isinstance(items, list):
        raise ValueError(f"'{field}' must be a list")
    out = []
    for number, item in enumerate(items, start=1):
        where = f"'{field}' item {number}"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise ValueError(f"{where} must be an object with a 'name'")
        if item.get("kind") not in kinds:
            raise ValueError(f"{where} ({item['name']}): 'kind' must be one of {', '.join(kinds)}")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise ValueError(f"{where} ({item['name']}): 'aliases' must be a list of non-empty strings")
        forms = tuple(dict.fromkeys([item["name"], *aliases]))
        for form in forms:
            if not _occurrences(text, form):
                raise ValueError(f"{where}: {form!r} is not in the article text as whole words")
        out.append((item["name"], kinds[item["kind"]], forms))
    return out


def _mentions(text: str, entities: list[tuple[str, str, tuple[str, ...]]]) -> tuple[GoldMention, ...]:
    """Every occurrence of every form, typed; a place two entries share keeps the first entry's type, and a form
    inside a longer form of the same entity is not counted again."""
    found: dict[tuple[int, int], GoldMention] = {}
    for label, kind, forms in entities:
        for form in forms:
            for start, end in _occurrences(text, form):
                mention = GoldMention(start=start, end=end, text=form, type=kind, entity=label, named=True)
                found.setdefault((start, end), mention)

    def inside_own(m: GoldMention) -> bool:  # "Maris" inside "Lena Maris" is that mention, not a second one
        return any(o.entity == m.entity and o.start <= m.start and m.end <= o.end and o != m for o in found.values())

    return tuple(sorted((m for m in found.values() if not inside_own(m)), key=lambda m: (m.start, -m.end)))


def _events(text: str, items: Any, lead_end: int) -> tuple[GoldEvent, ...]:
    if not isinstance(items, list):
        raise ValueError("'events' must be a list")
    out = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ValueError(f"event {number} must be an object")
        status = item.get("status")
        if status not in STATUS:
            raise ValueError(f"event {number}: 'status' must be one of {', '.join(STATUS)}")
        span = locate(text, item.get("text"), item.get("occurrence", 1))
        if not isinstance(item.get("lead", False), bool) or item.get("lead", False) != (span.start < lead_end):
            raise ValueError(
                f"event {number} ({span.text!r}): 'lead' must be true exactly when it is in the first paragraph"
            )
        certainty, polarity, time = STATUS[status]
        out.append(GoldEvent(**span.model_dump(), certainty=certainty, polarity=polarity, time=time, verb=True))
    return tuple(out)


def _times(text: str, items: Any) -> tuple[GoldTime, ...]:
    if not isinstance(items, list):
        raise ValueError("'times' must be a list")
    out = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or item.get("type", "date") not in TIME_TYPES:
            raise ValueError(f"time {number}: 'type' must be one of {', '.join(TIME_TYPES)} (date when left out)")
        kind = item.get("type", "date")
        value = item.get("value")
        if kind == "date" and (not isinstance(value, str) or not TIME_VALUE.fullmatch(value)):
            raise ValueError(f"time {number}: 'value' must be YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Wnn")
        span = locate(text, item.get("text"), item.get("occurrence", 1))
        out.append(GoldTime(**span.model_dump(), type=TIME_TYPES[kind], value=value if kind == "date" else None))
    return tuple(out)


def _near(text: str, words: Any, occurrence: Any, anchor: GoldSpan) -> GoldSpan:
    """The given occurrence, else the one nearest ``anchor``: a cue is read beside its source ("Kern said", not the
    first "said" of the article), the content beside its cue."""
    if occurrence is not None:
        return locate(text, words, occurrence)
    first = locate(text, words)
    spans = [first]
    while (at := text.find(words, spans[-1].start + 1)) >= 0:
        spans.append(GoldSpan(start=at, end=at + len(words), text=words))
    return min(spans, key=lambda s: min(abs(s.start - anchor.end), abs(anchor.start - s.end)))


def _attributions(text: str, items: Any) -> tuple[GoldAttribution, ...]:
    if not isinstance(items, list):
        raise ValueError("'sources' must be a list")
    out = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("named"), bool):
            raise ValueError(f"source {number} must be an object with 'named' true or false")
        source = locate(text, item.get("source"), item.get("source_occurrence", 1))
        cue = _near(text, item.get("cue"), item.get("cue_occurrence"), source)
        content = _near(text, item.get("content"), item.get("content_occurrence"), cue)
        out.append(GoldAttribution(**source.model_dump(), parts=(source,), cue=cue, content=(content,)))
    return tuple(out)


def read(record: dict[str, Any], text: str) -> TopicGold:
    """The annotations of one topic record; ValueError (one line, naming the item) when one is wrong."""
    if record.get("annotated") is False:
        raise ValueError("not annotated yet ('annotated': false): finish it before scoring (docs/annotation-guide.md)")
    for field in FIELDS:
        if field not in record:
            raise ValueError(f"'{field}' is missing (give [] when the article has none)")
    first_break = text.find("\n\n")
    lead_end = len(text) if first_break < 0 else first_break
    who = _entities(text, record["who"], "who", WHO_KINDS)
    where = _entities(text, record["where"], "where", WHERE_KINDS)
    others = _entities(text, record["others"], "others", OTHER_KINDS)
    mentioned = _entities(text, record.get("mentioned", []), "mentioned", MENTIONED_KINDS)
    return TopicGold(
        who=tuple((label, forms) for label, _kind, forms in who),
        where=tuple((label, forms) for label, _kind, forms in where),
        others=tuple(
            (item["name"], item["kind"], forms) for item, (_l, _k, forms) in zip(record["others"], others, strict=True)
        ),
        mentions=_mentions(text, [*who, *where, *others, *mentioned]),
        events=_events(text, record["events"], lead_end),
        times=_times(text, record["times"]),
        attributions=_attributions(text, record["sources"]),
        lead_end=lead_end,
    )
