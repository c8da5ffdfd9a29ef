"""Gould-Fernandez brokerage against cases computed by hand."""

import networkx as nx
from sozialgraph.queries.brokerage import ROLES, brokerage, role
from sozialgraph.queries.network_analysis import GroupBy, run_network
from sozialgraph.queries.network_graphs import NetworkKind, read_filters

from tests.queries.network.known import AS_OF, known, org


def _counts(**roles: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, 0) | roles | {"total": sum(roles.values())}


def test_the_five_roles_by_their_groups():
    assert role("a", "a", "a") == "coordinator"
    assert role("b", "a", "a") == "gatekeeper"
    assert role("a", "a", "b") == "representative"
    assert role("b", "a", "b") == "consultant"
    assert role("b", "a", "c") == "liaison"
    assert role(None, None, None) == "coordinator"  # those without a group are one group


def test_a_closed_two_path_brokers_nothing():
    open_path = nx.DiGraph([("a", "b"), ("b", "c")])
    assert brokerage(open_path, {})["b"] == _counts(coordinator=1)
    closed = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c")])
    assert brokerage(closed, {})["b"] == _counts()
    # only a → c closes it: a tie c → a leaves a → b → c open (and adds c → a → b)
    back = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    assert brokerage(back, {})["b"] == _counts(coordinator=1)
    assert brokerage(back, {})["a"] == _counts(coordinator=1)


def test_an_undirected_tie_counts_both_ways():
    # a - b - c undirected: a → b → c and c → b → a are both open
    groups = {"a": "x", "b": "y", "c": "x"}
    assert brokerage(nx.path_graph(["a", "b", "c"]), groups)["b"] == _counts(consultant=2)


def test_brokerage_on_the_known_collaboration_network():
    # Groups (top organisation kinds): amt, jugendamt P; verein, verein2, verein3 N; kirche C.
    # Arcs: amt ⇄ verein, amt → kirche, verein → verein2, jugendamt → amt,
    #       kirche → jugendamt, verein2 → verein3.
    # amt:       in {verein, jugendamt}, out {verein, kirche}
    #            verein → amt → kirche     (N, P, C)  liaison
    #            jugendamt → amt → verein  (P, P, N)  representative
    #            jugendamt → amt → kirche  (P, P, C)  representative
    #            (verein → amt → verein returns to the sender: not a two-path)
    # verein:    amt → verein → verein2    (P, N, N)  gatekeeper
    # jugendamt: kirche → jugendamt → amt  (C, P, P)  gatekeeper
    # kirche:    amt → kirche → jugendamt  (P, C, P)  consultant
    # verein2:   verein → verein2 → verein3 (N, N, N) coordinator
    # None of these is closed by a direct arc from sender to receiver.
    graph = known("collaboration")
    kinds = {org(n): "P" for n in ("amt", "jugendamt")} | {org("kirche"): "C"}
    kinds |= {org(n): "N" for n in ("verein", "verein2", "verein3", "isoliert", "alt")}
    found = {n: c for n, c in brokerage(graph, kinds).items() if c["total"]}
    assert found == {
        org("amt"): _counts(representative=2, liaison=1),
        org("verein"): _counts(gatekeeper=1),
        org("jugendamt"): _counts(gatekeeper=1),
        org("kirche"): _counts(consultant=1),
        org("verein2"): _counts(coordinator=1),
    }


def test_the_analysis_reports_the_hand_computed_roles(small):
    report = run_network(small, NetworkKind.COLLABORATION, read_filters(small, as_of=AS_OF))
    amt = report.nodes[org("amt")]
    assert {r: amt[r] for r in ROLES} == {r: c for r, c in _counts(
        representative=2, liaison=1).items() if r != "total"}  # fmt: skip
    assert amt["brokerage"] == 3
    assert report.nodes[org("kirche")]["consultant"] == 1


def test_field_of_action_as_the_group(small):
    # fields (the most services' top field): verein F (family support), verein2 Y (child and
    # youth welfare; one service each: the first IRI); amt, jugendamt, kirche and verein3
    # provide nothing: no field, one group "-".
    # amt:       verein → amt → kirche      (F, -, -)  gatekeeper
    #            jugendamt → amt → verein   (-, -, F)  representative
    #            jugendamt → amt → kirche   (-, -, -)  coordinator
    # verein:    amt → verein → verein2     (-, F, Y)  liaison
    # jugendamt: kirche → jugendamt → amt   (-, -, -)  coordinator
    # kirche:    amt → kirche → jugendamt   (-, -, -)  coordinator
    # verein2:   verein → verein2 → verein3 (F, Y, -)  liaison
    filters = read_filters(small, as_of=AS_OF)
    report = run_network(small, NetworkKind.COLLABORATION, filters, group_by=GroupBy.FIELD)
    roles = {n: {r: m[r] for r in ROLES if m[r]} for n, m in report.nodes.items() if m["brokerage"]}
    assert roles == {
        org("amt"): {"gatekeeper": 1, "representative": 1, "coordinator": 1},
        org("verein"): {"liaison": 1},
        org("jugendamt"): {"coordinator": 1},
        org("kirche"): {"coordinator": 1},
        org("verein2"): {"liaison": 1},
    }


def test_committees_broker_in_a_group_of_their_own(small):
    # membership: the Rat seats amt (P), jugendamt (P) and kirche (C), who have no ties to
    # each other in this network; the Rat (no kind) links each ordered pair:
    # amt ⇄ jugendamt two consultant paths, the four with kirche liaison
    filters = read_filters(small, as_of=AS_OF)
    rat = "https://sozialgraph.example/id/committee/rat"
    report = run_network(small, NetworkKind.MEMBERSHIP, filters)
    assert {r: report.nodes[rat][r] for r in ROLES} == {r: c for r, c in _counts(
        consultant=2, liaison=4).items() if r != "total"}  # fmt: skip
    # actors: the three also collaborate (amt, jugendamt, kirche in a triangle): all closed
    assert run_network(small, NetworkKind.ACTORS, filters).nodes[rat]["brokerage"] == 0


def _walked(graph: nx.DiGraph, group: dict) -> dict:
    """The definition walked literally: every sender, every receiver, every check."""
    found = {}
    for broker in graph:
        counts = dict.fromkeys(ROLES, 0)
        for sender in graph.predecessors(broker):
            for receiver in graph.successors(broker):
                if len({sender, broker, receiver}) == 3 and not graph.has_edge(sender, receiver):
                    counts[role(group.get(sender), group.get(broker), group.get(receiver))] += 1
        found[broker] = counts | {"total": sum(counts.values())}
    return found


def test_counting_by_groups_is_walking_every_two_path():
    for seed in range(20):
        graph = nx.gnp_random_graph(30, 0.15, seed=seed, directed=True)
        graph.add_edge(3, 3)  # a self-loop brokers nothing
        group = {node: node % (seed % 4 + 1) for node in graph if node % 7}  # some without
        assert brokerage(graph, group) == _walked(graph, group), seed
    star = nx.star_graph(40)  # undirected: 40 · 39 open paths through the hub
    assert brokerage(star, {})[0]["coordinator"] == 40 * 39
