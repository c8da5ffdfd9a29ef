"""The meta graph of a source: a PROV-O record of the import and VoID counts of what it holds.

It names files by their base name and SHA-256 and the software by name and version — never
a path, a login or a person (DESIGN.md, decision 2 and 8).
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import pyoxigraph as ox
from sozialgraph.graph.store import Stage
from sozialgraph.ontology.namespaces import SG

PROV = "http://www.w3.org/ns/prov#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class FileRecord:
    """A file an import read."""

    name: str
    sha256: str
    size: int


def file_record(path: Path) -> FileRecord:
    """Hash a file in chunks (it may be large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return FileRecord(path.name, digest.hexdigest(), path.stat().st_size)


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def software_iri() -> str:
    return f"https://w3id.org/sozialgraph/software/{version('sozialgraph')}"


def count_graph(stage: Stage, graph: str) -> tuple[int, dict[str, int]]:
    """Triples in a staged graph and distinct subjects per rdf:type."""
    triples = next(
        iter(stage.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))
    )
    per_class = {
        row["class"].value: int(row["n"].value)
        for row in stage.query(
            f"SELECT ?class (COUNT(DISTINCT ?s) AS ?n) "
            f"WHERE {{ GRAPH <{graph}> {{ ?s a ?class }} }} GROUP BY ?class"
        )
    }
    return int(triples["n"].value), per_class


def provenance_quads(
    *,
    source_graph: str,
    meta_graph: str,
    name: str,
    public: bool,
    files: list[FileRecord],
    started: datetime,
    ended: datetime,
    triples: int,
    per_class: dict[str, int],
) -> list[ox.Quad]:
    """The meta graph's content for one import."""
    g = ox.NamedNode(meta_graph)
    source = ox.NamedNode(source_graph)
    activity = ox.NamedNode(meta_graph + "#import")
    agent = ox.NamedNode(software_iri())

    def iri(term: str) -> ox.NamedNode:
        return ox.NamedNode(term)

    def typed(value, datatype: str) -> ox.Literal:
        return ox.Literal(str(value), datatype=iri(XSD + datatype))

    quads = [
        (source, RDF_TYPE, iri(f"{SG}Source")),
        (source, RDF_TYPE, iri(PROV + "Entity")),
        (source, RDF_TYPE, iri(VOID + "Dataset")),
        (source, iri(f"{SG}sourceName"), ox.Literal(name)),
        (source, iri(f"{SG}public"), typed("true" if public else "false", "boolean")),
        (source, iri(PROV + "wasGeneratedBy"), activity),
        (source, iri(VOID + "triples"), typed(triples, "integer")),
        (activity, RDF_TYPE, iri(f"{SG}Import")),
        (activity, RDF_TYPE, iri(PROV + "Activity")),
        (activity, iri(PROV + "startedAtTime"), typed(started.isoformat(), "dateTime")),
        (activity, iri(PROV + "endedAtTime"), typed(ended.isoformat(), "dateTime")),
        (activity, iri(PROV + "wasAssociatedWith"), agent),
        (agent, RDF_TYPE, iri(PROV + "SoftwareAgent")),
        (
            agent,
            iri("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal(f"sozialgraph {version('sozialgraph')}"),
        ),
    ]
    for number, record in enumerate(files, start=1):
        file_node = iri(f"{meta_graph}#file-{number}")
        quads += [
            (activity, iri(PROV + "used"), file_node),
            (file_node, RDF_TYPE, iri(f"{SG}SourceFile")),
            (file_node, iri(f"{SG}fileName"), ox.Literal(record.name)),
            (file_node, iri(f"{SG}sha256"), ox.Literal(record.sha256)),
        ]
    for number, (cls, count) in enumerate(sorted(per_class.items()), start=1):
        partition = iri(f"{meta_graph}#class-{number}")
        quads += [
            (source, iri(VOID + "classPartition"), partition),
            (partition, iri(VOID + "class"), iri(cls)),
            (partition, iri(VOID + "entities"), typed(count, "integer")),
        ]
    return [ox.Quad(s, p, o, g) for s, p, o in quads]
