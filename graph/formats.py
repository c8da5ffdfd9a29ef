"""The one format registry: media type, file suffixes and engine format of each RDF syntax.

Import, export, the CLI and (later) the web app's content negotiation all ask here.
"""

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph


@dataclass(frozen=True)
class RdfSyntax:
    """One RDF serialization, as known to the registry."""

    name: str
    media_type: str
    suffixes: tuple[str, ...]
    engine: pyoxigraph.RdfFormat
    other_media_types: tuple[str, ...] = ()

    @property
    def keeps_graphs(self) -> bool:
        """Whether the syntax can carry named graphs (TriG, N-Quads)."""
        return self.engine.supports_datasets

    @property
    def suffix(self) -> str:
        """The preferred file suffix, with its dot."""
        return self.suffixes[0]


RDF_SYNTAXES: tuple[RdfSyntax, ...] = (
    RdfSyntax("Turtle", "text/turtle", (".ttl",), pyoxigraph.RdfFormat.TURTLE,
              ("application/x-turtle",)),
    RdfSyntax("N-Triples", "application/n-triples", (".nt",), pyoxigraph.RdfFormat.N_TRIPLES,
              ("text/plain",)),
    RdfSyntax("N-Quads", "application/n-quads", (".nq",), pyoxigraph.RdfFormat.N_QUADS),
    RdfSyntax("TriG", "application/trig", (".trig",), pyoxigraph.RdfFormat.TRIG),
    RdfSyntax("JSON-LD", "application/ld+json", (".jsonld", ".json-ld"),
              pyoxigraph.RdfFormat.JSON_LD),
    RdfSyntax("RDF/XML", "application/rdf+xml", (".rdf", ".owl", ".xml"),
              pyoxigraph.RdfFormat.RDF_XML),
)  # fmt: skip


class UnknownFormat(ValueError):
    """No registered syntax for a suffix or media type."""


def known_suffixes() -> list[str]:
    """Every file suffix the registry knows, in registry order."""
    return [suffix for syntax in RDF_SYNTAXES for suffix in syntax.suffixes]


def syntax_for_path(path: Path | str) -> RdfSyntax:
    """The syntax a file name's suffix stands for (case-insensitive).

    >>> syntax_for_path("daten/angebote.TTL").name
    'Turtle'
    """
    suffix = Path(path).suffix.lower()
    for syntax in RDF_SYNTAXES:
        if suffix in syntax.suffixes:
            return syntax
    raise UnknownFormat(
        f"unknown RDF file suffix {suffix or '(none)'!r}; known: {', '.join(known_suffixes())}"
    )


def syntax_for_media_type(media_type: str) -> RdfSyntax:
    """The syntax registered for a media type (parameters such as charset are ignored).

    >>> syntax_for_media_type("text/turtle; charset=utf-8").suffix
    '.ttl'
    """
    bare = media_type.split(";", 1)[0].strip().lower()
    for syntax in RDF_SYNTAXES:
        if bare == syntax.media_type or bare in syntax.other_media_types:
            return syntax
    raise UnknownFormat(f"unknown RDF media type {bare!r}")


def is_rdf_path(path: Path | str) -> bool:
    """Whether the file name ends in a registered RDF suffix."""
    return Path(path).suffix.lower() in known_suffixes()
