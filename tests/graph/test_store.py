"""Sources in the store, against both kinds: the embedded store and a real Oxigraph server."""

import getpass
import hashlib
from pathlib import Path

import pytest
from sozialgraph.graph.export import RestoreRefused, export, restore
from sozialgraph.graph.names import BadSourceName, meta_graph, source_graph
from sozialgraph.graph.rdf_import import import_rdf
from sozialgraph.graph.sources import UnknownSource, remove_source
from sozialgraph.graph.stats import stats
from sozialgraph.graph.store import RdfSyntaxError, View
from sozialgraph.ontology.namespaces import ONTOLOGY_IRI, scheme_iri

PREFIXES = """@prefix sg: <https://w3id.org/sozialgraph#> .
@prefix service: <https://sozialgraph.example/id/service/> .
@prefix org: <https://sozialgraph.example/id/organisation/> .
"""
SERVICES = (
    PREFIXES
    + """
service:kita-sued a sg:Service ; sg:name "Kita Süd" ; sg:provider org:verein .
service:jugendtreff a sg:Service ; sg:name "Jugendtreff" ; sg:provider org:verein .
org:verein a sg:Organisation ; sg:name "Beispielverein e.V." .
"""
)
SECRET = (
    PREFIXES
    + """
org:geheim a sg:Organisation ; sg:name "Interne Liste" .
"""
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(store) -> dict[str, frozenset[str]]:
    """Every graph's triples as N-Triples lines: equal snapshots mean equal stores."""
    graphs = ["default", *store.named_graphs()]
    return {
        graph: frozenset(f"{q.subject} {q.predicate} {q.object}" for q in store.graph_quads(graph))
        for graph in graphs
    }


def names(rows, variable="name") -> set[str]:
    return {row[variable].value for row in rows}


def test_import_creates_source_and_model_graphs(store, tmp_path):
    result = import_rdf(store, [write(tmp_path, "Angebote Süd.ttl", SERVICES)])
    assert result.name == "angebote-sued"
    assert result.triples == 8
    assert result.per_class == {
        "https://w3id.org/sozialgraph#Service": 2,
        "https://w3id.org/sozialgraph#Organisation": 1,
    }
    graphs = set(store.named_graphs())
    base = store.settings.base_iri
    assert {source_graph(base, "angebote-sued"), meta_graph(base, "angebote-sued")} <= graphs
    assert str(ONTOLOGY_IRI) in graphs
    assert str(scheme_iri("target-groups")) in graphs
    [source] = store.sources()
    assert (source.name, source.public, source.triples, source.files) == (
        "angebote-sued",
        True,
        8,
        ["Angebote Süd.ttl"],
    )


def test_reimport_replaces_the_source_as_a_whole(store, tmp_path):
    import_rdf(store, [write(tmp_path, "a.ttl", SERVICES)], source="angebote")
    smaller = PREFIXES + 'service:neu a sg:Service ; sg:name "Neu" .\n'
    import_rdf(store, [write(tmp_path, "b.ttl", smaller)], source="angebote")
    rows = store.query_data("SELECT ?name WHERE { ?s <https://w3id.org/sozialgraph#name> ?name }")
    assert names(rows) == {"Neu"}
    assert [s.files for s in store.sources()] == [["b.ttl"]]


def test_one_import_of_several_files_is_one_source(store, tmp_path):
    first = write(tmp_path, "teil1.ttl", SERVICES)
    second = write(
        tmp_path,
        "teil2.nt",
        '<https://sozialgraph.example/id/x> <https://w3id.org/sozialgraph#name> "X" .\n',
    )
    result = import_rdf(store, [first, second])
    assert result.name == "teil1"
    assert result.triples == 9
    assert [s.files for s in store.sources()] == [["teil1.ttl", "teil2.nt"]]


def test_syntax_error_names_file_line_column_and_writes_nothing(store, tmp_path):
    import_rdf(store, [write(tmp_path, "gut.ttl", SERVICES)])
    before = snapshot(store)
    bad = write(tmp_path, "kaputt.ttl", PREFIXES + 'org:a sg:name "ok" .\norg:b sg:name "offen .\n')
    with pytest.raises(RdfSyntaxError) as caught:
        import_rdf(store, [write(tmp_path, "auch-gut.ttl", SECRET), bad], source="gut")
    message = str(caught.value)
    assert message.startswith(f"{bad}:5:")
    assert snapshot(store) == before


def test_bad_source_name_and_missing_file_write_nothing(store, tmp_path):
    with pytest.raises(BadSourceName, match="lower-case"):
        import_rdf(store, [write(tmp_path, "a.ttl", SERVICES)], source="Meine Quelle")
    with pytest.raises(FileNotFoundError, match=r"fehlt\.ttl"):
        import_rdf(store, [tmp_path / "fehlt.ttl"])
    assert store.sources() == []


def test_private_source_stays_out_of_the_public_view(store, tmp_path):
    import_rdf(store, [write(tmp_path, "oeffentlich.ttl", SERVICES)])
    import_rdf(store, [write(tmp_path, "intern.ttl", SECRET)], public=False)
    private_graph = source_graph(store.settings.base_iri, "intern")
    private_meta = meta_graph(store.settings.base_iri, "intern")
    name = "<https://w3id.org/sozialgraph#name>"
    everything = f"SELECT ?name WHERE {{ ?s {name} ?name }}"
    in_graphs = f"SELECT ?name WHERE {{ GRAPH ?g {{ ?s {name} ?name }} }}"
    from_clause = f"SELECT ?name FROM <{private_graph}> WHERE {{ ?s {name} ?name }}"
    named = f"SELECT ?name WHERE {{ GRAPH <{private_graph}> {{ ?s ?p ?name }} }}"
    for query in (everything, in_graphs, from_clause, named):
        assert "Interne Liste" not in names(store.query(query, View.PUBLIC)), query
    assert "Interne Liste" in names(store.query(everything, View.FULL))
    public = store.public_graphs()
    assert private_graph not in public and private_meta not in public
    assert stats(store, View.PUBLIC).per_class == {"sg:Service": 2, "sg:Organisation": 1}
    assert stats(store, View.FULL).per_class["sg:Organisation"] == 2


def test_remove_drops_source_and_meta_graph(store, tmp_path):
    import_rdf(store, [write(tmp_path, "a.ttl", SERVICES)])
    import_rdf(store, [write(tmp_path, "b.ttl", SECRET)])
    remove_source(store, "a")
    assert [s.name for s in store.sources()] == ["b"]
    base = store.settings.base_iri
    assert source_graph(base, "a") not in store.named_graphs()
    assert meta_graph(base, "a") not in store.named_graphs()
    with pytest.raises(UnknownSource, match="did you mean b"):
        remove_source(store, "bb")


def test_meta_graph_records_provenance_but_no_person(store, tmp_path):
    path = write(tmp_path, "angebote.ttl", SERVICES)
    import_rdf(store, [path])
    meta = meta_graph(store.settings.base_iri, "angebote")
    text = "\n".join(f"{q.subject} {q.predicate} {q.object}" for q in store.graph_quads(meta))
    assert hashlib.sha256(path.read_bytes()).hexdigest() in text
    assert "http://www.w3.org/ns/prov#SoftwareAgent" in text
    assert "https://w3id.org/sozialgraph#Import" in text
    assert "http://rdfs.org/ns/void#classPartition" in text
    assert str(tmp_path) not in text, "a folder path (with a user name) leaked into provenance"
    assert getpass.getuser() not in text.replace("sozialgraph", "")


def test_export_and_restore_round_trip_as_isomorphic_datasets(store, empty_store, tmp_path):
    import_rdf(store, [write(tmp_path, "a.ttl", SERVICES)])
    import_rdf(store, [write(tmp_path, "b.ttl", SECRET)], public=False)
    dump = tmp_path / "alles.trig"
    export(store, dump, View.FULL)
    fresh = empty_store()
    assert sorted(restore(fresh, dump)) == ["a", "b"]
    again = tmp_path / "wieder.trig"
    export(fresh, again, View.FULL)
    assert_isomorphic_datasets(dump, again)
    assert [s.public for s in fresh.sources()] == [True, False]


def test_restore_refuses_a_store_with_sources_and_union_files(store, tmp_path):
    import_rdf(store, [write(tmp_path, "a.ttl", SERVICES)])
    dump = tmp_path / "export.nq"
    export(store, dump)
    with pytest.raises(RestoreRefused, match="already holds sources"):
        restore(store, dump)
    with pytest.raises(RestoreRefused, match=r"\.trig or \.nq"):
        restore(store, write(tmp_path, "x.ttl", SERVICES))


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".nq", ".trig"])
def test_public_export_leaves_out_private_sources(store, tmp_path, suffix):
    import_rdf(store, [write(tmp_path, "a.ttl", SERVICES)])
    import_rdf(store, [write(tmp_path, "b.ttl", SECRET)], public=False)
    path = tmp_path / f"export{suffix}"
    count = export(store, path)
    text = path.read_text(encoding="utf-8")
    assert "Kita Süd" in text or "Kita S\\u00FCd" in text
    assert "Interne Liste" not in text and "/graph/meta/b" not in text
    assert count > 1000  # the model graphs are public too


def assert_isomorphic_datasets(first: Path, second: Path) -> None:
    """Compare two TriG files graph by graph, up to blank node names."""
    from rdflib import Dataset
    from rdflib.compare import graph_diff, to_isomorphic

    left, right = Dataset(), Dataset()
    left.parse(first, format="trig")
    right.parse(second, format="trig")
    left_graphs = {str(g.identifier): g for g in left.graphs() if len(g)}
    right_graphs = {str(g.identifier): g for g in right.graphs() if len(g)}
    assert left_graphs.keys() == right_graphs.keys()
    for name, graph in left_graphs.items():
        a, b = to_isomorphic(graph), to_isomorphic(right_graphs[name])
        if a != b:
            _, only_left, only_right = graph_diff(a, b)
            pytest.fail(
                f"graph {name} differs:\n- {only_left.serialize(format='nt')}\n"
                f"+ {only_right.serialize(format='nt')}"
            )
