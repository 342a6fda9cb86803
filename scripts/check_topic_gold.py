"""Check topic gold files before committing them: ``python scripts/check_topic_gold.py eval/topics/sport/x.json ...``.

Reads each file as ``summarizer eval`` does (``summarizer/evaluation/gold_topics.py``): every span must be the
article's own words, every kind and status one of the guide's (``docs/annotation-guide.md``), ``lead`` true exactly
for events of the first paragraph. Also flags what the reader accepts but an annotator rarely means: the same
item twice, a time value outside the years near the article's date. Files still marked ``"annotated": false``
are listed as pending, not as errors. Prints one line per file (and a line per thing to look at again); exits 1 when any file cannot be read.
``--show`` also prints every time, event and source where the reader found it, in its words' context, to see that
each ``occurrence`` points at the words meant.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from summarizer.errors import ArticleError
from summarizer.evaluation.gold import GoldArticle, load_gold

NEAR_YEARS = 30
"""A time value more than 30 years from the article's date is most often a typo in the year (the set's articles
talk about the last few decades at most); it is flagged for a second look, not refused."""


def warnings(record: dict[str, Any]) -> list[str]:
    """What the reader accepts but is probably a slip."""
    out = []
    for field, key in (("who", "name"), ("where", "name"), ("others", "name"), ("events", "text")):
        seen = [item.get(key) for item in record.get(field, []) if isinstance(item, dict)]
        out += [f"{field}: {name!r} twice" for name in {n for n in seen if seen.count(n) > 1}]
    spans = [(t.get("text"), t.get("occurrence", 1)) for t in record.get("times", []) if isinstance(t, dict)]
    out += [f"times: {text!r} (occurrence {k}) twice" for text, k in {s for s in spans if spans.count(s) > 1}]
    year = int(str(record.get("article", {}).get("published", "0"))[:4] or 0)
    for time in record.get("times", []):
        value = str(time.get("value", ""))
        if value[:4].isdigit() and abs(int(value[:4]) - year) > NEAR_YEARS:
            out.append(f"times: {time.get('text')!r} = {value} is far from {year}")
    return out


CONTEXT = 30
"""Characters shown on each side of a span with --show: enough to tell one "said" from another."""


def shown(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT) : start].replace("\n", " ")
    after = text[end : end + CONTEXT].replace("\n", " ")
    return f"...{before}[[{text[start:end]}]]{after}..."


def spans(gold: GoldArticle) -> list[str]:
    """Each time, event and source of the gold as found in the text."""
    text = gold.article.text
    lines = [f"  time = {t.value}: {shown(text, t.start, t.end)}" for t in gold.times]
    lines += [
        f"  event {'(lead) ' if e.start < (gold.lead_end or 0) else ''}{e.certainty}/{e.polarity}/{e.time}: "
        f"{shown(text, e.start, e.end)}"
        for e in gold.events
    ]
    for a in gold.attributions:
        lines.append(f"  source: {shown(text, a.start, a.end)}")
        lines.append(f"    cue: {shown(text, a.cue.start, a.cue.end)}")
    return lines


def check(path: Path, show: bool = False) -> tuple[str, bool]:
    """One line about the file and whether it has a problem."""
    record = json.loads(path.read_text(encoding="utf-8"))
    if record.get("annotated") is False:
        return f"{path}: pending (annotated: false)", False
    try:
        (gold,) = load_gold(path)
    except ArticleError as error:
        return str(error), True
    slips = warnings(record)
    counts = (
        f"who {len(gold.who)}, where {len(gold.where)}, times {len(gold.times)}, events {len(gold.events)}"
        f" ({sum(e.start < (gold.lead_end or 0) for e in gold.events)} in the lead), sources {len(gold.attributions)}"
    )
    details = "".join(f"\n{line}" for line in spans(gold)) if show else ""
    return f"{path}: ok ({counts})" + "".join(f"\n  look again: {s}" for s in slips) + details, False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="topic gold files or directories of them")
    parser.add_argument("--show", action="store_true", help="print every time, event and source in its context")
    arguments = parser.parse_args()
    files = [file for path in arguments.paths for file in (sorted(path.rglob("*.json")) if path.is_dir() else [path])]
    bad = False
    for file in files:
        line, problem = check(file, arguments.show)
        print(line)
        bad |= problem
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
