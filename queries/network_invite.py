"""Whom to invite: the organisations left out of a network, ranked by the need around them.

Isolated organisations have no tie in the network; peripheral ones are tied to one other
node only. Both are ranked by the documented needs (observed by as_of) in the districts
their services active on as_of serve, most first; isolated before peripheral at equal
need; then by name.
"""

from dataclasses import dataclass

import networkx as nx
from sozialgraph.graph.store import GraphStore, View
from sozialgraph.queries import network_sparql as sparql
from sozialgraph.queries.network_graphs import Filters
from sozialgraph.queries.network_measures import undirected


@dataclass(frozen=True)
class Need:
    """The documented needs in the districts an organisation's services serve."""

    needs: int
    districts: tuple[str, ...]


def needs(store: GraphStore, filters: Filters, view: View = View.FULL) -> dict[str, Need]:
    """Per organisation with a service active on as_of, the needs in its districts."""
    rows = sparql.fetch(store, sparql.NEEDS, filters.bindings(), view)
    return {
        row["organisation"].value: Need(
            int(row["needs"].value), tuple(sorted(row["districts"].value.split()))
        )
        for row in rows
    }


def invite(graph: nx.Graph, need: dict[str, Need]) -> list[dict[str, object]]:
    """The isolated and peripheral organisations, ranked (rank 1 first)."""
    plain = undirected(graph)
    found = []
    for node, data in graph.nodes(data=True):
        if data.get("type") != "organisation":
            continue
        neighbours = sum(1 for other in plain.neighbors(node) if other != node)
        if neighbours > 1:
            continue
        around = need.get(node, Need(0, ()))
        found.append({
            "iri": node, "label": data.get("label", node),
            "status": "isolated" if neighbours == 0 else "peripheral",
            "needs": around.needs, "districts": list(around.districts),
        })  # fmt: skip
    found.sort(key=lambda r: (-r["needs"], r["status"] != "isolated", str(r["label"]).casefold()))
    return [{"rank": rank, **row} for rank, row in enumerate(found, start=1)]
