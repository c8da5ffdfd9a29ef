"""Graphs written through the endpoint (SPARQL Update, Graph Store Protocol): who may, and the log.

The importer owns every graph under `{base}/graph/` (sources, their meta graphs, this
log) and the model graphs; the endpoint may write any other graph. Each graph it creates
is recorded with its visibility (public unless the request says otherwise), and every
write is logged as a PROV-O activity, like an import, in the non-public graph
`{base}/graph/endpoint`.
"""

import uuid
from collections.abc import Iterable

import pyoxigraph as ox
from sozialgraph.graph.names import is_model_graph
from sozialgraph.graph.provenance import PROV, RDF_TYPE, XSD, now, software_iri
from sozialgraph.ontology.namespaces import SG

PUBLIC = ox.NamedNode(f"{SG}public")
ENDPOINT_GRAPH_CLASS = ox.NamedNode(f"{SG}EndpointGraph")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def log_graph(base: str) -> str:
    """The graph that records the endpoint's graphs and writes."""
    return f"{base}/graph/endpoint"


def is_reserved(base: str, graph: str) -> bool:
    """Whether a graph belongs to the importer or the package, so the endpoint may not write it.

    >>> is_reserved("https://x.example", "https://x.example/graph/source/demo")
    True
    >>> is_reserved("https://x.example", "http://example.org/mine")
    False
    """
    return graph.startswith(f"{base}/graph/") or is_model_graph(graph)


def endpoint_graphs_query(base: str) -> str:
    """SELECT ?graph ?public: every graph the endpoint created, with its visibility."""
    return (
        f"SELECT ?graph ?public WHERE {{ GRAPH <{log_graph(base)}> "
        f"{{ ?graph a {ENDPOINT_GRAPH_CLASS} ; {PUBLIC} ?public }} }}"
    )


def record_write(
    base: str, operation: str, *, created: Iterable[str], removed: Iterable[str], public: bool
) -> str:
    """SPARQL Update that registers created graphs, forgets removed ones and logs the write.

    The log names the operation, the time and the software, never a person.
    """
    created, removed = sorted(created), sorted(removed)
    log = ox.NamedNode(log_graph(base))
    flag = ox.Literal("true" if public else "false", datatype=ox.NamedNode(XSD + "boolean"))
    activity = ox.NamedNode(f"{base}/graph/endpoint#write-{uuid.uuid4().hex}")
    stamp = ox.Literal(now().isoformat(), datatype=ox.NamedNode(XSD + "dateTime"))
    triples = [
        (activity, RDF_TYPE, ox.NamedNode(PROV + "Activity")),
        (activity, ox.NamedNode(PROV + "endedAtTime"), stamp),
        (activity, ox.NamedNode(PROV + "wasAssociatedWith"), ox.NamedNode(software_iri())),
        (activity, LABEL, ox.Literal(operation)),
    ]
    for graph in created:
        node = ox.NamedNode(graph)
        triples += [
            (node, RDF_TYPE, ENDPOINT_GRAPH_CLASS),
            (node, PUBLIC, flag),
            (node, ox.NamedNode(PROV + "wasGeneratedBy"), activity),
        ]
    triples += [
        (ox.NamedNode(graph), ox.NamedNode(PROV + "wasInvalidatedBy"), activity)
        for graph in removed
    ]
    forget = [
        f"DELETE WHERE {{ GRAPH {log} {{ {ox.NamedNode(graph)} {PUBLIC} ?public }} }} ;"
        for graph in removed
    ]
    data = "\n".join(f"  {s} {p} {o} ." for s, p, o in triples)
    return "\n".join([*forget, f"INSERT DATA {{ GRAPH {log} {{\n{data}\n}} }}"])
