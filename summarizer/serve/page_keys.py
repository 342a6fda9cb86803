"""Keys for the pages: a server with keys asks a browser for one once, by a form, and keeps it in a cookie.

A browser cannot send ``Authorization: Bearer`` on a link it follows, so the
pages take the key from a cookie instead: HttpOnly (no script reads it),
SameSite=Strict (no other site's page sends it), Secure over https, for the
browser session only. It opens the pages only; the ``/v1`` API still wants
the header, so a page of another site cannot make a job with it.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from summarizer.serve.page_render import render
from summarizer.serve.service import service

KEY_COOKIE = "summarizer_key"

page_keys = APIRouter(include_in_schema=False)


def login_needed(request: Request) -> Response | None:
    """None when the page may be shown; else the way to the sign-in form, back to this page after it."""
    keys = service(request).keys
    if not keys or keys.accepts(request.cookies.get(KEY_COOKIE)):
        return None
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(here, safe='')}", 303)


def _local(path: str) -> str:
    """A path on this server to go back to; anything else (another site, a scheme) is the front page."""
    local = path.startswith("/") and not path.startswith("//") and not re.search(r"[\x00-\x20\\\x7f]", path)
    return path if local else "/"  # a browser drops tabs and reads a backslash as a slash: both lead elsewhere


@page_keys.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    if not service(request).keys:
        return RedirectResponse(_local(next), 303)  # no keys: nothing to sign in to
    return render("login.html.j2", next=_local(next), error="")


@page_keys.post("/login")
async def login(request: Request) -> Response:
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    key, back = form.get("key", [""])[0], _local(form.get("next", ["/"])[0])
    if not service(request).keys.accepts(key):
        return render("login.html.j2", 401, next=back, error="That is not one of this server's keys.")
    answer = RedirectResponse(back, 303)
    secure = request.url.scheme == "https"
    answer.set_cookie(KEY_COOKIE, key, httponly=True, samesite="strict", secure=secure, path="/")
    return answer
