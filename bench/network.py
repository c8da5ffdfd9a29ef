"""Every network kind and every measure on the generated 10k- and 100k-service stores,
each beside a baseline measured in the same run.

Building a network (SPARQL fetch, graph construction, labels) is set against networkx
constructing the very same graph from its node and edge lists in memory, and its SPARQL
share is shown. Each measure, as our analysis computes it, is set against networkx's own
function on the same graph where networkx has one (exact betweenness for the sampled
one, `constraint` and `effective_size` for structural holes, `louvain_communities` on the
graph as built …); brokerage and whom to invite have none. A baseline over `--limit`
seconds is stopped (networkx is pure Python, so SIGALRM interrupts it) and shown as
"> limit". The stores are generated and imported once and reused (bench/queries.py);
networks are taken on 2024-06-30, the generated data's last funding year.

Run from the repository root: `python -m bench.network [--sizes 10000,100000] [--json]`.
"""

import argparse
import json
import signal
import sys
import time
from collections.abc import Callable

import networkx as nx
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import open_store
from sozialgraph.graph.vocabulary import vocabulary_index
from sozialgraph.queries import network_measures, network_sparql
from sozialgraph.queries.network_analysis import Measure, analyse
from sozialgraph.queries.network_graphs import NetworkKind, build, read_filters
from sozialgraph.queries.network_invite import needs

from bench.import_rdf import machine, parse_sizes
from bench.queries import bench_store

AS_OF = "2024-06-30"
LIMIT = 60.0


def _plain(graph: nx.Graph) -> nx.Graph:
    return graph.to_undirected(as_view=True) if graph.is_directed() else graph


#: networkx's own function for a measure, run on the graph as built.
BASELINES: dict[Measure, Callable[[nx.Graph], object]] = {
    Measure.GRAPH: lambda g: (nx.density(g), nx.number_connected_components(_plain(g))),
    Measure.DEGREE: lambda g: dict(g.degree()),
    Measure.BETWEENNESS: nx.betweenness_centrality,
    Measure.EIGENVECTOR: lambda g: nx.eigenvector_centrality(_plain(g), max_iter=1000),
    Measure.STRUCTURAL_HOLES: lambda g: (nx.constraint(g), nx.effective_size(g)),
    Measure.K_CORE: lambda g: nx.core_number(nx.Graph(_plain(g))),
    Measure.CUT_POINTS: lambda g: (list(nx.articulation_points(_plain(g))),
                                   list(nx.bridges(_plain(g)))),
    Measure.COMMUNITIES: lambda g: nx.community.louvain_communities(_plain(g), seed=1),
}  # fmt: skip


class _OverTime(Exception):
    pass


def _alarm(signum, frame) -> None:
    raise _OverTime


def timed(work: Callable[[], object], limit: float) -> float | None:
    """Seconds `work` takes, or None when it is stopped at `limit`."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        work()
        return time.perf_counter() - start
    except _OverTime:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


class _SparqlClock:
    """Adds up the time spent in network_sparql.fetch while it is installed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.original = network_sparql.fetch

    def __enter__(self) -> "_SparqlClock":
        def fetch(*args, **kwargs):
            start = time.perf_counter()
            try:
                return self.original(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start

        network_sparql.fetch = fetch
        return self

    def __exit__(self, *exc) -> None:
        network_sparql.fetch = self.original


def _rebuild(graph: nx.Graph) -> nx.Graph:
    copy = graph.__class__()
    copy.add_nodes_from(graph.nodes(data=True))
    copy.add_edges_from(graph.edges(data=True))
    return copy


def bench_kind(store, kind: NetworkKind, limit: float, progress) -> dict:
    """Build one network and run each measure, with their baselines."""
    filters = read_filters(store, as_of=AS_OF)
    with _SparqlClock() as clock:
        start = time.perf_counter()
        graph = build(store, kind, filters)
        need = needs(store, filters)
        built = time.perf_counter() - start
    row = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
           "build": built, "sparql": clock.seconds,
           "build_baseline": timed(lambda: _rebuild(graph), limit), "measures": {}}  # fmt: skip
    for measure in Measure:
        report = analyse(graph, [measure], need=need)
        baseline = BASELINES.get(measure)
        row["measures"][str(measure)] = {
            "seconds": report.seconds[str(measure)],
            "baseline": timed(lambda b=baseline: b(graph), limit) if baseline else None,
            "has_baseline": baseline is not None,
            "sampled": bool(report.figures.get("betweenness_sampled")),
        }
        progress(f"{kind} {measure}: {report.seconds[str(measure)]:.2f} s")
    return row


def _seconds(value: float | None, limit: float) -> str:
    return f"> {limit:g} s" if value is None else f"{value:.2f} s"


def _cell(ours: float, baseline: float | None, has_baseline: bool, limit: float) -> str:
    """Our seconds, and in brackets the networkx baseline and the ratio."""
    if not has_baseline:
        return f"{ours:.2f} s"
    if baseline is None:
        return f"{ours:.2f} s (nx > {limit:g} s, < {ours / limit:.2f}x)"
    ratio = f"{ours / baseline:.2f}x" if baseline > 0 else "-"
    return f"{ours:.2f} s (nx {baseline:.2f} s, {ratio})"


def print_table(report: dict, limit: float) -> None:
    """Per size, one row per step and one column per network: our time (networkx's, ours ÷
    networkx's); a sampled measure is marked *sampled*."""
    for size, kinds in report["sizes"].items():
        names = list(kinds)
        print(f"\n{int(size):,} services (as_of {AS_OF}; networkx's time and the ratio in "
              f"brackets; exact betweenness up to {report['exact_betweenness_limit']:,} "
              f"nodes)\n")  # fmt: skip
        print("| step | " + " | ".join(names) + " |")
        print("|---" * (len(names) + 1) + "|")
        sizes = [f"{kinds[k]['nodes']:,} / {kinds[k]['edges']:,}" for k in names]
        print("| nodes / edges | " + " | ".join(sizes) + " |")
        builds = []
        for k in names:
            row = kinds[k]
            cell = _cell(row["build"], row["build_baseline"], True, limit)
            builds.append(cell.replace("(nx", f"({row['sparql'] / row['build']:.0%} SPARQL; nx"))
        print("| build (nx: from lists) | " + " | ".join(builds) + " |")
        for measure in kinds[names[0]]["measures"]:
            cells = []
            for k in names:
                m = kinds[k]["measures"][measure]
                cell = _cell(m["seconds"], m["baseline"], m["has_baseline"], limit)
                cells.append(f"{cell} *sampled*" if m["sampled"] else cell)
            print(f"| {measure} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.network", description=__doc__)
    parser.add_argument("--sizes", type=parse_sizes, default=[10_000, 100_000])
    parser.add_argument("--kinds", default=",".join(str(k) for k in NetworkKind))
    parser.add_argument("--limit", type=float, default=LIMIT, help="seconds per baseline")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    kinds = [NetworkKind(k) for k in args.kinds.split(",") if k]

    def progress(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    report = {"machine": machine(), "as_of": AS_OF, "limit_seconds": args.limit,
              "exact_betweenness_limit": network_measures.EXACT_BETWEENNESS_LIMIT,
              "betweenness_samples": network_measures.BETWEENNESS_SAMPLES, "sizes": {}}  # fmt: skip
    vocabulary_index()  # read once per process (about a second), not counted in the first kind
    for size in args.sizes:
        store = open_store(Settings(store=str(bench_store(size))), read_only=True)
        try:
            report["sizes"][str(size)] = {
                str(kind): bench_kind(store, kind, args.limit, progress) for kind in kinds
            }
        finally:
            store.close()
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
