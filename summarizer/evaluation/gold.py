"""Gold sets, one format per file, recognised by what the file holds.

- GUM news (``gold.salient_entities``; ``../shared/eval/NOTICE.md``): named
  person/organization entities with salience >= 3 are gold for ``who``; named
  places with salience >= 2 are gold for ``where``.
- PolNeAR (``gold.attributions``): source, cue and content spans of every
  attribution, gold for ``sources`` (``gold_polnear.py``).
- MEANTIME (``gold.events``, ``gold.times``, ``gold.entities``, ``gold.scope``):
  event mentions with factuality, TimeML times and typed entity mentions, gold
  for ``what``, ``when`` and who/where precision (``gold_meantime.py``). Its
  who/where recall gold is every PER/ORG (who) or LOC (where) entity named
  (a NAM mention) inside the annotated scope.
- Topic set (``topic`` with ``who``/``where``/``others``/``times``/``events``/``sources`` at the top level;
  ``eval/topics``, ``docs/annotation-guide.md``): names and exact words, read into the MEANTIME and PolNeAR
  shapes and scored by every metric of both (``gold_topics.py``). A directory of topic folders is read one
  level down.
- JSONL, one article per line, for users' own sets::

    {"id": "a1", "article": {"text": "...", "title": "..."},
     "summary": "One sentence.", "who": ["Ahmed Mohamed", {"name": "FIFA", "aliases": ["the federation"]}],
     "where": ["Texas"]}

  (``text``/``title``/... may also sit at the top level instead of under ``article``.)

A file that is not one of these is refused with a one-line reason naming it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from summarizer.errors import ArticleError
from summarizer.evaluation import gold_meantime, gold_polnear, gold_topics
from summarizer.evaluation.annotations import GoldAttribution, GoldEvent, GoldMention, GoldTime
from summarizer.ingest.article import Article

WHO_TYPES = {"person", "organization"}
WHO_MIN_SALIENCE = 3
"""GUM rates each entity's salience 1-5; people and organizations rated 3 or more are those a brief must name
(docs/quality.md, who recall). Chosen by hand, not measured."""
WHERE_TYPES = {"place"}
WHERE_MIN_SALIENCE = 2
"""Places rated 2 or more are those a brief must name (docs/quality.md, where recall). Chosen by hand, not measured."""
_ARTICLE_FIELDS = {"text", "title", "url", "outlet", "published", "language"}

GoldKind = Literal["gum", "polnear", "meantime", "topics", "jsonl"]


class GoldEntity(BaseModel):
    """One entity a brief should name: its identity and every surface form the article uses."""

    model_config = ConfigDict(frozen=True)

    label: str
    mentions: tuple[str, ...] = ()
    kind: str | None = None
    """The annotated kind, where the gold gives one (the topic set's ``others``: index, product, event...)."""


class GoldArticle(BaseModel):
    """One article and its gold; ``kind`` says which annotations it has (the rest stay empty)."""

    model_config = ConfigDict(frozen=True)

    id: str
    article: Article
    kind: GoldKind = "jsonl"
    stem: str | None = None
    """The gold file's name without ``.json``: stored briefs are looked up by it."""
    summary: str | None = None
    who: tuple[GoldEntity, ...] = ()
    where: tuple[GoldEntity, ...] = ()
    others: tuple[GoldEntity, ...] = ()
    """The topic set's named things that are neither actors nor places, each with its kind."""
    attributions: tuple[GoldAttribution, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    times: tuple[GoldTime, ...] = ()
    mentions: tuple[GoldMention, ...] = ()
    scope_end: int | None = None
    """MEANTIME: where the exhaustively annotated part of the text ends."""
    lead_end: int | None = None
    """Where the lead ends, for planned/uncertain lead events (None: the lead is the scope, as in MEANTIME)."""
    topic: str | None = None
    """The topic set's topic area (``sport``, ...): the report gives each its own figures."""


class _BadRecord(ValueError):
    """A record whose shape is wrong; the message says what, the caller adds where."""


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Every gold article under ``path``: a directory of gold JSON files (any mix of formats), or a JSONL file."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.json")) or sorted(path.glob("*/*.json"))
        if not files:
            raise ArticleError(f"{path}: no *.json gold files in this directory or its folders")
        return [_from_file(_read_json(file), file.stem, str(file)) for file in files]
    if not path.exists():
        raise ArticleError(f"{path}: no such file or directory")
    if path.suffix == ".json":
        return [_from_file(_read_json(path), path.stem, str(path))]
    golds: list[GoldArticle] = []
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if line.strip():
            where = f"{path}:{number}"
            golds.append(_checked(_from_jsonl, _parse(line, where), f"{path.stem}-{number}", where))
    if not golds:
        raise ArticleError(f"{path}: no gold articles (expected one JSON object per line)")
    return golds


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleError(f"{path}: not UTF-8 text (convert it to UTF-8)") from None
    except OSError as error:
        raise ArticleError(f"{path}: cannot read it ({error.strerror})") from None


def _read_json(path: Path) -> Any:
    return _parse(_read_text(path), str(path))


def _parse(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleError(f"{where}: not valid JSON ({error.msg} at line {error.lineno})") from error


def _checked(convert: Any, record: Any, default_id: str, where: str) -> GoldArticle:
    """Run one converter; any shape error in the record becomes one line naming the file."""
    try:
        result: GoldArticle = convert(record, default_id, where)
    except ArticleError:
        raise
    except KeyError as error:
        raise ArticleError(f"{where}: not a valid gold record (missing {error.args[0]!r})") from None
    except (TypeError, ValueError, AttributeError, IndexError) as error:
        reason = str(error).splitlines()[0] if str(error) else error.__class__.__name__
        raise ArticleError(f"{where}: not a valid gold record ({reason})") from None
    return result


def _from_file(record: Any, stem: str, where: str) -> GoldArticle:
    if gold_topics.is_topic_record(record):
        return _checked(_from_topics, record, stem, where).model_copy(update={"stem": stem})
    if not isinstance(record, dict) or "gold" not in record:
        raise ArticleError(f"{where}: expected a gold record with 'article' and 'gold' keys")
    gold = record["gold"]
    if not isinstance(gold, dict):
        raise ArticleError(f"{where}: 'gold' must be an object (GUM, PolNeAR or MEANTIME annotations)")
    if "attributions" in gold:
        convert = _from_polnear
    elif "events" in gold or "entities" in gold:
        convert = _from_meantime
    else:
        convert = _from_gum
    return _checked(convert, record, stem, where).model_copy(update={"stem": stem})


def _article(record: dict[str, Any], where: str) -> Article:
    fields = record.get("article", {k: v for k, v in record.items() if k in _ARTICLE_FIELDS})
    if not isinstance(fields, dict):
        raise ArticleError(f"{where}: 'article' must be an object with 'text'")
    try:
        return Article.model_validate(fields)
    except ValidationError as error:
        raise ArticleError(f"{where}: not an article ({error.errors()[0]['msg']})") from error


def _names(value: Any, what: str) -> list[str]:
    """A list of strings, or the reason it is not one."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _BadRecord(f"{what} must be a list of non-empty strings")
    return value


def _from_gum(record: dict[str, Any], default_id: str, where: str) -> GoldArticle:
    gold = record["gold"]
    entities = gold.get("salient_entities", [])
    if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
        raise _BadRecord("'salient_entities' must be a list of objects")
    for number, entity in enumerate(entities, start=1):
        if not isinstance(entity.get("salience", 0), int | float) or isinstance(entity.get("salience"), bool):
            raise _BadRecord(f"salient entity {number}: 'salience' must be a number 1-5")
        _names(entity.get("mentions", []), f"salient entity {number}: 'mentions'")

    def pick(types: set[str], min_salience: int) -> tuple[GoldEntity, ...]:
        return tuple(
            GoldEntity(label=e.get("identity") or e["mentions"][0], mentions=tuple(e["mentions"]))
            for e in entities
            if e.get("type") in types and e.get("named") and e.get("salience", 0) >= min_salience and e.get("mentions")
        )

    return GoldArticle(
        id=str(record.get("id") or default_id),
        article=_article(record, where),
        kind="gum",
        summary=gold.get("summary"),
        who=pick(WHO_TYPES, WHO_MIN_SALIENCE),
        where=pick(WHERE_TYPES, WHERE_MIN_SALIENCE),
    )


def _from_polnear(record: dict[str, Any], default_id: str, where: str) -> GoldArticle:
    article = _article(record, where)
    return GoldArticle(
        id=str(record.get("id") or default_id),
        article=article,
        kind="polnear",
        attributions=gold_polnear.attributions(record["gold"], article.text),
    )


def _from_meantime(record: dict[str, Any], default_id: str, where: str) -> GoldArticle:
    article = _article(record, where)
    gold, text = record["gold"], article.text
    end = gold_meantime.scope_end(gold, text)
    mentions = gold_meantime.mentions(gold, text)

    def named(types: set[str]) -> tuple[GoldEntity, ...]:
        keys = dict.fromkeys(m.entity for m in mentions if m.type in types and m.named and m.start < end)
        return tuple(
            GoldEntity(label=key, mentions=tuple(dict.fromkeys(m.text for m in mentions if m.entity == key)))
            for key in keys
        )

    return GoldArticle(
        id=str(record.get("id") or default_id),
        article=article,
        kind="meantime",
        who=named({"PER", "ORG"}),
        where=named({"LOC"}),
        events=gold_meantime.events(gold, text),
        times=gold_meantime.times(gold, text),
        mentions=mentions,
        scope_end=end,
    )


def _from_topics(record: dict[str, Any], default_id: str, where: str) -> GoldArticle:
    article = _article(record, where)
    if not isinstance(record["topic"], str) or not record["topic"].strip():
        raise _BadRecord("'topic' must be a non-empty string")
    gold = gold_topics.read(record, article.text)
    return GoldArticle(
        id=str(record.get("id") or default_id),
        article=article,
        kind="topics",
        who=tuple(GoldEntity(label=label, mentions=forms) for label, forms in gold.who),
        where=tuple(GoldEntity(label=label, mentions=forms) for label, forms in gold.where),
        others=tuple(GoldEntity(label=label, mentions=forms, kind=kind) for label, kind, forms in gold.others),
        attributions=gold.attributions,
        events=gold.events,
        times=gold.times,
        mentions=gold.mentions,
        scope_end=len(article.text),
        lead_end=gold.lead_end,
        topic=record["topic"],
    )


def _from_jsonl(record: Any, default_id: str, where: str) -> GoldArticle:
    if not isinstance(record, dict):
        raise ArticleError(f"{where}: expected a JSON object")

    def entities(key: str) -> tuple[GoldEntity, ...]:
        items = record.get(key, [])
        if not isinstance(items, list):
            raise _BadRecord(f"'{key}' must be a list of names")
        out = []
        for number, item in enumerate(items, start=1):
            if isinstance(item, str) and item.strip():
                out.append(GoldEntity(label=item, mentions=(item,)))
            elif isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
                aliases = _names(item.get("aliases", []), f"'{key}' item {number}: 'aliases'")
                out.append(GoldEntity(label=item["name"], mentions=(item["name"], *aliases)))
            else:
                raise _BadRecord(f"'{key}' item {number} must be a name or an object with a 'name'")
        return tuple(out)

    summary = record.get("summary")
    if summary is not None and not isinstance(summary, str):
        raise _BadRecord("'summary' must be a string")
    return GoldArticle(
        id=str(record.get("id") or default_id),
        article=_article(record, where),
        summary=summary,
        who=entities("who"),
        where=entities("where"),
    )
