"""The fictional Marburg demo data: a template folder of CSV files and its planted findings.

District names are Marburg's; every organisation, service, committee, figure and tie is
invented. `planted.json` lists what the data was built to show, so that the queries and
network measures can be tested against it; `builder/` rewrites both.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
DEMO_DATA = HERE / "data"
PLANTED = HERE / "planted.json"
DEMO_SOURCE = "demo-marburg"


def planted() -> dict:
    """The planted findings: as_of, the base the IRIs were minted with, and the findings."""
    return json.loads(PLANTED.read_text(encoding="utf-8"))
