"""Resolving a planner's word for a concept: German or English label, notation, IRI or ID.

Used by the spreadsheet importer and, later, by query parameters (DESIGN.md, decision 9).
"""

import re
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import lru_cache

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from sozialgraph.ontology.files import load_vocabularies
from sozialgraph.ontology.namespaces import SG, VOCAB_BASE

_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case, runs of spaces and the space after § do not matter.

    >>> normalise("  SGB VIII  §  13a ")
    'sgb viii §13a'
    """
    folded = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip().casefold()
    return folded.replace("§ ", "§")


class UnknownConcept(ValueError):
    """A value that names no concept of the scheme; the message names the closest labels."""


@dataclass
class Scheme:
    """One concept scheme's lookup table."""

    name: str
    keys: dict[str, str] = field(default_factory=dict)  # normalised key -> concept IRI
    labels: dict[str, str] = field(default_factory=dict)  # concept IRI -> German label
    english: dict[str, str] = field(default_factory=dict)  # concept IRI -> English label


class VocabularyIndex:
    """Every scheme's concepts by every name a planner may use for them."""

    def __init__(self, vocabularies: Graph) -> None:
        self.schemes: dict[str, Scheme] = {}
        self.broader: dict[str, list[str]] = {}
        self.kind_class: dict[str, str] = {}
        for concept, scheme_iri in vocabularies.subject_objects(SKOS.inScheme):
            scheme = self._scheme(str(scheme_iri))
            iri = str(concept)
            for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.notation):
                for value in vocabularies.objects(concept, predicate):
                    scheme.keys.setdefault(normalise(str(value)), iri)
            for value in vocabularies.objects(concept, SKOS.prefLabel):
                if isinstance(value, Literal) and value.language == "de":
                    scheme.labels[iri] = str(value)
                if isinstance(value, Literal) and value.language == "en":
                    scheme.english[iri] = str(value)
            scheme.keys.setdefault(normalise(iri), iri)
            scheme.keys.setdefault(normalise(iri.rsplit("/", 1)[-1]), iri)
            self.broader[iri] = [str(b) for b in vocabularies.objects(concept, SKOS.broader)]
            kind_class = vocabularies.value(concept, SG.kindClass)
            if isinstance(kind_class, URIRef):
                self.kind_class[iri] = str(kind_class)
        self._check_complete(vocabularies)

    def _scheme(self, scheme_iri: str) -> Scheme:
        name = scheme_iri.removeprefix(VOCAB_BASE)
        return self.schemes.setdefault(name, Scheme(name))

    def _check_complete(self, vocabularies: Graph) -> None:
        for scheme_iri in vocabularies.subjects(RDF.type, SKOS.ConceptScheme):
            self._scheme(str(scheme_iri))

    def resolve(self, scheme: str, value: str) -> str:
        """The concept IRI the value names in the scheme, or UnknownConcept with suggestions."""
        table = self.schemes[scheme]
        found = table.keys.get(normalise(value))
        if found:
            return found
        labels = sorted(table.labels.values())
        close = get_close_matches(value, labels + sorted(table.english.values()), n=3, cutoff=0.5)
        hint = f"closest: {', '.join(close)}" if close else f"known: {', '.join(labels[:12])} …"
        raise UnknownConcept(f"not in the vocabulary '{scheme}'; {hint}")

    def top_concept(self, concept: str) -> str:
        """The broadest concept above this one (itself if it has no broader)."""
        seen = {concept}
        while self.broader.get(concept):
            concept = self.broader[concept][0]
            if concept in seen:
                break
            seen.add(concept)
        return concept

    def german_labels(self, scheme: str) -> list[str]:
        """The scheme's German labels, sorted: what the template's drop-downs offer."""
        return sorted(self.schemes[scheme].labels.values(), key=str.casefold)


@lru_cache(maxsize=1)
def vocabulary_index() -> VocabularyIndex:
    """The index of the installed vocabularies, built once per process."""
    return VocabularyIndex(load_vocabularies())
