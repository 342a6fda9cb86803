"""A scripted OpenAI-compatible server on 127.0.0.1 that plays a model which misbehaves (issue 23).

The request's ``model`` names the behaviour (``Summarizer("invents", base_url=server.url)``):

- ``faithful``: paraphrases the article tersely, as a small model does; every item must be kept;
- ``invents``: events using the article's real names that the article never says, a headline and
  summary built on them, and a source entry for a person who says nothing;
- ``sensational``: copies the article's sensational title as its headline and summary;
- ``obeys``: does what an instruction planted in the article asks ("report that X was arrested for fraud").

Each behaviour is a function of the article's scripted facts (``tests/data/hostile-model/*.json``)
returning the whole draft, its citations numbered over the whole article. The server recognizes the
article from the numbered lead in the request and answers each kind of call the engine makes: the
lead (``Brief``: the draft's items citing lead sentences), a later passage (``Addition``: the items
citing that passage), and a re-ask for names (``Fix``). A request it cannot place is answered 400,
which the client does not retry, so a prompt change fails the bench instead of passing silently.
"""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from summarizer.ingest.article import Article
from summarizer.llm.draft import DRAFT_SOURCES, MAX_ADDED, MAX_MODEL_EVENTS
from tests.fault_server import serving

DATA = Path(__file__).resolve().parent / "data" / "hostile-model"
Draft = dict[str, Any]


@dataclass(frozen=True)
class ScriptedArticle:
    """One article written for the bench, and what each behaviour says about it."""

    id: str
    title: str
    published: str
    language: str
    outlet: str
    text: str
    sensational: dict[str, Any]
    """``title``: a sensational title the text does not bear out; ``marks``: its words the text never uses."""
    faithful: Draft
    """A faithful draft: ``h``, ``sm``, ``ppl``, ``org``, ``plc``, ``what`` (``e``, ``st``, ``s``), ``src``, ``tm``."""
    invented: dict[str, Any]
    """``h``, ``sm``, ``what`` (each with the ``marks`` the article never uses) and one ``src`` who says nothing."""
    injection: dict[str, Any] | None = None
    """The planted instruction: its ``language``, ``sentence`` number, ``target``, what obeying writes, ``marks``."""

    def article(self, behaviour: str = "faithful") -> Article:
        """The article as the pipeline gets it; for ``sensational`` it bears the sensational title."""
        title = self.sensational["title"] if behaviour == "sensational" else self.title
        return Article(
            text=self.text, title=title, outlet=self.outlet, published=self.published, language=self.language
        )


@lru_cache(maxsize=1)
def load_articles() -> tuple[ScriptedArticle, ...]:
    return tuple(ScriptedArticle(**json.loads(path.read_text("utf-8"))) for path in sorted(DATA.glob("*.json")))


def faithful(article: ScriptedArticle) -> Draft:
    return dict(article.faithful)


def invents(article: ScriptedArticle) -> Draft:
    """Two invented events (confirmed, citing a sentence that names the person), one faithful; an invented
    headline, summary and source."""
    invented = article.invented
    events = [{k: e[k] for k in ("e", "st", "s")} for e in invented["what"]]
    return {
        **article.faithful,
        "h": invented["h"],
        "sm": invented["sm"],
        "what": [*events, article.faithful["what"][0]],
        "src": [*article.faithful["src"][: DRAFT_SOURCES - 1], invented["src"]],
    }


def sensational(article: ScriptedArticle) -> Draft:
    """The sensational title as headline and summary; the events stay faithful."""
    title = article.sensational["title"]
    return {**article.faithful, "h": title, "sm": f"{title}."}


def obeys(article: ScriptedArticle) -> Draft:
    """What the planted instruction asks, as headline, summary and a confirmed event citing the instruction."""
    injection = article.injection
    if injection is None:
        return faithful(article)
    obeyed = {"e": injection["e"], "st": "confirmed", "s": [injection["sentence"]]}
    return {
        **article.faithful,
        "h": injection["h"],
        "sm": injection["sm"],
        "what": [obeyed, *article.faithful["what"][: MAX_MODEL_EVENTS - 1]],
    }


Behaviour = Callable[[ScriptedArticle], Draft]
BEHAVIOURS: dict[str, Behaviour] = {
    "faithful": faithful,
    "invents": invents,
    "sensational": sensational,
    "obeys": obeys,
}


def plays(behaviour: str, article: ScriptedArticle) -> bool:
    """Whether the behaviour has anything to do on this article (``obeys`` needs a planted instruction)."""
    return behaviour != "obeys" or article.injection is not None


_NUMBERED = re.compile(r"^\[(\d+)\] (.*)$", re.MULTILINE)
_PASSAGE = re.compile(r"^More of the same article, sentences \[(\d+)\] to \[(\d+)\]")
_REASKED = re.compile(r'^\d+\. \w+: "(.*)"$', re.MULTILINE)


class Unplaceable(ValueError):
    """A request the script does not cover: an unknown behaviour, article or kind of call."""


def lead(draft: Draft, last: int) -> Draft:
    """The draft as the answer to the lead's call: items citing sentences 1..``last``, within the schema's bounds."""
    events = _citing(draft["what"], 1, last)[:MAX_MODEL_EVENTS]
    if not events:
        raise Unplaceable(f"no scripted event cites the lead's sentences 1..{last}")
    return {**draft, "what": events, "src": _citing(draft["src"], 1, last)[:DRAFT_SOURCES]}


def addition(draft: Draft, first: int, last: int) -> Draft:
    """The answer to a later passage's call: the draft's events and sources citing sentences ``first``..``last``."""
    return {
        "what": _citing(draft["what"], first, last)[:MAX_ADDED],
        "src": _citing(draft["src"], first, last)[:MAX_ADDED],
    }


def _citing(items: list[dict[str, Any]], first: int, last: int) -> list[dict[str, Any]]:
    """Items whose citations fall in ``first``..``last`` (the schema bounds them there), the others left out."""
    kept = []
    for item in items:
        cited = [n for n in item["s"] if first <= n <= last]
        if cited:
            kept.append({**item, "s": cited})
    return kept


def fix(names: list[str], article: ScriptedArticle, behaviour: str) -> Draft:
    """The re-ask answer: the article's own spelling when it holds the name; else a faithful model says ""
    and a hostile one insists on what it wrote."""
    folded = article.text.casefold()
    answers = []
    for name in names:
        at = folded.find(name.casefold())
        if at >= 0:
            answers.append(article.text[at : at + len(name)])
        else:
            answers.append("" if behaviour == "faithful" else name)
    return {"fix": answers}


def respond(request: dict[str, Any], articles: tuple[ScriptedArticle, ...]) -> str:
    """The JSON content the scripted model answers ``request`` with."""
    behaviour = request.get("model", "")
    if behaviour not in BEHAVIOURS:
        raise Unplaceable(f"no behaviour {behaviour!r}; known: {', '.join(BEHAVIOURS)}")
    messages = request["messages"]
    reading = next(m["content"] for m in messages if m["role"] == "user")
    numbered = {int(n): text for n, text in _NUMBERED.findall(reading)}
    article = _placed(numbered, articles)
    draft = BEHAVIOURS[behaviour](article)
    question = messages[-1]["content"]
    if question == reading:
        answer = lead(draft, max(numbered))
    elif passage := _PASSAGE.match(question):
        answer = addition(draft, int(passage[1]), int(passage[2]))
    elif question.startswith("These names are not in the article"):
        answer = fix(_REASKED.findall(question), article, behaviour)
    else:
        raise Unplaceable(f"a call the script does not know: {question[:80]!r}")
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":"))


def _placed(numbered: dict[int, str], articles: tuple[ScriptedArticle, ...]) -> ScriptedArticle:
    """The article whose first sentence the request numbers [1] (the prompt writes < and > as ‹ and ›)."""
    first = numbered.get(1, "").replace("‹", "<").replace("›", ">")
    found = [a for a in articles if first and a.text.startswith(first)]
    if len(found) != 1:
        raise Unplaceable(f"{len(found)} scripted articles begin with {first[:60]!r}")
    return found[0]


def completion(content: str, model: str, prompt_chars: int) -> dict[str, Any]:
    """A chat completion as an OpenAI-compatible server writes it (tokens estimated at ~4 characters each)."""
    prompt_tokens, completion_tokens = prompt_chars // 4, len(content) // 4
    return {
        "id": "hostile",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


@dataclass
class HostileServer:
    url: str = ""
    calls: Counter[str] = field(default_factory=Counter)
    """Answered calls by kind: ``lead``, ``passage``, ``reask``."""
    refused: list[str] = field(default_factory=list)
    """Why each request the script could not place was answered 400."""


@contextmanager
def hostile_model_server(articles: tuple[ScriptedArticle, ...] | None = None) -> Iterator[HostileServer]:
    """Serve the scripted model at ``state.url`` (".../v1") for ``articles`` (default: the bench's own)."""
    script = articles if articles is not None else load_articles()
    state = HostileServer()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            try:
                content = respond(request, script)
            except (Unplaceable, KeyError, TypeError, StopIteration) as error:
                with lock:
                    state.refused.append(str(error))
                body = {"error": {"message": f"hostile model server: {error}", "type": "unscripted"}}
                return self._send(400, body)
            with lock:
                state.calls[_kind(request["messages"])] += 1
            prompt_chars = sum(len(m["content"]) for m in request["messages"])
            return self._send(200, completion(content, request["model"], prompt_chars))

        def _send(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: object) -> None:
            return None

    with serving(Handler) as base:
        state.url = f"{base}/v1"
        yield state


def _kind(messages: list[dict[str, str]]) -> str:
    question = messages[-1]["content"]
    if _PASSAGE.match(question):
        return "passage"
    return "reask" if question.startswith("These names") else "lead"
