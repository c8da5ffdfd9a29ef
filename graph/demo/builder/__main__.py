"""Rewrite the demo data and its planted file (or, with --check, compare them).

    python -m sozialgraph.graph.demo.builder [--check] [FOLDER]

The builder checks in plain Python that the records show exactly the planted findings
before it writes anything; `--check` fails when the committed files differ from a rebuild.
"""

import argparse
import filecmp
import json
import sys
import tempfile
from pathlib import Path

from sozialgraph.graph.demo import DEMO_DATA, PLANTED
from sozialgraph.graph.demo.builder.city import (
    committee_rows,
    district_rows,
    membership_rows,
    need_rows,
    statistic_rows,
    tie_rows,
)
from sozialgraph.graph.demo.builder.families import family_services
from sozialgraph.graph.demo.builder.findings import check_planted
from sozialgraph.graph.demo.builder.planted import planted_document
from sozialgraph.graph.demo.builder.records import (
    Row,
    funding_rows,
    location_rows,
    organisation_rows,
    service_at_location_rows,
    service_rows,
)
from sozialgraph.graph.demo.builder.services import basic_services
from sozialgraph.graph.demo.builder.upkeep import contract_rows, criterion_rows, review_rows
from sozialgraph.graph.template.csv_rows import write_sheet_csv
from sozialgraph.graph.template.spec import SHEETS


def build_rows() -> tuple[dict[str, list[Row]], dict]:
    """Every sheet's rows and the planted document, checked against each other."""
    services = basic_services() + family_services()
    rows = {
        "organisations": organisation_rows(),
        "services": service_rows(services),
        "locations": location_rows(services),
        "services_at_locations": service_at_location_rows(services),
        "fundings": funding_rows(services),
        "committees": committee_rows(),
        "memberships": membership_rows(),
        "ties": tie_rows(),
        "districts": district_rows(),
        "district_statistics": statistic_rows(),
        "needs": need_rows(),
        "quality_criteria": criterion_rows(services),
        "reviews": review_rows(services),
        "contracts": contract_rows(services),
    }
    check_planted(services, rows["fundings"], rows["contracts"], rows["reviews"],
                  rows["quality_criteria"])  # fmt: skip
    return rows, planted_document(services, rows["contracts"])


def write(data: Path, planted: Path) -> dict[str, int]:
    """Write one CSV per sheet into `data` and the planted file; rows per sheet."""
    rows, document = build_rows()
    counts = {
        sheet.key: write_sheet_csv(
            data, sheet, ([row.get(c.key) for c in sheet.columns] for row in rows[sheet.key])
        )
        for sheet in SHEETS
    }
    planted.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return counts


def differences(data: Path = DEMO_DATA, planted: Path = PLANTED) -> list[str]:
    """The committed files that a rebuild would change."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch)
        write(fresh / "data", fresh / "planted.json")
        names = sorted(p.name for p in (fresh / "data").iterdir())
        _, changed, missing = filecmp.cmpfiles(data, fresh / "data", names, shallow=False)
        if not filecmp.cmp(planted, fresh / "planted.json", shallow=False):
            changed.append(planted.name)
    return changed + missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sozialgraph.graph.demo.builder")
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        changed = differences()
        for name in changed:
            print(f"{name}: differs from a rebuild", file=sys.stderr)
        return 1 if changed else 0
    for key, count in write(DEMO_DATA, PLANTED).items():
        print(f"{count:>5}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
