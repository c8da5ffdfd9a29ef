"""What a network says: graph-level figures and measures per node, with networkx.

Path measures (betweenness, cut points) and the structural ones ignore weights; the
undirected measures (eigenvector, k-core, cut points, communities) read a directed
network with its ties taken either way. Exact betweenness takes time quadratic in the
nodes: above EXACT_BETWEENNESS_LIMIT nodes it is estimated from BETWEENNESS_SAMPLES
source nodes drawn with a fixed seed, and the result says so.
"""

from collections.abc import Hashable

import networkx as nx

EXACT_BETWEENNESS_LIMIT = 1000
BETWEENNESS_SAMPLES = 300
SEED = 1
EIGENVECTOR_ITERATIONS = 1000
#: Figures the ties may carry, averaged over the edges that carry them (PARTNER's scores).
TIE_SCORES = ("intensity", "trust", "value")

NodeMetrics = dict[Hashable, dict[str, object]]


def undirected(graph: nx.Graph) -> nx.Graph:
    """The graph with its ties taken either way (itself if undirected): a copy, not a
    view, since the measures walk it many times and a view's lookups cost more each."""
    return graph.to_undirected() if graph.is_directed() else graph


def partners(graph: nx.Graph) -> dict[Hashable, int]:
    """The degree of the undirected graph per node (a self-loop counts twice, as in
    networkx), without building that graph."""
    if not graph.is_directed():
        return dict(graph.degree())
    return {
        node: len(graph.succ[node].keys() | graph.pred[node].keys()) + (node in graph.succ[node])
        for node in graph
    }


def centralization(graph: nx.Graph) -> float | None:
    """Freeman's degree centralization of the undirected graph: the sum of the differences
    to the highest degree, over its largest possible value (n-1)(n-2); None below 3 nodes."""
    n = graph.number_of_nodes()
    if n < 3:
        return None
    degrees = list(partners(graph).values())
    highest = max(degrees)
    return sum(highest - d for d in degrees) / ((n - 1) * (n - 2))


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def graph_figures(graph: nx.Graph) -> dict[str, object]:
    """Size, density, components, Freeman centralization and the mean tie scores."""
    components = (
        list(nx.weakly_connected_components(graph))
        if graph.is_directed()
        else list(nx.connected_components(graph))
    )
    figures: dict[str, object] = {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "directed": graph.is_directed(),
        "density": nx.density(graph) if graph.number_of_nodes() > 1 else None,
        "components": len(components),
        "largest_component": max((len(c) for c in components), default=0),
        "isolates": nx.number_of_isolates(graph),
        "centralization": centralization(graph),
    }
    for score in TIE_SCORES:
        carried = [v for _, _, v in graph.edges(data=score) if v is not None]
        if carried:
            figures[f"mean_{score}"] = _mean(carried)
    return figures


def degrees(graph: nx.Graph) -> NodeMetrics:
    """Degree per node (ties either way), and in and out degree in a directed network."""
    found: NodeMetrics = {node: {"degree": d} for node, d in partners(graph).items()}
    if graph.is_directed():
        for node in graph:
            found[node]["in_degree"] = graph.in_degree(node)
            found[node]["out_degree"] = graph.out_degree(node)
    return found


def betweenness(graph: nx.Graph) -> tuple[dict[Hashable, float], str | None]:
    """Normalised betweenness, exact up to EXACT_BETWEENNESS_LIMIT nodes, else sampled
    from sources drawn with SEED among the nodes in sorted order; the note says when."""
    n = graph.number_of_nodes()
    if n <= EXACT_BETWEENNESS_LIMIT:
        return nx.betweenness_centrality(graph), None
    ordered = graph.__class__()  # the sample then depends on the nodes, not on their order
    ordered.add_nodes_from(sorted(graph))
    ordered.add_edges_from(graph.edges())
    values = nx.betweenness_centrality(ordered, k=BETWEENNESS_SAMPLES, seed=SEED)
    note = (
        f"betweenness sampled: {BETWEENNESS_SAMPLES} of {n} nodes as sources (seed {SEED}), "
        f"exact up to {EXACT_BETWEENNESS_LIMIT} nodes"
    )
    return values, note


def eigenvector(graph: nx.Graph) -> tuple[dict[Hashable, float | None], str | None]:
    """Eigenvector centrality of the undirected graph; None (and a note) if it does not
    converge."""
    if graph.number_of_nodes() == 0:
        return {}, None
    try:
        return nx.eigenvector_centrality(undirected(graph), max_iter=EIGENVECTOR_ITERATIONS), None
    except nx.PowerIterationFailedConvergence:
        note = f"eigenvector centrality did not converge in {EIGENVECTOR_ITERATIONS} iterations"
        return dict.fromkeys(graph, None), note


def _normalised(graph: nx.Graph) -> tuple[dict, dict]:
    """Per node, the mutual weights to each neighbour (a tie counts once each way it
    runs; self-loops are left out) divided by their sum (p) and by their maximum (m)."""
    mutual: dict[Hashable, dict[Hashable, int]] = {node: {} for node in graph}
    each_way = 1 if graph.is_directed() else 2
    for a, b in graph.edges():
        if a != b:
            mutual[a][b] = mutual[a].get(b, 0) + each_way
            mutual[b][a] = mutual[b].get(a, 0) + each_way
    by_sum, by_max = {}, {}
    for node, weights in mutual.items():
        total, most = sum(weights.values()), max(weights.values(), default=0)
        by_sum[node] = {other: w / total for other, w in weights.items()}
        by_max[node] = {other: w / most for other, w in weights.items()}
    return by_sum, by_max


def _common(ego: dict, weights: dict) -> list:
    """The keys of both mappings, walking the smaller one (hubs have thousands)."""
    smaller, larger = (ego, weights) if len(ego) < len(weights) else (weights, ego)
    return [key for key in smaller if key in larger]


def structural_holes(graph: nx.Graph) -> NodeMetrics:
    """Burt's constraint and effective size per node (None for a node without ties).

    The formulas of networkx's `constraint` and `effective_size` (unweighted), with the
    normalised mutual weights computed once per node rather than once per term, and the
    indirect ties summed over the contacts two steps away that are also direct contacts
    (walking the smaller side): networkx without scipy takes time cubic in the degrees.
    """
    p, m = _normalised(graph)
    found: NodeMetrics = {}
    for node in graph:
        ego = p[node]
        if not ego:
            found[node] = {"constraint": None, "effective_size": None}
            continue
        indirect = dict.fromkeys(ego, 0.0)  # sum over q of p(node, q) p(q, j), per contact j
        redundant = 0.0  # sum over contacts j, q of p(node, q) m(j, q)
        for contact, share in ego.items():
            for other in _common(ego, p[contact]):
                indirect[other] += share * p[contact][other]
            for other in _common(ego, m[contact]):
                redundant += ego[other] * m[contact][other]
        constraint = sum((share + indirect[j]) ** 2 for j, share in ego.items())
        found[node] = {"constraint": constraint, "effective_size": len(ego) - redundant}
    return found


def k_core(graph: nx.Graph) -> dict[Hashable, int]:
    """The core number per node: the largest k such that it is in a subgraph where every
    node has at least k ties."""
    plain = nx.Graph(undirected(graph))
    plain.remove_edges_from(nx.selfloop_edges(plain))
    return nx.core_number(plain)


def cut_points(graph: nx.Graph) -> tuple[NodeMetrics, list[tuple[Hashable, Hashable]]]:
    """Articulation points (removing the node splits a component) and bridges (removing
    the tie does), per node: whether it is one, and how many bridges it stands on."""
    plain = undirected(graph)
    points = set(nx.articulation_points(plain))
    bridges = sorted(tuple(sorted(pair)) for pair in nx.bridges(plain))
    count = dict.fromkeys(graph, 0)
    for a, b in bridges:
        count[a] += 1
        count[b] += 1
    found = {node: {"articulation_point": node in points, "bridges": count[node]} for node in graph}
    return found, bridges
