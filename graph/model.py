"""The package's own graphs in the store: ontology, shapes and one graph per concept scheme."""

from sozialgraph.graph.formats import syntax_for_path
from sozialgraph.graph.names import ONTOLOGY_GRAPH, SHAPES_GRAPH
from sozialgraph.graph.store import Stage
from sozialgraph.ontology.files import ontology_path, shapes_path, vocabulary_paths
from sozialgraph.ontology.namespaces import scheme_iri


def model_graph_files() -> dict[str, object]:
    """Each model graph's IRI and the shipped file that fills it."""
    files = {ONTOLOGY_GRAPH: ontology_path(), SHAPES_GRAPH: shapes_path()}
    files.update({str(scheme_iri(name)): path for name, path in vocabulary_paths().items()})
    return files


def stage_model(stage: Stage) -> None:
    """Replace the model graphs with the installed package's version."""
    for graph, path in model_graph_files().items():
        stage.drop_graph(graph)
        stage.load(path, syntax_for_path(path), graph)
