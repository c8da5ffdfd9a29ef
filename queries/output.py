"""An answer as a table for the terminal, CSV, JSON or an Excel workbook.

People read labels; CSV and JSON also carry the IRIs, in a column `{variable}_iri` beside
every column that holds IRIs.
"""

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from sozialgraph.queries.runner import Answer, Term

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMBERS = {XSD + t for t in ("integer", "decimal", "double", "float", "long", "int")}


def plain(value: Term) -> object:
    """A literal as a Python value: numbers as numbers, booleans as booleans."""
    if not isinstance(value, ox.Literal):
        return None if value is None else value.value
    datatype = value.datatype.value
    if datatype in NUMBERS:
        number = Decimal(value.value)
        return int(number) if number == number.to_integral_value() else number
    if datatype == XSD + "boolean":
        return value.value in ("true", "1")
    return value.value


def iri_columns(answer: Answer) -> set[str]:
    """The variables that hold an IRI in some row."""
    return {
        name
        for i, name in enumerate(answer.variables)
        if any(isinstance(row[i], ox.NamedNode) for row in answer.rows)
    }


def records(answer: Answer) -> list[dict[str, object]]:
    """One dict per row: labels and values, and the IRIs beside them."""
    with_iris = iri_columns(answer)
    found = []
    for row in answer.rows:
        record: dict[str, object] = {}
        for name, value in zip(answer.variables, row, strict=True):
            is_iri = isinstance(value, ox.NamedNode)
            record[name] = answer.label(value) if is_iri else plain(value)
            if name in with_iris:
                record[f"{name}_iri"] = value.value if is_iri else None
        found.append(record)
    return found


def _json_value(value: object) -> object:
    return float(value) if isinstance(value, Decimal) else value


def to_json(answer: Answer, lang: str) -> str:
    query = answer.query
    document = {
        "query": query.name,
        "title": query.title(lang),
        "parameters": {name: [t.value for t in terms] for name, terms in answer.bindings.items()},
        "columns": {name: query.column(name, lang) for name in answer.variables},
        "rows": [{k: _json_value(v) for k, v in r.items()} for r in records(answer)],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def headers(answer: Answer, lang: str) -> list[str]:
    """Column headers in the language, with an IRI column beside each column of IRIs."""
    with_iris = iri_columns(answer)
    found = []
    for name in answer.variables:
        found.append(answer.query.column(name, lang))
        if name in with_iris:
            found.append(f"{answer.query.column(name, lang)} (IRI)")
    return found


def _cells(answer: Answer) -> list[list[object]]:
    return [list(record.values()) for record in records(answer)]


def to_csv(answer: Answer, lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers(answer, lang))
    writer.writerows(_cells(answer))
    return out.getvalue()


def write_xlsx(answer: Answer, lang: str, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = answer.query.name[:31]
    sheet.append(headers(answer, lang))
    for cells in _cells(answer):
        sheet.append([float(c) if isinstance(c, Decimal) else c for c in cells])
    book.save(path)


def to_table(answer: Answer, lang: str) -> str:
    """A plain text table of labels and values (no IRIs), for the terminal."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=answer.query.title(lang), show_lines=False)
    for name in answer.variables:
        table.add_column(answer.query.column(name, lang))
    for row in answer.rows:
        table.add_row(*(_text(answer, value) for value in row))
    console = Console(width=160, record=True, file=io.StringIO())
    console.print(table)
    console.print(f"{len(answer.rows)} rows" if lang == "en" else f"{len(answer.rows)} Zeilen")
    return console.export_text()


def _text(answer: Answer, value: Term) -> str:
    shown = plain(value) if isinstance(value, ox.Literal) else answer.label(value)
    if isinstance(shown, Decimal):
        return f"{shown:,.2f}"
    return "" if shown is None else str(shown)
