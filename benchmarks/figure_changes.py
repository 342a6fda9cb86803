"""Figures that follow a story across two days, rules alone (issue 24 item 6).

    python -m benchmarks.figure_changes [tests/data/two-day-figures/stories.json]

Each story of the file is told on two days (texts written for this project,
CC0). Day 1's articles make one digest, day 2's the next, both briefed by the
``none`` backend (rules alone, no model), so what is measured is the digest's
reading of figures. A story is right when day 2's story lists exactly the
expected figure changes (measure, earlier values, today's) and the expected
figures of related but different measures ("injured 20, then in hospital 15:
not compared"), nothing more. Prints one line per story and the totals.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarizer.digest.schema import Digest

DAY_1, DAY_2 = dt.date(2026, 4, 14), dt.date(2026, 4, 15)
STORIES = Path(__file__).resolve().parent.parent / "tests" / "data" / "two-day-figures" / "stories.json"

Change = tuple[str, tuple[str, ...], str]
Apart = tuple[str, tuple[str, ...], str, str]


@dataclass(frozen=True)
class Outcome:
    """What day 2's digest said for one story, and what it should say."""

    id: str
    changes: frozenset[Change]
    apart: frozenset[Apart]
    want_changes: frozenset[Change]
    want_apart: frozenset[Apart]
    linked: bool

    @property
    def right(self) -> bool:
        return self.linked and self.changes == self.want_changes and self.apart == self.want_apart


def load(path: Path = STORIES) -> list[dict[str, Any]]:
    stories: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return stories


def run(stories: list[dict[str, Any]]) -> tuple[list[Outcome], Digest]:
    """Build the two days' digests (one store, the `none` backend); each story's changes, and day 2's digest."""
    from summarizer import Article, Summarizer, build_digest
    from summarizer.digest.store import Store

    def articles(day: str, date: dt.date) -> list[Article]:
        return [
            Article(
                text=s[day]["text"], title=s[day]["title"], outlet=s[day]["outlet"], published=date,
                url=f"https://{s['id']}.example/{day}", language=s["language"],
            )
            for s in stories
        ]  # fmt: skip

    with tempfile.TemporaryDirectory() as folder, Summarizer("none") as engine:
        store = Store(Path(folder) / "store.db")
        build_digest(articles("day1", DAY_1), summarizer=engine, store=store, day=DAY_1)
        digest = build_digest(articles("day2", DAY_2), summarizer=engine, store=store, day=DAY_2)
    by_url = {a.id: a.url for a in digest.articles}
    outcomes = []
    for s in stories:
        url = f"https://{s['id']}.example/day2"
        story = next(x for x in digest.stories if any(by_url.get(a) == url for a in x.articles))
        changes = story.changes
        outcomes.append(
            Outcome(
                id=s["id"],
                changes=frozenset(
                    (f.about, tuple(sorted(b.value for b in f.before)), f.after.value)
                    for f in (changes.figures if changes else [])
                ),
                apart=frozenset(
                    (f.before_about, tuple(sorted(b.value for b in f.before)), f.after_about, f.after.value)
                    for f in (getattr(changes, "figures_apart", []) if changes else [])
                ),
                want_changes=frozenset((a, tuple(sorted(b)), c) for a, b, c in s["changes"]),
                want_apart=frozenset((a, tuple(sorted(b)), c, d) for a, b, c, d in s["apart"]),
                linked=changes is not None,
            )
        )
    return outcomes, digest


def main(argv: list[str]) -> None:
    outcomes, _ = run(load(Path(argv[0]) if argv else STORIES))
    found = wanted = extra = 0
    for o in outcomes:
        got, want = o.changes | o.apart, o.want_changes | o.want_apart
        found, wanted, extra = found + len(got & want), wanted + len(want), extra + len(got - want)
        print(f"{'right' if o.right else 'WRONG'}  {o.id}")
        for item in sorted(map(str, want - got)):
            print(f"        missed {item}")
        for item in sorted(map(str, got - want)):
            print(f"        extra  {item}")
    right = sum(o.right for o in outcomes)
    print(f"stories right: {right}/{len(outcomes)}; expected items found: {found}/{wanted}; extra items: {extra}")


if __name__ == "__main__":
    main(sys.argv[1:])
