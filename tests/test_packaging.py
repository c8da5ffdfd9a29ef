"""The top-level folders become subpackages of `sozialgraph`, with their data, in a wheel too."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUBPACKAGES = ["ontology", "graph", "queries", "api", "viz"]


def test_editable_install_maps_folders_onto_subpackages():
    import importlib

    for name in SUBPACKAGES:
        module = importlib.import_module(f"sozialgraph.{name}")
        assert Path(module.__file__).resolve().parent == ROOT / name


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("sozialgraph-*.whl"))


@pytest.mark.slow
def test_wheel_contains_subpackages_and_model_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in SUBPACKAGES:
        assert f"sozialgraph/{name}/__init__.py" in names
    assert "sozialgraph/__init__.py" not in names, "sozialgraph must stay a namespace package"
    assert "sozialgraph/ontology/sozialgraph.ttl" in names
    assert "sozialgraph/ontology/shapes.ttl" in names
    assert "sozialgraph/ontology/vocab/target-groups.ttl" in names
    assert "sozialgraph/ontology/templates/ontology.html.j2" in names
    assert "sozialgraph/graph/template/spec.py" in names
    assert "sozialgraph/graph/demo/planted.json" in names
    assert "sozialgraph/graph/demo/data/Angebote.csv" in names
    assert len([n for n in names if n.startswith("sozialgraph/graph/demo/data/")]) == 14
    assert not any(n.startswith(("tests/", "bench/", "sozialgraph/tests")) for n in names)


@pytest.mark.slow
def test_wheel_installs_and_reads_its_model(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    probe = (
        "import sozialgraph.ontology.files as f, sozialgraph.graph, sozialgraph.api;"
        "from sozialgraph.graph.demo import DEMO_DATA, planted;"
        "print(f.__file__); print(len(f.load_vocabularies()));"
        "print(len(list(DEMO_DATA.glob('*.csv')))); print(planted()['as_of'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    module_file, triples, demo_files, as_of = result.stdout.split()
    assert module_file.startswith(str(target))
    assert int(triples) > 1000
    assert (int(demo_files), as_of) == (14, "2026-06-30")
