"""Every SHACL shape has valid and invalid examples; each invalid one says why it must fail."""

import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from sozialgraph.ontology.files import VOCABULARY_SHAPES, load_ontology
from sozialgraph.ontology.namespaces import SG

EXAMPLES = Path(__file__).parent / "examples"
VALID = sorted((EXAMPLES / "valid").glob("*.ttl"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.ttl"))
HEADER = re.compile(r"^#\s*(shape|why):\s*(.+?)\s*$", re.MULTILINE)


def header(path: Path) -> dict[str, list[str]]:
    """The `# shape:` and `# why:` lines at the top of an example file."""
    fields: dict[str, list[str]] = {"shape": [], "why": []}
    for key, value in HEADER.findall(path.read_text(encoding="utf-8")):
        fields[key].append(value)
    return fields


def shape_iri(name: str) -> URIRef:
    return SG[name.removeprefix("sg:")]


def targeted_shapes(shapes: Graph) -> set[URIRef]:
    return {
        s for s in shapes.subjects(RDF.type, SH.NodeShape) if (s, SH.targetClass, None) in shapes
    }


def constraint_shapes(shapes: Graph, node_shape: URIRef) -> set:
    """The node shape and every shape it reaches via sh:property, sh:node, sh:or."""
    seen, todo = set(), [node_shape]
    while todo:
        shape = todo.pop()
        if shape in seen:
            continue
        seen.add(shape)
        for predicate in (SH.property, SH.node, SH.sparql):
            todo.extend(shapes.objects(shape, predicate))
        for member_list in shapes.objects(shape, SH["or"]):
            todo.extend(shapes.items(member_list))
    return seen


def run(
    example: Path, model: Graph, shapes: Graph, record_shapes: Graph
) -> tuple[bool, Graph, str]:
    """Validate an example together with the model (for classes and concept schemes).

    Examples of records are checked without the vocabulary shapes: the shipped vocabularies
    are validated once in test_vocabularies.py, not again with every example. Examples of
    vocabulary shapes bring their own scheme and are validated with the ontology only.
    """
    data = Graph().parse(example, format="turtle")
    if {shape_iri(name) for name in header(example)["shape"]} & VOCABULARY_SHAPES:
        return validate(data + load_ontology(), shacl_graph=shapes, advanced=True)[:3]
    return validate(data + model, shacl_graph=record_shapes, advanced=True)[:3]


def test_example_sets_are_not_empty():
    assert VALID, "no valid examples: the tests below would pass vacuously"
    assert INVALID, "no invalid examples: the tests below would pass vacuously"


def test_every_targeted_shape_has_valid_and_invalid_examples(shapes):
    covered_valid = {shape_iri(n) for path in VALID for n in header(path)["shape"]}
    covered_invalid = {shape_iri(n) for path in INVALID for n in header(path)["shape"]}
    expected = targeted_shapes(shapes)
    assert expected - covered_valid == set(), "shapes without a valid example"
    assert expected - covered_invalid == set(), "shapes without an invalid example"


@pytest.mark.parametrize("example", VALID, ids=lambda p: p.stem)
def test_valid_example_conforms(example, model, shapes, record_shapes):
    assert header(example)["shape"], f"{example.name} names no '# shape:'"
    conforms, _, report = run(example, model, shapes, record_shapes)
    assert conforms, report


@pytest.mark.parametrize("example", INVALID, ids=lambda p: p.stem)
def test_invalid_example_fails_for_its_reason(example, model, shapes, record_shapes):
    fields = header(example)
    assert len(fields["shape"]) == 1, f"{example.name} must name exactly one '# shape:'"
    assert fields["why"], f"{example.name} must say '# why:' it fails"
    conforms, results, report = run(example, model, shapes, record_shapes)
    assert not conforms, f"{example.name} conforms but must fail: {fields['why'][0]}"
    expected = constraint_shapes(shapes, shape_iri(fields["shape"][0]))
    sources = set(results.objects(None, SH.sourceShape))
    assert sources, report
    assert sources <= expected, f"{example.name} fails for another shape than it says:\n{report}"


def test_sparql_constraints_do_not_depend_on_the_data_graphs_prefixes(model, record_shapes):
    """The cycle checks declare their own prefixes: N-Triples data has none."""
    example = EXAMPLES / "invalid" / "district-part-of-itself.ttl"
    data = Graph(bind_namespaces="none")
    data += Graph().parse(example)
    data += model
    assert "sg" not in dict(data.namespaces())
    conforms, _, report = validate(data, shacl_graph=record_shapes)[:3]
    assert not conforms
    assert "Teil von sich selbst" in report or "part of itself" in report
