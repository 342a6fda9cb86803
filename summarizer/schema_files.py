"""Export the public JSON Schemas to ``schemas/`` (the contract for other languages)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from summarizer.digest.schema import Digest
from summarizer.schema import Brief

SCHEMAS: dict[str, type[BaseModel]] = {"brief.schema.json": Brief, "digest.schema.json": Digest}


def schema_documents() -> dict[str, str]:
    return {
        name: json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
        for name, model in SCHEMAS.items()
    }


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = directory / name
        path.write_text(text)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_schemas(Path(__file__).resolve().parent.parent / "schemas"):
        print(path)
