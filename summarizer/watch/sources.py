"""What `summarizer watch` polls: feed URLs, the feeds of an OPML file, and text files listing article URLs.

A URL list is read again at every poll, so another program (or a person) can
add lines to it while the watcher runs; each URL in it is fetched once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from summarizer.errors import ConfigError

OPML_SUFFIXES = (".opml",)


@dataclass(frozen=True)
class Source:
    """One thing to poll: an RSS/Atom feed (``url`` is its address) or a URL list (``url`` is the file's path)."""

    url: str
    kind: Literal["feed", "list"]


def watch_sources(specs: Iterable[str], opml_files: Iterable[Path] = ()) -> list[Source]:
    """The sources named on the command line, each once, in order; a file that cannot be read is a ConfigError."""
    found: list[Source] = []
    for spec in specs:
        if spec.startswith(("http://", "https://")):
            found.append(Source(spec, "feed"))
        elif spec.lower().endswith(OPML_SUFFIXES):
            found.extend(Source(url, "feed") for url in opml_feeds(Path(spec)))
        else:
            path = Path(spec)
            if not path.is_file():
                raise ConfigError(
                    f"{spec}: no such file; give a feed URL (http/https), a URL list file or an OPML file"
                )
            found.append(Source(str(path), "list"))
    for path in opml_files:
        found.extend(Source(url, "feed") for url in opml_feeds(path))
    return list(dict.fromkeys(found))


def opml_feeds(path: Path) -> list[str]:
    """Every ``xmlUrl`` of the OPML file's outlines, nested folders included (the way feed readers export)."""
    import lxml.etree

    # no entities, no network: an OPML file from elsewhere cannot read local files or expand into gigabytes
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = lxml.etree.parse(str(path), parser).getroot()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the OPML file ({error})") from None
    except lxml.etree.XMLSyntaxError as error:
        raise ConfigError(f"{path}: is not an OPML file ({error})") from None
    urls = [str(url).strip() for url in root.xpath("//outline/@xmlUrl")]
    feeds = [url for url in urls if url.startswith(("http://", "https://"))]
    if not feeds:
        raise ConfigError(f"{path}: has no outline with an http(s) xmlUrl; export the feeds from your reader as OPML")
    return feeds


def listed_urls(path: Path) -> list[str]:
    """The http(s) URLs of a URL list, one a line; blank lines and lines starting with # are left out."""
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    lines = (line.strip() for line in text.splitlines())
    return list(dict.fromkeys(line for line in lines if line.startswith(("http://", "https://"))))
