"""The network benchmark runs end to end at a tiny size (its numbers are not checked)."""

import json
import subprocess
import sys
from pathlib import Path

from sozialgraph.queries.network_analysis import Measure
from sozialgraph.queries.network_graphs import NetworkKind

ROOT = Path(__file__).resolve().parents[2]


def test_network_benchmark_runs_every_kind_and_measure_with_baselines():
    result = subprocess.run(
        [sys.executable, "-m", "bench.network", "--sizes", "60", "--limit", "20", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    kinds = report["sizes"]["60"]
    assert set(kinds) == {str(kind) for kind in NetworkKind}
    for name, row in kinds.items():
        assert row["nodes"] > 0 and row["build"] > 0 and 0 < row["sparql"] <= row["build"], name
        assert row["build_baseline"] > 0, name
        assert set(row["measures"]) == {str(m) for m in Measure}, name
        for measure, m in row["measures"].items():
            assert m["seconds"] > 0, (name, measure)
            assert m["has_baseline"] == (measure not in ("brokerage", "invite")), measure
            assert m["baseline"] is None or m["baseline"] > 0, (name, measure)
            assert m["sampled"] is False  # 60 services are far below the limit
