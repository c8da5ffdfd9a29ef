"""The W3C SPARQL 1.1 Protocol, Graph Store Protocol and Service Description tests.

Each manifest test is one case (its id is the manifest's local name), run over real HTTP
against `sozialgraph serve` on a fresh embedded store, one server per manifest. The harness
does what the manifests ask of it (shared/w3c/README.md): `/sparql/` and `/gsp` become the
app's `/sparql` and `/store`, the ut:graphData files are loaded first (Graph Store PUT into
the graph their rdfs:label names), the bearer token is added to every request that may write
(the manifests send none), and the requests of a test go in order over one connection.
Every test begins from an empty store. The direct-identification Graph Store tests are
left out by design; the README lists them, and a test holds it to the manifest.
"""

import http.client
import io
import json
import re
import urllib.parse
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.query import Result
from w3c_manifest import (
    GSP_DIRECT,
    GSP_INDIRECT,
    PROTOCOL,
    SERVICE_DESCRIPTION,
    Content,
    Expected,
    ManifestTest,
    Request,
    read_manifest,
)

pytestmark = pytest.mark.slow  # about 40 s: every write through the endpoint is a new generation

TOKEN = "w3c-harness-token"
README = Path(__file__).resolve().parents[2] / "README.md"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")

PROTOCOL_TESTS = read_manifest(PROTOCOL)
GSP_TESTS = read_manifest(GSP_INDIRECT)
LEFT_OUT = read_manifest(GSP_DIRECT)
SD_TESTS = read_manifest(SERVICE_DESCRIPTION)
LEFT_OUT_REASON = "direct graph identification: the app serves /id/… IRIs as linked-data pages"

#: The manifests' paths and the app's, in the order they are tried.
PATHS = (("/sparql/", "/sparql"), ("/gsp", "/store"))
#: SPARQL results formats by media type, as rdflib's result parsers name them.
RESULTS = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
BOOLEAN_RESULTS = {m for m, kind in RESULTS.items() if kind in ("json", "xml")}
#: RDF media types rdflib parses a graph from (its parsers are registered by media type).
RDF_TYPES = (
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
    "application/n-quads",
    "application/trig",
)


# --- the servers ------------------------------------------------------------------------


def serve(tmp_path_factory, start_server, name: str):
    """A server with the update token on a fresh embedded store, stopped when done."""
    app = start_server(str(tmp_path_factory.mktemp(name) / "store"), update_token=TOKEN)
    yield app
    app.stop()


@pytest.fixture(scope="module")
def protocol_app(tmp_path_factory, start_server):
    yield from serve(tmp_path_factory, start_server, "w3c-protocol")


@pytest.fixture(scope="module")
def gsp_app(tmp_path_factory, start_server):
    yield from serve(tmp_path_factory, start_server, "w3c-gsp")


@pytest.fixture(scope="module")
def sd_app(tmp_path_factory, start_server):
    yield from serve(tmp_path_factory, start_server, "w3c-sd")


# --- HTTP, exactly as the manifest says --------------------------------------------------


class Answer:
    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self.headers = response.headers
        self.body = response.read()

    @property
    def media_type(self) -> str:
        return (self.headers.get("content-type") or "").split(";")[0].strip().lower()

    def __str__(self) -> str:
        return f"{self.status} {self.headers.get('content-type')}: {self.body[:500]!r}"


def connect(app) -> http.client.HTTPConnection:
    parts = urllib.parse.urlsplit(app.url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)


def send(
    connection: http.client.HTTPConnection,
    method: str,
    path: str,
    headers: list[tuple[str, str]],
    body: bytes | None,
) -> Answer:
    """One request with exactly these headers (plus Host, unless given, and Content-Length)."""
    own_host = any(name.lower() == "host" for name, _ in headers)
    connection.putrequest(method, path, skip_host=own_host, skip_accept_encoding=True)
    for name, value in headers:
        connection.putheader(name, value)
    if body is not None or method in ("POST", "PUT"):
        connection.putheader("Content-Length", str(len(body or b"")))
    connection.endheaders(body)
    return Answer(connection.getresponse())


def app_path(path: str) -> str:
    """The manifest's path on the app: `/sparql/` → `/sparql`, `/gsp` → `/store`."""
    for prefix, ours in PATHS:
        if path.startswith(prefix):
            return ours + path[len(prefix) :]
    raise AssertionError(f"the manifest uses a path the harness does not know: {path}")


def may_write(request: Request) -> bool:
    """Whether a request may write (so the harness adds the token): anything but a GET or HEAD,
    and a GET that carries an update (which the endpoint must refuse for its method)."""
    query = urllib.parse.urlsplit(request.path).query
    names = {name for name, _ in urllib.parse.parse_qsl(query, keep_blank_values=True)}
    return request.method not in ("GET", "HEAD") or "update" in names


def once(app, method: str, path: str, headers: list, body: bytes | None = None) -> Answer:
    """One request on its own connection (the harness's own set-up, not a manifest's)."""
    connection = connect(app)
    try:
        return send(connection, method, path, headers, body)
    finally:
        connection.close()


def with_token(headers: list) -> list:
    return [*headers, ("Authorization", f"Bearer {TOKEN}")]


def is_empty(app) -> bool:
    """Whether the endpoint sees no triple at all, in the default graph or any named graph."""
    anything = "ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    path = "/sparql?" + urllib.parse.urlencode({"query": anything})
    answer = once(app, "GET", path, [("Accept", "application/sparql-results+json")])
    assert answer.status == 200, str(answer)
    return json.loads(answer.body)["boolean"] is False


def reset(app, graph_data=()) -> None:
    """Start from an empty store (DROP ALL unless it is empty already), then load the data."""
    if not is_empty(app):
        update = with_token([("Content-Type", "application/sparql-update")])
        dropped = once(app, "POST", "/sparql", update, b"DROP ALL")
        assert dropped.status == 204, f"DROP ALL before the test: {dropped}"
        assert is_empty(app), "DROP ALL left triples behind"
    for path, graph in graph_data:
        target = "/store?" + urllib.parse.urlencode({"graph": graph})
        headers = with_token([("Content-Type", "application/n-triples")])
        loaded = once(app, "PUT", target, headers, path.read_bytes())
        assert loaded.status == 201, f"loading {path.name} into <{graph}>: {loaded}"


# --- checking a response ------------------------------------------------------------------


def parse_graph(body: bytes, media_type: str, what: str) -> Graph:
    assert media_type in RDF_TYPES, f"{what} is not RDF but {media_type!r}"
    return Graph().parse(data=body, format=media_type)


def check_format(answer: Answer, expected: Expected) -> None:
    """mf:expectedFormat and mf:expectedBoolean: parse the body as the type it says it is."""
    if expected.format == "boolean":
        assert answer.media_type in BOOLEAN_RESULTS, f"no SPARQL JSON/XML boolean: {answer}"
    if expected.format in ("boolean", "tabular") or expected.boolean is not None:
        assert answer.media_type in RESULTS, f"no SPARQL results format: {answer}"
        result = Result.parse(io.BytesIO(answer.body), format=RESULTS[answer.media_type])
        if expected.format == "tabular":
            assert result.type == "SELECT" and result.vars, f"no table of solutions: {answer}"
        else:
            assert result.type == "ASK", f"no boolean result: {answer}"
            if expected.boolean is not None:
                assert result.askAnswer is expected.boolean, f"wrong boolean: {answer}"
    elif expected.format == "RDF":
        parse_graph(answer.body, answer.media_type, "the response")
    else:
        assert expected.format is None, f"unknown mf:expectedFormat {expected.format!r}"


def media_parameters(value: str) -> tuple[str, dict[str, str]]:
    bare, *parameters = (part.strip() for part in value.split(";"))
    pairs = (p.partition("=") for p in parameters if p)
    return bare.lower(), {n.strip().lower(): v.strip().strip('"').lower() for n, _, v in pairs}


def check_headers(answer: Answer, expected: Expected) -> None:
    for name, value in expected.headers:
        actual = answer.headers.get(name)
        assert actual is not None, f"no {name} header in the response: {answer}"
        if name.lower() == "content-type":
            assert media_parameters(actual) == media_parameters(value), (name, actual, value)
        else:
            assert actual == value, (name, actual, value)


def check_body(answer: Answer, expected: Expected) -> None:
    """The response's graph must be isomorphic to the manifest's (graphs, not text)."""
    if expected.body is None:
        return
    media_type = media_parameters(expected.header("content-type") or "text/turtle")[0]
    wanted = parse_graph(expected.body.encoded(), media_type, "the manifest's body")
    got = parse_graph(answer.body, answer.media_type, "the response")
    if not isomorphic(got, wanted):
        _, missing, extra = graph_diff(to_isomorphic(wanted), to_isomorphic(got))
        raise AssertionError(
            f"the graph differs from the manifest's\nmissing:\n{missing.serialize(format='nt')}"
            f"\nnot expected:\n{extra.serialize(format='nt')}"
        )


def check(answer: Answer, request: Request, sent_token: bool) -> None:
    expected = request.expected
    wanted = ", ".join(s.name for s in expected.statuses)
    assert expected.accepts(answer.status), (
        f"{request.method} {request.path}: want {wanted}, got {answer}"
    )
    if sent_token:  # the token was sent, so a refusal for it would hide the real answer
        assert answer.status not in (401, 403), f"the token was refused: {answer}"
    check_format(answer, expected)
    check_headers(answer, expected)
    check_body(answer, expected)


# --- running a manifest test --------------------------------------------------------------


def body_bytes(content: Content | None, variables: dict[str, str]) -> bytes | None:
    """The body in its cnt:characterEncoding (UTF-16 really is sent as UTF-16)."""
    if content is None:
        return None
    return Content(fill(content.text, variables), content.encoding).encoded()


def fill(text: str, variables: dict[str, str]) -> str:
    for name, value in variables.items():
        text = text.replace(name, value)
    return text


def run(app, case: ManifestTest) -> None:
    """Send the test's requests in order over one connection and check every response."""
    reset(app, case.graph_data)
    variables: dict[str, str] = {}
    connection = connect(app)
    try:
        for request in case.requests:
            token = may_write(request)
            headers = with_token(request.headers) if token else list(request.headers)
            path = app_path(fill(request.path, variables))
            answer = send(
                connection, request.method, path, headers, body_bytes(request.body, variables)
            )
            check(answer, request, token)
            if request.expected.location_variable:
                location = answer.headers.get("location")
                assert location, f"no Location header: {answer}"
                variables[request.expected.location_variable] = location
    finally:
        connection.close()


@pytest.mark.parametrize("case", PROTOCOL_TESTS, ids=str)
def test_protocol(protocol_app, case: ManifestTest):
    run(protocol_app, case)


def test_the_store_stays_writable_after_each_refused_update(protocol_app):
    """A refused update must leave nothing behind: the next write works (it once got a 500
    because the failed update's discarded generation kept its folder locked)."""
    refused = [case for case in PROTOCOL_TESTS if case.name.startswith("bad_update")]
    assert refused
    insert = b"INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }"
    for case in refused:
        run(protocol_app, case)
        update = with_token([("Content-Type", "application/sparql-update")])
        answer = once(protocol_app, "POST", "/sparql", update, insert)
        assert answer.status == 204, f"after {case.name}: {answer}"


@pytest.mark.parametrize("case", GSP_TESTS, ids=str)
def test_graph_store_protocol(gsp_app, case: ManifestTest):
    run(gsp_app, case)


# --- service description: three tests in prose --------------------------------------------


def description(app, accept: str | None = None, host: str | None = None) -> tuple[Answer, Graph]:
    """GET on the endpoint without a query; `host`: as reached by another name (a proxy)."""
    headers = [("Host", host)] if host else []
    answer = once(app, "GET", "/sparql", headers + ([("Accept", accept)] if accept else []))
    assert answer.status == 200, str(answer)
    return answer, parse_graph(answer.body, answer.media_type, "the service description")


def returns_rdf(app) -> None:
    """GET on the endpoint without a query answers RDF, the same graph in each syntax asked."""
    _, graph = description(app)
    assert len(graph) > 0
    for media_type in ("text/turtle", "application/rdf+xml", "application/n-triples",
                       "application/ld+json"):  # fmt: skip
        answer, other = description(app, accept=media_type)
        assert answer.media_type == media_type
        assert isomorphic(other, graph), media_type


def has_endpoint_triple(app) -> None:
    """An sd:endpoint triple whose object is the endpoint URL the client requested."""
    for host in (None, f"localhost:{urllib.parse.urlsplit(app.url).port}"):
        _, graph = description(app, host=host)
        requested = app.sparql if host is None else f"http://{host}/sparql"
        services = set(graph.subjects(RDF.type, SD.Service))
        endpoints = {(s, o) for s in services for o in graph.objects(s, SD.endpoint)}
        assert endpoints and all(o == URIRef(requested) for _, o in endpoints), endpoints


def conforms_to_schema(app) -> None:
    """The description keeps to the Service Description vocabulary's classes and ranges."""
    _, graph = description(app)
    services = list(graph.subjects(RDF.type, SD.Service))
    assert len(services) == 1, services
    service = services[0]
    languages = {SD.SPARQL10Query, SD.SPARQL11Query, SD.SPARQL11Update}
    assert set(graph.objects(service, SD.supportedLanguage)) & languages
    assert set(graph.objects(service, SD.supportedLanguage)) <= languages
    for term in (SD.endpoint, SD.resultFormat, SD.inputFormat, SD.feature,
                 SD.extensionFunction, SD.extensionAggregate, SD.languageExtension,
                 SD.propertyFeature, SD.defaultEntailmentRegime):  # fmt: skip
        values = list(graph.objects(service, term))
        assert all(isinstance(v, URIRef) for v in values), (term, values)
    assert len(list(graph.objects(service, SD.endpoint))) == 1
    assert list(graph.objects(service, SD.resultFormat))
    for dataset in graph.objects(service, SD.defaultDataset):
        assert (dataset, RDF.type, SD.Dataset) in graph
        for default in graph.objects(dataset, SD.defaultGraph):
            assert (default, RDF.type, SD.Graph) in graph
        for named in graph.objects(dataset, SD.namedGraph):
            assert (named, RDF.type, SD.NamedGraph) in graph
            names = list(graph.objects(named, SD.name))
            assert len(names) == 1 and isinstance(names[0], URIRef), names


SD_CHECKS = {
    "returns-rdf": returns_rdf,
    "has-endpoint-triple": has_endpoint_triple,
    "conforms-to-schema": conforms_to_schema,
}


@pytest.mark.parametrize("case", SD_TESTS, ids=str)
def test_service_description(sd_app, case: ManifestTest):
    reset(sd_app, [(PROTOCOL.parent / "data1.nt", "http://example.org/w3c/sd-graph")])
    SD_CHECKS[case.name](sd_app)
    _, graph = description(sd_app)
    names = set(graph.objects(None, SD.name))
    assert URIRef("http://example.org/w3c/sd-graph") in names, "the loaded graph is not listed"


# --- the harness itself ---------------------------------------------------------------------


def test_manifests_hold_every_test():
    """The counts of shared/w3c/README.md, so that no glob or list can pass vacuously."""
    counts = [len(PROTOCOL_TESTS), len(GSP_TESTS), len(LEFT_OUT), len(SD_TESTS)]
    assert counts == [34, 9, 5, 3]
    assert set(SD_CHECKS) == {case.name for case in SD_TESTS}


def test_left_out_are_exactly_the_direct_identification_tests():
    assert all("DirectGraphIdentification" in case.requires for case in LEFT_OUT)
    assert not any("DirectGraphIdentification" in case.requires for case in GSP_TESTS)


def left_out_in(readme: str) -> set[str]:
    """The manifest tests the README's "W3C conformance" section names (in backticks)."""
    section = re.search(r"^### W3C conformance\n(.*?)(?=^#{1,3} |\Z)", readme, re.M | re.S)
    assert section, "the README has no '### W3C conformance' section"
    every = {case.name for case in PROTOCOL_TESTS + GSP_TESTS + LEFT_OUT + SD_TESTS}
    prose = re.sub(r"^```.*?^```", "", section.group(1), flags=re.M | re.S)
    return set(re.findall(r"`([^`\n]+)`", prose)) & every


def test_readme_lists_exactly_the_left_out_tests():
    """Left out, not skipped: the README names each test the harness does not run."""
    listed = left_out_in(README.read_text(encoding="utf-8"))
    assert listed == {case.name for case in LEFT_OUT}, f"left out ({LEFT_OUT_REASON})"
