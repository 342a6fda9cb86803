"""Benchmark: the instruction detector (rules/injection.py), both ways (a measurement, not a test).

Recall: the addressed paragraphs of the project's hostile cases
(tests/data/injections/hostile.json, and unseen.json: wordings written before
the rules) per language. False positives: paragraphs flagged in real news, over
every article text found under the folders given (JSON/JSONL ``text`` fields,
.txt/.md files; ``holdout*`` files are never read). Also time per article.

    python -m benchmarks.injection ../shared/eval tests/data
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from summarizer.rules.injection import addressed_blocks

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "injections"


def texts_in(value: object) -> Iterator[str]:
    """Every article text inside a JSON value: a ``text`` beside a title, URL or date (not a gold mention's text)."""
    if isinstance(value, dict):
        if isinstance(value.get("text"), str) and value.keys() & {"title", "url", "published", "date"}:
            yield value["text"]
        for item in value.values():
            yield from texts_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts_in(item)


def articles(folder: Path, besides: tuple[Path, ...] = ()) -> Iterator[tuple[Path, str]]:
    """Every article text under ``folder`` (JSON, JSONL, .txt, .md) but the injection cases and the folders
    ``besides``; holdout files are never opened."""
    for path in sorted(folder.rglob("*")):
        skipped = any(other in path.parents for other in (CASES, *besides))
        if path.name.startswith("holdout") or not path.is_file() or skipped:
            continue
        if path.suffix == ".json":
            yield from ((path, t) for t in texts_in(json.loads(path.read_text(encoding="utf-8"))))
        elif path.suffix == ".jsonl":
            for line in filter(str.strip, path.read_text(encoding="utf-8").splitlines()):
                yield from ((path, t) for t in texts_in(json.loads(line)))
        elif path.suffix in {".txt", ".md"} and not path.name.endswith(("NOTICE.md", "README.md")):
            yield path, path.read_text(encoding="utf-8", errors="replace")


def false_positives(folders: list[Path]) -> None:
    for folder in folders:
        found = list(articles(folder))
        paragraphs = flagged = 0
        started = time.perf_counter()
        for path, text in found:
            blocks = addressed_blocks(text)
            paragraphs += sum(1 for p in text.split("\n\n") if p.strip())
            flagged += len(blocks)
            for start, end in blocks:
                print(f"  FLAGGED {path.relative_to(folder)}: {text[start:end][:160]!r}")
        took = (time.perf_counter() - started) / max(len(found), 1) * 1000
        print(f"{folder}: {len(found)} texts, {paragraphs} paragraphs, {flagged} flagged, {took:.2f} ms/article")


def recall(name: str) -> None:
    path = CASES / name
    if not path.exists():
        return
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong = paragraphs = 0
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        text = "\n\n".join(case["paragraphs"])
        flagged = {text[a:b] for a, b in addressed_blocks(text)}
        for number in case["addressed"]:
            total[case["language"]] += 1
            if case["paragraphs"][number] in flagged:
                hit[case["language"]] += 1
            else:
                print(f"  MISSED {case['id']}")
        for number, paragraph in enumerate(case["paragraphs"]):
            if number not in case["addressed"]:
                paragraphs += 1
                if paragraph in flagged:
                    wrong += 1
                    print(f"  WRONGLY FLAGGED {case['id']} paragraph {number}")
    rows = ", ".join(f"{lang} {hit[lang]}/{total[lang]}" for lang in sorted(total))
    print(
        f"{name}: addressed found {sum(hit.values())}/{sum(total.values())} ({rows}); news flagged {wrong}/{paragraphs}"
    )


if __name__ == "__main__":
    for name in ("hostile.json", "unseen.json", "benign.json"):
        recall(name)
    false_positives([Path(a) for a in sys.argv[1:]])
