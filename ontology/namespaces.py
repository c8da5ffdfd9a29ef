"""IRIs of the model: the ontology namespace and the vocabulary concept pattern (DESIGN.md, 3)."""

from rdflib import Namespace, URIRef

SG = Namespace("https://w3id.org/sozialgraph#")
ONTOLOGY_IRI = URIRef("https://w3id.org/sozialgraph")
VOCAB_BASE = "https://w3id.org/sozialgraph/vocab/"

SCHEMA = Namespace("http://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
CV = Namespace("http://data.europa.eu/m8g/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
QB = Namespace("http://purl.org/linked-data/cube#")

PREFIXES: dict[str, str] = {
    "sg": str(SG),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "cv": str(CV),
    "eli": str(ELI),
    "geo": str(GEO),
    "qb": str(QB),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def scheme_iri(scheme: str) -> URIRef:
    """The IRI of a concept scheme.

    >>> scheme_iri("target-groups")
    rdflib.term.URIRef('https://w3id.org/sozialgraph/vocab/target-groups')
    """
    return URIRef(VOCAB_BASE + scheme)


def concept_iri(scheme: str, concept_id: str) -> URIRef:
    """The IRI of a vocabulary concept.

    >>> concept_iri("target-groups", "single-parents")
    rdflib.term.URIRef('https://w3id.org/sozialgraph/vocab/target-groups/single-parents')
    """
    return URIRef(f"{VOCAB_BASE}{scheme}/{concept_id}")
