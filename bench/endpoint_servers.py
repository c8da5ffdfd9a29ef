"""The servers of the endpoint benchmark, each a process on a free loopback port.

`sozialgraph serve` (the real command), `oxigraph serve-read-only` on a copy of the data,
rdflib-endpoint on an rdflib Dataset, and an empty FastAPI route; the last two are run by
this module itself (`python -m bench.endpoint_servers rdflib|empty …`) with uvicorn called
the way `sozialgraph serve` calls it. Each server gets its own session, so that stopping it
also stops whatever it started (our query workers).
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench.endpoint_load import HOST

EMPTY_PATH = "/empty"
DEFAULT_WORKERS = 2  # `sozialgraph serve` without --workers (the settings' default)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _script(name: str) -> str:
    found = shutil.which(name, path=os.path.dirname(sys.executable))
    if not found:
        sys.exit(f"the {name} command is not installed next to this Python")
    return found


@dataclass
class Server:
    """A started server: its name, port, SPARQL path, process and log file."""

    name: str
    port: int
    path: str
    process: subprocess.Popen
    log: Path
    started_in: float = 0.0

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def cpu_seconds(self) -> float | None:
        """CPU time used so far by the live processes of its session (Linux; else None)."""
        ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        total, found = 0, False
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[3]) == self.process.pid:  # the session id
                total += int(fields[11]) + int(fields[12])  # utime, stime
                found = True
        return total / ticks if found else None

    def stop(self) -> None:
        """SIGTERM, then SIGKILL to its whole session after 15 s."""
        if self.process.poll() is None:
            self.process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=15)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)  # its own session: its workers too
        self.process.wait()
        self.log.unlink(missing_ok=True)

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _start(name: str, command: list[str], path: str, ready: str, limit: float, env=None):
    port = free_port()
    command = [part.replace("{port}", str(port)) for part in command]
    log = Path(tempfile.mkstemp(prefix="bench-endpoint-", suffix=".log")[1])
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    server = Server(name, port, path, process, log)
    began = time.monotonic()
    try:
        while True:
            try:
                urllib.request.urlopen(server.url + ready, timeout=5).read()
                server.started_in = time.monotonic() - began
                return server
            except OSError:
                if process.poll() is not None or time.monotonic() - began > limit:
                    tail = log.read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"{name} did not start:\n{tail}") from None
                time.sleep(0.2)
    except BaseException:
        server.stop()
        raise


def start_sozialgraph(store: Path, workers: int) -> Server:
    """`sozialgraph serve --workers N` over the embedded store (opened read-only)."""
    command = [
        _script("sozialgraph"),
        "serve",
        "--host",
        HOST,
        "--port",
        "{port}",
        "--workers",
        str(workers),
        "--store",
        str(store),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOZIALGRAPH_")}
    name = "sozialgraph serve" + ("" if workers == DEFAULT_WORKERS else f" --workers {workers}")
    return _start(name, command, "/sparql", "/health", 120, env)


def start_oxigraph(location: Path, timeout_s: float | None = None) -> Server:
    """`oxigraph serve-read-only` with the union of all graphs as the default graph."""
    command = [
        _script("oxigraph"),
        "serve-read-only",
        "--location",
        str(location),
        "--bind",
        f"{HOST}:{{port}}",
        "--union-default-graph",
    ]
    if timeout_s is not None:
        command += ["--timeout-s", f"{timeout_s:g}"]
    return _start("oxigraph serve-read-only", command, "/query", "/query?query=ASK%7B%7D", 120)


def start_rdflib(nquads: Path, limit: float) -> Server:
    """rdflib-endpoint over the N-Quads loaded into a Dataset with the union default graph."""
    command = [sys.executable, "-m", "bench.endpoint_servers", "rdflib", str(nquads), "{port}"]
    return _start("rdflib-endpoint", command, "/sparql", "/sparql?query=ASK%7B%7D", limit)


def start_empty() -> Server:
    """An empty FastAPI route under uvicorn: the framework's ceiling."""
    command = [sys.executable, "-m", "bench.endpoint_servers", "empty", "{port}"]
    return _start("empty FastAPI route", command, EMPTY_PATH, EMPTY_PATH, 60)


def _serve(app, port: int) -> None:
    import uvicorn

    uvicorn.run(app, host=HOST, port=port, log_level="warning")  # as `sozialgraph serve`


def _empty_app():
    from fastapi import FastAPI, Response

    app = FastAPI(docs_url=None, redoc_url=None)

    @app.get(EMPTY_PATH)
    async def empty() -> Response:
        return Response(b"{}", media_type="application/json")

    return app


def _rdflib_app(nquads: str):
    from rdflib import Dataset
    from rdflib_endpoint import SparqlEndpoint

    began = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    print(f"rdflib: parsed {nquads} in {time.perf_counter() - began:.1f} s", flush=True)
    return SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=False)


if __name__ == "__main__":
    if sys.argv[1] == "empty":
        _serve(_empty_app(), int(sys.argv[2]))
    elif sys.argv[1] == "rdflib":
        _serve(_rdflib_app(sys.argv[2]), int(sys.argv[3]))
    else:
        sys.exit(f"unknown server {sys.argv[1]!r}")
