"""From the planners' tables to RDF: IRIs from IDs, references, concepts, typed values.

Every row becomes one record with the IRI `{base}/id/{kind}/{slug(ID)}`. References resolve
within the import first, then against what the store already holds. Every problem is
collected (not only the first) with its file, sheet, row and column; the triples are
streamed as N-Triples to a file, so that large imports need little memory.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from difflib import get_close_matches
from typing import TextIO

from sozialgraph.graph.names import slugify
from sozialgraph.graph.template.problems import Problem
from sozialgraph.graph.template.spec import SHEETS_BY_KEY, Column, ColumnType, Sheet
from sozialgraph.graph.template.tables import Row, Table
from sozialgraph.graph.template.values import CellError, parse_value, split_values
from sozialgraph.graph.vocabulary import UnknownConcept, VocabularyIndex
from sozialgraph.ontology.namespaces import SG

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
GEO = "http://www.opengis.net/ont/geosparql#"
XSD = "http://www.w3.org/2001/XMLSchema#"
EMPTY = "(leer)"
MAX_SUGGESTIONS = 50  # problems that get "closest IDs" computed (each scans all IDs)

_DATATYPES = {
    ColumnType.TEXT: None,
    ColumnType.DATE: XSD + "date",
    ColumnType.YEAR: XSD + "gYear",
    ColumnType.DECIMAL: XSD + "decimal",
    ColumnType.COUNT: XSD + "integer",
    ColumnType.BOOLEAN: XSD + "boolean",
    ColumnType.URL: XSD + "anyURI",
    ColumnType.WKT: GEO + "wktLiteral",
    ColumnType.UNIT: None,
}


class Iri(str):
    """An IRI value (a resolved reference or concept), as opposed to a literal's text."""


@dataclass(frozen=True, eq=False)
class Place:
    """What a problem needs to know of a table, without its rows (which are freed early)."""

    file: str
    sheet_label: str
    sheet: Sheet
    language: str
    headers: dict[str, str]

    @classmethod
    def of(cls, table: Table) -> "Place":
        return cls(table.file, table.sheet_label, table.sheet, table.language, table.headers)


@dataclass(frozen=True)
class Origin:
    """Where a record came from: its table and row."""

    table: Place
    row: int
    identifier: str

    def problem(self, column: str, value: str, reason: str) -> Problem:
        return Problem(self.table.file, self.table.sheet_label, self.row, column, value, reason)


@dataclass
class Conversion:
    """The outcome of a conversion: problems, and where each record came from."""

    problems: list[Problem] = field(default_factory=list)
    origins: dict[str, Origin] = field(default_factory=dict)  # record IRI -> origin
    referenced_existing: set[str] = field(default_factory=set)  # IRIs already in the store
    triples: int = 0


def record_iri(base: str, sheet: Sheet, identifier: str) -> str:
    """The IRI minted from a record's own ID (DESIGN.md, decision 3).

    >>> record_iri("https://x.example", SHEETS_BY_KEY["services"], "Kita Süd 1")
    'https://x.example/id/service/kita-sued-1'
    """
    return f"{base}/id/{sheet.kind}/{slugify(identifier)}"


def header(table: Table | Place, column: Column) -> str:
    """The column's header as the file wrote it (or in the file's language)."""
    return table.headers.get(column.key) or (
        column.header_de if table.language == "de" else column.header_en
    )


def _text(raw: object) -> str:
    return str(raw).strip() if raw is not None else EMPTY


def _quoted(text: str) -> str:
    """A string in N-Triples quotes, escaped."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    return f'"{escaped}"'


def _literal(value: object, column: Column) -> str:
    """The N-Triples form of a parsed cell value."""
    if isinstance(value, bool):
        return f'"{"true" if value else "false"}"^^<{XSD}boolean>'
    if isinstance(value, date):
        return f'"{value.isoformat()}"^^<{XSD}date>'
    if column.type is ColumnType.YEAR:
        return f'"{int(value):04d}"^^<{XSD}gYear>'
    if isinstance(value, Decimal) and column.type is ColumnType.DECIMAL:
        text = format(value, "f")
        return f'"{text if "." in text else text + ".0"}"^^<{XSD}decimal>'
    datatype = _DATATYPES.get(column.type)
    return _quoted(str(value)) + (f"^^<{datatype}>" if datatype else "")


class Converter:
    """Turns tables into N-Triples lines and problems, for one import call."""

    def __init__(
        self,
        base: str,
        vocabulary: VocabularyIndex,
        existing: dict[str, set[str]],
    ) -> None:
        self.base = base
        self.vocabulary = vocabulary
        self.existing = existing  # kind -> IRIs of records the store already holds
        self.result = Conversion()
        self._ids: dict[str, dict[str, Origin]] = {}  # kind -> slug -> first origin
        self._suggested = 0
        self._concepts: dict[tuple[str, str], str] = {}
        self._places: dict[int, Place] = {}

    # -- pass 1: every record's IRI ------------------------------------------------------

    def register(self, tables: list[Table]) -> None:
        """Mint every row's IRI; report missing and duplicate IDs."""
        for table in tables:
            id_column = table.sheet.column("id")
            place = self._places.setdefault(id(table), Place.of(table))
            for row in table.rows:
                origin = Origin(place, row.number, "")
                raw = row.cells.get("id")
                identifier = "" if raw is None else str(parse_value(raw, id_column, False))
                if not slugify(identifier):
                    origin_problem = (
                        "required ID missing" if raw is None else "ID has no letters or digits"
                    )
                    self.result.problems.append(
                        origin.problem(header(table, id_column), _text(raw), origin_problem)
                    )
                    continue
                known = self._ids.setdefault(table.sheet.kind, {})
                slug = slugify(identifier)
                if slug in known:
                    first = known[slug]
                    where = f"{first.table.file}:{first.table.sheet_label}:{first.row}"
                    self.result.problems.append(
                        origin.problem(
                            header(table, id_column), identifier, f"duplicate ID (first in {where})"
                        )
                    )
                    continue
                origin = Origin(place, row.number, identifier)
                known[slug] = origin
                self.result.origins[record_iri(self.base, table.sheet, identifier)] = origin

    # -- pass 2: triples -----------------------------------------------------------------

    def write(self, tables: list[Table], out: TextIO) -> Conversion:
        """Write every valid row's triples to `out`; collect the problems of the others."""
        self.register(tables)
        for table in tables:
            for row in table.rows:
                for line in self._row(table, row):
                    out.write(line)
                    self.result.triples += 1
        return self.result

    def _row(self, table: Table, row: Row) -> Iterator[str]:
        raw_id = row.cells.get("id")
        if raw_id is None:
            return
        identifier = str(parse_value(raw_id, table.sheet.column("id"), False))
        iri = record_iri(self.base, table.sheet, identifier)
        origin = self.result.origins.get(iri)
        if (
            origin is None
            or origin.row != row.number
            or origin.table is not self._places[id(table)]
        ):
            return  # a duplicate, already reported
        subject = f"<{iri}>"
        lines = [
            f"{subject} {RDF_TYPE} <{table.sheet.rdf_class}> .\n",
            f"{subject} <{SG.identifier}> {_quoted(identifier)} .\n",
        ]
        for column in table.sheet.columns:
            if column.type is ColumnType.ID:
                continue
            raw = row.cells.get(column.key)
            if raw is None:
                if column.required and column.key in table.headers:  # else: whole column missing
                    self.result.problems.append(
                        origin.problem(header(table, column), EMPTY, "required value missing")
                    )
                continue
            for value in self._values(origin, table, column, raw):
                lines.extend(self._statements(iri, table.sheet, column, value))
        if table.sheet.key == "fundings" and "amount" in row.cells and "currency" not in row.cells:
            lines.append(f'{subject} <{SG.currency}> "EUR" .\n')
        yield from lines

    def _values(self, origin: Origin, table: Table, column: Column, raw: object) -> list[object]:
        """The cell's values, parsed and resolved; problems recorded, bad values dropped."""
        values = []
        for item in split_values(raw, column) if column.multiple else [raw]:
            try:
                value = parse_value(item, column, table.decimal_comma)
                if column.type is ColumnType.VOCABULARY:
                    value = Iri(self._concept(column.vocabulary, str(value)))
                elif column.type is ColumnType.REFERENCE:
                    value = Iri(self._reference(column, str(value)))
            except (CellError, UnknownConcept) as error:
                self.result.problems.append(
                    origin.problem(header(table, column), _text(item), str(error))
                )
                continue
            values.append(value)
        return values

    def _concept(self, scheme: str, value: str) -> str:
        key = (scheme, value)
        if key not in self._concepts:
            self._concepts[key] = self.vocabulary.resolve(scheme, value)
        return self._concepts[key]

    def _reference(self, column: Column, identifier: str) -> str:
        target = SHEETS_BY_KEY[column.target]
        iri = record_iri(self.base, target, identifier)
        if iri in self.result.origins:
            return iri
        if iri in self.existing.get(target.kind, set()):
            self.result.referenced_existing.add(iri)
            return iri
        raise CellError(f"unknown ID in '{target.name_de}'{self._closest_ids(target, identifier)}")

    def _closest_ids(self, target: Sheet, identifier: str) -> str:
        self._suggested += 1
        if self._suggested > MAX_SUGGESTIONS:
            return ""
        prefix = f"{self.base}/id/{target.kind}/"
        candidates = list(self._ids.get(target.kind, {})) + [
            iri.removeprefix(prefix) for iri in self.existing.get(target.kind, set())
        ]
        close = get_close_matches(slugify(identifier), candidates, n=3, cutoff=0.6)
        return f"; closest: {', '.join(close)}" if close else ""

    def _statements(self, iri: str, sheet: Sheet, column: Column, value) -> list[str]:
        """The N-Triples lines one value of a column becomes."""
        subject, predicate = f"<{iri}>", f"<{column.predicate}>"
        if column.type is ColumnType.WKT:
            geometry = f"<{iri}#geometry>"
            return [
                f"{subject} <{GEO}hasGeometry> {geometry} .\n",
                f"{geometry} {predicate} {_literal(value, column)} .\n",
            ]
        if isinstance(value, Iri):
            lines = [f"{subject} {predicate} <{value}> .\n"]
            if column.key == "kind" and sheet.key == "organisations":
                kind_class = self.vocabulary.kind_class.get(self.vocabulary.top_concept(value))
                if kind_class:
                    lines.append(f"{subject} {RDF_TYPE} <{kind_class}> .\n")
            return lines
        lines = [f"{subject} {predicate} {_literal(value, column)} .\n"]
        if column.key == "name":
            lines.append(f"{subject} {RDFS_LABEL} {_quoted(str(value))} .\n")
        return lines
