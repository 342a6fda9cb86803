"""Precision and recall of the links between one digest's stories and an earlier digest's (issue 14).

    python -m benchmarks.story_continuity ../shared/eval/basil/clusters.jsonl tests/data/gum-news \\
        ../shared/eval/meantime-dev

Two sets, each as the digest would see them (a day's articles grouped into
stories by ``stories.group``, then today's stories linked to the earlier
day's by ``continuity.continued``), at several thresholds:

- **basil-days**: each BASIL event's articles of its first date make the
  earlier digest and its later articles today's (the six events reported over
  two to four days); an event reported on one date only is split by outlet
  (the New York Times earlier, the others today). All ten events share one
  earlier and one later day, with the twelve GUM articles as unrelated
  stories, alternately earlier and later by date (two of them are about the
  Church of Scientology, years apart: they must not be linked). Gold: a
  story of today continues the earlier story holding its event.
- **meantime-days**: the 60 MEANTIME dev articles (Wikinews on Airbus, Boeing
  and Apple) at their own dates; each day is linked to the articles of the
  seven days before (and, as a harder test of precision, the 30 days
  before). Same-company news days apart is the hard case. Gold, read by hand
  from the titles and texts (``MEANTIME_GOLD``): three follow-ups within a
  month, one of them within a week.

BASIL's text is the outlets' and stays outside this project; only figures are
printed.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from summarizer.digest.claims import Member
from summarizer.digest.continuity import SAME_STORY_LATER, WINDOW_DAYS, continued
from summarizer.digest.stories import group
from summarizer.evaluation.gold import load_gold
from summarizer.ingest.article import Article
from summarizer.schema import ArticleInfo, Brief, RunInfo, Uncertainty

THRESHOLDS = (0.15, 0.2, 0.22, SAME_STORY_LATER, 0.26, 0.3, 0.35)
MEANTIME_GOLD = {("82597", "82548"), ("191597", "190356"), ("199629", "195869")}
"""(later article, earlier article) pairs of one story within a month, read by hand: the first A380 delivered,
then in service (2 days); the iPhone 4 unveiled, then swamped by pre-orders (8 days); free cases for the iPhone 4's
antenna trouble, then an executive leaving over it (23 days)."""
BASE = dt.date(2026, 1, 1)

Labelled = tuple[Article, str, str]
"""An article, its story label, its own name."""


def _member(article: Article, name: str) -> Member:
    """The linker reads only the article; an empty brief stands beside it."""
    brief = Brief(
        headline="", summary="", who=[], what=[], where=[], when=[], sources=[],
        uncertainty=Uncertainty(level="low"), article=ArticleInfo(chars=len(article.text), chars_used=0),
        run=RunInfo(model="-", backend="-", prompt_version="-", prompt_tokens=0, completion_tokens=0, latency_s=0,
                    attempts=0, reasks=0, dropped_items=0),
    )  # fmt: skip
    return Member(name, article, brief)


def _stories(day: Sequence[Labelled]) -> list[list[Labelled]]:
    return [[day[i] for i in members] for members in group([a for a, _, _ in day])]


def score(earlier: Sequence[Labelled], today: Sequence[Labelled], threshold: float) -> tuple[int, int, int]:
    """(right links, links made, gold links) between today's stories and the earlier day's."""
    before, now = _stories(earlier), _stories(today)
    links = continued(
        [[_member(a, n) for a, _, n in s] for s in before], [[_member(a, n) for a, _, n in s] for s in now], threshold
    )
    made = right = gold = 0
    for story, linked in zip(now, links, strict=True):
        labels = {label for _, label, _ in story}
        wanted = {i for i, old in enumerate(before) if labels & {label for _, label, _ in old}}
        made += len(linked)
        right += len(wanted & set(linked))
        gold += len(wanted)
    return right, made, gold


def basil_days(clusters_path: str, gum_dir: str) -> tuple[list[Labelled], list[Labelled]]:
    earlier: list[Labelled] = []
    today: list[Labelled] = []
    for line in Path(clusters_path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        cluster = json.loads(line)
        items = cluster["articles"]
        dates = sorted({dt.date.fromisoformat(i["date"]) for i in items})
        for n, item in enumerate(items):
            published = dt.date.fromisoformat(item["date"])
            later = published > dates[0] if len(dates) > 1 else item["outlet"] != "New York Times"
            offset = max(1, (published - dates[0]).days) if later else 0
            article = Article(
                text=item["text"], title=item.get("title"), outlet=item["outlet"], published=BASE + dt.timedelta(offset)
            )
            (today if later else earlier).append((article, cluster["cluster_id"], f"{cluster['cluster_id'][:8]}-{n}"))
    gums = sorted(load_gold(gum_dir), key=lambda g: g.article.published or BASE)
    for n, gold in enumerate(gums):
        article = gold.article.model_copy(update={"published": BASE + dt.timedelta(n % 2)})
        (today if n % 2 else earlier).append((article, gold.id, gold.id))
    return earlier, today


def meantime_days(
    directory: str, threshold: float, window: int = WINDOW_DAYS
) -> tuple[int, int, int, int, list[tuple[str, str]]]:
    """Summed over every day: (right, made, gold, story pairs compared) and the links made."""
    articles = []
    for path in sorted(Path(directory).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))["article"]
        article = Article(text=data["text"], title=data.get("title"), published=data.get("published"))
        articles.append((article, path.stem))
    days = sorted({a.published for a, _ in articles if a.published})
    right = made = gold = compared = 0
    found: list[tuple[str, str]] = []
    for day in days:
        today = [(a, n, n) for a, n in articles if a.published == day]
        earlier = [(a, n, n) for a, n in articles if a.published and day - dt.timedelta(window) <= a.published < day]
        if not earlier:
            continue
        before, now = _stories(earlier), _stories(today)
        compared += len(before) * len(now)
        links = continued(
            [[_member(a, n) for a, _, n in s] for s in before],
            [[_member(a, n) for a, _, n in s] for s in now],
            threshold,
            window,
        )
        for story, linked in zip(now, links, strict=True):
            for index in linked:
                pairs = {(x, y) for _, x, _ in story for _, y, _ in before[index]}
                made += 1
                right += bool(pairs & MEANTIME_GOLD)
                found += sorted(pairs)
        gold += sum(1 for later, old in MEANTIME_GOLD if any(n == later for _, n, _ in today)
                    and any(n == old for _, n, _ in earlier))  # fmt: skip
    return right, made, gold, compared, found


def _ratio(right: int, total: int) -> float:
    return round(right / total, 3) if total else 1.0


def main(clusters_path: str, gum_dir: str, meantime_dir: str | None = None) -> dict[str, object]:
    earlier, today = basil_days(clusters_path, gum_dir)
    report: dict[str, object] = {"basil_days": {"earlier_articles": len(earlier), "today_articles": len(today)}}
    for threshold in THRESHOLDS:
        right, made, gold = score(earlier, today, threshold)
        entry: dict[str, object] = {"links": made, "gold": gold, "precision": _ratio(right, made),
                                    "recall": _ratio(right, gold)}  # fmt: skip
        for window in (WINDOW_DAYS, 30) if meantime_dir else ():
            m_right, m_made, m_gold, compared, pairs = meantime_days(str(meantime_dir), threshold, window)
            entry[f"meantime_{window}_days"] = {"story_pairs_compared": compared, "links": m_made, "gold": m_gold,
                                                "precision": _ratio(m_right, m_made), "recall": _ratio(m_right, m_gold),
                                                "pairs": pairs}  # fmt: skip
        report[f"threshold {threshold}"] = entry
    return report


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    print(json.dumps(main(*sys.argv[1:4]), indent=2))
