"""The web app: one FastAPI application assembled from one router per family.

`create_app(settings)` builds it (nothing is built at import time); the routes get the
settings through a dependency that reads them from the app, so tests pass their own.
(FastAPI's `dependency_overrides` would do too, but it re-reads the override's signature
on every request.)
"""

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from sozialgraph.api import routes_health, routes_sparql, routes_store
from sozialgraph.api.errors import install_error_handlers
from sozialgraph.api.query_service import ROW_LIMIT_HEADER, TRUNCATED_HEADER, QueryService
from sozialgraph.graph.settings import Settings, get_settings

ROUTERS = (routes_health.router, routes_sparql.router, routes_store.router)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app for these settings (default: the process settings from the environment)."""
    settings = settings or get_settings()
    service = QueryService(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await service.start()
        try:
            yield
        finally:
            await service.close()

    app = FastAPI(
        title="sozialgraph",
        summary="Knowledge graph of a city's social infrastructure: SPARQL endpoint and API",
        lifespan=lifespan,
        docs_url=None,  # the interactive docs load scripts from a CDN; the app stays offline
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.service = service
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
        allow_headers=["Accept", "Content-Type"],
        expose_headers=[TRUNCATED_HEADER, ROW_LIMIT_HEADER],
    )
    return app
