"""The load generator of the endpoint benchmark: a small asyncio HTTP/1.1 client.

One process, `clients` concurrent keep-alive connections to 127.0.0.1, each sending its next
request as soon as the last one is answered (a closed loop). Every run is bounded in time and
in count; requests still open at the deadline plus a grace period are abandoned. The client
is deliberately lean (raw HTTP over an asyncio protocol, uvloop when installed) so that it
takes as little of the machine's cores as possible, and it is the same for every server.
"""

import asyncio
import itertools
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

try:
    import uvloop

    LOOP = "uvloop"
    _new_loop = uvloop.new_event_loop
except ImportError:  # pragma: no cover - uvicorn[standard] brings it on Linux and macOS
    LOOP = "asyncio"
    _new_loop = asyncio.new_event_loop

HOST = "127.0.0.1"
MAX_REQUESTS = 1_000_000
JSON_RESULTS = "application/sparql-results+json"


def get_request(port: int, target: str, accept: str = JSON_RESULTS) -> bytes:
    """The bytes of one keep-alive GET request."""
    return (
        f"GET {target} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept: {accept}\r\n"
        "User-Agent: sozialgraph-bench\r\n\r\n"
    ).encode("ascii")


def query_target(path: str, query: str, **params: str) -> str:
    """`path?query=…` with the query (and any other parameters) percent-encoded."""
    pairs = [("query", query), *params.items()]
    return path + "?" + "&".join(f"{name}={quote(value, safe='')}" for name, value in pairs)


def _parse(buffer: bytearray, eof: bool) -> tuple[int, int, bool] | None:
    """A complete response at the start of `buffer`: (status, bytes used, must close)."""
    end = buffer.find(b"\r\n\r\n")
    if end < 0:
        return None
    lines = bytes(buffer[:end]).decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip().lower()
    start, close = end + 4, headers.get("connection") == "close"
    if status in (204, 304) or 100 <= status < 200:
        return status, start, close
    if "content-length" in headers:
        total = start + int(headers["content-length"])
        return (status, total, close) if len(buffer) >= total else None
    if "chunked" in headers.get("transfer-encoding", ""):
        position = start
        while True:
            line_end = buffer.find(b"\r\n", position)
            if line_end < 0:
                return None
            size = int(bytes(buffer[position:line_end]).split(b";")[0], 16)
            if size == 0:
                if buffer[line_end + 2 : line_end + 4] == b"\r\n":
                    return status, line_end + 4, close
                trailers = buffer.find(b"\r\n\r\n", line_end)
                return (status, trailers + 4, close) if trailers >= 0 else None
            position = line_end + 2 + size + 2
            if len(buffer) < position:
                return None
    return (status, len(buffer), True) if eof else None  # the body ends with the connection


class _Connection(asyncio.Protocol):
    """One HTTP/1.1 connection, one request at a time."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.waiter: asyncio.Future | None = None
        self.closed = False

    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        self._deliver(eof=False)

    def connection_lost(self, exc) -> None:
        self.closed = True
        self._deliver(eof=True)
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError("the server closed the connection"))

    def _deliver(self, eof: bool) -> None:
        if self.waiter is None or self.waiter.done():
            return
        parsed = _parse(self.buffer, eof)
        if parsed is not None:
            status, used, close = parsed
            del self.buffer[:used]
            self.waiter.set_result((status, close))

    async def request(self, raw: bytes) -> tuple[int, bool]:
        """Send one request; its status and whether the server closes the connection."""
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(raw)
        return await self.waiter

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()


async def _connect(port: int) -> _Connection:
    _, connection = await asyncio.get_running_loop().create_connection(_Connection, HOST, port)
    return connection


@dataclass
class Phase:
    """What one run of the clients measured: latencies of the 200s, other statuses, time."""

    clients: int
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    failures: int = 0
    wall: float = 0.0
    client_cpu: float = 0.0  # CPU seconds this client process used during the run

    @property
    def ok(self) -> int:
        return len(self.latencies)

    @property
    def errors(self) -> int:
        return self.failures + sum(n for status, n in self.statuses.items() if status != 200)

    @property
    def median_ms(self) -> float | None:
        return statistics.median(self.latencies) * 1000 if self.latencies else None

    @property
    def rate(self) -> float:
        """Answered (200) requests per second of the run."""
        return self.ok / self.wall if self.wall else 0.0

    def summary(self) -> dict:
        ordered = sorted(self.latencies)
        p90 = ordered[int(0.9 * (len(ordered) - 1))] * 1000 if ordered else None
        return {
            "clients": self.clients,
            "requests": self.ok,
            "errors": self.errors,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "seconds": self.wall,
            "req_per_s": self.rate,
            "median_ms": self.median_ms,
            "p90_ms": p90,
            "client_cpu_share": self.client_cpu / self.wall if self.wall else 0,
        }


async def _clients(
    port: int,
    requests: Sequence[bytes],
    clients: int,
    seconds: float,
    grace: float,
    max_requests: int,
) -> Phase:
    loop = asyncio.get_running_loop()
    phase = Phase(clients)
    numbers = itertools.count()
    cpu = time.process_time()
    start = loop.time()
    deadline = start + seconds

    async def client() -> None:
        connection: _Connection | None = None
        try:
            while loop.time() < deadline and (number := next(numbers)) < max_requests:
                try:
                    if connection is None or connection.closed:
                        connection = await _connect(port)
                    sent = time.perf_counter()
                    status, close = await connection.request(requests[number % len(requests)])
                    took = time.perf_counter() - sent
                except OSError:
                    phase.failures += 1
                    connection = None
                    await asyncio.sleep(0.01)
                    continue
                phase.statuses[status] += 1
                if status == 200:
                    phase.latencies.append(took)
                if close:
                    connection.close()
                    connection = None
        finally:
            if connection is not None:
                connection.close()

    tasks = [asyncio.create_task(client()) for _ in range(clients)]
    _, pending = await asyncio.wait(tasks, timeout=seconds + grace)
    for task in pending:  # over the grace period: abandoned, not counted
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    phase.wall = loop.time() - start
    phase.client_cpu = time.process_time() - cpu
    return phase


def run_clients(
    port: int,
    requests: Sequence[bytes],
    clients: int,
    seconds: float,
    grace: float = 10.0,
    max_requests: int = MAX_REQUESTS,
) -> Phase:
    """`clients` connections sending `requests` in turn for `seconds` (+ `grace` to finish)."""
    with asyncio.Runner(loop_factory=_new_loop) as runner:
        return runner.run(_clients(port, requests, clients, seconds, grace, max_requests))


@dataclass
class Heavy:
    """Lookups timed while one expensive query runs on another connection."""

    lookups: Phase
    status: int | None  # the heavy query's answer (None: abandoned)
    seconds: float
    running_throughout: bool  # still unanswered when the last lookup was answered

    def summary(self) -> dict:
        return {
            "lookups": self.lookups.summary(),
            "heavy_status": self.status,
            "heavy_seconds": self.seconds,
            "heavy_running_throughout": self.running_throughout,
        }


async def _during_heavy(
    port: int,
    heavy: bytes,
    lookups: Sequence[bytes],
    seconds: float,
    wait: float,
    head_start: float,
) -> Heavy:
    connection = await _connect(port)
    started = time.perf_counter()
    answer = asyncio.ensure_future(connection.request(heavy))
    try:
        await asyncio.sleep(head_start)  # let the heavy query reach the engine first
        phase = await _clients(port, lookups, 1, seconds, 10.0, MAX_REQUESTS)
        running = not answer.done()
        try:
            status, _ = await asyncio.wait_for(answer, wait)
        except (TimeoutError, OSError):
            status = None
        return Heavy(phase, status, time.perf_counter() - started, running)
    finally:
        answer.cancel()
        connection.close()


def during_heavy(
    port: int,
    heavy: bytes,
    lookups: Sequence[bytes],
    seconds: float,
    wait: float,
    head_start: float = 0.5,
) -> Heavy:
    """One client's lookups for `seconds` while `heavy` runs; then ≤ `wait` s for its answer."""
    with asyncio.Runner(loop_factory=_new_loop) as runner:
        return runner.run(_during_heavy(port, heavy, lookups, seconds, wait, head_start))
