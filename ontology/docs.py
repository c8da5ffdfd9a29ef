"""Human-readable documentation of the ontology and vocabularies, in German or English.

Rendered from the Turtle with a Jinja2 template into one self-contained HTML file per
language: inline CSS, no scripts, nothing loaded from the internet.
"""

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from sozialgraph.ontology.files import load_ontology, load_vocabularies
from sozialgraph.ontology.namespaces import ONTOLOGY_IRI, PREFIXES, SG

LANGUAGES = ("de", "en")

TEXT = {
    "de": {
        "classes": "Klassen",
        "object_properties": "Objekteigenschaften",
        "datatype_properties": "Dateneigenschaften",
        "annotation_properties": "Annotationseigenschaften",
        "schemes": "Begriffsschemata",
        "crosswalk": "Crosswalk zu Open Referral HSDS 3",
        "superclasses": "Oberklassen",
        "subclasses": "Unterklassen",
        "superproperties": "Obereigenschaften",
        "domain": "Definitionsbereich",
        "range": "Wertebereich",
        "properties": "Eigenschaften mit dieser Klasse als Definitionsbereich",
        "hsds": "HSDS",
        "note": "Hinweis",
        "notation": "Notation",
        "concepts": "Begriffe",
        "term": "Begriff",
        "other_language": "English version",
        "other_file": "en.html",
        "version": "Version",
        "license": "Lizenz",
    },
    "en": {
        "classes": "Classes",
        "object_properties": "Object properties",
        "datatype_properties": "Datatype properties",
        "annotation_properties": "Annotation properties",
        "schemes": "Concept schemes",
        "crosswalk": "Crosswalk to Open Referral HSDS 3",
        "superclasses": "Superclasses",
        "subclasses": "Subclasses",
        "superproperties": "Superproperties",
        "domain": "Domain",
        "range": "Range",
        "properties": "Properties with this class as domain",
        "hsds": "HSDS",
        "note": "Note",
        "notation": "Notation",
        "concepts": "Concepts",
        "term": "Term",
        "other_language": "Deutsche Fassung",
        "other_file": "index.html",
        "version": "Version",
        "license": "License",
    },
}

OUTPUT_FILES = {"de": "index.html", "en": "en.html"}


@dataclass
class Link:
    """A reference to a term: where it points and what it is called."""

    href: str
    text: str


@dataclass
class TermDoc:
    """One class or property as shown on the page."""

    anchor: str
    iri: str
    curie: str
    label: str
    definition: str
    notes: list[str]
    supers: list[Link]
    subs: list[Link] = field(default_factory=list)
    domain: list[Link] = field(default_factory=list)
    range: list[Link] = field(default_factory=list)
    properties: list[Link] = field(default_factory=list)
    hsds: list[str] = field(default_factory=list)


@dataclass
class ConceptDoc:
    """A vocabulary concept with its narrower concepts."""

    anchor: str
    iri: str
    label: str
    definition: str
    notation: str
    narrower: list["ConceptDoc"]


@dataclass
class SchemeDoc:
    """A concept scheme and the tree of its concepts."""

    anchor: str
    iri: str
    label: str
    definition: str
    count: int
    top: list[ConceptDoc]


def _text(graph: Graph, subject, predicate, lang: str) -> str:
    """The value of predicate in the language, or failing that in any language."""
    values = [o for o in graph.objects(subject, predicate) if isinstance(o, Literal)]
    for value in values:
        if value.language == lang:
            return str(value)
    return str(values[0]) if values else ""


def _curie(graph: Graph, iri) -> str:
    if isinstance(iri, URIRef):
        for prefix, namespace in PREFIXES.items():
            if str(iri).startswith(namespace):
                return f"{prefix}:{str(iri)[len(namespace) :]}"
        return str(iri)
    return (
        "("
        + " \u222a ".join(_curie(graph, m) for m in graph.items(graph.value(iri, OWL.unionOf)))
        + ")"
    )


def _link(graph: Graph, iri, lang: str) -> Link:
    """A link to one of our terms by its anchor, to an external term by its IRI."""
    if isinstance(iri, URIRef) and str(iri).startswith(str(SG)):
        return Link(
            "#" + str(iri)[len(str(SG)) :],
            _text(graph, iri, RDFS.label, lang) or _curie(graph, iri),
        )
    if isinstance(iri, URIRef):
        return Link(str(iri), _curie(graph, iri))
    return Link("", _curie(graph, iri))


def _ours(graph: Graph, kind: URIRef) -> list[URIRef]:
    terms = [t for t in graph.subjects(RDF.type, kind) if str(t).startswith(str(SG))]
    return sorted(terms, key=lambda t: str(t).lower())


def _term(graph: Graph, iri: URIRef, lang: str, super_property: URIRef) -> TermDoc:
    notes = [str(o) for o in graph.objects(iri, RDFS.comment)]
    return TermDoc(
        anchor=str(iri)[len(str(SG)) :],
        iri=str(iri),
        curie=_curie(graph, iri),
        label=_text(graph, iri, RDFS.label, lang),
        definition=_text(graph, iri, SKOS.definition, lang),
        notes=notes,
        supers=[_link(graph, o, lang) for o in sorted(graph.objects(iri, super_property), key=str)],
        subs=[
            _link(graph, s, lang)
            for s in sorted(graph.subjects(super_property, iri), key=str)
            if isinstance(s, URIRef)
        ],
        domain=[_link(graph, o, lang) for o in graph.objects(iri, RDFS.domain)],
        range=[_link(graph, o, lang) for o in graph.objects(iri, RDFS.range)],
        hsds=sorted(str(o) for o in graph.objects(iri, SG.hsdsField)),
    )


def _concept(graph: Graph, iri: URIRef, lang: str) -> ConceptDoc:
    narrower = sorted(
        graph.subjects(SKOS.broader, iri), key=lambda c: _text(graph, c, SKOS.prefLabel, lang)
    )
    return ConceptDoc(
        anchor=str(iri).rsplit("/vocab/", 1)[-1].replace("/", "--"),
        iri=str(iri),
        label=_text(graph, iri, SKOS.prefLabel, lang),
        definition=_text(graph, iri, SKOS.definition, lang),
        notation=", ".join(sorted(str(n) for n in graph.objects(iri, SKOS.notation))),
        narrower=[_concept(graph, n, lang) for n in narrower],
    )


def _schemes(vocabularies: Graph, lang: str) -> list[SchemeDoc]:
    schemes = []
    for scheme in sorted(vocabularies.subjects(RDF.type, SKOS.ConceptScheme), key=str):
        top = [
            c
            for c in vocabularies.subjects(SKOS.inScheme, scheme)
            if (c, SKOS.broader, None) not in vocabularies
        ]
        top.sort(key=lambda c: _text(vocabularies, c, SKOS.prefLabel, lang))
        schemes.append(
            SchemeDoc(
                anchor="scheme-" + str(scheme).rsplit("/", 1)[-1],
                iri=str(scheme),
                label=_text(vocabularies, scheme, SKOS.prefLabel, lang),
                definition=_text(vocabularies, scheme, SKOS.definition, lang),
                count=len(set(vocabularies.subjects(SKOS.inScheme, scheme))),
                top=[_concept(vocabularies, c, lang) for c in top],
            )
        )
    return schemes


def render(lang: str, ontology: Graph | None = None, vocabularies: Graph | None = None) -> str:
    """The documentation page in one language as an HTML string."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    ontology = ontology if ontology is not None else load_ontology()
    vocabularies = vocabularies if vocabularies is not None else load_vocabularies()
    classes = [_term(ontology, c, lang, RDFS.subClassOf) for c in _ours(ontology, OWL.Class)]
    for doc in classes:
        doc.properties = [
            _link(ontology, p, lang)
            for p in sorted(ontology.subjects(RDFS.domain, URIRef(doc.iri)), key=str)
        ]
    sections = [("classes", classes)] + [
        (key, [_term(ontology, p, lang, RDFS.subPropertyOf) for p in _ours(ontology, kind)])
        for key, kind in (
            ("object_properties", OWL.ObjectProperty),
            ("datatype_properties", OWL.DatatypeProperty),
            ("annotation_properties", OWL.AnnotationProperty),
        )
    ]
    for _, docs in sections:
        docs.sort(key=lambda doc: doc.label.casefold())
    crosswalk = sorted(
        ((doc, field_name) for _, docs in sections for doc in docs for field_name in doc.hsds),
        key=lambda pair: pair[1],
    )
    environment = Environment(
        loader=PackageLoader("sozialgraph.ontology", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("ontology.html.j2").render(
        lang=lang,
        text=TEXT[lang],
        title=_text(ontology, ONTOLOGY_IRI, DCTERMS.title, lang),
        description=_text(ontology, ONTOLOGY_IRI, DCTERMS.description, lang),
        version=_text(ontology, ONTOLOGY_IRI, OWL.versionInfo, lang),
        license=str(ontology.value(ONTOLOGY_IRI, DCTERMS.license) or ""),
        iri=str(ONTOLOGY_IRI),
        sections=sections,
        crosswalk=crosswalk,
        schemes=_schemes(vocabularies, lang),
    )


def write_docs(folder: Path) -> list[Path]:
    """Write the German (index.html) and English (en.html) pages into the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    ontology, vocabularies = load_ontology(), load_vocabularies()
    written = []
    for lang in LANGUAGES:
        path = folder / OUTPUT_FILES[lang]
        path.write_text(render(lang, ontology, vocabularies), encoding="utf-8")
        written.append(path)
    return written
