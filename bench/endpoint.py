"""The SPARQL endpoint over HTTP: `sozialgraph serve` beside `oxigraph serve-read-only`,
rdflib-endpoint and an empty FastAPI route, side by side in one run on generated stores.

Per server: the median latency of a one-resource lookup (a different service or organisation
IRI per request) and of an aggregate query (services per field of action, a GROUP BY over
the whole data), each with one client; the same two with `--clients` concurrent clients for
requests per second; and the median latency of lookups while a deliberately expensive query
(a three-way cross join) runs on another connection.

Targets (the issue), for `sozialgraph serve` with its default 2 workers: lookups at least
0.5x the empty route's requests per second and at least 3x rdflib-endpoint's (at the rdflib
size); the aggregate at least 0.7x Oxigraph's server in requests per second; a lookup during
a heavy query under 50 ms. Oxigraph reads a copy of the store's current generation (never
the live folder), with the union of all graphs as its default graph, like our endpoint;
rdflib-endpoint runs at the smallest size only (it is slow to load and to query).

Run from the repository root: `python -m bench.endpoint [--sizes 10000,100000] [--json]`.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from bench.endpoint_load import (
    LOOP,
    during_heavy,
    get_request,
    query_target,
    run_clients,
)
from bench.endpoint_servers import (
    EMPTY_PATH,
    Server,
    start_empty,
    start_oxigraph,
    start_rdflib,
    start_sozialgraph,
)
from bench.import_rdf import machine, parse_sizes
from bench.queries import bench_store

WORK = Path(tempfile.gettempdir()) / "sozialgraph-bench-endpoint"
SG = "https://w3id.org/sozialgraph#"
LOOKUP = "SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}"
AGGREGATE = (
    f"PREFIX sg: <{SG}>\nSELECT ?field (COUNT(?service) AS ?services) "
    "WHERE { ?service sg:fieldOfAction ?field } GROUP BY ?field ORDER BY DESC(?services)"
)
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SAMPLE = 5000
#: Seconds to wait, once the lookups are timed, for the heavy query's answer (ours: a 503).
HEAVY_WAIT = 8.0
OURS, OXIGRAPH, RDFLIB, EMPTY = (
    "sozialgraph serve",
    "oxigraph serve-read-only",
    "rdflib-endpoint",
    "empty FastAPI route",
)
TARGETS = {
    "lookup_vs_empty": 0.5,
    "lookup_vs_rdflib": 3.0,
    "aggregate_vs_oxigraph": 0.7,
    "heavy_lookup_ms": 50.0,
}
CLIENT = (
    f"one Python asyncio client process ({LOOP}, raw HTTP/1.1 keep-alive GETs on 127.0.0.1), "
    "the same for every server; it shares the machine's cores with the server under test"
)


def copy_generation(store: Path, scratch: Path) -> Path:
    """A copy of the store's current generation (a plain Oxigraph database)."""
    target = scratch / "oxigraph"
    print(f"copying {store.name}'s current generation for Oxigraph …", file=sys.stderr)
    shutil.copytree((store / "current").resolve(), target)
    return target


def sample_iris(database: Path, count: int = SAMPLE, seed: int = 1) -> list[str]:
    """Up to `count` service and organisation IRIs of the data, in a seeded random order."""
    db = ox.Store.read_only(str(database))
    query = (
        f"SELECT DISTINCT ?s WHERE {{ {{ ?s a <{SG}Service> }} UNION "
        f"{{ ?s a <{SG}Organisation> }} }}"
    )
    iris = sorted(row["s"].value for row in db.query(query, use_default_graph_as_union=True))
    del db
    return random.Random(seed).sample(iris, min(count, len(iris)))


def dump_nquads(database: Path, scratch: Path) -> Path:
    """The database as N-Quads, for rdflib."""
    target = scratch / "data.nq"
    db = ox.Store.read_only(str(database))
    db.dump(str(target), ox.RdfFormat.N_QUADS)
    del db
    return target


def _rows(server: Server, query: str) -> int:
    """Rows of one answer (a check that the server sees the data), with urllib."""
    url = server.url + query_target(server.path, query)
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=600) as answer:
        return len(json.load(answer)["results"]["bindings"])


def _timed(server: Server, requests: list[bytes], clients: int, seconds: float, **options):
    """One run of the clients, with the server's CPU time per answered request."""
    before = server.cpu_seconds()
    phase = run_clients(server.port, requests, clients, seconds, **options)
    after, summary = server.cpu_seconds(), phase.summary()
    if before is not None and after is not None and phase.ok:
        summary["server_cpu_ms_per_request"] = (after - before) * 1000 / phase.ok
    return summary


def measure(server: Server, iris: list[str], args, heavy: bool = True) -> dict:
    """Every measurement on one running server (the heavy query last)."""
    print(f"  {server.name} (started in {server.started_in:.1f} s) …", file=sys.stderr)
    port, path, seconds, warm = server.port, server.path, args.seconds, min(1.0, args.seconds)
    row: dict = {"server": server.name, "started_in_s": server.started_in}
    if server.path == EMPTY_PATH:
        lookups = [get_request(port, EMPTY_PATH)]
    else:
        row["check_rows"] = {
            "lookup": _rows(server, LOOKUP.format(iri=iris[0])),
            "aggregate": _rows(server, AGGREGATE),
        }
        lookups = [get_request(port, query_target(path, LOOKUP.format(iri=i))) for i in iris]
    run_clients(port, lookups, args.clients, warm)
    row["lookup"] = _timed(server, lookups, 1, seconds)
    row["lookup_load"] = _timed(server, lookups, args.clients, seconds)
    if server.path == EMPTY_PATH:
        return row
    aggregate = [get_request(port, query_target(path, AGGREGATE))]
    run_clients(port, aggregate, 1, warm, grace=args.grace)
    row["aggregate"] = _timed(server, aggregate, 1, seconds, grace=args.grace)
    row["aggregate_load"] = _timed(server, aggregate, args.clients, seconds, grace=args.grace)
    if heavy:
        params = {"timeout": f"{args.heavy_limit:g}"} if server.name.startswith(OURS) else {}
        expensive = get_request(port, query_target(path, HEAVY, **params))
        wait = HEAVY_WAIT if server.name.startswith(OURS) else 0.5  # others: no limit to await
        row["heavy"] = during_heavy(port, expensive, lookups, seconds, wait=wait).summary()
    return row


def _attempt(rows: list[dict], name: str, start, iris: list[str], args, heavy=True) -> None:
    """Start a server, measure it, stop it; a failure is recorded in its row, not raised."""
    try:
        with start() as server:
            try:
                rows.append(measure(server, iris, args, heavy))
            except Exception as error:
                tail = server.log.read_text(errors="replace")[-1500:]
                raise RuntimeError(f"{error!r}; the server's log ends:\n{tail}") from error
    except Exception as error:
        print(f"  {name} FAILED: {error}", file=sys.stderr)
        rows.append({"server": name, "failed": str(error)})


def measure_size(size: int, args, with_rdflib: bool) -> list[dict]:
    """Every server at one size; each is stopped before the next starts."""
    store = bench_store(size)
    rows = []
    WORK.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="run-", dir=WORK) as scratch:
        copy = copy_generation(store, Path(scratch))
        iris = sample_iris(copy)
        print(f"{size:,} services: {len(iris)} lookup IRIs", file=sys.stderr)
        _attempt(rows, EMPTY, start_empty, iris, args)
        for workers in args.workers:
            name = f"{OURS} --workers {workers}"
            _attempt(rows, name, lambda w=workers: start_sozialgraph(store, w), iris, args)
        # No --timeout-s: with it, oxigraph 0.5.13 answers 500 (os error 11) under 8 clients
        # and then aborts; the heavy query runs until the server is stopped.
        _attempt(rows, OXIGRAPH, lambda: start_oxigraph(copy), iris, args)
        if with_rdflib:
            nquads = dump_nquads(copy, Path(scratch))
            print("  loading the data into rdflib …", file=sys.stderr)
            start = lambda: start_rdflib(nquads, limit=args.rdflib_load_limit)  # noqa: E731
            _attempt(rows, RDFLIB, start, iris, args, heavy=False)
    for row in rows:
        row["services"] = size
    return rows


def verdicts(rows: list[dict]) -> list[dict]:
    """Each target per size for every `sozialgraph serve` row it can be judged on."""
    found = []
    by = {(r["services"], r["server"]): r for r in rows if "failed" not in r}
    for row in by.values():
        if not row["server"].startswith(OURS):
            continue
        size, name = row["services"], row["server"]
        rate = row["lookup_load"]["req_per_s"]

        def judge(target: str, value, met: bool, size=size, name=name, **extra) -> None:
            found.append(
                {
                    "services": size,
                    "server": name,
                    "target": target,
                    "limit": TARGETS[target],
                    "value": value,
                    "met": met,
                }
                | extra
            )

        if empty := by.get((size, EMPTY)):
            ratio = rate / empty["lookup_load"]["req_per_s"]
            judge("lookup_vs_empty", ratio, ratio >= TARGETS["lookup_vs_empty"], unit="req/s")
        if slow := by.get((size, RDFLIB)):
            ratio = rate / max(slow["lookup_load"]["req_per_s"], 1e-9)
            latency = slow["lookup"]["median_ms"] / row["lookup"]["median_ms"]
            judge(
                "lookup_vs_rdflib",
                ratio,
                ratio >= TARGETS["lookup_vs_rdflib"],
                unit="req/s",
                latency_ratio=latency,
            )
        if oxigraph := by.get((size, OXIGRAPH)):
            ratio = row["aggregate_load"]["req_per_s"] / oxigraph["aggregate_load"]["req_per_s"]
            latency = oxigraph["aggregate"]["median_ms"] / row["aggregate"]["median_ms"]
            judge(
                "aggregate_vs_oxigraph",
                ratio,
                ratio >= TARGETS["aggregate_vs_oxigraph"],
                unit="req/s",
                latency_ratio=latency,
            )
        during = row["heavy"]["lookups"]["median_ms"]
        judge(
            "heavy_lookup_ms",
            during,
            during is not None and during < TARGETS["heavy_lookup_ms"],
            unit="ms",
            heavy_running_throughout=row["heavy"]["heavy_running_throughout"],
        )
    return found


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def _cpu(phase: dict) -> str:
    value = phase.get("server_cpu_ms_per_request")
    return "—" if value is None else f"{value:.2f}"


def _rate(phase: dict | None) -> str:
    if phase is None:
        return "—"
    return (
        f"{phase['req_per_s']:,.1f}" if phase["req_per_s"] < 100 else f"{phase['req_per_s']:,.0f}"
    )


def print_table(report: dict) -> None:
    """One markdown table per size, then the targets."""
    info, args = report["machine"], report["settings"]
    print(
        f"machine: {info['cores']} cores, nproc {info['nproc']}, {info['platform']}, "
        f"Python {info['python']}, pyoxigraph {info['pyoxigraph']}"
    )
    code = report["code"]
    print(f"code: {code['commit']}" + (f", changed: {code['changed']}" if code["changed"] else ""))
    print(f"load: {report['client']}")
    print(
        "1-minute load average before and after: "
        f"{info['load_average_before'][0]:.2f}, {info['load_average_after'][0]:.2f}"
    )
    print(
        f"each figure: {args['seconds']:g} s of requests; medians with 1 client, req/s with "
        f"{args['clients']} clients; heavy: {HEAVY}"
    )
    clients = args["clients"]
    for size in sorted({r["services"] for r in report["results"]}):
        print(f"\n{size:,} services\n")
        print(
            f"| server | lookup median ms | lookup req/s ({clients} clients) | aggregate "
            f"median ms | aggregate req/s ({clients} clients) | lookup during heavy query "
            "(median ms) | server CPU ms per lookup |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|")
        for r in (r for r in report["results"] if r["services"] == size):
            if "failed" in r:
                print(f"| {r['server']} | failed: {r['failed'].splitlines()[0]} | | | | | |")
                continue
            heavy = r.get("heavy")
            print(
                f"| {r['server']} | {_ms(r['lookup']['median_ms'])} | {_rate(r['lookup_load'])} "
                f"| {_ms(r.get('aggregate', {}).get('median_ms'))} | "
                f"{_rate(r.get('aggregate_load'))} | "
                f"{_ms(heavy['lookups']['median_ms']) if heavy else '—'} | "
                f"{_cpu(r['lookup_load'])} |"
            )
        errors = {
            r["server"]: n
            for r in report["results"]
            if r["services"] == size and "failed" not in r and (n := _errors(r))
        }
        if errors:
            print(f"\nnon-200 answers or failed requests: {errors}")
        for r in (r for r in report["results"] if r["services"] == size and "heavy" in r):
            heavy = r["heavy"]
            answer = (
                f"answered {heavy['heavy_status']}"
                if heavy["heavy_status"]
                else "unanswered (still running when the server was stopped)"
            )
            during = "ran" if heavy["heavy_running_throughout"] else "did NOT run"
            print(
                f"heavy query on {r['server']}: {during} throughout the lookups; "
                f"{answer} after {heavy['heavy_seconds']:.1f} s"
            )
    print(
        "\ntargets (ratios of req/s; for information, latency ratio = the other server's "
        "median ÷ ours, above 1 when ours answers faster):"
    )
    for v in report["verdicts"]:
        state = "met" if v["met"] else "MISSED"
        extra = f", latency ratio {v['latency_ratio']:.2f}x" if "latency_ratio" in v else ""
        if v["target"] == "heavy_lookup_ms":
            value = f"{_ms(v['value'])} ms (target < {v['limit']:g} ms)"
            if not v["heavy_running_throughout"]:
                value += " — the heavy query ended early"
        else:
            value = f"{v['value']:.2f}x (target ≥ {v['limit']:g}x{extra})"
        print(f"{v['services']:>9,}  {v['server']:<30} {v['target']:<22} {value}  {state}")


def _errors(row: dict) -> int:
    phases = [row[k] for k in ("lookup", "lookup_load", "aggregate", "aggregate_load") if k in row]
    if "heavy" in row:
        phases.append(row["heavy"]["lookups"])
    return sum(p["errors"] for p in phases)


def code_state() -> dict:
    """The commit measured, and any files of the app changed on top of it."""
    root = Path(__file__).resolve().parents[1]

    def git(*words: str) -> str:
        done = subprocess.run(["git", *words], cwd=root, capture_output=True, text=True)
        return done.stdout.rstrip()

    changed = git("status", "--porcelain", "--", "api", "graph", "queries", "ontology")
    return {"commit": git("rev-parse", "--short", "HEAD"), "changed": changed.splitlines()}


def _workers(text: str) -> list[int]:
    found = [int(part) for part in text.split(",") if part.strip()]
    if not found or min(found) < 1:
        raise argparse.ArgumentTypeError("workers must be positive integers, comma-separated")
    return found


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the tables (or JSON)."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.endpoint",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=[10_000, 100_000],
        help="services, comma-separated (default: 10000,100000)",
    )
    parser.add_argument(
        "--seconds", type=float, default=10.0, help="length of each measurement (default: 10)"
    )
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default: 8)")
    parser.add_argument(
        "--workers",
        type=_workers,
        default=[2, 4],
        help="`sozialgraph serve --workers`, one row each (default: 2,4)",
    )
    parser.add_argument("--no-rdflib", action="store_true", help="skip rdflib-endpoint")
    parser.add_argument(
        "--grace",
        type=float,
        default=15.0,
        help="seconds a slow answer may take past a measurement (default: 15)",
    )
    parser.add_argument(
        "--rdflib-load-limit",
        type=float,
        default=900.0,
        help="seconds rdflib may take to load the data (default: 900)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.clients < 1:
        parser.error("--seconds must be positive and --clients at least 1")
    args.heavy_limit = args.seconds + 3  # the heavy query outlives the lookups timed during it
    smallest = min(args.sizes)
    load_before, code = os.getloadavg(), code_state()
    rows = []
    for size in args.sizes:
        rows += measure_size(size, args, with_rdflib=not args.no_rdflib and size == smallest)
    oxigraph = subprocess.run(
        [
            shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or "oxigraph",
            "--version",
        ],
        capture_output=True,
        text=True,
    )
    report = {
        "machine": machine()
        | {
            "oxigraph": oxigraph.stdout.strip(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
        },
        "code": code,
        "client": CLIENT,
        "settings": {
            "seconds": args.seconds,
            "clients": args.clients,
            "workers": args.workers,
            "heavy_limit_s": args.heavy_limit,
            "grace_s": args.grace,
        },
        "queries": {"lookup": LOOKUP, "aggregate": AGGREGATE, "heavy": HEAVY},
        "targets": TARGETS,
        "results": rows,
        "verdicts": verdicts(rows),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
