"""Import of the planners' template (a workbook, a CSV folder, CSV files) as one source.

Reading, conversion and validation happen before anything is written: every problem of
every file is reported at once, as `file:sheet:row:column: value — reason`, and a rejected
import writes nothing. Validation runs the SHACL shapes, compiled to SPARQL, on a scratch
Oxigraph store holding the model, the new records and the types of the records they refer
to in the store.
"""

import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from sozialgraph.graph.formats import syntax_for_path
from sozialgraph.graph.model import model_graph_files
from sozialgraph.graph.names import check_source_name, slugify, source_graph
from sozialgraph.graph.provenance import FileRecord, file_record
from sozialgraph.graph.shacl_compiled import Violation, compile_shapes, validate_store
from sozialgraph.graph.sources import ImportResult, replace_source
from sozialgraph.graph.store import GraphStore, Stage
from sozialgraph.graph.template.convert import Conversion, Converter, Origin, header
from sozialgraph.graph.template.problems import Problem, ProblemsFound
from sozialgraph.graph.template.spec import SHEETS
from sozialgraph.graph.template.tables import read_tables
from sozialgraph.graph.vocabulary import vocabulary_index
from sozialgraph.ontology.files import load_shapes

SPREADSHEET_SUFFIXES = (".xlsx", ".csv")
CONTEXT_GRAPH = "urn:sozialgraph:context"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_KINDS = {sheet.kind for sheet in SHEETS}


def is_spreadsheet(path: Path) -> bool:
    """A workbook, a CSV file, or a folder (of CSV files)."""
    return path.is_dir() or path.suffix.lower() in SPREADSHEET_SUFFIXES


def input_files(paths: list[Path]) -> list[Path]:
    """The files an import reads: folders stand for the CSV files in them."""
    files = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv"))
        elif not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder")
        else:
            files.append(path)
    return files


@lru_cache(maxsize=1)
def _checks():
    return compile_shapes(load_shapes())


@dataclass
class Prepared:
    """A converted and validated import, ready to be loaded."""

    ntriples: Path
    conversion: Conversion
    files: list[FileRecord]
    context: list[ox.Quad]  # types of the records in the store that the new ones refer to


def existing_records(store: GraphStore, replaced: str) -> tuple[dict[str, set[str]], list[ox.Quad]]:
    """Records the store holds outside the replaced source: IRIs per kind, and their types."""
    base = store.settings.base_iri
    graphs = [g for g in store.data_graphs() if g != replaced]
    query = f'SELECT ?s ?type WHERE {{ ?s a ?type . FILTER(STRSTARTS(STR(?s), "{base}/id/")) }}'
    by_kind: dict[str, set[str]] = {}
    types = []
    for row in store.query_graphs(query, graphs):
        iri = row["s"].value
        kind = iri[len(base) + 4 :].split("/", 1)[0]
        if kind in _KINDS:
            by_kind.setdefault(kind, set()).add(iri)
            types.append(
                ox.Quad(row["s"], ox.NamedNode(RDF_TYPE), row["type"], ox.NamedNode(CONTEXT_GRAPH))
            )
    return by_kind, types


def prepare(
    store: GraphStore, paths: list[Path], graph: str, folder: Path, *, validate_here: bool
) -> Prepared:
    """Read and convert (and, if asked, validate); raise ProblemsFound listing every problem."""
    files = [file_record(path) for path in input_files(paths)]
    tables, problems = read_tables(paths)
    existing, context = existing_records(store, graph)
    ntriples = folder / "records.nt"
    with open(ntriples, "w", encoding="utf-8") as out:
        conversion = Converter(store.settings.base_iri, vocabulary_index(), existing).write(
            tables, out
        )
    del tables  # the rows are in the N-Triples file now; free them before the load
    problems += conversion.problems
    context = [q for q in context if q.subject.value in conversion.referenced_existing]
    if not problems and validate_here:
        problems += validate(ntriples, graph, context, conversion, folder / "scratch")
    if problems:
        raise ProblemsFound(problems)
    return Prepared(ntriples, conversion, files, context)


def validate(
    ntriples: Path, graph: str, context: list[ox.Quad], conversion: Conversion, scratch: Path
) -> list[Problem]:
    """The SHACL shapes over the new records, each violation mapped to its row and column."""
    store = ox.Store(str(scratch))
    for model_graph, path in model_graph_files().items():
        store.load(
            path=path, format=syntax_for_path(path).engine, to_graph=ox.NamedNode(model_graph)
        )
    store.bulk_load(path=ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
    store.bulk_extend(context)
    violations = validate_store(store, _checks(), focus_graph=graph)
    del store
    return [to_problem(v, conversion) for v in violations]


def to_problem(violation: Violation, conversion: Conversion) -> Problem:
    """Name the row and column a SHACL violation is about."""
    focus = violation.focus.strip("<>")
    origin: Origin | None = conversion.origins.get(focus) or conversion.origins.get(
        focus.split("#")[0]
    )
    if origin is None:
        return Problem("", "", 0, violation.path or "", violation.value or "", violation.message)
    sheet = origin.table.sheet
    path = (violation.path or "").strip("<>")
    column = next((c for c in sheet.columns if c.predicate == path), None)
    if column is None and path.endswith("#hasGeometry"):
        column = next((c for c in sheet.columns if c.key == "geometry"), None)
    if column is None:  # a rule about the whole record: name it by its ID
        id_header = header(origin.table, sheet.column("id"))
        return origin.problem(id_header, origin.identifier, violation.message)
    return origin.problem(
        header(origin.table, column), _display(violation.value), violation.message
    )


def _display(value: str | None) -> str:
    """A literal's text without quotes and datatype; an IRI as it is."""
    if not value:
        return "(leer)"
    if value.startswith('"'):
        return value[1 : value.rfind('"')]
    return value.strip("<>")


def default_source_name(paths: list[Path]) -> str:
    return slugify(paths[0].stem if not paths[0].is_dir() else paths[0].name) or "source"


def import_spreadsheets(
    store: GraphStore,
    paths: list[Path],
    *,
    source: str | None = None,
    public: bool = True,
) -> ImportResult:
    """Import the template files as one source, replacing it as a whole, atomically."""
    name = check_source_name(source or default_source_name(paths))
    graph = source_graph(store.settings.base_iri, name)
    with tempfile.TemporaryDirectory(prefix="sozialgraph-import-") as folder:
        prepared = prepare(store, paths, graph, Path(folder), validate_here=False)

        def fill(stage: Stage, target: str) -> None:
            stage.load(prepared.ntriples, syntax_for_path(prepared.ntriples), target)
            engine = stage.engine()
            if engine is None:  # a remote stage holds only what it sends: check beforehand
                return
            violations = validate_store(engine, _checks(), focus_graph=target)
            if violations:
                raise ProblemsFound([to_problem(v, prepared.conversion) for v in violations])

        if not store.stages_locally:
            problems = validate(
                prepared.ntriples,
                graph,
                prepared.context,
                prepared.conversion,
                Path(folder) / "scratch",
            )
            if problems:
                raise ProblemsFound(problems)
        return replace_source(store, name, public=public, files=prepared.files, fill=fill)


def validate_spreadsheets(store: GraphStore, paths: list[Path], source: str | None = None) -> int:
    """Check the template files as an import would, writing nothing; return the record count.

    Raises ProblemsFound listing every problem.
    """
    name = check_source_name(source or default_source_name(paths))
    graph = source_graph(store.settings.base_iri, name)
    with tempfile.TemporaryDirectory(prefix="sozialgraph-validate-") as folder:
        prepared = prepare(store, paths, graph, Path(folder), validate_here=True)
    return len(prepared.conversion.origins)
