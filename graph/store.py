"""The store every command works on: embedded Oxigraph by default, any SPARQL 1.1 server by URL.

Both kinds answer queries with pyoxigraph result objects and write through a `Stage`: the
changes of one operation are staged and published at once, or not at all.
"""

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pyoxigraph
from sozialgraph.graph.formats import RdfSyntax
from sozialgraph.graph.names import is_model_graph, meta_graph, source_of_graph
from sozialgraph.graph.settings import Settings
from sozialgraph.ontology.namespaces import SG

QueryResult = pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples


class View(Enum):
    """Which graphs a reader sees.

    PUBLIC: the store's default graph, the model graphs and every public source with its
    meta graph; its default graph is their union. FULL: every graph; the union as default.
    """

    PUBLIC = "public"
    FULL = "full"


class StoreError(Exception):
    """A store cannot be used as asked; the message is one line for the user."""


class StoreLocked(StoreError):
    """Another process is writing the embedded store."""


class RdfSyntaxError(StoreError):
    """An RDF file does not parse; the message is `file:line:column: reason`."""


class Stage(ABC):
    """The pending changes of one write; published together when the `with` block ends."""

    @abstractmethod
    def drop_graph(self, graph: str) -> None:
        """Remove a named graph and all its triples."""

    @abstractmethod
    def load(self, path: Path, syntax: RdfSyntax, graph: str | None) -> None:
        """Load a file into `graph` (triple syntaxes), or keep its graph names (graph=None).

        Raises RdfSyntaxError naming file, line and column.
        """

    @abstractmethod
    def add(self, quads: Iterable[pyoxigraph.Quad]) -> None:
        """Add quads."""

    @abstractmethod
    def query(self, sparql: str) -> QueryResult:
        """Query the staged graphs (the store as it will be, for the graphs written here)."""

    def engine(self) -> pyoxigraph.Store | None:
        """The Oxigraph store holding the whole staged state, if the stage has one locally."""
        return None


class GraphStore(ABC):
    """A place that holds named graphs and answers SPARQL."""

    #: Whether a write's stage holds the whole store locally (so checks can run in it).
    stages_locally = False

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    @abstractmethod
    def location(self) -> str:
        """The folder or URL, for messages."""

    @abstractmethod
    def _query(
        self,
        sparql: str,
        default_graphs: list[str] | None,
        named_graphs: list[str] | None,
    ) -> QueryResult:
        """Run a query; None for default_graphs means the union of all graphs."""

    @abstractmethod
    def named_graphs(self) -> list[str]:
        """Every named graph in the store."""

    @abstractmethod
    def writing(self) -> AbstractContextManager[Stage]:
        """Stage a write; published when the block ends without error, else discarded."""

    @abstractmethod
    def graph_quads(self, graph: str) -> Iterator[pyoxigraph.Quad]:
        """The triples of one named graph, as quads in that graph."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release what the store holds open."""

    def query(self, sparql: str, view: View = View.FULL) -> QueryResult:
        """Run a SPARQL query over the graphs of a view."""
        if view is View.FULL:
            return self._query(sparql, None, None)
        public = self.public_graphs()
        return self._query(sparql, ["default", *public], public)

    def data_graphs(self, view: View = View.FULL) -> list[str]:
        """The source graphs the view shows (no model or meta graphs)."""
        return [s.graph for s in self.sources() if view is View.FULL or s.public]

    def query_data(self, sparql: str, view: View = View.FULL) -> QueryResult:
        """Query the union of the store's default graph and the view's source graphs."""
        return self.query_graphs(sparql, self.data_graphs(view))

    def query_graphs(self, sparql: str, graphs: list[str]) -> QueryResult:
        """Query the union of the store's default graph and the given named graphs."""
        return self._query(sparql, ["default", *graphs], graphs)

    def public_graphs(self) -> list[str]:
        """Model graphs, the source and meta graphs of every public source, and the graphs
        written through the endpoint as public."""
        public = [g for g in self.named_graphs() if is_model_graph(g)]
        for source in self.sources():
            if source.public:
                public += [source.graph, source.meta_graph]
        public += self.endpoint_graphs(public=True)
        return sorted(set(public))

    def endpoint_graphs(self, *, public: bool | None = None) -> list[str]:
        """Graphs created through the endpoint (all, or only public or non-public ones)."""
        from sozialgraph.graph.endpoint_graphs import endpoint_graphs_query, is_reserved

        base = self.settings.base_iri
        found = []
        for row in self._query(endpoint_graphs_query(base), None, None):
            graph, flag = row["graph"].value, row["public"].value == "true"
            if not is_reserved(base, graph) and (public is None or flag == public):
                found.append(graph)
        return sorted(found)

    def sources(self) -> list["SourceInfo"]:
        """The import sources, from their meta graphs (only those the importer wrote)."""
        base = self.settings.base_iri
        rows = self._query(SOURCES_QUERY, None, None)
        found = {}
        for row in rows:
            graph, meta = row["graph"].value, row["meta"].value
            name = source_of_graph(base, graph)
            if name is None or meta != meta_graph(base, name):
                continue  # a meta graph may only describe its own source
            found[name] = SourceInfo(
                name=name,
                graph=graph,
                meta_graph=meta,
                public=row["public"].value == "true",
                imported=row["imported"].value if row["imported"] else "",
                triples=int(row["triples"].value) if row["triples"] else 0,
                files=row["files"].value.split("\t") if row["files"] else [],
            )
        return [found[name] for name in sorted(found)]

    def dump(self, out, syntax: RdfSyntax, graphs: list[str], on_graph=None) -> int:
        """Write the graphs to a binary stream; union syntaxes drop the graph names.

        Returns the number of triples written; `on_graph` is told of each graph done.
        """
        count = 0

        def quads() -> Iterator[pyoxigraph.Quad]:
            nonlocal count
            for graph in graphs:
                if on_graph:
                    on_graph(graph)
                for quad in self.graph_quads(graph):
                    count += 1
                    if syntax.keeps_graphs:
                        yield quad
                    else:
                        yield pyoxigraph.Triple(quad.subject, quad.predicate, quad.object)

        pyoxigraph.serialize(quads(), out, syntax.engine)
        return count


@dataclass(frozen=True)
class SourceInfo:
    """What a meta graph says about its source."""

    name: str
    graph: str
    meta_graph: str
    public: bool
    imported: str
    triples: int
    files: list[str]


SOURCES_QUERY = f"""
PREFIX sg: <{SG}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX void: <http://rdfs.org/ns/void#>
SELECT ?graph ?meta ?public ?imported ?triples
       (GROUP_CONCAT(?file; separator="\\t") AS ?files)
WHERE {{
  GRAPH ?meta {{
    ?graph a sg:Source ; sg:public ?public .
    OPTIONAL {{ ?graph void:triples ?triples }}
    OPTIONAL {{ ?graph prov:wasGeneratedBy ?import .
               ?import prov:endedAtTime ?imported .
               OPTIONAL {{ ?import prov:used ?used . ?used sg:fileName ?file }} }}
  }}
}}
GROUP BY ?graph ?meta ?public ?imported ?triples
"""


def open_store(settings: Settings, *, read_only: bool = True) -> GraphStore:
    """The store the settings select: a folder (embedded) or a URL (SPARQL server)."""
    if settings.is_remote:
        from sozialgraph.graph.remote import RemoteStore

        return RemoteStore(settings)
    from sozialgraph.graph.embedded import EmbeddedStore

    return EmbeddedStore(settings, read_only=read_only)
