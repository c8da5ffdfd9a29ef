"""`/sparql`: the SPARQL 1.1 Protocol endpoint (query, token-protected update, description)."""

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from sozialgraph.api.deps import public_flag, read_body, require_token
from sozialgraph.api.errors import BadGateway, BadRequest, Unavailable
from sozialgraph.api.negotiation import choose
from sozialgraph.api.service_description import service_description
from sozialgraph.api.sparql_request import parse_request
from sozialgraph.api.sparql_results import graph_offers
from sozialgraph.api.writes import apply_update
from sozialgraph.graph.formats import syntax_for_media_type
from sozialgraph.graph.store import StoreError, StoreLocked
from starlette.concurrency import run_in_threadpool

router = APIRouter(tags=["sparql"])


def endpoint_url(request: Request) -> str:
    """The endpoint's own URL: the base IRI of relative IRIs and the sd:endpoint."""
    return str(request.base_url).rstrip("/") + request.scope["path"]


async def sparql(request: Request) -> Response:
    """SPARQL 1.1 Protocol: GET ?query=, POST form or direct; POST update with the token.

    Answers SELECT/ASK as SPARQL JSON, XML, CSV or TSV and CONSTRUCT/DESCRIBE in any RDF
    syntax of the registry, by the Accept header. Parameters: default-graph-uri,
    named-graph-uri (query), using-graph-uri, using-named-graph-uri and public (update),
    timeout (seconds, up to the server's maximum). Without a query: the service description.
    """
    settings, service = request.app.state.settings, request.app.state.service
    body = await read_body(request, settings) if request.method == "POST" else b""
    parsed = parse_request(
        request.method, request.scope.get("query_string", b""),
        request.headers.get("content-type"), body,
    )  # fmt: skip
    accept = request.headers.get("accept")
    if parsed.operation == "query":
        return await service.query(parsed, accept, endpoint_url(request))
    if parsed.operation == "update":
        require_token(settings, request)
        public = public_flag(parsed.public)
        try:
            await run_in_threadpool(
                apply_update, settings, parsed.text, using=parsed.default_graphs,
                using_named=parsed.named_graphs, public=public, base_iri=endpoint_url(request),
            )  # fmt: skip
        except SyntaxError as error:
            raise BadRequest(str(error.msg or error), parameter="update") from None
        except StoreLocked as error:
            raise Unavailable(str(error)) from None
        except StoreError as error:  # only a remote store raises it here
            raise BadGateway(str(error)) from None
        return Response(status_code=204)
    if request.method == "POST":
        raise BadRequest("the POST carries neither a query nor an update", parameter="query")
    return await _description(request, settings, service, accept)


# A plain Starlette route: FastAPI's parameter and dependency resolution, which this route
# does not use, cost more than a third of a lookup's time in the web process.
router.add_route("/sparql", sparql, methods=["GET", "POST"], name="sparql")


async def _description(request: Request, settings, service, accept: str | None) -> Response:
    media_type = choose(accept, graph_offers()) or "text/turtle"
    snapshot = await service.snapshot()
    triples = service_description(
        endpoint_url(request),
        sorted(snapshot.public_graphs),
        updates=settings.update_token is not None,
    )
    syntax = syntax_for_media_type(media_type)
    if syntax.keeps_graphs:
        triples = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    return Response(
        ox.serialize(triples, format=syntax.engine),
        media_type=media_type,
        headers={"Vary": "Accept"},
    )
