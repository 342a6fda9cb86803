"""Secrets out of text a person or a file will see: errors, log lines, stored rows.

A base URL may carry a password (``http://user:pass@host/v1``): it is shown
as ``http://user:***@host/v1``. A bearer token in a header line is shown as
``Bearer ***``. API keys themselves are never put into a message; this is the
net under the messages that quote a URL or an upstream error, and under the
log lines of the HTTP libraries below the client (see ``guard_url_loggers``).
"""

from __future__ import annotations

import logging
import re

HIDDEN = "***"

_USERINFO = re.compile(r"(?P<start>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s/?#@:]*):[^\s/?#]*@")
"""A URL's ``user:password@``; the password runs to the authority's last ``@`` (as urlsplit reads it)."""
_BEARER = re.compile(r"(?P<start>\bBearer\s+)[^\s'\",]+", re.IGNORECASE)


def redact(text: str) -> str:
    """``text`` with every URL's password and every bearer token replaced by ``***``."""
    text = _USERINFO.sub(rf"\g<start>:{HIDDEN}@", text)
    return _BEARER.sub(rf"\g<start>{HIDDEN}", text)


class RedactingFilter(logging.Filter):
    """Hides URL passwords and bearer tokens in a record's message and traceback before any handler sees them."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        hidden = redact(message)
        if hidden != message:
            record.msg, record.args = hidden, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


URL_LOGGERS = ("httpx2", "openai._base_client")
"""Libraries under the client that log each request's full URL (httpx2 at INFO, the openai SDK at DEBUG)."""


def guard_url_loggers() -> None:
    """Redact the loggers that write request URLs: a base URL's password must not reach a log line."""
    for name in URL_LOGGERS:
        target = logging.getLogger(name)
        if not any(isinstance(f, RedactingFilter) for f in target.filters):
            target.addFilter(RedactingFilter())
