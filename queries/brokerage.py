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

from collections import Counter
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
    """Per node, how often it plays each role; its `total` is the sum of the five.

    Rather than walking every pair of a sender and a receiver (quadratic in the degree:
    slow for a target group served by thousands), the pairs are counted by their groups,
    and the ones that are no two-path are taken away: a sender that is also the receiver,
    and a sender tied directly to the receiver.
    """
    arcs = graph if graph.is_directed() else graph.to_directed(as_view=True)
    found = {}
    for broker in arcs:
        senders = [a for a in arcs.predecessors(broker) if a != broker]
        receivers = {c for c in arcs.successors(broker) if c != broker}
        by_receiver = Counter(group.get(c) for c in receivers)
        pairs: Counter = Counter()
        for sender_group, senders_in_it in Counter(group.get(a) for a in senders).items():
            for receiver_group, receivers_in_it in by_receiver.items():
                pairs[sender_group, receiver_group] += senders_in_it * receivers_in_it
        for sender in senders:
            theirs = group.get(sender)
            if sender in receivers:
                pairs[theirs, theirs] -= 1  # back to the sender: no two-path
            ties = arcs.adj[sender]
            smaller, larger = (ties, receivers) if len(ties) < len(receivers) else (receivers, ties)
            for receiver in smaller:
                if receiver in larger and receiver != sender:
                    pairs[theirs, group.get(receiver)] -= 1  # closed: sender → receiver
        mine = group.get(broker)
        counts = dict.fromkeys(ROLES, 0)
        for (sender_group, receiver_group), number in pairs.items():
            if number:
                counts[role(sender_group, mine, receiver_group)] += number
        found[broker] = counts | {"total": sum(counts.values())}
    return found
