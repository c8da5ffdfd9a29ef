"""SHACL core constraints as SPARQL 1.1 conditions that hold exactly for violating nodes.

Every builder returns an `Expr`: called with the focus variable, the value variable and a
source of fresh variable names, it gives the SPARQL text of a boolean condition that is true
when the value node (or, for cardinality-like constraints, the focus node) violates the
constraint. Comparisons that raise a SPARQL error count as violations, as SHACL prescribes.
The text is written for Oxigraph, queried with the union of all graphs as default graph.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations, count

import pyoxigraph
from rdflib import Literal, URIRef
from rdflib.term import Node

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SUBCLASS_OF = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

#: Types whose lexical form SPARQL casts check (a failed cast is an ill-typed literal).
_CASTABLE = {
    *("boolean", "integer", "decimal", "float", "double", "duration"),
    *("date", "dateTime", "time", "gYear", "gYearMonth", "gMonth", "gDay", "gMonthDay"),
    *("yearMonthDuration", "dayTimeDuration"),
}
#: Oxigraph stores these as their primitive base type, dropping the derived datatype IRI
#: (oxigraph#1413): accept the base type too and check the derived type's facets instead.
_DERIVED = {
    "nonNegativeInteger": ("integer", "{n} >= 0"),
    "positiveInteger": ("integer", "{n} >= 1"),
    "nonPositiveInteger": ("integer", "{n} <= 0"),
    "negativeInteger": ("integer", "{n} <= -1"),
    "long": ("integer", f"{{n}} >= {-(2**63)} && {{n}} <= {2**63 - 1}"),
    "int": ("integer", f"{{n}} >= {-(2**31)} && {{n}} <= {2**31 - 1}"),
    "short": ("integer", "{n} >= -32768 && {n} <= 32767"),
    "byte": ("integer", "{n} >= -128 && {n} <= 127"),
    "unsignedLong": ("integer", f"{{n}} >= 0 && {{n}} <= {2**64 - 1}"),
    "unsignedInt": ("integer", f"{{n}} >= 0 && {{n}} <= {2**32 - 1}"),
    "unsignedShort": ("integer", "{n} >= 0 && {n} <= 65535"),
    "unsignedByte": ("integer", "{n} >= 0 && {n} <= 255"),
    "dateTimeStamp": ("dateTime", 'TZ({n}) != ""'),
}


class Fresh:
    """Fresh variable names for one query, so that nested conditions never share a variable."""

    def __init__(self) -> None:
        self._numbers = count(1)

    def __call__(self) -> str:
        return f"?_sg{next(self._numbers)}"


Expr = Callable[[str, str, Fresh], str]


@dataclass(frozen=True)
class Part:
    """One constraint: the SHACL component, whether it judges each value, its condition."""

    component: str
    per_value: bool
    expr: Expr
    detail: str
    #: For a constraint on the focus that a single value can witness (sh:maxCount): a
    #: condition on a value of the path, true for some value exactly when `expr` is true.
    by_value: Expr | None = None


@dataclass
class ShapeCode:
    """A shape's constraints as conditions: its own parts and those of its property shapes."""

    name: str
    path: str | None
    message: str | None
    parts: list[Part] = field(default_factory=list)
    properties: list["ShapeCode"] = field(default_factory=list)
    sparql: list[tuple[str, "Select", str | None]] = field(default_factory=list)


def violated(shape: ShapeCode, node: str, fresh: Fresh) -> str:
    """A condition true when `node` does not conform to `shape` (for sh:node and sh:or)."""
    terms = [p.expr(node, "", fresh) for p in shape.parts if not p.per_value]
    per_value = [p for p in shape.parts if p.per_value]
    if per_value and shape.path:
        value = fresh()
        condition = " || ".join(p.expr(node, value, fresh) for p in per_value)
        terms.append(f"EXISTS {{ {node} {shape.path} {value} FILTER({condition}) }}")
    elif per_value:
        terms += [p.expr(node, node, fresh) for p in per_value]
    terms += [violated(child, node, fresh) for child in shape.properties]
    return f"({' || '.join(terms)})" if terms else "false"


def conforms_not(shape: ShapeCode) -> Expr:
    """sh:node: the value does not conform to the shape."""
    return lambda f, v, fresh: violated(shape, v, fresh)


def conforms_to_none(shapes: list[ShapeCode]) -> Expr:
    """sh:or: the value conforms to none of the shapes."""
    return lambda f, v, fresh: (
        "(" + " && ".join(violated(s, v, fresh) for s in shapes) + ")" if shapes else "true"
    )


def sparql_term(node: Node) -> str:
    """An rdflib IRI or literal in SPARQL syntax, escaped as in N-Triples."""
    if isinstance(node, URIRef):
        return str(pyoxigraph.NamedNode(str(node)))
    if isinstance(node, Literal):
        if node.language:
            return str(pyoxigraph.Literal(str(node), language=node.language))
        datatype = pyoxigraph.NamedNode(str(node.datatype or XSD + "string"))
        return str(pyoxigraph.Literal(str(node), datatype=datatype))
    raise TypeError(f"{node!r} is neither an IRI nor a literal")


def instance_of(node: str, cls: str) -> str:
    """The triple pattern: `node` has type `cls` or one of its subclasses."""
    return f"{node} {RDF_TYPE}/{SUBCLASS_OF}* {cls}"


_TYPE_PATH = re.escape(f"{RDF_TYPE}/{SUBCLASS_OF}*")
_INSTANCE = re.compile(rf"(\?\w+|<[^>\s]*>) {_TYPE_PATH} (<[^>\s]*>)")
_FOCUS_TYPE = re.compile(
    rf"GRAPH (<[^>\s]*>) {{ \?this {re.escape(RDF_TYPE)} \?_sgType }} "
    rf"\?_sgType {re.escape(SUBCLASS_OF)}\* (<[^>\s]*>) \."
)
_CLASS_IN_PATH = re.compile(rf"{re.escape(SUBCLASS_OF)}\* (<[^>\s]*>)")


def subclass_closures(store: pyoxigraph.Store, queries) -> dict[str, list[str]]:
    """Every class the queries test membership of, with all classes below it in the store.

    `queries` are objects whose `query()` gives their SELECT (checks or batches of them).
    """
    classes = {m.group(1) for q in queries for m in _CLASS_IN_PATH.finditer(q.query())}
    closures = {}
    for cls in classes:
        query = f"SELECT DISTINCT ?c WHERE {{ ?c {SUBCLASS_OF}* {cls} }}"
        rows = store.query(query, use_default_graph_as_union=True)
        closures[cls] = sorted({str(row["c"]) for row in rows} | {cls})
    return closures


def expand_subclasses(text: str, subclasses: dict[str, list[str]]) -> str:
    """Rewrite `x rdf:type/rdfs:subClassOf* C` as `VALUES ?k { C and its subclasses } x a ?k`.

    A class without subclasses needs no VALUES: `x a C`.
    """
    numbers = count(1)

    def instance(match: re.Match) -> str:
        node, cls = match.groups()
        if cls not in subclasses:
            return match.group(0)
        if len(subclasses[cls]) == 1:
            return f"{node} {RDF_TYPE} {cls}"
        var = f"?_sgK{next(numbers)}"
        return f"VALUES {var} {{ {' '.join(subclasses[cls])} }} {node} {RDF_TYPE} {var}"

    def focus_type(match: re.Match) -> str:
        graph, cls = match.groups()
        if cls not in subclasses:
            return match.group(0)
        if len(subclasses[cls]) == 1:
            return f"GRAPH {graph} {{ ?this {RDF_TYPE} {cls} }}"
        values = " ".join(subclasses[cls])
        return f"VALUES ?_sgType {{ {values} }} GRAPH {graph} {{ ?this {RDF_TYPE} ?_sgType }}"

    return _INSTANCE.sub(instance, _FOCUS_TYPE.sub(focus_type, text))


def well_formed(value: str, datatype: str) -> str:
    """Whether `value` is a literal of exactly `datatype` whose lexical form is valid."""
    if datatype == LANG_STRING:
        return f'(isLiteral({value}) && LANG({value}) != "")'
    local = datatype.removeprefix(XSD) if datatype.startswith(XSD) else ""
    iri = f"<{datatype}>"
    if local in _DERIVED:
        base, facets = _DERIVED[local]
        number = f"<{XSD}{base}>(STR({value}))"
        return (
            f"(isLiteral({value}) && DATATYPE({value}) IN ({iri}, <{XSD}{base}>) "
            f"&& COALESCE({facets.format(n=number)}, false))"
        )
    check = f"isLiteral({value}) && sameTerm(DATATYPE({value}), {iri})"
    if local in _CASTABLE:
        check += f" && COALESCE(sameTerm(DATATYPE({iri}(STR({value}))), {iri}), false)"
    return f"({check})"


def _values(focus: str, path: str, number: int, fresh: Fresh, beside: str = "") -> str:
    """A pattern matching `number` pairwise distinct values of `path` (all other than `beside`)."""
    names = [fresh() for _ in range(number)]
    triples = " . ".join(f"{focus} {path} {name}" for name in names)
    pairs = combinations([beside, *names] if beside else names, 2)
    distinct = " && ".join(f"!sameTerm({a}, {b})" for a, b in pairs)
    return f"{triples} FILTER({distinct})" if distinct else triples


def min_count(path: str, number: int) -> Expr:
    return lambda f, v, fresh: f"NOT EXISTS {{ {_values(f, path, number, fresh)} }}"


def max_count(path: str, number: int) -> Expr:
    return lambda f, v, fresh: f"EXISTS {{ {_values(f, path, number + 1, fresh)} }}"


def max_count_by_value(path: str, number: int) -> Expr:
    """sh:maxCount witnessed by the value `v`: `number` further distinct values exist."""
    if number == 0:
        return lambda f, v, fresh: "true"
    return lambda f, v, fresh: f"EXISTS {{ {_values(f, path, number, fresh, beside=v)} }}"


def datatype(iri: str) -> Expr:
    return lambda f, v, fresh: f"!{well_formed(v, iri)}"


def class_(cls: str) -> Expr:
    return lambda f, v, fresh: f"NOT EXISTS {{ {instance_of(v, cls)} }}"


def in_(terms: list[str]) -> Expr:
    return lambda f, v, fresh: f"!({' || '.join(f'sameTerm({v}, {t})' for t in terms) or 'false'})"


def pattern(regex: str, flags: str) -> Expr:
    return lambda f, v, fresh: f"(isBlank({v}) || !REGEX(STR({v}), {regex}, {flags}))"


def min_length(number: int) -> Expr:
    return lambda f, v, fresh: f"(isBlank({v}) || STRLEN(STR({v})) < {number})"


def min_inclusive(bound: str) -> Expr:
    return lambda f, v, fresh: f"!COALESCE({v} >= {bound}, false)"


def max_inclusive(bound: str) -> Expr:
    return lambda f, v, fresh: f"!COALESCE({v} <= {bound}, false)"


def less_than_or_equals(other: str) -> Expr:
    def expr(f: str, v: str, fresh: Fresh) -> str:
        o = fresh()
        return f"EXISTS {{ {f} {other} {o} FILTER(!COALESCE({v} <= {o}, false)) }}"

    return expr


def disjoint(other: str) -> Expr:
    return lambda f, v, fresh: f"EXISTS {{ {f} {other} {v} }}"


def unique_lang(path: str, enabled: bool) -> Expr:
    def expr(f: str, v: str, fresh: Fresh) -> str:
        if not enabled:
            return "false"
        a, b = fresh(), fresh()
        same = f'LANG({a}) != "" && LCASE(LANG({a})) = LCASE(LANG({b}))'
        return f"EXISTS {{ {f} {path} {a} . {f} {path} {b} FILTER(!sameTerm({a}, {b}) && {same}) }}"

    return expr


def language_in(tags: list[str]) -> Expr:
    def expr(f: str, v: str, fresh: Fresh) -> str:
        matches = " || ".join(f"langMatches(LANG({v}), {tag})" for tag in tags) or "false"
        return f"!(isLiteral({v}) && ({matches}))"

    return expr


def has_value(term: str, path: str | None) -> Expr:
    if path:
        return lambda f, v, fresh: f"NOT EXISTS {{ {f} {path} {term} }}"
    return lambda f, v, fresh: f"!sameTerm({v}, {term})"


#: Bits of one hit mask: Oxigraph's integers are signed 64-bit, so the sum of bits 0…61 fits.
MASK_BITS = 62


def hit_mask(conditions: list[str]) -> str:
    """An integer with bit i set when `conditions[i]` holds; a condition that errs does not.

    That is how FILTER treats an error, so bit i is set exactly for the solutions that
    `FILTER(conditions[i])` would keep. At most `MASK_BITS` conditions.
    """
    if len(conditions) > MASK_BITS:
        raise ValueError(f"a hit mask holds at most {MASK_BITS} conditions")
    bits = (f"IF(COALESCE({c}, false), {1 << i}, 0)" for i, c in enumerate(conditions))
    return " + ".join(bits) or "0"


def mask_by_path(variable: str, masks: dict[str, str]) -> str:
    """The mask of the path (an IRI in SPARQL syntax) that `variable` holds; 0 for any other.

    The IFs nest once per path, and Oxigraph's parser recurses on nesting: keep it to dozens.
    """
    expression = "0"
    for path, mask in reversed(masks.items()):
        expression = f"IF(sameTerm({variable}, {path}), {mask}, {expression})"
    return expression


def target_pattern(classes: tuple[str, ...], focus_graph: str | None) -> str:
    """Bind ?this to the instances of the classes (and their subclasses).

    With a focus graph, only nodes whose rdf:type triple is in that graph.
    """
    cls = classes[0] if len(classes) == 1 else "?_sgClass"
    values = "" if len(classes) == 1 else f"VALUES ?_sgClass {{ {' '.join(classes)} }} "
    if focus_graph is None:
        return f"{values}{instance_of('?this', cls)} ."
    graph = pyoxigraph.NamedNode(focus_graph)
    return f"{values}GRAPH {graph} {{ ?this {RDF_TYPE} ?_sgType }} ?_sgType {SUBCLASS_OF}* {cls} ."


@dataclass(frozen=True)
class Select:
    """A SHACL-SPARQL SELECT taken apart, ready to be joined with a target pattern."""

    prefixes: str
    variables: tuple[str, ...]
    body: str


_PREFIX = re.compile(r"^\s*PREFIX\s+[\w.-]*:\s*<[^>]*>", re.IGNORECASE)
_NOT_CODE = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|<[^>\s]*>|#[^\n]*')
_UNSUPPORTED = re.compile(
    r"\b(MINUS|SERVICE|VALUES|LIMIT|OFFSET|GROUP\s+BY|HAVING|ORDER\s+BY|SELECT)\b"
    r"|\$(shapesGraph|currentShape|PATH)\b",
    re.IGNORECASE,
)
_HEAD = re.compile(r"^\s*SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)\s*(?:WHERE\s*)?$", re.I | re.S)


def split_select(text: str) -> Select:
    """Take apart `SELECT $this … WHERE { … }`; raise ValueError for what a join cannot mimic.

    Pre-binding $this is emulated by putting the target pattern first into the WHERE group,
    so that its filters, BINDs, OPTIONALs and EXISTS see $this bound. That is exact for the
    queries SHACL allows (no MINUS, VALUES, SERVICE or sub-selects) unless a nested group or
    UNION branch uses $this in a FILTER without binding it there.
    """
    prefixes = []
    while match := _PREFIX.match(text):
        prefixes.append(match.group(0).strip())
        text = text[match.end() :]
    head, _, rest = text.partition("{")
    code = _NOT_CODE.sub(" ", rest)
    if found := _UNSUPPORTED.search(code):
        raise ValueError(f"{found.group(0)} in sh:select cannot be compiled")
    projected = _HEAD.match(head)
    if not projected or "(" in projected.group(1) or not rest.rstrip().endswith("}"):
        raise ValueError("sh:select must be `SELECT $this [?value] [?path] WHERE { … }`")
    names = re.findall(r"[?$](\w+)", projected.group(1))
    if projected.group(1) != "*" and "this" not in names:
        raise ValueError("sh:select must project $this")
    wanted = ("value", "path") if projected.group(1) == "*" else names
    return Select(
        prefixes="".join(line + "\n" for line in prefixes),
        variables=tuple(name for name in ("value", "path") if name in wanted),
        body=rest.rstrip()[:-1],
    )
