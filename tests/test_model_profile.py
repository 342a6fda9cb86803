"""The model profile per backend (issue 24, item 5): the embedded model keeps its tight bounds, a large one gets room.

The large profile is tested with a recorded long answer (8 events, ~90-character statements, 10 sources)
served by a grammar-constrained scripted server (tests/grammar_model_server.py): under the large profile's
schema it arrives whole and the brief keeps it; under the small one the schema cuts it. The article and the
answer were written for this test. No large model was run.
"""

from __future__ import annotations

import json
from typing import Any

import openai
import pytest
import yaml

from summarizer import ConfigError, Summarizer
from summarizer.brief.engine import shared_summarizer
from summarizer.digest.briefing import brief_key
from summarizer.ingest.article import Article
from summarizer.llm.backends import backend_for, resolve_backend
from summarizer.llm.backends.remote import RemoteBackend
from summarizer.llm.draft import draft_digest, draft_model
from summarizer.llm.profile import LARGE, SMALL
from summarizer.schema import Brief
from summarizer.settings import PROFILE_ENV, Settings
from tests.conftest import ROOT
from tests.grammar_model_server import GrammarServer, grammar_model_server

SENTENCES = [
    "Marrowby's fire chief, Dalia Okonjo, said the river Tam burst its banks late on Tuesday and flooded about 300"
    " homes in the lower town.",
    "The Tamside county council said it had opened two emergency shelters at the sports hall and the grammar school"
    " for families forced from their homes.",
    "Tamside Rail said the line between Marrowby and Hollin Cross would stay closed until engineers had inspected"
    " the flooded viaduct at Eddern.",
    "According to the Tam river authority, water at the Eddern gauge reached 4.2 metres, the highest level since its"
    " records began in 1968.",
    "Police sergeant Owen Breck said officers rescued eleven people from the roofs of cars stranded on the flooded"
    " ring road during the night.",
    "Mayor Priya Venn said the town would ask the government for emergency funds to repair the damaged sea wall and"
    " two footbridges.",
    "The Marrowby Water Company said drinking water was safe but urged residents in the lower town to boil tap water"
    " as a precaution.",
    "Headteacher Miriam Sollis said the grammar school would stay closed to pupils for the rest of the week while it"
    " served as a shelter.",
    "The regional weather office said more rain was expected on Thursday and issued an amber warning for the whole"
    " of the Tam valley.",
    "In a note to brokers, the insurer Harland Mutual put the claims from households in Marrowby at more than 150 by"
    " Wednesday afternoon.",
]
ARTICLE = Article(
    text=" ".join(SENTENCES),
    title="Floods close Marrowby's lower town",
    outlet="Tamside Courier",
    published="2025-03-12",
    language="en",
)
EVENTS = [
    ("The river Tam burst its banks late on Tuesday and flooded about 300 homes in the lower town", 1, "confirmed"),
    ("The county council opened two emergency shelters at the sports hall and the grammar school", 2, "confirmed"),
    ("The line between Marrowby and Hollin Cross will stay closed until the viaduct is inspected", 3, "planned"),
    ("Water at the Eddern gauge reached 4.2 metres, the highest level since records began in 1968", 4, "confirmed"),
    ("Officers rescued eleven people from the roofs of cars stranded on the flooded ring road", 5, "confirmed"),
    ("The town will ask the government for emergency funds to repair the sea wall and footbridges", 6, "planned"),
    ("Residents in the lower town were urged to boil tap water as a precaution by the water company", 7, "confirmed"),
    ("The grammar school will stay closed to pupils for the rest of the week while it is a shelter", 8, "planned"),
]
SOURCES = [
    ("Dalia Okonjo", 1),
    ("Tamside county council", 2),
    ("Tamside Rail", 3),
    ("Tam river authority", 4),
    ("Owen Breck", 5),
    ("Priya Venn", 6),
    ("Marrowby Water Company", 7),
    ("Miriam Sollis", 8),
    ("regional weather office", 9),
    ("Harland Mutual", 10),
]
LONG_ANSWER: dict[str, Any] = {
    "h": "Floods close Marrowby's lower town",
    "sm": "The river Tam flooded about 300 homes in Marrowby; shelters opened and the rail line stays closed.",
    "ppl": ["Dalia Okonjo", "Owen Breck", "Priya Venn", "Miriam Sollis"],
    "org": ["Tamside Rail", "Marrowby Water Company", "Harland Mutual"],
    "plc": [{"n": "Marrowby", "t": "city"}, {"n": "Hollin Cross", "t": "city"}, {"n": "Eddern", "t": "site"}],
    "what": [{"e": e, "st": status, "s": [n]} for e, n, status in EVENTS],
    "src": [{"n": name, "s": [n]} for name, n in SOURCES],
    "tm": ["late on Tuesday", "Thursday", "1968"],
}


def brief_under(profile: str, server: GrammarServer) -> Brief:
    with Summarizer("scripted", base_url=server.url, model_profile=profile, max_passages=0) as summarizer:
        assert summarizer.profile.name == profile
        return summarizer.summarize(ARTICLE)


@pytest.fixture(scope="module")
def briefs() -> dict[str, tuple[Brief, GrammarServer]]:
    made = {}
    for profile in ("large", "small"):
        with grammar_model_server(LONG_ANSWER) as server:
            made[profile] = (brief_under(profile, server), server)
    return made


def test_the_recorded_answer_is_long() -> None:
    """The answer this bench records is what the issue asks for: 8 events, ~90-character statements, 10 sources."""
    assert len(LONG_ANSWER["what"]) == 8 and len(LONG_ANSWER["src"]) == 10
    assert all(85 <= len(event["e"]) <= 95 for event in LONG_ANSWER["what"])
    assert all(ARTICLE.text.find(name) >= 0 for name, _ in SOURCES)


def test_a_long_answer_arrives_whole_under_the_large_profile(briefs: dict[str, tuple[Brief, GrammarServer]]) -> None:
    _, server = briefs["large"]
    assert server.served[0] == LONG_ANSWER


def test_the_large_profile_keeps_every_event_whole(briefs: dict[str, tuple[Brief, GrammarServer]]) -> None:
    brief, _ = briefs["large"]
    assert [(e.description, e.origin) for e in brief.what] == [(e, "model") for e, _, _ in EVENTS]
    assert [e.status for e in brief.what] == [status for _, _, status in EVENTS]


def test_the_large_profile_keeps_every_source(briefs: dict[str, tuple[Brief, GrammarServer]]) -> None:
    """A source for each of the ten sentences the answer cites (the brief names one as the article does: "Marrowby's
    fire chief" for Dalia Okonjo)."""
    brief, _ = briefs["large"]
    assert all(_credited(brief, n) for _, n in SOURCES), [(s.name, s.origin) for s in brief.sources]


def _source_names(brief: Brief) -> str:
    return " | ".join(text for s in brief.sources for text in [s.name, *(m.text for m in s.mentions)])


def _credited(brief: Brief, sentence: int) -> bool:
    """Whether a source of the brief has the article's ``sentence`` (numbered from 1) as evidence."""
    start = ARTICLE.text.index(SENTENCES[sentence - 1])
    return any(span.start == start for source in brief.sources for span in source.evidence)


def test_the_small_profile_cuts_the_same_answer(briefs: dict[str, tuple[Brief, GrammarServer]]) -> None:
    brief, server = briefs["small"]
    served = server.served[0]
    assert len(served["what"]) == SMALL.events and len(served["src"]) == SMALL.sources
    assert all(len(event["e"]) <= SMALL.event_chars for event in served["what"])
    model_events = [e.description for e in brief.what if e.origin == "model"]
    assert len(model_events) <= SMALL.events
    assert not set(model_events) & {e for e, _, _ in EVENTS}, "a statement cut at the bound is not shown as written"
    last = SOURCES[-1][0]  # past the small bound, and the rules miss it ("Harland Mutual put the claims at")
    assert last not in _source_names(brief) and last in _source_names(briefs["large"][0])


def test_the_large_profile_is_grounded_the_same(briefs: dict[str, tuple[Brief, GrammarServer]]) -> None:
    """Room is not trust: every kept event's evidence is the article's own text, an invented one is dropped."""
    brief, _ = briefs["large"]
    for event in brief.what:
        assert all(ARTICLE.text[s.start : s.end] == s.text for s in event.evidence)
    invented = {**LONG_ANSWER, "what": [*LONG_ANSWER["what"][:7], {"e": "The mayor resigned over the flood response",
                                                                     "st": "confirmed", "s": [6]}]}  # fmt: skip
    with grammar_model_server(invented) as server:
        kept = brief_under("large", server)
    assert not any("resigned" in e.description for e in kept.what)


def test_the_small_schema_is_the_recorded_one() -> None:
    """The small profile sends exactly the schema the cassettes recorded (so they replay unchanged)."""
    cassette = yaml.safe_load((ROOT / "cassettes" / "test_seed_brief.yaml").read_text())
    body = json.loads(cassette["interactions"][0]["request"]["body"])
    recorded = json.loads(body["grammar"].split("%json ", 1)[1].split("\n", 1)[0])
    recorded.pop("x-guidance")
    sentences = recorded["$defs"]["Event"]["properties"]["s"]["items"]["maximum"]
    assert draft_model(sentences, SMALL).model_json_schema() == recorded
    assert draft_model(sentences).model_json_schema() == recorded
    assert draft_model(sentences, LARGE).model_json_schema() != recorded
    assert body["max_tokens"] == SMALL.answer_tokens


def test_stored_answers_are_keyed_by_the_profile() -> None:
    """A digest store keys answers by the draft schema: a large model's answers are not rebuilt as a small one's."""
    url = "http://127.0.0.1:9/v1"
    with Summarizer("m", base_url=url) as small, Summarizer("m", base_url=url, model_profile="large") as large:
        assert brief_key(small).schema_version == f"draft#{draft_digest()}"
        assert brief_key(large).schema_version == f"draft#{draft_digest(LARGE)}" != brief_key(small).schema_version


def test_each_backend_gets_its_profile() -> None:
    assert resolve_backend("local").capabilities.profile == SMALL
    assert resolve_backend("none").capabilities.profile == SMALL
    assert resolve_backend("m", base_url="http://127.0.0.1:9/v1").capabilities.profile == SMALL
    assert resolve_backend("openai/gpt-4o", api_key="k").capabilities.profile == LARGE
    declared = resolve_backend("m", base_url="http://127.0.0.1:9/v1", model_profile="large")
    assert declared.capabilities.profile == LARGE
    assert resolve_backend("openai/gpt-4o", api_key="k", model_profile="small").capabilities.profile == SMALL
    at_openai = openai.OpenAI(api_key="k")
    assert resolve_backend("gpt-4o", client=at_openai).capabilities.profile == LARGE
    elsewhere = openai.OpenAI(api_key="k", base_url="http://127.0.0.1:9/v1")
    assert resolve_backend("m", client=elsewhere).capabilities.profile == SMALL
    assert resolve_backend("m", client=elsewhere, model_profile="large").capabilities.profile == LARGE


def test_the_embedded_model_stays_small_whatever_is_declared() -> None:
    settings = Settings.resolve("local", model_profile="large", environ={})
    assert backend_for(settings).capabilities.profile == SMALL


def test_the_profile_is_read_from_the_environment_below_the_argument() -> None:
    environ = {PROFILE_ENV: "large"}
    url = "http://127.0.0.1:9/v1"
    assert backend_for(Settings.resolve("m", base_url=url, environ=environ)).capabilities.profile == LARGE
    argued = Settings.resolve("m", base_url=url, model_profile="small", environ=environ)
    assert backend_for(argued).capabilities.profile == SMALL
    assert Settings.resolve(environ={}).model_profile is None


def test_an_unknown_profile_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="model_profile="):
        resolve_backend("m", base_url="http://127.0.0.1:9/v1", model_profile="huge")
    with pytest.raises(ConfigError, match="unknown model profile"):
        backend_for(Settings.resolve("local", model_profile="huge", environ={}))


def test_the_shared_summarizer_is_keyed_by_the_profile() -> None:
    url = "http://127.0.0.1:9/v1"
    small = shared_summarizer("m", base_url=url)
    large = shared_summarizer("m", base_url=url, model_profile="large")
    assert small is not large and (small.profile, large.profile) == (SMALL, LARGE)


def test_a_remote_backend_says_its_profile() -> None:
    backend = RemoteBackend("openai-compatible", "m", "http://127.0.0.1:9/v1", "none", profile=LARGE)
    assert "profile='large'" in repr(backend)


def test_the_cli_offers_the_flag() -> None:
    from click.testing import CliRunner

    from summarizer.cli import cli

    help_text = CliRunner().invoke(cli, ["brief", "--help"]).output
    assert "--model-profile" in help_text and "SUMMARIZER_MODEL_PROFILE" in help_text
    refused = CliRunner().invoke(cli, ["brief", "--model-profile", "huge", "-"], input="x")
    assert refused.exit_code != 0 and "huge" in refused.output
