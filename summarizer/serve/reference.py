"""The API reference, written from the app's own OpenAPI: ``docs/api.md`` and the server's ``/docs`` page.

Both come from :func:`reference`, so neither can drift from the routes and
pydantic schemas the server runs (a test compares ``docs/api.md`` with a fresh
one). The page is plain HTML with no script and no CDN: it works offline, behind
any proxy, and every text in it is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

METHODS = ("get", "post", "put", "patch", "delete")
_REF = "#/components/schemas/"


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]


@dataclass(frozen=True)
class Section:
    """One operation, or one schema: a title, its prose, its tables (each with a caption)."""

    anchor: str
    title: str
    text: str = ""
    tables: list[tuple[str, Table]] = field(default_factory=list)


def reference(spec: dict[str, Any]) -> tuple[list[Section], list[Section]]:
    """The operations, then the schemas their requests and answers name, in the order the spec gives them."""
    operations, named = [], []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                operation = item[method]
                operations.append(_operation(method, path, operation))
                named += [n for n in _schemas_of(operation) if n not in named]
    schemas = spec.get("components", {}).get("schemas", {})
    return operations, [_schema(name, schemas[name]) for name in named if name in schemas]


def _operation(method: str, path: str, operation: dict[str, Any]) -> Section:
    key = "a key (`Authorization: Bearer KEY`) when the server has keys" if operation.get("security") else "no key"
    text = f"{_prose(operation.get('description', ''))}\n\nNeeds {key}.".strip()
    tables: list[tuple[str, Table]] = []
    if parameters := operation.get("parameters"):
        rows = [(p["name"], p["in"], "yes" if p.get("required") else "no", _type(p.get("schema", {})),
                 _default(p.get("schema", {})), _prose(p.get("description", "")))
                for p in parameters]  # fmt: skip
        tables.append(("Parameters", Table(("name", "in", "required", "type", "default", "meaning"), rows)))
    if body := operation.get("requestBody"):
        bodies = [(kind, _type(content.get("schema", {}))) for kind, content in body.get("content", {}).items()]
        tables.append(("Request body", Table(("content type", "schema"), bodies)))
    answers = [(status, _prose(answer.get("description", "")), ", ".join(_answer_types(answer)))
               for status, answer in sorted(operation.get("responses", {}).items())]  # fmt: skip
    tables.append(("Answers", Table(("status", "meaning", "body"), answers)))
    title = f"{method.upper()} {path}"
    return Section(_anchor(title), f"{title}: {operation.get('summary', '')}".rstrip(": "), text, tables)


def _schema(name: str, schema: dict[str, Any]) -> Section:
    required = set(schema.get("required", []))
    rows = [(field_name, _type(prop), "yes" if field_name in required else "no", _prose(prop.get("description", "")))
            for field_name, prop in schema.get("properties", {}).items()]  # fmt: skip
    tables = [("Fields", Table(("field", "type", "required", "meaning"), rows))] if rows else []
    return Section(_anchor(name), name, _prose(schema.get("description", "")), tables)


def _schemas_of(operation: dict[str, Any]) -> list[str]:
    found = re.findall(r"'\$ref': '#/components/schemas/([^']+)'", str(operation))
    return list(dict.fromkeys(found))


def _answer_types(answer: dict[str, Any]) -> list[str]:
    return [f"{kind} ({_type(content['schema'])})" if content.get("schema") else kind
            for kind, content in answer.get("content", {}).items()]  # fmt: skip


def _type(schema: dict[str, Any]) -> str:
    """A schema as a short type: ``Brief``, ``string``, ``list of Story``, ``string or null``."""
    if "$ref" in schema:
        return str(schema["$ref"]).removeprefix(_REF)
    for either in ("anyOf", "oneOf"):
        if either in schema:
            return " or ".join(dict.fromkeys(_type(part) for part in schema[either]))
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {_type(schema.get('items', {}))}"
    if "enum" in schema:
        return " | ".join(f'"{value}"' for value in schema["enum"])
    return str(kind)


def _default(schema: dict[str, Any]) -> str:
    return "" if "default" not in schema else str(schema["default"])


def _prose(text: str) -> str:
    """A docstring's text on one line per paragraph, reST's double backticks as Markdown's single ones."""
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p).replace("``", "`")


def _anchor(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def as_markdown(spec: dict[str, Any]) -> str:
    """``docs/api.md``: every operation and schema of the OpenAPI, as Markdown."""
    operations, schemas = reference(spec)
    info = spec.get("info", {})
    lines = [
        "# API reference",
        "",
        f"Written from the OpenAPI {spec.get('openapi', '')} of `summarizer serve` by `python scripts/api_reference.py`"
        " (a test fails when it is out of date); the server shows the same at `/docs` and the spec at"
        " `/openapi.json`. How to run the server: [Brief API](serve.md).",
        "",
        _prose(info.get("summary", "")),
    ]
    for heading, sections in (("Operations", operations), ("Schemas", schemas)):
        lines += ["", f"## {heading}"]
        for section in sections:
            lines += [*([""] if lines[-1] else []), f"### {section.title}", ""]
            if section.text:
                lines += [section.text, ""]
            for caption, table in section.tables:
                lines += [f"{caption}:", "", _markdown_table(table), ""]
    return "\n".join(line.rstrip() for line in lines).rstrip() + "\n"


def _markdown_table(table: Table) -> str:
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|").replace("\n\n", " ") or " " for cell in cells) + " |"

    return "\n".join([row(table.header), row(tuple("---" for _ in table.header)), *(row(r) for r in table.rows)])


def as_html(spec: dict[str, Any]) -> str:
    """The ``/docs`` page: the same reference, one self-contained HTML page (no script, no outside request)."""
    operations, schemas = reference(spec)
    info = spec.get("info", {})
    title = f"{info.get('title', 'API')} {info.get('version', '')} API reference".strip()
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title>",
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}"
        "table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #888;padding:.25rem .5rem;"
        "text-align:left;vertical-align:top}code{background:#eee;padding:0 .2rem}a{color:#0645ad}"
        "a:focus{outline:3px solid #1a1a1a}</style></head><body>",
        f'<header><h1>{_h(title)}</h1><p>The spec itself: <a href="/openapi.json">/openapi.json</a>.</p></header>',
        '<nav aria-label="Operations"><ul>',
        *(f'<li><a href="#{s.anchor}">{_h(s.title)}</a></li>' for s in operations),
        "</ul></nav><main>",
    ]
    for heading, sections in (("Operations", operations), ("Schemas", schemas)):
        parts.append(f"<h2>{heading}</h2>")
        for section in sections:
            parts.append(f'<section id="{section.anchor}"><h3>{_h(section.title)}</h3>')
            parts += [f"<p>{_inline(p)}</p>" for p in section.text.split("\n\n") if p]
            for caption, table in section.tables:
                parts.append(f"<table><caption>{_h(caption)}</caption><tr>")
                parts += [f'<th scope="col">{_h(cell)}</th>' for cell in table.header]
                parts.append("</tr>")
                for row in table.rows:
                    parts.append("<tr>" + "".join(f"<td>{_inline(cell)}</td>" for cell in row) + "</tr>")
                parts.append("</table>")
            parts.append("</section>")
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _inline(text: str) -> str:
    """Escaped text with Markdown's `code` as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", _h(text))
