"""Every canned query against small fixture data, compared with a hand-written answer.

`cases/{query}/data.ttl` is the fixture; each `{case}.params.json` (`{"params": {name:
[values]}, "lang": "en"}`) runs the query once, and `{case}.expected.csv` is the answer
as `sozialgraph query … --format csv` writes it.
"""

import json
from pathlib import Path

import pytest
from sozialgraph.queries.catalogue import catalogue
from sozialgraph.queries.output import to_csv
from sozialgraph.queries.runner import run_query

from tests.queries.conftest import store_with

CASES = Path(__file__).parent / "cases"


def _cases() -> list[tuple[str, str]]:
    return sorted(
        (folder.name, path.name.removesuffix(".params.json"))
        for folder in CASES.iterdir()
        for path in folder.glob("*.params.json")
    )


def test_every_canned_query_has_a_case():
    assert set(catalogue()) <= {name for name, _ in _cases()}


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """One store per query folder, filled on first use."""
    opened = {}

    def store_for(name: str):
        if name not in opened:
            folder = tmp_path_factory.mktemp(name)
            opened[name] = store_with(folder / "store", sorted((CASES / name).glob("*.ttl")))
        return opened[name]

    yield store_for
    for store in opened.values():
        store.close()


@pytest.mark.parametrize(("name", "case"), _cases())
def test_query_answers_its_case(stores, name, case):
    spec = json.loads((CASES / name / f"{case}.params.json").read_text(encoding="utf-8"))
    answer = run_query(stores(name), catalogue()[name], spec["params"], lang=spec["lang"])
    expected = (CASES / name / f"{case}.expected.csv").read_text(encoding="utf-8")
    assert to_csv(answer, spec["lang"]) == expected
