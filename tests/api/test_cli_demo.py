"""`sozialgraph demo` as a user runs it, and what the demo data holds once imported."""

import json
import shutil
from pathlib import Path

import pytest
from sozialgraph.graph.demo import DEMO_DATA, DEMO_SOURCE, PLANTED
from sozialgraph.graph.demo.builder import findings
from sozialgraph.graph.demo.builder.__main__ import build_rows, differences
from sozialgraph.graph.lock import write_lock
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import open_store
from sozialgraph.graph.template.importer import validate_spreadsheets

from tests.api.test_cli_store import run

ORGANISATION_KINDS = ("sg:PublicBody", "sg:NonProfitOrganisation", "sg:ChurchBody",
                      "sg:CommercialOrganisation", "sg:UmbrellaAssociation")  # fmt: skip
TOP_FIELDS = 19  # top concepts of the fields-of-action scheme


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory) -> str:
    """An embedded store the `sozialgraph demo` command has filled."""
    store = str(tmp_path_factory.mktemp("demo") / "store")
    result = run("demo", "--store", store)
    assert result.returncode == 0, result.stderr
    assert f"as source '{DEMO_SOURCE}' (public)" in result.stdout
    assert "sozialgraph stats" in result.stdout, "the tour is printed"
    return store


@pytest.fixture(scope="module")
def counts(demo_store) -> dict:
    result = run("stats", "--format", "json", "--store", demo_store)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_committed_demo_files_are_what_the_builder_writes():
    assert differences() == []


def test_a_changed_demo_file_is_named_by_the_check(tmp_path):
    data, planted = tmp_path / "data", tmp_path / "planted.json"
    shutil.copytree(DEMO_DATA, data)
    shutil.copy(PLANTED, planted)
    services = data / "Angebote.csv"
    services.write_text(services.read_text(encoding="utf-8-sig") + "extra;row\r\n", "utf-8-sig")
    assert differences(data, planted) == ["Angebote.csv"]


def test_the_builder_stops_when_the_records_do_not_show_what_was_planted(monkeypatch):
    monkeypatch.setattr(
        findings, "PLANTED_GAPS", findings.PLANTED_GAPS | {("oberstadt", "infants")}
    )
    with pytest.raises(findings.NotAsPlanted, match="gaps: found"):
        build_rows()


def test_demo_data_validates_without_a_problem(tmp_path):
    store = open_store(Settings(store=str(tmp_path / "store")), read_only=False)
    try:
        records = validate_spreadsheets(store, [DEMO_DATA], source=DEMO_SOURCE)
    finally:
        store.close()
    rows = sum(len(path.read_text(encoding="utf-8-sig").splitlines()) - 1
               for path in DEMO_DATA.glob("*.csv"))  # fmt: skip
    assert records == rows > 3000


def test_stats_show_the_city_the_issue_asks_for(counts):
    classes = counts["classes"]
    assert classes["sg:Organisation"] >= 60
    assert all(classes.get(kind, 0) >= 1 for kind in ORGANISATION_KINDS)
    assert counts["roles"]["funder"] == 15
    assert counts["roles"]["umbrella"] >= 1
    assert classes["sg:Service"] >= 250
    assert len(counts["fields_of_action"]) == TOP_FIELDS
    assert classes["sg:Committee"] >= 25
    assert classes["sg:Membership"] > classes["sg:Committee"]
    assert list(counts["funding_years"]) == ["2025", "2026"]
    assert all(year["fundings"] > 300 for year in counts["funding_years"].values())
    for cls in ("sg:Location", "sg:ServiceAtLocation", "sg:CollaborationTie", "sg:Need",
                "sg:QualityCriterion", "sg:EffectivenessReview", "sg:Contract"):  # fmt: skip
        assert classes.get(cls, 0) >= 20, cls
    assert classes["sg:District"] == 14
    assert classes["sg:DistrictStatistic"] == 14 * 20 * 2  # 20 indicators, two years


def _select(store: str, query: str) -> list[dict]:
    opened = open_store(Settings(store=store), read_only=True)
    try:
        solutions = opened.query_data(query)
        names = [variable.value for variable in solutions.variables]
        return [{name: row[name].value for name in names} for row in solutions]
    finally:
        opened.close()


PREFIX = "PREFIX sg: <https://w3id.org/sozialgraph#>\n"


def test_fundings_rest_on_several_sgb_books_and_amounts_change(demo_store):
    books = _select(
        demo_store,
        PREFIX
        + """SELECT DISTINCT ?basis WHERE {
        ?funding a sg:Funding ; sg:legalBasis ?basis .
        FILTER(STRSTARTS(STR(?basis), "https://w3id.org/sozialgraph/vocab/legal-bases/sgb-")) }""",
    )
    assert {row["basis"].rsplit("/", 1)[1].split("-")[1] for row in books} >= {
        "ii", "iii", "v", "viii", "ix", "xi", "xii"}  # fmt: skip
    changed = _select(
        demo_store,
        PREFIX
        + """SELECT ?service WHERE {
        ?a sg:fundedService ?service ; sg:funder ?funder ; sg:year ?first ; sg:amount ?before .
        ?b sg:fundedService ?service ; sg:funder ?funder ; sg:year ?second ; sg:amount ?after .
        FILTER(STR(?first) = "2025" && STR(?second) = "2026" && ?after < 0.8 * ?before) }""",
    )
    assert len(changed) >= 5, "some fundings were cut from 2025 to 2026"


def test_a_steering_group_has_working_groups_reporting_to_it(demo_store):
    rows = _select(
        demo_store,
        PREFIX
        + "PREFIX types: <https://w3id.org/sozialgraph/vocab/committee-types/>\n"
        + """SELECT ?steering (COUNT(?group) AS ?groups) WHERE {
        ?steering sg:committeeType types:steering-group .
        ?group sg:reportsTo ?steering ; sg:committeeType types:working-group .
    } GROUP BY ?steering""",
    )
    assert len(rows) == 1 and int(rows[0]["groups"]) >= 4


def test_umbrella_associations_have_member_organisations(demo_store):
    rows = _select(
        demo_store,
        PREFIX
        + """SELECT ?umbrella (COUNT(?member) AS ?members) WHERE {
        ?member sg:memberOfAssociation ?umbrella } GROUP BY ?umbrella""",
    )
    assert len(rows) >= 4 and max(int(row["members"]) for row in rows) >= 10


def test_every_district_has_statistics_for_both_years_and_needs_are_documented(demo_store):
    rows = _select(
        demo_store,
        PREFIX
        + """SELECT ?district (COUNT(DISTINCT ?year) AS ?years)
        WHERE { ?statistic sg:district ?district ; sg:year ?year } GROUP BY ?district""",
    )
    assert len(rows) == 14 and {int(row["years"]) for row in rows} == {2}
    needs = _select(
        demo_store, PREFIX + "SELECT DISTINCT ?d WHERE { ?n a sg:Need ; sg:district ?d }"
    )
    assert len(needs) >= 10


def test_running_demo_again_replaces_its_source(demo_store, counts):
    again = run("demo", "--store", demo_store)
    assert again.returncode == 0, again.stderr
    sources = json.loads(run("sources", "--format", "json", "--store", demo_store).stdout)
    assert [source["name"] for source in sources] == [DEMO_SOURCE]
    after = json.loads(run("stats", "--format", "json", "--store", demo_store).stdout)
    assert after["triples"] == counts["triples"]


def test_demo_imports_into_a_remote_oxigraph_server(oxigraph_server, counts):
    oxigraph_server.clear()
    result = run("demo", "--store", oxigraph_server.query_url)
    assert result.returncode == 0, result.stderr
    remote = json.loads(
        run("stats", "--format", "json", "--store", oxigraph_server.query_url).stdout
    )
    assert remote["classes"] == counts["classes"]
    assert remote["triples"] == counts["triples"]


def test_demo_while_another_process_writes_fails_in_one_line(demo_store, counts):
    with write_lock(Path(demo_store)):
        blocked = run("demo", "--store", demo_store)
    assert blocked.returncode == 2
    assert blocked.stderr.count("\n") == 1 and "being written by" in blocked.stderr, blocked.stderr
    after = json.loads(run("stats", "--format", "json", "--store", demo_store).stdout)
    assert after["triples"] == counts["triples"]


def test_planted_file_names_an_as_of_and_findings_of_every_promised_kind():
    planted = json.loads(Path(PLANTED).read_text(encoding="utf-8"))
    kinds = {finding["kind"] for finding in planted["findings"]}
    assert kinds == {"gap", "low-supply", "overlap", "broker", "isolated", "no-committee",
                     "no-review", "no-quality-criteria", "contract-ending",
                     "single-pillar"}  # fmt: skip
    overlaps = next(f for f in planted["findings"] if f["kind"] == "overlap")["expected"]
    assert {o["coordinated"] for o in overlaps} == {True, False}


README = Path(__file__).resolve().parents[2] / "README.md"


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    return text[start : text.index("\n## ", start + 1)]


def test_readme_sheet_table_gives_the_rows_of_the_demo_files():
    table = [line for line in _section("The demo data").splitlines() if line.count("|") == 4]
    rows = {}
    for line in table[2:10]:
        sheets, numbers = (cell.strip() for cell in line.split("|")[1:3])
        rows |= dict(zip(sheets.split(", "), numbers.split(", "), strict=True))
    files = {
        path.stem: str(len(path.read_text(encoding="utf-8-sig").splitlines()) - 1)
        for path in DEMO_DATA.glob("*.csv")
    }
    assert rows == files


def test_readme_tour_shows_lines_that_stats_prints(demo_store):
    tour = _section("A tour of the demo city")
    shown = tour.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    printed = run("stats", "--store", demo_store).stdout.splitlines()
    assert [line for line in shown if line != "…"] == [line for line in printed if line in shown]
    assert len(shown) > 4
