"""Floors for the scores of real annotated news: today's count less a stated margin, never today's count itself.

A floor asserts two things a field must keep: at least so many hits, and at
most so many wrong items (for a precision or a kind accuracy, whose total is
the brief's own items, a share alone lets wrong items grow with right ones). Both are
today's count moved by a margin, so a harmless change (a name found by another
span, one kind retyped) passes and a broken rule or an empty brief does not.

Each test keeps its measured counts (hit/total per field, with the date and
the run) and the floor of each is `floor(hit, total)`: MARGIN items on a field
of at least SMALL_FIELD, 1 on a smaller one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from summarizer.evaluation.metrics import ArticleScore

# One name moved in each of two articles: the most a harmless rule change moved these figures between
# recordings (Spanish kinds 36 -> 37, German kinds 60 -> 61, French dates 11 -> 12 of 14).
MARGIN = 2
# Under 10 items one miss is already a tenth of the field or more: the margin is one item there.
SMALL_FIELD = 10


def counts(scores: Iterable[ArticleScore], field: str) -> tuple[int, int]:
    """Hits and total of one scored field over a set of articles."""
    hits = [getattr(score, field) for score in scores]
    return sum(h.hit for h in hits), sum(h.total for h in hits)


def margin(size: int) -> int:
    """The margin of a field of `size` gold or brief items: MARGIN, or 1 on a small field."""
    return MARGIN if size >= SMALL_FIELD else 1


def floor(hit: int, total: int) -> tuple[int, int]:
    """The floor of a field measured at hit/total: at least `hit` less the margin, at most its wrong plus it."""
    return hit - margin(total), total - hit + margin(total)


def missed(scores: list[ArticleScore], measured: Mapping[str, tuple[int, int]]) -> list[str]:
    """Every field below the floor of its measured hit/total, as "field now hit/total (measured ...)"; empty if none."""
    out = []
    for field, (then_hit, then_total) in measured.items():
        least, most_wrong = floor(then_hit, then_total)
        hit, total = counts(scores, field)
        if hit < least or total - hit > most_wrong:
            out.append(
                f"{field} {hit}/{total} (measured {then_hit}/{then_total}: at least {least}, <= {most_wrong} wrong)"
            )
    return out
