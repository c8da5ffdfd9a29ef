"""Parameter values as RDF terms, placed into a query's `VALUES ?name { UNDEF }` blocks.

Values are read like import values: dates as 2026-06-30 or 30.06.2026 (or `today`),
concepts by German or English label, notation, ID or IRI, records by ID, name or IRI.
A value that names nothing is a one-line BadParameter naming the closest valid values.
"""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from difflib import get_close_matches

import pyoxigraph as ox
from sozialgraph.graph.names import slugify
from sozialgraph.graph.store import GraphStore, View
from sozialgraph.graph.template.spec import SHEETS
from sozialgraph.graph.vocabulary import UnknownConcept, vocabulary_index
from sozialgraph.ontology.namespaces import SG
from sozialgraph.queries.catalogue import PLACEHOLDER, CannedQuery, Param, ParamType

XSD = "http://www.w3.org/2001/XMLSchema#"
CLASS_OF_KIND = {sheet.kind: sheet.rdf_class for sheet in SHEETS}
Bindings = dict[str, list[ox.NamedNode | ox.Literal]]


class BadParameter(ValueError):
    """A parameter that is unknown, missing, repeated or names nothing; one line."""


def _closest(value: str, choices: list[str]) -> str:
    close = get_close_matches(value, choices, n=3, cutoff=0.5)
    return f"closest: {', '.join(close)}" if close else f"known: {', '.join(choices[:12])}"


def read_date(value: str) -> date:
    """An ISO or German date, or `today`.

    >>> read_date("30.06.2026"), read_date("2026-06-30")
    (datetime.date(2026, 6, 30), datetime.date(2026, 6, 30))
    """
    if value == "today":
        return date.today()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError("not a date; write 2026-06-30 or 30.06.2026")


def _record(store: GraphStore, param: Param, value: str, view: View) -> ox.NamedNode:
    """A record of the parameter's kind by IRI, ID or name (case-insensitive)."""
    cls = CLASS_OF_KIND[param.kind]
    base = store.settings.base_iri
    for iri in (value, f"{base}/id/{param.kind}/{slugify(value)}"):
        if not iri.startswith(("http://", "https://")) or any(c in iri for c in '<>"{} '):
            continue
        if any(True for _ in store.query(f"SELECT * WHERE {{ <{iri}> a <{cls}> }} LIMIT 1", view)):
            return ox.NamedNode(iri)
    candidates = {
        row["iri"].value: row["name"].value if row["name"] else row["iri"].value
        for row in store.query(
            f"SELECT ?iri ?name WHERE {{ ?iri a <{cls}> OPTIONAL {{ ?iri <{SG.name}> ?name }} }}",
            view,
        )
    }
    by_name = {name.casefold(): iri for iri, name in candidates.items()}
    if value.casefold() in by_name:
        return ox.NamedNode(by_name[value.casefold()])
    names = sorted(candidates.values(), key=str.casefold)
    raise ValueError(f"no {param.kind} of that ID or name; {_closest(value, names)}")


def term(store: GraphStore, param: Param, value: str, view: View) -> ox.NamedNode | ox.Literal:
    """One value of a parameter as an RDF term; ValueError says why it is not one."""
    if param.type is ParamType.DATE:
        return ox.Literal(read_date(value).isoformat(), datatype=ox.NamedNode(XSD + "date"))
    if param.type is ParamType.INTEGER:
        if not value.strip().lstrip("-").isdigit():
            raise ValueError("not a whole number")
        return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
    if param.type is ParamType.DECIMAL:
        try:
            number = Decimal(value.replace(",", "."))
        except InvalidOperation:
            raise ValueError("not a number") from None
        return ox.Literal(str(number), datatype=ox.NamedNode(XSD + "decimal"))
    if param.type is ParamType.CONCEPT:
        try:
            return ox.NamedNode(vocabulary_index().resolve(param.vocabulary, value))
        except UnknownConcept as error:
            raise ValueError(str(error)) from None
    if param.type is ParamType.RECORD:
        return _record(store, param, value, view)
    if param.choices and value not in param.choices:
        raise ValueError(f"not one of {', '.join(param.choices)}")
    return ox.Literal(value)


def bind(
    store: GraphStore, query: CannedQuery, given: dict[str, list[str]], view: View = View.FULL
) -> Bindings:
    """Every parameter's terms: the given values, else the default, else none (UNDEF)."""
    names = [p.name for p in query.params]
    for name in given:
        if name not in names:
            hint = _closest(name, names) if names else "it takes none"
            raise BadParameter(f"--param {name}: {query.name} has no such parameter; {hint}")
    bindings: Bindings = {}
    for param in query.params:
        values = given.get(param.name)
        if values is None and param.default is not None:
            values = [str(param.default)]
        if not values:
            if param.required:
                raise BadParameter(f"--param {param.name}: required ({param.description_en})")
            continue
        if len(values) > 1 and not param.multiple:
            raise BadParameter(f"--param {param.name}: takes one value, got {len(values)}")
        try:
            bindings[param.name] = [term(store, param, value, view) for value in values]
        except ValueError as error:
            raise BadParameter(f"--param {param.name}={values[0]!r}: {error}") from None
    return bindings


def substitute(text: str, bindings: Bindings) -> str:
    """The query with each bound placeholder's UNDEF replaced by the bound terms.

    >>> substitute("SELECT * { VALUES ?x { UNDEF } }", {"x": [ox.Literal('a"b')]})
    'SELECT * { VALUES ?x { "a\\\\"b" } }'
    """

    def values(match) -> str:
        terms = bindings.get(match.group(1))
        if not terms:
            return match.group(0)
        return f"VALUES ?{match.group(1)} {{ {' '.join(str(t) for t in terms)} }}"

    return PLACEHOLDER.sub(values, text)
