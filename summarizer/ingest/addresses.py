"""Which hosts a server may fetch from: public addresses only, so a caller cannot reach the server's own network.

A server that fetches any URL a caller names can be made to read its
loopback services, the cloud's metadata endpoint (169.254.169.254) or the
private network around it (server-side request forgery). The command line
reads what its own user asks, 127.0.0.1 included; ``summarizer serve``
checks each host it is about to ask (redirects included) with
:func:`public_only`. A host that resolves again between this check and the
connection (DNS rebinding) is not caught: the check narrows the hole, a
firewall rule closes it.
"""

from __future__ import annotations

import ipaddress
import socket

from summarizer.ingest.fetch import FetchError


def refused_address(host: str) -> str | None:
    """The first address of ``host`` that is not a public one (loopback, private, link-local...), or None."""
    try:
        found = socket.getaddrinfo(host.strip("[]"), None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return None  # no address at all: the fetch itself fails with its own message
    for *_, address in found:
        ip = ipaddress.ip_address(str(address[0]).split("%")[0])  # an IPv6 zone (fe80::1%eth0) is no part of it
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if not ip.is_global or ip.is_multicast:
            return str(ip)
    return None


def public_only(host: str) -> None:
    """Refuse (FetchError) a host that is, or resolves to, an address outside the public internet."""
    address = refused_address(host)
    if address is not None:
        shown = host if host == address else f"{host} ({address})"
        raise FetchError(
            f"{shown} is a loopback, private or link-local address; this server fetches only public web addresses"
        )
