"""The daily digest: many articles in, ranked stories out, every line traced to its articles."""

from summarizer.digest.build import build_digest
from summarizer.digest.schema import DIGEST_SCHEMA_VERSION, Digest, Story

__all__ = ["DIGEST_SCHEMA_VERSION", "Digest", "Story", "build_digest"]
