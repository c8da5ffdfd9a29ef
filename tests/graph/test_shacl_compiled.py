"""The shapes compiled to SPARQL and run on Oxigraph agree with pyshacl on every example.

How strict the comparison is: both validators get the very same triples (each example is
parsed once by rdflib and copied into Oxigraph with its blank node labels), and their
results must be equal as sets of (focus node, path, value, source shape, constraint
component) — every field of a top-level validation result except the message, so a check
that fires for the right node but the wrong value, path or component fails the test.
pyshacl's blank-node source shapes are named with `describe_shape`, as ours are. Only how
often a result is reported is not compared: pyshacl may repeat one (once per duplicated
language, once per sh:or of a shape), the compiled checks report it once. Values are
compared as Oxigraph stores them, since that is all the compiled checks can see (it writes
literals canonically and stores derived integer types as xsd:integer, oxigraph#1413).
Messages: where pyshacl reports an English sh:message, ours must be that message.
Comparing only (focus, source shape) pairs would let a wrong value or a component reported
for the wrong reason pass; comparing messages verbatim would test wording, not validation.
"""

import re
from functools import cache
from pathlib import Path

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node
from sozialgraph.graph import shacl_sparql as sq
from sozialgraph.graph.shacl_compiled import (
    CheckBatch,
    CompiledCheck,
    UnsupportedShape,
    Violation,
    batch_checks,
    compile_shapes,
    describe_shape,
    validate_store,
)
from sozialgraph.ontology.files import VOCABULARY_SHAPES
from sozialgraph.ontology.namespaces import SG

EXAMPLES = Path(__file__).parents[1] / "ontology" / "examples"
VALID = sorted((EXAMPLES / "valid").glob("*.ttl"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.ttl"))
EXAMPLE_GRAPH, MODEL_GRAPH = "urn:test:example", "urn:test:model"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
Result = tuple[str, str | None, str | None, str, str]


def named_shapes(example: Path) -> set[URIRef]:
    """The shapes an example names in its `# shape:` lines."""
    text = example.read_text(encoding="utf-8")
    return {SG[name.removeprefix("sg:")] for name in re.findall(r"^#\s*shape:\s*(\S+)", text, re.M)}


@pytest.fixture(scope="module")
def checks(shapes, record_shapes) -> dict[str, list[CompiledCheck]]:
    return {"all": compile_shapes(shapes), "records": compile_shapes(record_shapes)}


def oxigraph_term(term: Node) -> pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal:
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if term.language:
        return pyoxigraph.Literal(str(term), language=term.language)
    return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(term.datatype or XSD_STRING))


def store_of(graphs: dict[str, Graph]) -> pyoxigraph.Store:
    """A memory store with each rdflib graph as the named graph of the key."""
    store = pyoxigraph.Store()
    for name, graph in graphs.items():
        target = pyoxigraph.NamedNode(name)
        store.extend(pyoxigraph.Quad(*map(oxigraph_term, triple), target) for triple in graph)
    return store


@cache
def stored(term: Node | None) -> str | None:
    """A term as `validate_store` reports it: IRI, `_:label`, or the literal Oxigraph keeps."""
    if term is None or isinstance(term, URIRef):
        return None if term is None else str(term)
    store = store_of({MODEL_GRAPH: Graph().add((URIRef("urn:s"), URIRef("urn:p"), term))})
    return str(next(iter(store)).object)


def pyshacl_results(data: Graph, shapes: Graph) -> tuple[bool, set[Result], dict[Result, set]]:
    """pyshacl's conforms, its top-level results (no sh:detail), their English messages."""
    conforms, report, _ = validate(data, shacl_graph=shapes, advanced=True)[:3]
    results, english = set(), {}
    for result in report.objects(None, SH.result):
        key = (
            stored(report.value(result, SH.focusNode)),
            stored(report.value(result, SH.resultPath)),
            stored(report.value(result, SH.value)),
            describe_shape(shapes, report.value(result, SH.sourceShape)),
            str(report.value(result, SH.sourceConstraintComponent)).removeprefix(str(SH)),
        )
        results.add(key)
        messages = report.objects(result, SH.resultMessage)
        english.setdefault(key, set()).update(str(m) for m in messages if m.language == "en")
    return conforms, results, english


def key(violation: Violation) -> Result:
    v = violation
    return (v.focus, v.path, v.value, v.source_shape, v.constraint)


def assert_agreement(data: Graph, context: Graph, shapes: Graph, compiled: list[CompiledCheck]):
    """Validate with both; results, conforms and English messages must agree.

    Also: every target of these examples is typed in the example graph, so restricting the
    focus nodes to it must change nothing. Returns the compiled checks' violations.
    """
    store = store_of({EXAMPLE_GRAPH: data, MODEL_GRAPH: context})
    ours = validate_store(store, compiled)
    conforms, theirs, english = pyshacl_results(data + context, shapes)
    assert {key(v) for v in ours} == theirs
    assert conforms == (not ours)
    for violation in ours:
        if english[key(violation)]:
            assert violation.message in english[key(violation)]
    assert validate_store(store, compiled, focus_graph=EXAMPLE_GRAPH) == ours
    return ours


def test_example_sets_are_not_empty():
    assert VALID, "no valid examples: the agreement tests would pass vacuously"
    assert INVALID, "no invalid examples: the agreement tests would pass vacuously"


@pytest.mark.parametrize("example", VALID + INVALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_compiled_checks_agree_with_pyshacl(
    example, ontology, model, shapes, record_shapes, checks
):
    """Vocabulary examples bring their own scheme: ontology only, all shapes (as test_shapes)."""
    data = Graph().parse(example, format="turtle")
    if named_shapes(example) & VOCABULARY_SHAPES:
        ours = assert_agreement(data, ontology, shapes, checks["all"])
    else:
        ours = assert_agreement(data, model, record_shapes, checks["records"])
    assert bool(ours) == (example.parent.name == "invalid")


SERVICE = EXAMPLES / "valid" / "service-complete.ttl"
SCHEME = EXAMPLES / "valid" / "concept-scheme-with-hierarchy.ttl"
PREFIXES = """@prefix sg: <https://w3id.org/sozialgraph#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix service: <https://example.org/id/service/> .
@prefix organisation: <https://example.org/id/organisation/> .
@prefix themen: <https://example.org/vocab/stadtteilthemen/> .
"""
S, C = "service:familienberatung ", "themen:nachbarschaft "
VARIANTS = {  # name: (valid example, added Turtle, whether it still conforms)
    "description-in-german": (SERVICE, S + 'sg:description "Text"@de .', True),
    "description-an-integer": (SERVICE, S + "sg:description 5 .", False),
    "email-a-blank-node": (SERVICE, S + "sg:email [] .", False),
    "email-language-tagged": (SERVICE, S + 'sg:email "a@b.de"@de .', False),
    "second-name": (SERVICE, S + 'sg:name "Zweitname" .', False),
    "empty-identifier": (SERVICE, 'organisation:beispielverein sg:identifier "" .', False),
    "places-ill-typed": (SERVICE, S + 'sg:places "viele"^^xsd:integer .', False),
    "end-date-untyped": (SERVICE, S + 'sg:endDate "2026-01-01" .', False),
    "provider-a-literal": (SERVICE, S + 'sg:provider "Verein" .', False),
    "target-group-blank": (SERVICE, S + "sg:targetGroup [ a skos:Concept ] .", False),
    "website-ftp": (SERVICE, S + 'sg:website "ftp://x.de"^^xsd:anyURI .', False),
    "label-de-ch": (SCHEME, C + 'skos:prefLabel "Nachbarschaft"@de-CH .', True),
    "label-en-twice": (SCHEME, C + 'skos:prefLabel "Neighbourhood 2"@EN .', False),
    "label-french": (SCHEME, C + 'skos:prefLabel "Voisinage"@fr .', False),
    "label-untagged": (SCHEME, C + 'skos:prefLabel "Nachbarschaft" .', False),
}


@pytest.mark.parametrize("name", VARIANTS)
def test_variants_of_valid_examples_agree_with_pyshacl(
    name, ontology, model, shapes, record_shapes, checks
):
    """Edge cases the examples do not reach: blank, tagged and ill-typed values, cardinality."""
    example, extra, conforms = VARIANTS[name]
    data = Graph().parse(data=example.read_text(encoding="utf-8") + PREFIXES + extra)
    if example == SCHEME:
        ours = assert_agreement(data, ontology, shapes, checks["all"])
    else:
        ours = assert_agreement(data, model, record_shapes, checks["records"])
    assert conforms == (not ours)


def test_incomparable_dates_violate_less_than_or_equals(model, record_shapes, checks):
    """SHACL counts values `<=` cannot compare as violations (pyshacl lets them pass)."""
    extra = 'service:familienberatung sg:endDate "2026-12-31T00:00:00"^^xsd:dateTime .'
    data = Graph().parse(data=SERVICE.read_text(encoding="utf-8") + PREFIXES + extra)
    store = store_of({EXAMPLE_GRAPH: data, MODEL_GRAPH: model})
    found = {(v.source_shape, v.constraint) for v in validate_store(store, checks["records"])}
    assert (str(SG.DatesInOrderProperty), "LessThanOrEqualsConstraintComponent") in found


@pytest.mark.parametrize(
    ("places", "violations"),
    [
        ("5", set()),
        ("-5", {"MinInclusiveConstraintComponent"}),
        ("x", {"DatatypeConstraintComponent", "MinInclusiveConstraintComponent"}),
    ],
)
def test_counts_are_integers_of_at_least_zero(places, violations, model, record_shapes, checks):
    """Counts are xsd:integer (Oxigraph keeps no derived integer types) and ≥ 0."""
    extra = f'service:familienberatung sg:places "{places}"^^xsd:integer .'
    text = SERVICE.read_text(encoding="utf-8").replace('sg:places "20"^^xsd:integer ;', "")
    data = Graph().parse(data=text + PREFIXES + extra)
    store = store_of({EXAMPLE_GRAPH: data, MODEL_GRAPH: model})
    assert {v.constraint for v in validate_store(store, checks["records"])} == violations


FOCUS = """@prefix sg: <https://w3id.org/sozialgraph#> . @prefix ex: <https://example.org/id/> .
"""


def test_focus_graph_restricts_the_focus_nodes(model, checks):
    """Only nodes typed in the focus graph are validated, against values in every graph."""
    one = Graph().parse(data=FOCUS + "ex:s a sg:Service .")
    two = Graph().parse(data=FOCUS + "ex:o a sg:Organisation . ex:p a sg:PublicBody .")
    values = Graph().parse(data=FOCUS + 'ex:s sg:identifier "S-1" . ex:o a sg:Service .')
    graphs = {"urn:test:one": one, "urn:test:two": two, "urn:test:values": values}
    store = store_of({**graphs, MODEL_GRAPH: model})

    def run(focus_graph: str | None) -> list[Violation]:
        return validate_store(store, checks["records"], focus_graph)

    everything, only_one, only_two = run(None), run("urn:test:one"), run("urn:test:two")
    ex = "https://example.org/id/"
    assert {v.focus for v in only_one} == {ex + "s"}
    assert {v.focus for v in only_two} == {ex + "o", ex + "p"}
    assert {v.focus for v in everything} == {ex + "s", ex + "o", ex + "p"}
    assert not any(v.source_shape == str(SG.IdentifierProperty) for v in only_one)
    service_shape = [v for v in everything if v.source_shape.startswith(f"<{SG.ServiceShape}>")]
    assert {v.focus for v in service_shape} == {ex + "s", ex + "o"}
    assert not set(service_shape) & set(only_two)
    typed_as_service = run("urn:test:values")
    assert {v.focus for v in typed_as_service} == {ex + "o"}
    assert set(service_shape) - set(only_one) <= set(typed_as_service) <= set(everything)
    assert set(only_one) | set(only_two) | set(typed_as_service) == set(everything)
    assert run(MODEL_GRAPH) == []


SHAPES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""
TARGET, PROPERTY = "ex:S sh:targetClass ex:C ; ", "sh:property [ sh:path ex:p ; "
SPARQL = 'sh:sparql [ sh:select "SELECT {} WHERE {{ {} }}" ] .'
UNSUPPORTED = {
    "max-length": (TARGET + PROPERTY + "sh:maxLength 3 ] .", "sh:maxLength"),
    "closed": (TARGET + "sh:closed true .", "sh:closed"),
    "target-node": ("ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:class ex:C .", "sh:targetNode"),
    "severity": (TARGET + "sh:severity sh:Warning ; sh:class ex:C .", "sh:severity"),
    "untargeted": ("ex:S a sh:NodeShape ; sh:nodeKind sh:IRI .", "sh:nodeKind"),
    "sequence-path": (
        TARGET + "sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .",
        "sh:path",
    ),
    "inverse-path": (
        TARGET + "sh:property [ sh:path [ sh:inversePath ex:p ] ] .",
        "sh:inversePath",
    ),
    "count-not-integer": (TARGET + PROPERTY + 'sh:minCount "x" ] .', "sh:minCount"),
    "bad-regex": (TARGET + PROPERTY + 'sh:pattern "(" ] .', "sh:pattern"),
    "implicit-target": (
        "ex:S a rdfs:Class, sh:NodeShape ; " + PROPERTY + "sh:minCount 1 ] .",
        "implicit",
    ),
    "sparql-minus": (TARGET + SPARQL.format("$this", "$this ex:p ?x MINUS { ?x ex:q 1 }"), "MINUS"),
    "sparql-without-this": (TARGET + SPARQL.format("?x", "?x ex:p 1"), "$this"),
    "sparql-nested": (
        TARGET + "sh:node ex:T . ex:T " + SPARQL.format("$this", "$this ex:p 1"),
        "nested",
    ),
    "recursive": (TARGET + "sh:node ex:S .", "recursive"),
}


@pytest.mark.parametrize("name", UNSUPPORTED)
def test_unsupported_shacl_raises_at_compile_time_naming_the_shape(name):
    turtle, constraint = UNSUPPORTED[name]
    with pytest.raises(UnsupportedShape) as error:
        compile_shapes(Graph().parse(data=SHAPES + turtle))
    assert "https://example.org/S" in str(error.value)
    assert constraint in str(error.value)


def test_messages_prefer_english_and_blank_node_shapes_have_stable_names(checks):
    messages = {(c.source_shape, c.constraint): c.message for c in checks["all"]}
    funding = messages[(str(SG.FundingShape), "OrConstraintComponent")]
    assert funding.startswith("a funding needs a funded service or a recipient")
    tie_from = f"<{SG.CollaborationTieShape}> property <{SG.tieFrom}> [sh:disjoint <{SG.tieTo}>]"
    disjoint = messages[(tie_from, "DisjointConstraintComponent")]
    assert disjoint == "a tie joins two different organisations"
    provider = messages[
        (f"<{SG.ServiceShape}> property <{SG.provider}>", "ClassConstraintComponent")
    ]
    assert provider == f"<{SG.provider}>: value is not an instance of <{SG.Organisation}>"


def run_alone(store: pyoxigraph.Store, checks: list[CompiledCheck], focus_graph=None):
    """Each check's own SELECT, unbatched: what `validate_store` must give, in its order."""
    found = set()
    for check in checks:
        rows = store.query(check.query(focus_graph), use_default_graph_as_union=True)
        found.update(check.violations(rows))
    return sorted(found, key=lambda v: (v.focus, v.source_shape, v.constraint, str(v)))


def assert_batched_as_alone(data: Graph, context: Graph, compiled: list[CompiledCheck]) -> bool:
    """Batching is only faster: violations, values, paths and messages are all the same."""
    store = store_of({EXAMPLE_GRAPH: data, MODEL_GRAPH: context})
    for focus_graph in (EXAMPLE_GRAPH, None):
        alone = run_alone(store, compiled, focus_graph)
        assert validate_store(store, compiled, focus_graph) == alone
    return bool(alone)


@pytest.mark.parametrize("example", VALID + INVALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_batched_checks_give_what_each_check_gives_alone(example, ontology, model, checks):
    data = Graph().parse(example, format="turtle")
    context = ontology if named_shapes(example) & VOCABULARY_SHAPES else model
    assert assert_batched_as_alone(data, context, checks["all"]) == (
        example.parent.name == "invalid"
    )


EDGE_CASES = {
    **{name: (example, extra) for name, (example, extra, _) in VARIANTS.items()},
    "dates-incomparable": (SERVICE, S + 'sg:endDate "2026-12-31T00:00:00"^^xsd:dateTime .'),
    "places-negative": (SERVICE, S + 'sg:places "-5"^^xsd:integer .'),
    "second-provider": (SERVICE, S + "sg:provider organisation:beispielverein2 ."),
}


@pytest.mark.parametrize("name", EDGE_CASES)
def test_batched_checks_agree_on_edge_cases(name, ontology, model, checks):
    """Ill-typed, incomparable and extra values: conditions that err count as in FILTER."""
    example, extra = EDGE_CASES[name]
    data = Graph().parse(data=example.read_text(encoding="utf-8") + PREFIXES + extra)
    context = ontology if example == SCHEME else model
    conforms = VARIANTS[name][2] if name in VARIANTS else False
    assert assert_batched_as_alone(data, context, checks["all"]) == (not conforms)


def test_batches_split_big_masks_and_many_paths_without_changing_results():
    """70 checks of one path exceed a 62-bit mask; 45 paths exceed the nesting per batch."""
    many = ", ".join(f"[ sh:path ex:p ; sh:minLength {n} ]" for n in range(1, 71))
    counted = ", ".join(
        f"[ sh:path ex:q{n} ; sh:maxCount {n % 3} ; sh:datatype xsd:string ]" for n in range(45)
    )
    turtle = f"""{SHAPES} @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        {TARGET} sh:property [ sh:path ex:r ; sh:minCount 1 ], {many}, {counted} ."""
    compiled = compile_shapes(Graph().parse(data=turtle))
    values = {n: ", ".join(map(str, range(n % 4))) for n in range(45) if n % 4}  # integers
    data = " ".join(f"ex:q{n} {listed} ;" for n, listed in values.items())
    instances = Graph().parse(
        data=f"""@prefix ex: <https://example.org/> .
        ex:a a ex:C ; ex:p "short", "a much longer value than most" ; {data} ex:r 1 .
        ex:b a ex:C ; ex:p "x" ."""
    )
    store = store_of({EXAMPLE_GRAPH: instances})
    batches = batch_checks(compiled)
    assert all(isinstance(b, CheckBatch) for b in batches)
    assert sorted(len(b.paths) for b in batches) == [1, 1, 6, 40]  # ex:r; ex:p again; ex:q*
    assert sorted(sum(map(len, b.checks)) for b in batches) == [1, 8, 2 * 6, 62 + 2 * 39]
    found = validate_store(store, compiled, EXAMPLE_GRAPH)
    assert found == run_alone(store, compiled, EXAMPLE_GRAPH)
    components = {v.constraint.removesuffix("ConstraintComponent") for v in found}
    assert components == {"MinCount", "MinLength", "MaxCount", "Datatype"}
    too_many = {v.path.removeprefix("https://example.org/") for v in found if "Max" in v.constraint}
    assert too_many == {f"q{n}" for n in range(45) if n % 4 > n % 3}


def test_hit_masks_count_an_erring_condition_as_not_violated():
    """As FILTER drops a solution whose condition errs, its bit stays 0; the others count."""
    erring = '<http://www.w3.org/2001/XMLSchema#integer>("x") > 0'
    masks = {"<urn:p>": sq.hit_mask(["true", erring, "1 > 0"]), "<urn:q>": sq.hit_mask(["true"])}
    mask = sq.mask_by_path("?p", masks)
    query = f"SELECT ?m WHERE {{ VALUES ?p {{ <urn:p> <urn:q> <urn:r> }} BIND({mask} AS ?m) }}"
    rows = pyoxigraph.Store().query(query)
    assert [int(row["m"].value) for row in rows] == [0b101, 0b1, 0]
    with pytest.raises(ValueError, match="at most"):
        sq.hit_mask(["true"] * (sq.MASK_BITS + 1))
