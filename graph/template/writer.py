"""The empty template: a workbook with drop-downs, or a folder of CSV files, from the spec."""

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sozialgraph.graph.template.spec import SEPARATOR, SHEETS, ColumnType, Sheet
from sozialgraph.graph.template.tables import LISTS_SHEET_NAMES

LISTS_SHEET = LISTS_SHEET_NAMES[0]
#: Drop-downs and formats reach down to this row.
LAST_ROW = 1000
REQUIRED_FILL = PatternFill(fill_type="solid", start_color="FFF2CC", end_color="FFF2CC")
MIN_WIDTH, MAX_WIDTH = 10, 45


def vocabulary_schemes() -> list[str]:
    """The concept schemes the template's drop-downs use, in the order of first use."""
    schemes = (column.vocabulary for sheet in SHEETS for column in sheet.columns)
    return list(dict.fromkeys(scheme for scheme in schemes if scheme))


def write_workbook(path: Path, vocabulary_labels: dict[str, list[str]]) -> None:
    """Write the empty workbook; `vocabulary_labels` holds each scheme's German labels."""
    missing = [scheme for scheme in vocabulary_schemes() if scheme not in vocabulary_labels]
    if missing:
        raise ValueError(f"no labels for the concept schemes {', '.join(missing)}")
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheets = [workbook.create_sheet(sheet.name_de) for sheet in SHEETS]
    ranges = _write_lists(workbook.create_sheet(LISTS_SHEET), vocabulary_labels)
    for worksheet, sheet in zip(sheets, SHEETS, strict=True):
        _write_sheet(worksheet, sheet, ranges)
    workbook.active = 0
    workbook.save(path)


def write_csv_folder(folder: Path) -> list[Path]:
    """Write one ';'-separated UTF-8 (with BOM) file per sheet, as German Excel reads it."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for sheet in SHEETS:
        path = folder / f"{sheet.name_de}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
            writer.writerow(column.header_de for column in sheet.columns)
            writer.writerow(column.explanation_de for column in sheet.columns)
        paths.append(path)
    return paths


def _write_lists(worksheet: Worksheet, vocabulary_labels: dict[str, list[str]]) -> dict[str, str]:
    """One column per scheme (name, then labels) on the hidden sheet; scheme → its range."""
    worksheet.sheet_state = "hidden"
    ranges = {}
    for index, scheme in enumerate(vocabulary_schemes(), start=1):
        letter = get_column_letter(index)
        labels = vocabulary_labels[scheme]
        worksheet.cell(1, index, scheme).font = Font(bold=True)
        for row, label in enumerate(labels, start=2):
            cell = worksheet.cell(row, index, label)
            cell.data_type = "s"  # a label is never a formula
        last = max(len(labels), 1) + 1
        ranges[scheme] = f"{LISTS_SHEET}!${letter}$2:${letter}${last}"
    return ranges


def _write_sheet(worksheet: Worksheet, sheet: Sheet, ranges: dict[str, str]) -> None:
    """Headers, explanations, frozen panes, widths and drop-downs of one sheet."""
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        header = worksheet.cell(1, index, column.header_de)
        header.font = Font(bold=True)
        if column.required:
            header.fill = REQUIRED_FILL
        explanation = worksheet.cell(2, index, column.explanation_de)
        explanation.font = Font(italic=True)
        explanation.alignment = Alignment(wrap_text=True, vertical="top")
        width = max(len(column.header_de) + 4, min(len(column.explanation_de), 30))
        worksheet.column_dimensions[letter].width = min(max(width, MIN_WIDTH), MAX_WIDTH)
        if column.type is ColumnType.VOCABULARY and column.vocabulary:
            validation = _drop_down(ranges[column.vocabulary], column.multiple)
            worksheet.add_data_validation(validation)
            validation.add(f"{letter}3:{letter}{LAST_ROW}")
    worksheet.freeze_panes = "A3"


def _drop_down(cell_range: str, multiple: bool) -> DataValidation:
    """A list drop-down; for several values typed text like "a | b" stays allowed."""
    validation = DataValidation(type="list", formula1=cell_range, allow_blank=True)
    if multiple:
        validation.showErrorMessage = False
        validation.showInputMessage = True
        validation.promptTitle = "Mehrere Werte"
        validation.prompt = f"Mehrere Werte mit {SEPARATOR} trennen, z. B. a {SEPARATOR} b."
    else:
        validation.showErrorMessage = True
        validation.errorTitle = "Unbekannter Wert"
        validation.error = "Bitte einen Wert aus der Liste wählen."
    return validation
