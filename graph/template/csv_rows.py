"""Rows of typed values written as a German planner's CSV export of one template sheet.

The format: `;`-separated, UTF-8 with BOM, CRLF lines, German headers in spec order,
`1.234,50`, `31.12.2024`, `ja`/`nein`, several values in one cell separated by ` | `.
The bench generator and the demo data builder both write through here.
"""

import csv
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path

from sozialgraph.graph.template.spec import SEPARATOR, Sheet

Value = str | int | bool | Decimal | date | list | None

_GERMAN_DIGITS = str.maketrans(",.", ".,")


def german(value: Value) -> str:
    """A value as a German Excel export writes it.

    >>> [german(v) for v in (Decimal("12500.00"), date(2024, 12, 31), True, ["a", "b"], None)]
    ['12.500,00', '31.12.2024', 'ja', 'a | b', '']
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return f" {SEPARATOR} ".join(german(v) for v in value)
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, Decimal):
        return format(value, ",f").translate(_GERMAN_DIGITS)
    if isinstance(value, date):
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return str(value)


def csv_path(folder: Path, sheet: Sheet) -> Path:
    """Where a sheet's CSV file goes in a template folder: `{German sheet name}.csv`."""
    return folder / f"{sheet.name_de}.csv"


def write_sheet_csv(folder: Path, sheet: Sheet, rows: Iterable[list[Value]]) -> int:
    """Write one sheet's rows (values in spec column order) as CSV; return the row count."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(csv_path(folder, sheet), "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow([column.header_de for column in sheet.columns])
        for values in rows:
            writer.writerow([german(value) for value in values])
            count += 1
    return count
