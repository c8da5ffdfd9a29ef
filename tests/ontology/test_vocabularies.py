"""The SKOS vocabularies: rich enough for a real German city, bilingual, hierarchical."""

from collections import Counter

import pyoxigraph
import pytest
from rdflib import RDF, Graph
from rdflib.namespace import SKOS
from sozialgraph.ontology.check import check_vocabularies_against_shapes
from sozialgraph.ontology.files import vocabulary_paths
from sozialgraph.ontology.namespaces import SG, concept_iri, scheme_iri

MINIMUM_CONCEPTS = {"target-groups": 40, "fields-of-action": 30, "legal-bases": 40}


def test_at_least_150_concepts_in_at_least_8_schemes(vocabularies):
    schemes = set(vocabularies.subjects(RDF.type, SKOS.ConceptScheme))
    concepts = set(vocabularies.subjects(RDF.type, SKOS.Concept))
    assert len(schemes) >= 8
    assert len(concepts) >= 150


@pytest.mark.parametrize("scheme, minimum", MINIMUM_CONCEPTS.items())
def test_main_schemes_have_dozens_of_concepts(vocabularies, scheme, minimum):
    members = set(vocabularies.subjects(SKOS.inScheme, scheme_iri(scheme)))
    assert len(members) >= minimum


def test_one_file_per_scheme_named_after_it():
    for name, path in vocabulary_paths().items():
        graph = Graph().parse(path)
        assert set(graph.subjects(RDF.type, SKOS.ConceptScheme)) == {scheme_iri(name)}


def test_vocabularies_conform_to_the_concept_shapes(vocabularies, shapes):
    result = check_vocabularies_against_shapes(vocabularies, shapes)
    assert result.passed, result.findings


def test_every_concept_iri_lies_under_its_scheme(vocabularies):
    for concept, scheme in vocabularies.subject_objects(SKOS.inScheme):
        assert str(concept).startswith(str(scheme) + "/"), concept


def test_notations_are_unique_within_a_scheme(vocabularies):
    counts = Counter(
        (scheme, str(notation))
        for concept, scheme in vocabularies.subject_objects(SKOS.inScheme)
        for notation in vocabularies.objects(concept, SKOS.notation)
    )
    assert [key for key, n in counts.items() if n > 1] == []


def test_legal_bases_carry_sgb_notations(vocabularies):
    assert (
        str(vocabularies.value(concept_iri("legal-bases", "sgb-viii"), SKOS.notation)) == "SGB VIII"
    )
    notation = vocabularies.value(concept_iri("legal-bases", "sgb-viii-13a"), SKOS.notation)
    assert str(notation).replace("\u00a0", " ") == "SGB VIII § 13a"


def test_families_include_single_parents_via_broader_star(vocabularies):
    """A query for 'families' must be able to include narrower groups (DESIGN.md, 9)."""
    store = pyoxigraph.Store()
    store.load(
        vocabularies.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES
    )
    families = concept_iri("target-groups", "families")
    query = f"""
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?group WHERE {{ ?group skos:broader* <{families}> }}"""
    groups = {row["group"].value for row in store.query(query)}
    assert str(concept_iri("target-groups", "single-parents")) in groups
    assert str(families) in groups
    assert str(concept_iri("target-groups", "older-people")) not in groups


def test_population_indicators_point_into_the_indicator_scheme(vocabularies):
    links = list(vocabularies.subject_objects(SG.populationIndicator))
    assert len(links) >= 10
    for group, indicator in links:
        assert (group, SKOS.inScheme, scheme_iri("target-groups")) in vocabularies
        assert (indicator, SKOS.inScheme, scheme_iri("indicators")) in vocabularies


def test_top_organisation_kinds_name_their_class(vocabularies, ontology):
    from rdflib import OWL

    kinds = {"public-body", "non-profit", "church-body", "commercial", "umbrella-association"}
    for kind in kinds:
        cls = vocabularies.value(concept_iri("organisation-kinds", kind), SG.kindClass)
        assert cls is not None and (cls, RDF.type, OWL.Class) in ontology, kind


def test_ordered_scales_have_ranks(vocabularies):
    ranks = [
        int(vocabularies.value(concept_iri("tie-intensities", c), SG.rank))
        for c in ("awareness", "cooperation", "coordination", "integration")
    ]
    assert ranks == [1, 2, 3, 4]
