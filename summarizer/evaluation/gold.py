"""Gold sets: the GUM news format (one JSON file per article) and a plain JSONL format.

GUM format (``../shared/eval/NOTICE.md``): ``{"article": {...}, "gold": {"summary": ...,
"salient_entities": [{type, salience, named, identity, mentions}]}}``. Named
person/organization entities with salience >= 3 are gold for ``who``; named
places with salience >= 2 are gold for ``where``.

JSONL format, one article per line, for users' own sets::

    {"id": "a1", "article": {"text": "...", "title": "..."},
     "summary": "One sentence.", "who": ["Ahmed Mohamed", {"name": "FIFA", "aliases": ["the federation"]}],
     "where": ["Texas"]}

(``text``/``title``/... may also sit at the top level instead of under ``article``.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from summarizer.errors import ArticleError
from summarizer.ingest.article import Article

WHO_TYPES = {"person", "organization"}
WHO_MIN_SALIENCE = 3
WHERE_TYPES = {"place"}
WHERE_MIN_SALIENCE = 2
_ARTICLE_FIELDS = {"text", "title", "url", "outlet", "published", "language"}


class GoldEntity(BaseModel):
    """One entity a brief should name: its identity and every surface form the article uses."""

    model_config = ConfigDict(frozen=True)

    label: str
    mentions: tuple[str, ...] = ()


class GoldArticle(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    article: Article
    summary: str | None = None
    who: tuple[GoldEntity, ...] = ()
    where: tuple[GoldEntity, ...] = ()


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Every gold article under ``path``: a directory of GUM JSON files, or a JSONL file."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise ArticleError(f"{path}: no *.json gold files in this directory")
        return [_from_gum(_read_json(file), file.stem, str(file)) for file in files]
    if not path.exists():
        raise ArticleError(f"{path}: no such file or directory")
    if path.suffix == ".json":
        return [_from_gum(_read_json(path), path.stem, str(path))]
    golds: list[GoldArticle] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            where = f"{path}:{number}"
            golds.append(_from_jsonl(_parse(line, where), f"{path.stem}-{number}", where))
    if not golds:
        raise ArticleError(f"{path}: no gold articles (expected one JSON object per line)")
    return golds


def _read_json(path: Path) -> Any:
    return _parse(path.read_text(encoding="utf-8"), str(path))


def _parse(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleError(f"{where}: not valid JSON ({error.msg} at line {error.lineno})") from error


def _article(record: dict[str, Any], where: str) -> Article:
    fields = record.get("article", {k: v for k, v in record.items() if k in _ARTICLE_FIELDS})
    try:
        return Article.model_validate(fields)
    except ValidationError as error:
        raise ArticleError(f"{where}: not an article ({error.errors()[0]['msg']})") from error


def _from_gum(record: Any, default_id: str, where: str) -> GoldArticle:
    if not isinstance(record, dict) or "gold" not in record:
        raise ArticleError(f"{where}: expected a GUM record with 'article' and 'gold' keys")
    gold = record["gold"]
    entities = gold.get("salient_entities", [])

    def pick(types: set[str], min_salience: int) -> tuple[GoldEntity, ...]:
        return tuple(
            GoldEntity(label=e.get("identity") or e["mentions"][0], mentions=tuple(e["mentions"]))
            for e in entities
            if e.get("type") in types and e.get("named") and e.get("salience", 0) >= min_salience and e.get("mentions")
        )

    return GoldArticle(
        id=str(record.get("id") or default_id),
        article=_article(record, where),
        summary=gold.get("summary"),
        who=pick(WHO_TYPES, WHO_MIN_SALIENCE),
        where=pick(WHERE_TYPES, WHERE_MIN_SALIENCE),
    )


def _from_jsonl(record: Any, default_id: str, where: str) -> GoldArticle:
    if not isinstance(record, dict):
        raise ArticleError(f"{where}: expected a JSON object")

    def entities(key: str) -> tuple[GoldEntity, ...]:
        out = []
        for item in record.get(key, []):
            if isinstance(item, str):
                out.append(GoldEntity(label=item, mentions=(item,)))
            else:
                name = item["name"]
                out.append(GoldEntity(label=name, mentions=(name, *item.get("aliases", ()))))
        return tuple(out)

    return GoldArticle(
        id=str(record.get("id") or default_id),
        article=_article(record, where),
        summary=record.get("summary"),
        who=entities("who"),
        where=entities("where"),
    )
