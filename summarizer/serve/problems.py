"""Every error as ``application/problem+json`` (RFC 9457), its detail the one line the CLI would print."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from summarizer.brief.engine import internal_error
from summarizer.errors import (
    ArticleError,
    BackendError,
    ConfigError,
    ModelOutputError,
    ModelUnavailableError,
    SummarizerError,
    TransientBackendError,
)
from summarizer.redact import redact
from summarizer.render.control import printable
from summarizer.serve.schemas import Problem

PROBLEM_TYPE = "application/problem+json"


class JobTimeoutError(SummarizerError):
    """A job ran past the server's job timeout: the model, upstream of the server, did not answer in time."""


_STATUS_OF: list[tuple[type[SummarizerError], int]] = [
    (JobTimeoutError, 504),  # upstream (the model) too slow: a gateway timeout
    (ArticleError, 422),  # the article (or the page at its URL) cannot be briefed: the caller's to fix
    (TransientBackendError, 503),  # the model is busy or away: worth trying again
    (ModelUnavailableError, 503),
    (BackendError, 502),  # the model server answered an error
    (ModelOutputError, 502),  # the model answered, but never a valid brief
    (ConfigError, 500),  # the server's own configuration (its store, its model): not the caller's
]

ERROR_KINDS: dict[str, type[SummarizerError]] = {kind.__name__: kind for kind, _ in _STATUS_OF}
"""An error's class by its stored name (a failed job keeps it): its status survives a restart."""


def one_line(error: BaseException | str) -> str:
    """The message as ``summarizer`` prints it after ``error:``: one line, no control codes, no secrets."""
    text = str(error)
    if isinstance(error, Exception) and not isinstance(error, SummarizerError):
        text = internal_error(error)
    return redact(" ".join(printable(text).split()))


def kind_of(error: BaseException) -> str:
    """The name of the nearest known failure class of ``error`` (a FetchError is an ArticleError), else its own."""
    known = next((kind.__name__ for kind in type(error).__mro__ if kind.__name__ in ERROR_KINDS), None)
    return known or type(error).__name__


def status_of(kind: str | type[BaseException] | None) -> int:
    """The HTTP status for an error class (or its name); 500 for anything that is not a known failure."""
    if isinstance(kind, str) or kind is None:
        kind = ERROR_KINDS.get(kind or "")
    if kind is None:
        return 500
    return next((status for known, status in _STATUS_OF if issubclass(kind, known)), 500)


def problem(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    body = Problem(title=HTTPStatus(status).phrase, status=status, detail=detail)
    return JSONResponse(body.model_dump(), status_code=status, media_type=PROBLEM_TYPE, headers=headers)


def install(app: FastAPI) -> None:
    """Answer every failure, FastAPI's own included, as a problem."""

    async def http_error(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, HTTPException)
        return problem(error.status_code, one_line(str(error.detail)), dict(error.headers or {}))

    async def invalid(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        first = error.errors()[0] if error.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(part) for part in first["loc"]) or "request"
        return problem(422, one_line(f"invalid request: {where}: {first['msg']}"))

    async def failed(_request: Request, error: Exception) -> JSONResponse:
        return problem(status_of(type(error)), one_line(error))

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(SummarizerError, failed)
    app.add_exception_handler(Exception, failed)
