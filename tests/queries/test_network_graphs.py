"""The graph builder on a small known store: each kind is exactly the hand-built network,
the filters select exactly the organisations they should, bad values are one line."""

import networkx as nx
import pytest
from sozialgraph.graph.vocabulary import vocabulary_index
from sozialgraph.queries.binding import BadParameter
from sozialgraph.queries.network_graphs import NetworkKind, build, read_filters

from tests.queries.network.known import AS_OF, KINDS, TG, committee, known, org


def _edges(graph: nx.Graph) -> set:
    """The edges as pairs, ordered only when the graph is directed."""
    return {edge if graph.is_directed() else frozenset(edge) for edge in graph.edges}


def test_every_kind_has_a_known_network():
    assert set(KINDS) == {str(kind) for kind in NetworkKind}


@pytest.mark.parametrize("kind", KINDS)
def test_the_built_network_is_the_known_one(small, kind):
    built = build(small, NetworkKind(kind), read_filters(small, as_of=AS_OF))
    expected = known(kind)
    assert built.is_directed() == expected.is_directed()
    assert set(built.nodes) == set(expected.nodes)
    assert _edges(built) == _edges(expected)
    for a, b, data in expected.edges(data=True):
        for key, value in data.items():
            assert built.edges[a, b][key] == value, (a, b, key)


def test_nodes_carry_type_label_kind_and_groups(small):
    built = build(small, NetworkKind.MEMBERSHIP, read_filters(small, as_of=AS_OF), lang="en")
    verein = built.nodes[org("verein")]
    kinds = "https://w3id.org/sozialgraph/vocab/organisation-kinds/"
    fields = "https://w3id.org/sozialgraph/vocab/fields-of-action/"
    assert verein["type"] == "organisation" and verein["label"] == "Verein"
    assert verein["organisation_kind"] == kinds + "registered-association"
    assert verein["kind_group"] == kinds + "non-profit"
    assert verein["field_group"] == fields + "family-support"  # S1 and S3
    # one service in each of two fields: the first IRI wins the tie
    assert built.nodes[org("verein2")]["field_group"] == fields + "child-and-youth-welfare"
    assert built.nodes[org("amt")]["field_group"] is None  # provides nothing
    assert built.nodes[committee("ag")] | {} == {"type": "committee", "label": "AG"}


def test_collaboration_arcs_carry_the_merged_ties(small):
    built = build(small, NetworkKind.COLLABORATION, read_filters(small, as_of=AS_OF))
    # t1 (information exchange, coordination = 3, trust 3, value 4) and t7 (referrals,
    # integration = 4, trust 1, value 2): two ties on one arc
    merged = built.edges[org("amt"), org("verein")]
    assert merged["ties"] == 2 and merged["intensity"] == 4
    assert merged["trust"] == 2 and merged["value"] == 3
    assert [k.rsplit("/", 1)[1] for k in merged["kinds"]] == ["information-exchange", "referrals"]
    back = built.edges[org("verein"), org("amt")]  # t1 only, the undirected tie's way back
    assert (back["ties"], back["intensity"], back["trust"], back["value"]) == (1, 3, 3, 4)
    assert built.graph["ties"] == 7  # t1-t4, t7-t9


def test_funding_takes_the_year_asked(small):
    built = build(small, NetworkKind.FUNDING, read_filters(small, as_of=AS_OF, year="2025"))
    assert list(built.edges(data="weight")) == [(org("amt"), org("verein"), 9999.0)]
    later = build(small, NetworkKind.FUNDING, read_filters(small, as_of="2027-01-01"))
    assert later.number_of_edges() == 0


def _selected(small, as_of: str = AS_OF, **filters) -> set[str]:
    built = build(small, NetworkKind.COLLABORATION, read_filters(small, as_of=as_of, **filters))
    return {node.rsplit("/", 1)[1] for node in built}


def test_organisation_kind_includes_narrower_kinds(small):
    assert _selected(small, organisation_kind=["non-profit"]) == {
        "verein", "verein2", "verein3", "isoliert", "alt"}  # fmt: skip
    german = vocabulary_index().schemes["organisation-kinds"].labels
    church = next(label for iri, label in german.items() if iri.endswith("/church-body"))
    assert _selected(small, organisation_kind=[church]) == {"kirche"}


def test_district_includes_its_parts_and_the_funders(small):
    # Nord lies in Mitte: S1, S3, S5 and their funders in 2026 (amt for S1, jugendamt for S3)
    assert _selected(small, district=["mitte"]) == {
        "verein", "verein2", "isoliert", "amt", "jugendamt"}  # fmt: skip
    # Süd: S2 (funded by amt through f2); S4 has ended
    assert _selected(small, district=["Süd"]) == {"verein2", "amt"}


def test_field_and_target_group_include_narrower_concepts(small):
    assert _selected(small, field_of_action=["child-and-youth-welfare"]) == {
        "verein2", "isoliert", "amt"}  # fmt: skip
    assert _selected(small, target_group=["older-people"]) == {"verein", "verein2", "jugendamt"}


def test_filters_combine_on_one_service_and_the_kind(small):
    both = {"district": ["mitte"], "field_of_action": ["family-support"]}
    assert _selected(small, **both) == {"verein", "verein2", "amt", "jugendamt"}
    assert _selected(small, **both, organisation_kind=["non-profit"]) == {"verein", "verein2"}
    # several values of one filter: any of them
    assert _selected(small, district=["nord", "sued"]) == _selected(small, district=["mitte"])


def test_target_group_filter_keeps_only_those_groups(small):
    filters = read_filters(small, as_of=AS_OF, target_group=["families"])
    built = build(small, NetworkKind.TARGET_GROUPS, filters)
    assert set(built.nodes) == {org("verein"), org("amt"), TG + "single-parents"}
    assert list(built.edges) == [(org("verein"), TG + "single-parents")]


def test_a_filter_that_matches_nothing_gives_an_empty_network(small):
    # S5 began in 2020, and amt funds S2 in 2026 only; nobody serves infants
    assert _selected(small, as_of="2019-12-31", field_of_action=["open-youth-work"]) == {"verein2"}
    filters = read_filters(small, as_of=AS_OF, target_group=["infants"])
    built = build(small, NetworkKind.ACTORS, filters)
    assert built.number_of_nodes() == 0 and built.number_of_edges() == 0


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"as_of": "31.02.2026"}, "--as-of='31.02.2026': not a date; write 2026-06-30"),
        ({"year": "zwanzig"}, "--year='zwanzig': not a whole number"),
        ({"district": ["Nirgendwo"]}, "--district='Nirgendwo': no district of that ID or name"),
        ({"field_of_action": ["Quatsch"]},
         "--field-of-action='Quatsch': not in the vocabulary 'fields-of-action'"),
        ({"target_group": ["Familie"]}, "--target-group='Familie': not in the vocabulary"),
        ({"organisation_kind": ["Verein", "Zebra"]}, "--organisation-kind='Zebra': not in"),
        ({"colour": ["blue"]}, "unknown filter(s): colour"),
    ],
)  # fmt: skip
def test_bad_values_are_one_line_naming_the_option(small, given, message):
    with pytest.raises(BadParameter) as raised:
        read_filters(small, **given)
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)
