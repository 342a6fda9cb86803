"""Briefs through a provider's Batch API (``/v1/files`` + ``/v1/batches``): half the price, answers within 24 h.

Each article's first request (:meth:`Summarizer.first_request`: the body the
live client sends) becomes one line of a request file, ``custom_id`` =
article hash + brief key. Nothing that may cost money is sent twice:

- the request file's sha256 names it on the server (the upload's filename,
  the batch's ``metadata.summarizer_run``) and is recorded in
  ``batch-api.json`` (batch_state.py) before anything is sent; the file id,
  then the batch id, are recorded the moment the server gives them;
- the two POSTs are sent once (no client retries): when one fails, or a run
  resumes a record without its id, the server is asked for a file or batch of
  that hash first, and only what is not there is sent, so a create answered
  500 after it was made is adopted, not repeated;
- one run per ``--out`` (lock.py), so two runs cannot both submit.

A batch's answers go through :meth:`Summarizer.summarize_from` (the engine's
grounding, rules and schema; what else a brief needs goes live), into the
SQLite store, then out as rows; the batch is marked collected only once the
caller has written those rows. Any run may collect any finished batch of its
``--out``, even one over other articles: the batch's articles are kept beside
the record. Articles of an expired, failed or cancelled batch, or missing from
its output, get failure rows; a re-run submits them again.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from summarizer.brief.engine import Summarizer
from summarizer.bulk.batch_state import BatchState, Record
from summarizer.bulk.rows import Row, Task, brief_row, error_row, key_text
from summarizer.bulk.shards import done, index
from summarizer.digest.briefing import failure_reason, stored_brief
from summarizer.digest.store import BriefKey, Store
from summarizer.errors import BackendError, ConfigError, StoreError, TransientBackendError
from summarizer.llm.retry import is_retryable, retry_after_seconds
from summarizer.redact import redact

logger = logging.getLogger(__name__)

MAX_REQUESTS = 50_000
"""OpenAI's limit of requests per batch."""
LOOKUP_DAYS = 7
"""How far back the server's batches are searched for one of a request: a batch ends within its 24 h window,
so a week covers a crash found days later without paging through an account's whole history."""
DONE = ("completed", "failed", "expired", "cancelled")
LOST = ("failed", "expired", "cancelled")
"""A batch in one of these states gave no answers: never adopted, its articles are submitted again."""
Status = Callable[[str], None]


def custom_id(task: Task, key: BriefKey) -> str:
    """Article hash + a digest of the brief key: unique per brief, short enough for any provider."""
    return f"{task.article_hash}-{hashlib.sha256(key_text(key).encode()).hexdigest()[:16]}"


def upload_name(request: str) -> str:
    return f"summarizer-{request}.jsonl"


class BatchApi:
    """One output directory's batches: submitted once, recorded at once, collected once its rows are kept."""

    def __init__(
        self, engine: Summarizer, key: BriefKey, out: Path, store: Store, poll_s: float, status: Status
    ) -> None:
        if not engine.backend.capabilities.batch_api:
            raise ConfigError("--batch-api needs a server with /v1/files and /v1/batches: openai/... or --base-url")
        import openai

        self.engine, self.key, self.out, self.store, self.poll_s, self.status = engine, key, out, store, poll_s, status
        endpoint = engine.client().endpoint  # a remote backend: no model to start, only the endpoint
        # Looks (GET) are retried by the client; the two POSTs are sent once (see the module docstring).
        self.api = openai.OpenAI(base_url=endpoint.base_url, api_key=endpoint.api_key, timeout=120, max_retries=3)
        self.once = self.api.with_options(max_retries=0)
        self.state = BatchState(out)

    def run(self, tasks: Iterable[Task]) -> Iterator[list[Row]]:
        """Stored briefs at once; submit what no open batch holds; collect every batch that holds this run's
        articles (waiting for it) and any other that is finished; a batch is marked collected after its rows
        were taken (the caller writes them before asking for more)."""
        wanted: dict[str, Task] = {}
        for task in tasks:
            row = self._stored(task)
            if row is not None:
                yield [row]
            else:
                wanted[custom_id(task, self.key)] = task
        for record in list(self.state.open_records()):
            if record.get("id") is None:
                self._resume_submit(record)
        held = {cid for r in self.state.open_records() for cid in r["custom_ids"]}
        new = [t for cid, t in wanted.items() if cid not in held]
        for start in range(0, len(new), MAX_REQUESTS):
            self._submit(new[start : start + MAX_REQUESTS])
        for record in list(self.state.open_records()):
            mine = any(cid in wanted for cid in record["custom_ids"])
            batch = self._retrieve(str(record["id"]), wait=mine)
            if batch is None:
                continue
            rows = self._collect(record, batch, wanted)
            if rows is None:
                continue
            if rows:
                yield rows  # the caller writes them before it asks for more: only then is the batch collected
            self.state.mark_collected(record, batch.status)

    def _stored(self, task: Task) -> Row | None:
        """The article's brief from the store (no batch needed); the article is stored either way."""
        self.store.add_article(task.article)
        try:
            brief = stored_brief(self.engine, self.store, task.article_hash, self.key, task.article)
        except StoreError:
            raise
        except Exception as error:  # rebuilding runs today's rules: a bug on one article sends it to the batch
            logger.info("stored brief of %s not rebuilt (%s): asked again", task.source, failure_reason(error))
            return None
        if brief is None:
            return None
        return brief_row(task, self.key, brief, self.store.answers(task.article_hash, self.key))

    # --- submitting: every step recorded, nothing that may cost money sent twice

    def _submit(self, tasks: list[Task]) -> None:
        content = self._request_file(tasks)
        request = hashlib.sha256(content).hexdigest()
        record = self.state.add(request, tasks, [custom_id(t, self.key) for t in tasks])
        self._upload(record, content)
        self._create(record)

    def _request_file(self, tasks: list[Task]) -> bytes:
        lines = (
            json.dumps(
                {
                    "custom_id": custom_id(task, self.key),
                    "method": "POST",
                    "url": "/v1/chat/completions",
                    "body": self.engine.first_request(task.article),
                }
            )
            for task in tasks
        )
        return "\n".join(lines).encode()

    def _resume_submit(self, record: Record) -> None:
        """A record a crash left without its batch id: find what the server has, send only what it lacks."""
        if record.get("input_file_id") is None:
            found = self._find_file(record)
            if found is None:  # nothing was uploaded, so nothing was paid for: its articles are submitted afresh
                self.state.drop(record)
                return
            record["input_file_id"] = found
            self.state.save()
        self._create(record)

    def _upload(self, record: Record, content: bytes) -> None:
        name = upload_name(str(record["request"]))
        upload = _once(
            lambda: self.once.files.create(file=(name, io.BytesIO(content)), purpose="batch").id,
            lambda: self._find_file(record),
        )
        record["input_file_id"] = upload
        self.state.save()

    def _create(self, record: Record) -> None:
        """Create the record's batch, unless the server already has it (a create that failed, or a crash)."""
        batch_id = self._find_batch(record)
        if batch_id is None:
            record["create_sent"] = datetime.now(UTC).isoformat(timespec="seconds")
            self.state.save()
            batch_id = _once(
                lambda: (
                    self.once.batches.create(
                        input_file_id=str(record["input_file_id"]),
                        endpoint="/v1/chat/completions",
                        completion_window="24h",
                        metadata={"summarizer_run": str(record.get("request") or "")},
                    ).id
                ),
                lambda: self._find_batch(record),
            )
        record["id"] = batch_id
        self.state.save()
        self.status(f"submitted batch {batch_id} ({len(record['custom_ids'])} articles)")

    def _find_file(self, record: Record) -> str | None:
        if not record.get("request"):
            return None
        name = upload_name(str(record["request"]))
        for upload in self.api.files.list(purpose="batch"):
            if upload.filename == name:
                return str(upload.id)
        return None

    def _find_batch(self, record: Record) -> str | None:
        """The newest live batch made of this record's request: by its hash in the batch's metadata, or by its
        input file (uploaded for this request alone), for an old record or a server that drops metadata."""
        since = (datetime.now(UTC) - timedelta(days=LOOKUP_DAYS)).timestamp()
        request, upload, kept = record.get("request"), record.get("input_file_id"), self.state.collected_ids()
        for batch in self.api.batches.list(limit=100):
            if batch.created_at < since:
                break  # newest first: the rest are older still
            tagged = request is not None and (batch.metadata or {}).get("summarizer_run") == request
            ours = tagged or (upload is not None and batch.input_file_id == upload)
            if ours and batch.status not in LOST and batch.id not in kept:
                return str(batch.id)
        return None

    # --- collecting: answers into the store and rows, then marked collected

    def _retrieve(self, batch_id: str, *, wait: bool) -> Any:
        """The finished batch (waiting for it when it holds this run's articles); None to leave it for later."""
        import openai

        try:
            return self._wait(batch_id) if wait else self._look(batch_id)
        except openai.NotFoundError:
            logger.warning(
                "batch %s recorded in %s is not on this server: run with the --base-url it was made on, or remove "
                "its record from that file to give it up (its articles are then submitted again)",
                batch_id,
                self.state.path,
            )
            return None

    def _wait(self, batch_id: str) -> Any:
        batch = self.api.batches.retrieve(batch_id)
        while batch.status not in DONE:
            counts = batch.request_counts
            done_ = f"{counts.completed + counts.failed}/{counts.total}" if counts else "?"
            self.status(f"batch {batch_id}: {batch.status}, {done_} answered; waiting (re-run later is safe)")
            time.sleep(self.poll_s)
            batch = self.api.batches.retrieve(batch_id)
        return batch

    def _look(self, batch_id: str) -> Any:
        """Another run's batch: collected now if finished, else left for a later run (never waited for)."""
        batch = self.api.batches.retrieve(batch_id)
        if batch.status in DONE:
            return batch
        logger.info("batch %s (of another run over this --out) is %s: left for a later run", batch_id, batch.status)
        return None

    def _collect(self, record: Record, batch: Any, wanted: dict[str, Task]) -> list[Row] | None:
        """A row per article of the batch not yet briefed in --out; None when some article cannot be grounded
        (a record of before the articles were kept, whose articles this run does not read): left open."""
        tasks = {**self.state.tasks(record), **wanted}
        held = self._held(record, tasks, wanted)
        missing = [cid for cid in record["custom_ids"] if cid not in tasks and cid not in held]
        if missing:
            logger.warning(
                "batch %s holds %d article(s) this run does not read: run again with their inputs to keep "
                "their answers",
                batch.id,
                len(missing),
            )
            return None
        answers = self._lines(batch.id, batch.output_file_id) if batch.output_file_id else {}
        errors = self._lines(batch.id, batch.error_file_id) if batch.error_file_id else {}
        rows = []
        for cid in record["custom_ids"]:
            task = tasks.get(cid)
            if task is None or cid in held:
                continue  # briefed already (a run that stopped after writing the rows, before marking them)
            if cid in answers:
                rows.append(self._row(task, answers[cid]))
            else:
                why = _error_text(errors.get(cid)) or f"batch {batch.id} {batch.status} without an answer"
                rows.append(error_row(task, self.key, f"{why}; re-run to submit it again"))
        return rows

    def _held(self, record: Record, tasks: dict[str, Task], wanted: dict[str, Task]) -> set[str]:
        """custom_ids of the batch whose article --out already has a brief of (read only for other runs' batches)."""
        if all(cid in wanted for cid in record["custom_ids"]):
            return set()  # this run's articles: none is briefed (the run skipped those)
        briefed = done(index(self.out))
        key = key_text(self.key)
        return {cid for cid, task in tasks.items() if briefed.has(task.article_hash, key)}

    def _lines(self, batch_id: str, file_id: str) -> dict[str, dict[str, Any]]:
        """custom_id → answer line; a line that is not one is skipped and counted (its article gets a failure row)."""
        found: dict[str, dict[str, Any]] = {}
        bad = 0
        for line in self.api.files.content(file_id).text.splitlines():
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                found[str(entry["custom_id"])] = entry
            except (ValueError, KeyError, TypeError):
                bad += 1
        if bad:
            logger.warning(
                "batch %s: %d line(s) of its file %s are not answers (skipped); their articles get failure rows "
                "and a re-run submits them again",
                batch_id,
                bad,
                file_id,
            )
        return found

    def _row(self, task: Task, entry: dict[str, Any]) -> Row:
        response = entry.get("response") or {}
        if not isinstance(response, dict) or response.get("status_code") != 200:
            code = response.get("status_code") if isinstance(response, dict) else None
            return error_row(task, self.key, _error_text(entry) or f"the batch answered {code}")
        try:
            recorded = self.engine.summarize_from(task.article, response["body"])
        except Exception as error:  # one article's failure, even a bug, is that article's alone
            return error_row(task, self.key, failure_reason(error))
        self.store.add_article(task.article)  # already there, unless the batch is another run's
        self.store.put_brief(task.article_hash, self.key, recorded.brief, recorded.answers)
        return brief_row(task, self.key, recorded.brief, list(recorded.answers))


def _once(send: Callable[[], str], find: Callable[[], str | None]) -> str:
    """Send a request that may cost money once; when its answer is lost, what the server made is looked up."""
    import openai

    try:
        return send()
    except (openai.APIConnectionError, openai.InternalServerError):  # it may have been made: look before failing
        found = find()
        if found is None:
            raise
        return found


def _error_text(entry: dict[str, Any] | None) -> str | None:
    if not isinstance(entry, dict):
        return None
    response = entry.get("response")
    body = response.get("body") if isinstance(response, dict) else None
    error = entry.get("error") or (body.get("error") if isinstance(body, dict) else None)
    if isinstance(error, dict):
        return f"the batch refused this request: {error.get('message') or error.get('code')}"
    return None


def run_batch_api(
    engine: Summarizer,
    tasks: Iterable[Task],
    key: BriefKey,
    out: Path,
    *,
    store_path: Path | None,
    poll_s: float,
    status: Status,
) -> Iterator[list[Row]]:
    """Rows of every article, a batch at a time (see the module docstring); BackendError on an API failure."""
    import openai

    try:
        with Store(store_path) as store:
            yield from BatchApi(engine, key, out, store, poll_s, status).run(tasks)
    except openai.APIError as error:
        reason = redact(" ".join(str(error).split()))[:200]
        kind = TransientBackendError if is_retryable(error) else BackendError
        raise kind(
            f"the Batch API failed: {reason} (re-run to resume: what was submitted is found again, not paid twice)",
            status=error.status_code if isinstance(error, openai.APIStatusError) else None,
            retry_after=retry_after_seconds(error),
            provider_message=reason,
        ) from None
