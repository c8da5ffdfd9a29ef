"""`/store`: the SPARQL 1.1 Graph Store Protocol with indirect identification.

`?graph=IRI` names a graph, `?default` the store's default graph. GET and HEAD read public
graphs; PUT, POST and DELETE need the token. POST without a graph creates a new graph and
answers its IRI in `Location`. Direct identification (the request URL as the graph's
name) is left out: the data IRIs under `/id/…` are for linked-data pages.
"""

import email.parser
import email.policy
import uuid

from fastapi import APIRouter, Request, Response
from sozialgraph.api.deps import ServiceDep, SettingsDep, public_flag, read_body, require_token
from sozialgraph.api.errors import BadGateway, BadRequest, Unavailable, UnsupportedMediaType
from sozialgraph.api.sparql_request import media_type_of
from sozialgraph.api.writes import DEFAULT, parse_graph_body, write_graph
from sozialgraph.graph.formats import RdfSyntax, UnknownFormat, syntax_for_media_type
from sozialgraph.graph.store import RdfSyntaxError, StoreError, StoreLocked
from starlette.concurrency import run_in_threadpool

router = APIRouter(tags=["store"])


def _target(request: Request, *, required: bool) -> str | None:
    """The graph a request names: an IRI, DEFAULT, or None (only where none is required)."""
    params = request.query_params
    graphs = params.getlist("graph")
    has_default = "default" in params
    if len(graphs) > 1:
        raise BadRequest("the parameter graph may be given only once", parameter="graph")
    if graphs and has_default:
        raise BadRequest("name either ?graph=… or ?default, not both", parameter="graph")
    if has_default:
        return DEFAULT
    if graphs:
        graph = graphs[0]
        if not graph.startswith(("http://", "https://", "urn:")) or any(
            c in graph for c in ' <>"{}|\\^`'
        ):
            raise BadRequest(f"graph must be an absolute IRI, not {graph!r}", parameter="graph")
        return graph
    if required:
        raise BadRequest("name the graph: ?graph=IRI or ?default", parameter="graph")
    return None


async def read(request: Request, service: ServiceDep) -> Response:
    """A public graph, or the store's default graph, in the negotiated RDF syntax."""
    graph = _target(request, required=True)
    return await service.read_graph(graph, request.headers.get("accept"))


def _syntax(content_type: str | None) -> RdfSyntax:
    media_type, _ = media_type_of(content_type)
    try:
        return syntax_for_media_type(media_type or "")
    except UnknownFormat:
        raise UnsupportedMediaType(
            f"cannot read a graph sent as {media_type or '(no Content-Type)'}; send Turtle, "
            "N-Triples, RDF/XML or JSON-LD",
            parameter="content-type",
        ) from None


def _triples(content_type: str | None, body: bytes, base: str) -> list:
    """The triples of the body; a multipart body may carry several RDF files."""
    media_type, _ = media_type_of(content_type)
    if media_type != "multipart/form-data":
        return parse_graph_body(body, _syntax(content_type), base)
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    triples = []
    for part in message.iter_parts():
        content = part.get_payload(decode=True) or b""
        triples += parse_graph_body(content, _syntax(part.get("content-type")), base)
    return triples


async def write(request: Request, settings: SettingsDep) -> Response:
    """Replace (PUT), add to (POST) or drop (DELETE) a graph; needs the update token.

    `public=false` keeps a graph the request creates out of public endpoints and dumps.
    """
    require_token(settings, request)
    method = request.method
    graph = _target(request, required=method != "POST")
    public = public_flag(request.query_params.get("public"))
    created_here = graph is None
    if created_here:
        graph = f"{settings.base_iri}/id/graph/{uuid.uuid4().hex}"
    triples = []
    if method != "DELETE":
        body = await read_body(request, settings)
        base = graph if graph != DEFAULT else str(request.url_for("graph_store_get"))
        try:
            triples = _triples(request.headers.get("content-type"), body, base)
        except RdfSyntaxError as error:
            raise BadRequest(str(error), parameter="body") from None
    try:
        is_new = await run_in_threadpool(write_graph, settings, method, graph, triples,
                                         public=public)  # fmt: skip
    except StoreLocked as error:
        raise Unavailable(str(error)) from None
    except StoreError as error:  # only a remote store raises it here
        raise BadGateway(str(error)) from None
    if created_here:
        return Response(status_code=201, headers={"Location": graph})
    return Response(status_code=201 if is_new else 204)


for _method, _endpoint in (("GET", read), ("HEAD", read), ("PUT", write), ("POST", write),
                           ("DELETE", write)):  # fmt: skip
    router.add_api_route(
        "/store", _endpoint, methods=[_method], name=f"graph_store_{_method.lower()}",
        operation_id=f"graph_store_{_method.lower()}",
    )  # fmt: skip
