"""No query, GRAPH clause, dataset parameter or Graph Store read shows a non-public graph."""

from pathlib import Path

import pytest

from tests.api.endpoint_client import EX, OPEN_DATA, TOKEN, call, select

BASE = "https://sozialgraph.example"
HIDDEN = f"{BASE}/graph/source/hidden"
HIDDEN_META = f"{BASE}/graph/meta/hidden"
OPEN = f"{BASE}/graph/source/open"
SECRET_WORDS = ("Geheimadresse", "Vertraulicher Vermerk")


def _shows_nothing_hidden(answer) -> None:
    assert answer.status == 200, answer.text
    for words in (*SECRET_WORDS, HIDDEN, HIDDEN_META):
        assert words not in answer.text


@pytest.mark.parametrize(
    ("query", "extra"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", {}),
        ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", {}),
        (f"SELECT * WHERE {{ GRAPH <{HIDDEN}> {{ ?s ?p ?o }} }}", {}),
        (f"SELECT * WHERE {{ GRAPH <{HIDDEN_META}> {{ ?s ?p ?o }} }}", {}),
        (f"SELECT * FROM <{HIDDEN}> WHERE {{ ?s ?p ?o }}", {}),
        (f"SELECT * FROM NAMED <{HIDDEN}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", {}),
        ("SELECT * WHERE { ?s ?p ?o }", {"default-graph-uri": HIDDEN}),
        ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", {"named-graph-uri": HIDDEN}),
        ("SELECT DISTINCT ?g WHERE { GRAPH ?g {} }", {}),
        (f"SELECT * WHERE {{ <{EX}centre> ?p ?o }}", {}),
        (f"CONSTRUCT WHERE {{ <{EX}secret> ?p ?o }}", {}),
        (f"DESCRIBE <{EX}secret> <{EX}centre>", {}),
        (f"ASK {{ <{EX}secret> ?p ?o }}", {}),
    ],
)
def test_queries_never_read_a_private_source(served, query, extra):
    answer = call(
        served.sparql, params={"query": query, **extra}, headers={"Accept": "text/csv, */*;q=0.1"}
    )
    _shows_nothing_hidden(answer)
    if query.startswith("ASK"):
        assert "false" in answer.text


def test_the_public_source_and_the_model_are_visible(served):
    graphs = {row["g"] for row in select(served, "SELECT DISTINCT ?g WHERE { GRAPH ?g {} }")}
    assert {OPEN, f"{BASE}/graph/meta/open", "https://w3id.org/sozialgraph"} <= graphs
    assert not {HIDDEN, HIDDEN_META} & graphs


def test_a_private_graph_reads_like_one_that_does_not_exist(served):
    hidden = call(served.url + "/store", params={"graph": HIDDEN})
    absent = call(served.url + "/store", params={"graph": f"{BASE}/graph/source/absent"})
    assert hidden.status == absent.status == 404
    assert hidden.json()["error"]["detail"].replace(HIDDEN, "X") == absent.json()["error"][
        "detail"
    ].replace(f"{BASE}/graph/source/absent", "X")


def test_the_service_description_lists_only_public_graphs(served):
    answer = call(served.sparql, headers={"Accept": "application/n-triples"})
    assert OPEN in answer.text
    assert HIDDEN not in answer.text and HIDDEN_META not in answer.text


def test_a_graph_written_as_private_stays_out_and_a_default_one_is_public(fresh_store, live_app):
    app = live_app(fresh_store.store, update_token=TOKEN)
    turtle = {"Content-Type": "text/turtle"}
    for graph, public in ((f"{EX}mine", None), (f"{EX}drafts", "false")):
        params = {"graph": graph} | ({"public": public} if public else {})
        answer = call(
            app.url + "/store", "PUT", params=params, body=f'<{EX}x> <{EX}in> "{graph}" .',
            headers=turtle, token=TOKEN,
        )  # fmt: skip
        assert answer.status == 201, answer.text
    values = {row["o"] for row in select(app, f"SELECT ?o WHERE {{ <{EX}x> <{EX}in> ?o }}")}
    assert values == {f"{EX}mine"}
    assert call(app.url + "/store", params={"graph": f"{EX}drafts"}).status == 404
    update = f"INSERT DATA {{ GRAPH <{EX}later> {{ <{EX}y> <{EX}in> 1 }} }}"
    assert call(app.sparql, "POST", body=update, token=TOKEN, params={"public": "false"},
                headers={"Content-Type": "application/sparql-update"}).status == 204  # fmt: skip
    assert select(app, f"SELECT * WHERE {{ <{EX}y> ?p ?o }}") == []
    log = call(
        app.sparql,
        params={"query": f"SELECT * WHERE {{ GRAPH <{BASE}/graph/endpoint> {{ ?s ?p ?o }} }}"},
    )
    assert log.json()["results"]["bindings"] == []  # the write log is not public


def test_a_remote_store_shows_only_its_public_graphs(oxigraph_server, tmp_path, live_app):
    from sozialgraph.graph.rdf_import import import_rdf
    from sozialgraph.graph.settings import Settings
    from sozialgraph.graph.store import open_store

    from tests.api.endpoint_client import HIDDEN_DATA

    oxigraph_server.clear()
    settings = Settings(store=oxigraph_server.query_url)
    store = open_store(settings, read_only=False)
    for name, text, public in (("open", OPEN_DATA, True), ("hidden", HIDDEN_DATA, False)):
        path = tmp_path / f"{name}.ttl"
        path.write_text(text, encoding="utf-8")
        import_rdf(store, [path], source=name, public=public)
    app = live_app(oxigraph_server.query_url)
    names = select(app, f"SELECT ?n WHERE {{ ?s <{EX}name> ?n }} ORDER BY ?n")
    assert [row["n"] for row in names] == [
        "Familienzentrum Süd",
        "Jugendclub Nord",
        "Schuldnerberatung",
    ]
    for query, extra in (
        ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", {}),
        (f"SELECT * FROM <{HIDDEN}> WHERE {{ ?s ?p ?o }}", {}),
        ("SELECT * WHERE { ?s ?p ?o }", {"default-graph-uri": HIDDEN}),
        ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", {"named-graph-uri": HIDDEN}),
    ):
        answer = call(app.sparql, params={"query": query, **extra}, headers={"Accept": "text/csv"})
        assert answer.status == 200, app.errors()
        _shows_nothing_hidden(answer)
    assert call(app.url + "/store", params={"graph": HIDDEN}).status == 404
    assert (
        call(app.url + "/store", params={"graph": OPEN}, headers={"Accept": "text/turtle"}).status
        == 200
    )


def test_a_source_reimported_as_private_disappears_from_a_running_server(fresh_store, live_app):
    from tests.api.test_cli_store import run

    app = live_app(fresh_store.store)
    names = f"SELECT ?n WHERE {{ ?s <{EX}name> ?n }}"
    assert len(select(app, names)) == 3
    data = Path(fresh_store.store).parent / "open.ttl"
    data.write_text(OPEN_DATA, encoding="utf-8")
    result = run("import", str(data), "--source", "open", "--private", "--store", fresh_store.store)
    assert result.returncode == 0, result.stderr
    assert select(app, names) == []
    graphs = call(app.sparql, params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g {} }"})
    assert OPEN not in graphs.text
    assert call(app.url + "/store", params={"graph": OPEN}).status == 404
