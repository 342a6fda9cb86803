"""The ``summarizer`` command line. Each command lives in its own module."""

from __future__ import annotations

import logging

import click

from summarizer import __version__
from summarizer.cli.batch import batch_command
from summarizer.cli.brief import brief
from summarizer.cli.digest import digest_command
from summarizer.cli.evaluate import evaluate_command
from summarizer.cli.logs import QUIET_HELP, VERBOSITY_HELP, configure
from summarizer.cli.model import model_group
from summarizer.cli.serve import serve_command
from summarizer.cli.watch import watch_command


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="summarizer")
@click.option("-v", "--verbose", count=True, help=VERBOSITY_HELP)
@click.option("-q", "--quiet", is_flag=True, help=QUIET_HELP)
def cli(verbose: int, quiet: bool) -> None:
    """Grounded briefs of news articles: who, what, where, when, sources and uncertainty.

    Every item in a brief points at the exact article text it rests on. The
    default model runs embedded on your CPU: no API key, no network.

    \b
    Examples:
      summarizer brief examples/wikinews-ahmed-mohamed.json
      summarizer brief https://example.com/news/story.html
      cat article.txt | summarizer brief - --format json | jq .who
      summarizer brief article.json --model openai/gpt-4o-mini
      summarizer brief article.md --base-url http://localhost:11434/v1 --model llama3.2
      summarizer -v brief article.txt --model gpt-4o-mini   # retries, re-asks, fallbacks on stderr
      summarizer digest tests/data/gum-news --out digests
      summarizer model fetch   # the embedded model, once (1.1 GB)
      summarizer eval ../shared/eval/gum-news --report eval.json
      summarizer batch articles.parquet --out briefs --engine ray
      summarizer serve --keys keys.txt --host 0.0.0.0   # the brief API over HTTP
      summarizer watch https://example.com/world.rss --every 15m   # today's digest, kept current

    -v/-vv/-q go before the command: summarizer -v digest ...
    """
    configure(verbose, quiet)


cli.add_command(brief)
cli.add_command(evaluate_command)
cli.add_command(digest_command)
cli.add_command(batch_command)
cli.add_command(model_group)
cli.add_command(serve_command)
cli.add_command(watch_command)


def main() -> None:
    # Instructor logs every failed attempt; the CLI reports failures itself, once.
    logging.getLogger("instructor").setLevel(logging.CRITICAL)
    cli()
