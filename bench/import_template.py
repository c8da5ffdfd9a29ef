"""Benchmark: importing the planners' template (CSV, XLSX) against a raw pyoxigraph bulk_load.

Target (the issue): at 100k services the CSV import, validation included, within 4x the raw
bulk_load of the same triples as N-Triples, with peak memory under 2 GiB. Every step runs in
its own child process (wall time incl. Python start-up, max RSS of that process). The
generated template is cached in the work folder and reused; generating it is not timed.
Run from the repository root: `python -m bench.import_template [--sizes 10000,100000] [--json]`.
"""

import argparse
import hashlib
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pyoxigraph
from sozialgraph.graph.template import spec

from bench import generate
from bench.import_rdf import RAW_LOAD, RSS_METHOD, Step, cli, machine, parse_sizes, run_child

TARGET, MEMORY_MIB = 4.0, 2048
IMPORT, VALIDATE = "sozialgraph import CSV", "sozialgraph validate CSV"
RAW, XLSX = "raw bulk_load N-Triples", "sozialgraph import XLSX"
WORK = Path(tempfile.gettempdir()) / "sozialgraph-bench-template"


def template(size: int, xlsx: bool = False) -> Path:
    """The cached CSV folder (or workbook) for `size` services; generated on first use."""
    sources = [Path(spec.__file__), *sorted(Path(generate.__file__).parent.glob("generator/*.py"))]
    code = b"".join(path.read_bytes() for path in sources)
    key = f"{size}-seed1-{hashlib.sha256(code).hexdigest()[:10]}"
    folder, book = WORK / f"template-{key}", WORK / f"template-{key}.xlsx"
    target = book if xlsx else folder
    done = target.with_name(target.name + ".done")
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"generating {size:,} services{' as XLSX' if xlsx else ''} …", file=sys.stderr)
        generate.generate_template(folder, size, seed=1, xlsx=book if xlsx else None)
        done.touch()
        if xlsx:  # the same CSV bytes were written again
            folder.with_name(folder.name + ".done").touch()
    return target


def extract_source(store: Path, output: Path) -> int:
    """Dump the source graph of a store's current generation as N-Triples; its triple count."""
    db = pyoxigraph.Store.read_only(str((store / "current").resolve()))
    graphs = [g for g in db.named_graphs() if "/graph/source/" in g.value]
    if len(graphs) != 1:
        raise RuntimeError(f"expected one source graph in {store}, found {graphs}")
    db.dump(str(output), pyoxigraph.RdfFormat.N_TRIPLES, from_graph=graphs[0])
    del db
    with open(output, "rb") as lines:
        return sum(1 for _ in lines)


def measure(size: int, repeat: int, xlsx: bool, scratch: Path) -> tuple[int, list[Step]]:
    """Run the steps `repeat` times at one size; the source graph's triple count and the steps."""
    book = template(size, xlsx=True) if xlsx else None  # first: it writes the CSV files too
    folder = template(size)
    steps = {name: Step(size, name) for name in (IMPORT, VALIDATE, RAW, XLSX)}
    nt, triples = scratch / f"source-{size}.nt", 0

    def record(name: str, command: list[str]) -> str:
        wall, rss, text = run_child(command)
        steps[name].walls.append(wall)
        steps[name].rss_kib.append(rss)
        return text

    for n in range(repeat):
        store, run = scratch / f"import-{size}-{n}", scratch / f"run-{size}-{n}"
        text = record(IMPORT, [cli(), "import", str(folder), "--store", str(store)])
        reported = re.search(r"imported (\d+) triples", text)
        if not reported:
            raise RuntimeError(f"unexpected import output:\n{text}")
        if not nt.exists():
            triples = extract_source(store, nt)
            if triples != int(reported[1]):
                raise RuntimeError(f"dumped {triples} triples, import reported {reported[1]}")
        run.mkdir()
        record(VALIDATE, [cli(), "validate", str(folder), "--store", str(run / "validate")])
        record(RAW, [sys.executable, "-c", RAW_LOAD, str(nt), str(run / "raw")])
        if book:
            record(XLSX, [cli(), "import", str(book), "--store", str(run / "xlsx")])
        shutil.rmtree(store)
        shutil.rmtree(run, ignore_errors=True)
    nt.unlink()
    return triples, [step for step in steps.values() if step.walls]


def report(measured: dict[int, tuple[int, list[Step]]], info: dict[str, object]) -> dict:
    """The results as one JSON-ready dict: rows with ratios to the raw load, verdicts per size."""
    rows, verdicts = [], []
    for size, (triples, steps) in measured.items():
        by_name = {s.name: s for s in steps}
        raw = by_name[RAW].wall
        for s in steps:
            rows.append(dict(services=size, triples=triples, step=s.name, runs=len(s.walls),
                             wall_s=s.wall, walls_s=s.walls, triples_per_s=triples / s.wall,
                             max_rss_mib=s.rss_mib, ratio=s.wall / raw))  # fmt: skip
        ours = by_name[IMPORT]
        ratio, rss = ours.wall / raw, max(ours.rss_kib) / 1024
        passed = ratio <= TARGET and rss < MEMORY_MIB
        verdicts.append({"services": size, "ratio": ratio, "max_rss_mib": rss, "pass": passed})
    return dict(machine=info, rss_method=RSS_METHOD, target_ratio=TARGET,
                target_rss_mib=MEMORY_MIB, results=rows, verdicts=verdicts)  # fmt: skip


def print_table(result: dict) -> None:
    """Plain-text table, side by side, then the verdicts."""
    info = result["machine"]
    print(
        f"machine: {info['cores']} cores, nproc {info['nproc']}, {info['platform']}, "
        f"Python {info['python']}, pyoxigraph {info['pyoxigraph']}"
    )
    print("times are wall-clock medians of child processes (incl. Python start-up) and noisy")
    print(f"memory: {result['rss_method']}")
    print("raw bulk_load: the source graph our import wrote, as N-Triples, into the default graph")
    print(
        f"\n{'services':>9} {'triples':>10}  {'step':<24} {'runs':>4} {'wall s':>8} "
        f"{'triples/s':>10} {'max RSS MiB':>11} {'vs raw':>7}"
    )
    for r in result["results"]:
        print(
            f"{r['services']:>9,} {r['triples']:>10,}  {r['step']:<24} {r['runs']:>4} "
            f"{r['wall_s']:>8.2f} {r['triples_per_s']:>10,.0f} {r['max_rss_mib']:>11.1f} "
            f"{r['ratio']:>6.2f}x"
        )
    print(
        f"\ntarget: CSV import (validation included) within {TARGET:g}x of the raw load "
        f"and peak RSS under {MEMORY_MIB} MiB (2 GiB); XLSX is reported, not judged"
    )
    for v in result["verdicts"]:
        verdict = "PASS" if v["pass"] else "FALL SHORT"
        print(
            f"{v['services']:>9,} services  {verdict}: {v['ratio']:.2f}x the raw bulk_load "
            f"(target ≤ {TARGET:g}x), peak RSS {v['max_rss_mib']:.0f} MiB "
            f"(target < {MEMORY_MIB})"
        )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table (or JSON)."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.import_template",
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
        "--xlsx-sizes",
        type=lambda text: parse_sizes(text) if text.strip().lower() != "none" else [],
        default=[10_000],
        help="of those sizes, which also import as XLSX, or 'none' (default: 10000)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per step (default: 1)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if missing := set(args.xlsx_sizes) - set(args.sizes):
        parser.error(f"--xlsx-sizes must be among --sizes: {sorted(missing)}")
    WORK.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="run-", dir=WORK) as scratch:
        measured = {
            size: measure(size, args.repeat, size in args.xlsx_sizes, Path(scratch))
            for size in args.sizes
        }
    result = report(measured, machine())
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
