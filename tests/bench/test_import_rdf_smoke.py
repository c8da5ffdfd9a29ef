"""The import benchmark runs end to end at a tiny size (its numbers are not checked)."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_benchmark_runs_at_a_tiny_size():
    result = subprocess.run(
        [sys.executable, "-m", "bench.import_rdf", "--sizes", "2000", "--repeat", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for step in ("sozialgraph import", "pyoxigraph bulk_load"):
        row = rf"^\s*2,000\s+{step}\s+1\s+\d+\.\d+\s.*\s\d+\.\d+x\s+\d+\.\d+x$"
        assert re.search(row, result.stdout, re.MULTILINE), result.stdout
    assert re.search(r"(PASS|FALL SHORT): \d+\.\d+x the raw bulk_load", result.stdout)
