"""The query worker: a process that runs one query at a time and can be killed at its limit.

It receives a `Job` on its pipe, runs it on the public snapshot (opened read-only) or on
the remote store, serializes the answer capped at the row limit, and sends back a `Reply`.
"""

import logging
import pickle
import sys
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

import pyoxigraph as ox
from sozialgraph.api.sparql_results import (
    Written,
    write_boolean,
    write_solutions,
    write_triples,
)
from sozialgraph.graph.formats import syntax_for_media_type
from sozialgraph.graph.settings import Settings

NO_GRAPH = "urn:sozialgraph:no-graph"


@dataclass(frozen=True)
class Job:
    """One query (or one graph to read) for a worker.

    `union`: the default graph is the union of all graphs in the snapshot;
    `default_graphs`/`named_graphs`: an explicit dataset (None: the query's own).
    """

    text: str
    media_type: str
    cap: int
    location: str | None = None
    remote: Settings | None = None
    union: bool = False
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    graph: str | None = None  # set: read this graph ("default" for the default graph)
    base_iri: str | None = None


@dataclass(frozen=True)
class Reply:
    """What a worker answers: a body, or a user's mistake, or a failure with its trace."""

    written: Written | None = None
    mistake: str | None = None
    failure: str | None = None
    extra: dict = field(default_factory=dict)

    def as_tuple(self) -> tuple:
        """Plain values for the pipe: a tuple unpickles ten times faster than a dataclass."""
        written = self.written
        if written is None:
            return (None, 0, False, self.mistake, self.failure, self.extra)
        return (written.body, written.count, written.truncated, None, None, self.extra)

    @classmethod
    def from_tuple(cls, values: tuple) -> "Reply":
        body, count, truncated, mistake, failure, extra = values
        written = None if body is None else Written(body, count, truncated)
        return cls(written, mistake, failure, extra)


class _Stores:
    """The snapshot this worker has open; reopened when a job names another."""

    def __init__(self) -> None:
        self.location: str | None = None
        self.store: ox.Store | None = None

    def get(self, location: str | None) -> ox.Store:
        if self.store is None or location != self.location:
            self.store = ox.Store.read_only(location) if location else ox.Store()
            self.location = location
        return self.store


def _graph_term(name: str):
    return ox.DefaultGraph() if name == "default" else ox.NamedNode(name)


def run_job(job: Job, stores: _Stores) -> Written:
    """Run a job; SyntaxError for a malformed query, StoreError from a remote store."""
    if job.remote is not None:
        return _run_remote(job)
    store = stores.get(job.location)
    if job.graph is not None:
        quads = store.quads_for_pattern(None, None, None, _graph_term(job.graph))
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
        return write_triples(triples, syntax_for_media_type(job.media_type), job.cap)
    options: dict = {"base_iri": job.base_iri}
    if job.default_graphs is not None or job.named_graphs is not None:
        options["default_graph"] = [_graph_term(g) for g in job.default_graphs or []]
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs or []]
    elif job.union:
        options["use_default_graph_as_union"] = True
    return _write(store.query(job.text, **options), job)


def _run_remote(job: Job) -> Written:
    from sozialgraph.graph.remote import RemoteStore

    store = RemoteStore(job.remote)
    if job.graph is not None:
        triples = (
            ox.Triple(q.subject, q.predicate, q.object) for q in store.graph_quads(job.graph)
        )
        return write_triples(triples, syntax_for_media_type(job.media_type), job.cap)
    # An empty list would let the server fall back to its own dataset: name a graph that
    # does not exist instead, so that nothing beyond the listed public graphs is read.
    defaults = job.default_graphs or [NO_GRAPH]
    named = job.named_graphs or [NO_GRAPH]
    return _write(store._query(job.text, defaults, named), job)


def _write(result, job: Job) -> Written:
    if isinstance(result, ox.QueryBoolean):
        return write_boolean(bool(result), job.media_type)
    if isinstance(result, ox.QuerySolutions):
        names = [variable.value for variable in result.variables]
        return write_solutions(names, result, job.media_type, job.cap)
    return write_triples(result, syntax_for_media_type(job.media_type), job.cap)


def serve(jobs: Connection, replies: Connection) -> None:
    """The worker's loop: one job in, one reply out, until the pipe closes."""
    from sozialgraph.graph.store import StoreError

    logging.basicConfig(level=logging.WARNING)
    stores = _Stores()
    while True:
        try:
            job = pickle.loads(jobs.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            reply = Reply(written=run_job(job, stores))
        except SyntaxError as error:
            reply = Reply(mistake=str(error.msg or error).strip())
        except StoreError as error:
            reply = Reply(failure=str(error), extra={"remote": True})
        except Exception:
            reply = Reply(failure=traceback.format_exc())
        replies.send_bytes(pickle.dumps(reply.as_tuple()))


if __name__ == "__main__":
    # Run the imported module's loop, so that replies pickle under the module's own name.
    from sozialgraph.api import query_worker

    query_worker.serve(
        Connection(int(sys.argv[1]), writable=False),
        Connection(int(sys.argv[2]), readable=False),
    )
