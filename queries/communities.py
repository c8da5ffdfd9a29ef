"""Communities: groups of actors tied more among themselves than to the rest (Louvain,
fixed seed), their modularity, and what kinds and fields of action each group holds."""

from collections import Counter
from collections.abc import Hashable

import networkx as nx
from sozialgraph.queries.network_measures import SEED


def ordered(graph: nx.Graph) -> nx.Graph:
    """The undirected graph with nodes and edges in sorted order, so that Louvain's seeded
    shuffle does not depend on the order the store returned them in; a pair's weight is
    the sum of its ties' weights (1 each if they carry none)."""
    plain = nx.Graph()
    plain.add_nodes_from(sorted(graph.nodes))
    weights: dict[tuple, float] = {}
    for a, b, weight in graph.edges(data="weight", default=1):
        pair = (a, b) if a <= b else (b, a)
        weights[pair] = weights.get(pair, 0) + weight
    plain.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return plain


def communities(graph: nx.Graph, seed: int = SEED) -> tuple[list[set[Hashable]], float | None]:
    """Louvain communities of the undirected weighted graph (see `ordered`), largest
    first, and their modularity (None for a graph without ties)."""
    plain = ordered(graph)
    if plain.number_of_edges() == 0:
        return [{node} for node in sorted(plain)], None
    found = nx.community.louvain_communities(plain, weight="weight", seed=seed)
    found = sorted(found, key=lambda part: (-len(part), min(part)))
    return found, nx.community.modularity(plain, found, weight="weight")


def cross_tab(graph: nx.Graph, parts: list[set[Hashable]], attribute: str) -> list[dict]:
    """Per community, how many of its organisations have each value of the attribute
    (`kind_group` or `field_group`), most first; organisations without one as None."""
    table = []
    for part in parts:
        values = Counter(
            graph.nodes[node].get(attribute)
            for node in part
            if graph.nodes[node].get("type") == "organisation"
        )
        table.append(dict(sorted(values.items(), key=lambda item: (-item[1], str(item[0])))))
    return table
