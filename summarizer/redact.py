"""Secrets out of text a person or a file will see: errors, log lines, stored rows.

A base URL may carry a password (``http://user:pass@host/v1``): it is shown
as ``http://user:***@host/v1``. A bearer token in a header line is shown as
``Bearer ***``. API keys themselves are never put into a message; this is the
net under the messages that quote a URL or an upstream error.
"""

from __future__ import annotations

import re

HIDDEN = "***"

_USERINFO = re.compile(r"(?P<start>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s/?#@:]*):[^\s/?#]*@")
"""A URL's ``user:password@``; the password runs to the authority's last ``@`` (as urlsplit reads it)."""
_BEARER = re.compile(r"(?P<start>\bBearer\s+)[^\s'\",]+", re.IGNORECASE)


def redact(text: str) -> str:
    """``text`` with every URL's password and every bearer token replaced by ``***``."""
    text = _USERINFO.sub(rf"\g<start>:{HIDDEN}@", text)
    return _BEARER.sub(rf"\g<start>{HIDDEN}", text)
