"""A SPARQL 1.1 server as the store: queries and updates through SPARQLWrapper.

The query URL comes from `--store`; the update and Graph Store Protocol URLs from the
settings or, as for Oxigraph, `/update` and `/store` beside the query URL's `/query`.
A write is staged locally and sent as one SPARQL Update request, which the server
applies as one transaction.

The server's own default graph is not part of the full view: SPARQL has no name for it in
`default-graph-uri`, so the full view's default graph is the union of the named graphs.
"""

import re
import urllib.request
from base64 import b64encode
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import quote

import pyoxigraph
from sozialgraph.graph.embedded import syntax_error
from sozialgraph.graph.formats import RdfSyntax
from sozialgraph.graph.store import GraphStore, QueryResult, Stage, StoreError
from SPARQLWrapper import POST, POSTDIRECTLY, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

_RESULTS = "application/sparql-results+json"
_TRIPLES = "application/n-triples"


def sibling_url(query_url: str, name: str) -> str:
    """`http://host/query` → `http://host/update` (or `/store`), else `http://host/sparql/update`.

    >>> sibling_url("http://localhost:7878/query", "update")
    'http://localhost:7878/update'
    """
    if re.search(r"/query/?$", query_url):
        return re.sub(r"/query/?$", "/" + name, query_url)
    return query_url.rstrip("/") + "/" + name


def _unreachable(url: str, error: OSError) -> StoreError:
    return StoreError(f"cannot reach the SPARQL server {url}: {getattr(error, 'reason', error)}")


class RemoteStage(Stage):
    """Changes collected in memory and sent as one update request."""

    def __init__(self) -> None:
        self.staged = pyoxigraph.Store()
        self.dropped: list[str] = []

    def drop_graph(self, graph: str) -> None:
        self.dropped.append(graph)
        node = pyoxigraph.NamedNode(graph)
        if self.staged.contains_named_graph(node):
            self.staged.remove_graph(node)

    def load(self, path: Path, syntax: RdfSyntax, graph: str | None) -> None:
        try:
            quads = pyoxigraph.parse(path=path, format=syntax.engine)
            if graph is None:
                self.staged.extend(quads)
            else:
                target = pyoxigraph.NamedNode(graph)
                self.staged.extend(
                    pyoxigraph.Quad(q.subject, q.predicate, q.object, target) for q in quads
                )
        except SyntaxError as error:
            raise syntax_error(path, error) from None

    def add(self, quads: Iterable[pyoxigraph.Quad]) -> None:
        self.staged.extend(quads)

    def query(self, sparql: str) -> QueryResult:
        return self.staged.query(sparql, use_default_graph_as_union=True)

    def update_request(self) -> str:
        """DROP every replaced graph, then INSERT DATA of everything staged."""
        lines = [f"DROP SILENT GRAPH <{graph}> ;" for graph in dict.fromkeys(self.dropped)]
        lines.append("INSERT DATA {")
        for graph in self.staged.named_graphs():
            lines.append(f"GRAPH {graph} {{")
            lines.extend(
                f"{q.subject} {q.predicate} {q.object} ."
                for q in self.staged.quads_for_pattern(None, None, None, graph)
            )
            lines.append("}")
        lines.extend(
            f"{q.subject} {q.predicate} {q.object} ."
            for q in self.staged.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())
        )
        lines.append("}")
        return "\n".join(lines)


class RemoteStore(GraphStore):
    """A SPARQL 1.1 Protocol server (Oxigraph, Fuseki, GraphDB, Virtuoso …)."""

    @property
    def location(self) -> str:
        return self.settings.store

    @property
    def update_url(self) -> str:
        return self.settings.update_url or sibling_url(self.settings.store, "update")

    def _client(self, url: str) -> SPARQLWrapper:
        client = SPARQLWrapper(url)
        client.setMethod(POST)
        client.setTimeout(int(self.settings.max_query_timeout))
        if self.settings.remote_user:
            password = self.settings.remote_password
            client.setCredentials(
                self.settings.remote_user, password.get_secret_value() if password else ""
            )
        return client

    def _send(self, client: SPARQLWrapper) -> bytes:
        try:
            return client.query().response.read()
        except HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip().splitlines()
            raise StoreError(
                f"{client.endpoint} answered {error.code}: {detail[0] if detail else error.reason}"
            ) from None
        except (URLError, OSError) as error:
            raise _unreachable(client.endpoint, error) from None
        except SPARQLWrapperException as error:  # its names for 4xx/5xx answers
            message = str(error).strip().splitlines()
            raise StoreError(
                f"{client.endpoint}: {message[0] if message else type(error).__name__}"
            ) from None

    def _select(self, client: SPARQLWrapper) -> pyoxigraph.QuerySolutions:
        client.addCustomHttpHeader("Accept", _RESULTS)
        return pyoxigraph.parse_query_results(
            self._send(client), format=pyoxigraph.QueryResultsFormat.JSON
        )

    def _query(self, sparql, default_graphs, named_graphs) -> QueryResult:
        client = self._client(self.settings.store)
        client.setQuery(sparql)
        if default_graphs is None:
            default_graphs = named_graphs = self.named_graphs()
        for graph in default_graphs:
            if graph != "default":
                client.addDefaultGraph(graph)
        for graph in named_graphs or []:
            client.addNamedGraph(graph)
        form = client.queryType
        if form in ("CONSTRUCT", "DESCRIBE"):
            client.addCustomHttpHeader("Accept", _TRIPLES)
            return pyoxigraph.parse(self._send(client), format=pyoxigraph.RdfFormat.N_TRIPLES)
        return self._select(client)

    def named_graphs(self) -> list[str]:
        client = self._client(self.settings.store)
        client.setQuery("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(row["g"].value for row in self._select(client))

    @property
    def graph_store_url(self) -> str:
        return self.settings.graph_store_url or sibling_url(self.settings.store, "store")

    def graph_quads(self, graph: str) -> Iterator[pyoxigraph.Quad]:
        """GET the graph from the Graph Store Protocol endpoint, as N-Triples."""
        selector = "default" if graph == "default" else "graph=" + quote(graph, safe="")
        request = urllib.request.Request(
            f"{self.graph_store_url}?{selector}", headers={"Accept": _TRIPLES}
        )
        if self.settings.remote_user:
            password = self.settings.remote_password
            secret = (
                f"{self.settings.remote_user}:{password.get_secret_value() if password else ''}"
            )
            request.add_header("Authorization", "Basic " + b64encode(secret.encode()).decode())
        try:
            with urllib.request.urlopen(request, timeout=self.settings.max_query_timeout) as answer:
                body = answer.read()
        except HTTPError as error:
            if error.code == 404:
                return iter(())  # an empty or absent graph
            raise StoreError(
                f"{self.graph_store_url} answered {error.code} for <{graph}>"
            ) from None
        except (URLError, OSError) as error:
            raise _unreachable(self.graph_store_url, error) from None
        name = pyoxigraph.DefaultGraph() if graph == "default" else pyoxigraph.NamedNode(graph)
        return (
            pyoxigraph.Quad(t.subject, t.predicate, t.object, name)
            for t in pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES)
        )

    @contextmanager
    def writing(self) -> Iterator[Stage]:
        stage = RemoteStage()
        yield stage
        client = self._client(self.update_url)
        client.setRequestMethod(POSTDIRECTLY)
        client.setQuery(stage.update_request())
        self._send(client)
