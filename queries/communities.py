"""Communities: groups of actors tied more among themselves than to the rest (Louvain,
fixed seed), their modularity, and what kinds and fields of action each group holds."""

from collections import Counter
from collections.abc import Hashable

import networkx as nx
from sozialgraph.queries.network_measures import SEED, undirected


def communities(graph: nx.Graph, seed: int = SEED) -> tuple[list[set[Hashable]], float | None]:
    """Louvain communities of the undirected weighted graph, largest first, and their
    modularity (None for a graph without ties)."""
    plain = undirected(graph)
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
