"""Run ``ray_engine.run_ray`` in a process whose every article-reading function is broken (tests/test_ray.py).

Whatever articles come back were read by Ray Data's workers, since this driver
cannot read one. Run in its own process (not pytest's, which blocks every
address but loopback, while Ray joins a local head by the machine's address).

    python -m tests.ray_read_probe CLUSTER BASE_URL HELD_JSON SPEC...

Prints one JSON object: the rows made (source, hash, whether it has a brief) and the inputs settled.
"""

from __future__ import annotations

import json
import sys

from summarizer.bulk import inputs, ray_engine, ray_inputs
from summarizer.bulk.settings import JobSettings
from summarizer.digest.store import BriefKey
from summarizer.ingest import inputs as ingest_inputs
from summarizer.settings import Settings


def read_here(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("the driver read an article")


def main(cluster: str, base_url: str, held: set[str], specs: list[str]) -> dict[str, object]:
    work_units = list(inputs.units(specs))  # listing reads no article: it runs before the break
    # Broken here only: Ray ships read_blocks by reference, and its worker imports these modules whole.
    for module, name in [(inputs, "read_unit"), (ray_inputs, "read_unit"),
                         (ingest_inputs, "collect"), (ingest_inputs, "directory_entry"), (inputs, "read_parquet"),
                         (inputs, "read_inputs")]:  # fmt: skip
        setattr(module, name, read_here)
    settled: list[list[str | None]] = []
    settings = JobSettings(model=Settings.resolve(base_url=base_url, environ={}))
    key = BriefKey(model="scripted", prompt_version="p", schema_version="s")
    try:
        rows = [
            [row["source"], row["article_hash"], row["brief"] is not None]
            for batch in ray_engine.run_ray(
                work_units, held, lambda *args: settled.append(list(args)), settings, key, address=cluster, actors=1
            )
            for row in batch
        ]
    finally:
        ray_engine.leave()
    return {"units": len(work_units), "rows": rows, "settled": settled}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], set(json.loads(sys.argv[3])), sys.argv[4:])))
