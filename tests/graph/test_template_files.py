"""Planners' files: workbooks and CSV files read into tables, cells read, the empty template."""

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter, range_boundaries
from rdflib import URIRef
from rdflib.namespace import SKOS
from sozialgraph.graph.template.spec import SHEETS, SHEETS_BY_KEY, ColumnType
from sozialgraph.graph.template.tables import Table, read_tables
from sozialgraph.graph.template.values import CellError, parse_value, split_values
from sozialgraph.graph.template.writer import (
    vocabulary_schemes,
    write_csv_folder,
    write_workbook,
)
from sozialgraph.ontology.files import load_vocabularies

VOCAB = "https://w3id.org/sozialgraph/vocab/"


def write_csv(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def read_one(path: Path) -> Table:
    """The single table in `path`, which must read without problems."""
    tables, problems = read_tables([path])
    assert problems == []
    assert len(tables) == 1
    return tables[0]


def column(sheet: str, key: str):
    return SHEETS_BY_KEY[sheet].column(key)


# --- CSV files: encodings, separators, headers, rows -------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_encodings_keep_umlauts_in_headers_and_values(tmp_path, encoding):
    text = "ID;Name;Straße;Ort\r\nst-1;Begegnungsstätte Süd;Große Straße 5;Marburg\r\n"
    table = read_one(write_csv(tmp_path / "Standorte.csv", text, encoding))
    assert table.sheet.key == "locations"
    assert table.headers == {"id": "ID", "name": "Name", "street": "Straße", "locality": "Ort"}
    assert table.rows[0].cells == {
        "id": "st-1",
        "name": "Begegnungsstätte Süd",
        "street": "Große Straße 5",
        "locality": "Marburg",
    }


def test_cp1252_file_name_and_values(tmp_path):
    description = "\u201eKita\u201c kostet 5 \u20ac"  # „Kita“ kostet 5 €: only in Windows-1252
    text = f"ID;Angebot;Qualitätsdimension;Beschreibung\nq-1;a-1;Strukturqualität;{description}\n"
    table = read_one(write_csv(tmp_path / "Qualitätskriterien.csv", text, "cp1252"))
    assert table.sheet.key == "quality_criteria"
    assert table.rows[0].cells["dimension"] == "Strukturqualität"
    assert table.rows[0].cells["description"] == description


@pytest.mark.parametrize(
    ("text", "decimal_comma"),
    [
        ('ID;Name;Breitengrad\nst-1;"Haus A, B";50,8019\n', True),
        ('ID,Name,Breitengrad\nst-1,"Haus A; B",50.8019\n', False),
        ('ID,Name,Latitude\nst-1,"Haus A; B",50.8019\n', False),
        ("ID\tName\tBreitengrad\nst-1\tHaus A; B\t50,8019\n", True),
        ("ID\tName\tLatitude\nst-1\tHaus A, B\t50.8019\n", False),
    ],
)
def test_csv_separator_is_detected_from_the_header(tmp_path, text, decimal_comma):
    table = read_one(write_csv(tmp_path / "Standorte.csv", text))
    assert set(table.headers) == {"id", "name", "latitude"}
    assert table.decimal_comma is decimal_comma
    cells = table.rows[0].cells
    assert cells["name"] in ("Haus A, B", "Haus A; B")
    assert cells["latitude"] in ("50,8019", "50.8019")


@pytest.mark.parametrize(
    "stem",
    [
        "Qualitätskriterien",
        "Qualitaetskriterien",
        "QUALITÄTSKRITERIEN",
        "quality criteria",
        " Quality Criteria ",
        "quality_criteria",
    ],
)
def test_sheets_are_recognised_by_german_or_english_name(tmp_path, stem):
    table = read_one(write_csv(tmp_path / f"{stem}.csv", "ID;Angebot;Qualitätsdimension\n"))
    assert table.sheet.key == "quality_criteria"
    assert table.sheet_label == stem


def test_english_headers_in_odd_case_with_spaces(tmp_path):
    text = "  id ,NAME ,  street,postal CODE , Latitude\nst-1,Haus,Main St 1,35037,50.8\n"
    table = read_one(write_csv(tmp_path / "Locations.csv", text))
    assert table.language == "en"
    assert table.headers == {
        "id": "id",
        "name": "NAME",
        "street": "street",
        "postal_code": "postal CODE",
        "latitude": "Latitude",
    }
    assert table.rows[0].cells["postal_code"] == "35037"


def test_german_headers_in_odd_case_and_ascii_folded(tmp_path):
    text = " id ; NAME ;STRASSE ; längengrad\nst-1;Haus;Hauptstr. 1;8,77\n"
    table = read_one(write_csv(tmp_path / "standorte.csv", text))
    assert table.language == "de"
    assert table.headers["street"] == "STRASSE"
    assert table.rows[0].cells["longitude"] == "8,77"


def test_language_is_the_majority_of_headers_and_german_on_a_tie(tmp_path):
    english = read_one(write_csv(tmp_path / "Standorte.csv", "ID;Street;Locality;PLZ\n"))
    assert english.language == "en"
    tie = read_one(write_csv(tmp_path / "Locations.csv", "ID;Street;PLZ\n"))
    assert tie.language == "de"


def test_trailing_empty_rows_and_columns_are_ignored_and_row_numbers_stay_true(tmp_path):
    text = (
        "ID;Name;;\n"  # 1
        ";;;\n"  # 2 empty
        "  st-1 ; Haus am See  ;;\n"  # 3
        "\n"  # 4 empty
        " ; ;  ;\n"  # 5 only spaces
        "st-2;B;;\n"  # 6
        ";;;\n;;;\n\n"
    )
    table = read_one(write_csv(tmp_path / "Standorte.csv", text))
    assert [row.number for row in table.rows] == [3, 6]
    assert table.rows[0].cells == {"id": "st-1", "name": "Haus am See"}


def test_explanation_row_is_skipped_in_german_and_english(tmp_path):
    sheet = SHEETS_BY_KEY["districts"]
    headers = ";".join(c.header_de for c in sheet.columns)
    german = ";".join(f'"{c.explanation_de}"' for c in sheet.columns)
    english = ";".join(f'"{c.explanation_en}"' for c in sheet.columns[:3])
    for name, explanation in (("Stadtteile.csv", german), ("Districts.csv", english)):
        text = f"{headers}\n{explanation}\nd-1;Nordstadt\n"
        table = read_one(write_csv(tmp_path / name, text))
        assert [row.number for row in table.rows] == [3]


def test_row_2_with_data_is_kept(tmp_path):
    sheet = SHEETS_BY_KEY["districts"]
    text = f"ID;Name;Beschreibung\nd-1;Süd;{sheet.column('description').explanation_de}\n"
    table = read_one(write_csv(tmp_path / "Stadtteile.csv", text))
    assert [row.number for row in table.rows] == [2]


def test_value_in_a_column_without_header_is_a_problem(tmp_path):
    path = write_csv(tmp_path / "Stadtteile.csv", "ID;Name;\nd-1;Süd;\nd-2;Nord;vergessen\n")
    tables, problems = read_tables([path])
    assert [(p.row, p.value) for p in problems] == [(3, "vergessen")]
    assert "column C" in problems[0].reason
    assert [row.number for row in tables[0].rows] == [2, 3]


# --- problems with the file's shape -------------------------------------------------------------


def test_unknown_sheet_names_the_closest_sheets(tmp_path):
    path = write_csv(tmp_path / "Angebot.csv", "ID;Name\na-1;X\n")
    tables, problems = read_tables([path])
    assert tables == []
    [problem] = problems
    assert (problem.file, problem.sheet, problem.row, problem.column) == (
        str(path),
        "Angebot",
        1,
        "",
    )
    assert problem.reason.startswith("unknown sheet")
    assert "'Angebote'" in problem.reason


def test_unknown_sheet_without_close_name_lists_the_known_ones(tmp_path):
    path = write_csv(tmp_path / "Notizen.csv", "ID;Name\nn-1;X\n")
    _, [problem] = read_tables([path])
    assert "did you mean" not in problem.reason
    assert all(sheet.name_de in problem.reason for sheet in SHEETS)


def test_unknown_columns_name_the_closest_columns(tmp_path):
    path = write_csv(tmp_path / "Standorte.csv", "ID;Nmae;Strase;Lieblingsfarbe\nst-1;A;B;blau\n")
    tables, problems = read_tables([path])
    by_column = {p.column: p for p in problems}
    assert set(by_column) == {"Nmae", "Strase", "Lieblingsfarbe"}
    assert all(p.row == 1 and p.reason.startswith("unknown column") for p in problems)
    assert "'Name'" in by_column["Nmae"].reason
    assert "'Straße'" in by_column["Strase"].reason
    assert "Breitengrad" in by_column["Lieblingsfarbe"].reason
    assert tables[0].rows[0].cells == {"id": "st-1"}


def test_duplicated_column_is_a_problem(tmp_path):
    path = write_csv(tmp_path / "Standorte.csv", "ID;Name;name\nst-1;A;B\n")
    tables, [problem] = read_tables([path])
    assert (problem.row, problem.column) == (1, "name")
    assert "duplicate" in problem.reason
    assert tables[0].rows[0].cells == {"id": "st-1", "name": "A"}


def test_missing_required_columns_are_problems_in_the_sheets_language(tmp_path):
    _, german = read_tables([write_csv(tmp_path / "Angebote.csv", "ID;Name\na-1;X\n")])
    assert {(p.row, p.column, p.reason) for p in german} == {
        (1, "Träger", "required column missing"),
        (1, "Zielgruppen", "required column missing"),
        (1, "Handlungsfelder", "required column missing"),
    }
    _, english = read_tables([write_csv(tmp_path / "Services.csv", "ID,Name,Provider\n")])
    assert {p.column for p in english} == {"Target groups", "Fields of action"}


def test_missing_and_unsupported_files_are_problems(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "empty").mkdir()
    _, problems = read_tables(
        [tmp_path / "nowhere.csv", tmp_path / "notes.txt", tmp_path / "empty"]
    )
    assert [p.reason for p in problems] == [
        "file not found",
        "not a workbook (.xlsx) or CSV file",
        "no .csv files in this folder",
    ]


def test_a_folder_of_csv_files_and_single_files_mix(tmp_path):
    folder = tmp_path / "daten"
    folder.mkdir()
    write_csv(folder / "Stadtteile.csv", "ID;Name\nd-1;Süd\n")
    write_csv(folder / "Organisationen.csv", "ID;Name;Organisationsform\no-1;Stadt;Kommune\n")
    (folder / "README.txt").write_text("not data")
    single = write_csv(tmp_path / "Needs.csv", "ID,Target groups,District,Source,Date\n")
    tables, problems = read_tables([folder, single])
    assert problems == []
    assert [(Path(t.file).name, t.sheet.key) for t in tables] == [
        ("Organisationen.csv", "organisations"),
        ("Stadtteile.csv", "districts"),
        ("Needs.csv", "needs"),
    ]
    assert tables[0].file == str(folder / "Organisationen.csv")


# --- workbooks ---------------------------------------------------------------------------------


def make_workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        worksheet = workbook.create_sheet(title)
        for number, row in enumerate(rows, start=1):
            for index, value in enumerate(row, start=1):
                if value is not None:
                    worksheet.cell(number, index, value)
    workbook.save(path)
    return path


def test_workbook_cells_keep_native_values(tmp_path):
    path = make_workbook(
        tmp_path / "daten.xlsx",
        {
            " stadtteilstatistik ": [
                ["ID", "Stadtteil", "Indikator", "Jahr", "Wert", "Einheit", "", "  "],
                ["s-1", "d-1", "Einwohner", 2024, 12.5, " Personen "],
                [],
                [None, None, "   "],
                ["s-2", "d-2", 3, 2023.0, 7, "%"],
                [],
                [],
            ],
            "Tabelle1": [],
        },
    )
    table = read_one(path)
    assert (table.sheet.key, table.sheet_label) == ("district_statistics", " stadtteilstatistik ")
    assert (table.language, table.decimal_comma) == ("de", True)
    assert [row.number for row in table.rows] == [2, 5]
    first, second = (row.cells for row in table.rows)
    assert first == {
        "id": "s-1",
        "district": "d-1",
        "indicator": "Einwohner",
        "year": 2024,
        "value": 12.5,
        "unit": "Personen",
    }
    assert second["indicator"] == 3
    assert second["year"] == 2023
    assert isinstance(second["value"], int)


def test_workbook_dates_and_english_headers(tmp_path):
    path = make_workbook(
        tmp_path / "data.xlsx",
        {
            "Effectiveness Reviews": [
                ["ID", "SERVICE", " date ", "Method"],
                ["r-1", "a-1", date(2024, 3, 1), "Selbstevaluation"],
            ],
            "Lists": [["scheme"], ["junk"]],
        },
    )
    table = read_one(path)
    assert (table.language, table.decimal_comma) == ("en", False)
    assert table.rows[0].cells["date"] == datetime(2024, 3, 1)


def test_workbook_hidden_lists_sheet_is_not_data_but_an_unknown_sheet_is_a_problem(tmp_path):
    path = make_workbook(
        tmp_path / "daten.xlsx",
        {"Stadtteile": [["ID", "Name"]], "Listen": [["x"], ["y"]], "Notizen": [["a"]]},
    )
    tables, [problem] = read_tables([path])
    assert [t.sheet.key for t in tables] == ["districts"]
    assert (problem.file, problem.sheet, problem.row) == (str(path), "Notizen", 1)
    assert problem.reason.startswith("unknown sheet")


def test_unreadable_workbook_is_a_problem(tmp_path):
    path = tmp_path / "kaputt.xlsx"
    path.write_bytes(b"not a zip file")
    tables, [problem] = read_tables([path])
    assert tables == []
    assert problem.reason.startswith("cannot read the workbook")


# --- cells ---------------------------------------------------------------------------------------

AMOUNT = column("fundings", "amount")
PLACES = column("services", "places")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.234,50", Decimal("1234.50")),
        ("1234,5", Decimal("1234.5")),
        ("1234", Decimal("1234")),
        ("-3", Decimal("-3")),
        ("12.500", Decimal("12500")),
        ("1.234.567,8", Decimal("1234567.8")),
        ("0,5", Decimal("0.5")),
        (12, Decimal("12")),
        (12.5, Decimal("12.5")),
    ],
)
def test_decimal_with_decimal_comma(raw, expected):
    assert parse_value(raw, AMOUNT, decimal_comma=True) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1234.50", Decimal("1234.50")),
        ("1234", Decimal("1234")),
        ("-3", Decimal("-3")),
        ("50.8019", Decimal("50.8019")),
        (0.1, Decimal("0.1")),
    ],
)
def test_decimal_with_decimal_point(raw, expected):
    assert parse_value(raw, AMOUNT, decimal_comma=False) == expected


@pytest.mark.parametrize(("raw", "comma"), [("1.5", "1,5"), ("50.8019", "50,8019")])
def test_decimal_point_in_a_decimal_comma_file_is_ambiguous(raw, comma):
    with pytest.raises(CellError) as error:
        parse_value(raw, AMOUNT, decimal_comma=True)
    assert error.value.reason == f"ambiguous number: write {comma} or {raw} in a ','-separated file"


@pytest.mark.parametrize(
    ("raw", "decimal_comma", "reason"),
    [
        ("1 234", True, "spaces"),
        ("1\u00a0234,5", True, "spaces"),
        ("1 234", False, "spaces"),
        ("1234,5", False, "comma"),
        ("1,234.50", False, "comma"),
        ("1,2,3", True, "not a number"),
        ("1.234.5", True, "not a number"),
        ("1.2.3", False, "not a number"),
        (",5", True, "not a number"),
        ("12 €", True, "not a number"),
        ("zwölf", False, "not a number"),
        (True, True, "not a number"),
    ],
)
def test_malformed_decimals(raw, decimal_comma, reason):
    with pytest.raises(CellError, match=reason):
        parse_value(raw, AMOUNT, decimal_comma)


@pytest.mark.parametrize(
    ("raw", "decimal_comma", "expected"),
    [("12", True, 12), ("3,0", True, 3), ("12.500", True, 12500), ("0", False, 0), (7.0, True, 7)],
)
def test_counts(raw, decimal_comma, expected):
    value = parse_value(raw, PLACES, decimal_comma)
    assert value == expected
    assert type(value) is int


@pytest.mark.parametrize(
    ("raw", "decimal_comma", "reason"),
    [
        ("2,5", True, "not a whole number"),
        ("2.5", False, "not a whole number"),
        ("-1", True, "must not be negative"),
        ("1.5", True, "ambiguous"),
        (2.5, True, "not a whole number"),
    ],
)
def test_bad_counts(raw, decimal_comma, reason):
    with pytest.raises(CellError, match=reason):
        parse_value(raw, PLACES, decimal_comma)


DATE = column("needs", "date")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("31.12.2024", date(2024, 12, 31)),
        ("1.2.2024", date(2024, 2, 1)),
        ("29.02.2024", date(2024, 2, 29)),
        ("2024-12-31", date(2024, 12, 31)),
        (date(2024, 5, 6), date(2024, 5, 6)),
        (datetime(2024, 5, 6, 0, 0), date(2024, 5, 6)),
    ],
)
def test_dates(raw, expected):
    value = parse_value(raw, DATE, decimal_comma=True)
    assert value == expected
    assert type(value) is date


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("31.02.2024", "no such date"),
        ("29.02.2023", "no such date"),
        ("2024-13-01", "no such date"),
        ("31.12.24", "two-digit year"),
        ("12/31/2024", "not a date"),
        ("2024/12/31", "not a date"),
        ("31. Dezember 2024", "not a date"),
        (45292, "not a date"),
    ],
)
def test_bad_dates(raw, reason):
    with pytest.raises(CellError, match=reason):
        parse_value(raw, DATE, decimal_comma=True)


YEAR = column("district_statistics", "year")


@pytest.mark.parametrize("raw", ["2024", " 2024 ", 2024, 2024.0])
def test_years(raw):
    assert parse_value(raw, YEAR, decimal_comma=True) == 2024


@pytest.mark.parametrize("raw", ["1899", 2101, "24", "2024,5", 2024.5, "20 24", date(2024, 1, 1)])
def test_bad_years(raw):
    with pytest.raises(CellError):
        parse_value(raw, YEAR, decimal_comma=True)


FULFILLED = column("quality_criteria", "fulfilled")


@pytest.mark.parametrize(
    "raw", ["ja", "J", "yes", "Y", "wahr", "TRUE", "x", "X", "1", 1, 1.0, True]
)
def test_true(raw):
    assert parse_value(raw, FULFILLED, decimal_comma=True) is True


@pytest.mark.parametrize("raw", ["nein", "N", "no", "Falsch", "false", "0", 0, False])
def test_false(raw):
    assert parse_value(raw, FULFILLED, decimal_comma=True) is False


@pytest.mark.parametrize("raw", ["vielleicht", "2", 2, "jein"])
def test_bad_booleans(raw):
    with pytest.raises(CellError, match="not yes or no"):
        parse_value(raw, FULFILLED, decimal_comma=True)


UNIT = column("district_statistics", "unit")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("persons", "persons"),
        ("Person", "persons"),
        ("Personen", "persons"),
        ("EINWOHNER", "persons"),
        ("households", "households"),
        ("Haushalte", "households"),
        ("percent", "percent"),
        ("Prozent", "percent"),
        ("%", "percent"),
    ],
)
def test_units(raw, expected):
    assert parse_value(raw, UNIT, decimal_comma=True) == expected


def test_bad_unit():
    with pytest.raises(CellError, match="unknown unit"):
        parse_value("Stück", UNIT, decimal_comma=True)


WEBSITE = column("organisations", "website")
GEOMETRY = column("districts", "geometry")


@pytest.mark.parametrize("raw", ["https://example.org/a?b=1", "http://x.de", "HTTPS://X.DE"])
def test_urls(raw):
    assert parse_value(raw, WEBSITE, decimal_comma=True) == raw


@pytest.mark.parametrize("raw", ["www.example.org", "ftp://x.de", "https://a b.de", "https://"])
def test_bad_urls(raw):
    with pytest.raises(CellError, match="not a web address"):
        parse_value(raw, WEBSITE, decimal_comma=True)


@pytest.mark.parametrize(
    "raw",
    [
        "POINT(8.77 50.80)",
        "point (8.77 50.80)",
        "LINESTRING(0 0, 1 1)",
        "POLYGON((0 0, 1 0, 1 1, 0 0))",
        "MultiPolygon(((0 0, 1 0, 1 1, 0 0)))",
        "MULTIPOINT((0 0))",
        "MULTILINESTRING((0 0, 1 1))",
        "GEOMETRYCOLLECTION EMPTY",
    ],
)
def test_wkt(raw):
    assert parse_value(raw, GEOMETRY, decimal_comma=True) == raw


@pytest.mark.parametrize("raw", ["8.77 50.80", "POINTS(1 2)", "CIRCLE(1 2, 3)", "{}"])
def test_bad_wkt(raw):
    with pytest.raises(CellError, match="not a WKT geometry"):
        parse_value(raw, GEOMETRY, decimal_comma=True)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(12.0, "12"), (12, "12"), (12.5, "12.5"), ("  a-1 ", "a-1"), ("0815", "0815")],
)
@pytest.mark.parametrize(
    ("sheet", "key"),
    [("services", "id"), ("services", "name"), ("services", "provider"), ("services", "status")],
)
def test_text_like_columns_give_plain_text(raw, expected, sheet, key):
    assert parse_value(raw, column(sheet, key), decimal_comma=False) == expected


@pytest.mark.parametrize("raw", ["", "   ", None])
def test_empty_value_is_an_error(raw):
    with pytest.raises(CellError, match="empty"):
        parse_value(raw, column("services", "name"), decimal_comma=True)


def test_cell_error_is_a_value_error_with_a_reason():
    with pytest.raises(ValueError) as error:
        parse_value("31.02.2024", DATE, decimal_comma=True)
    assert isinstance(error.value, CellError)
    assert error.value.reason == "no such date"


def test_split_values():
    target_groups = column("services", "target_groups")
    assert split_values(" Familien | Alleinerziehende ||  | Senioren ", target_groups) == [
        "Familien",
        "Alleinerziehende",
        "Senioren",
    ]
    assert split_values("a | b", column("services", "status")) == ["a | b"]
    assert split_values("  ", target_groups) == []
    assert split_values(3, column("ties", "intensity")) == [3]


# --- the empty template --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def vocabulary_labels() -> dict[str, list[str]]:
    graph = load_vocabularies()
    labels = {}
    for scheme in vocabulary_schemes():
        concepts = graph.subjects(SKOS.inScheme, URIRef(VOCAB + scheme))
        labels[scheme] = sorted(
            str(label)
            for concept in concepts
            for label in graph.objects(concept, SKOS.prefLabel)
            if label.language == "de"
        )
    return labels


@pytest.fixture(scope="module")
def template(tmp_path_factory, vocabulary_labels) -> Path:
    path = tmp_path_factory.mktemp("template") / "vorlage.xlsx"
    write_workbook(path, vocabulary_labels)
    return path


def test_workbook_has_the_spec_sheets_and_a_hidden_lists_sheet(template):
    workbook = openpyxl.load_workbook(template)
    assert workbook.sheetnames == [sheet.name_de for sheet in SHEETS] + ["Listen"]
    assert workbook["Listen"].sheet_state == "hidden"
    assert all(workbook[sheet.name_de].sheet_state == "visible" for sheet in SHEETS)


def test_workbook_headers_explanations_and_frozen_panes(template):
    workbook = openpyxl.load_workbook(template)
    for sheet in SHEETS:
        worksheet = workbook[sheet.name_de]
        headers = [cell.value for cell in worksheet[1]]
        assert headers == [c.header_de for c in sheet.columns]
        assert [cell.value for cell in worksheet[2]] == [c.explanation_de for c in sheet.columns]
        assert worksheet.freeze_panes == "A3"
        assert all(cell.font.bold for cell in worksheet[1])
        assert all(cell.font.italic for cell in worksheet[2])
        required = [cell.fill.fill_type == "solid" for cell in worksheet[1]]
        assert required == [c.required for c in sheet.columns]


def list_values(workbook, formula: str) -> list[str]:
    """The values of the cells a drop-down's `Listen!$A$2:$A$9` formula points at."""
    sheet_name, cell_range = formula.lstrip("=").split("!")
    min_col, min_row, max_col, max_row = range_boundaries(cell_range.replace("$", ""))
    assert min_col == max_col
    worksheet = workbook[sheet_name.strip("'")]
    return [worksheet.cell(row, min_col).value for row in range(min_row, max_row + 1)]


def test_every_vocabulary_column_has_a_drop_down_from_the_lists_sheet(template, vocabulary_labels):
    workbook = openpyxl.load_workbook(template)
    checked = 0
    for sheet in SHEETS:
        worksheet = workbook[sheet.name_de]
        validations = {
            str(validation.sqref): validation
            for validation in worksheet.data_validations.dataValidation
        }
        expected = set()
        for index, col in enumerate(sheet.columns, start=1):
            if col.type is not ColumnType.VOCABULARY:
                continue
            letter = get_column_letter(index)
            expected.add(f"{letter}3:{letter}1000")
            validation = validations[f"{letter}3:{letter}1000"]
            assert validation.type == "list"
            assert validation.formula1.lstrip("=").startswith("Listen!")
            assert list_values(workbook, validation.formula1) == vocabulary_labels[col.vocabulary]
            assert bool(validation.showErrorMessage) is not col.multiple
            if col.multiple:
                assert "|" in validation.prompt
            checked += 1
        assert set(validations) == expected
    assert checked == sum(
        c.type is ColumnType.VOCABULARY for sheet in SHEETS for c in sheet.columns
    )


def test_workbook_needs_labels_for_every_scheme(tmp_path, vocabulary_labels):
    labels = dict(vocabulary_labels)
    del labels["languages"]
    with pytest.raises(ValueError, match="languages"):
        write_workbook(tmp_path / "x.xlsx", labels)


def test_written_workbook_reads_back_empty_and_clean(template):
    tables, problems = read_tables([template])
    assert problems == []
    assert [table.sheet.key for table in tables] == [sheet.key for sheet in SHEETS]
    assert all(table.rows == [] for table in tables)
    assert all((t.language, t.decimal_comma) == ("de", True) for t in tables)
    assert all(list(t.headers) == [c.key for c in t.sheet.columns] for t in tables)


def test_csv_template_folder(tmp_path):
    paths = write_csv_folder(tmp_path / "vorlage")
    assert [path.name for path in paths] == [f"{sheet.name_de}.csv" for sheet in SHEETS]
    first = paths[0].read_bytes()
    assert first.startswith(b"\xef\xbb\xbf")
    assert first.decode("utf-8-sig").splitlines()[0] == ";".join(
        c.header_de for c in SHEETS[0].columns
    )
    tables, problems = read_tables([tmp_path / "vorlage"])
    assert problems == []
    assert sorted(table.sheet.key for table in tables) == sorted(s.key for s in SHEETS)
    assert all(table.rows == [] and table.decimal_comma for table in tables)
