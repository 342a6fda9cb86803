"""Start topic gold files from the Wikinews collection: ``python scripts/topic_skeleton.py --csv CSV TOPIC_DIR TITLE ...``.

``--csv`` (once per year) is one year of the CC BY 2.5 collection in ``vanatteveldt/wikinews`` (``data/wikinews_2020.csv``: url,
date, title, text); each ``TITLE`` is written to ``TOPIC_DIR/wn-<date>-<first words>.json`` with ``"annotated":
false`` and empty gold, as ``eval/NOTICE.md`` says the set was made: the dateline paragraph dropped (its date is
``article.published``), paragraphs one blank line apart, runs of spaces collapsed. Pull-quote attributions and
image captions cannot be told from text here; the annotator removes them by hand before annotating
(``docs/annotation-guide.md``). An existing file is never overwritten, so annotation in progress is safe.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

ID_WORDS = 6
"""Words of the title kept in a file's id, as the first 41 files have them."""

DATELINE = re.compile(r"^\w+day, \w+ \d{1,2}, \d{4}\s*$")


def clean_text(raw: str) -> str:
    """The article's paragraphs without the dateline, one blank line apart, spaces collapsed."""
    paragraphs = [re.sub(r"[ \t\u00a0]+", " ", p).strip() for p in re.split(r"\n\s*\n", raw)]
    kept = [p for p in paragraphs if p]
    if kept and DATELINE.match(kept[0].split("\n", 1)[0]):
        # the dateline is its own paragraph, or the first line of the first one ("Monday, August 3, 2020\nText")
        _, _, rest = kept[0].partition("\n")
        kept = [rest.strip(), *kept[1:]] if rest.strip() else kept[1:]
    return "\n\n".join(kept)


def slug(date: str, title: str) -> str:
    """``wn-2020-06-21-british-supermarket-chain-tesco-to-sell``: the date and the title's first words."""
    words = re.findall(r"[a-z0-9]+", title.lower())[:ID_WORDS]
    return "-".join(["wn", date, *words])


def skeleton(row: dict[str, str], topic: str) -> dict[str, Any]:
    """An unannotated gold record of one collection row."""
    date = row["date"][:10]
    page = unquote(row["url"].split("/wiki/", 1)[1])
    url = "https://en.wikinews.org/wiki/" + quote(page, safe="_,;()/")
    return {
        "id": slug(date, row["title"]),
        "topic": topic,
        "licence": "CC BY 2.5",
        "url": url,
        "article": {
            "title": row["title"],
            "text": clean_text(row["text"]),
            "published": date,
            "outlet": "Wikinews",
            "url": url,
        },
        "annotated": False,
        "who": [],
        "where": [],
        "others": [],
        "times": [],
        "events": [],
        "sources": [],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, action="append", required=True, help="wikinews_<year>.csv, once per year")
    parser.add_argument("topic_dir", type=Path, help="eval/topics/<topic>; its name is the topic")
    parser.add_argument("titles", nargs="+")
    args = parser.parse_args(argv)
    csv.field_size_limit(sys.maxsize)
    rows: dict[str, dict[str, str]] = {}
    for path in args.csv:
        with path.open(encoding="utf-8", newline="") as handle:
            rows.update({row["title"]: row for row in csv.DictReader(handle)})
    missing = [t for t in args.titles if t not in rows]
    if missing:
        print(f"not in the given CSVs: {missing}; give titles exactly as the collection has them", file=sys.stderr)
        return 1
    args.topic_dir.mkdir(parents=True, exist_ok=True)
    for title in args.titles:
        record = skeleton(rows[title], args.topic_dir.name)
        path = args.topic_dir / f"{record['id']}.json"
        if path.exists():
            print(f"kept {path} (exists)")
            continue
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
