"""``GET /metrics``: the route that serves :class:`summarizer.serve.metrics.Metrics` (apart from them, so the
metrics import no route: the routes' shared state, ``service.Service``, holds a ``Metrics``)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4

from summarizer.serve.metrics import Metrics
from summarizer.serve.problems import PROBLEM_TYPE
from summarizer.serve.routes import require_key
from summarizer.serve.schemas import Problem


def metrics_router(metrics: Metrics) -> APIRouter:
    """``GET /metrics``, under the same key rule as ``/v1`` (a Prometheus scrape sends the key as a bearer token)."""
    router = APIRouter(dependencies=[Depends(require_key)])
    text = {CONTENT_TYPE_PLAIN_0_0_4: {"schema": {"type": "string"}}}

    @router.get(
        "/metrics",
        summary="Prometheus metrics",
        response_class=Response,
        responses={
            200: {"content": text, "description": "The metrics, in Prometheus text format"},
            401: {"model": Problem, "content": {PROBLEM_TYPE: {}}, "description": "No valid API key"},
        },
    )
    async def get_metrics() -> Response:
        return Response(metrics.render(), media_type=CONTENT_TYPE_PLAIN_0_0_4)

    return router
