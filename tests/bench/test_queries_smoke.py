"""The query benchmark runs end to end at a tiny size (its numbers are not checked)."""

import json
import subprocess
import sys
from pathlib import Path

from sozialgraph.queries.catalogue import catalogue

ROOT = Path(__file__).resolve().parents[2]


def test_query_benchmark_runs_every_query_on_oxigraph_and_rdflib():
    result = subprocess.run(
        [sys.executable, "-m", "bench.queries", "--sizes", "60", "--repeat", "1", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert set(report["queries"]) == set(catalogue())
    for name, row in report["queries"].items():
        assert row["oxigraph_60"] > 0, name
        assert row["rdflib_60"] is None or row["rdflib_60"] > 0, name
