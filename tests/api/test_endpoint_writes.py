"""Writes through the endpoint over real HTTP: the token, the importer's graphs, the log."""

import pytest
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import View, open_store

from tests.api.endpoint_client import EX, TOKEN, call, select

BASE = "https://sozialgraph.example"
UPDATE = {"Content-Type": "application/sparql-update"}
TURTLE = {"Content-Type": "text/turtle"}
INSERT = f"INSERT DATA {{ GRAPH <{EX}notes> {{ <{EX}a> <{EX}says> 'hello' }} }}"


@pytest.fixture
def writable(fresh_store, live_app):
    """A fresh public+private store served with the update token; yields (app, settings)."""
    return live_app(fresh_store.store, update_token=TOKEN, max_request_bytes=4096), fresh_store


def _full_dump(settings: Settings) -> dict[str, set]:
    """Every graph with its triples, read straight from the store (not through the app)."""
    store = open_store(settings)
    try:
        return {
            graph: {str(q) for q in store.graph_quads(graph)}
            for graph in ["default", *store.named_graphs()]
        }
    finally:
        store.close()


def _importer_graphs(dump: dict[str, set]) -> dict[str, set]:
    return {g: t for g, t in dump.items() if g.startswith(f"{BASE}/graph/source/") or
            g.startswith(f"{BASE}/graph/meta/")}  # fmt: skip


def test_writes_are_off_without_a_configured_token(fresh_store, live_app):
    settings = fresh_store
    app = live_app(settings.store)
    before = _full_dump(settings)
    answer = call(app.sparql, "POST", body=INSERT, headers=UPDATE, token="anything")
    assert answer.status == 403
    assert "switched off" in answer.json()["error"]["detail"]
    put = call(app.url + "/store", "PUT", params={"graph": f"{EX}g"}, body="", headers=TURTLE)
    assert put.status == 403
    assert _full_dump(settings) == before


def test_a_missing_token_is_401_and_a_wrong_one_403(writable):
    app, settings = writable
    before = _full_dump(settings)
    missing = call(app.sparql, "POST", body=INSERT, headers=UPDATE)
    assert missing.status == 401
    assert missing.headers["www-authenticate"].startswith("Bearer")
    assert missing.json()["error"]["parameter"] == "authorization"
    wrong = call(app.sparql, "POST", body=INSERT, headers=UPDATE, token=TOKEN + "x")
    assert wrong.status == 403
    for method in ("PUT", "POST", "DELETE"):
        answer = call(app.url + "/store", method, params={"graph": f"{EX}g"}, body="",
                      headers=TURTLE)  # fmt: skip
        assert answer.status == 401, method
    assert _full_dump(settings) == before


def test_an_update_with_the_token_is_applied_and_logged_without_a_person(writable):
    app, settings = writable
    answer = call(app.sparql, "POST", body=INSERT, headers=UPDATE, token=TOKEN)
    assert answer.status == 204, answer.text
    assert select(app, f"SELECT ?o WHERE {{ <{EX}a> <{EX}says> ?o }}") == [{"o": "hello"}]
    store = open_store(settings)
    log = [str(q) for q in store.graph_quads(f"{BASE}/graph/endpoint")]
    assert store.endpoint_graphs(public=True) == [f"{EX}notes"]
    assert f"{EX}notes" in store.public_graphs()
    store.close()
    assert any("SPARQL Update" in line for line in log)
    assert any("prov#wasAssociatedWith> <https://w3id.org/sozialgraph/software/" in line
               for line in log)  # fmt: skip
    assert not any("root" in line or "Authorization" in line for line in log)


@pytest.mark.parametrize(
    "update",
    [
        f"DROP GRAPH <{BASE}/graph/source/open>",
        f"CLEAR GRAPH <{BASE}/graph/meta/hidden>",
        f"INSERT DATA {{ GRAPH <{BASE}/graph/source/open> {{ <{EX}a> <{EX}b> 1 }} }}",
        f"PREFIX src: <{BASE}/graph/source/> DELETE WHERE {{ GRAPH src:hidden {{ ?s ?p ?o }} }}",
        f"COPY <{EX}x> TO <{BASE}/graph/source/open>",
        f"MOVE <{BASE}/graph/source/open> TO <{EX}stolen>",
        f"WITH <{BASE}/graph/endpoint> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
        "DROP GRAPH <https://w3id.org/sozialgraph>",
        "CLEAR GRAPH <https://w3id.org/sozialgraph/vocab/target-groups>",
    ],
)
def test_updates_may_not_touch_the_importers_graphs(writable, update):
    app, settings = writable
    before = _full_dump(settings)
    answer = call(app.sparql, "POST", body=update, headers=UPDATE, token=TOKEN)
    assert answer.status == 403, answer.text
    assert "may not write it" in answer.json()["error"]["detail"]
    assert _full_dump(settings) == before


@pytest.mark.parametrize(
    "update",
    [
        "DROP ALL",
        "CLEAR NAMED",
        "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
        f"INSERT {{ GRAPH ?g {{ <{EX}x> <{EX}y> 1 }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    ],
)
def test_sweeping_updates_act_on_the_endpoints_graphs_only(writable, update):
    app, settings = writable
    call(app.sparql, "POST", body=INSERT, headers=UPDATE, token=TOKEN)
    importer_before = _importer_graphs(_full_dump(settings))
    answer = call(app.sparql, "POST", body=update, headers=UPDATE, token=TOKEN)
    assert answer.status == 204, answer.text
    after = _full_dump(settings)
    assert _importer_graphs(after) == importer_before
    assert f"{EX}notes" not in after or not after[f"{EX}notes"] or "INSERT" in update


def test_load_is_refused(writable):
    app, settings = writable
    before = _full_dump(settings)
    for update in (
        "LOAD <http://127.0.0.1:9/data.ttl>",
        f"LOAD SILENT <http://x/> INTO GRAPH <{EX}g>",
    ):
        answer = call(app.sparql, "POST", body=update, headers=UPDATE, token=TOKEN)
        assert answer.status == 403
        assert "LOAD is not available" in answer.json()["error"]["detail"]
    assert _full_dump(settings) == before


@pytest.mark.parametrize(
    ("update", "words"),
    [
        ("INSERT DATA { <a> <b> }", "error at"),
        ("CREATE GRAPH <http://example.org/notes>", "already exists"),
        ("DROP GRAPH <http://example.org/never>", "does not exist"),
    ],
)
def test_failing_updates_are_400_and_change_nothing(writable, update, words):
    app, settings = writable
    call(app.sparql, "POST", body=INSERT, headers=UPDATE, token=TOKEN)
    before = _full_dump(settings)
    answer = call(app.sparql, "POST", body=update, headers=UPDATE, token=TOKEN)
    assert answer.status == 400, answer.text
    assert words in answer.json()["error"]["detail"]
    assert _full_dump(settings) == before
    again = call(app.sparql, "POST", body=f"DROP GRAPH <{EX}notes>", headers=UPDATE, token=TOKEN)
    assert again.status == 204  # the store is still writable


def test_using_graph_uri_scopes_the_where_clause(writable):
    app, _ = writable
    call(app.sparql, "POST", body=INSERT, headers=UPDATE, token=TOKEN)
    copy = f"INSERT {{ GRAPH <{EX}copy> {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}"
    answer = call(app.sparql, "POST", body=copy, headers=UPDATE, token=TOKEN,
                  params={"using-graph-uri": f"{EX}notes"})  # fmt: skip
    assert answer.status == 204, answer.text
    rows = select(app, f"SELECT ?s ?o WHERE {{ GRAPH <{EX}copy> {{ ?s ?p ?o }} }}")
    assert rows == [{"s": f"{EX}a", "o": "hello"}]  # only the notes, not the sources
    conflict = call(app.sparql, "POST", token=TOKEN, headers=UPDATE,
                    body=f"WITH <{EX}notes> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
                    params={"using-graph-uri": f"{EX}notes"})  # fmt: skip
    assert conflict.status == 400


def test_graph_store_put_post_get_delete(writable):
    app, _ = writable
    store = app.url + "/store"
    graph = {"graph": f"{EX}people"}
    first = call(store, "PUT", params=graph, body=f'<{EX}p1> <{EX}name> "Ada" .',
                 headers=TURTLE, token=TOKEN)  # fmt: skip
    assert first.status == 201
    again = call(store, "PUT", params=graph, body=f'<{EX}p2> <{EX}name> "Bo" .',
                 headers=TURTLE, token=TOKEN)  # fmt: skip
    assert again.status == 204
    added = call(store, "POST", params=graph, body=f'<{EX}p3> <{EX}name> "Cy" .',
                 headers={"Content-Type": "application/n-triples"}, token=TOKEN)  # fmt: skip
    assert added.status == 204
    got = call(store, params=graph, headers={"Accept": "application/n-triples"})
    assert got.status == 200
    assert sorted(got.text.splitlines()) == [
        f'<{EX}p2> <{EX}name> "Bo" .', f'<{EX}p3> <{EX}name> "Cy" .',
    ]  # fmt: skip
    assert call(store, "DELETE", params=graph, token=TOKEN).status == 204
    assert call(store, params=graph).status == 404
    assert call(store, "DELETE", params=graph, token=TOKEN).status == 404


def test_graph_store_post_without_a_graph_creates_one(writable):
    app, _ = writable
    answer = call(app.url + "/store", "POST", body=f"<{EX}n> <{EX}v> 1 .", headers=TURTLE,
                  token=TOKEN)  # fmt: skip
    assert answer.status == 201
    location = answer.headers["location"]
    assert location.startswith(f"{BASE}/id/graph/")
    got = call(app.url + "/store", params={"graph": location},
               headers={"Accept": "application/n-triples"})  # fmt: skip
    assert got.text.strip() == f'<{EX}n> <{EX}v> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .'


@pytest.mark.parametrize(
    ("body", "headers", "status", "words"),
    [
        (f"<{EX}a> <{EX}b> .", TURTLE, 400, "request body:1:"),
        ("{ not json", {"Content-Type": "application/ld+json"}, 400, "request body"),
        ("<a> <b> <c> .", {"Content-Type": "application/pdf"}, 415, "application/pdf"),
        ("<a> <b> <c> .", {}, 415, "no Content-Type"),
        ("x" * 5000, TURTLE, 413, "4096 bytes"),
    ],
)
def test_bad_graph_uploads_change_nothing(writable, body, headers, status, words):
    app, settings = writable
    before = _full_dump(settings)
    answer = call(app.url + "/store", "PUT", params={"graph": f"{EX}g"}, body=body,
                  headers=headers, token=TOKEN)  # fmt: skip
    assert answer.status == status, answer.text
    assert words in answer.json()["error"]["detail"]
    assert _full_dump(settings) == before


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"graph": f"{BASE}/graph/source/open"}, 403),
        ({"graph": "not an iri"}, 400),
        ({"graph": f"{EX}g", "default": ""}, 400),
        ({"graph": f"{EX}g", "public": "maybe"}, 400),
        ({}, 400),
    ],
)
def test_bad_graph_store_requests(writable, params, status):
    app, settings = writable
    before = _full_dump(settings)
    answer = call(app.url + "/store", "PUT", params=params, body="", headers=TURTLE, token=TOKEN)
    assert answer.status == status, answer.text
    assert _full_dump(settings) == before


def test_the_default_graph_is_written_and_read_as_the_stores_own(writable):
    app, settings = writable
    put = call(app.url + "/store?default", "PUT", body=f"<{EX}d> <{EX}in> 'default' .",
               headers=TURTLE, token=TOKEN)  # fmt: skip
    assert put.status == 204
    got = call(app.url + "/store?default", headers={"Accept": "application/n-triples"})
    assert got.text.strip() == f'<{EX}d> <{EX}in> "default" .'
    assert select(app, f"SELECT ?o WHERE {{ <{EX}d> <{EX}in> ?o }}") == [{"o": "default"}]
    full = open_store(settings).query(f"ASK {{ <{EX}d> <{EX}in> ?o }}", View.PUBLIC)
    assert bool(full)


def test_a_write_while_the_store_is_locked_is_503_naming_the_holder(writable):
    from sozialgraph.graph.lock import write_lock

    app, settings = writable
    with write_lock(open_store(settings).folder):
        answer = call(app.sparql, "POST", body=INSERT, headers=UPDATE, token=TOKEN)
    assert answer.status == 503
    assert "is being written by process" in answer.json()["error"]["detail"]
