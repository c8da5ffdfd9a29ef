"""The ontology: covers what social planning needs, is aligned, and is OWL 2 DL consistent."""

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from sozialgraph.ontology.lint import lint
from sozialgraph.ontology.namespaces import CV, GEO, ONTOLOGY_IRI, ORG, QB, SCHEMA, SG
from sozialgraph.ontology.reasoning import check_consistency

DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"

REQUIRED_CLASSES = [
    "Organisation",
    "PublicBody",
    "NonProfitOrganisation",
    "ChurchBody",
    "CommercialOrganisation",
    "UmbrellaAssociation",
    "Service",
    "Location",
    "ServiceAtLocation",
    "Funding",
    "Committee",
    "Membership",
    "CollaborationTie",
    "District",
    "DistrictStatistic",
    "Need",
    "QualityCriterion",
    "EffectivenessReview",
    "Contract",
]

REQUIRED_PROPERTIES = [
    "organisationKind",
    "organisationRole",
    "memberOfAssociation",
    "provider",
    "targetGroup",
    "fieldOfAction",
    "serviceType",
    "serviceStatus",
    "places",
    "openingHours",
    "language",
    "accessibility",
    "funder",
    "fundedService",
    "recipient",
    "fundingType",
    "legalBasis",
    "year",
    "amount",
    "currency",
    "committeeType",
    "reportsTo",
    "member",
    "committee",
    "committeeRole",
    "tieFrom",
    "tieTo",
    "tieKind",
    "directed",
    "intensity",
    "trust",
    "perceivedValue",
    "source",
    "observedOn",
    "startDate",
    "endDate",
    "indicator",
    "value",
    "unit",
    "populationIndicator",
    "reviewDate",
    "reviewMethod",
    "reviewResult",
    "contractType",
    "commissioner",
    "contractor",
]

# (our term, relation, external term): the alignments the issue asks for.
ALIGNMENTS = [
    (SG.Service, RDFS.subClassOf, SCHEMA.Service),
    (SG.Organisation, RDFS.subClassOf, SCHEMA.Organization),
    (SG.NonProfitOrganisation, RDFS.subClassOf, SCHEMA.NGO),
    (SG.targetGroup, RDFS.subPropertyOf, SCHEMA.audience),
    (SG.targetGroup, RDFS.subPropertyOf, URIRef(DCT + "audience")),
    (SG.provider, RDFS.subPropertyOf, SCHEMA.provider),
    (SG.areaServed, RDFS.subPropertyOf, SCHEMA.areaServed),
    (SG.Committee, RDFS.subClassOf, ORG.OrganizationalCollaboration),
    (SG.Membership, RDFS.subClassOf, ORG.Membership),
    (SG.committeeRole, RDFS.subPropertyOf, ORG.role),
    (SG.Funding, RDFS.subClassOf, CV.Participation),
    (SG.legalBasis, RDFS.subPropertyOf, CV.hasLegalResource),
    (SG.Import, RDFS.subClassOf, URIRef(PROV + "Activity")),
    (SG.District, RDFS.subClassOf, GEO.Feature),
    (SG.DistrictStatistic, RDFS.subClassOf, QB.Observation),
]


def test_is_an_owl_ontology_with_titles_in_both_languages(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    titles = {t.language for t in ontology.objects(ONTOLOGY_IRI, URIRef(DCT + "title"))}
    assert titles == {"de", "en"}


@pytest.mark.parametrize("name", REQUIRED_CLASSES)
def test_required_class_is_declared(ontology, name):
    assert (SG[name], RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", REQUIRED_PROPERTIES)
def test_required_property_is_declared(ontology, name):
    kinds = set(ontology.objects(SG[name], RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"sg:{name} is not declared"


@pytest.mark.parametrize("triple", ALIGNMENTS, ids=lambda t: f"{t[0].fragment}")
def test_alignment(ontology, triple):
    assert triple in ontology


def test_no_equivalence_with_external_terms(ontology):
    """Alignment is by subclass and subproperty only, never a (false) equivalence."""
    for predicate in (OWL.equivalentClass, OWL.equivalentProperty, OWL.sameAs):
        external = [
            (s, o)
            for s, o in ontology.subject_objects(predicate)
            if isinstance(o, URIRef) and not str(o).startswith(str(SG))
        ]
        assert external == []


def test_external_terms_are_declared_locally_not_imported(ontology):
    assert list(ontology.objects(ONTOLOGY_IRI, OWL.imports)) == []
    used = {o for _, p, o in ontology if p in (RDFS.subClassOf, RDFS.subPropertyOf)}
    undeclared = [o for o in used if isinstance(o, URIRef) and (o, RDF.type, None) not in ontology]
    assert undeclared == []


def test_every_hsds_crosswalk_entry_names_an_hsds_object(ontology):
    hsds_objects = {
        "organization",
        "service",
        "location",
        "service_at_location",
        "funding",
        "language",
        "accessibility",
        "schedule",
        "service_area",
        "service_capacity",
        "attribute",
        "address",
        "phone",
        "id",
        "name",
        "description",
        "email",
    }
    entries = [str(o) for o in ontology.objects(None, SG.hsdsField)]
    assert len(entries) >= 20
    for entry in entries:
        assert entry.split(" ")[0].split(".")[0] in hsds_objects, entry


def test_lint_finds_nothing_in_the_model(model):
    assert [str(finding) for finding in lint(model)] == []


def test_lint_finds_a_term_without_english_definition(ontology):
    broken = Graph() + ontology
    broken.add((SG.Broken, RDF.type, OWL.Class))
    broken.add((SG.Broken, RDFS.label, Literal("Kaputt", lang="de")))
    broken.add((SG.Broken, RDFS.label, Literal("Broken", lang="en")))
    broken.add((SG.Broken, SKOS.definition, Literal("Nur deutsch.", lang="de")))
    findings = lint(broken)
    assert [(f.term, f.problem) for f in findings] == [
        (str(SG.Broken), "no English skos:definition")
    ]


def test_lint_finds_a_reference_to_an_unknown_concept(model):
    broken = Graph() + model
    missing = URIRef("https://w3id.org/sozialgraph/vocab/target-groups/no-such-group")
    broken.add((SG.Service, SKOS.example, missing))
    assert [f.lint for f in lint(broken)] == ["vocabulary-reference-to-unknown-concept"]


@pytest.mark.slow
def test_reasoner_finds_the_model_consistent_without_unsatisfiable_classes(model):
    report = check_consistency(model)
    assert report.consistent, report.message
    assert report.unsatisfiable_classes == []


@pytest.mark.slow
def test_reasoner_reports_an_unsatisfiable_class(model):
    broken = Graph() + model
    broken.add((SG.PublicCompany, RDF.type, OWL.Class))
    broken.add((SG.PublicCompany, RDFS.subClassOf, SG.PublicBody))
    broken.add((SG.PublicCompany, RDFS.subClassOf, SG.CommercialOrganisation))
    report = check_consistency(broken)
    assert report.unsatisfiable_classes == [str(SG.PublicCompany)]


@pytest.mark.slow
def test_reasoner_reports_an_inconsistent_model(model):
    broken = Graph() + model
    thing = URIRef("https://example.org/id/organisation/both")
    broken.add((thing, RDF.type, SG.PublicBody))
    broken.add((thing, RDF.type, SG.CommercialOrganisation))
    report = check_consistency(broken)
    assert not report.consistent


def test_readme_crosswalk_table_matches_the_ontology(ontology):
    import re
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- hsds-crosswalk:start -->")[1].split("<!-- hsds-crosswalk:end -->")[0]
    in_readme = set(re.findall(r"^\| `([^`]+)` \| `sg:(\w+)` \|$", table, re.MULTILINE))
    in_ontology = {(str(o), s.fragment) for s, o in ontology.subject_objects(SG.hsdsField)}
    assert in_readme == in_ontology
