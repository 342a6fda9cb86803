"""API keys: read once, kept only as sha256 digests, compared in constant time.

A server with no key answers anyone who can reach it, so it may only listen
on the loopback interface (see :func:`may_listen_without_keys`).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from summarizer.errors import ConfigError

KEYS_ENV = "SUMMARIZER_API_KEYS"
"""Keys given by the environment, separated by commas or whitespace; ``--keys FILE`` wins over it."""


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


class ApiKeys:
    """The accepted keys, as digests: a memory dump or a repr shows no key."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._digests = frozenset(_digest(key) for key in keys if key)

    def __bool__(self) -> bool:
        return bool(self._digests)

    def __len__(self) -> int:
        return len(self._digests)

    def __repr__(self) -> str:
        return f"ApiKeys({len(self)} keys)"

    def accepts(self, key: str | None) -> bool:
        """Whether ``key`` is one of ours; every digest is compared, so timing tells nothing about which."""
        if not key:
            return False
        given, matched = _digest(key), False
        for known in self._digests:
            matched |= hmac.compare_digest(given, known)
        return matched


def read_keys(file: Path | None, environ: Mapping[str, str] = os.environ) -> ApiKeys:
    """The keys from ``file`` (one a line; blank lines and ``#`` comments skipped), else from ``SUMMARIZER_API_KEYS``."""
    if file is None:
        return ApiKeys(environ.get(KEYS_ENV, "").replace(",", " ").split())
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the keys file {file}: {error}; give a UTF-8 file (CLI: --keys)") from None
    keys = ApiKeys(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))
    if not keys:
        raise ConfigError(f"{file}: holds no key; put one API key a line in it (CLI: --keys)")
    return keys


def may_listen_without_keys(host: str) -> bool:
    """Only a loopback address (127.0.0.1, ::1, localhost) may serve without keys: nobody else can reach it."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name or 0.0.0.0: others may reach it
