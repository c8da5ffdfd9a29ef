"""Import of RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) as one source."""

from collections.abc import Callable
from pathlib import Path

from sozialgraph.graph.formats import syntax_for_path
from sozialgraph.graph.names import check_source_name, slugify
from sozialgraph.graph.provenance import file_record
from sozialgraph.graph.sources import ImportResult, replace_source
from sozialgraph.graph.store import GraphStore, Stage


def default_source_name(files: list[Path]) -> str:
    """The first file's stem as a slug (DESIGN.md, decision 2).

    >>> default_source_name([Path("Träger 2024.ttl")])
    'traeger-2024'
    """
    return slugify(files[0].stem) or "source"


def import_rdf(
    store: GraphStore,
    files: list[Path],
    *,
    source: str | None = None,
    public: bool = True,
    on_file: Callable[[Path], None] | None = None,
) -> ImportResult:
    """Load the files into one source graph, replacing it as a whole, atomically.

    Raises FileNotFoundError, UnknownFormat or BadSourceName before anything is written,
    and RdfSyntaxError (file:line:column: reason) with the store left unchanged.
    """
    if not files:
        raise ValueError("no files to import")
    name = check_source_name(source or default_source_name(files))
    syntaxes = [syntax_for_path(path) for path in files]
    for path in files:
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such file")
    records = [file_record(path) for path in files]

    def fill(stage: Stage, graph: str) -> None:
        for path, syntax in zip(files, syntaxes, strict=True):
            stage.load(path, syntax, graph)
            if on_file:
                on_file(path)

    return replace_source(store, name, public=public, files=records, fill=fill)
