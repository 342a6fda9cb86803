"""The Ray executor: Ray Data reads the inputs and spreads the articles over actors, each holding one Summarizer.

The driver lists the inputs (paths, URLs, Parquet row groups: ``bulk.inputs.units``)
and the hashes the output directory already holds; Ray Data's read tasks read the
articles on the workers (``bulk/ray_inputs.py``), so no article text passes
through the driver on its way in. Each actor asks the run's one ``Claims`` actor
which of its articles to brief (not held yet, first copy of its text), briefs
those with ``work.brief_rows`` (the same code as the local executor, without a
store) and returns their rows, plus one line for each article that needs none.
The driver writes the rows to the shards as they arrive, and the run's counts.
The embedded model is one llama.cpp server per actor on the actor's CPUs; a
server backend is one client per actor with ``concurrency`` requests in flight.

A worker that dies is restarted by Ray Data and its batch retried (rows reach
the shards only from the driver, once per batch; a claim is the same when
asked again), so a killed worker costs the batch in flight, never a duplicate row.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from typing import Any

from summarizer.bulk.inputs import Unit
from summarizer.bulk.rows import COLUMNS, Row, Task, flat, nested
from summarizer.bulk.settings import JobSettings
from summarizer.bulk.work import Settle, brief_rows
from summarizer.digest.briefing import match_concurrency
from summarizer.digest.store import BriefKey
from summarizer.distribution import install_line
from summarizer.errors import ConfigError
from summarizer.ingest.article import Article

BATCH = 4
"""Articles per actor call: small, so a killed worker repeats little and rows reach disk often."""
CONNECT_TIMEOUT = 5.0
"""Seconds to wait for the Ray head to accept a connection before saying none answers: a live head on a LAN answers
in milliseconds. Chosen by hand, not measured."""
RAY_HINT = f"the ray engine needs Ray: {install_line('ray')}"
SETTLED = "settled"
"""The column of an actor's output that marks an article needing no brief: "done" (held already) or "skipped"."""
OUT_COLUMNS = (*COLUMNS, SETTLED)


class Claims:
    """Which articles the run briefs: those the directory does not hold, each text once (its first source).

    One actor for the run, so two actors never brief the same text; the same answer for the same
    (hash, source) however often it is asked, so a batch Ray retries gets the claims it had.
    """

    def __init__(self, held: set[str]) -> None:
        self.held = held
        self.first: dict[str, str] = {}

    def claim(self, pairs: list[tuple[str, str]]) -> list[str]:
        """ "new", "done" (held already) or "repeat" (another source has this text) for each (hash, source)."""
        return [
            "repeat" if self.first.setdefault(digest, source) != source else "done" if digest in self.held else "new"
            for digest, source in pairs
        ]


class BriefActor:
    """One Summarizer per actor, made once, used for every batch the actor gets."""

    def __init__(self, settings: JobSettings, key: BriefKey, claims: Any) -> None:
        self.engine = settings.summarizer()
        self.key = key
        self.claims = claims
        self.concurrency = match_concurrency(self.engine, settings.concurrency)

    def __call__(self, batch: Any) -> Any:
        """An Arrow batch of read rows in, an Arrow table out: a row per article briefed, a line per one settled."""
        import pyarrow as pa
        import ray

        read = batch.to_pylist()
        articles = [r for r in read if r["skipped"] is None]
        verdicts = ray.get(self.claims.claim.remote([(r["article_hash"], r["source"]) for r in articles]))
        out = [_settled(r["source"], "skipped", r["skipped"]) for r in read if r["skipped"] is not None]
        out += [_settled(r["source"], "done", None) for r, v in zip(articles, verdicts, strict=True) if v == "done"]
        tasks = [
            Task(r["article_hash"], r["source"], Article.model_validate_json(r["article"]))
            for r, v in zip(articles, verdicts, strict=True)
            if v == "new"
        ]
        out += [
            {**flat(row), SETTLED: None}
            for row in brief_rows(self.engine, tasks, self.key, concurrency=self.concurrency)
        ]
        return pa.Table.from_pylist(out, schema=pa.schema([(column, pa.string()) for column in OUT_COLUMNS]))

    def __del__(self) -> None:
        engine = getattr(self, "engine", None)
        if engine is not None:
            engine.close()


def _settled(source: str, outcome: str, reason: str | None) -> dict[str, str | None]:
    return {**dict.fromkeys(COLUMNS), "source": source, "error": reason, SETTLED: outcome}


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
    units: list[Unit],
    held: set[str],
    settle: Settle,
    settings: JobSettings,
    key: BriefKey,
    *,
    address: str | None,
    actors: int | None,
    cpus_per_actor: float = 1,
    batch_size: int = BATCH,
) -> Iterator[list[Row]]:
    """Batches of rows as the actors finish them; ``settle`` hears of every input that needs no brief."""
    if not units:
        return  # nothing to read: no cluster to join
    connect(address, None)  # a missing Ray is a one-line hint there
    import ray
    import ray.data

    from summarizer.bulk.ray_inputs import InputsDatasource

    _check_nodes(cpus_per_actor)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.enable_auto_log_stats = False
    cpus = float(ray.cluster_resources().get("CPU", 1))  # type: ignore[no-untyped-call]
    pool = actors or max(1, int(cpus // cpus_per_actor))
    claims = ray.remote(num_cpus=0)(Claims).remote(held)
    # Reading takes no CPU of the actors' own: with every CPU held by an actor, a read asking for one would wait forever.
    read = ray.data.read_datasource(InputsDatasource(units), num_cpus=0, concurrency=pool)
    briefed = read.map_batches(
        BriefActor,
        fn_constructor_kwargs={"settings": settings, "key": key, "claims": claims},
        batch_size=batch_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=pool),
        num_cpus=cpus_per_actor,
    )
    for batch in briefed.iter_batches(batch_size=None, batch_format="pyarrow"):
        rows = []
        for values in batch.to_pylist():
            if values[SETTLED] is None:
                rows.append(nested(values))
            else:
                settle(values["source"], values[SETTLED], values["error"])
        if rows:
            yield rows
