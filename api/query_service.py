"""Answering a query on the public endpoint: refuse what must not run, negotiate, limit, run.

The dataset is always the public one: the worker reads a snapshot that holds public graphs
only (embedded store) or gets the request's dataset cut down to the public graphs (remote
store). With no dataset in the request or the query, the default graph is the union of the
public graphs.
"""

import logging

from fastapi import Response
from sozialgraph.api.errors import (
    BadGateway,
    BadRequest,
    Forbidden,
    NotAcceptable,
    NotFound,
    Unavailable,
)
from sozialgraph.api.negotiation import choose
from sozialgraph.api.query_pool import QueryPool, QueryTimedOut
from sozialgraph.api.query_worker import Job, Reply
from sozialgraph.api.snapshot import Snapshot, SnapshotKeeper
from sozialgraph.api.sparql_request import SparqlRequest
from sozialgraph.api.sparql_results import graph_offers, results_offers
from sozialgraph.api.sparql_text import dataset_clauses, mentions_keyword, query_form
from sozialgraph.graph.settings import Settings
from starlette.concurrency import run_in_threadpool

log = logging.getLogger("sozialgraph.api")
TRUNCATED_HEADER = "Sozialgraph-Truncated"
ROW_LIMIT_HEADER = "Sozialgraph-Row-Limit"


def parse_timeout(raw: str | None, settings: Settings) -> float:
    """The request's time limit: `timeout` seconds if given, up to the maximum."""
    if raw is None or raw == "":
        return settings.query_timeout
    try:
        value = float(raw)
    except ValueError:
        raise BadRequest(
            f"timeout must be a number of seconds, not {raw!r}", parameter="timeout"
        ) from None
    if not 0 < value <= settings.max_query_timeout:
        raise BadRequest(
            f"timeout must be more than 0 and at most {settings.max_query_timeout:g} seconds",
            parameter="timeout",
        )
    return value


def _negotiate(accept: str | None, offers: list[str], what: str) -> str:
    chosen = choose(accept, offers)
    if chosen is None:
        raise NotAcceptable(
            f"cannot answer {what} as {accept}; available: {', '.join(offers)}", parameter="accept"
        )
    return chosen


class QueryService:
    """The worker pool and the snapshot keeper behind `/sparql` and `/store` reads."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.keeper = SnapshotKeeper(settings)
        self.pool = QueryPool(settings.query_workers)

    async def start(self) -> None:
        await self.pool.start()

    async def close(self) -> None:
        await self.pool.close()

    async def snapshot(self) -> Snapshot:
        """The current public snapshot (rebuilt off the loop when the store changed)."""
        if self.keeper.is_fresh():
            return self.keeper.current()
        return await run_in_threadpool(self.keeper.current)

    async def query(self, request: SparqlRequest, accept: str | None, base_iri: str) -> Response:
        """Run a protocol query and answer in the negotiated format."""
        text = request.text
        timeout = parse_timeout(request.timeout, self.settings)
        if mentions_keyword(text, "SERVICE"):
            raise Forbidden(
                "SERVICE is not available on this endpoint: it would let anyone make the "
                "server send requests to other addresses; federate from your own client",
                parameter="query",
            )
        form = query_form(text)
        if form is None:
            raise BadRequest(
                "not a SPARQL query: no SELECT, CONSTRUCT, DESCRIBE or ASK", parameter="query"
            )
        graphs = form in ("CONSTRUCT", "DESCRIBE")
        media_type = _negotiate(
            accept, graph_offers() if graphs else results_offers(), f"a {form} query"
        )
        snapshot = await self.snapshot()
        job = Job(
            text=text, media_type=media_type, cap=self.settings.max_result_rows,
            base_iri=base_iri, **self._dataset(request, snapshot, text, base_iri),
        )  # fmt: skip
        return self._answer(await self._run(job, timeout), media_type)

    def _dataset(self, request: SparqlRequest, snapshot: Snapshot, text: str, base: str) -> dict:
        public, remote = snapshot.public_graphs, self.settings.is_remote
        where = {"remote": self.settings} if remote else {"location": snapshot.location}
        if request.has_dataset:
            defaults, named = request.default_graphs, request.named_graphs
        else:
            defaults, named = dataset_clauses(text, base)
            if not defaults and not named:
                if remote:  # a remote server's own default dataset may hold anything
                    return {**where, "default_graphs": sorted(public),
                            "named_graphs": sorted(public)}  # fmt: skip
                return {**where, "union": True}
            if not remote:
                return where  # the query's FROM, on a snapshot that holds public graphs only
        return {
            **where,
            "default_graphs": [g for g in defaults if g in public],
            "named_graphs": [g for g in named if g in public],
        }

    async def read_graph(self, graph: str, accept: str | None) -> Response:
        """A public graph (or the store's default graph) for the Graph Store Protocol."""
        snapshot = await self.snapshot()
        if graph != "default" and graph not in snapshot.public_graphs:
            raise NotFound(f"there is no graph <{graph}>", parameter="graph")
        media_type = _negotiate(accept, graph_offers(datasets=False), "a graph")
        job = Job(
            text="", media_type=media_type, cap=self.settings.max_result_rows, graph=graph,
            location=snapshot.location,
            remote=self.settings if self.settings.is_remote else None,
        )  # fmt: skip
        return self._answer(await self._run(job, self.settings.query_timeout), media_type)

    async def _run(self, job: Job, timeout: float) -> Reply:
        try:
            return await self.pool.run(job, timeout)
        except QueryTimedOut as error:
            raise Unavailable(
                f"{error}; it was stopped. Narrow the query, or ask for a longer timeout "
                f"(at most {self.settings.max_query_timeout:g} s)",
                parameter="timeout",
            ) from None

    def _answer(self, reply: Reply, media_type: str) -> Response:
        if reply.mistake is not None:
            raise BadRequest(reply.mistake, parameter="query")
        if reply.failure is not None:
            if reply.extra.get("remote"):
                raise BadGateway(reply.failure)
            log.error("query worker failed:\n%s", reply.failure)
            raise RuntimeError("a query worker failed")
        written = reply.written
        headers = {"Vary": "Accept"}
        if written.truncated:
            headers[TRUNCATED_HEADER] = "true"
            headers[ROW_LIMIT_HEADER] = str(self.settings.max_result_rows)
        return Response(written.body, media_type=media_type, headers=headers)
