"""One network analysis: build the network, compute the asked measures, keep the notes.

`run_network` is what the command line calls; `analyse` works on any graph with the node
attributes of `network_graphs` (the tests give it hand-built ones).
"""

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

import networkx as nx
from sozialgraph.graph.store import GraphStore, View
from sozialgraph.queries import network_measures as m
from sozialgraph.queries.brokerage import ROLES, brokerage
from sozialgraph.queries.communities import communities, cross_tab
from sozialgraph.queries.network_graphs import Filters, NetworkKind, build
from sozialgraph.queries.network_invite import Need, invite, needs
from sozialgraph.queries.runner import labels


class Measure(StrEnum):
    """The measures one can ask for (`--measure`); all of them by default."""

    GRAPH = "graph"
    DEGREE = "degree"
    BETWEENNESS = "betweenness"
    EIGENVECTOR = "eigenvector"
    STRUCTURAL_HOLES = "structural-holes"
    K_CORE = "k-core"
    CUT_POINTS = "cut-points"
    BROKERAGE = "brokerage"
    COMMUNITIES = "communities"
    INVITE = "invite"


class GroupBy(StrEnum):
    """The groups of the brokerage roles: the organisation kind or the field of action."""

    KIND = "kind"
    FIELD = "field"


GROUP_ATTRIBUTE = {GroupBy.KIND: "kind_group", GroupBy.FIELD: "field_group"}


@dataclass
class Report:
    """A network and what was measured on it."""

    graph: nx.Graph
    measures: tuple[Measure, ...]
    group_by: GroupBy
    figures: dict[str, object] = field(default_factory=dict)
    nodes: dict[str, dict[str, object]] = field(default_factory=dict)
    communities: list[dict[str, object]] = field(default_factory=list)
    invite: list[dict[str, object]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def _merge(report: Report, metrics: dict, name: str | None = None) -> None:
    for node, value in metrics.items():
        report.nodes[node].update(value if name is None else {name: value})


def _communities(report: Report) -> None:
    graph = report.graph
    parts, modularity = communities(graph)
    report.figures |= {"communities": len(parts), "modularity": modularity}
    kinds, fields = cross_tab(graph, parts, "kind_group"), cross_tab(graph, parts, "field_group")
    for number, part in enumerate(parts, start=1):
        _merge(report, dict.fromkeys(part, number), "community")
        report.communities.append({
            "community": number, "size": len(part),
            "organisation_kinds": kinds[number - 1], "fields_of_action": fields[number - 1],
        })  # fmt: skip


def _measure(report: Report, measure: Measure, need: dict[str, Need]) -> None:
    graph = report.graph
    if measure is Measure.GRAPH:
        report.figures |= m.graph_figures(graph)
    elif measure is Measure.DEGREE:
        _merge(report, m.degrees(graph))
    elif measure is Measure.BETWEENNESS:
        values, note = m.betweenness(graph)
        _merge(report, values, "betweenness")
        report.figures["betweenness_sampled"] = note is not None
        report.notes += [note] if note else []
    elif measure is Measure.EIGENVECTOR:
        values, note = m.eigenvector(graph)
        _merge(report, values, "eigenvector")
        report.notes += [note] if note else []
    elif measure is Measure.STRUCTURAL_HOLES:
        _merge(report, m.structural_holes(graph))
    elif measure is Measure.K_CORE:
        _merge(report, m.k_core(graph), "k_core")
    elif measure is Measure.CUT_POINTS:
        points, bridges = m.cut_points(graph)
        _merge(report, points)
        articulation = sum(1 for p in points.values() if p["articulation_point"])
        report.figures |= {"articulation_points": articulation, "bridges": len(bridges)}
    elif measure is Measure.BROKERAGE:
        attribute = GROUP_ATTRIBUTE[report.group_by]
        groups = {node: data.get(attribute) for node, data in graph.nodes(data=True)}
        roles = brokerage(graph, groups)
        _merge(report, {n: {**{r: c[r] for r in ROLES}, "brokerage": c["total"]}
                        for n, c in roles.items()})  # fmt: skip
    elif measure is Measure.COMMUNITIES:
        _communities(report)
    elif measure is Measure.INVITE:
        report.invite = invite(graph, need)


def analyse(
    graph: nx.Graph,
    measures: Iterable[Measure] = tuple(Measure),
    group_by: GroupBy = GroupBy.KIND,
    need: dict[str, Need] | None = None,
) -> Report:
    """Compute the measures (in the order of Measure) on the graph, timing each."""
    asked = tuple(measure for measure in Measure if measure in set(measures))
    report = Report(graph, asked, group_by)
    report.nodes = {node: {} for node in graph}
    for measure in asked:
        start = time.perf_counter()
        _measure(report, measure, need or {})
        report.seconds[str(measure)] = time.perf_counter() - start
    return report


def run_network(
    store: GraphStore,
    kind: NetworkKind,
    filters: Filters,
    measures: Iterable[Measure] = tuple(Measure),
    *,
    group_by: GroupBy = GroupBy.KIND,
    lang: str = "de",
    view: View = View.FULL,
) -> Report:
    """Build the network from the store and analyse it; `seconds["build"]` is the fetch."""
    measures = tuple(measures)
    start = time.perf_counter()
    graph = build(store, kind, filters, lang=lang, view=view)
    need = needs(store, filters, view) if Measure.INVITE in measures else {}
    built = time.perf_counter() - start
    report = analyse(graph, measures, group_by, need)
    report.seconds = {"build": built, **report.seconds}
    districts = {district for row in report.invite for district in row["districts"]}
    graph.graph.setdefault("labels", {}).update(labels(store, districts, lang, view))
    return report
