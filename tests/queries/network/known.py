"""The networks the fixture `small.ttl` holds on 30 June 2026, built by hand with networkx.

Each is what the graph builder must make of the store; the measure tests then run
networkx directly on these and compare with what our analysis reports.
"""

import networkx as nx

BASE = "https://sozialgraph.example/id"
TG = "https://w3id.org/sozialgraph/vocab/target-groups/"
AS_OF = "2026-06-30"


def org(name: str) -> str:
    return f"{BASE}/organisation/{name}"


def committee(name: str) -> str:
    return f"{BASE}/committee/{name}"


ORGANISATIONS = [
    org(n)
    for n in (
        "amt",
        "jugendamt",
        "verein",
        "verein2",
        "verein3",
        "isoliert",
        "alt",
        "kirche",
        "verband",
    )
]


def _graph(edges, directed: bool = False, nodes=()) -> nx.Graph:
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(ORGANISATIONS)
    graph.add_nodes_from(nodes)
    for edge in edges:
        graph.add_edge(edge[0], edge[1], **(edge[2] if len(edge) > 2 else {}))
    return graph


def known(kind: str) -> nx.Graph:
    """The hand-built network of a kind (edge attributes: the ones a test compares)."""
    if kind == "collaboration":
        # t1 (undirected) both ways, t7 merged into amt → verein, t9 starts on as_of;
        # t5 (ended), t6 (not begun) are left out
        return _graph(
            [
                (org("amt"), org("verein")),
                (org("verein"), org("amt")),
                (org("amt"), org("kirche")),
                (org("verein"), org("verein2")),
                (org("jugendamt"), org("amt")),
                (org("kirche"), org("jugendamt")),
                (org("verein2"), org("verein3")),
            ],
            directed=True,
        )
    if kind == "membership":
        # m7 ended, m8 sits in an ended committee, m9 has not begun
        return _graph(
            [
                (org("amt"), committee("ag")),
                (org("amt"), committee("rat")),
                (org("jugendamt"), committee("rat")),
                (org("kirche"), committee("ag")),
                (org("kirche"), committee("rat")),
                (org("verein"), committee("ag")),
            ]
        )
    if kind == "comembership":
        return _graph(
            [
                (org("amt"), org("jugendamt"), {"weight": 1}),
                (org("amt"), org("kirche"), {"weight": 2}),
                (org("amt"), org("verein"), {"weight": 1}),
                (org("kirche"), org("jugendamt"), {"weight": 1}),
                (org("kirche"), org("verein"), {"weight": 1}),
            ]
        )
    if kind == "funding":
        # f2 goes to its named recipient, f3 is shared by the two providers of S3,
        # f5 counts by its period; f4 is of 2025
        return _graph(
            [
                (org("amt"), org("kirche"), {"weight": 500.0}),
                (org("amt"), org("verein"), {"weight": 1000.0}),
                (org("jugendamt"), org("verein"), {"weight": 400.0}),
                (org("jugendamt"), org("verein2"), {"weight": 300.0}),
            ],
            directed=True,
        )
    if kind == "target-groups":
        # S4 has ended
        return _graph(
            [
                (org("isoliert"), TG + "adolescents"),
                (org("verein"), TG + "older-people-living-alone"),
                (org("verein"), TG + "single-parents"),
                (org("verein2"), TG + "adolescents"),
                (org("verein2"), TG + "older-people-living-alone"),
            ]
        )
    if kind == "actors":
        return _graph(
            [
                (org("amt"), committee("ag"), {"kinds": ["membership"]}),
                (org("amt"), committee("rat"), {"kinds": ["membership"]}),
                (org("jugendamt"), committee("rat"), {"kinds": ["membership"]}),
                (org("kirche"), committee("ag"), {"kinds": ["membership"]}),
                (org("kirche"), committee("rat"), {"kinds": ["membership"]}),
                (org("verein"), committee("ag"), {"kinds": ["membership"]}),
                (org("amt"), org("jugendamt"), {"kinds": ["collaboration"]}),
                (org("amt"), org("kirche"), {"kinds": ["collaboration", "funding"]}),
                (org("amt"), org("verein"), {"kinds": ["collaboration", "contract", "funding"]}),
                (org("jugendamt"), org("verein"), {"kinds": ["funding"]}),
                (org("jugendamt"), org("verein2"), {"kinds": ["funding"]}),
                (org("kirche"), org("jugendamt"), {"kinds": ["collaboration"]}),
                (org("verein"), org("verein2"), {"kinds": ["collaboration"]}),
                (org("verein2"), org("verein3"), {"kinds": ["collaboration"]}),
                (org("verein3"), org("verband"), {"kinds": ["association"]}),
            ]
        )
    raise ValueError(kind)


KINDS = ("membership", "comembership", "funding", "collaboration", "target-groups", "actors")
