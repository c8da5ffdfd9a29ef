"""Seeded generator of the planners' template at any size: a folder of German CSV files.

The entry point; the generator itself is the package `bench.generator` (its docstring has the
rows per sheet). Run `python -m bench.generate FOLDER --services 10000 [--seed 1] [--xlsx FILE]`.
"""

import sys

from bench.generator.cli import main
from bench.generator.output import (
    XLSX_ROWS,
    check_xlsx_rows,
    generate_template,
    sheet_rows,
    xlsx_overflow,
    xlsx_services_limit,
)
from bench.generator.world import World, template_sizes

__all__ = [
    "XLSX_ROWS",
    "World",
    "check_xlsx_rows",
    "generate_template",
    "main",
    "sheet_rows",
    "template_sizes",
    "xlsx_overflow",
    "xlsx_services_limit",
]

if __name__ == "__main__":
    sys.exit(main())
