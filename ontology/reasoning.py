"""Consistency of the model under OWL 2 DL, checked by HermiT through owlready2 (needs Java)."""

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph


class ReasonerUnavailable(RuntimeError):
    """owlready2 or a Java runtime is missing."""


@dataclass(frozen=True)
class ReasonerReport:
    """What HermiT found: consistency, unsatisfiable classes, and its message if any."""

    consistent: bool
    unsatisfiable_classes: list[str] = field(default_factory=list)
    message: str = ""

    @property
    def ok(self) -> bool:
        """Consistent and without unsatisfiable class."""
        return self.consistent and not self.unsatisfiable_classes


def check_consistency(graph: Graph) -> ReasonerReport:
    """Classify the graph with HermiT and report inconsistency and unsatisfiable classes.

    owlready2 reads RDF/XML or N-Triples, not Turtle, so the graph is written as N-Triples
    into a temporary folder first.
    """
    try:
        import owlready2
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise ReasonerUnavailable("owlready2 is not installed (extra 'reasoning')") from error

    with tempfile.TemporaryDirectory(prefix="sozialgraph-reasoner-") as folder:
        path = Path(folder) / "model.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        ontology = world.get_ontology(path.as_uri()).load()
        try:
            with ontology:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as error:
            return ReasonerReport(consistent=False, message=str(error))
        except FileNotFoundError as error:
            raise ReasonerUnavailable(f"no Java runtime for HermiT: {error}") from error
        unsatisfiable = sorted(
            entity.iri for entity in world.inconsistent_classes() if entity is not owlready2.Nothing
        )
        world.close()
    return ReasonerReport(consistent=True, unsatisfiable_classes=unsatisfiable)
