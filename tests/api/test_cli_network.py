"""`sozialgraph network` as a planner runs it, on the demo data: every format, read back,
and bad input as one line with exit code 2 and nothing written."""

import csv
import io
import json

import networkx as nx
import pytest

from tests.api import test_cli_queries
from tests.api.test_cli_store import run

AS_OF = ("--as-of", "2026-06-30")
VERBAND = "https://sozialgraph.example/id/organisation/verband-freier-traeger"
store = test_cli_queries.store  # the demo data in a store of this module's own


@pytest.fixture(scope="module")
def answer(store) -> dict:
    done = run("network", "collaboration", *AS_OF, "--format", "json", "--lang", "en",
               "--store", store)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_json_has_the_figures_and_one_entry_per_node(answer):
    assert answer["network"] == "collaboration"
    assert answer["parameters"] == {"as_of": "2026-06-30", "year": 2026}
    assert answer["graph"]["nodes"] == 65 == len(answer["nodes"])
    assert answer["graph"]["betweenness_sampled"] is False and answer["notes"] == []
    verband = next(node for node in answer["nodes"] if node["iri"] == VERBAND)
    assert verband["label"] == "Verband freier Träger (Demo)"
    assert verband["type"] == "organisation"
    assert verband["group_label"] == "Umbrella or top-level association"
    assert verband["brokerage"] == 266 and verband["consultant"] == 182
    for metric in (
        "degree",
        "in_degree",
        "betweenness",
        "eigenvector",
        "constraint",
        "effective_size",
        "k_core",
        "articulation_point",
        "bridges",
        "community",
    ):
        assert metric in verband, metric  # fmt: skip
    assert {row["status"] for row in answer["invite"]} == {"isolated", "peripheral"}
    assert sum(c["size"] for c in answer["communities"]) == 65


def test_table_in_german_and_english(store):
    german = run("network", "collaboration", *AS_OF, "--store", store)
    assert german.returncode == 0, german.stderr
    assert "Verband freier Träger (Demo)" in german.stdout
    assert "Dichte" in german.stdout and "Wen einladen?" in german.stdout
    assert "65 Knoten" in german.stdout and "https://" not in german.stdout
    english = run("network", "collaboration", *AS_OF, "--lang", "en", "--store", store)
    assert "Density" in english.stdout and "Whom to invite?" in english.stdout
    assert "65 nodes" in english.stdout


def test_csv_is_the_node_entries_with_iris(store, answer):
    done = run("network", "collaboration", *AS_OF, "--format", "csv", "--store", store)
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == len(answer["nodes"])
    verband = next(row for row in rows if row["IRI"] == VERBAND)
    assert verband["Name"] == "Verband freier Träger (Demo)"
    assert verband["Brokerage"] == "266" and verband["Berater"] == "182"


@pytest.mark.parametrize("format", ["graphml", "gexf"])
def test_graphml_and_gexf_read_back_with_the_same_attributes(store, answer, tmp_path, format):
    out = tmp_path / f"collaboration.{format}"
    done = run("network", "collaboration", *AS_OF, "--format", format, "--out", str(out),
               "--store", store)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote 65 nodes to {out}"
    graph = nx.read_graphml(out) if format == "graphml" else nx.read_gexf(out)
    assert graph.is_directed()
    assert graph.number_of_nodes() == 65
    assert graph.number_of_edges() == 121
    verband = graph.nodes[VERBAND]
    assert verband["label"] == "Verband freier Träger (Demo)"
    assert int(verband["brokerage"]) == 266 and int(verband["liaison"]) == 54
    assert verband["articulation_point"] in (True, "true")
    expected = next(node for node in answer["nodes"] if node["iri"] == VERBAND)
    assert float(verband["betweenness"]) == pytest.approx(expected["betweenness"])
    tie = graph.edges[VERBAND, "https://sozialgraph.example/id/organisation/liga"]
    assert "tie-kinds/" in tie["kinds"] and float(tie["trust"]) > 0
    if format == "graphml":
        assert graph.graph["network"] == "collaboration" and graph.graph["nodes"] == 65


def test_graphml_on_stdout(store):
    done = run("network", "membership", *AS_OF, "--format", "graphml", "--measure", "degree",
               "--store", store)  # fmt: skip
    graph = nx.parse_graphml(done.stdout)
    types = nx.get_node_attributes(graph, "type")
    assert set(types.values()) == {"organisation", "committee"}
    assert all("degree" in data for _, data in graph.nodes(data=True))


def test_filters_and_dates_are_read_like_query_parameters(store):
    def nodes(*args: str) -> set[str]:
        done = run("network", "actors", "--format", "json", "--measure", "degree", *args,
                   "--store", store)  # fmt: skip
        assert done.returncode == 0, done.stderr
        return {node["iri"] for node in json.loads(done.stdout)["nodes"]}

    everyone = nodes(*AS_OF)
    assert nodes("--as-of", "30.06.2026") == everyone
    richtsberg = nodes(*AS_OF, "--district", "Richtsberg")
    assert "https://sozialgraph.example/id/organisation/gemeinwesen-richtsberg" in richtsberg
    assert richtsberg < everyone
    youth = nodes(
        *AS_OF, "--district", "Richtsberg", "--field-of-action", "Kinder- und Jugendhilfe"
    )
    assert youth < richtsberg
    assert nodes(*AS_OF, "--organisation-kind", "church-body") < everyone


def test_only_the_measures_asked(store):
    done = run("network", "funding", *AS_OF, "--year", "2025", "--format", "json",
               "--measure", "betweenness", "--store", store)  # fmt: skip
    answer = json.loads(done.stdout)
    assert answer["parameters"]["year"] == 2025 and answer["measures"] == ["betweenness"]
    assert {key for node in answer["nodes"] for key in node} >= {"betweenness"}
    assert "degree" not in answer["nodes"][0] and answer["invite"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["colaboration"], "error: KIND 'colaboration': not one of collaboration"),
        (["actors", "--measure", "betweeness"],
         "error: --measure 'betweeness': not one of betweenness"),
        (["actors", "--as-of", "31.02.2026"], "error: --as-of='31.02.2026': not a date"),
        (["actors", "--year", "2026/27"], "error: --year='2026/27': not a whole number"),
        (["actors", "--district", "Atlantis"],
         "error: --district='Atlantis': no district of that ID"),
        (["actors", "--target-group", "Marsianer"],
         "error: --target-group='Marsianer': not in the vocabulary 'target-groups'"),
        (["actors", "--organisation-kind", "Gemeinde", "--organisation-kind", "Zebra"],
         "error: --organisation-kind='Zebra': not in the vocabulary 'organisation-kinds'"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_exit_2_and_writes_nothing(store, tmp_path, args, message):
    out = tmp_path / "network.json"
    done = run("network", *args, "--format", "json", "--out", str(out), "--store", store)
    assert done.returncode == 2
    assert done.stderr.startswith(message), done.stderr
    assert done.stderr.count("\n") == 1 and done.stdout == ""
    assert not out.exists()


def test_a_store_never_written_reads_as_empty_and_stays_unwritten(tmp_path):
    # as for `sozialgraph query`: the store is opened read-only, nothing is created
    folder = tmp_path / "nothing-here"
    empty = run("network", "actors", "--lang", "en", "--store", str(folder))
    assert empty.returncode == 0, empty.stderr
    assert "0 nodes" in empty.stdout and not folder.exists()


def test_an_unwritable_file_is_one_line(store, tmp_path):
    blocked = run("network", "actors", *AS_OF, "--measure", "degree", "--out",
                  str(tmp_path / "no-such-folder" / "x.csv"), "--store", store)  # fmt: skip
    assert blocked.returncode == 2 and "cannot write" in blocked.stderr
    assert blocked.stderr.count("\n") == 1
