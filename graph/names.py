"""Names in the store: source names, slugs, and the IRIs of the graphs (DESIGN.md, 2 and 3)."""

import re
import unicodedata
from functools import lru_cache

from sozialgraph.ontology.namespaces import ONTOLOGY_IRI, VOCAB_BASE

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")

#: The graphs the package itself fills: the ontology, the shapes, one per concept scheme.
ONTOLOGY_GRAPH = str(ONTOLOGY_IRI)
SHAPES_GRAPH = str(ONTOLOGY_IRI) + "/shapes"


@lru_cache(maxsize=1 << 16)
def slugify(text: str) -> str:
    """ASCII-fold (ä→ae, ß→ss, é→e), lower-case, and join words by hyphens.

    >>> slugify("Familienzentrum Süd / Straße 12")
    'familienzentrum-sued-strasse-12'
    """
    folded = unicodedata.normalize("NFKD", text.translate(_GERMAN))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_SLUG.sub("-", ascii_text).strip("-")


class BadSourceName(ValueError):
    """A source name that cannot name a graph."""


def check_source_name(name: str) -> str:
    """A source name is a slug: lower-case ASCII letters, digits and hyphens."""
    if not SOURCE_NAME.match(name):
        raise BadSourceName(
            f"source name {name!r} must be lower-case letters, digits and hyphens, "
            f"e.g. {slugify(name) or 'angebote-2024'!r}"
        )
    return name


def source_graph(base: str, name: str) -> str:
    """The named graph of one import source."""
    return f"{base}/graph/source/{check_source_name(name)}"


def meta_graph(base: str, name: str) -> str:
    """The named graph holding a source's provenance."""
    return f"{base}/graph/meta/{check_source_name(name)}"


def source_of_graph(base: str, graph: str) -> str | None:
    """The source name of a source or meta graph IRI, else None."""
    for kind in ("source", "meta"):
        prefix = f"{base}/graph/{kind}/"
        if graph.startswith(prefix):
            return graph[len(prefix) :]
    return None


def is_model_graph(graph: str) -> bool:
    """Whether the graph is one the package fills (ontology, shapes, vocabularies)."""
    return graph in (ONTOLOGY_GRAPH, SHAPES_GRAPH) or graph.startswith(VOCAB_BASE)
