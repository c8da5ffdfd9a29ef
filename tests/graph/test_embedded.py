"""The embedded store's own promises: atomic writes even when killed, one writer, free readers."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest
from sozialgraph.graph.embedded import CURRENT, GENERATIONS, EmbeddedStore
from sozialgraph.graph.rdf_import import import_rdf
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import StoreError, StoreLocked, open_store

SOZIALGRAPH = str(Path(sys.executable).with_name("sozialgraph"))
SMALL = '<https://sozialgraph.example/id/service/a> <https://w3id.org/sozialgraph#name> "A" .\n'


def write_ntriples(path: Path, triples: int) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for n in range(triples):
            out.write(
                f"<https://sozialgraph.example/id/service/s{n}> "
                f'<https://w3id.org/sozialgraph#name> "Angebot Nummer {n} in der Oststadt" .\n'
            )
    return path


def state(settings: Settings) -> dict[str, frozenset[str]]:
    """Every graph of the published store as N-Triples lines, read by a fresh reader."""
    store = open_store(settings)
    try:
        return {
            graph: frozenset(
                f"{q.subject} {q.predicate} {q.object}" for q in store.graph_quads(graph)
            )
            for graph in ["default", *store.named_graphs()]
        }
    finally:
        store.close()


@pytest.fixture
def filled(embedded_settings, tmp_path) -> Settings:
    """An embedded store with one small source 'angebote'."""
    store = open_store(embedded_settings, read_only=False)
    import_rdf(store, [write_ntriples(tmp_path / "angebote.nt", 3)])
    store.close()
    return embedded_settings


@pytest.mark.slow
def test_import_killed_midway_leaves_the_store_exactly_as_before(filled, tmp_path):
    before = state(filled)
    folder = Path(filled.store)
    published = os.readlink(folder / CURRENT)
    big = write_ntriples(tmp_path / "gross.nt", 600_000)
    process = subprocess.Popen(
        [SOZIALGRAPH, "import", str(big), "--source", "angebote", "--store", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    generations = folder / GENERATIONS
    deadline = time.monotonic() + 60
    while not any(
        p.name > Path(published).name and any(p.glob("*.sst")) for p in generations.iterdir()
    ):
        assert process.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < deadline, "the import never started writing"
        time.sleep(0.02)
    time.sleep(0.2)  # well inside the bulk load
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL, "the import finished before the kill"

    assert os.readlink(folder / CURRENT) == published
    assert state(filled) == before

    store = open_store(filled, read_only=False)
    import_rdf(store, [write_ntriples(tmp_path / "angebote.nt", 5)])
    store.close()
    kept = sorted(p.name for p in generations.iterdir())
    assert len(kept) == 2, f"the killed import's generation was not cleaned up: {kept}"


def test_failed_write_leaves_no_generation_behind(filled):
    folder = Path(filled.store)
    before = sorted(p.name for p in (folder / GENERATIONS).iterdir())
    store = open_store(filled, read_only=False)
    with pytest.raises(RuntimeError, match="mittendrin"), store.writing() as stage:
        stage.drop_graph(store.data_graphs()[0])
        raise RuntimeError("mittendrin")
    assert sorted(p.name for p in (folder / GENERATIONS).iterdir()) == before
    assert len(store.sources()) == 1


LOCK_HOLDER = """
import sys, time
from pathlib import Path
from sozialgraph.graph.lock import write_lock
with write_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(60)
"""


@pytest.fixture
def locked_by_other_process(filled):
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, filled.store], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "locked"
    yield holder
    holder.kill()
    holder.wait()


def test_second_writer_is_told_who_holds_the_lock(filled, locked_by_other_process, tmp_path):
    store = open_store(filled, read_only=False)
    with pytest.raises(StoreLocked) as caught:
        import_rdf(store, [write_ntriples(tmp_path / "neu.nt", 2)])
    message = str(caught.value)
    assert f"process {locked_by_other_process.pid}" in message
    assert "wait until it has finished" in message


def test_cli_writer_gets_one_line_while_readers_keep_working(
    filled, locked_by_other_process, tmp_path
):
    source = write_ntriples(tmp_path / "neu.nt", 2)
    refused = subprocess.run(
        [SOZIALGRAPH, "import", str(source), "--store", filled.store],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1, refused.stderr
    assert f"process {locked_by_other_process.pid}" in refused.stderr
    assert "Traceback" not in refused.stderr
    reading = subprocess.run(
        [SOZIALGRAPH, "stats", "--store", filled.store], capture_output=True, text=True, timeout=60
    )
    assert reading.returncode == 0, reading.stderr
    assert "triples 3" in reading.stdout


def test_open_reader_sees_the_new_state_after_a_write(filled, tmp_path):
    reader = EmbeddedStore(filled)
    assert len(list(reader.query_data("SELECT * WHERE { ?s ?p ?o }"))) == 3
    writer = open_store(filled, read_only=False)
    import_rdf(writer, [write_ntriples(tmp_path / "angebote.nt", 7)])
    assert len(list(reader.query_data("SELECT * WHERE { ?s ?p ?o }"))) == 7


def test_plain_oxigraph_folder_is_refused_with_advice(tmp_path):
    folder = tmp_path / "oxigraph-db"
    pyoxigraph.Store(str(folder)).flush()
    with pytest.raises(StoreError, match="plain Oxigraph database"):
        open_store(Settings(store=str(folder))).named_graphs()


def test_reading_a_store_never_written_sees_nothing(tmp_path):
    store = open_store(Settings(store=str(tmp_path / "neu")))
    assert store.sources() == [] and store.named_graphs() == []
    assert not (tmp_path / "neu").exists(), "reading must not create the store"


def test_relative_store_path_keeps_what_it_wrote(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = Settings(store="relativ")
    store = open_store(settings, read_only=False)
    import_rdf(store, [write_ntriples(tmp_path / "a.nt", 2)])
    import_rdf(store, [write_ntriples(tmp_path / "b.nt", 3)])
    assert [s.name for s in open_store(settings).sources()] == ["a", "b"]


def test_replacing_most_of_the_store_copies_the_rest_exactly(embedded_settings, tmp_path):
    """A large source replaced: the kept graphs are copied into a fresh generation."""
    store = open_store(embedded_settings, read_only=False)
    import_rdf(store, [write_ntriples(tmp_path / "gross.nt", 30_000)])
    import_rdf(store, [write_ntriples(tmp_path / "klein.nt", 4)])
    kept = {g: q for g, q in state(embedded_settings).items() if not g.endswith("/gross")}
    import_rdf(store, [write_ntriples(tmp_path / "gross.nt", 10)])
    after = state(embedded_settings)
    assert len(after[source_graph_iri(embedded_settings, "gross")]) == 10
    for graph, quads in kept.items():
        if "/graph/meta/gross" not in graph:
            assert after[graph] == quads, graph


def test_import_refreshes_model_graphs_only_when_they_differ(filled, tmp_path):
    from sozialgraph.graph.model import model_checksum, model_is_current, stored_checksum
    from sozialgraph.graph.names import ONTOLOGY_GRAPH
    from sozialgraph.ontology.namespaces import SG

    store = open_store(filled, read_only=False)
    assert stored_checksum(store) == model_checksum()
    with store.writing() as stage:  # pretend the store was filled by another version
        stage.drop_graph(ONTOLOGY_GRAPH)
        node = pyoxigraph.NamedNode(ONTOLOGY_GRAPH)
        stage.add(
            [
                pyoxigraph.Quad(
                    node,
                    pyoxigraph.NamedNode(str(SG.modelChecksum)),
                    pyoxigraph.Literal("alt"),
                    node,
                )
            ]
        )
    assert not model_is_current(store)
    import_rdf(store, [write_ntriples(tmp_path / "neu.nt", 2)])
    assert model_is_current(store)
    assert len(list(store.graph_quads(ONTOLOGY_GRAPH))) > 500


def source_graph_iri(settings: Settings, name: str) -> str:
    from sozialgraph.graph.names import source_graph

    return source_graph(settings.base_iri, name)
