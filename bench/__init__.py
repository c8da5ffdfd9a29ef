"""Benchmarks (not tests): run one with `python -m bench.NAME --help` from the repository root."""
