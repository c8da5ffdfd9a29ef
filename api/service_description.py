"""The SPARQL 1.1 Service Description of the endpoint, answered to a GET without a query."""

import pyoxigraph as ox
from sozialgraph.api.sparql_results import RESULTS_FORMATS
from sozialgraph.graph.formats import RDF_SYNTAXES

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCT_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")

#: W3C format IRIs (http://www.w3.org/ns/formats/) of the formats we answer in.
_FORMAT_IRIS = {
    "JSON": "SPARQL_Results_JSON",
    "XML": "SPARQL_Results_XML",
    "CSV": "SPARQL_Results_CSV",
    "TSV": "SPARQL_Results_TSV",
    "Turtle": "Turtle",
    "N-Triples": "N-Triples",
    "N-Quads": "N-Quads",
    "TriG": "TriG",
    "JSON-LD": "JSON-LD",
    "RDF/XML": "RDF_XML",
}


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def service_description(
    endpoint: str, public_graphs: list[str], *, updates: bool
) -> list[ox.Triple]:
    """Triples describing the endpoint at `endpoint`: languages, formats, the public dataset."""
    service = ox.BlankNode()
    dataset, default_graph = ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(service, RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, DCT_TITLE, ox.Literal("sozialgraph SPARQL endpoint", language="en")),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, _sd("Graph")),
    ]
    if updates:
        triples.append(ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    names = [f.name for f in RESULTS_FORMATS] + [s.name for s in RDF_SYNTAXES]
    triples += [
        ox.Triple(service, _sd("resultFormat"), ox.NamedNode(FORMATS + _FORMAT_IRIS[name]))
        for name in names
    ]
    for graph in public_graphs:
        named = ox.BlankNode()
        triples += [
            ox.Triple(dataset, _sd("namedGraph"), named),
            ox.Triple(named, RDF_TYPE, _sd("NamedGraph")),
            ox.Triple(named, _sd("name"), ox.NamedNode(graph)),
        ]
    return triples
