"""Gould and Fernandez brokerage roles (1989), which networkx does not have.

A broker b stands on an open two-path a → b → c: a ties to b, b to c, a ≠ c and no tie
a → c. Which role b plays depends on the groups of the three (organisation kind or field
of action, say):

| role | groups | the broker … |
|---|---|---|
| coordinator | a, b, c all in one group | links two of its own group |
| gatekeeper | b and c together, a elsewhere | lets an outsider into its group |
| representative | a and b together, c elsewhere | speaks for its group outside |
| consultant | a and c together, b elsewhere | links two of another group |
| liaison | three groups | links two other groups |

An undirected graph counts every tie both ways. A node without a group (None) is in the
group of those without one.
"""

from collections.abc import Hashable, Mapping

import networkx as nx

ROLES = ("coordinator", "gatekeeper", "representative", "consultant", "liaison")


def role(sender: Hashable, broker: Hashable, receiver: Hashable) -> str:
    """The role of the broker on a two-path, from the three groups.

    >>> role("public", "public", "church"), role("church", "public", "church")
    ('representative', 'consultant')
    """
    if sender == broker == receiver:
        return "coordinator"
    if sender == receiver:
        return "consultant"
    if broker == receiver:
        return "gatekeeper"
    if sender == broker:
        return "representative"
    return "liaison"


def brokerage(graph: nx.Graph, group: Mapping[Hashable, Hashable]) -> dict[Hashable, dict]:
    """Per node, how often it plays each role; its `total` is the sum of the five."""
    arcs = graph if graph.is_directed() else graph.to_directed(as_view=True)
    found = {}
    for broker in arcs:
        counts = dict.fromkeys(ROLES, 0)
        mine = group.get(broker)
        for sender in arcs.predecessors(broker):
            if sender == broker:
                continue
            theirs = group.get(sender)
            for receiver in arcs.successors(broker):
                if receiver in (sender, broker) or arcs.has_edge(sender, receiver):
                    continue
                counts[role(theirs, mine, group.get(receiver))] += 1
        found[broker] = counts | {"total": sum(counts.values())}
    return found
