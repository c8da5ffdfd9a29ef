"""Reading planners' files (a workbook, a folder of CSV files, single CSV files) into raw tables.

A table is one sheet: its recognised columns and its non-empty rows, with the row numbers of
the file. Nothing is converted here but text: cells keep the values the file holds, and
`values.parse_value` reads them. Everything wrong with the file's shape is a `Problem`.
"""

import csv
import difflib
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from sozialgraph.graph.names import slugify
from sozialgraph.graph.template.problems import Problem
from sozialgraph.graph.template.spec import SHEETS, Column, Sheet

#: The hidden sheet of the workbook that holds the drop-down lists; it is not data.
LISTS_SHEET_NAMES = ("Listen", "Lists")
#: Tried in this order; the one that splits the header line into known headers wins.
SEPARATORS = (";", ",", "\t")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_LARGE_FIELD = 1 << 26  # district geometries in WKT can be far longer than csv's default


@dataclass
class Row:
    """One non-empty row: its number in the file (header row = 1) and its non-empty cells."""

    number: int
    cells: dict[str, object] = field(default_factory=dict)


@dataclass
class Table:
    """One sheet read from a file, with the columns it has and the rows it holds."""

    file: str
    sheet: Sheet = field(repr=False)
    sheet_label: str
    language: str
    decimal_comma: bool
    headers: dict[str, str] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)


def read_tables(paths: list[Path]) -> tuple[list[Table], list[Problem]]:
    """Every sheet in the given workbooks, CSV folders and CSV files, and what is wrong."""
    tables: list[Table] = []
    problems: list[Problem] = []
    for path in paths:
        tables.extend(_read_path(Path(path), problems))
    return tables, problems


def find_sheet(label: str) -> Sheet | None:
    """The sheet a file or sheet name means: German or English, any case, ASCII-folded."""
    return _SHEETS_BY_SLUG.get(slugify(label))


def find_column(sheet: Sheet, header: str) -> Column | None:
    """The column a header means: German or English, any case, ASCII-folded."""
    return _COLUMNS_BY_SLUG[sheet.key].get(slugify(header))


def _read_path(path: Path, problems: list[Problem]) -> list[Table]:
    if path.is_dir():
        files = sorted(
            child
            for child in path.iterdir()
            if child.is_file()
            and child.suffix.lower() == ".csv"
            and not child.name.startswith((".", "~$"))
        )
        if not files:
            problems.append(_file_problem(path, "no .csv files in this folder"))
        return [table for file in files for table in _read_csv(file, problems)]
    if not path.is_file():
        problems.append(_file_problem(path, "file not found"))
        return []
    if path.suffix.lower() == ".csv":
        return _read_csv(path, problems)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return _read_workbook(path, problems)
    problems.append(_file_problem(path, "not a workbook (.xlsx) or CSV file"))
    return []


def _read_workbook(path: Path, problems: list[Problem]) -> list[Table]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        problems.append(_file_problem(path, f"cannot read the workbook ({error})"))
        return []
    tables = []
    try:
        for worksheet in workbook.worksheets:
            if slugify(worksheet.title) in _LISTS_SLUGS:
                continue
            worksheet.reset_dimensions()  # some writers store a wrong used range
            rows = [list(values) for values in worksheet.iter_rows(values_only=True)]
            if not any(_clean(value) is not None for row in rows for value in row):
                continue  # an empty sheet, such as a new workbook's "Tabelle1"
            sheet = _identify(str(path), worksheet.title, problems)
            if sheet is not None:
                tables.append(_table(str(path), sheet, worksheet.title, rows, None, problems))
    finally:
        workbook.close()
    return tables


def _read_csv(path: Path, problems: list[Problem]) -> list[Table]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            problems.append(_file_problem(path, "encoding is neither UTF-8 nor Windows-1252"))
            return []
    label = path.stem
    if not text.strip():
        return []
    sheet = _identify(str(path), label, problems)
    if sheet is None:
        return []
    separator = _detect_separator(text, sheet)
    csv.field_size_limit(max(csv.field_size_limit(), _LARGE_FIELD))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as error:
        problems.append(_file_problem(path, f"cannot read the CSV file ({error})"))
        return []
    decimal_comma = None if separator == "\t" else separator == ";"
    return [_table(str(path), sheet, label, rows, decimal_comma, problems)]


def _detect_separator(text: str, sheet: Sheet) -> str:
    """The separator that splits the header line into the most known headers."""
    first_line = text.splitlines()[0] if text else ""

    def score(separator: str) -> tuple[int, int]:
        header = next(csv.reader(io.StringIO(text, newline=""), delimiter=separator), [])
        known = sum(find_column(sheet, cell) is not None for cell in header)
        return known, first_line.count(separator)

    return max(SEPARATORS, key=score)


def _identify(file: str, label: str, problems: list[Problem]) -> Sheet | None:
    """The sheet a label names; an unknown one is a problem naming the closest sheets."""
    sheet = find_sheet(label)
    if sheet is None:
        closest = _closest(label, [name for s in SHEETS for name in (s.name_de, s.name_en)])
        known = ", ".join(f"{s.name_de} ({s.name_en})" for s in SHEETS)
        reason = f"did you mean {closest}?" if closest else f"known sheets: {known}"
        reason = f"unknown sheet; {reason}"
        problems.append(Problem(file, label, 1, "", label, reason))
    return sheet


def _table(
    file: str,
    sheet: Sheet,
    label: str,
    rows: list[Sequence[object]],
    decimal_comma: bool | None,
    problems: list[Problem],
) -> Table:
    """A table from the rows of one sheet, header row first; `decimal_comma` None: by language."""
    header = [_clean(value) for value in rows[0]] if rows else []
    language = _language(sheet, header)
    table = Table(file, sheet, label, language, language == "de")
    if decimal_comma is not None:
        table.decimal_comma = decimal_comma
    positions = _header_positions(table, header, problems)
    named = {index for index, value in enumerate(header) if value is not None}
    for column in sheet.columns:
        if column.required and column.key not in table.headers:
            name = column.header_de if language == "de" else column.header_en
            problems.append(Problem(file, label, 1, name, "", "required column missing"))
    headerless_reported: set[int] = set()
    for number, values in enumerate(rows[1:], start=2):
        cleaned = [_clean(value) for value in values]
        for index, value in enumerate(cleaned):
            if value is not None and index not in named and index not in headerless_reported:
                headerless_reported.add(index)
                letter = get_column_letter(index + 1)
                reason = f"value in column {letter}, which has no header"
                problems.append(Problem(file, label, number, "", str(value), reason))
        cells = {
            key: cleaned[index]
            for index, key in positions.items()
            if index < len(cleaned) and cleaned[index] is not None
        }
        if cells and not (number == 2 and _is_explanation_row(sheet, cells)):
            table.rows.append(Row(number, cells))
    return table


def _header_positions(table: Table, header: list, problems: list[Problem]) -> dict[int, str]:
    """Column index → column key for the known headers; unknown and duplicated ones reported."""
    positions: dict[int, str] = {}
    for index, value in enumerate(header):
        if value is None:
            continue
        written = str(value)
        column = find_column(table.sheet, written)
        if column is None:
            reason = _unknown_column_reason(table.sheet, written, table.language)
            problems.append(Problem(table.file, table.sheet_label, 1, written, written, reason))
        elif column.key in table.headers:
            first = table.headers[column.key]
            reason = f"duplicate column (same as {first!r})"
            problems.append(Problem(table.file, table.sheet_label, 1, written, written, reason))
        else:
            positions[index] = column.key
            table.headers[column.key] = written
    return positions


def _unknown_column_reason(sheet: Sheet, header: str, language: str) -> str:
    closest = _closest(header, [name for column in sheet.columns for name in column.headers])
    if closest:
        return f"unknown column; did you mean {closest}?"
    names = [column.header_de if language == "de" else column.header_en for column in sheet.columns]
    return f"unknown column; columns of this sheet: {', '.join(names)}"


def _language(sheet: Sheet, header: list) -> str:
    """The language of the headers: German if most known ones are German (ties too)."""
    german = english = 0
    for value in header:
        column = find_column(sheet, str(value)) if value is not None else None
        if column is not None:
            german += slugify(str(value)) == slugify(column.header_de)
            english += slugify(str(value)) == slugify(column.header_en)
    return "de" if german >= english else "en"


def _is_explanation_row(sheet: Sheet, cells: dict[str, object]) -> bool:
    """Whether a row is the template's explanation row (every cell an explanation)."""
    return all(
        value in (sheet.column(key).explanation_de, sheet.column(key).explanation_en)
        for key, value in cells.items()
    )


def _closest(word: str, names: list[str]) -> str:
    """The names closest to `word` (compared ASCII-folded), quoted and joined, or ""."""
    by_slug: dict[str, str] = {}
    for name in names:
        by_slug.setdefault(slugify(name), name)
    matches = difflib.get_close_matches(slugify(word), list(by_slug), n=3)
    return " or ".join(repr(by_slug[match]) for match in matches)


def _clean(value: object) -> object:
    """A cell's value with surrounding spaces stripped; empty text becomes None."""
    if isinstance(value, str):
        return value.strip() or None
    return value


def _file_problem(path: Path, reason: str) -> Problem:
    return Problem(str(path), "", 0, "", "", reason)


_SHEETS_BY_SLUG: dict[str, Sheet] = {
    slugify(name): sheet for sheet in SHEETS for name in (sheet.name_de, sheet.name_en)
}
_COLUMNS_BY_SLUG: dict[str, dict[str, Column]] = {
    sheet.key: {slugify(header): column for column in sheet.columns for header in column.headers}
    for sheet in SHEETS
}
_LISTS_SLUGS = frozenset(slugify(name) for name in LISTS_SHEET_NAMES)
