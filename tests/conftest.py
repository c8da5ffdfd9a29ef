"""Shared fixtures: the model, read once; real Oxigraph and sozialgraph server processes."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph
from sozialgraph.ontology.files import (
    VOCABULARY_SHAPES,
    load_model,
    load_ontology,
    load_shapes,
    load_vocabularies,
)


@pytest.fixture(scope="session")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="session")
def vocabularies() -> Graph:
    return load_vocabularies()


@pytest.fixture(scope="session")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture(scope="session")
def record_shapes(shapes) -> Graph:
    """The shapes without the vocabulary shapes (and their blank-node parts)."""
    kept = Graph() + shapes
    for shape in VOCABULARY_SHAPES:
        kept -= shapes.cbd(shape)
    return kept


@pytest.fixture(scope="session")
def model() -> Graph:
    return load_model()


pytest_plugins = ["tests.api.endpoint_fixtures"]

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """An `oxigraph serve` process on a loopback port, for the whole session."""
    assert OXIGRAPH, "the oxigraph server (PyPI package 'oxigraph') is not installed"
    port = free_port()
    folder = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(
                    f"oxigraph server did not start: {process.stderr.read()!r}"
                ) from None
            time.sleep(0.1)
    yield OxigraphServer(url)
    process.terminate()
    process.wait(timeout=10)


class OxigraphServer:
    """A running `oxigraph serve`: its base URL, and a way to empty it between tests."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.query_url = url + "/query"

    def clear(self) -> None:
        _clear_server(self.url)


def _clear_server(url: str) -> None:
    request = urllib.request.Request(
        url + "/update",
        data=b"CLEAR ALL",
        headers={"Content-Type": "application/sparql-update"},
        method="POST",
    )
    urllib.request.urlopen(request, timeout=10).read()


SOZIALGRAPH = shutil.which("sozialgraph", path=str(Path(sys.executable).parent))


class LiveApp:
    """A running `sozialgraph serve`: its base URL and its process."""

    def __init__(self, url: str, process: subprocess.Popen, log: Path) -> None:
        self.url = url
        self.sparql = url + "/sparql"
        self.process = process
        self.log = log

    def errors(self) -> str:
        """What the server wrote to stderr so far (logged bugs, tracebacks)."""
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Stop the server; print what it logged of bugs, so that a failing test shows it."""
        errors = self.errors()
        if "Traceback" in errors or "unexpected error" in errors:
            print(f"--- sozialgraph serve at {self.url} logged:\n{errors}")
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_app(store: str, **settings: str) -> LiveApp:
    """`sozialgraph serve` on a free loopback port over `store`; settings as SOZIALGRAPH_* env.

    Returns once /health answers; raises with the server's stderr if it does not start.
    """
    assert SOZIALGRAPH, "the sozialgraph console script is not installed"
    port = free_port()
    environ = {**os.environ, "SOZIALGRAPH_STORE": store}
    environ.update({f"SOZIALGRAPH_{name.upper()}": str(value) for name, value in settings.items()})
    log = Path(tempfile.mkstemp(prefix="sozialgraph-serve-", suffix=".log")[1])
    with open(log, "wb") as stderr:
        process = subprocess.Popen(
            [SOZIALGRAPH, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=environ,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/health", timeout=2).read()
            return LiveApp(url, process, log)
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                process.wait()
                raise RuntimeError(f"sozialgraph serve did not start: {log.read_text()}") from None
            time.sleep(0.1)


@pytest.fixture
def live_app():
    """A factory: `live_app(store, update_token=…)` starts a server, stopped after the test."""
    started: list[LiveApp] = []

    def start(store: str, **settings: str) -> LiveApp:
        app = start_app(store, **settings)
        started.append(app)
        return app

    yield start
    for app in started:
        app.stop()


@pytest.fixture(scope="session")
def start_server():
    """`start_app` for fixtures of wider scope, which stop the servers they start."""
    return start_app
