"""Scores of one brief against its gold article, and the overall figures of a run.

Recall is micro-averaged over all gold entities of the set (an article with
seven gold teams weighs seven times one with a single gold person); the
per-article table shows each article's own share. So are the other shares
(``Hits`` summed over the articles, then divided). What each metric counts is
defined where it is computed: ``sources.py`` (PolNeAR), ``events.py``,
``times.py`` and ``entities.py`` (MEANTIME); who/where recall in ``matching.py``. The topic set
(``gold_topics.py``) is scored by both the PolNeAR and the MEANTIME metrics.
A metric whose gold the set does not have is None ("–"), never 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from statistics import fmean
from typing import Any

from pydantic import BaseModel, ConfigDict

from summarizer.distribution import install_line
from summarizer.errors import ConfigError
from summarizer.evaluation.entities import score_entities, score_things
from summarizer.evaluation.events import score_events
from summarizer.evaluation.gold import GoldArticle
from summarizer.evaluation.matching import found
from summarizer.evaluation.sources import score_sources
from summarizer.evaluation.times import score_times
from summarizer.schema import Actor, Brief, Event, NamedThing, Place, Source, Span, TimeReference


class Hits(BaseModel):
    """How many of ``total`` things passed; ``share`` is None when there was nothing to count."""

    model_config = ConfigDict(frozen=True)

    hit: int = 0
    total: int = 0

    @classmethod
    def of(cls, pair: tuple[int, int]) -> Hits:
        return cls(hit=pair[0], total=pair[1])

    @property
    def share(self) -> float | None:
        return self.hit / self.total if self.total else None

    def __add__(self, other: Hits) -> Hits:
        return Hits(hit=self.hit + other.hit, total=self.total + other.total)


class ArticleScore(BaseModel):
    """One article's row of the report. ``error`` is set (and the rest empty) when no brief came back."""

    model_config = ConfigDict(frozen=True)

    id: str
    error: str | None = None
    kind: str = "jsonl"
    topic: str | None = None
    who: Hits = Hits()
    where: Hits = Hits()
    who_missed: list[str] = []
    where_missed: list[str] = []
    spans_exact: Hits = Hits()
    names_in_article: Hits = Hits()
    items_dropped: Hits = Hits()
    rouge_l: float | None = None
    attempts: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float | None = None
    model_s: float | None = None
    reused: bool = False
    sources: Hits = Hits()
    sources_precision: Hits = Hits()
    sources_anonymity: Hits = Hits()
    sources_content: Hits = Hits()
    sources_covered: Hits = Hits()
    pronoun_sources: Hits = Hits()
    sources_duplicates: int = 0
    sources_missed: list[str] = []
    events: int = 0
    events_judged: Hits = Hits()
    """hit: events judged against the gold; total: events in the annotated scope."""
    status_right: Hits = Hits()
    lead_uncertain: Hits = Hits()
    times: Hits = Hits()
    times_precision: Hits = Hits()
    times_missed: list[str] = []
    who_precision: Hits = Hits()
    where_precision: Hits = Hits()
    kind_accuracy: Hits = Hits()
    others: Hits = Hits()
    """The topic set's named things (index, product, event, law...) found in the brief's ``others``."""
    others_missed: list[str] = []
    others_precision: Hits = Hits()
    others_kind: Hits = Hits()
    wrong: list[str] = []
    """Items that cost precision, status or kind, each with why."""


class Overall(BaseModel):
    """The run's headline figures (shares in 0..1; None when nothing to measure)."""

    model_config = ConfigDict(frozen=True)

    articles: int
    briefs: int
    who_recall: float | None
    where_recall: float | None
    spans_exact: float | None
    names_in_article: float | None
    dropped_share: float | None
    rouge_l: float | None
    validity: float
    attempts_mean: float | None
    prompt_tokens_mean: float | None
    completion_tokens_mean: float | None
    latency_mean_s: float | None
    model_mean_s: float | None
    sources_recall: float | None = None
    sources_precision: float | None = None
    sources_anonymity: float | None = None
    sources_content: float | None = None
    sources_covered: float | None = None
    pronoun_sources: float | None = None
    events_per_brief: float | None = None
    judged_per_brief: float | None = None
    judged_share: float | None = None
    status_right: float | None = None
    lead_uncertain: float | None = None
    times_recall: float | None = None
    times_precision: float | None = None
    who_precision: float | None = None
    where_precision: float | None = None
    kind_accuracy: float | None = None
    others_recall: float | None = None
    others_precision: float | None = None
    others_kind_accuracy: float | None = None


def _spans(brief: Brief) -> Iterable[Span]:
    yield from (actor.mention for actor in brief.who)
    yield from (place.mention for place in brief.where)
    yield from (time.mention for time in brief.when)
    yield from (source.mention for source in brief.sources)
    for grounded in (*brief.who, *brief.what, *brief.where, *brief.when, *brief.sources, *brief.uncertainty.reasons):
        yield from grounded.evidence


def _items(brief: Brief) -> int:
    return sum(
        len(items)
        for items in (brief.who, brief.what, brief.where, brief.when, brief.sources, brief.uncertainty.reasons)
    )


THING_FITS = {"instrument": {"index"}}
"""A gold kind a brief's other kind also fits: the brief has no ``instrument``, and an index is its nearest kind."""


def _things(gold: GoldArticle, others: list[NamedThing]) -> dict[str, Any]:
    """Recall and kind of the gold's named things among the brief's ``others``, and where those items lie."""
    if not gold.others:
        return {}
    by_name = {thing.name: thing for thing in others}
    found_kinds = [(entity, found(entity, by_name)) for entity in gold.others]
    hits = [(entity, by_name[name].kind) for entity, name in found_kinds if name is not None]
    kinds_right = sum(kind == entity.kind or kind in THING_FITS.get(entity.kind or "", ()) for entity, kind in hits)
    precision, wrong = score_things(gold.mentions, others, gold.article.text, len(gold.article.text))
    return {
        "others": Hits(hit=len(hits), total=len(gold.others)),
        "others_missed": [entity.label for entity, name in found_kinds if name is None],
        "others_kind": Hits(hit=kinds_right, total=len(hits)),
        "others_precision": Hits.of(precision),
        "things_wrong": wrong,
    }


def _recall(entities: Sequence[Any], names: list[str]) -> tuple[Hits, list[str]]:
    missed = [entity.label for entity in entities if found(entity, names) is None]
    return Hits(hit=len(entities) - len(missed), total=len(entities)), missed


@lru_cache(maxsize=1)
def _rouge() -> Any:
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        raise ConfigError(f"ROUGE needs the 'eval' extra: {install_line('eval')}") from None
    return rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)


def rouge_l(reference: str, candidate: str) -> float:
    """ROUGE-L F-measure (Porter-stemmed), as the ``rouge-score`` package computes it."""
    return float(_rouge().score(reference, candidate)["rougeL"].fmeasure)


def score_brief(gold: GoldArticle, brief: Brief, reused: bool = False) -> ArticleScore:
    """Score one brief: recall of gold who/where, grounding exactness, summary overlap, cost."""
    text = gold.article.text
    who_names = [a.name for a in brief.who] + [s.name for s in brief.sources if not s.anonymous]
    where_names = [p.name for p in brief.where]
    who, who_missed = _recall(gold.who, who_names)
    where, where_missed = _recall(gold.where, where_names)
    spans = list(_spans(brief))
    named = [actor.name for actor in brief.who] + [place.name for place in brief.where]
    kept = _items(brief)
    timings = brief.run.server_timings
    return ArticleScore(
        id=gold.id,
        kind=gold.kind,
        topic=gold.topic,
        **_annotated(gold, brief.sources, brief.what, brief.when, brief.who, brief.where, brief.others),
        who=who,
        where=where,
        who_missed=who_missed,
        where_missed=where_missed,
        spans_exact=Hits(hit=sum(text[s.start : s.end] == s.text for s in spans), total=len(spans)),
        names_in_article=Hits(hit=sum(name in text for name in named), total=len(named)),
        items_dropped=Hits(hit=brief.run.dropped_items, total=kept + brief.run.dropped_items),
        rouge_l=rouge_l(gold.summary, brief.summary) if gold.summary else None,
        attempts=brief.run.attempts,
        prompt_tokens=brief.run.prompt_tokens,
        completion_tokens=brief.run.completion_tokens,
        latency_s=brief.run.latency_s,
        model_s=(timings.prompt_ms + timings.generation_ms) / 1000 if timings else None,
        reused=reused,
    )


def _annotated(
    gold: GoldArticle,
    sources: list[Source],
    events: list[Event],
    times: list[TimeReference],
    who: list[Actor],
    where: list[Place],
    others: list[NamedThing],
) -> dict[str, Any]:
    """The PolNeAR and MEANTIME scores of one brief's items (none for other gold); the topic set gets both, and
    its named things."""
    if gold.kind == "topics":
        said, done, things = _sources(gold, sources), _meantime(gold, events, times, who, where), _things(gold, others)
        wrong = [*said["wrong"], *done.get("wrong", []), *things.pop("things_wrong", [])]
        return said | done | things | {"wrong": wrong}
    if gold.kind == "polnear":
        return _sources(gold, sources)
    if gold.kind != "meantime":
        return {}
    return _meantime(gold, events, times, who, where)


def _sources(gold: GoldArticle, sources: list[Source]) -> dict[str, Any]:
    """The PolNeAR metrics of one brief's sources."""
    s = score_sources(gold.attributions, sources, gold.article.text)
    return {
        "sources": Hits.of(s.recall),
        "sources_precision": Hits.of(s.precision),
        "sources_anonymity": Hits.of(s.anonymity),
        "sources_content": Hits.of(s.content),
        "sources_covered": Hits.of(s.covered),
        "pronoun_sources": Hits.of(s.pronouns),
        "sources_duplicates": s.duplicates,
        "sources_missed": s.missed,
        "wrong": s.wrong,
    }


def _meantime(
    gold: GoldArticle, events: list[Event], times: list[TimeReference], who: list[Actor], where: list[Place]
) -> dict[str, Any]:
    """The MEANTIME metrics of one brief's events, times, who and where."""
    if gold.scope_end is None:
        return {}
    text = gold.article.text
    e = score_events(gold.events, events, gold.scope_end, gold.lead_end)
    t = score_times(gold.times, times, gold.scope_end)
    n = score_entities(gold.mentions, who, where, text, gold.scope_end)
    return {
        "events": e.events,
        "events_judged": Hits(hit=e.judged, total=e.in_scope),
        "status_right": Hits(hit=e.status_right, total=e.judged),
        "lead_uncertain": Hits.of(e.lead_uncertain),
        "times": Hits.of(t.recall),
        "times_precision": Hits.of(t.precision),
        "times_missed": t.missed,
        "who_precision": Hits.of(n.who),
        "where_precision": Hits.of(n.where),
        "kind_accuracy": Hits.of(n.kind),
        "wrong": [*e.wrong, *t.wrong, *n.wrong],
    }


def failed_score(gold: GoldArticle, error: str) -> ArticleScore:
    """The row of an article that got no brief: its gold counts as missed."""
    missed = _annotated(gold, [], [], [], [], [], [])
    return ArticleScore(
        id=gold.id,
        error=error,
        kind=gold.kind,
        topic=gold.topic,
        sources=missed.get("sources", Hits()),
        sources_missed=missed.get("sources_missed", []),
        pronoun_sources=missed.get("pronoun_sources", Hits()),
        lead_uncertain=missed.get("lead_uncertain", Hits()),
        times=missed.get("times", Hits()),
        times_missed=missed.get("times_missed", []),
        others=missed.get("others", Hits()),
        others_missed=missed.get("others_missed", []),
        who=Hits(total=len(gold.who)),
        where=Hits(total=len(gold.where)),
        who_missed=[e.label for e in gold.who],
        where_missed=[e.label for e in gold.where],
    )


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def summarize_scores(scores: Sequence[ArticleScore]) -> Overall:
    """Overall figures; failed articles count against validity and recall (their gold is missed)."""
    ok = [s for s in scores if s.error is None]
    events_ok = [s for s in ok if s.kind in ("meantime", "topics")]

    def total(field: str) -> Hits:
        return sum((getattr(s, field) for s in scores), Hits())

    return Overall(
        articles=len(scores),
        briefs=len(ok),
        who_recall=total("who").share,
        where_recall=total("where").share,
        spans_exact=total("spans_exact").share,
        names_in_article=total("names_in_article").share,
        dropped_share=total("items_dropped").share,
        rouge_l=_mean(s.rouge_l for s in ok),
        validity=len(ok) / len(scores) if scores else 0.0,
        attempts_mean=_mean(float(s.attempts) for s in ok),
        prompt_tokens_mean=_mean(float(s.prompt_tokens) for s in ok),
        completion_tokens_mean=_mean(float(s.completion_tokens) for s in ok),
        latency_mean_s=_mean(s.latency_s for s in ok),
        model_mean_s=_mean(s.model_s for s in ok),
        sources_recall=total("sources").share,
        sources_precision=total("sources_precision").share,
        sources_anonymity=total("sources_anonymity").share,
        sources_content=total("sources_content").share,
        sources_covered=total("sources_covered").share,
        pronoun_sources=total("pronoun_sources").share,
        events_per_brief=_mean(float(s.events) for s in events_ok),
        judged_per_brief=_mean(float(s.events_judged.hit) for s in events_ok),
        judged_share=total("events_judged").share,
        status_right=total("status_right").share,
        lead_uncertain=total("lead_uncertain").share,
        times_recall=total("times").share,
        times_precision=total("times_precision").share,
        who_precision=total("who_precision").share,
        where_precision=total("where_precision").share,
        kind_accuracy=total("kind_accuracy").share,
        others_recall=total("others").share,
        others_precision=total("others_precision").share,
        others_kind_accuracy=total("others_kind").share,
    )
