"""SPARQLWrapper, the client researchers use, against a live `sozialgraph serve` over HTTP.

Every result format (SELECT and ASK as JSON, XML, CSV, TSV; CONSTRUCT and DESCRIBE as
Turtle, N-Triples, RDF/XML, JSON-LD), each sent by GET, POST form and POST direct. The
expected answers come from rdflib running the same query on the fixture graph, so each
case checks real content, not only a status. A format SPARQLWrapper did not ask for is an
error (its RuntimeWarning is turned into one).
"""

import csv
import io
import urllib.parse
import urllib.request

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.query import Result
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

TOKEN = "sparqlwrapper-test-token"
EX = "http://example.org/sg/"
GRAPH = EX + "fixture"
FIXTURE = f"""
@prefix ex: <{EX}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:centre a ex:Service ; rdfs:label "Familienzentrum Süd"@de ; ex:places 12 ;
    ex:provider ex:awo .
ex:club a ex:Service ; rdfs:label "Jugendclub \\"Nord\\", Treff"@de ; ex:places 30 ;
    ex:provider ex:awo .
ex:counselling a ex:Service ; rdfs:label "Schuldnerberatung" ; ex:provider ex:diakonie .
ex:awo a ex:Organisation ; rdfs:label "AWO Kreisverband" ;
    ex:founded "1919"^^<http://www.w3.org/2001/XMLSchema#gYear> .
ex:diakonie a ex:Organisation ; rdfs:label "Diakonisches Werk" .
"""
PREFIXES = f"PREFIX ex: <{EX}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
SELECT = PREFIXES + (
    "SELECT ?service ?label ?places WHERE { ?service a ex:Service ; rdfs:label ?label "
    "OPTIONAL { ?service ex:places ?places } } ORDER BY STR(?label)"
)
ASKS = {
    True: PREFIXES + "ASK { ex:club ex:provider ex:awo }",
    False: PREFIXES + "ASK { ex:counselling ex:provider ex:awo }",
}
CONSTRUCT = PREFIXES + (
    "CONSTRUCT { ?org ex:runs ?service . ?service rdfs:label ?label } "
    "WHERE { ?service ex:provider ?org ; rdfs:label ?label }"
)
DESCRIBED = URIRef(EX + "awo")
DESCRIBE = PREFIXES + "DESCRIBE ex:awo"

METHODS = {
    "get": (GET, URLENCODED),
    "post-form": (POST, URLENCODED),
    "post-direct": (POST, POSTDIRECTLY),
}
#: SPARQLWrapper's return format and the media type the endpoint must answer with.
RESULT_FORMATS = {
    "json": (JSON, "application/sparql-results+json"),
    "xml": (XML, "application/sparql-results+xml"),
    "csv": (CSV, "text/csv"),
    "tsv": (TSV, "text/tab-separated-values"),
}
#: Return format, an Accept header to send instead of SPARQLWrapper's (None: its own), and
#: the media type of the answer. SPARQLWrapper has no N-Triples format: N3 with its Accept.
GRAPH_FORMATS = {
    "turtle": (TURTLE, None, "text/turtle"),
    "n-triples": (N3, "application/n-triples", "application/n-triples"),
    "rdf-xml": (RDFXML, None, "application/rdf+xml"),
    "json-ld": (JSONLD, None, "application/ld+json"),
}
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory, start_server):
    """A live server whose store holds the fixture graph, loaded by a Graph Store PUT."""
    app = start_server(str(tmp_path_factory.mktemp("sparqlwrapper") / "store"), update_token=TOKEN)
    put = urllib.request.Request(
        app.url + "/store?" + urllib.parse.urlencode({"graph": GRAPH}),
        data=FIXTURE.encode("utf-8"),
        method="PUT",
        headers={"Content-Type": "text/turtle", "Authorization": f"Bearer {TOKEN}"},
    )
    with urllib.request.urlopen(put, timeout=60) as answer:
        assert answer.status == 201
    yield app.sparql
    app.stop()


@pytest.fixture(scope="module")
def fixture_graph() -> Graph:
    return Graph().parse(data=FIXTURE, format="turtle")


def client(url: str, query: str, method: str, return_format: str, accept: str | None = None):
    wrapper = SPARQLWrapper(url)
    wrapper.setQuery(query)
    http_method, request_method = METHODS[method]
    wrapper.setMethod(http_method)
    wrapper.setRequestMethod(request_method)
    wrapper.setReturnFormat(return_format)
    if accept:
        wrapper.addCustomHttpHeader("Accept", accept)
    return wrapper


def media_type(result) -> str:
    return result.info()["content-type"].split(";")[0].strip()


def expected_rows(graph: Graph, query: str) -> list[dict]:
    result = graph.query(query)
    return [{str(var): row[var] for var in result.vars if row[var] is not None} for row in result]


def json_term(value: dict):
    if value["type"] == "uri":
        return URIRef(value["value"])
    if value["type"] == "bnode":
        return BNode(value["value"])
    return Literal(value["value"], lang=value.get("xml:lang"), datatype=value.get("datatype"))


def xml_term(element):
    text = "".join(node.data for node in element.childNodes if node.nodeType == node.TEXT_NODE)
    if element.localName == "uri":
        return URIRef(text)
    if element.localName == "bnode":
        return BNode(text)
    lang, datatype = element.getAttribute("xml:lang"), element.getAttribute("datatype")
    return Literal(text, lang=lang or None, datatype=datatype or None)


def rows_of(converted, kind: str) -> list[dict]:
    """The solutions SPARQLWrapper's convert() gave, as {variable: rdflib term}."""
    if kind == "json":
        return [
            {name: json_term(value) for name, value in binding.items()}
            for binding in converted["results"]["bindings"]
        ]
    if kind == "xml":
        rows = []
        for result in converted.getElementsByTagNameNS(RESULTS_NS, "result"):
            row = {}
            for binding in result.getElementsByTagNameNS(RESULTS_NS, "binding"):
                term = next(n for n in binding.childNodes if n.nodeType == n.ELEMENT_NODE)
                row[binding.getAttribute("name")] = xml_term(term)
            rows.append(row)
        return rows
    if kind == "tsv":
        parsed = Result.parse(io.BytesIO(converted), format="tsv")
        return [
            {str(var): row[var] for var in parsed.vars if row[var] is not None} for row in parsed
        ]
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", RESULT_FORMATS)
@pytest.mark.parametrize("method", METHODS)
def test_select(endpoint, fixture_graph, method, kind):
    return_format, answered = RESULT_FORMATS[kind]
    result = client(endpoint, SELECT, method, return_format).query()
    assert media_type(result) == answered
    converted = result.convert()
    wanted = expected_rows(fixture_graph, SELECT)
    assert len(wanted) == 3
    if kind == "csv":  # CSV keeps only the lexical forms
        table = list(csv.DictReader(io.StringIO(converted.decode("utf-8"), newline="")))
        assert [{k: v for k, v in row.items() if v} for row in table] == [
            {name: str(term) for name, term in row.items()} for row in wanted
        ]
    else:
        assert rows_of(converted, kind) == wanted


@pytest.mark.parametrize("kind", RESULT_FORMATS)
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("truth", [True, False])
def test_ask(endpoint, fixture_graph, method, kind, truth):
    assert fixture_graph.query(ASKS[truth]).askAnswer is truth
    return_format, answered = RESULT_FORMATS[kind]
    result = client(endpoint, ASKS[truth], method, return_format).query()
    assert media_type(result) == answered
    converted = result.convert()
    if kind == "json":
        assert converted["boolean"] is truth
    elif kind == "xml":
        (element,) = converted.getElementsByTagNameNS(RESULTS_NS, "boolean")
        assert element.firstChild.data == str(truth).lower()
    else:
        assert converted.decode("utf-8").strip() == str(truth).lower()


def graph_of(converted, answered: str) -> Graph:
    """convert() gives an rdflib Graph for RDF/XML and JSON-LD, bytes for Turtle and N3."""
    if isinstance(converted, Graph):
        return converted
    return Graph().parse(data=converted, format=answered)


@pytest.mark.parametrize("kind", GRAPH_FORMATS)
@pytest.mark.parametrize("method", METHODS)
def test_construct(endpoint, fixture_graph, method, kind):
    return_format, accept, answered = GRAPH_FORMATS[kind]
    result = client(endpoint, CONSTRUCT, method, return_format, accept).query()
    assert media_type(result) == answered
    wanted = fixture_graph.query(CONSTRUCT).graph
    assert len(wanted) == 6
    assert isomorphic(graph_of(result.convert(), answered), wanted)


@pytest.mark.parametrize("kind", GRAPH_FORMATS)
@pytest.mark.parametrize("method", METHODS)
def test_describe(endpoint, fixture_graph, method, kind):
    return_format, accept, answered = GRAPH_FORMATS[kind]
    result = client(endpoint, DESCRIBE, method, return_format, accept).query()
    assert media_type(result) == answered
    wanted = fixture_graph.cbd(DESCRIBED)  # Oxigraph describes by the concise bounded description
    assert len(wanted) == 3
    assert isomorphic(graph_of(result.convert(), answered), wanted)
