"""`sozialgraph queries` and `sozialgraph query` as a planner runs them, on the demo data."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from tests.api.test_cli_store import run

AS_OF = "as_of=2026-06-30"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("queries") / "store")
    assert run("demo", "--store", path).returncode == 0
    return path


def test_queries_lists_every_query_with_its_parameters():
    listed = run("queries", "--lang", "en")
    assert listed.returncode == 0, listed.stderr
    assert "gaps\tGaps: need without a service" in listed.stdout
    assert "--param as_of=…  (date, default today) Reference date" in listed.stdout
    described = json.loads(run("queries", "--format", "json").stdout)
    gaps = next(q for q in described if q["name"] == "gaps")
    assert gaps["title"] == "Lücken: Bedarf ohne Angebot"
    assert gaps["params"][0] | {"description": None} == {
        "name": "as_of", "type": "date", "default": "today", "vocabulary": None, "kind": None,
        "multiple": False, "required": False, "choices": [], "description": None,
    }  # fmt: skip


def test_table_shows_labels_in_the_language(store):
    german = run("query", "gaps", "-p", AS_OF, "--store", store)
    assert german.returncode == 0, german.stderr
    assert "Alleinerziehende" in german.stdout and "4 Zeilen" in german.stdout
    assert "https://" not in german.stdout
    english = run("query", "gaps", "-p", AS_OF, "--lang", "en", "--store", store)
    assert "Single parents" in english.stdout and "4 rows" in english.stdout


def test_csv_and_json_carry_labels_and_iris(store):
    written = run("query", "gaps", "-p", AS_OF, "--format", "csv", "--store", store)
    rows = list(csv.DictReader(io.StringIO(written.stdout)))
    assert len(rows) == 4
    assert rows[0]["Stadtteil"] == "Cappel"
    assert rows[0]["Stadtteil (IRI)"] == "https://sozialgraph.example/id/district/cappel"
    answer = json.loads(
        run(
            "query", "gaps", "-p", AS_OF, "--format", "json", "--lang", "en", "--store", store
        ).stdout
    )
    assert answer["parameters"] == {"as_of": ["2026-06-30"]}
    assert answer["columns"]["target_group"] == "Target group"
    assert answer["rows"][0]["target_group"] == "Older people living alone"
    assert answer["rows"][0]["target_group_iri"].endswith(
        "/target-groups/older-people-living-alone"
    )


def test_xlsx_and_out_files(store, tmp_path):
    book = tmp_path / "luecken.xlsx"
    written = run("query", "gaps", "-p", AS_OF, "--format", "xlsx", "--out", str(book),
                  "--store", store)  # fmt: skip
    assert written.returncode == 0, written.stderr
    sheet = load_workbook(book).active
    assert sheet["A1"].value == "Stadtteil" and sheet.max_row == 5
    text = tmp_path / "luecken.csv"
    run("query", "gaps", "-p", AS_OF, "--format", "csv", "--out", str(text), "--store", store)
    assert text.read_text(encoding="utf-8").startswith("Stadtteil,Stadtteil (IRI)")


def test_any_rq_file_runs(store, tmp_path):
    query = tmp_path / "zaehlen.rq"
    query.write_text(
        "PREFIX sg: <https://w3id.org/sozialgraph#>\n"
        "SELECT (COUNT(?s) AS ?services) WHERE { ?s a sg:Service }\n",
        encoding="utf-8",
    )
    counted = run("query", str(query), "--format", "csv", "--store", store)
    assert counted.returncode == 0, counted.stderr
    assert counted.stdout.splitlines() == ["services", "262"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["gap"], "error: gap: no such query or .rq file; closest: gaps"),
        (["gaps", "-p", "as_if=2026-01-01"],
         "error: --param as_if: gaps has no such parameter; closest: as_of"),
        (["gaps", "-p", "as_of"], "--param 'as_of': write name=value"),
        (["gaps", "-p", "as_of=morgen"],
         "error: --param as_of='morgen': not a date; write 2026-06-30 or 30.06.2026"),
        (["gaps", "--format", "xlsx"], "--format xlsx: give a file with --out"),
        (["supply", "-p", "target_group=Familien", "-p", "measure=seats"],
         "error: --param measure='seats': not one of places, services"),
        (["supply", "-p", "target_group=Famlien"],
         "error: --param target_group='Famlien': not in the vocabulary 'target-groups'; "
         "closest: Familien, Families, Pflegefamilien"),
    ],
)  # fmt: skip
def test_mistakes_get_one_line_and_exit_2(store, args, message):
    result = run("query", *args, "--store", store)
    assert result.returncode == 2
    assert result.stderr.strip() == message
