"""The Ray executor: Ray Data spreads the articles over actors, each holding one Summarizer.

The driver reads the inputs and drops what the output directory already holds
(so a finished article never reaches a model), hands the rest to Ray Data in
windows of ``WINDOW`` articles, and writes each batch of rows the actors
return to the shards as it arrives. An actor runs ``work.brief_rows``, the
same code as the local executor, without a store: the embedded model is one
llama.cpp server per actor on the actor's CPUs; a server backend is one
client per actor with ``concurrency`` requests in flight.

A worker that dies is restarted by Ray Data and its batch retried (rows reach
the shards only from the driver, once per batch), so a killed worker costs
the batch in flight, never a duplicate row.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Any

from summarizer.bulk.rows import COLUMNS, Row, Task, flat, nested
from summarizer.bulk.settings import JobSettings
from summarizer.bulk.work import brief_rows
from summarizer.digest.briefing import match_concurrency
from summarizer.digest.store import BriefKey
from summarizer.distribution import install_line
from summarizer.errors import ConfigError
from summarizer.ingest.article import Article

WINDOW = 10_000
"""Articles handed to Ray Data at once: bounds the driver's memory; each window starts its actors once."""
BATCH = 4
"""Articles per actor call: small, so a killed worker repeats little and rows reach disk often."""
CONNECT_TIMEOUT = 5.0
"""Seconds to wait for the Ray head to accept a connection before saying none answers: a live head on a LAN answers
in milliseconds. Chosen by hand, not measured."""
RAY_HINT = f"the ray engine needs Ray: {install_line('ray')}"


class BriefActor:
    """One Summarizer per actor, made once, used for every batch the actor gets."""

    def __init__(self, settings: JobSettings, key: BriefKey) -> None:
        self.engine = settings.summarizer()
        self.key = key
        self.concurrency = match_concurrency(self.engine, settings.concurrency)

    def __call__(self, batch: Any) -> Any:
        """A pandas batch of articles in, an Arrow table of rows out (every column text, so blocks always agree)."""
        import pyarrow as pa

        tasks = [
            Task(h, s, Article.model_validate_json(a))
            for h, s, a in zip(batch["article_hash"], batch["source"], batch["article"], strict=True)
        ]
        made = [flat(row) for row in brief_rows(self.engine, tasks, self.key, concurrency=self.concurrency)]
        return pa.Table.from_pylist(made, schema=pa.schema([(column, pa.string()) for column in COLUMNS]))

    def __del__(self) -> None:
        engine = getattr(self, "engine", None)
        if engine is not None:
            engine.close()


def check_fits(cpus_per_actor: float, address: str | None) -> None:
    """Refuse an actor no node could hold, before Ray starts: Ray would wait for it without a word.

    Without ``address`` Ray starts on this machine, whose CPUs are known now; a cluster's nodes are
    checked once joined (``_check_nodes``).
    """
    here = os.cpu_count() or 1
    if address is None and cpus_per_actor > here:
        raise ConfigError(_too_big(cpus_per_actor, f"this machine has {here}"))


def _check_nodes(cpus_per_actor: float) -> None:
    """The same refusal on a cluster: no node has that many CPUs."""
    import ray

    nodes: list[dict[str, Any]] = ray.nodes()  # type: ignore[no-untyped-call]
    largest = max((float(node.get("Resources", {}).get("CPU", 0)) for node in nodes if node.get("Alive")), default=0)
    if cpus_per_actor > largest:
        raise ConfigError(_too_big(cpus_per_actor, f"the cluster's largest node has {largest:g}"))


def _too_big(cpus_per_actor: float, have: str) -> str:
    return f"--cpus-per-actor {cpus_per_actor:g} asks more CPUs per actor than any node has ({have}): lower it"


def connect(address: str | None, cpus: int | None) -> None:
    """Join the cluster at ``address`` (host:port, or ``auto``), or start one on this machine.

    An address that does not answer is a one-line error within seconds, not
    Ray's minute of retries.
    """
    try:
        import ray
    except ImportError:
        raise ConfigError(RAY_HINT) from None
    if ray.is_initialized():
        return
    _quiet()
    global _joined
    if address and address != "auto":
        _check_answers(address)
    try:
        ray.init(
            address=address or "local",
            num_cpus=None if address else cpus,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
        )
        _joined = True
    except (ConnectionError, RuntimeError, ValueError) as error:
        raise ConfigError(
            f"cannot join the Ray cluster at {address or 'local'}: {' '.join(str(error).split())[:200]}"
        ) from None


_joined = False
"""Whether this process joined (or started) Ray itself, so it is ours to leave."""


def leave() -> None:
    """Disconnect from Ray if we connected (a local Ray we started stops with it).

    Called however the run ends: Ctrl-C exits without Python's exit hooks, which
    would leave a local Ray's agents running.
    """
    global _joined
    if not _joined:
        return
    import ray

    _joined = False
    ray.shutdown()


def _quiet() -> None:
    """Ray's progress lines and internal warnings would bury the one status line the CLI keeps."""
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    os.environ.setdefault("RAY_DATA_LOG_LEVEL", "ERROR")
    logging.getLogger("ray").setLevel(logging.ERROR)


def _check_answers(address: str) -> None:
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        raise ConfigError(
            f"--ray-address {address!r}: give HOST:PORT of the cluster's head (e.g. 127.0.0.1:6379) or auto"
        )
    try:
        with socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT):
            pass
    except OSError as error:
        raise ConfigError(
            f"no Ray cluster answers at {address} ({error.strerror or error}): start one with `ray start --head`"
            " or fix --ray-address"
        ) from None


def run_ray(
    tasks: Iterable[Task],
    settings: JobSettings,
    key: BriefKey,
    *,
    address: str | None,
    actors: int | None,
    cpus_per_actor: float = 1,
    batch_size: int = BATCH,
) -> Iterator[list[Row]]:
    """Batches of rows as the actors finish them, window after window."""
    queue = iter(tasks)
    first = next(queue, None)
    if first is None:
        return  # nothing to brief: no cluster to join
    queue = chain([first], queue)
    connect(address, None)  # a missing Ray is a one-line hint there
    import ray
    import ray.data

    _check_nodes(cpus_per_actor)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.enable_auto_log_stats = False
    cpus = float(ray.cluster_resources().get("CPU", 1))  # type: ignore[no-untyped-call]
    pool = actors or max(1, int(cpus // cpus_per_actor))
    while window := list(islice(queue, WINDOW)):
        dataset = ray.data.from_items(
            [
                {"article_hash": t.article_hash, "source": t.source, "article": t.article.model_dump_json()}
                for t in window
            ]
        )
        briefed = dataset.map_batches(
            BriefActor,
            fn_constructor_kwargs={"settings": settings, "key": key},
            batch_size=batch_size,
            batch_format="pandas",
            compute=ray.data.ActorPoolStrategy(size=pool),
            num_cpus=cpus_per_actor,
        )
        batches: Iterable[Any] = briefed.iter_batches(batch_size=None, batch_format="pandas")
        for batch in batches:
            yield [nested(values) for values in batch.to_dict("records")]
