"""JSON output: the Brief exactly as schemas/brief.schema.json describes it."""

from __future__ import annotations

import json

from summarizer.schema import Brief


def render_json(brief: Brief) -> str:
    return json.dumps(brief.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
