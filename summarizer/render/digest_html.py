"""The digest as one self-contained HTML page: no external assets, evidence shown on demand."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import jinja2

from summarizer.digest.schema import Account, Digest
from summarizer.render.coverage import coverage_notes
from summarizer.render.labels import SHOWN_EVENTS, SHOWN_FIGURES, SHOWN_SOURCES, SHOWN_VOICES, THING_KINDS, differing
from summarizer.render.links import safe_url


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    source = files("summarizer").joinpath("render/templates/digest.html.j2").read_text(encoding="utf-8")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True)
    return environment.from_string(source)


def render_digest_html(digest: Digest) -> str:
    from summarizer import __version__

    earlier = [a for s in digest.stories if s.changes for a in s.changes.earlier_articles]
    links = {a.id: url for a in earlier if (url := safe_url(a.url))}
    links.update({a.id: url for a in digest.articles if (url := safe_url(a.url))})
    return _template().render(
        digest=digest,
        stories={s.id: s for s in digest.stories},
        articles={a.id: a for a in digest.articles},
        links=links,
        earlier_days={a.id: a.date.isoformat() for a in earlier},
        outlets=len({o for s in digest.stories for o in s.outlets}),
        coverage={s.id: coverage_notes(s) for s in digest.stories},
        version=__version__,
        shown={"events": SHOWN_EVENTS, "sources": SHOWN_SOURCES, "figures": SHOWN_FIGURES, "voices": SHOWN_VOICES},
        differing=differing,
        thing_kinds=THING_KINDS,
        by_value=_by_value,
    )


def _by_value(accounts: list[Account]) -> dict[str, list[Account]]:
    """Accounts grouped by what they say: outlets that agree together."""
    grouped: dict[str, list[Account]] = {}
    for account in accounts:
        grouped.setdefault(account.value, []).append(account)
    return grouped
