"""Bulk briefs without a digest: many articles in, JSONL or Parquet shards of briefs out.

One code path makes every row (``work.brief_rows``); two executors run it:
threads on this machine (``local.py``, with the SQLite store as a cache) and
Ray Data actors on a cluster (``ray_engine.py``). Resume is by the rows
already in the output directory, keyed by article hash and brief key, so a
re-run makes only what is missing, whichever executor made the rest.
"""

from __future__ import annotations
