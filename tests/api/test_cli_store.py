"""The store commands as a user runs them: the installed console script in a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SOZIALGRAPH = str(Path(sys.executable).with_name("sozialgraph"))
TURTLE = """@prefix sg: <https://w3id.org/sozialgraph#> .
<https://sozialgraph.example/id/service/kita> a sg:Service ; sg:name "Kita Süd" .
<https://sozialgraph.example/id/organisation/verein> a sg:Organisation ; sg:name "Verein" .
"""


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [SOZIALGRAPH, *args], capture_output=True, text=True, timeout=120, env=environment
    )


@pytest.fixture
def data(tmp_path) -> Path:
    path = tmp_path / "Angebote 2024.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    return path


@pytest.fixture(params=["embedded", "remote"])
def store(request, tmp_path) -> str:
    """The --store value of a fresh store of each kind."""
    if request.param == "embedded":
        return str(tmp_path / "store")
    server = request.getfixturevalue("oxigraph_server")
    server.clear()
    return server.query_url


def test_import_sources_stats_export_restore_remove(store, data, tmp_path):
    imported = run("import", str(data), "--store", store)
    assert imported.returncode == 0, imported.stderr
    assert "imported 4 triples as source 'angebote-2024' (public)" in imported.stdout

    private = tmp_path / "intern.ttl"
    private.write_text(
        TURTLE.replace("Kita Süd", "Geheim")
        .replace("/kita", "/intern")
        .replace("/verein", "/intern-verein"),
        encoding="utf-8",
    )
    assert run("import", str(private), "--private", "--store", store).returncode == 0

    listed = json.loads(run("sources", "--format", "json", "--store", store).stdout)
    assert [(s["name"], s["public"]) for s in listed] == [
        ("angebote-2024", True),
        ("intern", False),
    ]

    counts = json.loads(run("stats", "--format", "json", "--store", store).stdout)
    assert counts["classes"] == {"sg:Organisation": 2, "sg:Service": 2}
    public_counts = run("stats", "--public", "--store", store).stdout.splitlines()
    assert "sg:Service 1" in public_counts and "sources 1" in public_counts

    dump = tmp_path / "alles.nq"
    assert run("export", str(dump), "--all", "--store", store).returncode == 0
    public_dump = tmp_path / "oeffentlich.ttl"
    assert run("export", str(public_dump), "--store", store).returncode == 0
    assert "Geheim" in dump.read_text(encoding="utf-8")
    assert "Geheim" not in public_dump.read_text(encoding="utf-8")

    removed = run("remove", "intern", "--store", store)
    assert removed.returncode == 0 and "removed source 'intern'" in removed.stdout
    assert [
        s["name"] for s in json.loads(run("sources", "--format", "json", "--store", store).stdout)
    ] == ["angebote-2024"]

    fresh = str(tmp_path / "fresh")
    restored = run("restore", str(dump), "--store", fresh)
    assert restored.returncode == 0, restored.stderr
    assert "restored 2 sources: angebote-2024, intern" in restored.stdout


def test_store_from_the_environment(data, tmp_path):
    folder = str(tmp_path / "env-store")
    assert run("import", str(data), env={"SOZIALGRAPH_STORE": folder}).returncode == 0
    assert "angebote-2024" in run("sources", "--store", folder).stdout


def test_syntax_error_is_one_line_exit_1_and_nothing_written(store, data, tmp_path):
    run("import", str(data), "--store", store)
    before = run("export", str(tmp_path / "vorher.nq"), "--all", "--store", store)
    bad = tmp_path / "kaputt.ttl"
    bad.write_text('<https://x.example/a> <https://x.example/b> "offen .\n', encoding="utf-8")
    result = run("import", str(bad), "--source", "angebote-2024", "--store", store)
    assert result.returncode == 1
    first, second = result.stderr.splitlines()
    assert first.startswith(f"{bad}:1:") and first.endswith("Unexpected end of file")
    assert second == "rejected: nothing was written"
    run("export", str(tmp_path / "nachher.nq"), "--all", "--store", store)
    assert before.returncode == 0
    assert sorted((tmp_path / "vorher.nq").read_text().splitlines()) == sorted(
        (tmp_path / "nachher.nq").read_text().splitlines()
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["import", "fehlt.ttl"], "fehlt.ttl: no such file"),
        (["import", "{tmp}/daten.pdf"], "unknown RDF file suffix '.pdf'"),
        (["import", "{data}", "{tmp}/daten.csv"], "either RDF files or the template"),
        (["import", "{data}", "--source", "Mit Leerzeichen"], "must be lower-case letters"),
        (["remove", "gibt-es-nicht"], "no source named 'gibt-es-nicht'"),
        (["export", "{tmp}/x.pdf"], "unknown RDF file suffix '.pdf'"),
        (["restore", "{data}"], "a restore needs an export that keeps the graphs"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args, message, data, tmp_path):
    (tmp_path / "daten.csv").write_text("a;b\n")
    (tmp_path / "daten.pdf").write_text("%PDF")
    args = [a.format(data=data, tmp=tmp_path) for a in args]
    result = run(*args, "--store", str(tmp_path / "store"))
    assert result.returncode == 2, result.stdout + result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert message in result.stderr


def test_unreachable_remote_store_is_one_line(data):
    result = run("sources", "--store", "http://127.0.0.1:9/query")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "cannot reach the SPARQL server http://127.0.0.1:9/query" in result.stderr
