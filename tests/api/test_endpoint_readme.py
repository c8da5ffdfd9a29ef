"""The README's first queries for researchers (Python and curl) run against the demo data."""

import contextlib
import io
import re
import subprocess
from pathlib import Path

import pytest

from tests.api.test_cli_store import run

README = Path(__file__).parents[2] / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    return text[text.index("## The SPARQL endpoint") : text.index("### W3C conformance")]


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", _section(), flags=re.DOTALL)


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory, start_server):
    store = str(tmp_path_factory.mktemp("demo") / "store")
    result = run("demo", "--store", store)
    assert result.returncode == 0, result.stderr
    app = start_server(store)
    yield app, store
    app.stop()


def _expected_names(store: str) -> list[str]:
    """The first three organisation names, read from the store itself."""
    from sozialgraph.graph.settings import Settings
    from sozialgraph.graph.store import View, open_store

    query = (
        "SELECT ?name WHERE { ?o a <https://w3id.org/sozialgraph#Organisation> ; "
        "<https://w3id.org/sozialgraph#name> ?name } ORDER BY ?name LIMIT 3"
    )
    opened = open_store(Settings(store=store))
    try:
        return [row["name"].value for row in opened.query(query, View.PUBLIC)]
    finally:
        opened.close()


def test_the_python_and_curl_examples_print_three_organisation_names(demo_app):
    demo_app, store = demo_app
    (code,) = _blocks("python")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code.replace("http://127.0.0.1:8000", demo_app.url), {})
    names = printed.getvalue().splitlines()
    assert names == _expected_names(store)
    assert len(names) == 3
    curl = [block for block in _blocks("sh") if block.startswith("curl")]
    assert len(curl) == 1
    command = curl[0].replace("http://127.0.0.1:8000", demo_app.url)
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["name", *names]
