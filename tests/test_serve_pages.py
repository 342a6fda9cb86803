"""The pages at ``/`` (issue 26, item 2): the day's digest, a story with its briefs and evidence marked in the
article's own text, the story across days, search; over HTTP and in a real Chromium.

The digests are built by the digest code on the ``none`` backend from this file's own articles: a footbridge
closed in the town of Wrenmouth (two outlets, then a second day), a ferry strike, and an article whose title,
outlet and URL are hostile.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from summarizer.brief.engine import Summarizer
from summarizer.digest.build import build_digest
from summarizer.digest.schema import Digest
from summarizer.digest.store import STORE_VERSION, Store
from summarizer.ingest.article import Article
from summarizer.serve import create_app
from summarizer.serve.evidence import mark
from summarizer.serve.keys import ApiKeys
from summarizer.serve.search import SearchIndex, terms
from tests import components
from tests.test_serve import KEY, free_port, until

DAY1, DAY2 = dt.date(2026, 4, 7), dt.date(2026, 4, 8)
HOSTILE_TITLE = '<script>window.hostile = "title"</script>Quarry fire near Selby Moor'
HOSTILE_OUTLET = '<img src=x onerror="window.hostile = \'outlet\'">Moor Post'
HOSTILE_URL = "javascript:window.hostile='url'"
FIRST = [
    {
        "title": "Wrenmouth footbridge closed after flood damage",
        "outlet": "Estuary Chronicle",
        "url": "https://estuary-chronicle.example/footbridge",
        "published": DAY1.isoformat(),
        "text": "The Wrenmouth footbridge over the river Alder was closed on Monday after floodwater damaged its "
        "eastern ramp, the town council said. Council engineer Mira Castell said the ramp had shifted by ten "
        "centimetres. Pedestrians will be sent across the Kingsgate road bridge until repairs are done.",
    },
    {
        "title": "Flood shuts Wrenmouth footbridge",
        "outlet": "Alder Valley News",
        "url": "https://alder-valley.example/bridge",
        "published": DAY1.isoformat(),
        "text": "Wrenmouth's footbridge across the Alder was shut on Monday because floodwater damaged a ramp, "
        "according to the town council. Mira Castell, the council's engineer, said walkers should use the "
        "Kingsgate road bridge for now.",
    },
    {
        "title": HOSTILE_TITLE,
        "outlet": HOSTILE_OUTLET,
        "url": HOSTILE_URL,
        "published": DAY1.isoformat(),
        "text": "A fire broke out at a disused quarry near Selby Moor on Monday evening, the county fire service "
        "said. Crews from Harlow Cross and Denby Vale kept it from spreading to nearby heath.",
    },
]
SECOND = [
    {
        "title": "Wrenmouth footbridge repairs to take six weeks",
        "outlet": "Estuary Chronicle",
        "url": "https://estuary-chronicle.example/footbridge-repairs",
        "published": DAY2.isoformat(),
        "text": "Repairs to the Wrenmouth footbridge over the river Alder will take six weeks, the town council "
        "said on Tuesday. Council engineer Mira Castell said floodwater had shifted the eastern ramp. Pedestrians "
        "are using the Kingsgate road bridge meanwhile.",
    },
    {
        "title": "Ferry crews at Portlow walk out",
        "outlet": "Harbour Lines",
        "url": "https://harbour-lines.example/strike",
        "published": DAY2.isoformat(),
        "text": "Ferry crews at Portlow went on strike on Tuesday over pay, their union said. The ferry operator "
        "Tidewell said services to Gannet Isle would stop until Thursday.",
    },
]


def fill(store: Store) -> list[Digest]:
    """Two days' digests, built and kept as `summarizer digest` keeps them."""
    engine = Summarizer("none")
    return [
        build_digest([Article(**a) for a in articles], summarizer=engine, store=store, day=day)
        for day, articles in ((DAY1, FIRST), (DAY2, SECOND))
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, list[Digest]]]:
    with Store(tmp_path_factory.mktemp("pages") / "store.sqlite") as store:
        yield store, fill(store)


@pytest.fixture(scope="module")
def client(built: tuple[Store, list[Digest]]) -> Iterator[TestClient]:
    with TestClient(create_app(Summarizer("none"), built[0])) as opened:
        yield opened
