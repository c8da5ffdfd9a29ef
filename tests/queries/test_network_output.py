"""The report's formats: what JSON, CSV, the table, GraphML and GEXF carry, on hand-built
graphs (no store: the output reads only the report)."""

import csv
import io
import json

import networkx as nx
from sozialgraph.queries import network_measures
from sozialgraph.queries.network_analysis import GroupBy, Measure, analyse
from sozialgraph.queries.network_output import (
    exported,
    to_csv,
    to_gexf,
    to_graphml,
    to_json,
    to_table,
)

KIND = "https://w3id.org/sozialgraph/vocab/organisation-kinds/"


def _graph() -> nx.DiGraph:
    graph = nx.DiGraph(network="collaboration", filters={"as_of": "2026-06-30", "year": 2026})
    graph.graph["labels"] = {KIND + "public-body": "Öffentlicher Träger"}
    for name in ("a", "b", "c"):
        graph.add_node(name, type="organisation", label=name.upper(),
                       organisation_kind=KIND + "public-body", kind_group=KIND + "public-body",
                       field_group=None)  # fmt: skip
    graph.add_node("alone", type="organisation", label="Allein", organisation_kind=None)
    graph.add_edge("a", "b", kinds=["k1", "k2"], trust=None, weight=2)
    graph.add_edge("b", "c", kinds=[], trust=3.0, weight=1)
    return graph


def test_json_is_one_object_with_figures_and_node_entries():
    document = json.loads(to_json(analyse(_graph()), "de"))
    assert document["network"] == "collaboration"
    assert document["parameters"] == {"as_of": "2026-06-30", "year": 2026}
    assert document["group_by"] == "kind" and document["measures"][0] == "graph"
    assert document["graph"]["nodes"] == 4 and document["graph"]["mean_trust"] == 3.0
    assert [n["label"] for n in document["nodes"]] == ["A", "Allein", "B", "C"]
    b = next(n for n in document["nodes"] if n["iri"] == "b")
    assert b["organisation_kind_label"] == "Öffentlicher Träger"
    assert b["group_label"] == "Öffentlicher Träger"
    assert (b["degree"], b["in_degree"], b["out_degree"], b["coordinator"]) == (2, 1, 1, 1)
    alone = next(n for n in document["nodes"] if n["iri"] == "alone")
    assert alone["constraint"] is None and alone["group"] is None
    alone_row = {"rank": 1, "iri": "alone", "label": "Allein", "status": "isolated"}
    assert document["invite"][0] == alone_row | {"needs": 0, "districts": []}
    assert [c["size"] for c in document["communities"]] == [3, 1]
    public = {"iri": KIND + "public-body", "label": "Öffentlicher Träger", "organisations": 3}
    assert document["communities"][0]["organisation_kinds"] == [public]
    nothing = {"iri": None, "label": None, "organisations": 1}
    assert document["communities"][1]["organisation_kinds"] == [nothing]


def test_csv_has_a_header_in_the_language_and_a_row_per_node():
    rows = list(csv.reader(io.StringIO(to_csv(analyse(_graph(), [Measure.DEGREE]), "en"))))
    assert rows[0] == ["IRI", "Name", "Node type", "Organisation kind", "Group", "Degree",
                       "In-degree", "Out-degree"]  # fmt: skip
    assert rows[1] == ["a", "A", "organisation", "Öffentlicher Träger", "Öffentlicher Träger",
                       "1", "0", "1"]  # fmt: skip
    assert len(rows) == 5


def test_the_table_says_when_betweenness_was_sampled(monkeypatch):
    monkeypatch.setattr(network_measures, "EXACT_BETWEENNESS_LIMIT", 3)
    monkeypatch.setattr(network_measures, "BETWEENNESS_SAMPLES", 2)
    report = analyse(_graph(), [Measure.BETWEENNESS])
    assert report.figures == {"betweenness_sampled": True}
    text = to_table(report, "en")
    assert "betweenness sampled: 2 of 4 nodes as sources (seed 1)" in text
    assert "Betweenness sampled │ yes" in text
    assert json.loads(to_json(report, "en"))["notes"] == [report.notes[0]]
    assert "betweenness sampled" in nx.parse_graphml(to_graphml(report)).graph["notes"]


def test_graphml_and_gexf_leave_out_missing_values_and_join_lists():
    report = analyse(_graph(), group_by=GroupBy.FIELD)
    graph = exported(report)
    assert "constraint" not in graph.nodes["alone"] and "group" not in graph.nodes["a"]
    assert graph.edges["a", "b"]["kinds"] == "k1|k2" and "trust" not in graph.edges["a", "b"]
    assert graph.graph["parameters"] == '{"as_of": "2026-06-30", "year": 2026}'
    for _, data in [*graph.nodes(data=True), (None, graph.graph)]:
        assert all(isinstance(v, str | int | float | bool) for v in data.values())
    back = nx.parse_graphml(to_graphml(report))
    assert back.nodes["b"]["coordinator"] == 1 and back.nodes["b"]["articulation_point"] is True
    assert back.graph["nodes"] == 4 and back.edges["b", "c"]["trust"] == 3.0
    gexf = nx.read_gexf(io.BytesIO(to_gexf(report).encode("utf-8")))
    assert gexf.nodes["b"]["label"] == "B" and gexf.nodes["b"]["coordinator"] == 1
    assert gexf.edges["a", "b"]["kinds"] == "k1|k2"
