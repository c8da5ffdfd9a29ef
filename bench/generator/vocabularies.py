"""The concepts of the SKOS schemes the vocabulary columns take their German labels from."""

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS
from sozialgraph.ontology.files import vocabulary_paths
from sozialgraph.ontology.namespaces import SG, VOCAB_BASE


@dataclass(frozen=True)
class Concept:
    """One concept: its IRI's local name, German label, broader concepts and unit (indicators)."""

    name: str
    label: str
    broader: frozenset[str]
    unit: str | None


@cache
def vocabularies() -> dict[str, tuple[Concept, ...]]:
    """Every scheme's concepts, read from the vocabulary files once, sorted by IRI."""
    schemes: dict[str, tuple[Concept, ...]] = {}
    for scheme, path in vocabulary_paths().items():
        graph = Graph().parse(path, format="turtle")
        concepts = []
        for iri in sorted(graph.subjects(SKOS.inScheme, URIRef(VOCAB_BASE + scheme))):
            label = next(
                str(value)
                for value in graph.objects(iri, SKOS.prefLabel)
                if isinstance(value, Literal) and value.language == "de"
            )
            broader = frozenset(str(b).rsplit("/", 1)[-1] for b in graph.objects(iri, SKOS.broader))
            unit = graph.value(iri, SG.unit)
            name = str(iri).rsplit("/", 1)[-1]
            concepts.append(Concept(name, label, broader, str(unit) if unit else None))
        schemes[scheme] = tuple(concepts)
    return schemes


def concepts_under(scheme: str, *roots: str) -> list[Concept]:
    """The concepts `roots` of `scheme` and everything below them."""
    concepts = vocabularies()[scheme]
    found = set(roots)
    while True:
        more = {c.name for c in concepts if c.broader & found} - found
        if not more:
            return [c for c in concepts if c.name in found]
        found |= more


def concept(scheme: str, name: str) -> Concept:
    """One concept of a scheme by its IRI's local name."""
    return next(c for c in vocabularies()[scheme] if c.name == name)


def top_concepts(scheme: str) -> list[Concept]:
    """The concepts of a scheme without a broader one."""
    return [c for c in vocabularies()[scheme] if not c.broader]
