"""On the demo data at its fixed as_of, the network analysis finds exactly what was planted:
the three brokers with their role counts, and the isolated organisations."""

from sozialgraph.graph.demo import planted
from sozialgraph.queries.brokerage import ROLES
from sozialgraph.queries.network_analysis import GroupBy, Measure, run_network
from sozialgraph.queries.network_graphs import NetworkKind, read_filters

FINDINGS = {f["kind"]: f for f in planted()["findings"] if "measure" in f}


def test_the_planted_network_findings_are_the_ones_tested_here():
    assert {(k, f["measure"]) for k, f in FINDINGS.items()} == {
        ("broker", "brokerage"), ("isolated", "isolates")}  # fmt: skip


def test_the_planted_brokers_with_their_roles(demo_store):
    finding = FINDINGS["broker"]
    parameters = finding["parameters"]
    assert parameters["group"] == "organisation-kind"
    filters = read_filters(demo_store, as_of=parameters["as_of"])
    report = run_network(
        demo_store, NetworkKind(parameters["network"]), filters, [Measure.BROKERAGE],
        group_by=GroupBy.KIND,
    )  # fmt: skip
    ranked = sorted(report.nodes.items(), key=lambda item: -item[1]["brokerage"])
    top = ranked[: parameters["top"]]
    found = [
        {"organisation": node, "brokerage": m["brokerage"], "roles": {r: m[r] for r in ROLES}}
        for node, m in top
    ]
    assert found == finding["expected"]
    assert top[-1][1]["brokerage"] > ranked[parameters["top"]][1]["brokerage"]


def test_the_planted_isolates(demo_store):
    finding = FINDINGS["isolated"]
    parameters = finding["parameters"]
    filters = read_filters(demo_store, as_of=parameters["as_of"])
    network = NetworkKind(parameters["network"])
    report = run_network(demo_store, network, filters, [Measure.DEGREE, Measure.INVITE])
    isolated = {node for node, m in report.nodes.items() if m["degree"] == 0}
    assert isolated == {item["organisation"] for item in finding["expected"]}
    invited = {row["iri"] for row in report.invite if row["status"] == "isolated"}
    assert invited == isolated
    assert all(row["needs"] > 0 for row in report.invite if row["status"] == "isolated")


def test_a_year_earlier_the_old_survey_ties_them_in(demo_store):
    # the 2024 survey answers ran until 2025-06-30: on that day the three still had a tie
    filters = read_filters(demo_store, as_of="2025-06-30")
    report = run_network(demo_store, NetworkKind.ACTORS, filters, [Measure.DEGREE])
    for item in FINDINGS["isolated"]["expected"]:
        assert report.nodes[item["organisation"]]["degree"] > 0, item
