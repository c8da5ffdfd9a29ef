"""`sozialgraph serve` as a user runs it: one line for each mistake, exit 2."""

import socket
import subprocess

from tests.api.endpoint_client import call
from tests.api.test_cli_store import run


def _serve(*args: str) -> subprocess.CompletedProcess:
    return run("serve", *args)


def test_a_taken_port_is_one_line_and_exit_2(fresh_store):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _serve("--store", fresh_store.store, "--port", str(port))
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_that_is_not_a_store_is_one_line_and_exit_2(tmp_path):
    import pyoxigraph

    pyoxigraph.Store(str(tmp_path / "plain")).flush()
    result = _serve("--store", str(tmp_path / "plain"))
    assert result.returncode == 2
    assert "is a plain Oxigraph database, not a sozialgraph store" in result.stderr
    assert "Traceback" not in result.stderr


def test_workers_must_be_at_least_one(fresh_store):
    result = _serve("--store", fresh_store.store, "--workers", "0")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: --workers must be at least 1"


def test_serve_answers_and_picks_up_a_new_import_by_itself(fresh_store, live_app, tmp_path):
    app = live_app(fresh_store.store)
    query = {"query": "ASK { <http://example.org/late> ?p ?o }"}
    assert call(app.sparql, params=query).json()["boolean"] is False
    late = tmp_path / "late.ttl"
    late.write_text('<http://example.org/late> <http://example.org/name> "Spät" .\n')
    imported = run("import", str(late), "--store", fresh_store.store)
    assert imported.returncode == 0, imported.stderr
    assert call(app.sparql, params=query).json()["boolean"] is True
