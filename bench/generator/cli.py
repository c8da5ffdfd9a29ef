"""The command line: `python -m bench.generate FOLDER --services N [--seed S] [--xlsx FILE]`."""

import argparse
import sys
import time
from pathlib import Path

from sozialgraph.graph.template.csv_rows import csv_path
from sozialgraph.graph.template.spec import SHEETS

from bench.generator.output import check_xlsx_rows, generate_template
from bench.generator.world import template_sizes


def main(argv: list[str] | None = None) -> int:
    """The command line: generate, then print rows per file, size and time.

    Exit code 2, with a message on stderr and nothing written, if the XLSX workbook is
    asked for and a sheet would not fit an XLSX sheet.
    """
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate",
        description="Write the planners' template with generated, valid, fictional data.",
    )
    parser.add_argument("folder", type=Path, help="folder for the CSV files (created)")
    parser.add_argument("--services", type=int, default=10_000, help="number of services")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same bytes)")
    parser.add_argument("--xlsx", type=Path, help="also write the rows as one XLSX workbook")
    args = parser.parse_args(argv)
    if args.services < 1:
        parser.error("--services must be at least 1")
    if args.xlsx:
        try:
            check_xlsx_rows(template_sizes(args.services))
        except ValueError as error:
            print(f"--xlsx: {error}", file=sys.stderr)
            return 2
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            print("--xlsx needs openpyxl: pip install openpyxl", file=sys.stderr)
            return 2
    started = time.perf_counter()
    counts = generate_template(args.folder, args.services, args.seed, xlsx=args.xlsx)
    elapsed = time.perf_counter() - started
    size = 0
    for sheet in SHEETS:
        path = csv_path(args.folder, sheet)
        size += path.stat().st_size
        print(f"{counts[sheet.key]:>10,}  {path.name}")
    print(f"{sum(counts.values()):>10,}  rows, {size / 1e6:.1f} MB of CSV in {elapsed:.1f} s")
    if args.xlsx:
        print(f"{args.xlsx.stat().st_size / 1e6:>10.1f}  MB in {args.xlsx}")
    return 0
