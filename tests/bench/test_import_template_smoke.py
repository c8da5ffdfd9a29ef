"""The template import benchmark runs end to end at a tiny size (its numbers are not checked)."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMAND = ["--sizes", "200", "--xlsx-sizes", "200", "--repeat", "1"]


def test_template_import_benchmark_runs_at_a_tiny_size():
    result = subprocess.run(
        [sys.executable, "-m", "bench.import_template", *COMMAND],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=50,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for step in (
        "sozialgraph import CSV",
        "sozialgraph validate CSV",
        "raw bulk_load N-Triples",
        "sozialgraph import XLSX",
    ):
        row = rf"^\s*200\s+[\d,]+\s+{step}\s+1\s+\d+\.\d+\s+[\d,]+\s+\d+\.\d\s+\d+\.\d+x$"
        assert re.search(row, result.stdout, re.MULTILINE), result.stdout
    verdict = r"^\s*200 services\s+(PASS|FALL SHORT): \d+\.\d+x the raw bulk_load .* MiB"
    assert re.search(verdict, result.stdout, re.MULTILINE), result.stdout
