"""All checks of the model in one place, for `sozialgraph ontology check` and the tests."""

from collections.abc import Callable
from dataclasses import dataclass, field

from pyshacl import validate
from rdflib import Graph
from sozialgraph.ontology.files import load_model, load_shapes, load_vocabularies
from sozialgraph.ontology.lint import lint
from sozialgraph.ontology.reasoning import check_consistency


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: its name, whether it passed, and what it found."""

    name: str
    passed: bool
    findings: list[str] = field(default_factory=list)


def check_lint(model: Graph) -> CheckResult:
    """Labels and definitions in German and English, unique concept labels, no dangling IRIs."""
    findings = [str(finding) for finding in lint(model)]
    return CheckResult("lint", not findings, findings)


def check_shapes_against_shacl_shacl(shapes: Graph) -> CheckResult:
    """The shapes are well-formed SHACL (validated against SHACL-SHACL)."""
    conforms, _, text = validate(shapes, shacl_graph=shapes, meta_shacl=True)
    return CheckResult("shapes are valid SHACL", conforms, [] if conforms else [text])


def check_vocabularies_against_shapes(vocabularies: Graph, shapes: Graph) -> CheckResult:
    """Every concept scheme and concept passes the vocabulary shapes."""
    conforms, _, text = validate(vocabularies, shacl_graph=shapes, advanced=True)
    return CheckResult("vocabularies conform to the shapes", conforms, [] if conforms else [text])


def check_reasoner(model: Graph) -> CheckResult:
    """HermiT finds ontology and vocabularies consistent, with no unsatisfiable class."""
    report = check_consistency(model)
    findings = ([report.message] if report.message else []) + [
        f"unsatisfiable class <{iri}>" for iri in report.unsatisfiable_classes
    ]
    if not report.consistent:
        findings.insert(0, "the model is inconsistent")
    return CheckResult("consistent under OWL 2 DL (HermiT)", report.ok, findings)


def run_checks(with_reasoner: bool = True) -> list[CheckResult]:
    """Run every check of the shipped model, the reasoner last since it needs Java."""
    model, shapes, vocabularies = load_model(), load_shapes(), load_vocabularies()
    checks: list[Callable[[], CheckResult]] = [
        lambda: check_lint(model),
        lambda: check_shapes_against_shacl_shacl(shapes),
        lambda: check_vocabularies_against_shapes(vocabularies, shapes),
    ]
    if with_reasoner:
        checks.append(lambda: check_reasoner(model))
    return [check() for check in checks]
