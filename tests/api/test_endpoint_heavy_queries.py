"""A heavy query cannot stall the endpoint: it runs in a worker that is killed at its limit."""

import threading
import time
from pathlib import Path

import pytest

from tests.api.endpoint_client import call

#: Three-way cross product of every triple: never finishes on the model's ~10k triples.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _workers(server_pid: int) -> set[int]:
    """The query worker processes of a server (its children running query_worker)."""
    found = set()
    for task in Path(f"/proc/{server_pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
            if b"sozialgraph.api.query_worker" in cmdline:
                found.add(int(child))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.fixture
def limited(fresh_store, live_app):
    return live_app(fresh_store.store, query_timeout=3, max_query_timeout=20, query_workers=2)


@pytest.mark.slow
def test_a_trivial_query_finishes_while_a_heavy_one_runs_and_the_heavy_one_is_stopped(limited):
    pid = limited.process.pid
    before = _workers(pid)
    assert len(before) == 2
    heavy: dict = {}

    def run_heavy() -> None:
        started = time.monotonic()
        heavy["answer"] = call(limited.sparql, params={"query": HEAVY, "timeout": "4"})
        heavy["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_heavy)
    thread.start()
    time.sleep(0.5)  # the heavy query is in its worker now
    trivial_started = time.monotonic()
    trivial = call(limited.sparql, params={"query": "ASK { ?s ?p ?o }"})
    trivial_seconds = time.monotonic() - trivial_started
    assert trivial.status == 200 and trivial.json()["boolean"] is True
    assert "answer" not in heavy, "the trivial query should finish first"
    thread.join(timeout=30)
    answer = heavy["answer"]
    assert answer.status == 503, answer.text
    assert "did not finish within 4 s" in answer.json()["error"]["detail"]
    assert 3.5 < heavy["seconds"] < 10
    assert trivial_seconds < 2
    # the worker that ran it was killed and replaced; the server keeps answering
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(_workers(pid) - before) < 1:
        time.sleep(0.1)
    after = _workers(pid)
    gone = before - after
    assert len(gone) == 1 and not any(_alive(p) for p in gone)
    assert len(after) == 2
    for _ in range(3):
        assert call(limited.sparql, params={"query": "ASK {}"}).status == 200


@pytest.mark.slow
def test_the_default_time_limit_applies_without_a_timeout_parameter(limited):
    started = time.monotonic()
    answer = call(limited.sparql, params={"query": HEAVY})
    assert answer.status == 503
    assert "within 3 s" in answer.json()["error"]["detail"]
    assert time.monotonic() - started < 8


@pytest.mark.slow
def test_when_every_worker_is_busy_a_query_waits_only_until_its_limit(limited):
    threads = [
        threading.Thread(target=call, args=(limited.sparql,),
                         kwargs={"params": {"query": HEAVY, "timeout": "6"}})
        for _ in range(2)
    ]  # fmt: skip
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    waiting = call(limited.sparql, params={"query": "ASK {}", "timeout": "1"})
    assert waiting.status == 503
    assert "no query worker became free" in waiting.json()["error"]["detail"]
    for thread in threads:
        thread.join(timeout=30)
    assert call(limited.sparql, params={"query": "ASK {}"}).status == 200


def test_a_stopped_server_leaves_no_worker_behind(fresh_store, live_app):
    app = live_app(fresh_store.store, query_workers=3)
    workers = _workers(app.process.pid)
    assert len(workers) == 3
    app.stop()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers)
