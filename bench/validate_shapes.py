"""Benchmark: SHACL validation compiled to SPARQL on Oxigraph against pyshacl on rdflib.

Builds N synthetic services and N/4 organisations (about 2% of each invalid in one of
several ways), loads them next to the model, and times `validate_store` (compiled once,
compile time listed separately) and pyshacl over the same shapes: the record shapes, as in
tests/ontology/test_shapes.py. pyshacl runs only up to --pyshacl-max services.
Run from the repository root: `python -m bench.validate_shapes [--sizes 1000,100000]`.
"""

import argparse
import random
import sys
import time
from collections.abc import Callable

import pyoxigraph
from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import SH
from sozialgraph.graph.model import model_graph_files
from sozialgraph.graph.shacl_compiled import compile_shapes, describe_shape, validate_store
from sozialgraph.ontology.files import load_model, load_shapes
from sozialgraph.ontology.namespaces import SG

DATA_GRAPH = "https://sozialgraph.example/graph/source/bench"
ID, VOCAB = "https://sozialgraph.example/id/", "https://w3id.org/sozialgraph/vocab/"
XSD = "http://www.w3.org/2001/XMLSchema#"
GROUPS = ["families", "single-parents", "older-people", "refugees"]
FIELDS = ["family-support", "early-help", "youth-work", "family-counselling"]
KINDS = ["non-profit", "public-body"]
INVALID_EVERY = 50


def _triple(subject: str, predicate: str, obj: str) -> str:
    return f"<{ID}{subject}> <{SG}{predicate}> {obj} ."


def _organisation(i: int, rng: random.Random) -> list[str]:
    s = f"organisation/o{i}"
    kind = f"<{VOCAB}organisation-kinds/{rng.choice(KINDS)}>"
    lines = [
        f"<{ID}{s}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SG}Organisation> .",
        _triple(s, "identifier", f'"ORG-{i}"'),
        _triple(s, "name", f'"Träger {i} e. V."'),
        _triple(s, "organisationKind", kind),
        _triple(s, "website", f'"https://traeger-{i}.example"^^<{XSD}anyURI>'),
    ]
    if i % INVALID_EVERY == 7:
        lines.pop(3)  # no kind: sh:minCount
    return lines


def _service(i: int, orgs: int, rng: random.Random) -> list[str]:
    s = f"service/s{i}"
    low, high = sorted(rng.sample(range(0, 99), 2))
    lines = [
        f"<{ID}{s}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SG}Service> .",
        _triple(s, "identifier", f'"ANG-{i}"'),
        _triple(s, "name", f'"Angebot {i}"'),
        _triple(s, "description", f'"Beratung und Begleitung, Angebot {i}."@de'),
        _triple(s, "provider", f"<{ID}organisation/o{rng.randrange(orgs)}>"),
        _triple(s, "targetGroup", f"<{VOCAB}target-groups/{rng.choice(GROUPS)}>"),
        _triple(s, "fieldOfAction", f"<{VOCAB}fields-of-action/{rng.choice(FIELDS)}>"),
        _triple(s, "email", f'"angebot-{i}@traeger.example"'),
        _triple(s, "startDate", f'"20{rng.randint(10, 24)}-01-01"^^<{XSD}date>'),
        _triple(s, "minimumAge", f'"{low}"^^<{XSD}integer>'),
        _triple(s, "maximumAge", f'"{high}"^^<{XSD}integer>'),
    ]
    broken = {
        1: lambda: lines.pop(4),  # no provider
        2: lambda: lines.__setitem__(7, _triple(s, "email", '"angebot at traeger"')),
        3: lambda: lines.__setitem__(5, _triple(s, "targetGroup", f"<{VOCAB}tie-kinds/x>")),
        4: lambda: lines.append(_triple(s, "endDate", f'"2001-01-01"^^<{XSD}date>')),
    }
    broken.get(i % INVALID_EVERY, lambda: None)()
    return lines


def generate(services: int, seed: int = 20240101) -> str:
    """N-Triples of `services` services and services/4 organisations (deterministic)."""
    rng = random.Random(seed)
    orgs = max(services // 4, 1)
    lines = [line for i in range(orgs) for line in _organisation(i, rng)]
    lines += [line for i in range(services) for line in _service(i, orgs, rng)]
    return "\n".join(lines) + "\n"


def record_shapes() -> Graph:
    """The shapes without those of the vocabularies themselves."""
    shapes = load_shapes()
    kept = Graph() + shapes
    for shape in (SG.ConceptShape, SG.ConceptSchemeShape):
        kept -= shapes.cbd(shape)
    return kept


def timed(work: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def run_compiled(data: str, shapes: Graph) -> tuple[float, float, set]:
    """Compile and validate in a store that holds the model graphs and the data graph."""
    store = pyoxigraph.Store()
    for graph, path in model_graph_files().items():
        store.bulk_load(
            path=path, format=pyoxigraph.RdfFormat.TURTLE, to_graph=pyoxigraph.NamedNode(graph)
        )
    store.bulk_load(
        input=data.encode(),
        format=pyoxigraph.RdfFormat.N_TRIPLES,
        to_graph=pyoxigraph.NamedNode(DATA_GRAPH),
    )
    compile_s, checks = timed(lambda: compile_shapes(shapes))
    validate_s, found = timed(lambda: validate_store(store, checks, focus_graph=DATA_GRAPH))
    return compile_s, validate_s, {(v.focus, v.source_shape, v.constraint) for v in found}


def run_pyshacl(data: str, shapes: Graph) -> tuple[float, set]:
    graph = load_model()
    graph.parse(data=data, format="nt")
    seconds, (_, results, _) = timed(lambda: validate(graph, shacl_graph=shapes, advanced=True)[:3])
    found = {
        (
            str(results.value(r, SH.focusNode)),
            describe_shape(shapes, results.value(r, SH.sourceShape)),
            str(results.value(r, SH.sourceConstraintComponent)).removeprefix(str(SH)),
        )
        for r in results.objects(None, SH.result)
    }
    return seconds, found


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one row per size."""
    parser = argparse.ArgumentParser(prog="python -m bench.validate_shapes", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000", help="services per run")
    parser.add_argument("--pyshacl-max", type=int, default=10_000, help="largest pyshacl run")
    args = parser.parse_args(argv)
    shapes = record_shapes()
    print(f"pyoxigraph {pyoxigraph.__version__}; times are single runs, in seconds")
    print(
        f"{'services':>9} {'triples':>9} {'compile':>8} {'compiled':>9} {'pyshacl':>9} "
        f"{'ratio':>7} {'violations':>10}  agree"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        data = generate(size)
        compile_s, compiled_s, ours = run_compiled(data, shapes)
        pyshacl_s, theirs = run_pyshacl(data, shapes) if size <= args.pyshacl_max else (None, None)
        pyshacl_text = "-" if pyshacl_s is None else f"{pyshacl_s:.3f}"
        ratio = "-" if pyshacl_s is None else f"{pyshacl_s / compiled_s:.1f}x"
        agree = "-" if theirs is None else "yes" if ours == theirs else "NO"
        print(
            f"{size:>9,} {data.count(chr(10)):>9,} {compile_s:>8.3f} {compiled_s:>9.3f} "
            f"{pyshacl_text:>9} {ratio:>7} {len(ours):>10,}  {agree}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
