# ruff: noqa: E501 - rows of spreadsheet data read best on one line each
"""Importing the planners' template: good files in every dialect, and every kind of bad input.

Each bad case checks that its line names the right row and column, and that the store is
left exactly as it was.
"""

from decimal import Decimal
from pathlib import Path

import pytest
from sozialgraph.graph.rdf_import import import_rdf
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import open_store
from sozialgraph.graph.template.importer import import_spreadsheets, validate_spreadsheets
from sozialgraph.graph.template.problems import ProblemsFound

BASE = "https://sozialgraph.example"

# A small valid dataset, German headers, as (sheet, header, rows).
GOOD = {
    "Organisationen": (
        ["ID", "Name", "Organisationsform", "Rollen", "Teil von"],
        [
            ["stadt", "Stadt Musterstadt", "Öffentlicher Träger", "Kostenträger | Auftraggeber", ""],
            ["verein", "Beispielverein e.V.", "Eingetragener Verein", "Leistungserbringer", ""],
            ["verein-sued", "Beispielverein Süd", "Eingetragener Verein", "Leistungserbringer", "verein"],
        ],
    ),
    "Stadtteile": (["ID", "Name"], [["oststadt", "Oststadt"], ["weststadt", "Weststadt"]]),
    "Angebote": (
        ["ID", "Name", "Träger", "Zielgruppen", "Handlungsfelder", "Plätze", "Beginn", "Ende"],
        [
            ["kita-sued", "Kita Süd", "verein", "Familien | Alleinerziehende", "Familienförderung", "40", "01.08.2020", ""],
            ["beratung", "Familienberatung", "verein-sued", "Familien", "Familienförderung", "", "2021-01-01", "31.12.2026"],
        ],
    ),
    "Finanzierungen": (
        ["ID", "Kostenträger", "Angebot", "Finanzierungsart", "Rechtsgrundlage", "Jahr", "Betrag"],
        [
            ["f-2024-1", "stadt", "kita-sued", "Projektförderung", "SGB VIII § 16", "2024", "12.500,00"],
            ["f-2025-1", "stadt", "kita-sued", "Projektförderung", "SGB VIII", "2025", "13.000"],
        ],
    ),
    "Stadtteilstatistik": (
        ["ID", "Stadtteil", "Indikator", "Jahr", "Wert", "Einheit"],
        [["st-1", "oststadt", "population-age-65-plus", "2024", "1.234", "Personen"]],
    ),
}  # fmt: skip


def write_csv(folder: Path, sheet: str, header: list[str], rows: list[list[str]], *, sep=";", encoding="utf-8-sig") -> Path:  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{sheet}.csv"
    lines = [sep.join(header)] + [sep.join(row) for row in rows]
    path.write_text("\r\n".join(lines) + "\r\n", encoding=encoding)
    return path


def write_dataset(folder: Path, changes: dict | None = None, **options) -> Path:
    """The GOOD dataset, with some sheets replaced by (header, rows) from `changes`."""
    for sheet, (header, rows) in {**GOOD, **(changes or {})}.items():
        write_csv(folder, sheet, header, rows, **options)
    return folder


@pytest.fixture
def store(tmp_path):
    opened = open_store(Settings(store=str(tmp_path / "store"), base_iri=BASE), read_only=False)
    yield opened
    opened.close()


def snapshot(store) -> dict[str, frozenset[str]]:
    return {
        graph: frozenset(f"{q.subject} {q.predicate} {q.object}" for q in store.graph_quads(graph))
        for graph in ["default", *store.named_graphs()]
    }


def rejected(store, folder: Path, **options) -> list[str]:
    """Import that must fail; returns the problem lines and checks nothing was written."""
    before = snapshot(store)
    with pytest.raises(ProblemsFound) as caught:
        import_spreadsheets(store, [folder], **options)
    assert snapshot(store) == before, "a rejected import changed the store"
    return [str(problem) for problem in caught.value.problems]


def names(store, cls: str) -> set[str]:
    query = f"SELECT ?n WHERE {{ ?s a <https://w3id.org/sozialgraph#{cls}> ; <https://w3id.org/sozialgraph#name> ?n }}"
    return {row["n"].value for row in store.query_data(query)}


def test_good_folder_imports_with_iris_types_and_values(store, tmp_path):
    result = import_spreadsheets(store, [write_dataset(tmp_path / "Planung 2024")])
    assert result.name == "planung-2024"
    assert names(store, "Service") == {"Kita Süd", "Familienberatung"}
    assert names(store, "PublicBody") == {"Stadt Musterstadt"}, "kind implies the class"
    amounts = {
        Decimal(row["a"].value)
        for row in store.query_data(
            "SELECT ?a WHERE { ?f <https://w3id.org/sozialgraph#amount> ?a }"
        )
    }
    assert amounts == {Decimal("12500"), Decimal("13000")}
    ask = f"""ASK {{
        <{BASE}/id/service/kita-sued> <https://w3id.org/sozialgraph#provider> <{BASE}/id/organisation/verein> ;
            <https://w3id.org/sozialgraph#targetGroup> <https://w3id.org/sozialgraph/vocab/target-groups/single-parents> ;
            <https://w3id.org/sozialgraph#places> 40 ;
            <https://w3id.org/sozialgraph#startDate> "2020-08-01"^^<http://www.w3.org/2001/XMLSchema#date> .
        <{BASE}/id/funding/f-2024-1> <https://w3id.org/sozialgraph#legalBasis>
            <https://w3id.org/sozialgraph/vocab/legal-bases/sgb-viii-16> ;
            <https://w3id.org/sozialgraph#currency> "EUR" .
    }}"""  # fmt: skip
    assert store.query_data(ask)


@pytest.mark.parametrize(
    "sep, encoding",
    [(";", "utf-8"), (";", "utf-8-sig"), (";", "cp1252"), (",", "utf-8"), (",", "cp1252")],
)
def test_every_encoding_and_separator_imports(store, tmp_path, sep, encoding):
    changes = {}
    if sep == ",":  # ','-separated files write numbers with a decimal point
        header, rows = GOOD["Finanzierungen"]
        changes["Finanzierungen"] = (
            header,
            [[*r[:6], r[6].replace(".", "").replace(",", ".")] for r in rows],
        )
        header, rows = GOOD["Stadtteilstatistik"]
        changes["Stadtteilstatistik"] = (header, [[*r[:4], "1234", *r[5:]] for r in rows])
        header, rows = GOOD["Organisationen"]
        changes["Organisationen"] = (header, [[c.replace(" | ", "|") for c in r] for r in rows])
    folder = write_dataset(tmp_path / "daten", changes, sep=sep, encoding=encoding)
    import_spreadsheets(store, [folder])
    assert names(store, "Service") == {"Kita Süd", "Familienberatung"}


def test_english_headers_any_case_and_spaces(store, tmp_path):
    header = [" id ", "NAME", "provider", "Target Groups", "fields of action"]
    rows = [["s1", " Treffpunkt ", "verein", "families", "family support"]]
    no_fundings = (GOOD["Finanzierungen"][0], [])
    folder = write_dataset(
        tmp_path / "d", {"Angebote": (header, rows), "Finanzierungen": no_fundings}
    )
    import_spreadsheets(store, [folder])
    assert names(store, "Service") == {"Treffpunkt"}


def test_reimport_replaces_and_references_resolve_against_the_store(store, tmp_path):
    import_spreadsheets(store, [write_dataset(tmp_path / "basis")], source="basis")
    header = ["ID", "Name", "Träger", "Zielgruppen", "Handlungsfelder"]
    extra = write_csv(
        tmp_path / "zusatz", "Angebote", header, [["neu", "Neu", "verein", "Familien", "Wohnen"]]
    )
    import_spreadsheets(store, [extra], source="zusatz")
    assert names(store, "Service") == {"Kita Süd", "Familienberatung", "Neu"}


def problem_lines(store, tmp_path, changes) -> list[str]:
    return rejected(store, write_dataset(tmp_path / "kaputt", changes))


def test_unknown_reference_names_row_column_and_closest_ids(store, tmp_path):
    header, rows = GOOD["Angebote"]
    rows = [rows[0], ["b", "B", "vereinn", "Familien", "Wohnen", "", "", ""]]
    lines = problem_lines(store, tmp_path, {"Angebote": (header, rows)})
    assert lines == [
        f"{tmp_path}/kaputt/Angebote.csv:Angebote:3:Träger: vereinn — unknown ID in 'Organisationen'; closest: verein, verein-sued"
    ]  # fmt: skip


def test_duplicate_id_names_the_first_row(store, tmp_path):
    header, rows = GOOD["Stadtteile"]
    lines = problem_lines(
        store, tmp_path, {"Stadtteile": (header, [*rows, ["Oststadt", "Noch einmal"]])}
    )
    assert len(lines) == 1
    assert ":Stadtteile:4:ID: Oststadt — duplicate ID (first in " in lines[0]
    assert lines[0].endswith("Stadtteile.csv:Stadtteile:2)")


def test_unknown_vocabulary_value_names_closest_labels(store, tmp_path):
    header, rows = GOOD["Angebote"]
    rows = [
        rows[0],
        ["b", "B", "verein", "Familie | Alleinerziehend", "Familienförderung", "", "", ""],
    ]
    lines = problem_lines(store, tmp_path, {"Angebote": (header, rows)})
    assert len(lines) == 2
    assert lines[0].endswith(":Angebote:3:Zielgruppen: Alleinerziehend — not in the vocabulary 'target-groups'; closest: Alleinerziehende, Alleinerziehende Mütter, Alleinerziehende Väter") or "closest: Alleinerziehende" in lines[0]  # fmt: skip
    assert ":Angebote:3:Zielgruppen: Familie — " in lines[1] and "Familien" in lines[1]


@pytest.mark.parametrize(
    "column, value, reason",
    [
        ("Beginn", "31.02.2024", "date"),
        ("Beginn", "2024/01/01", "date"),
        ("Plätze", "viele", "number"),
        ("Plätze", "1,5", "whole"),
    ],
)
def test_malformed_values_name_their_cell(store, tmp_path, column, value, reason):
    header, rows = GOOD["Angebote"]
    row = list(rows[0])
    row[header.index(column)] = value
    lines = problem_lines(store, tmp_path, {"Angebote": (header, [row])})
    assert len(lines) == 1, lines
    assert f":Angebote:2:{column}: {value} — " in lines[0]
    assert reason in lines[0].split(" — ", 1)[1].lower()


def test_ambiguous_amount_is_an_error(store, tmp_path):
    header, rows = GOOD["Finanzierungen"]
    rows = [[*rows[0][:6], "12.5"]]
    lines = problem_lines(store, tmp_path, {"Finanzierungen": (header, rows)})
    assert len(lines) == 1 and ":Finanzierungen:2:Betrag: 12.5 — " in lines[0]
    assert "ambiguous" in lines[0]


def test_end_before_start_is_found_by_the_shapes_and_mapped_to_its_cell(store, tmp_path):
    header, rows = GOOD["Angebote"]
    rows = [[*rows[0][:6], "01.08.2024", "31.07.2024"]]
    lines = problem_lines(store, tmp_path, {"Angebote": (header, rows)})
    assert lines == [
        f"{tmp_path}/kaputt/Angebote.csv:Angebote:2:Beginn: 2024-08-01 — start is after end"
    ]


def test_shape_violation_without_a_column_of_its_own_names_the_record(store, tmp_path):
    header = ["ID", "Kostenträger", "Finanzierungsart", "Jahr"]
    lines = problem_lines(
        store, tmp_path, {"Finanzierungen": (header, [["f1", "stadt", "Projektförderung", "2024"]])}
    )
    assert len(lines) == 1
    assert ":Finanzierungen:2:ID: f1 — " in lines[0]
    assert "funded service or a recipient" in lines[0]


def test_missing_required_value(store, tmp_path):
    header, rows = GOOD["Angebote"]
    rows = [rows[0], ["b", "B", "", "Familien", "Wohnen", "", "", ""]]
    lines = problem_lines(store, tmp_path, {"Angebote": (header, rows)})
    assert lines == [
        f"{tmp_path}/kaputt/Angebote.csv:Angebote:3:Träger: (leer) — required value missing"
    ]


def test_unknown_sheet_and_column_name_the_closest(store, tmp_path):
    folder = write_dataset(tmp_path / "kaputt")
    write_csv(folder, "Angebot", ["ID"], [["x"]])
    header, rows = GOOD["Stadtteile"]
    write_csv(folder, "Stadtteile", [*header, "Fläche"], [[*r, "3"] for r in rows])
    lines = rejected(store, folder)
    assert any(":Angebot:" in line and "Angebote" in line for line in lines), lines
    assert any(":Stadtteile:1:Fläche:" in line for line in lines), lines


def test_all_problems_of_all_files_at_once(store, tmp_path):
    header, rows = GOOD["Angebote"]
    bad_services = [rows[0], ["b", "B", "nobody", "Familien", "Wohnen", "viele", "", ""]]
    header_f, rows_f = GOOD["Finanzierungen"]
    bad_fundings = [[*rows_f[0][:6], "12.5"]]
    lines = problem_lines(
        store,
        tmp_path,
        {"Angebote": (header, bad_services), "Finanzierungen": (header_f, bad_fundings)},
    )
    assert len(lines) == 3, lines
    assert {line.split(" — ")[0].split(": ")[0].rsplit(":", 1)[1] for line in lines} == {
        "Träger",
        "Plätze",
        "Betrag",
    }


def test_validate_writes_nothing_and_counts_records(store, tmp_path):
    before = snapshot(store)
    assert validate_spreadsheets(store, [write_dataset(tmp_path / "d")]) == 10
    assert snapshot(store) == before


def test_references_into_an_rdf_source_resolve(store, tmp_path):
    turtle = tmp_path / "traeger.ttl"
    turtle.write_text(
        f"<{BASE}/id/organisation/extern> a <https://w3id.org/sozialgraph#Organisation> .\n",
        encoding="utf-8",
    )
    import_rdf(store, [turtle])
    header = ["ID", "Name", "Träger", "Zielgruppen", "Handlungsfelder"]
    folder = write_csv(
        tmp_path / "x", "Angebote", header, [["s", "S", "extern", "Familien", "Wohnen"]]
    ).parent
    import_spreadsheets(store, [folder])
    assert names(store, "Service") == {"S"}


def test_remote_store_imports_and_rejects_like_the_embedded_one(oxigraph_server, tmp_path):
    """The same checks run before anything is sent to a SPARQL server."""
    oxigraph_server.clear()
    remote = open_store(Settings(store=oxigraph_server.query_url, base_iri=BASE), read_only=False)
    import_spreadsheets(remote, [write_dataset(tmp_path / "gut")], source="planung")
    assert names(remote, "Service") == {"Kita Süd", "Familienberatung"}
    header, rows = GOOD["Angebote"]
    late_start = [[*rows[0][:6], "01.08.2024", "31.07.2024"], rows[1]]
    lines = rejected(
        remote,
        write_dataset(tmp_path / "kaputt", {"Angebote": (header, late_start)}),
        source="planung",
    )
    assert lines == [
        f"{tmp_path}/kaputt/Angebote.csv:Angebote:2:Beginn: 2024-08-01 — start is after end"
    ]
    assert names(remote, "Service") == {"Kita Süd", "Familienberatung"}
