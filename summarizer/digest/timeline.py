"""One story across the stored days: every day's telling of it, linked by the ``continues`` each digest keeps.

A story's id is per day: ``story-`` and the first 8 hex digits of its lead
article's content hash (digest/build.py), so the same story usually has
another id the next day, when another article leads it. What ties the days
together is the link continuity.py makes when a digest is built: a story
lists the earlier stories it continues (``continues``, within the window).
Here those links are followed both ways, so any day's id of a story finds
the whole thread, and the thread is named by the id of its first telling
(the earliest day, then the best rank): stable while no earlier digest is
added to the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.digest.schema import Digest, Story

Node = tuple[dt.date, str]
"""A story of one day: the digest's date and the story's id in it."""


@dataclass(frozen=True)
class Telling:
    """One day's telling of the story (the stored digest's story, with what changed since its baseline)."""

    day: dt.date
    story: Story


def thread(digests: Iterable[Digest], story_id: str) -> list[Telling]:
    """Every stored day's telling of the story any day calls ``story_id``, oldest first; empty when none does."""
    stories: dict[Node, Story] = {}
    parent: dict[Node, Node] = {}

    def root(node: Node) -> Node:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for digest in digests:
        for story in digest.stories:
            node = (digest.date, story.id)
            stories[node] = story
            parent.setdefault(node, node)
    for (_day, _id), story in stories.items():
        for earlier in story.continues:
            node, other = (_day, _id), (earlier.date, earlier.story)
            if other in stories:  # an earlier digest replaced since (or unreadable) links nothing
                parent[root(node)] = root(other)
    named = {root(node) for node in stories if node[1] == story_id}
    found = [Telling(day, story) for (day, sid), story in stories.items() if root((day, sid)) in named]
    return sorted(found, key=lambda told: (told.day, told.story.rank))


def thread_id(tellings: list[Telling]) -> str:
    """The thread's stable name: the id of its first telling (``tellings`` as :func:`thread` orders them)."""
    return tellings[0].story.id
