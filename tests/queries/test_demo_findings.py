"""On the demo data at its fixed as_of, each canned query finds exactly what was planted.

A planted finding names its query, its parameters and the expected records; the answer's
columns of the same names must hold exactly those (IRIs compared by IRI, numbers to 0.1).
Where a query flags some of its rows (a column `flagged`), only the flagged rows count.
"""

from decimal import Decimal

import pytest
from sozialgraph.graph.demo import planted
from sozialgraph.queries.catalogue import catalogue
from sozialgraph.queries.output import records
from sozialgraph.queries.runner import run_query

FINDINGS = [f for f in planted()["findings"] if "query" in f]


def _value(record: dict, key: str) -> object:
    value = record.get(f"{key}_iri") or record[key]
    return round(float(value), 1) if isinstance(value, int | float | Decimal) else value


@pytest.mark.parametrize("finding", FINDINGS, ids=[f["kind"] for f in FINDINGS])
def test_query_finds_exactly_the_planted_records(demo_store, finding):
    assert finding["query"] in catalogue(), f"the query {finding['query']} is not written yet"
    params = {name: [str(value)] for name, value in finding["parameters"].items()}
    answer = run_query(demo_store, catalogue()[finding["query"]], params, lang="en")
    rows = records(answer)
    if "flagged" in answer.variables:
        rows = [row for row in rows if row["flagged"] is True]
    keys = sorted(k for k, v in finding["expected"][0].items() if not isinstance(v, list | dict))
    found = sorted(tuple(_value(row, key) for key in keys) for row in rows)
    expected = sorted(tuple(_value(item, key) for key in keys) for item in finding["expected"])
    assert found == expected
