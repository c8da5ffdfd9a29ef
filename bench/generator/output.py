"""The rows of each sheet, written as CSV files and (optionally) one XLSX workbook."""

import random
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from sozialgraph.graph.template.csv_rows import german, write_sheet_csv
from sozialgraph.graph.template.spec import SHEETS, Column, ColumnType, Sheet

from bench.generator.columns import column_maker
from bench.generator.fiction import FILL, FILL_BY_KEY
from bench.generator.plans import PLANS, no_plan
from bench.generator.values import Value
from bench.generator.world import World, template_sizes


def _stage(column: Column) -> int:
    """Typed values first, then the name, then texts made from them (e-mail from name …)."""
    if column.type not in (ColumnType.TEXT, ColumnType.URL):
        return 0
    return 1 if column.key == "name" else 2


def sheet_rows(sheet: Sheet, world: World) -> Iterator[list[Value]]:
    """The rows of one sheet as typed values in spec column order."""
    rng = random.Random(f"{world.seed}:{sheet.key}")
    plan = PLANS.get(sheet.key, no_plan)(world, rng)
    makers = [
        (c.key, c.required, FILL_BY_KEY.get(c.key, FILL), column_maker(sheet, c, world))
        for c in sorted(sheet.columns, key=_stage)
    ]
    keys = [c.key for c in sheet.columns]
    for i in range(world.sizes[sheet.key]):
        row = plan(i)
        for key, required, fill, make in makers:
            if key in row:
                continue
            row[key] = make(rng, i, row) if required or rng.random() < fill else None
            if required and row[key] in (None, []):
                raise RuntimeError(f"{sheet.key} row {i}: no value for required column {key}")
        yield [row[key] for key in keys]


XLSX_ROWS = 1_048_576  # the rows an Excel sheet holds, the header row included


def xlsx_overflow(sizes: dict[str, int]) -> Sheet | None:
    """The first sheet, in spec order, whose rows and header would not fit an XLSX sheet."""
    return next((sheet for sheet in SHEETS if sizes[sheet.key] + 1 > XLSX_ROWS), None)


def xlsx_services_limit() -> int:
    """The most services for which every sheet fits an XLSX sheet."""
    low, high = 1, XLSX_ROWS  # every sheet grows with the services; S services are S rows
    while low < high:
        middle = (low + high + 1) // 2
        if xlsx_overflow(template_sizes(middle)) is None:
            low = middle
        else:
            high = middle - 1
    return low


def check_xlsx_rows(sizes: dict[str, int]) -> None:
    """Raise ValueError naming the first sheet too long for XLSX, its rows and the limit."""
    sheet = xlsx_overflow(sizes)
    if sheet is None:
        return
    raise ValueError(
        f"sheet '{sheet.name_de}' would have {sizes[sheet.key]:,} rows plus the header, but an "
        f"XLSX sheet holds at most {XLSX_ROWS:,} rows ({XLSX_ROWS - 1:,} plus the header); "
        f"at most {xlsx_services_limit():,} services fit in a workbook: "
        "generate fewer services, or the CSV folder alone"
    )


class _Workbook:
    """The same rows as one XLSX workbook (openpyxl, write-only): typed numbers and dates."""

    def __init__(self, path: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        self.path, self.book, self.cell = path, Workbook(write_only=True), WriteOnlyCell

    def rows(self, sheet: Sheet, rows: Iterable[list[Value]]) -> Iterator[list[Value]]:
        """Pass the rows on, appending each to a new worksheet named like the sheet.

        Row 1 holds the German headers.
        """
        worksheet = self.book.create_sheet(sheet.name_de[:31])
        worksheet.append([c.header_de for c in sheet.columns])
        for values in rows:
            worksheet.append([self._cell(worksheet, v) for v in values])
            yield values

    def _cell(self, worksheet: object, value: Value) -> object:
        if isinstance(value, bool | list):
            return german(value)
        if isinstance(value, date):
            cell = self.cell(worksheet, value=value)
            cell.number_format = "DD.MM.YYYY"
            return cell
        return value

    def close(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.book.save(self.path)


def generate_template(
    folder: Path, services: int, seed: int = 1, *, xlsx: Path | None = None
) -> dict[str, int]:
    """Write one `{name_de}.csv` per sheet into `folder` (and `xlsx` if given); rows per sheet.

    Raises ValueError, before writing anything, if a sheet would not fit an XLSX sheet.
    """
    if services < 1:
        raise ValueError("services must be at least 1")
    sizes = template_sizes(services)
    if xlsx:
        check_xlsx_rows(sizes)
    world = World(seed, sizes)
    workbook = _Workbook(xlsx) if xlsx else None
    counts: dict[str, int] = {}
    for sheet in SHEETS:
        rows = sheet_rows(sheet, world)
        counts[sheet.key] = write_sheet_csv(
            folder, sheet, workbook.rows(sheet, rows) if workbook else rows
        )
    if workbook:
        workbook.close()
    return counts
