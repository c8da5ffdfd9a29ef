"""The endpoint benchmark runs end to end at a tiny size: every server, every measurement,
positive figures (the figures themselves are not judged: this is not a timed test)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVERS = {
    "empty FastAPI route",
    "sozialgraph serve",
    "oxigraph serve-read-only",
    "rdflib-endpoint",
}
TARGETS = {"lookup_vs_empty", "lookup_vs_rdflib", "aggregate_vs_oxigraph", "heavy_lookup_ms"}


def test_endpoint_benchmark_measures_every_server():
    command = [sys.executable, "-m", "bench.endpoint", "--sizes", "100", "--seconds", "1"]
    command += ["--workers", "2", "--json"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    rows = {row["server"]: row for row in report["results"]}
    assert set(rows) == SERVERS
    for name, row in rows.items():
        phases = ["lookup", "lookup_load"]
        if name != "empty FastAPI route":
            phases += ["aggregate", "aggregate_load"]
            assert row["check_rows"]["lookup"] > 0 and row["check_rows"]["aggregate"] > 0, name
        for phase in phases:
            figures = row[phase]
            assert figures["requests"] > 0 and figures["errors"] == 0, (name, phase, figures)
            assert figures["median_ms"] > 0 and figures["req_per_s"] > 0, (name, phase)
    for name in ("sozialgraph serve", "oxigraph serve-read-only"):
        heavy = rows[name]["heavy"]
        assert heavy["lookups"]["requests"] > 0 and heavy["lookups"]["median_ms"] > 0, name
        assert heavy["heavy_running_throughout"], name
    assert rows["sozialgraph serve"]["heavy"]["heavy_status"] == 503  # stopped at its limit
    assert {v["target"] for v in report["verdicts"]} == TARGETS
    assert all(v["value"] > 0 for v in report["verdicts"])
