"""The template generator: German CSV files that follow the spec and hold valid data."""

import csv
import os
import re
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import open_store
from sozialgraph.graph.template.importer import import_spreadsheets
from sozialgraph.graph.template.spec import SEPARATOR, SHEETS, SHEETS_BY_KEY, ColumnType
from sozialgraph.ontology.namespaces import VOCAB_BASE

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generate import (  # noqa: E402
    XLSX_ROWS,
    generate_template,
    main,
    template_sizes,
    xlsx_overflow,
    xlsx_services_limit,
)

S = 200
GERMAN_DECIMAL = re.compile(r"-?\d{1,3}(\.\d{3})*(,\d+)?")
GERMAN_DATE = re.compile(r"\d{2}\.\d{2}\.\d{4}")


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("template")
    return folder, generate_template(folder, S, seed=7)


@pytest.fixture(scope="module")
def tables(generated) -> dict[str, list[dict[str, str]]]:
    """Every sheet's rows as {column key: cell}, read back as a planner's tool would."""
    folder, _ = generated
    result = {}
    for sheet in SHEETS:
        with open(folder / f"{sheet.name_de}.csv", encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=";")
            by_header = {c.header_de: c.key for c in sheet.columns}
            keys = [by_header[header] for header in next(reader)]
            result[sheet.key] = [dict(zip(keys, row, strict=True)) for row in reader]
    return result


def values(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(SEPARATOR) if part.strip()]


def cells(tables, column_type: ColumnType):
    """(sheet, column, row, one value) for every filled cell of columns of one type."""
    for sheet in SHEETS:
        for column in sheet.columns:
            if column.type is column_type:
                for row in tables[sheet.key]:
                    for value in values(row[column.key]):
                        yield sheet, column, row, value


def german_date(text: str) -> date:
    assert GERMAN_DATE.fullmatch(text), text
    return datetime.strptime(text, "%d.%m.%Y").date()


def german_decimal(text: str) -> Decimal:
    assert GERMAN_DECIMAL.fullmatch(text), text
    return Decimal(text.replace(".", "").replace(",", "."))


def test_same_seed_and_size_give_the_same_bytes_in_another_process(generated, tmp_path):
    folder, _ = generated
    again = tmp_path / "again"
    result = subprocess.run(
        [sys.executable, "-m", "bench.generate", str(again), "--services", str(S), "--seed", "7"],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Angebote.csv" in result.stdout
    first = sorted(path.name for path in folder.iterdir())
    assert first == sorted(path.name for path in again.iterdir())
    for name in first:
        assert (folder / name).read_bytes() == (again / name).read_bytes(), name
    other = tmp_path / "other"
    generate_template(other, S, seed=8)
    assert (other / "Angebote.csv").read_bytes() != (folder / "Angebote.csv").read_bytes()


def test_one_file_per_sheet_with_the_spec_headers_in_order(generated):
    folder, _ = generated
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{s.name_de}.csv" for s in SHEETS)
    for sheet in SHEETS:
        raw = (folder / f"{sheet.name_de}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), sheet.name_de
        first_line = raw[3:].split(b"\r\n", 1)[0].decode("utf-8")
        assert first_line == ";".join(c.header_de for c in sheet.columns)


def test_row_counts_follow_the_proportions(generated, tables):
    _, counts = generated
    assert counts == {key: len(rows) for key, rows in tables.items()}
    committees = max(10, S // 40)
    expected = {
        "organisations": S // 4, "services": S, "locations": S // 2,
        "services_at_locations": S, "fundings": S, "committees": committees,
        "memberships": 4 * committees, "ties": S // 2, "quality_criteria": S // 2,
        "reviews": S // 2, "contracts": S // 4,
    }  # fmt: skip
    assert {key: counts[key] for key in expected} == expected
    places = counts["districts"]
    assert 5 <= places <= 20
    assert counts["needs"] == 2 * places
    indicators = {row["indicator"] for row in tables["district_statistics"]}
    assert 3 <= len(indicators) <= 10
    assert counts["district_statistics"] == places * len(indicators) * 2
    funders = [r for r in tables["organisations"] if "Kostenträger" in r["roles"]]
    assert len(funders) == -(-(S // 4) // 4)  # every fourth organisation, rounded up
    assert {row["year"] for row in tables["fundings"]} == {"2023", "2024"}


def test_every_reference_names_a_row_of_its_target_sheet(tables):
    ids = {key: {row["id"] for row in rows} for key, rows in tables.items()}
    for key, found in ids.items():
        assert len(found) == len(tables[key]), f"{key}: IDs repeat"
    checked = 0
    for sheet, column, _row, value in cells(tables, ColumnType.REFERENCE):
        assert value in ids[column.target], f"{sheet.key}.{column.key}: {value}"
        checked += 1
    assert checked > S
    assert re.fullmatch(r"org-\d{5}", tables["organisations"][16]["id"])
    assert re.fullmatch(r"svc-\d{5}", tables["services"][122]["id"])


def test_every_vocabulary_cell_is_a_german_label_of_its_scheme(tables, vocabularies):
    seen: set[tuple[str, str]] = set()
    for _sheet, column, _row, value in cells(tables, ColumnType.VOCABULARY):
        seen.add((column.vocabulary, value))
    for scheme, value in seen:
        labels = {
            str(label)
            for concept in vocabularies.subjects(SKOS.inScheme, URIRef(VOCAB_BASE + scheme))
            for label in vocabularies.objects(concept, SKOS.prefLabel)
            if isinstance(label, Literal) and label.language == "de"
        }
        assert value in labels, f"{value!r} is no German label in {scheme}"
    assert len({scheme for scheme, _ in seen}) == len(
        {c.vocabulary for s in SHEETS for c in s.columns if c.vocabulary}
    )


def test_required_cells_are_filled_and_optional_ones_mostly(tables):
    for sheet in SHEETS:
        rows = tables[sheet.key]
        for column in sheet.columns:
            filled = sum(bool(row[column.key]) for row in rows)
            if column.required:
                assert filled == len(rows), f"{sheet.key}.{column.key}"
            elif len(rows) >= 100 and column.key not in ("part_of", "member_of", "end"):
                assert filled >= 0.6 * len(rows), f"{sheet.key}.{column.key}: {filled}"


def test_dates_are_german_and_ends_follow_starts(tables):
    for _, _, _, value in cells(tables, ColumnType.DATE):
        german_date(value)
    pairs = 0
    for sheet in SHEETS:
        keys = {c.key for c in sheet.columns}
        if {"start", "end"} <= keys:
            for row in tables[sheet.key]:
                if row["start"] and row["end"]:
                    assert german_date(row["end"]) >= german_date(row["start"]), row["id"]
                    pairs += 1
    assert pairs > S


def test_numbers_booleans_and_years_are_written_the_german_way(tables):
    amounts = [german_decimal(value) for _, c, _, value in cells(tables, ColumnType.DECIMAL)]
    assert any(amount >= 1000 for amount in amounts)
    assert any("." in v and "," in v for _, _, _, v in cells(tables, ColumnType.DECIMAL))
    for _, _, _, value in cells(tables, ColumnType.COUNT):
        assert value.isdigit(), value
    for _, _, _, value in cells(tables, ColumnType.YEAR):
        assert re.fullmatch(r"20\d\d", value), value
    for _, _, _, value in cells(tables, ColumnType.BOOLEAN):
        assert value in ("ja", "nein"), value
    for _, _, _, value in cells(tables, ColumnType.UNIT):
        assert value in ("Personen", "Haushalte", "Prozent"), value


def test_values_keep_the_shapes_constraints(tables):
    for row in tables["locations"]:
        assert re.fullmatch(r"350\d\d", row["postal_code"])
        assert Decimal("50.78") <= german_decimal(row["latitude"]) <= Decimal("50.84")
        assert Decimal("8.72") <= german_decimal(row["longitude"]) <= Decimal("8.80")
    for row in tables["services"]:
        if row["minimum_age"] and row["maximum_age"]:
            assert int(row["minimum_age"]) <= int(row["maximum_age"]) <= 130
        assert re.fullmatch(r"[+0-9 ()/-]{3,}", row["phone"] or "069")
        assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", row["email"] or "a@b.c")
        assert (row["website"] or "https://").startswith("https://")
    for row in tables["ties"]:
        assert row["from"] != row["to"]
        for key in ("trust", "value"):
            if row[key]:
                assert 1 <= german_decimal(row[key]) <= 4
    for row in tables["fundings"]:
        assert row["service"] or row["recipient"], row["id"]
        assert row["year"], row["id"]
        assert row["recipient"] != row["funder"]
        assert re.fullmatch(r"[A-Z]{3}", row["currency"] or "EUR")
    for row in tables["contracts"]:
        assert row["commissioner"] not in values(row["contractors"])
    for sheet in SHEETS:
        for column in sheet.columns:
            if column.type is ColumnType.REFERENCE and column.target == sheet.key:
                assert_no_cycles(tables[sheet.key], column.key)
    steering = {r["id"] for r in tables["committees"] if r["committee_type"] == "Steuerungsgruppe"}
    reporting = [r["reports_to"] for r in tables["committees"] if r["reports_to"]]
    assert steering and reporting and set(reporting) <= steering


def assert_no_cycles(rows: list[dict[str, str]], key: str) -> None:
    """No record reaches itself; the generator ensures it by naming earlier rows only."""
    links = {row["id"]: values(row[key]) for row in rows}
    order = {ident: number for number, ident in enumerate(links)}
    for ident, targets in links.items():
        assert all(order[target] < order[ident] for target in targets), (ident, key, targets)
    for start in links:
        seen, todo = set(), list(links[start])
        while todo:
            current = todo.pop()
            assert current != start, f"{start} reaches itself through {key}"
            if current not in seen:
                seen.add(current)
                todo.extend(links.get(current, []))


def test_the_workbook_holds_the_same_rows_with_typed_cells(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book_path = tmp_path / "vorlage.xlsx"
    counts = generate_template(tmp_path / "csv", 40, seed=3, xlsx=book_path)
    book = openpyxl.load_workbook(book_path, read_only=True)
    assert book.sheetnames == [sheet.name_de for sheet in SHEETS]
    for sheet in SHEETS:
        rows = list(book[sheet.name_de].iter_rows(values_only=True))
        assert list(rows[0]) == [c.header_de for c in sheet.columns]
        assert len(rows) - 1 == counts[sheet.key]
    services = SHEETS_BY_KEY["services"]
    start = [c.key for c in services.columns].index("start")
    row = next(r for r in book["Angebote"].iter_rows(min_row=2, values_only=True) if r[start])
    assert isinstance(row[start], datetime)
    fundings = SHEETS_BY_KEY["fundings"]
    amount = [c.key for c in fundings.columns].index("amount")
    first = next(book["Finanzierungen"].iter_rows(min_row=2, values_only=True))
    assert isinstance(first[amount], int | float)


def test_an_xlsx_sheet_takes_1_048_575_services_and_not_one_more():
    assert XLSX_ROWS == 1_048_576  # Excel's rows a sheet: the header and 1,048,575 data rows
    fits, too_many = template_sizes(1_048_575), template_sizes(1_048_576)
    assert fits["services"] == 1_048_575 and too_many["services"] == 1_048_576
    assert xlsx_overflow(fits) is None
    assert xlsx_overflow(too_many) is SHEETS_BY_KEY["services"]
    assert xlsx_services_limit() == 1_048_575


def first_too_long(key: str) -> int | None:
    """The fewest services whose sheet `key` has more data rows than an XLSX sheet holds."""
    low, high = 1, 64 * XLSX_ROWS
    if template_sizes(high)[key] < XLSX_ROWS:
        return None  # a sheet of fixed size (districts, their statistics, needs)
    while low < high:
        middle = (low + high) // 2
        if template_sizes(middle)[key] < XLSX_ROWS:
            low = middle + 1
        else:
            high = middle
    return low


def test_the_services_sheet_is_the_first_too_long_for_xlsx():
    first = {sheet.key: first_too_long(sheet.key) for sheet in SHEETS}
    earliest = min(n for n in first.values() if n is not None)
    assert earliest == 1_048_576
    assert {key for key, n in first.items() if n == earliest} == {
        "services", "services_at_locations", "fundings",
    }  # fmt: skip
    assert first["organisations"] == first["contracts"] == 4 * XLSX_ROWS
    assert first["districts"] is first["district_statistics"] is first["needs"] is None
    # of the three, the error names the first in sheet order
    assert xlsx_overflow(template_sizes(earliest)).name_de == "Angebote"


def test_a_workbook_too_long_is_refused_before_anything_is_written(tmp_path):
    folder, book = tmp_path / "csv", tmp_path / "vorlage.xlsx"
    with pytest.raises(ValueError) as refused:
        generate_template(folder, 1_048_576, xlsx=book)
    message = str(refused.value)
    assert "sheet 'Angebote' would have 1,048,576 rows plus the header" in message
    assert f"at most {XLSX_ROWS:,} rows" in message
    assert "at most 1,048,575 services" in message
    assert not folder.exists() and not book.exists()


def test_the_command_line_refuses_a_workbook_too_long_with_exit_code_2(tmp_path, capsys):
    folder, book = tmp_path / "csv", tmp_path / "vorlage.xlsx"
    code = main([str(folder), "--services", "2000000", "--xlsx", str(book)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert "--xlsx: sheet 'Angebote' would have 2,000,000 rows plus the header" in err
    assert f"at most {XLSX_ROWS:,} rows" in err
    assert not folder.exists() and not book.exists()


def test_10000_services_import_into_an_embedded_store(tmp_path):
    folder = tmp_path / "vorlage"
    counts = generate_template(folder, 10_000, seed=1)
    settings = Settings(store=str(tmp_path / "store"), base_iri="https://sozialgraph.example")
    store = open_store(settings, read_only=False)
    try:
        result = import_spreadsheets(store, [folder])
    finally:
        store.close()
    imported = {sheet.key: result.per_class.get(sheet.rdf_class, 0) for sheet in SHEETS}
    assert counts["services"] == 10_000
    for key in ("services", "organisations", "fundings", "committees"):
        assert imported[key] == counts[key], key
    assert imported == counts
