"""Writes through the endpoint: SPARQL Update and Graph Store Protocol PUT/POST/DELETE.

Each write is one stage of the store (published whole or not at all), may not touch a graph
the importer owns (DESIGN.md), registers the graphs it creates with their visibility and is
logged (graph/endpoint_graphs.py). `LOAD` is refused: it would make the server fetch any
address. An update that clears or drops ALL or NAMED graphs, or writes `GRAPH ?g`, acts on
the endpoint's graphs only: the importer's graphs are put back as they were.
"""

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from sozialgraph.api.errors import BadRequest, Forbidden, NotFound
from sozialgraph.api.sparql_text import update_writes, using_positions
from sozialgraph.graph.embedded import EmbeddedStage, syntax_error
from sozialgraph.graph.endpoint_graphs import is_reserved, record_write
from sozialgraph.graph.formats import RdfSyntax
from sozialgraph.graph.remote import RemoteStore
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import GraphStore, open_store
from SPARQLWrapper import POSTDIRECTLY

DEFAULT = "default"


@dataclass(frozen=True)
class WriteOutcome:
    """What a write did: graphs it created and removed."""

    created: list[str]
    removed: list[str]


def _reserved_refusal(settings: Settings, graph: str) -> Forbidden:
    return Forbidden(
        f"<{graph}> belongs to the importer or the model; the endpoint may not write it "
        f"(graphs under {settings.base_iri}/graph/ and the model graphs are read-only here)"
    )


def with_using(text: str, using: list[str], using_named: list[str]) -> str:
    """The update with USING / USING NAMED clauses for the protocol's dataset parameters."""
    clauses = " ".join(
        [f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named]
    )
    for position in reversed(using_positions(text)):
        text = f"{text[:position]}{clauses} {text[position:]}"
    return text


def apply_update(
    settings: Settings,
    text: str,
    *,
    using: list[str],
    using_named: list[str],
    public: bool,
    base_iri: str,
) -> WriteOutcome:
    """Run a SPARQL Update on the store as one write; SyntaxError names the position."""
    writes = update_writes(text, base_iri)
    if writes.loads:
        raise Forbidden(
            "LOAD is not available on the endpoint: it would make the server fetch other "
            "addresses; send the data with the Graph Store Protocol or `sozialgraph import`",
            parameter="update",
        )
    for graph in sorted(writes.graphs):
        if is_reserved(settings.base_iri, graph):
            raise _reserved_refusal(settings, graph)
    if using or using_named:
        if writes.has_dataset:
            raise BadRequest(
                "using-graph-uri / using-named-graph-uri cannot be combined with USING or "
                "WITH in the update itself",
                parameter="using-graph-uri" if using else "using-named-graph-uri",
            )
        text = with_using(text, using, using_named)
    store = open_store(settings, read_only=False)
    try:
        if isinstance(store, RemoteStore):
            return _remote_update(store, text, writes.everything, public)
        return _embedded_update(store, text, writes.everything, public, base_iri)
    finally:
        store.close()


def _embedded_update(store: GraphStore, text, everything, public, base_iri) -> WriteOutcome:
    base = store.settings.base_iri
    with store.writing() as stage:
        assert isinstance(stage, EmbeddedStage)
        outcome = _update_stage(stage, base, text, everything, public, base_iri)
    return outcome


def _update_stage(stage: EmbeddedStage, base, text, everything, public, base_iri) -> WriteOutcome:
    """Apply the update and its log entry to the stage's database.

    The database is only referred to in here: it must be closed (no reference left) before
    the stage is published, or RocksDB may still change files while they are synced.
    """
    engine = stage.engine()
    before = {g.value for g in engine.named_graphs()}
    try:
        engine.update(text, base_iri=base_iri)
    except RuntimeError as error:  # the update's own failure: CREATE of an existing graph…
        raise BadRequest(f"the update failed: {error}", parameter="update") from None
    after = {g.value for g in engine.named_graphs()}
    if everything:
        _put_back_reserved(stage, base, before | after)
        after = {g.value for g in engine.named_graphs()}
    outcome = WriteOutcome(
        created=sorted(g for g in after - before if not is_reserved(base, g)),
        removed=sorted(g for g in before - after if not is_reserved(base, g)),
    )
    engine.update(
        record_write(
            base, "SPARQL Update", created=outcome.created, removed=outcome.removed,
            public=public,
        )
    )  # fmt: skip
    return outcome


def _put_back_reserved(stage: EmbeddedStage, base: str, graphs: set[str]) -> None:
    """Restore the importer's graphs from the published generation after a sweeping update."""
    engine = stage.engine()
    original = ox.Store.read_only(str(stage.current)) if stage.current else ox.Store()
    for graph in sorted(g for g in graphs if is_reserved(base, g)):
        node = ox.NamedNode(graph)
        if engine.contains_named_graph(node):
            engine.remove_graph(node)
        if original.contains_named_graph(node):
            engine.add_graph(node)
            engine.bulk_extend(original.quads_for_pattern(None, None, None, node))


def _remote_update(store: RemoteStore, text: str, everything: bool, public: bool) -> WriteOutcome:
    base = store.settings.base_iri
    before = set(store.named_graphs())
    if everything and any(is_reserved(base, g) for g in before):
        raise Forbidden(
            "on a remote store an update may not clear, drop or write all graphs or "
            "GRAPH ?variable while the importer's graphs are there; name the graphs",
            parameter="update",
        )
    _send_update(store, text)
    after = set(store.named_graphs())
    outcome = WriteOutcome(sorted(after - before), sorted(before - after))
    _send_update(
        store,
        record_write(base, "SPARQL Update", created=outcome.created, removed=outcome.removed,
                     public=public),
    )  # fmt: skip
    return outcome


def _send_update(store: RemoteStore, text: str) -> None:
    client = store._client(store.update_url)
    client.setRequestMethod(POSTDIRECTLY)
    client.setQuery(text)
    store._send(client)


def parse_graph_body(body: bytes, syntax: RdfSyntax, base_iri: str) -> list[ox.Triple]:
    """The triples of an uploaded graph; RdfSyntaxError `request body:line:column: reason`."""
    try:
        parsed = ox.parse(body, format=syntax.engine, base_iri=base_iri)
        return [ox.Triple(t.subject, t.predicate, t.object) for t in parsed]
    except SyntaxError as error:
        raise syntax_error(Path("request body"), error) from None


def write_graph(
    settings: Settings, method: str, graph: str, triples: list[ox.Triple], *, public: bool
) -> bool:
    """PUT (replace), POST (add) or DELETE one graph; returns whether the graph is new.

    `graph` is an IRI or "default" for the store's own default graph.
    """
    base = settings.base_iri
    if graph != DEFAULT and is_reserved(base, graph):
        raise _reserved_refusal(settings, graph)
    store = open_store(settings, read_only=False)
    try:
        existed = graph == DEFAULT or graph in store.named_graphs()
        if method == "DELETE" and not existed:
            raise NotFound(f"there is no graph <{graph}>", parameter="graph")
        log = record_write(
            base,
            f"Graph Store {method}",
            created=[] if existed else [graph],
            removed=[graph] if method == "DELETE" and graph != DEFAULT else [],
            public=public,
        )
        if isinstance(store, RemoteStore):
            _send_update(store, f"{_graph_update(method, graph, triples)} ;\n{log}")
            return not existed
        with store.writing() as stage:
            _write_stage(stage, method, graph, triples, log)
        return not existed
    finally:
        store.close()


def _write_stage(stage, method: str, graph: str, triples: list[ox.Triple], log: str) -> None:
    """One Graph Store write and its log entry, in the stage's database (closed on return)."""
    engine = stage.engine()
    name = ox.DefaultGraph() if graph == DEFAULT else ox.NamedNode(graph)
    if method in ("PUT", "DELETE"):
        if graph == DEFAULT:
            engine.clear_graph(name)
        elif engine.contains_named_graph(name):
            engine.remove_graph(name)
    if method != "DELETE":
        if graph != DEFAULT:
            engine.add_graph(name)  # an empty PUT still makes the graph
        engine.extend(ox.Quad(t.subject, t.predicate, t.object, name) for t in triples)
    engine.update(log)


def _graph_update(method: str, graph: str, triples: list[ox.Triple]) -> str:
    """The SPARQL Update that does a Graph Store write on a remote store."""
    target = "DEFAULT" if graph == DEFAULT else f"GRAPH <{graph}>"
    if method == "DELETE":
        return f"DROP {target}"
    data = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
    wrapped = data if graph == DEFAULT else f"GRAPH <{graph}> {{\n{data}\n}}"
    insert = f"INSERT DATA {{\n{wrapped}\n}}"
    if method == "PUT":
        create = "" if graph == DEFAULT else f"CREATE SILENT GRAPH <{graph}> ;\n"
        return f"DROP SILENT {target} ;\n{create}{insert}"
    return insert
