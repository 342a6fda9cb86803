"""Briefs through a provider's Batch API (``/v1/files`` + ``/v1/batches``): half the price, answers within 24 h.

Each article's first request (the same messages, schema and settings the
live client sends) becomes one line of a batch input file, ``custom_id`` =
article hash + brief key. The batch id is recorded in ``batch-api.json`` in
the output directory as soon as the server gives it, and the input file's id
before that, so a crash or Ctrl-C at any point, then a re-run, finds the
same batch (by id, or by its input file) and never submits that work twice.
When the batch is done its answers are fed into the brief's flow exactly as
a live answer would be: grounding, rules and schema are the engine's; an
answer that fails validation, the follow-ups that read a long article's later
passages, and any re-ask for names the article lacks go to the server live,
the normal path (each continues the conversation the batch began). Articles of an expired, failed or
cancelled batch get failure rows; a re-run submits them again.
"""

from __future__ import annotations

import hashlib
import io
import json
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.brief.engine import Summarizer
from summarizer.bulk.rows import Row, Task, brief_row, error_row, key_text
from summarizer.digest.briefing import failure_reason
from summarizer.digest.store import BriefKey
from summarizer.errors import BackendError, ConfigError, TransientBackendError
from summarizer.files import write_atomically
from summarizer.llm.retry import is_retryable, retry_after_seconds
from summarizer.redact import redact

STATE = "batch-api.json"
MAX_REQUESTS = 50_000
"""OpenAI's limit of requests per batch."""
DONE = ("completed", "failed", "expired", "cancelled")
Status = Callable[[str], None]


def custom_id(task: Task, key: BriefKey) -> str:
    """Article hash + a digest of the brief key: unique per brief, short enough for any provider."""
    return f"{task.article_hash}-{hashlib.sha256(key_text(key).encode()).hexdigest()[:16]}"


class BatchApi:
    """One output directory's batches: submitted once, recorded at once, collected once."""

    def __init__(self, engine: Summarizer, key: BriefKey, out: Path, poll_s: float, status: Status) -> None:
        if not engine.backend.capabilities.batch_api:
            raise ConfigError("--batch-api needs a server with /v1/files and /v1/batches: openai/... or --base-url")
        import openai

        self.engine, self.key, self.poll_s, self.status = engine, key, poll_s, status
        self.client = engine.client()  # a remote backend: no model to start, only the endpoint
        endpoint = self.client.endpoint
        self.api = openai.OpenAI(base_url=endpoint.base_url, api_key=endpoint.api_key, timeout=120, max_retries=3)
        self.path = out / STATE
        self.state: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"batches": []}
        except ValueError:
            raise ConfigError(
                f"{self.path} is not JSON: it records submitted batches; restore it or move it away"
            ) from None
        return state if isinstance(state, dict) and isinstance(state.get("batches"), list) else {"batches": []}

    def _save(self) -> None:
        write_atomically(self.path, json.dumps(self.state, indent=2) + "\n")

    def run(self, tasks: Iterable[Task]) -> Iterator[list[Row]]:
        """Submit what no open batch holds, then wait for every open batch and yield its rows."""
        wanted = {custom_id(t, self.key): t for t in tasks}
        open_ids = {cid for b in self.state["batches"] if not b.get("collected") for cid in b["custom_ids"]}
        new = [t for cid, t in wanted.items() if cid not in open_ids]
        for start in range(0, len(new), MAX_REQUESTS):
            self._submit(new[start : start + MAX_REQUESTS])
        for record in self.state["batches"]:
            if not record.get("collected"):
                yield self._collect(record, wanted)

    def _submit(self, tasks: list[Task]) -> None:
        lines = [json.dumps(self._request(t)) for t in tasks]
        upload = self.api.files.create(file=("requests.jsonl", io.BytesIO("\n".join(lines).encode())), purpose="batch")
        record: dict[str, Any] = {
            "input_file_id": upload.id,
            "id": None,
            "custom_ids": [custom_id(t, self.key) for t in tasks],
        }
        self.state["batches"].append(record)
        self._save()  # before the batch exists: a crash now is found again by its input file
        batch = self.api.batches.create(
            input_file_id=upload.id, endpoint="/v1/chat/completions", completion_window="24h"
        )
        record["id"] = batch.id
        self._save()
        self.status(f"submitted batch {batch.id} ({len(tasks)} articles)")

    def _request(self, task: Task) -> dict[str, Any]:
        """The first request of the article's brief, as the live client would send it."""
        from instructor.processing.response import handle_response_model

        article, index = self.engine._prepare(task.article)
        ask = next(self.engine._flow(article, index, self.client.endpoint, quiet=True))
        _, body = handle_response_model(ask.response_model, mode=self.client._mode, messages=ask.messages)
        body.update(model=self.client.endpoint.model, max_tokens=ask.max_tokens, temperature=0, seed=0)
        return {"custom_id": custom_id(task, self.key), "method": "POST", "url": "/v1/chat/completions", "body": body}

    def _collect(self, record: dict[str, Any], wanted: dict[str, Task]) -> list[Row]:
        """Wait for the batch, then brief each of its articles from its answer; mark it collected."""
        if record.get("id") is None:
            record["id"] = self._adopt(record)
            self._save()
        batch_id = str(record["id"])
        batch = self.api.batches.retrieve(batch_id)
        while batch.status not in DONE:
            counts = batch.request_counts
            done = f"{counts.completed + counts.failed}/{counts.total}" if counts else "?"
            self.status(f"batch {batch_id}: {batch.status}, {done} answered; waiting (re-run later is safe)")
            time.sleep(self.poll_s)
            batch = self.api.batches.retrieve(batch_id)
        answers = self._lines(batch.output_file_id) if batch.output_file_id else {}
        errors = self._lines(batch.error_file_id) if batch.error_file_id else {}
        rows = []
        for cid in record["custom_ids"]:
            task = wanted.get(cid)
            if task is None:
                continue  # not among this run's inputs: nothing to ground it in
            if cid in answers:
                rows.append(self._row(task, answers[cid]))
            else:
                why = _error_text(errors.get(cid)) or f"batch {batch_id} {batch.status} without an answer"
                rows.append(error_row(task, self.key, f"{why}; re-run to submit it again"))
        record["collected"] = True
        record["status"] = batch.status
        self._save()
        return rows

    def _adopt(self, record: dict[str, Any]) -> str:
        """The batch made from the recorded input file (a crash came between creating it and recording its id)."""
        for batch in self.api.batches.list(limit=100):
            if batch.input_file_id == record["input_file_id"]:
                return str(batch.id)
        batch = self.api.batches.create(
            input_file_id=record["input_file_id"], endpoint="/v1/chat/completions", completion_window="24h"
        )
        return str(batch.id)

    def _lines(self, file_id: str) -> dict[str, dict[str, Any]]:
        text = self.api.files.content(file_id).text
        found = {}
        for line in text.splitlines():
            if line.strip():
                entry = json.loads(line)
                found[str(entry["custom_id"])] = entry
        return found

    def _row(self, task: Task, entry: dict[str, Any]) -> Row:
        response = entry.get("response") or {}
        if response.get("status_code") != 200:
            return error_row(task, self.key, _error_text(entry) or f"the batch answered {response.get('status_code')}")
        try:
            brief, answers = self._brief(task, response["body"])
        except Exception as error:  # one article's failure, even a bug, is that article's alone
            return error_row(task, self.key, failure_reason(error))
        return brief_row(task, self.key, brief, answers)

    def _brief(self, task: Task, completion: dict[str, Any]) -> tuple[Any, list[str]]:
        """The brief's flow, its first answer from the batch, any further request live."""
        from openai.types.chat import ChatCompletion

        article, index = self.engine._prepare(task.article)
        flow = self.engine._flow(article, index, self.client.endpoint, quiet=True)
        ask = next(flow)
        raw = str(completion["choices"][0]["message"]["content"] or "")
        ask.usage.request()
        ask.usage.add(ChatCompletion.model_validate(completion))
        try:
            answer = (ask.response_model.model_validate_json(raw), raw)
        except ValidationError:
            answer = self.client.structured(ask)  # the normal path: asked again, live, with its own re-ask
        answers = [answer[1]]
        try:
            while True:
                ask = flow.send(answer)
                answer = self.client.structured(ask)
                answers.append(answer[1])
        except StopIteration as finished:
            return finished.value, answers


def _error_text(entry: dict[str, Any] | None) -> str | None:
    if not entry:
        return None
    error = entry.get("error") or (entry.get("response") or {}).get("body", {}).get("error")
    if isinstance(error, dict):
        return f"the batch refused this request: {error.get('message') or error.get('code')}"
    return None


def run_batch_api(
    engine: Summarizer, tasks: Iterable[Task], key: BriefKey, out: Path, *, poll_s: float, status: Status
) -> Iterator[list[Row]]:
    """Rows of every article, a batch at a time (see the module docstring); BackendError on an API failure."""
    import openai

    try:
        yield from BatchApi(engine, key, out, poll_s, status).run(tasks)
    except openai.APIError as error:
        reason = redact(" ".join(str(error).split()))[:200]
        kind = TransientBackendError if is_retryable(error) else BackendError
        raise kind(
            f"the Batch API failed: {reason} (re-run to resume)",
            status=error.status_code if isinstance(error, openai.APIStatusError) else None,
            retry_after=retry_after_seconds(error),
            provider_message=reason,
        ) from None
