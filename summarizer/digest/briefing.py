"""Brief many articles into the store: deduplicated, resumable, one failure never stops the rest.

Each brief is committed as it completes, so an interrupted run loses at most
the briefs in flight, and a re-run makes only what is missing (zero model
calls when everything is done). This is the engine under the daily digest.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field

from summarizer.brief.engine import Summarizer, internal_error
from summarizer.digest.store import BriefKey, Store
from summarizer.errors import SummarizerError
from summarizer.fanout import fan_out
from summarizer.ingest.article import Article
from summarizer.ingest.inputs import Item
from summarizer.llm.draft import draft_digest
from summarizer.llm.prompts import BRIEF_PROMPTS
from summarizer.redact import redact
from summarizer.schema import SCHEMA_VERSION, Brief


@dataclass
class BatchResult:
    briefs: dict[str, Brief] = field(default_factory=dict)
    """Article hash → brief, for every article that has one now."""
    articles: dict[str, Article] = field(default_factory=dict)
    """Article hash → the article as first stored (its briefs' offsets point into its text), in input order."""
    sources: dict[str, list[str]] = field(default_factory=dict)
    """Article hash → every input it came from (a story under two URLs is one article)."""
    made: int = 0
    reused: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.failures


Progress = Callable[[str, str], None]
"""Called with (source, "made" | "reused" | "failed" | "skipped") as each article is settled."""


logger = logging.getLogger(__name__)


def match_concurrency(summarizer: Summarizer, concurrency: int | None) -> int:
    """Requests in flight, matched to the backend: the embedded server gets that many parallel slots.

    The embedded default is 1: on a 2-core CPU more slots share the same
    cores and multiply the KV cache; measured with ``python -m benchmarks.digest
    throughput`` (GUM articles, briefs/min at 1/2/4 slots): 2.13/2.44/2.75 on 4
    articles, 2.46/2.47/2.64 on 8; within this machine's run-to-run noise
    (about 30%), so not worth 4x the memory by default. ``-j 4`` is there.
    """
    return summarizer.backend.concurrency(concurrency)


def brief_key(summarizer: Summarizer) -> BriefKey:
    """Known without starting the model, so a finished day costs no model load.

    The key holds what the model's answers depend on (backend, model, prompts and
    how many later passages it reads, the draft schema it answers in), not the public Brief schema or the rules:
    a stored brief is rebuilt from its answers with today's code.
    """
    prompt = f"{BRIEF_PROMPTS.version}#{BRIEF_PROMPTS.digest}/passages{summarizer.max_passages}"
    return BriefKey(
        f"{summarizer.backend.name}/{summarizer.backend.model}", prompt, f"draft#{draft_digest(summarizer.profile)}"
    )


def stored_brief(summarizer: Summarizer, store: Store, digest: str, key: BriefKey, article: Article) -> Brief | None:
    """The stored brief, rebuilt from its model answers with today's grounding and rules; None when it must be made.

    A brief stored without answers (by an older summarizer) is reused only
    while its public schema is today's.
    """
    stored = store.brief(digest, key)
    if stored is None:
        return None
    answers = store.answers(digest, key)
    if answers is None:
        if stored.run.schema_version == SCHEMA_VERSION:
            return stored
        logger.debug(
            "stored brief of %s has schema %s and no answers: made again", digest[:12], stored.run.schema_version
        )
        return None
    rebuilt = summarizer.rebuild(article, answers, stored.run)
    if rebuilt is None:
        logger.debug("stored answers of %s no longer fit today's flow: made again", digest[:12])
    return rebuilt


def make_brief(summarizer: Summarizer, store: Store, digest: str, key: BriefKey, article: Article) -> Brief:
    """Brief the article with the model and commit it with its answers."""
    recorded = summarizer.summarize_recorded(article)
    store.put_brief(digest, key, recorded.brief, recorded.answers)
    return recorded.brief


def brief_all(
    items: Iterable[Item],
    summarizer: Summarizer,
    store: Store,
    *,
    force: bool = False,
    concurrency: int = 1,
    progress: Progress | None = None,
    model_slots: threading.Semaphore | None = None,
) -> BatchResult:
    """Store every article, reuse stored briefs, make the missing ones ``concurrency`` at a time.

    ``model_slots``, when given, is held around each brief the model makes: shared with the caller's other
    model work (the server's brief jobs), it keeps them all together within the model's parallel slots.
    """
    result = BatchResult()
    key = brief_key(summarizer)
    todo: dict[str, tuple[str, Article]] = {}
    for item in items:
        if item.article is None:
            result.skipped.append((item.source, item.skipped or "no article"))
            logger.info("skipped %s: %s", item.source, item.skipped or "no article")
            _tell(progress, item.source, "skipped")
            continue
        digest, new = store.add_article(item.article)
        if digest in result.sources:
            result.sources[digest].append(item.source)
            continue
        # The stored copy is the one every brief of this article is made from, so its offsets hold.
        article = item.article if new else (store.article(digest) or item.article)
        result.sources[digest] = [item.source]
        result.articles[digest] = article
        try:
            stored = None if force else stored_brief(summarizer, store, digest, key, article)
        except Exception as error:  # rebuilding runs today's rules: a bug on one article must not stop the batch
            result.failures.append((item.source, failure_reason(error)))
            logger.info("no brief of %s: %s", item.source, result.failures[-1][1])
            _tell(progress, item.source, "failed")
            continue
        if stored is not None:
            result.briefs[digest] = stored
            result.reused += 1
            _tell(progress, item.source, "reused")
        else:
            todo[digest] = (item.source, article)
    if todo:
        summarizer.client()  # start the backend once, before threads race to start it

    def made(item: tuple[str, tuple[str, Article]]) -> tuple[str, str, Brief | Exception]:
        digest, (source, article) = item
        with model_slots or nullcontext():
            return digest, source, make_brief(summarizer, store, digest, key, article)

    def failed(item: tuple[str, tuple[str, Article]], error: Exception) -> tuple[str, str, Brief | Exception]:
        return item[0], item[1][0], error  # a bug on one article must not take the batch down

    # On Ctrl-C or a crash, queued briefs are not started nor running ones waited for; what is stored stays stored.
    for digest, source, outcome in fan_out(
        todo.items(), made, failed, slots=max(1, concurrency), wait_running=False, name="digest"
    ):
        if isinstance(outcome, Exception):
            result.failures.append((source, failure_reason(outcome)))
            logger.info("no brief of %s: %s", source, result.failures[-1][1])
            _tell(progress, source, "failed")
            continue
        result.briefs[digest] = outcome
        result.made += 1
        _tell(progress, source, "made")
    return result


def failure_reason(error: Exception) -> str:
    """Why an article has no brief, in one line: a SummarizerError's own message, else an internal error."""
    return redact(str(error)) if isinstance(error, SummarizerError) else internal_error(error)


def _tell(progress: Progress | None, source: str, outcome: str) -> None:
    if progress is not None:
        progress(source, outcome)
