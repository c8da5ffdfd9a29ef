"""The template commands as a planner runs them: template, validate, import of spreadsheets."""

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

SOZIALGRAPH = str(Path(sys.executable).with_name("sozialgraph"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([SOZIALGRAPH, *args], capture_output=True, text=True, timeout=120)


def filled_workbook(tmp_path: Path, end: str) -> Path:
    """The empty template, filled in as a planner would in Excel."""
    path = tmp_path / "vorlage.xlsx"
    assert run("template", str(path)).returncode == 0
    book = openpyxl.load_workbook(path)
    book["Organisationen"].append(["verein", "Beispielverein e.V.", "Eingetragener Verein"])
    services = book["Angebote"]
    headers = [cell.value for cell in services[1]]
    row = dict.fromkeys(headers, None)
    row.update(
        {"ID": "treff", "Name": "Familientreff", "Träger": "verein", "Beginn": "01.01.2024",
         "Zielgruppen": "Familien | Alleinerziehende", "Handlungsfelder": "Familienförderung",
         "Ende": end}
    )  # fmt: skip
    services.append([row[h] for h in headers])
    book.save(path)
    return path


def test_template_workbook_and_folder_are_valid_and_empty(tmp_path):
    workbook, folder = tmp_path / "vorlage.xlsx", tmp_path / "vorlage"
    assert run("template", str(workbook)).returncode == 0
    made = run("template", str(folder))
    assert made.returncode == 0 and "wrote 14 CSV files" in made.stdout
    for path in (workbook, folder):
        checked = run("validate", str(path), "--store", str(tmp_path / "store"))
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert checked.stdout.strip() == "valid: 0 records"


def test_filled_workbook_validates_and_imports(tmp_path):
    workbook, store = filled_workbook(tmp_path, end="31.12.2026"), str(tmp_path / "store")
    assert run("validate", str(workbook), "--store", store).stdout.strip() == "valid: 2 records"
    imported = run("import", str(workbook), "--store", store)
    assert imported.returncode == 0, imported.stderr
    assert "as source 'vorlage' (public)" in imported.stdout
    assert "sg:Service 1" in run("stats", "--store", store).stdout.splitlines()


def test_bad_workbook_one_line_per_problem_exit_1_nothing_written(tmp_path):
    workbook, store = filled_workbook(tmp_path, end="31.12.2023"), str(tmp_path / "store")
    checked = run("validate", str(workbook), "--store", store, "--format", "json")
    assert checked.returncode == 1
    report = json.loads(checked.stdout)
    assert report["valid"] is False
    assert [(p["sheet"], p["row"], p["column"]) for p in report["problems"]] == [
        ("Angebote", 3, "Beginn")
    ]
    imported = run("import", str(workbook), "--store", store)
    assert imported.returncode == 1
    assert imported.stderr.splitlines() == [
        f"{workbook}:Angebote:3:Beginn: 2024-01-01 — start is after end",
        "rejected: 1 problem(s), nothing was written",
    ]
    assert "no sources yet" in run("sources", "--store", store).stdout
