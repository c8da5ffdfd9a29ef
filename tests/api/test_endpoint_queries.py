"""The SPARQL endpoint over real HTTP: query forms, formats, negotiation, limits and mistakes."""

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from tests.api.endpoint_client import EX, call, select

NAMES = f"SELECT ?name WHERE {{ ?s <{EX}name> ?name }} ORDER BY ?name"
PUBLIC_NAMES = ["Familienzentrum Süd", "Jugendclub Nord", "Schuldnerberatung"]


def test_get_post_form_and_post_direct_give_the_same_answer(served):
    by_get = call(served.sparql, params={"query": NAMES})
    by_form = call(
        served.sparql, "POST", body=f"query={NAMES}".replace("+", "%2B").replace("&", "%26"),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    by_direct = call(
        served.sparql, "POST", body=NAMES, headers={"Content-Type": "application/sparql-query"}
    )
    assert by_get.status == by_form.status == by_direct.status == 200
    assert by_get.json() == by_form.json() == by_direct.json()
    names = [row["name"]["value"] for row in by_get.json()["results"]["bindings"]]
    assert names == PUBLIC_NAMES


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/json", "application/json"),
        ("text/csv;q=0.4, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("text/*;q=0.5, application/sparql-results+json;q=0.1", "text/csv"),
        ("*/*", "application/sparql-results+json"),
        (None, "application/sparql-results+json"),
    ],
)
def test_select_answers_in_the_negotiated_format(served, accept, media_type):
    answer = call(
        served.sparql, params={"query": NAMES}, headers={"Accept": accept} if accept else {}
    )
    assert answer.status == 200
    assert answer.headers["content-type"].split(";")[0] == media_type
    assert "Accept" in answer.headers["vary"]
    assert _names(answer.body, media_type) == PUBLIC_NAMES


def _names(body: bytes, media_type: str) -> list[str]:
    if media_type == "text/csv":  # Oxigraph does not read CSV results (they are lossy)
        return [row["name"] for row in csv.DictReader(io.StringIO(body.decode()))]
    parsed = ox.parse_query_results(body, format=_results_format(media_type))
    return [row["name"].value for row in parsed]


def _results_format(media_type: str) -> ox.QueryResultsFormat:
    return {
        "application/sparql-results+json": ox.QueryResultsFormat.JSON,
        "application/json": ox.QueryResultsFormat.JSON,
        "application/sparql-results+xml": ox.QueryResultsFormat.XML,
        "text/csv": ox.QueryResultsFormat.CSV,
        "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    }[media_type]


def test_csv_and_tsv_keep_typed_values_language_tags_and_commas(served):
    query = (
        "SELECT ?a ?b ?c ?d WHERE { VALUES (?a ?b ?c ?d) "
        '{ ("x, \\"y\\""@de 12 <http://example.org/i> UNDEF) } }'
    )
    as_csv = call(served.sparql, params={"query": query}, headers={"Accept": "text/csv"}).text
    assert list(csv.reader(io.StringIO(as_csv))) == [
        ["a", "b", "c", "d"], ['x, "y"', "12", "http://example.org/i", ""],
    ]  # fmt: skip
    as_tsv = call(
        served.sparql, params={"query": query}, headers={"Accept": "text/tab-separated-values"}
    ).text
    assert as_tsv.splitlines() == [
        "?a\t?b\t?c\t?d",
        '"x, \\"y\\""@de\t"12"^^<http://www.w3.org/2001/XMLSchema#integer>\t'
        "<http://example.org/i>\t",
    ]


@pytest.mark.parametrize(
    "accept", ["application/sparql-results+json", "application/sparql-results+xml"]
)
def test_ask_answers_a_boolean(served, accept):
    for name, expected in (("Jugendclub Nord", True), ("Schutzunterkunft Geheimadresse", False)):
        query = f'ASK {{ ?s <{EX}name> "{name}" }}'
        answer = call(served.sparql, params={"query": query}, headers={"Accept": accept})
        assert answer.status == 200
        assert bool(ox.parse_query_results(answer.body, format=_results_format(accept))) is expected


def test_ask_in_csv_and_tsv_is_the_word(served):
    query = f'ASK {{ ?s <{EX}name> "Jugendclub Nord" }}'
    for accept in ("text/csv", "text/tab-separated-values"):
        answer = call(served.sparql, params={"query": query}, headers={"Accept": accept})
        assert answer.text.strip() == "true"


@pytest.mark.parametrize(
    "accept",
    ["text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json",
     "application/trig", "application/n-quads"],
)  # fmt: skip
def test_construct_and_describe_answer_in_every_rdf_syntax(served, accept):
    for query in (
        f"CONSTRUCT {{ ?s <{EX}name> ?n }} WHERE {{ ?s <{EX}name> ?n }}",
        f"DESCRIBE <{EX}club>",
    ):
        answer = call(served.sparql, params={"query": query}, headers={"Accept": accept})
        assert answer.status == 200, answer.text
        assert answer.headers["content-type"].split(";")[0] == accept
        rdflib_format = {"application/ld+json": "json-ld", "application/trig": "trig",
                         "application/n-quads": "nquads"}.get(accept, accept)  # fmt: skip
        graph = Graph().parse(data=answer.body, format=rdflib_format)
        names = {str(o) for o in graph.objects(None, None) if str(o) in PUBLIC_NAMES}
        assert "Jugendclub Nord" in names


def test_nothing_acceptable_is_a_406_naming_what_is_offered(served):
    answer = call(served.sparql, params={"query": NAMES}, headers={"Accept": "image/png"})
    assert answer.status == 406
    assert "application/sparql-results+json" in answer.json()["error"]["detail"]
    construct = call(
        served.sparql, params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
        headers={"Accept": "text/csv"},
    )  # fmt: skip
    assert construct.status == 406
    assert "text/turtle" in construct.json()["error"]["detail"]


def test_the_row_cap_is_flagged_in_a_header_and_in_the_json_body(served):
    query = (
        "SELECT ?n WHERE { VALUES ?a { 1 2 3 4 5 6 7 8 } VALUES ?b { 1 2 3 4 5 6 7 8 } "
        "BIND(?a * 10 + ?b AS ?n) }"
    )
    answer = call(served.sparql, params={"query": query})
    assert answer.status == 200
    assert answer.headers["sozialgraph-truncated"] == "true"
    assert answer.headers["sozialgraph-row-limit"] == "50"
    body = answer.json()
    assert len(body["results"]["bindings"]) == 50
    assert body["truncated"] is True and body["row_limit"] == 50
    as_csv = call(served.sparql, params={"query": query}, headers={"Accept": "text/csv"})
    assert as_csv.headers["sozialgraph-truncated"] == "true"
    assert len(as_csv.text.splitlines()) == 51


def test_an_answer_under_the_cap_is_not_flagged(served):
    answer = call(served.sparql, params={"query": NAMES})
    assert "sozialgraph-truncated" not in answer.headers
    assert "truncated" not in answer.json()


def test_dataset_parameters_choose_the_graphs(served):
    open_graph = "https://sozialgraph.example/graph/source/open"
    query = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{EX}name> ?o }} }} GROUP BY ?g"
    rows = select(served, query, **{"named-graph-uri": open_graph})
    assert rows == [{"g": open_graph, "n": "3"}]
    in_default = select(served, NAMES, **{"default-graph-uri": open_graph})
    assert [row["name"] for row in in_default] == PUBLIC_NAMES
    # only named graphs given: the default graph is empty
    assert select(served, NAMES, **{"named-graph-uri": open_graph}) == []


def test_from_clauses_in_the_query_are_honoured(served):
    empty = f"SELECT ?name FROM <{EX}nothing> WHERE {{ ?s <{EX}name> ?name }}"
    assert select(served, empty) == []
    from_open = (
        "SELECT ?name FROM <https://sozialgraph.example/graph/source/open> "
        f"WHERE {{ ?s <{EX}name> ?name }} ORDER BY ?name"
    )
    assert [row["name"] for row in select(served, from_open)] == PUBLIC_NAMES


def test_the_default_graph_is_the_union_of_the_public_graphs(served):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?c a <http://www.w3.org/2004/02/skos/core#Concept> }"
    assert int(select(served, query)[0]["n"]) > 100  # the vocabularies are public graphs


@pytest.mark.parametrize(
    ("params", "parameter", "words"),
    [
        ({"query": "SELECT * WHERE { ?s ?p }"}, "query", "error at 1:"),
        ({"query": "DROP ALL"}, "query", "not a SPARQL query"),
        ([("query", "ASK {}"), ("query", "SELECT * {}")], "query", "only once"),
        ({"update": "CLEAR ALL"}, "update", "POST"),
        ({"query": "ASK {}", "timeout": "soon"}, "timeout", "number of seconds"),
        ({"query": "ASK {}", "timeout": "0"}, "timeout", "more than 0"),
        ({"query": "ASK {}", "timeout": "100000"}, "timeout", "at most"),
        ({"query": "ASK {}", "using-graph-uri": "http://x/"}, "using-graph-uri", "does not belong"),
    ],
)
def test_mistakes_are_400_naming_the_parameter(served, params, parameter, words):
    answer = call(served.sparql, params=params)
    assert answer.status == 400, answer.text
    error = answer.json()["error"]
    assert error["parameter"] == parameter
    assert words in error["detail"]


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("text/plain", "ASK {}", 415),
        (None, "query=ASK%20%7B%7D", 415),
        ("application/sparql-query; charset=UTF-16", "ASK {}".encode("utf-16"), 400),
        ("application/sparql-query", b"ASK { ?s ?p '\xff' }", 400),
        ("application/x-www-form-urlencoded", "query=ASK%20%7B%7D&query=ASK%20%7B%7D", 400),
        ("application/x-www-form-urlencoded", "query=ASK%20%7B%7D&update=CLEAR%20ALL", 400),
        ("application/x-www-form-urlencoded", "", 400),
    ],
)
def test_bad_posts(served, content_type, body, status):
    headers = {"Content-Type": content_type} if content_type else {}
    answer = call(served.sparql, "POST", body=body, headers=headers)
    assert answer.status == status, answer.text
    assert answer.json()["error"]["status"] == status


def test_other_methods_are_405(served):
    answer = call(served.sparql, "PUT", params={"query": "ASK {}"})
    assert answer.status == 405
    assert answer.json()["error"]["detail"] == "PUT is not allowed on /sparql"


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . service silent <http://169.254.169.254/> { ?s ?p ?o } }",
        "ASK { SERVICE ?where { ?s ?p ?o } VALUES ?where { <http://127.0.0.1:9/> } }",
    ],
)
def test_service_is_refused_with_a_clear_error(served, query):
    answer = call(served.sparql, params={"query": query})
    assert answer.status == 403
    assert "SERVICE is not available" in answer.json()["error"]["detail"]


def test_get_without_a_query_is_the_service_description(served):
    answer = call(served.sparql, headers={"Accept": "text/turtle"})
    assert answer.status == 200
    graph = Graph().parse(data=answer.body, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    results = graph.query(
        f"PREFIX sd: <{sd}> SELECT ?e WHERE {{ ?s a sd:Service ; sd:endpoint ?e ; "
        "sd:supportedLanguage sd:SPARQL11Query, sd:SPARQL11Update }"
    )
    assert [str(row.e) for row in results] == [served.sparql]
    formats = {str(o) for o in graph.objects(None, URIRef(sd + "resultFormat"))}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_CSV" in formats
    assert "https://sozialgraph.example/graph/source/hidden" not in answer.text


def test_json_results_are_valid_json_for_strange_strings(served):
    query = 'SELECT ?x WHERE { BIND("line\\nbreak \\"quoted\\" \\u00e4 <tag>" AS ?x) }'
    for accept in ("application/sparql-results+json", "application/sparql-results+xml"):
        answer = call(served.sparql, params={"query": query}, headers={"Accept": accept})
        parsed = ox.parse_query_results(answer.body, format=_results_format(accept))
        assert [row["x"].value for row in parsed] == ['line\nbreak "quoted" ä <tag>']
    assert json.loads(call(served.sparql, params={"query": query}).body)
