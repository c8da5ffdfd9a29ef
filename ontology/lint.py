"""Lint of the model as SPARQL queries: each names what is wrong and must return nothing."""

from dataclasses import dataclass

import pyoxigraph
from rdflib import Graph

_PREFIXES = """
PREFIX sg: <https://w3id.org/sozialgraph#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

#: Every lint: a name, and a query selecting ?term and ?problem for each finding.
LINT_QUERIES: dict[str, str] = {
    "term-without-label-or-definition": """
        SELECT ?term ?problem WHERE {
            VALUES ?kind {
                owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty
            }
            VALUES (?property ?lang ?problem) {
                (rdfs:label "de" "no German rdfs:label")
                (rdfs:label "en" "no English rdfs:label")
                (skos:definition "de" "no German skos:definition")
                (skos:definition "en" "no English skos:definition")
            }
            ?term a ?kind .
            FILTER(STRSTARTS(STR(?term), STR(sg:)))
            FILTER NOT EXISTS { ?term ?property ?text . FILTER(LANGMATCHES(LANG(?text), ?lang)) }
        }""",
    "term-with-two-labels-in-one-language": """
        SELECT DISTINCT ?term ?problem WHERE {
            ?term rdfs:label ?a , ?b .
            FILTER(STRSTARTS(STR(?term), STR(sg:)) && ?a != ?b && LANG(?a) = LANG(?b))
            BIND(CONCAT("two rdfs:label in @", LANG(?a)) AS ?problem)
        }""",
    "concept-label-not-unique-in-scheme": """
        SELECT DISTINCT ?term ?problem WHERE {
            ?term skos:inScheme ?scheme ; skos:prefLabel|skos:altLabel ?label .
            ?other skos:inScheme ?scheme ; skos:prefLabel|skos:altLabel ?otherLabel .
            FILTER(?term != ?other && LANG(?label) = LANG(?otherLabel)
                   && LCASE(STR(?label)) = LCASE(STR(?otherLabel)))
            BIND(CONCAT("label '", STR(?label), "' is also a label of <", STR(?other), ">")
                 AS ?problem)
        }""",
    "vocabulary-reference-to-unknown-concept": """
        SELECT DISTINCT ?term ?problem WHERE {
            ?term ?property ?target .
            FILTER(ISIRI(?target)
                   && STRSTARTS(STR(?target), "https://w3id.org/sozialgraph/vocab/"))
            FILTER NOT EXISTS { ?target a skos:Concept }
            FILTER NOT EXISTS { ?target a skos:ConceptScheme }
            BIND(CONCAT("refers to <", STR(?target), ">, which is no concept") AS ?problem)
        }""",
    "reference-to-undeclared-term": """
        SELECT DISTINCT ?term ?problem WHERE {
            ?term ?property ?target .
            FILTER(ISIRI(?target) && STRSTARTS(STR(?target), STR(sg:)))
            FILTER NOT EXISTS { ?target a ?declared }
            BIND(CONCAT("refers to sg:", STRAFTER(STR(?target), "#"), ", which is not declared")
                 AS ?problem)
        }""",
}


@dataclass(frozen=True)
class LintFinding:
    """One thing wrong with the model."""

    lint: str
    term: str
    problem: str

    def __str__(self) -> str:
        return f"{self.lint}: <{self.term}> {self.problem}"


def lint(graph: Graph) -> list[LintFinding]:
    """Run every lint query over the graph (ontology and vocabularies) and list the findings.

    The queries run on an in-memory Oxigraph store: rdflib's engine needs half a minute
    for the label comparison that Oxigraph answers at once.
    """
    store = pyoxigraph.Store()
    store.load(
        graph.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES
    )
    findings = []
    for name, query in LINT_QUERIES.items():
        for row in store.query(_PREFIXES + query, use_default_graph_as_union=True):
            findings.append(LintFinding(name, row["term"].value, row["problem"].value))
    return sorted(findings, key=lambda finding: (finding.lint, finding.term, finding.problem))
