"""Write docs/api.md from the OpenAPI of `summarizer serve` (the `none` backend, a throwaway store).

python scripts/api_reference.py          # rewrite docs/api.md
python scripts/api_reference.py --check  # exit 1 when docs/api.md is out of date
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "api.md"


def served_spec() -> dict[str, Any]:
    """The OpenAPI the server gives at /openapi.json (it depends on the routes and schemas, not on the model)."""
    from summarizer.brief.engine import Summarizer
    from summarizer.digest.store import Store
    from summarizer.serve import create_app

    with tempfile.TemporaryDirectory() as scratch, Store(Path(scratch) / "store.sqlite") as store:
        return create_app(Summarizer("none"), store).openapi()


def main() -> int:
    from summarizer.serve.reference import as_markdown

    fresh = as_markdown(served_spec())
    if "--check" in sys.argv[1:]:
        if TARGET.read_text(encoding="utf-8") != fresh:
            print(f"{TARGET} is out of date: run python scripts/api_reference.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(fresh, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
