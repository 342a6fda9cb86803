"""The request size limit, applied to the bytes as they arrive (a chunked upload has no Content-Length to trust)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summarizer.serve.problems import problem

MAX_BODY_BYTES = 1_000_000
"""Largest request body: an article is trimmed at ~20,000 characters before the model reads it (about 120 KB
as JSON even when every character is escaped), so 1 MB refuses no real article and lets no client fill memory."""


class BodyTooLarge(HTTPException):
    """An HTTPException, so FastAPI's body reader passes it on as it is (it turns other errors into 400s)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over {limit:,} bytes; send one article at a time")


class BodyLimit:
    """Refuses a body over ``max_bytes``: at once by its Content-Length, else as soon as it has sent that much."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            too_large = BodyTooLarge(self.max_bytes)
            await problem(413, str(too_large.detail))(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counted, send)
