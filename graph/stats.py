"""Counts of the data the store holds: entities per class and triples of the sources."""

from dataclasses import dataclass

from sozialgraph.graph.store import GraphStore, View
from sozialgraph.ontology.namespaces import PREFIXES

_PER_CLASS = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class"
_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@dataclass(frozen=True)
class Stats:
    """Per class: how many distinct things have that type; and the totals."""

    per_class: dict[str, int]
    triples: int
    graphs: int
    sources: int

    def as_dict(self) -> dict:
        return {
            "classes": self.per_class,
            "triples": self.triples,
            "graphs": self.graphs,
            "sources": self.sources,
        }


def compact(iri: str) -> str:
    """`sg:Service` for a known namespace, the full IRI otherwise."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and "/" not in iri[len(namespace) :]:
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def stats(store: GraphStore, view: View = View.FULL) -> Stats:
    """Count entities per class and triples in the view's sources (not the model graphs)."""
    per_class = {
        compact(row["class"].value): int(row["n"].value)
        for row in store.query_data(_PER_CLASS, view)
    }
    triples = int(next(iter(store.query_data(_TRIPLES, view)))["n"].value)
    graphs = store.public_graphs() if view is View.PUBLIC else store.named_graphs()
    sources = [s for s in store.sources() if view is View.FULL or s.public]
    ordered = dict(sorted(per_class.items(), key=lambda item: (-item[1], item[0])))
    return Stats(ordered, triples, len(graphs), len(sources))
