"""The command line as a user meets it: a real subprocess of the installed console script."""

import os
import shutil
import subprocess
import sys
from importlib.metadata import version

import pytest
import typer.main
from sozialgraph.api.cli import app

SOZIALGRAPH = shutil.which("sozialgraph", path=os.path.dirname(sys.executable))


def run(*args: str) -> subprocess.CompletedProcess:
    assert SOZIALGRAPH, "the console script is not installed next to this Python"
    return subprocess.run([SOZIALGRAPH, *args], capture_output=True, text=True, timeout=300)


def command_paths(command, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and group of the CLI, as the words a user types."""
    paths = [prefix]
    for name, sub in getattr(command, "commands", {}).items():
        paths.extend(command_paths(sub, (*prefix, name)))
    return paths


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"sozialgraph {version('sozialgraph')}"


@pytest.mark.parametrize("path", command_paths(typer.main.get_command(app)), ids=" ".join)
def test_every_command_has_help(path):
    result = run(*path, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout


def test_no_arguments_shows_help():
    result = run()
    assert "Usage:" in result.stdout + result.stderr


@pytest.mark.slow
def test_ontology_check_passes_on_the_shipped_model():
    result = run("ontology", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 4 and all(line.startswith("ok") for line in lines), result.stdout


def test_ontology_docs_writes_html(tmp_path):
    result = run("ontology", "docs", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "index.html").exists()
    assert (tmp_path / "out" / "en.html").exists()


def test_ontology_docs_into_a_file_is_one_clear_line_and_exit_2(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("ontology", "docs", str(blocker))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert str(blocker) in result.stderr and "cannot write" in result.stderr
    assert "Traceback" not in result.stderr
