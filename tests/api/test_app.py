"""The app as a whole: its route table, the one error shape, /health, /openapi.json, offline."""

import warnings

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sozialgraph.api.app import create_app
from sozialgraph.api.errors import error_body
from sozialgraph.graph.settings import Settings

from tests.api.endpoint_client import call

#: The route table as data: (method, path). A new route must be added here on purpose.
#: /sparql is a plain route outside the OpenAPI document (the SPARQL protocol is described
#: by its service description), the rest is the JSON API.
ROUTES = {
    ("GET", "/health"),
    ("GET", "/sparql"),
    ("HEAD", "/sparql"),
    ("POST", "/sparql"),
    ("GET", "/store"),
    ("HEAD", "/store"),
    ("PUT", "/store"),
    ("POST", "/store"),
    ("DELETE", "/store"),
}


def test_the_route_table(tmp_path):
    app = create_app(Settings(store=str(tmp_path / "store")))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. duplicate operation IDs
        paths = app.openapi()["paths"]
    found = {(method.upper(), path) for path, ops in paths.items() for method in ops}
    for included in app.router.routes:
        for route in getattr(getattr(included, "original_router", None), "routes", []):
            if not isinstance(route, APIRoute):
                found |= {(method, route.path) for method in route.methods}
    assert found == ROUTES
    assert "/sparql" not in paths


def test_the_json_error_shape_is_pinned(served):
    answer = call(served.sparql, params={"query": "ASK {", "timeout": "x"})
    assert answer.status == 400
    assert answer.headers["content-type"] == "application/json"
    assert answer.json() == {
        "error": {
            "status": 400,
            "title": "Bad Request",
            "detail": "timeout must be a number of seconds, not 'x'",
            "parameter": "timeout",
        }
    }
    assert error_body(404, "nothing at /x") == {
        "error": {"status": 404, "title": "Not Found", "detail": "nothing at /x"}
    }


def test_unknown_paths_are_404_in_the_same_shape(served):
    answer = call(served.url + "/no/such/page")
    assert answer.status == 404
    assert answer.json() == error_body(404, "nothing at /no/such/page")


def test_browsers_get_an_html_error_page_escaping_what_they_sent(served):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    answer = call(served.url + "/<script>alert(1)</script>", headers={"Accept": browser})
    assert answer.status == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "<h1>404 Not Found</h1>" in answer.text
    assert "<script>" not in answer.text and "&lt;script&gt;" in answer.text
    bad = call(served.sparql, params={"query": "ASK {"}, headers={"Accept": browser})
    assert bad.status == 400 and "<code>query</code>" in bad.text


def test_a_bug_is_a_logged_500_not_a_4xx(tmp_path, caplog):
    app = create_app(Settings(store=str(tmp_path / "store")))

    @app.get("/boom")
    async def boom():
        raise ZeroDivisionError("a bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/boom")
    assert answer.status_code == 500
    assert answer.json() == error_body(500, "internal error; it has been logged")
    assert "a bug" not in answer.text
    assert any("unexpected error on GET /boom" in r.message for r in caplog.records)


def test_health(served):
    answer = call(served.url + "/health")
    assert answer.status == 200
    health = answer.json()
    assert health["status"] == "ok" and health["store"] == "embedded"
    assert health["updates"] is True
    assert health["public_graphs"] > 20  # model graphs and the public source, not the private
    assert "/" not in str(health)  # no paths


def test_openapi_describes_the_json_api_and_no_page_loads_from_a_cdn(served):
    spec = call(served.url + "/openapi.json").json()
    assert {"/store", "/health"} <= set(spec["paths"])
    for path in ("/docs", "/redoc"):
        assert call(served.url + path).status == 404  # they would load scripts from a CDN


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_cors_allows_reading_from_other_origins_but_not_the_token(served, method):
    preflight = call(
        served.sparql, "OPTIONS",
        headers={"Origin": "https://editor.example", "Access-Control-Request-Method": method,
                 "Access-Control-Request-Headers": "content-type"},
    )  # fmt: skip
    assert preflight.status == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    with_token = call(
        served.sparql, "OPTIONS",
        headers={"Origin": "https://editor.example", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "authorization"},
    )  # fmt: skip
    assert with_token.status == 400
    answer = call(served.sparql, params={"query": "ASK {}"},
                  headers={"Origin": "https://editor.example"})  # fmt: skip
    assert answer.headers["access-control-allow-origin"] == "*"
    assert "sozialgraph-truncated" in answer.headers["access-control-expose-headers"].lower()


def test_large_answers_are_gzipped_when_asked(served):
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 40"
    plain = call(served.sparql, params={"query": query})
    zipped = call(served.sparql, params={"query": query}, headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert zipped.headers["content-encoding"] == "gzip"
    import gzip

    assert gzip.decompress(zipped.body) == plain.body
