"""Validate a store against SHACL shapes with whole-graph SPARQL queries instead of pyshacl.

`compile_shapes` turns every constraint of every targeted shape into one check: a SELECT
that finds all its violations at once. `validate_store` runs them on Oxigraph, batched by
`batch_checks` into a few SELECTs that each evaluate many checks in one pass over the
targets. Only the SHACL subset the project's shapes use is supported; anything else raises
`UnsupportedShape` when compiling.
"""

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node
from sozialgraph.graph import shacl_sparql as sq

#: Each supported constraint parameter: its component, how its value is read, the condition.
_CONSTRAINTS = {
    SH.minCount: ("MinCount", "count", lambda n, path: sq.min_count(path, n)),
    SH.maxCount: ("MaxCount", "count", lambda n, path: sq.max_count(path, n)),
    SH.datatype: ("Datatype", "iri", lambda iri, path: sq.datatype(iri[1:-1])),
    SH["class"]: ("Class", "iri", lambda iri, path: sq.class_(iri)),
    SH.node: ("Node", "shape", lambda shape, path: sq.conforms_not(shape)),
    SH["in"]: ("In", "terms", lambda terms, path: sq.in_(terms)),
    SH.pattern: ("Pattern", "regex", lambda regex, path: sq.pattern(*regex)),
    SH.minLength: ("MinLength", "count", lambda n, path: sq.min_length(n)),
    SH.minInclusive: ("MinInclusive", "literal", lambda term, path: sq.min_inclusive(term)),
    SH.maxInclusive: ("MaxInclusive", "literal", lambda term, path: sq.max_inclusive(term)),
    SH.lessThanOrEquals: ("LessThanOrEquals", "iri", lambda iri, p: sq.less_than_or_equals(iri)),
    SH.disjoint: ("Disjoint", "iri", lambda iri, path: sq.disjoint(iri)),
    SH.uniqueLang: ("UniqueLang", "bool", lambda on, path: sq.unique_lang(path, on)),
    SH.languageIn: ("LanguageIn", "strings", lambda tags, path: sq.language_in(tags)),
    SH.hasValue: ("HasValue", "term", lambda term, path: sq.has_value(term, path)),
    SH["or"]: ("Or", "shapes", lambda shapes, path: sq.conforms_to_none(shapes)),
}
#: Constraints on the focus that a value can witness: the condition on that value.
_BY_VALUE = {"MaxCount": lambda n, path: sq.max_count_by_value(path, n)}
_DETAILS = {
    "MinCount": "fewer than {} values",
    "MaxCount": "more than {} values",
    "Datatype": "value is not a well-formed literal of datatype {}",
    "Class": "value is not an instance of {}",
    "Node": "value does not conform to {}",
    "In": "value is not one of {}",
    "Pattern": "value does not match the pattern {}",
    "MinLength": "value is shorter than {} characters",
    "MinInclusive": "value is not at least {}",
    "MaxInclusive": "value is not at most {}",
    "LessThanOrEquals": "value is not less than or equal to every value of {}",
    "Disjoint": "value is also a value of {}",
    "UniqueLang": "more than one value has the same language tag",
    "LanguageIn": "value has no language tag in {}",
    "HasValue": "{} is missing",
    "Or": "value conforms to none of {}",
}
_TERMS = {"iri": URIRef, "literal": Literal, "term": URIRef | Literal}
_PER_FOCUS = {"MinCount", "MaxCount", "UniqueLang"}
_OTHER_TERMS = {
    *(SH[name] for name in ("targetClass", "property", "path", "flags", "message", "sparql")),
    *(SH[name] for name in ("deactivated", "name", "description", "order", "group", "select")),
    *(SH[name] for name in ("prefixes", "declare", "prefix", "namespace")),
    *(SH[name] for name in ("NodeShape", "PropertyShape", "SPARQLConstraint")),
    SH.PrefixDeclaration,
}


class UnsupportedShape(ValueError):
    """The shapes use SHACL this compiler does not implement; the message names shape and why."""


@dataclass(frozen=True)
class Violation:
    """One validation result; terms are IRIs, `_:id` or N-Triples literals."""

    focus: str
    path: str | None
    value: str | None
    source_shape: str
    constraint: str
    message: str


@dataclass(frozen=True)
class CompiledCheck:
    """One constraint of one targeted shape: a SPARQL pattern over the target node ?this.

    For a SHACL core constraint, `condition` is the boolean expression `where` filters on: true
    exactly for a violation, over ?this and, if `variables` has it, each ?value of `path`.
    SHACL-SPARQL checks have none: their `where` is the constraint's own SELECT body.
    A check on the focus may also have a `value_condition` over ?this and a ?value of `path`,
    true for some value exactly when `condition` is true (sh:maxCount: n other values exist).
    """

    source_shape: str
    constraint: str
    path: str | None
    message: str
    target_classes: tuple[str, ...]
    where: str
    variables: tuple[str, ...] = ()
    prefixes: str = ""
    value_is_focus: bool = False
    condition: str | None = None
    value_condition: str | None = None

    @property
    def on_values(self) -> bool:
        """Whether the check is evaluated per value of its path (reported with or without it)."""
        return "value" in self.variables or self.value_condition is not None

    def query(
        self, focus_graph: str | None = None, subclasses: dict[str, list[str]] | None = None
    ) -> str:
        """The SELECT of all violations, optionally of nodes typed in the focus graph only.

        With `subclasses` (each class with every class below it, itself included), class
        membership is matched against that list instead of an `rdfs:subClassOf*` path,
        which Oxigraph evaluates several times faster.
        """
        target = sq.target_pattern(self.target_classes, focus_graph)
        names = " ".join(f"?{name}" for name in ("this", *self.variables))
        text = f"{self.prefixes}SELECT DISTINCT {names} WHERE {{\n{target}\n{self.where}\n}}"
        return sq.expand_subclasses(text, subclasses) if subclasses else text

    def violations(self, rows: pyoxigraph.QuerySolutions) -> list[Violation]:
        """The violations that the rows of `query()` report."""
        found = []
        for row in rows:
            focus = _text(row["this"])
            value = _text(row["value"]) if "value" in self.variables else None
            path = _text(row["path"]) if "path" in self.variables else self.path
            found.append(self.violation(focus, value, path))
        return found

    def violation(self, focus: str, value: str | None = None, path: str | None = None) -> Violation:
        """The violation of this check by `focus`: about `value`, or the focus itself."""
        if value is None and self.value_is_focus:
            value = focus
        path = self.path if path is None else path
        return Violation(focus, path, value, self.source_shape, self.constraint, self.message)


@dataclass(frozen=True)
class CheckBatch:
    """SHACL core checks of the same targets (and prefixes) that one SELECT evaluates together.

    Per target the separate checks would each repeat the target pattern and, judging values,
    a lookup of their path: with hundreds of checks that repetition is most of the work. So a
    batch binds the targets once and computes, per solution, a bit mask of the checks violated
    (`sq.hit_mask`: an error in a condition counts as no violation, as in FILTER):

    - on the focus (`paths` is `("",)`): checks judging the target itself, such as cardinality
      or a node shape's own constraints: one solution per target;
    - on values: checks judging each value of their path, and those a value can witness
      (their `value_condition`). The batch reads every triple of each target once
      (`?this ?_sgPath ?value`, cheaper in Oxigraph than one lookup per path) and takes the
      mask of the triple's predicate (`sq.mask_by_path`), 0 for other predicates.

    Bit i of a path's mask stands for `checks[k][i]` where `paths[k]` is that path. Each
    check's violations are the same as when its own `query()` runs.
    """

    target_classes: tuple[str, ...]
    prefixes: str
    paths: tuple[str, ...]
    checks: tuple[tuple[CompiledCheck, ...], ...]

    @property
    def on_values(self) -> bool:
        """Whether the batch judges values of paths rather than the targets themselves."""
        return self.paths != ("",)

    def query(
        self, focus_graph: str | None = None, subclasses: dict[str, list[str]] | None = None
    ) -> str:
        """The SELECT of the violating targets (and values) with their masks; as `CompiledCheck`."""
        target = sq.target_pattern(self.target_classes, focus_graph)
        masks = [sq.hit_mask([self._condition(c) for c in checks]) for checks in self.checks]
        if self.on_values:
            names, values = "?this ?_sgPath ?value", "?this ?_sgPath ?value .\n"
            mask = sq.mask_by_path("?_sgPath", dict(zip(self.paths, masks, strict=True)))
        else:
            names, values, mask = "?this", "", masks[0]
        text = (
            f"{self.prefixes}SELECT DISTINCT {names} ?_sgHits WHERE {{\n{target}\n{values}"
            f"BIND({mask} AS ?_sgHits)\nFILTER(?_sgHits != 0)\n}}"
        )
        return sq.expand_subclasses(text, subclasses) if subclasses else text

    def _condition(self, check: CompiledCheck) -> str:
        if self.on_values and "value" not in check.variables:
            return check.value_condition
        return check.condition

    def violations(self, rows: pyoxigraph.QuerySolutions) -> list[Violation]:
        """One violation per check whose bit is set in a row of `query()`."""
        by_path = dict(zip(self.paths, self.checks, strict=True))
        found = []
        for row in rows:
            focus, hits = _text(row["this"]), int(row["_sgHits"].value)
            if self.on_values:
                checks, value = by_path[f"<{row['_sgPath'].value}>"], _text(row["value"])
            else:
                checks, value = self.checks[0], None
            hit = [c for i, c in enumerate(checks) if hits >> i & 1]
            found += [c.violation(focus, value if "value" in c.variables else None) for c in hit]
        return found


def describe_shape(shapes: Graph, node: Node) -> str:
    """A stable name for a shape: its IRI, or where a blank node hangs and what it constrains.

    For example `<…#ServiceShape> property <…#provider>`; blank nodes sharing parent and path
    get their constraint parameters appended.
    """
    if not isinstance(node, BNode):
        return str(node)
    path, names = shapes.value(node, SH.path), []
    for relation in ("property", "node", "or", "sparql"):
        for parent, siblings in _parents(shapes, node, relation):
            inner = describe_shape(shapes, parent)
            ref = f"<{inner}>" if isinstance(parent, URIRef) else f"[{inner}]"
            what = f"<{path}>" if isinstance(path, URIRef) else _show(shapes, node)
            if path and any(shapes.value(s, SH.path) == path for s in siblings - {node}):
                what += " " + _show(shapes, node)
            names.append(f"{ref} {relation} {what}")
    return min(names, default=_show(shapes, node))


def _parents(shapes: Graph, node: Node, relation: str) -> list[tuple[Node, set[Node]]]:
    """The shapes that hold `node` by sh:property, sh:node, sh:sparql or in an sh:or list."""
    if relation != "or":
        holders = shapes.subjects(SH[relation], node)
        return [(p, set(shapes.objects(p, SH[relation]))) for p in holders]
    found = []
    for cell in shapes.subjects(RDF.first, node):
        while (previous := shapes.value(None, RDF.rest, cell)) is not None:
            cell = previous
        for parent in shapes.subjects(SH["or"], cell):
            lists = shapes.objects(parent, SH["or"])
            found.append((parent, {m for head in lists for m in _items(shapes, head)}))
    return found


def _show(shapes: Graph, node: Node) -> str:
    """A term as in Turtle; lists as `( … )`, blank nodes as their sorted constraints."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    if (node, RDF.first, None) in shapes:
        return "(" + " ".join(_show(shapes, item) for item in _items(shapes, node)) + ")"
    hidden = (SH.path, SH.message, SH.name, SH.description, SH.property, SH.sparql)
    pairs = sorted(
        f"sh:{p.removeprefix(str(SH))} {_show(shapes, o)}"
        for p, o in shapes.predicate_objects(node)
        if p.startswith(str(SH)) and p not in hidden
    )
    return "[" + ", ".join(pairs) + "]"


def _items(shapes: Graph, head: Node) -> list[Node]:
    if head != RDF.nil and (head, RDF.first, None) not in shapes:
        raise ValueError(f"{head.n3()} is not an RDF list")
    return list(Collection(shapes, head))


def _message(shapes: Graph, node: Node) -> str | None:
    """The English sh:message, else one without language, else the first by language."""

    def rank(message: Literal) -> tuple:
        lang = (message.language or "").lower()
        return (lang.split("-")[0] != "en", lang != "", lang, str(message))

    messages = [m for m in shapes.objects(node, SH.message) if isinstance(m, Literal)]
    return str(min(messages, key=rank)) if messages else None


class _Reader:
    """Reads each shape of the shapes graph once into `ShapeCode`, checking what it uses."""

    def __init__(self, shapes: Graph) -> None:
        self.g = shapes
        self.done: dict[Node, sq.ShapeCode] = {}
        self.active: set[Node] = set()

    def fail(self, node: Node, why: str) -> UnsupportedShape:
        return UnsupportedShape(f"shape {describe_shape(self.g, node)}: {why}")

    def check_terms(self) -> None:
        """Raise for any SHACL term outside the supported subset, wherever it is used."""
        for s, p, o in self.g:
            for term in (p, o) if p == RDF.type else (p,):
                if term.startswith(str(SH)) and term not in (*_CONSTRAINTS, *_OTHER_TERMS):
                    shape = next(self.g.subjects(SH.path, s), s)  # a path names its shape
                    raise self.fail(shape, f"sh:{term.removeprefix(str(SH))} is not supported")
            is_class = p == RDF.type and o in (RDFS.Class, OWL.Class)
            if is_class and any(q.startswith(str(SH)) for q in self.g.predicates(s)):
                raise self.fail(s, "implicit class targets are not supported")

    def shape(self, node: Node) -> sq.ShapeCode:
        if node in self.done:
            return self.done[node]
        if node in self.active:
            raise self.fail(node, "recursive shapes are not supported")
        self.active.add(node)
        paths = list(self.g.objects(node, SH.path))
        if len(paths) > 1 or (paths and not isinstance(paths[0], URIRef)):
            raise self.fail(node, "only one IRI is supported as sh:path")
        path = sq.sparql_term(paths[0]) if paths else None
        shape = sq.ShapeCode(describe_shape(self.g, node), path, _message(self.g, node))
        if self.g.value(node, SH.deactivated) != Literal(True):
            for parameter, (component, kind, build) in _CONSTRAINTS.items():
                for value in self.g.objects(node, parameter):
                    shown, read = self.read(node, parameter, kind, value)
                    per_focus = component in _PER_FOCUS or (component == "HasValue" and path)
                    if component in _PER_FOCUS and not path:
                        raise self.fail(node, f"sh:{parameter.removeprefix(str(SH))} needs sh:path")
                    name, detail = f"{component}ConstraintComponent", _DETAILS[component]
                    by_value = _BY_VALUE[component](read, path) if component in _BY_VALUE else None
                    part = sq.Part(
                        name, not per_focus, build(read, path), detail.format(shown), by_value
                    )
                    shape.parts.append(part)
            for child in self.g.objects(node, SH.property):
                if path:
                    raise self.fail(node, "sh:property on a property shape is not supported")
                shape.properties.append(self.shape(child))
            constraints = self.g.objects(node, SH.sparql)
            shape.sparql = [e for c in constraints if (e := self.sparql(node, c, path))]
        self.active.discard(node)
        self.done[node] = shape
        return shape

    def read(self, node: Node, parameter: URIRef, kind: str, value: Node) -> tuple[str, object]:
        """A parameter's value for display and for its SPARQL builder; raises if malformed."""
        shown = str(value) if isinstance(value, Literal) else _show(self.g, value)
        name = f"sh:{parameter.removeprefix(str(SH))}"
        if kind in ("terms", "strings", "shapes"):
            try:
                items = _items(self.g, value)
            except ValueError:
                raise self.fail(node, f"{name} needs an RDF list") from None
        if kind == "count" and isinstance(value, Literal) and isinstance(value.value, int):
            if value.value >= 0 and not isinstance(value.value, bool):
                return shown, value.value
        elif kind == "bool" and isinstance(value, Literal) and isinstance(value.value, bool):
            return shown, value.value
        elif kind in _TERMS and isinstance(value, _TERMS[kind]):
            return shown, sq.sparql_term(value)
        elif kind == "terms" and all(isinstance(i, URIRef | Literal) for i in items):
            return shown, [sq.sparql_term(item) for item in items]
        elif kind == "strings" and all(isinstance(i, Literal) for i in items):
            return shown, [sq.sparql_term(Literal(str(item))) for item in items]
        elif kind == "regex" and isinstance(value, Literal):
            return shown, self.regex(node, value)
        elif kind in ("shape", "shapes"):
            members = [value] if kind == "shape" else items
            shapes = [self.nested(node, member) for member in members]
            shown = ", ".join(s.name + (f" ({s.message})" if s.message else "") for s in shapes)
            return shown, shapes[0] if kind == "shape" else shapes
        raise self.fail(node, f"{name} {_show(self.g, value)} is not supported")

    def nested(self, node: Node, member: Node) -> sq.ShapeCode:
        if isinstance(member, Literal) or (member, None, None) not in self.g:
            raise self.fail(node, f"{_show(self.g, member)} is not a shape of the shapes graph")
        shape = self.shape(member)
        if shape.sparql:
            raise self.fail(node, f"sh:sparql in nested shape {shape.name} is not supported")
        return shape

    def regex(self, node: Node, value: Literal) -> tuple[str, str]:
        flags = [sq.sparql_term(Literal(str(f))) for f in self.g.objects(node, SH.flags)]
        regex, flag = sq.sparql_term(Literal(str(value))), flags[0] if flags else '""'
        probe = f"SELECT (COALESCE(REGEX('', {regex}, {flag}), 'bad') AS ?ok) {{}}"
        result = next(iter(pyoxigraph.Store().query(probe)))["ok"]
        if len(flags) > 1 or result.datatype.value != sq.XSD + "boolean":
            raise self.fail(node, f"sh:pattern {value.n3()} with sh:flags {flag} is not valid")
        return regex, flag

    def sparql(self, node: Node, constraint: Node, path: str | None) -> tuple | None:
        if self.g.value(constraint, SH.deactivated) == Literal(True):
            return None
        if path:
            raise self.fail(node, "sh:sparql on a property shape is not supported")
        prefixes = "".join(
            f"PREFIX {self.g.value(d, SH.prefix)}: <{self.g.value(d, SH.namespace)}>\n"
            for owner in self.g.objects(constraint, SH.prefixes)
            for d in self.g.objects(owner, SH.declare)
        )
        try:
            select = sq.split_select(str(self.g.value(constraint, SH.select)))
        except ValueError as error:
            raise self.fail(node, f"sh:sparql: {error}") from None
        return prefixes, select, _message(self.g, constraint) or _message(self.g, node)


def compile_shapes(shapes: Graph) -> list[CompiledCheck]:
    """One check per constraint of every shape with sh:targetClass.

    Every declared shape is read, targeted or not, so that unsupported SHACL anywhere in
    the shapes graph raises `UnsupportedShape` here instead of being skipped.
    """
    reader = _Reader(shapes)
    reader.check_terms()
    for kind in (SH.NodeShape, SH.PropertyShape):
        for node in shapes.subjects(RDF.type, kind):
            reader.shape(node)
    checks, fresh = [], sq.Fresh()  # one source of names: batched conditions never share one
    for node in sorted(set(shapes.subjects(SH.targetClass, None)), key=str):
        found = shapes.objects(node, SH.targetClass)
        classes = tuple(sorted(reader.read(node, SH.targetClass, "iri", c)[1] for c in found))
        shape = reader.shape(node)
        for member in (shape, *shape.properties):
            checks += [_check(member, part, classes, fresh) for part in member.parts]
        for prefixes, select, message in shape.sparql:
            message = message or "the SPARQL constraint reports a violation"
            checks.append(
                CompiledCheck(shape.name, "SPARQLConstraintComponent", None, message, classes,
                              select.body, select.variables, prefixes + select.prefixes, True)
            )  # fmt: skip
    return checks


def _check(
    shape: sq.ShapeCode, part: sq.Part, classes: tuple[str, ...], fresh: sq.Fresh
) -> CompiledCheck:
    on_values = part.per_value and shape.path is not None
    value = "?value" if on_values else "?this" if part.per_value else ""
    condition = part.expr("?this", value, fresh)
    by_value = part.by_value("?this", "?value", fresh) if part.by_value and shape.path else None
    values = f"?this {shape.path} ?value .\n" if on_values else ""
    path = shape.path[1:-1] if shape.path else None
    message = shape.message or (f"<{path}>: {part.detail}" if path else part.detail)
    return CompiledCheck(
        shape.name, part.component, path, message, classes, f"{values}FILTER({condition})",
        ("value",) if on_values else (), value_is_focus=part.per_value and not on_values,
        condition=condition, value_condition=by_value,
    )  # fmt: skip


#: Paths per batch on values: their masks nest, and Oxigraph's parser recurses on nesting.
_PATHS_PER_BATCH = 40


def batch_checks(checks: list[CompiledCheck]) -> list[CompiledCheck | CheckBatch]:
    """What `validate_store` runs: the core checks as `CheckBatch`es, SHACL-SPARQL ones alone.

    Checks of the same target classes and prefixes share a batch: one on the focus and one on
    values (more if a mask or the nesting of paths would get too big). The batches with the
    most checks come first, so that the thread pool starts the longest queries early.
    """
    alone, groups = [], {}
    for check in checks:
        if check.condition is None:
            alone.append(check)
            continue
        path = f"<{check.path}>" if check.on_values else ""
        group = groups.setdefault((check.target_classes, check.prefixes, bool(path)), {})
        group.setdefault(path, []).append(check)
    batches = []
    for (classes, prefixes, _), by_path in groups.items():
        chunks = {path: _chunks(members, sq.MASK_BITS) for path, members in by_path.items()}
        for round_ in range(max(map(len, chunks.values()))):  # a path at most once per batch
            taken = [(path, c[round_]) for path, c in chunks.items() if round_ < len(c)]
            for part in _chunks(taken, _PATHS_PER_BATCH):
                paths, members = zip(*part, strict=True)
                batches.append(CheckBatch(classes, prefixes, paths, tuple(map(tuple, members))))
    batches.sort(key=lambda b: (-sum(map(len, b.checks)), not b.on_values))
    return [*batches, *alone]


def _chunks(items: list, size: int) -> list[list]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _text(term: object) -> str | None:
    if term is None:
        return None
    return term.value if isinstance(term, pyoxigraph.NamedNode) else str(term)


def validate_store(
    store: pyoxigraph.Store, checks: list[CompiledCheck], focus_graph: str | None = None
) -> list[Violation]:
    """Run the checks over the union of all graphs; sorted, without duplicates.

    With `focus_graph`, only nodes whose rdf:type triple that makes them a target is in that
    graph are validated; their values, classes and concepts are looked up in every graph.
    The checks run batched (`batch_checks`); the result is the same as running each alone.
    """
    runs = batch_checks(checks)
    subclasses = sq.subclass_closures(store, runs)

    def run(batch: CompiledCheck | CheckBatch) -> list[Violation]:
        query = batch.query(focus_graph, subclasses)
        return batch.violations(store.query(query, use_default_graph_as_union=True))

    # Oxigraph releases the GIL while it evaluates, so the batches run in parallel threads.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        found = {violation for result in pool.map(run, runs) for violation in result}
    return sorted(found, key=lambda v: (v.focus, v.source_shape, v.constraint, str(v)))
