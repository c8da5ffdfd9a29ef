"""The networks of a city's social infrastructure as networkx graphs, built from SPARQL.

Nodes are IRIs with the attributes `type` (organisation, committee, target-group),
`label`, `organisation_kind` and the groups `kind_group` (the top concept of the
organisation kind) and `field_group` (the top field of action most of the organisation's
services active on as_of belong to). Every organisation passing the filters is a node,
tied or not, so the isolated ones show; a committee or target group is a node when a
selected organisation is tied to it.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

import networkx as nx
import pyoxigraph as ox
from sozialgraph.graph.store import GraphStore, View
from sozialgraph.queries import network_sparql as sparql
from sozialgraph.queries.binding import BadParameter, Bindings, term
from sozialgraph.queries.catalogue import Param, ParamType
from sozialgraph.queries.runner import labels

XSD = "http://www.w3.org/2001/XMLSchema#"


class NetworkKind(StrEnum):
    """Which ties make the network."""

    MEMBERSHIP = "membership"  # organisations and committees (bipartite)
    COMEMBERSHIP = "comembership"  # organisations, weighted by shared committees
    FUNDING = "funding"  # funders → recipients, weighted by the amount in the year
    COLLABORATION = "collaboration"  # the collaboration ties (directed)
    TARGET_GROUPS = "target-groups"  # organisations and the target groups they serve
    ACTORS = "actors"  # organisations and committees, every kind of tie (multiplex)


#: The filters, read like the canned queries' parameters (labels, notations, IDs, IRIs).
FILTER_PARAMS = {
    "field_of_action": Param("field_of_action", ParamType.CONCEPT, vocabulary="fields-of-action"),
    "district": Param("district", ParamType.RECORD, kind="district"),
    "target_group": Param("target_group", ParamType.CONCEPT, vocabulary="target-groups"),
    "organisation_kind": Param(
        "organisation_kind", ParamType.CONCEPT, vocabulary="organisation-kinds"
    ),
}
AS_OF = Param("as_of", ParamType.DATE)
YEAR = Param("year", ParamType.INTEGER)


@dataclass(frozen=True)
class Filters:
    """What a network is restricted to: the day, the funding year, and concepts or
    districts (IRIs; several values of one filter: any of them)."""

    as_of: date
    year: int
    field_of_action: tuple[str, ...] = ()
    district: tuple[str, ...] = ()
    target_group: tuple[str, ...] = ()
    organisation_kind: tuple[str, ...] = ()

    def given(self) -> set[str]:
        """The names of the concept and district filters that have values."""
        return {name for name in FILTER_PARAMS if getattr(self, name)}

    def bindings(self) -> Bindings:
        """Every parameter as RDF terms, for the placeholders of network_sparql."""
        found: Bindings = {
            "as_of": [ox.Literal(self.as_of.isoformat(), datatype=ox.NamedNode(XSD + "date"))],
            "year": [ox.Literal(str(self.year), datatype=ox.NamedNode(XSD + "integer"))],
        }
        for name in self.given():
            found[name] = [ox.NamedNode(iri) for iri in getattr(self, name)]
        return found

    def described(self) -> dict[str, object]:
        """The filters as plain values, for output."""
        shown: dict[str, object] = {"as_of": self.as_of.isoformat(), "year": self.year}
        return shown | {name: list(getattr(self, name)) for name in sorted(self.given())}


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def read_filters(
    store: GraphStore,
    *,
    as_of: str = "today",
    year: str | None = None,
    view: View = View.FULL,
    **values: Iterable[str],
) -> Filters:
    """Filters from what a planner typed; BadParameter (one line) names the option."""
    unknown = sorted(set(values) - set(FILTER_PARAMS))
    if unknown:
        raise BadParameter(f"unknown filter(s): {', '.join(unknown)}")

    def read(param: Param, value: str) -> ox.NamedNode | ox.Literal:
        try:
            return term(store, param, value, view)
        except ValueError as error:
            raise BadParameter(f"{_option(param.name)}={value!r}: {error}") from None

    day = date.fromisoformat(read(AS_OF, as_of).value)
    budget_year = int(read(YEAR, year).value) if year is not None else day.year
    resolved = {
        name: tuple(dict.fromkeys(read(FILTER_PARAMS[name], v).value for v in given))
        for name, given in values.items()
    }
    return Filters(day, budget_year, **resolved)


@dataclass
class Sources:
    """What the store says about the organisations, beside the ties."""

    names: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str | None] = field(default_factory=dict)
    kind_groups: dict[str, str | None] = field(default_factory=dict)
    field_groups: dict[str, str | None] = field(default_factory=dict)


def _value(term_: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str | None:
    return None if term_ is None else term_.value


def _number(term_: ox.Literal | None) -> float | None:
    return None if term_ is None else float(term_.value)


def organisations(store: GraphStore, filters: Filters, view: View = View.FULL) -> Sources:
    """The organisations passing the filters, with their kind and both groups."""
    bindings = filters.bindings()
    found = Sources()
    for row in sorted(
        sparql.fetch(store, sparql.ORGANISATIONS, bindings, view),
        key=lambda r: tuple(_value(r[k]) or "" for k in ("name", "kind", "kind_top")),
    ):
        iri = row["organisation"].value
        if row["name"] is not None:
            found.names.setdefault(iri, row["name"].value)
        found.kinds.setdefault(iri, _value(row["kind"]))
        if found.kind_groups.get(iri) is None:
            found.kind_groups[iri] = _value(row["kind_top"])
    if filters.given():
        passing = {r["organisation"].value for r in sparql.fetch(
            store, sparql.selected(filters.given()), bindings, view)}  # fmt: skip
        found.kinds = {iri: kind for iri, kind in found.kinds.items() if iri in passing}
        found.kind_groups = {iri: g for iri, g in found.kind_groups.items() if iri in passing}
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in sparql.fetch(store, sparql.FIELDS, bindings, view):
        counts[row["organisation"].value][row["field"].value] = int(row["services"].value)
    for iri in found.kinds:
        ranked = sorted(counts[iri].items(), key=lambda item: (-item[1], item[0]))
        found.field_groups[iri] = ranked[0][0] if ranked else None
    return found


def _add_organisations(graph: nx.Graph, found: Sources) -> None:
    for iri, kind in found.kinds.items():
        graph.add_node(
            iri, type="organisation", organisation_kind=kind,
            kind_group=found.kind_groups.get(iri), field_group=found.field_groups.get(iri),
        )  # fmt: skip


def _memberships(store, bindings, view, selected: set[str]) -> list[tuple[str, str]]:
    rows = sparql.fetch(store, sparql.MEMBERSHIPS, bindings, view)
    return sorted(
        (r["organisation"].value, r["committee"].value)
        for r in rows
        if r["organisation"].value in selected
    )


def _collaboration(graph: nx.DiGraph, rows: list[sparql.Row], selected: set[str]) -> int:
    """Arcs from the ties (an undirected tie both ways); the number of ties used."""
    arcs: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    used = set()
    for row in rows:
        source, target = row["from"].value, row["to"].value
        if source not in selected or target not in selected or source == target:
            continue
        used.add(row["tie"].value)
        directed = row["directed"] is None or row["directed"].value in ("true", "1")
        for pair in [(source, target)] + ([] if directed else [(target, source)]):
            carried = arcs[pair]
            carried["ties"].append(row["tie"].value)
            if row["tie_kind"] is not None:
                carried["kinds"].append(row["tie_kind"].value)
            for name in ("rank", "trust", "value"):
                if row[name] is not None:
                    carried[name].append(_number(row[name]))
    for (source, target), carried in arcs.items():
        ties = len(set(carried["ties"]))
        graph.add_edge(
            source, target, weight=ties, ties=ties, kinds=sorted(set(carried["kinds"])),
            intensity=max(carried["rank"]) if carried["rank"] else None,
            trust=sum(carried["trust"]) / len(carried["trust"]) if carried["trust"] else None,
            value=sum(carried["value"]) / len(carried["value"]) if carried["value"] else None,
        )  # fmt: skip
    return len(used)


def _fundings(store, bindings, view, selected: set[str]) -> list[tuple[str, str, float, int]]:
    found = []
    for row in sparql.fetch(store, sparql.FUNDINGS, bindings, view):
        funder, recipient = row["funder"].value, row["recipient"].value
        if funder in selected and recipient in selected and funder != recipient:
            amount = float(row["amount"].value)
            found.append((funder, recipient, amount, int(row["fundings"].value)))
    return sorted(found)


def _pairs(rows: list[sparql.Row], a: str, b: str, selected: set[str]) -> list[tuple[str, str]]:
    return sorted(
        (row[a].value, row[b].value)
        for row in rows
        if row[a].value in selected and row[b].value in selected and row[a] != row[b]
    )


def build(
    store: GraphStore,
    kind: NetworkKind,
    filters: Filters,
    *,
    lang: str = "de",
    view: View = View.FULL,
) -> nx.Graph:
    """The network of one kind: a DiGraph for funding and collaboration, else a Graph."""
    bindings = filters.bindings()
    found = organisations(store, filters, view)
    selected = set(found.kinds)
    directed = kind in (NetworkKind.FUNDING, NetworkKind.COLLABORATION)
    graph: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    graph.graph.update(network=str(kind), filters=filters.described())
    _add_organisations(graph, found)
    if kind in (NetworkKind.MEMBERSHIP, NetworkKind.COMEMBERSHIP):
        seats = _memberships(store, bindings, view, selected)
        bipartite = nx.Graph()
        _add_organisations(bipartite, found)
        for organisation, committee in seats:
            bipartite.add_node(committee, type="committee")
            bipartite.add_edge(organisation, committee, weight=1)
        if kind is NetworkKind.MEMBERSHIP:
            graph = bipartite
            graph.graph.update(network=str(kind), filters=filters.described())
        else:
            projected = nx.bipartite.weighted_projected_graph(bipartite, sorted(selected))
            graph.add_weighted_edges_from(projected.edges(data="weight"))
            for a, b, weight in projected.edges(data="weight"):
                graph.edges[a, b]["committees"] = weight
    elif kind is NetworkKind.COLLABORATION:
        rows = sparql.fetch(store, sparql.TIES, bindings, view)
        graph.graph["ties"] = _collaboration(graph, rows, selected)
    elif kind is NetworkKind.FUNDING:
        for funder, recipient, amount, count in _fundings(store, bindings, view, selected):
            graph.add_edge(funder, recipient, weight=amount, amount=amount, fundings=count)
    elif kind is NetworkKind.TARGET_GROUPS:
        query = sparql.target_groups("target_group" in filters.given())
        for row in sparql.fetch(store, query, bindings, view):
            organisation, group = row["organisation"].value, row["group"].value
            if organisation in selected:
                graph.add_node(group, type="target-group")
                graph.add_edge(organisation, group, weight=int(row["services"].value))
    else:
        _actors(store, bindings, view, graph, selected)
    _label(store, graph, found.names, lang, view)
    return graph


def _actors(store, bindings, view, graph: nx.Graph, selected: set[str]) -> None:
    """Every kind of tie at once; each edge lists the kinds that join the pair."""
    kinds: dict[frozenset, set[str]] = defaultdict(set)
    for organisation, committee in _memberships(store, bindings, view, selected):
        graph.add_node(committee, type="committee")
        kinds[frozenset((organisation, committee))].add("membership")
    arcs = nx.DiGraph()
    _collaboration(arcs, sparql.fetch(store, sparql.TIES, bindings, view), selected)
    for a, b in arcs.edges:
        kinds[frozenset((a, b))].add("collaboration")
    for funder, recipient, _, _ in _fundings(store, bindings, view, selected):
        kinds[frozenset((funder, recipient))].add("funding")
    contracts = sparql.fetch(store, sparql.CONTRACTS, bindings, view)
    for a, b in _pairs(contracts, "commissioner", "contractor", selected):
        kinds[frozenset((a, b))].add("contract")
    associations = sparql.fetch(store, sparql.ASSOCIATIONS, bindings, view)
    for a, b in _pairs(associations, "organisation", "association", selected):
        kinds[frozenset((a, b))].add("association")
    for pair, joined in sorted(kinds.items(), key=lambda item: sorted(item[0])):
        a, b = sorted(pair)
        graph.add_edge(a, b, kinds=sorted(joined), weight=len(joined))


def _label(
    store: GraphStore, graph: nx.Graph, names: dict[str, str], lang: str, view: View
) -> None:
    """Every node's label (name or concept label), and the labels of the groups; the
    organisations' names came with them, the rest is looked up as the runner does."""
    iris = set(graph.nodes) - set(names)
    for _, data in graph.nodes(data=True):
        iris |= {data.get(k) for k in ("organisation_kind", "kind_group", "field_group")}
    iris.discard(None)
    found = names | labels(store, iris, lang, view)
    for node, data in graph.nodes(data=True):
        data["label"] = found.get(node, node)
    graph.graph["labels"] = found
