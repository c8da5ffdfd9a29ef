"""Where the model's files are and how to read them into rdflib graphs."""

from importlib.resources import as_file, files
from pathlib import Path

from rdflib import Graph
from sozialgraph.ontology.namespaces import PREFIXES, SG

_PACKAGE = "sozialgraph.ontology"

ONTOLOGY_FILE = "sozialgraph.ttl"
SHAPES_FILE = "shapes.ttl"
VOCAB_DIR = "vocab"


def package_path(name: str) -> Path:
    """The file system path of a file shipped in the ontology package."""
    with as_file(files(_PACKAGE).joinpath(name)) as path:
        return Path(path)


def ontology_path() -> Path:
    """The OWL ontology in Turtle."""
    return package_path(ONTOLOGY_FILE)


def shapes_path() -> Path:
    """The SHACL shapes in Turtle."""
    return package_path(SHAPES_FILE)


def vocabulary_paths() -> dict[str, Path]:
    """Each SKOS concept scheme's name and its Turtle file, sorted by name."""
    folder = package_path(VOCAB_DIR)
    return {path.stem: path for path in sorted(folder.glob("*.ttl"))}


#: The shapes that check the vocabularies themselves, not imported records.
VOCABULARY_SHAPES = frozenset({SG.ConceptShape, SG.ConceptSchemeShape})


def _new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def load_ontology() -> Graph:
    """The ontology as an rdflib graph."""
    return _new_graph().parse(ontology_path(), format="turtle")


def load_shapes() -> Graph:
    """The SHACL shapes as an rdflib graph."""
    return _new_graph().parse(shapes_path(), format="turtle")


def load_vocabularies() -> Graph:
    """All concept schemes in one rdflib graph."""
    graph = _new_graph()
    for path in vocabulary_paths().values():
        graph.parse(path, format="turtle")
    return graph


def load_model() -> Graph:
    """Ontology and vocabularies together: what data is validated and reasoned against."""
    graph = load_ontology()
    graph += load_vocabularies()
    return graph
