"""The generated ontology documentation: both languages, every term, nothing from the internet."""

import re
from html.parser import HTMLParser

import pytest
from rdflib import OWL, RDF, RDFS
from rdflib.namespace import SKOS
from sozialgraph.ontology.docs import LANGUAGES, OUTPUT_FILES, render, write_docs
from sozialgraph.ontology.namespaces import SG


class ResourceCollector(HTMLParser):
    """Collects every URL the browser would load by itself (not links a person follows)."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []
        self.ids: list[str] = []
        self.anchors: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag in {
            "script",
            "img",
            "iframe",
            "audio",
            "video",
            "source",
            "embed",
        } and attributes.get("src"):
            self.loaded.append(attributes["src"])
        if tag == "link" and attributes.get("href"):
            self.loaded.append(attributes["href"])
        if tag == "a" and attributes.get("href", "").startswith("#"):
            self.anchors.append(attributes["href"][1:])


@pytest.fixture(scope="module")
def pages(ontology, vocabularies):
    return {lang: render(lang, ontology, vocabularies) for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_loads_nothing_and_has_no_broken_anchor(pages, lang):
    parser = ResourceCollector()
    parser.feed(pages[lang])
    assert parser.loaded == []
    assert "@import" not in pages[lang] and "url(" not in pages[lang]
    assert set(parser.anchors) - set(parser.ids) == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_class_and_property_is_shown_with_its_label_and_definition(pages, ontology, lang):
    terms = [
        t
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for t in ontology.subjects(RDF.type, kind)
        if str(t).startswith(str(SG))
    ]
    assert len(terms) > 60
    for term in terms:
        anchor = str(term)[len(str(SG)) :]
        assert f'id="{anchor}"' in pages[lang]
        label = next(o for o in ontology.objects(term, RDFS.label) if o.language == lang)
        definition = next(o for o in ontology.objects(term, SKOS.definition) if o.language == lang)
        assert _escaped(label) in pages[lang]
        assert _escaped(definition) in pages[lang]


def test_german_and_english_pages_differ_in_language(pages):
    assert '<html lang="de">' in pages["de"] and "Zielgruppe" in pages["de"]
    assert '<html lang="en">' in pages["en"] and "target group" in pages["en"]
    assert "Alleinerziehende" in pages["de"] and "Single parents" in pages["en"]


def test_every_concept_appears(pages, vocabularies):
    concepts = set(vocabularies.subjects(RDF.type, SKOS.Concept))
    ids = set(re.findall(r'<li id="([^"]+)"', pages["en"]))
    assert len(ids) == len(concepts)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language must be one of de, en"):
        render("fr")


def test_write_docs_writes_both_files(tmp_path):
    written = write_docs(tmp_path / "docs")
    assert sorted(p.name for p in written) == sorted(OUTPUT_FILES.values())
    assert all(p.stat().st_size > 10_000 for p in written)


def _escaped(text) -> str:
    from markupsafe import escape

    return str(escape(str(text)))
