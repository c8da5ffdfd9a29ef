"""Every canned query on generated stores: embedded Oxigraph at 10k and 100k services, and
the same query text on rdflib's SPARQL engine at 10k, side by side in one run.

Target (the issue): every query under 1 s median at 100k services on the embedded store.
Each figure is the median of `--repeat` runs of the whole runner (binding, query, labels)
on a store opened read-only; rdflib runs the bound query text once per repeat, in a child
process with a time limit (30 s), on the same data loaded into an rdflib Dataset.
Required parameters take the value the generated data uses most (see `sample_params`; a
funder: the organisation named most often as sg:funder).

Run from the repository root: `python -m bench.queries [--sizes 10000,100000] [--json]`.
"""

import argparse
import json
import multiprocessing
import signal
import statistics
import sys
import time
from pathlib import Path

from sozialgraph.graph.export import export
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import GraphStore, View, open_store
from sozialgraph.graph.template.importer import import_spreadsheets
from sozialgraph.ontology.namespaces import SG, VOCAB_BASE
from sozialgraph.queries.binding import CLASS_OF_KIND, bind, substitute
from sozialgraph.queries.catalogue import CannedQuery, ParamType, catalogue
from sozialgraph.queries.runner import run_query

from bench.import_rdf import machine, parse_sizes
from bench.import_template import WORK, template

TARGET_SECONDS = 1.0
SKOS_IN_SCHEME = "http://www.w3.org/2004/02/skos/core#inScheme"
#: Record parameters sampled by the property of the same name (a funder: by sg:funder).
LINKS = {"funder"}
RDFLIB_LIMIT = 30.0


def bench_store(services: int) -> Path:
    """A cached embedded store holding the generated template of `services` services."""
    csv_folder = template(services)
    folder = WORK / f"store-{csv_folder.name}"
    done = folder.with_name(folder.name + ".done")
    if not done.exists():
        print(f"importing {services:,} services …", file=sys.stderr)
        store = open_store(Settings(store=str(folder)), read_only=False)
        import_spreadsheets(store, [csv_folder], source="bench")
        store.close()
        done.touch()
    return folder


def _most_used(store: GraphStore, pattern: str) -> str:
    query = (
        f"SELECT ?value (COUNT(*) AS ?n) WHERE {{ {pattern} }} "
        "GROUP BY ?value ORDER BY DESC(?n) ?value LIMIT 1"
    )
    rows = list(store.query(query, View.FULL))
    return rows[0]["value"].value


def sample_params(store: GraphStore, query: CannedQuery) -> dict[str, list[str]]:
    """Values for the required parameters: the most used concept or record of its kind."""
    given = {}
    for param in query.params:
        if not param.required:
            continue
        if param.type is ParamType.CONCEPT:
            scheme = f"<{VOCAB_BASE}{param.vocabulary}>"
            pattern = f"?record ?p ?value . ?value <{SKOS_IN_SCHEME}> {scheme}"
            given[param.name] = [_most_used(store, pattern)]
        elif param.type is ParamType.RECORD:
            linked_by = f"<{SG[param.name]}>" if param.name in LINKS else "?p"
            pattern = f"?record {linked_by} ?value . ?value a <{CLASS_OF_KIND[param.kind]}>"
            given[param.name] = [_most_used(store, pattern)]
        else:
            raise ValueError(f"{query.name}: no sample for required {param.type} {param.name}")
    return given


def time_queries(folder: Path, repeat: int) -> dict[str, dict]:
    """Median seconds of the runner per canned query, and the bound text for rdflib."""
    store = open_store(Settings(store=str(folder)), read_only=True)
    found = {}
    try:
        for name, query in catalogue().items():
            given = sample_params(store, query)
            seconds = []
            for _ in range(repeat):
                start = time.perf_counter()
                answer = run_query(store, query, given)
                seconds.append(time.perf_counter() - start)
            text = substitute(query.text, bind(store, query, given))
            found[name] = {"median": statistics.median(seconds), "rows": len(answer.rows),
                           "params": given, "text": text}  # fmt: skip
    finally:
        store.close()
    return found


class _OverTime(Exception):
    pass


def _alarm(signum, frame) -> None:
    raise _OverTime


def _rdflib_child(nquads: str, texts: dict[str, str], repeat: int, out) -> None:
    """Parse once, then run each query `repeat` times; one over the limit is stopped by
    SIGALRM (rdflib is pure Python, so the signal interrupts it) and reported as None."""
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    signal.signal(signal.SIGALRM, _alarm)
    for name, text in texts.items():
        seconds = []
        try:
            for _ in range(repeat):
                signal.setitimer(signal.ITIMER_REAL, RDFLIB_LIMIT)
                start = time.perf_counter()
                len(list(dataset.query(text)))
                seconds.append(time.perf_counter() - start)
                signal.setitimer(signal.ITIMER_REAL, 0)
        except _OverTime:
            seconds = []
        out.put((name, statistics.median(seconds) if seconds else None))
    out.put(None)


def time_rdflib(folder: Path, texts: dict[str, str], repeat: int) -> dict[str, float | None]:
    """Median seconds per query on rdflib (None: over the limit), same data, same text,
    in one child process."""
    nquads = folder.with_name(folder.name + ".nq")
    if not nquads.exists():
        store = open_store(Settings(store=str(folder)), read_only=True)
        export(store, nquads, View.FULL)
        store.close()
    results = multiprocessing.Queue()
    child = multiprocessing.Process(
        target=_rdflib_child, args=(str(nquads), texts, repeat, results)
    )
    child.start()
    found: dict[str, float | None] = dict.fromkeys(texts)
    while (item := results.get()) is not None:
        found[item[0]] = item[1]
        print(f"rdflib {item[0]}: {item[1]}", file=sys.stderr, flush=True)
    child.join()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.queries", description=__doc__)
    parser.add_argument("--sizes", type=parse_sizes, default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib baseline")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    timings = {size: time_queries(bench_store(size), args.repeat) for size in args.sizes}
    smallest = min(args.sizes)
    rdflib = {}
    if not args.no_rdflib:
        texts = {name: t["text"] for name, t in timings[smallest].items()}
        rdflib = time_rdflib(bench_store(smallest), texts, max(1, args.repeat // 2))
    report = {"machine": machine(), "target_seconds": TARGET_SECONDS, "queries": {}}
    for name in catalogue():
        row = {f"oxigraph_{size}": timings[size][name]["median"] for size in args.sizes}
        row |= {f"rows_{size}": timings[size][name]["rows"] for size in args.sizes}
        if rdflib:
            row[f"rdflib_{smallest}"] = rdflib.get(name)
        report["queries"][name] = row
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    largest = max(args.sizes)
    head = [f"oxigraph {s:,}" for s in args.sizes] + (
        [f"rdflib {smallest:,}", "rdflib ÷ oxigraph"] if rdflib else []
    )
    print("| query | " + " | ".join(head) + f" | under {TARGET_SECONDS:g} s at {largest:,} |")
    print("|---" * (len(head) + 2) + "|")
    for name, row in report["queries"].items():
        cells = [f"{row[f'oxigraph_{s}']:.3f} s ({row[f'rows_{s}']} rows)" for s in args.sizes]
        if rdflib:
            slow = row[f"rdflib_{smallest}"]
            cells.append(f"{slow:.2f} s" if slow is not None else f"> {RDFLIB_LIMIT:g} s")
            ratio = slow / row[f"oxigraph_{smallest}"] if slow else None
            cells.append(f"{ratio:.0f}x" if ratio else "—")
        met = "yes" if row[f"oxigraph_{largest}"] < TARGET_SECONDS else "**no**"
        print(f"| {name} | " + " | ".join(cells) + f" | {met} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
