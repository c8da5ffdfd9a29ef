"""The lexical reading of SPARQL texts that the endpoint relies on before the engine parses."""

import pytest
from sozialgraph.api.sparql_text import (
    dataset_clauses,
    mentions_keyword,
    query_form,
    tokens,
    update_writes,
    using_positions,
)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }",
        "select * { service silent <http://evil.example/> { ?s ?p ?o } }",
        "SELECT * { ?s ?p ?o .SERVICE<http://evil.example/>{} }",
        "SELECT * { ?s ?p ?o } # comment\nSERVICE",
        "SELECT * { SERVICE ?endpoint { ?s ?p ?o } VALUES ?endpoint { <http://evil.example/> } }",
        "SELECT * { \\u0053ERVICE <http://evil.example/> {} }",
        "SELECT * { FILTER(?a<?b) SERVICE <http://evil.example/> {} }",
        "PREFIX ex: <http://ex/> SELECT * { ex:a\\#b ?p ?o . SERVICE <http://evil.example/> {} }",
        "PREFIX ex: <http://ex/> SELECT * { ex:a\\'b ?p ?o . SERVICE <http://evil.example/> {} }",
        "SELECT * { ?s ?p '''a ' '' b''' . SERVICE <http://evil.example/> {} }",
    ],
)
def test_service_is_found_wherever_the_engine_would_see_it(text):
    assert mentions_keyword(text, "SERVICE")


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?service { ?service a <http://ex/Service> }",
        "SELECT * { ?s ?p 'SERVICE <http://x/> {}' }",
        'SELECT * { ?s ?p """SERVICE\n<http://x/>""" }',
        "SELECT * { <http://ex/SERVICE> ?p ?o }",
        "PREFIX service: <http://ex/> SELECT * { service:a ex:SERVICE ?o }",
        "SELECT * { ?s ?p ?o } # SERVICE <http://x/>",
        "SELECT * { ?s ?p 'a'@service }",
    ],
)
def test_service_in_names_strings_iris_and_comments_is_not_the_keyword(text):
    assert not mentions_keyword(text, "SERVICE")


def test_tokens_keep_strings_and_iris_whole():
    assert [t.kind for t in tokens("ASK { <a> ?b 'c d' }")] == [
        "word", "other", "iri", "var", "string", "other",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("PREFIX ex: <http://ex/> SELECT * {}", "SELECT"),
        ("# ASK\nconstruct { ?s ?p ?o } where { ?s ?p ?o }", "CONSTRUCT"),
        ("BASE <http://x/> DESCRIBE <a>", "DESCRIBE"),
        ("ask {}", "ASK"),
        ("INSERT DATA {}", None),
        ("", None),
    ],
)
def test_query_form(text, form):
    assert query_form(text) == form


def test_dataset_clauses_expand_prefixes_and_the_base():
    text = "BASE <http://g/> PREFIX x: <http://x/> SELECT * FROM <a> FROM x:b FROM NAMED <c> {}"
    assert dataset_clauses(text) == (["http://g/a", "http://x/b"], ["http://g/c"])


def test_dataset_clauses_of_a_query_without_them():
    assert dataset_clauses("SELECT * { GRAPH ?g { ?s ?p ?o } } # FROM <x>") == ([], [])


@pytest.mark.parametrize(
    ("text", "graphs", "everything"),
    [
        ("DROP GRAPH <http://g/a>", {"http://g/a"}, False),
        ("CLEAR SILENT GRAPH <http://g/a> ; CREATE GRAPH <http://g/b>",
         {"http://g/a", "http://g/b"}, False),
        ("DROP ALL", set(), True),
        ("CLEAR NAMED", set(), True),
        ("CLEAR DEFAULT", set(), False),
        ("COPY <http://g/a> TO <http://g/b>", {"http://g/b"}, False),
        ("MOVE SILENT GRAPH <http://g/a> TO DEFAULT", {"http://g/a"}, False),
        ("ADD DEFAULT TO GRAPH <http://g/b>", {"http://g/b"}, False),
        ("INSERT DATA { GRAPH <http://g/a> { <s> <p> 1 } <t> <p> 2 }", {"http://g/a"}, False),
        ("DELETE DATA { GRAPH <http://g/a> { <s> <p> 1 } }", {"http://g/a"}, False),
        ("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", set(), True),
        ("INSERT { GRAPH ?g { ?s ?p 1 } } WHERE { GRAPH ?g { ?s ?p ?o } }", set(), True),
        ("INSERT { ?s ?p 1 } WHERE { GRAPH <http://g/read> { ?s ?p ?o } }", set(), False),
        ("WITH <http://g/w> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", {"http://g/w"}, False),
        ("PREFIX g: <http://g/> INSERT { GRAPH g:x { ?s ?p 1 } } WHERE {}", {"http://g/x"}, False),
        ("INSERT { GRAPH unknown:x { ?s ?p 1 } } WHERE {}", set(), True),
        ("INSERT DATA { GRAPH <http://g/a> { <s> <p> 'DROP ALL' } }", {"http://g/a"}, False),
    ],
)  # fmt: skip
def test_update_writes(text, graphs, everything):
    writes = update_writes(text, "http://base/")
    assert (writes.graphs, writes.everything) == (graphs, everything)


def test_update_writes_notes_load_and_dataset_clauses():
    assert update_writes("LOAD <http://x/data.ttl> INTO GRAPH <http://g/a>").loads
    assert update_writes("WITH <http://g/a> INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }").has_dataset
    assert update_writes("INSERT { ?s ?p 1 } USING <http://g/a> WHERE { ?s ?p ?o }").has_dataset
    assert not update_writes("INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }").has_dataset


def test_using_positions_point_at_each_where_of_a_modify():
    text = (
        "INSERT { ?s ?p 1 } WHERE { ?s ?p ?o } ; DELETE DATA { <a> <b> <c> } ; "
        "DELETE { ?s ?p 1 } WHERE {}"
    )
    assert [text[p : p + 5] for p in using_positions(text)] == ["WHERE", "WHERE"]
    assert using_positions("DELETE WHERE { ?s ?p ?o }") == []
