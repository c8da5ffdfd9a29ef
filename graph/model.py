"""The package's own graphs in the store: ontology, shapes and one graph per concept scheme.

The ontology graph records a checksum of the files it was loaded from, so an import
refreshes the model graphs only when the installed package brings different ones.
"""

import hashlib
from functools import lru_cache
from pathlib import Path

import pyoxigraph
from sozialgraph.graph.formats import syntax_for_path
from sozialgraph.graph.names import ONTOLOGY_GRAPH, SHAPES_GRAPH
from sozialgraph.graph.store import GraphStore, Stage
from sozialgraph.ontology.files import ontology_path, shapes_path, vocabulary_paths
from sozialgraph.ontology.namespaces import SG, scheme_iri

_CHECKSUM = (
    f"SELECT ?sum WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> "
    f"{{ <{ONTOLOGY_GRAPH}> <{SG.modelChecksum}> ?sum }} }}"
)


def model_graph_files() -> dict[str, Path]:
    """Each model graph's IRI and the shipped file that fills it."""
    files = {ONTOLOGY_GRAPH: ontology_path(), SHAPES_GRAPH: shapes_path()}
    files.update({str(scheme_iri(name)): path for name, path in vocabulary_paths().items()})
    return files


@lru_cache(maxsize=1)
def model_checksum() -> str:
    """SHA-256 over the names and contents of the installed model files."""
    digest = hashlib.sha256()
    for graph, path in sorted(model_graph_files().items()):
        digest.update(graph.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def stored_checksum(reader: GraphStore | Stage) -> str | None:
    """The checksum the model graphs of a store (or a stage) were loaded with, if any."""
    rows = list(reader.query(_CHECKSUM))
    return rows[0]["sum"].value if rows else None


def model_is_current(store: GraphStore) -> bool:
    """Whether the store holds the installed package's model graphs."""
    return stored_checksum(store) == model_checksum()


def drop_model(stage: Stage) -> None:
    """Drop every model graph (before loading the installed ones)."""
    for graph in model_graph_files():
        stage.drop_graph(graph)


def load_model(stage: Stage) -> None:
    """Load the installed model files into their graphs, with their checksum."""
    for graph, path in model_graph_files().items():
        stage.load(path, syntax_for_path(path), graph)
    ontology = pyoxigraph.NamedNode(ONTOLOGY_GRAPH)
    stage.add(
        [
            pyoxigraph.Quad(
                ontology,
                pyoxigraph.NamedNode(str(SG.modelChecksum)),
                pyoxigraph.Literal(model_checksum()),
                ontology,
            )
        ]
    )
