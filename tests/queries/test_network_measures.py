"""Every measure, computed by our analysis on the network built from the small store, is
what networkx computes directly on the same network built by hand (tests/queries/network/
known.py), or — where networkx has nothing — what the hand computation in the comment says."""

import math

import networkx as nx
import pytest
from sozialgraph.queries import network_measures
from sozialgraph.queries.network_analysis import Measure, run_network
from sozialgraph.queries.network_graphs import NetworkKind, read_filters

from tests.queries.network.known import AS_OF, KINDS, known, org


@pytest.fixture(scope="module")
def reports(small):
    filters = read_filters(small, as_of=AS_OF)
    return {kind: run_network(small, NetworkKind(kind), filters, lang="en") for kind in KINDS}


def _plain(graph: nx.Graph) -> nx.Graph:
    return graph.to_undirected() if graph.is_directed() else graph


def _metric(report, name: str) -> dict:
    return {node: metrics.get(name) for node, metrics in report.nodes.items()}


def _close(ours: dict, theirs: dict) -> None:
    assert set(ours) == set(theirs)
    for node, value in theirs.items():
        assert ours[node] == pytest.approx(value, abs=1e-9), node


@pytest.mark.parametrize("kind", KINDS)
def test_graph_figures_are_networkx(reports, kind):
    figures, graph = reports[kind].figures, known(kind)
    plain = _plain(graph)
    assert figures["nodes"] == graph.number_of_nodes()
    assert figures["edges"] == graph.number_of_edges()
    assert figures["density"] == pytest.approx(nx.density(graph))
    assert figures["components"] == nx.number_connected_components(plain)
    assert figures["largest_component"] == len(max(nx.connected_components(plain), key=len))
    assert figures["isolates"] == nx.number_of_isolates(graph)
    degrees = [d for _, d in plain.degree()]
    n = len(degrees)
    freeman = sum(max(degrees) - d for d in degrees) / ((n - 1) * (n - 2))
    assert figures["centralization"] == pytest.approx(freeman)
    assert figures["articulation_points"] == len(set(nx.articulation_points(plain)))
    assert figures["bridges"] == len(list(nx.bridges(plain)))


def test_freeman_centralization_by_hand(reports):
    # collaboration, ties either way: amt 3; verein, kirche, verein2, jugendamt 2; verein3 1;
    # isoliert, alt, verband 0 → (0 + 4·1 + 2 + 3·3) / ((9-1)(9-2)) = 15/56
    assert reports["collaboration"].figures["centralization"] == pytest.approx(15 / 56)
    assert network_measures.centralization(nx.path_graph(2)) is None


def test_mean_tie_scores_by_hand(reports):
    # arcs carrying them: intensity amt→kirche 1, amt→verein 4 (t1 3, t7 4: the highest),
    # verein→amt 3, verein→verein2 2; trust 2, (3+1)/2, 3, 4; value 2, (4+2)/2, 4
    figures = reports["collaboration"].figures
    assert figures["mean_intensity"] == pytest.approx(2.5)
    assert figures["mean_trust"] == pytest.approx(2.75)
    assert figures["mean_value"] == pytest.approx(3.0)
    assert "mean_trust" not in reports["membership"].figures  # memberships carry none


@pytest.mark.parametrize("kind", KINDS)
def test_degrees_are_networkx(reports, kind):
    graph = known(kind)
    _close(_metric(reports[kind], "degree"), dict(_plain(graph).degree()))
    if graph.is_directed():
        _close(_metric(reports[kind], "in_degree"), dict(graph.in_degree()))
        _close(_metric(reports[kind], "out_degree"), dict(graph.out_degree()))
    else:
        assert set(_metric(reports[kind], "in_degree").values()) == {None}


@pytest.mark.parametrize("kind", KINDS)
def test_betweenness_and_eigenvector_are_networkx(reports, kind):
    graph = known(kind)
    _close(_metric(reports[kind], "betweenness"), nx.betweenness_centrality(graph))
    eigenvector = nx.eigenvector_centrality(_plain(graph), max_iter=1000)
    ours = _metric(reports[kind], "eigenvector")
    assert set(ours) == set(eigenvector)
    for node, value in eigenvector.items():
        assert ours[node] == pytest.approx(value, abs=1e-4), node
    assert reports[kind].figures["betweenness_sampled"] is False
    assert reports[kind].notes == []


@pytest.mark.parametrize("kind", KINDS)
def test_structural_holes_are_networkx(reports, kind):
    graph = known(kind)
    for node, metrics in reports[kind].nodes.items():
        if not set(nx.all_neighbors(graph, node)):
            assert metrics["constraint"] is None and metrics["effective_size"] is None
            continue
        if graph.is_directed() and not graph[node]:
            # networkx calls a node without successors isolated; Burt's formula is still
            # defined on its mutual ties, as networkx's own local_constraint computes it
            constraint = sum(nx.local_constraint(graph, node, n)
                             for n in set(nx.all_neighbors(graph, node)))  # fmt: skip
            assert metrics["constraint"] == pytest.approx(constraint), node
            continue
        assert metrics["constraint"] == pytest.approx(nx.constraint(graph, [node])[node]), node
        size = nx.effective_size(graph, [node])[node]
        assert metrics["effective_size"] == pytest.approx(size), node


def test_structural_holes_by_hand(reports):
    # comembership, ties unweighted: kirche ties to amt, verein, jugendamt (p = 1/3 each);
    # amt to jugendamt, kirche, verein (1/3 each); verein and jugendamt each to amt and
    # kirche (1/2 each). Constraint: the sum over kirche's contacts j of
    # (p(kirche, j) + sum over its contacts q of p(kirche, q) p(q, j))^2:
    #   amt:       1/3 + 1/3*1/2 (via verein) + 1/3*1/2 (via jugendamt) = 2/3 -> 4/9
    #   verein:    1/3 + 1/3*1/3 (via amt)                             = 4/9 -> 16/81
    #   jugendamt: the same as verein                                        -> 16/81
    # = 68/81. Effective size (Borgatti): n - 2t/n, 3 contacts, 2 ties among them = 5/3.
    kirche = reports["comembership"].nodes[org("kirche")]
    assert kirche["constraint"] == pytest.approx(68 / 81)
    assert kirche["effective_size"] == pytest.approx(5 / 3)


@pytest.mark.parametrize("kind", KINDS)
def test_k_core_and_cut_points_are_networkx(reports, kind):
    plain = _plain(known(kind))
    _close(_metric(reports[kind], "k_core"), nx.core_number(plain))
    points = set(nx.articulation_points(plain))
    assert {n for n, v in _metric(reports[kind], "articulation_point").items() if v} == points
    bridges = list(nx.bridges(plain))
    count = {node: sum(node in pair for pair in bridges) for node in plain}
    _close(_metric(reports[kind], "bridges"), count)


def test_cut_points_by_hand(reports):
    # collaboration, ties either way: amt, kirche and jugendamt make a cycle; amt joins it
    # to verein, verein to verein2, verein2 to verein3 — each of those ties is a bridge
    report = reports["collaboration"]
    points = {n for n, v in _metric(report, "articulation_point").items() if v}
    assert points == {org("amt"), org("verein"), org("verein2")}
    assert report.figures["bridges"] == 3
    assert report.nodes[org("verein")]["bridges"] == 2


def _weighted(kind: str) -> nx.Graph:
    """The known network undirected, its weights summed per pair, in IRI order."""
    graph = known(kind)
    weights = {}
    for a, b, data in graph.edges(data=True):
        # collaboration: one per tie (amt → verein carries two); actors: one per kind
        weight = data.get("weight", len(data.get("kinds", ())) or 1)
        if kind == "collaboration" and (a, b) == (org("amt"), org("verein")):
            weight = 2
        weights[tuple(sorted((a, b)))] = weights.get(tuple(sorted((a, b))), 0) + weight
    plain = nx.Graph()
    plain.add_nodes_from(sorted(graph))
    plain.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return plain


@pytest.mark.parametrize("kind", KINDS)
def test_communities_are_networkx_louvain_with_the_seed(reports, kind):
    plain = _weighted(kind)
    expected = nx.community.louvain_communities(plain, weight="weight", seed=1)
    ours = {}
    for node, metrics in reports[kind].nodes.items():
        ours.setdefault(metrics["community"], set()).add(node)
    assert sorted(map(sorted, ours.values())) == sorted(map(sorted, expected))
    modularity = nx.community.modularity(plain, expected, weight="weight")
    assert reports[kind].figures["modularity"] == pytest.approx(modularity)
    sizes = [c["size"] for c in reports[kind].communities]
    assert sizes == sorted(sizes, reverse=True) and sum(sizes) == plain.number_of_nodes()


def test_communities_are_cross_tabulated_with_kinds_and_fields(reports):
    report = reports["comembership"]
    for community in report.communities:
        members = [n for n, m in report.nodes.items() if m["community"] == community["community"]]
        kinds = [report.graph.nodes[n]["kind_group"] for n in members]
        assert community["organisation_kinds"] == {k: kinds.count(k) for k in set(kinds)}
        fields = [report.graph.nodes[n]["field_group"] for n in members]
        assert community["fields_of_action"] == {f: fields.count(f) for f in set(fields)}


def test_whom_to_invite_by_hand(reports):
    # collaboration: isoliert, alt and verband have no tie, verein3 one. isoliert's S5
    # serves Nord, with two needs observed by as_of (a third comes later); the others
    # serve nowhere. Equal need: isolated before peripheral, then by name.
    invite = reports["collaboration"].invite
    assert [(r["rank"], r["iri"], r["status"], r["needs"]) for r in invite] == [
        (1, org("isoliert"), "isolated", 2),
        (2, org("alt"), "isolated", 0),
        (3, org("verband"), "isolated", 0),
        (4, org("verein3"), "peripheral", 0),
    ]
    assert invite[0]["districts"] == ["https://sozialgraph.example/id/district/nord"]


def test_only_the_measures_asked_are_computed(small):
    filters = read_filters(small, as_of=AS_OF)
    report = run_network(small, NetworkKind.COLLABORATION, filters, [Measure.K_CORE])
    assert report.figures == {} and report.invite == [] and report.communities == []
    assert {key for metrics in report.nodes.values() for key in metrics} == {"k_core"}
    assert set(report.seconds) == {"build", "k-core"}


def test_betweenness_is_sampled_above_the_limit_and_says_so(monkeypatch):
    graph = nx.gnm_random_graph(40, 90, seed=3)
    monkeypatch.setattr(network_measures, "EXACT_BETWEENNESS_LIMIT", 39)
    monkeypatch.setattr(network_measures, "BETWEENNESS_SAMPLES", 10)
    values, note = network_measures.betweenness(graph)
    expected = nx.betweenness_centrality(graph, k=10, seed=network_measures.SEED)
    assert values == pytest.approx(expected, abs=1e-12)
    assert values != nx.betweenness_centrality(graph)
    assert note == "betweenness sampled: 10 of 40 nodes as sources (seed 1), exact up to 39 nodes"
    shuffled = nx.Graph()  # the same graph, its nodes inserted in another order
    shuffled.add_nodes_from(sorted(graph, key=lambda n: (n * 7) % 40))
    shuffled.add_edges_from(graph.edges())
    assert list(shuffled) != list(graph)
    again, same_note = network_measures.betweenness(shuffled)
    assert again == pytest.approx(values, abs=1e-12) and same_note == note
    monkeypatch.setattr(network_measures, "EXACT_BETWEENNESS_LIMIT", 40)
    assert network_measures.betweenness(graph) == (nx.betweenness_centrality(graph), None)


def test_eigenvector_that_does_not_converge_is_none_with_a_note(monkeypatch):
    monkeypatch.setattr(network_measures, "EIGENVECTOR_ITERATIONS", 1)
    values, note = network_measures.eigenvector(nx.path_graph(5))
    assert values == dict.fromkeys(range(5)) and "did not converge" in note
    assert not any(isinstance(v, float) and math.isnan(v) for v in values.values())
