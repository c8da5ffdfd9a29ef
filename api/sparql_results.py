"""SPARQL results in the four result formats, cut at a row cap; graphs in the RDF registry.

The writers are ours rather than Oxigraph's because a capped result must stop after the
cap, and Oxigraph's serializer writes every solution it is given.
"""

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from sozialgraph.graph.formats import RDF_SYNTAXES, RdfSyntax

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


@dataclass(frozen=True)
class ResultsFormat:
    """One SPARQL results format: its media type, other names for it, and its suffix."""

    name: str
    media_type: str
    suffix: str
    other_media_types: tuple[str, ...] = ()


RESULTS_FORMATS: tuple[ResultsFormat, ...] = (
    ResultsFormat("JSON", "application/sparql-results+json", ".srj", ("application/json",)),
    ResultsFormat("XML", "application/sparql-results+xml", ".srx",
                  ("application/xml", "text/xml")),
    ResultsFormat("CSV", "text/csv", ".csv"),
    ResultsFormat("TSV", "text/tab-separated-values", ".tsv"),
)  # fmt: skip


def results_offers() -> list[str]:
    """Media types a SELECT or ASK answer can be negotiated to, preferred first (the other
    names of a format last, so that a wildcard picks a format's own name)."""
    return [f.media_type for f in RESULTS_FORMATS] + [
        m for f in RESULTS_FORMATS for m in f.other_media_types
    ]


def graph_offers(*, datasets: bool = True) -> list[str]:
    """Media types an RDF answer can be negotiated to, preferred first; `datasets=False`
    leaves out the syntaxes for named graphs (TriG, N-Quads), as for one graph."""
    syntaxes = [s for s in RDF_SYNTAXES if datasets or not s.keeps_graphs]
    return [s.media_type for s in syntaxes] + [m for s in syntaxes for m in s.other_media_types]


def results_format(media_type: str) -> ResultsFormat:
    """The results format a negotiated media type stands for."""
    for candidate in RESULTS_FORMATS:
        if media_type == candidate.media_type or media_type in candidate.other_media_types:
            return candidate
    raise KeyError(media_type)


@dataclass(frozen=True)
class Written:
    """A serialized answer: its bytes, how many rows or triples, and whether it was cut."""

    body: bytes
    count: int
    truncated: bool


def _json_term(term) -> dict:
    kind = type(term)
    if kind is ox.NamedNode:
        return {"type": "uri", "value": term.value}
    if kind is ox.Literal:
        language = term.language
        if language:
            return {"type": "literal", "value": term.value, "xml:lang": language}
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return {"type": "literal", "value": term.value}
        return {"type": "literal", "value": term.value, "datatype": datatype}
    if kind is ox.BlankNode:
        return {"type": "bnode", "value": term.value}
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            datatype = quoteattr(term.datatype.value)
            return f"<literal datatype={datatype}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    parts = (("subject", term.subject), ("predicate", term.predicate), ("object", term.object))
    inner = "".join(f"<{name}>{_xml_term(part)}</{name}>" for name, part in parts)
    return f"<triple>{inner}</triple>"


def _csv_field(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode | ox.Literal):
        text = term.value
    elif isinstance(term, ox.BlankNode):
        text = "_:" + term.value
    else:
        text = str(term)
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _tsv_field(term) -> str:
    return "" if term is None else str(term)


def write_boolean(value: bool, media_type: str) -> Written:
    """An ASK answer in the negotiated format."""
    kind = results_format(media_type).name
    literal = "true" if value else "false"
    if kind == "JSON":
        body = json.dumps({"head": {}, "boolean": value}).encode()
    elif kind == "XML":
        body = (
            f'<?xml version="1.0"?>\n<sparql xmlns="{RESULTS_NS}"><head/>'
            f"<boolean>{literal}</boolean></sparql>\n"
        ).encode()
    else:
        body = (literal + "\r\n").encode() if kind == "CSV" else (literal + "\n").encode()
    return Written(body, 1, False)


def write_solutions(
    variables: list[str], solutions: Iterable, media_type: str, cap: int
) -> Written:
    """SELECT solutions in the negotiated format, at most `cap` of them."""
    rows, truncated = [], False
    for solution in solutions:
        if len(rows) == cap:
            truncated = True
            break
        rows.append(tuple(solution))  # the values in the order of `variables`
    kind = results_format(media_type).name
    writer = {"JSON": _json_rows, "XML": _xml_rows, "CSV": _csv_rows, "TSV": _tsv_rows}[kind]
    return Written(writer(variables, rows, truncated, cap), len(rows), truncated)


def _json_rows(variables, rows, truncated, cap) -> bytes:
    converted: dict = {}  # a term met again (a predicate, a type) is converted once

    def as_json(term) -> dict:
        found = converted.get(term)
        if found is None:
            found = converted[term] = _json_term(term)
        return found

    bindings = [
        {name: as_json(term) for name, term in zip(variables, row, strict=True) if term is not None}
        for row in rows
    ]
    document: dict = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    if truncated:
        document["truncated"] = True
        document["row_limit"] = cap
    return json.dumps(document, ensure_ascii=False).encode()


def _xml_rows(variables, rows, truncated, cap) -> bytes:
    out = io.StringIO()
    out.write(f'<?xml version="1.0"?>\n<sparql xmlns="{RESULTS_NS}"><head>')
    out.writelines(f"<variable name={quoteattr(name)}/>" for name in variables)
    out.write("</head><results>")
    for row in rows:
        out.write("<result>")
        for name, term in zip(variables, row, strict=True):
            if term is not None:
                out.write(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        out.write("</result>")
    out.write("</results></sparql>\n")
    return out.getvalue().encode()


def _csv_rows(variables, rows, truncated, cap) -> bytes:
    lines = [",".join(_csv_field(None) or name for name in variables)]
    lines += [",".join(_csv_field(term) for term in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode()


def _tsv_rows(variables, rows, truncated, cap) -> bytes:
    lines = ["\t".join("?" + name for name in variables)]
    lines += ["\t".join(_tsv_field(term) for term in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def write_triples(triples: Iterable, syntax: RdfSyntax, cap: int) -> Written:
    """CONSTRUCT or DESCRIBE triples in an RDF syntax, at most `cap` of them."""
    kept, truncated = [], False
    for triple in triples:
        if len(kept) == cap:
            truncated = True
            break
        kept.append(triple)
    if syntax.keeps_graphs:
        kept_out = [ox.Quad(t.subject, t.predicate, t.object) for t in kept]
    else:
        kept_out = kept
    body = ox.serialize(kept_out, format=syntax.engine) or b""
    return Written(body, len(kept), truncated)
