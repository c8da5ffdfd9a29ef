"""Benchmark: `sozialgraph import FILE.nt` against a raw pyoxigraph bulk_load of the same file.

Target (the issue): our atomic RDF import within 2x of the raw load. Each measurement runs
in its own child process, so wall time includes Python start-up and memory is comparable.
Run from the repository root: `python -m bench.import_rdf [--sizes 100000,1000000] [--json]`.
"""

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

import pyoxigraph

TARGET = 2.0
OURS, BASELINE, REIMPORT = "sozialgraph import", "pyoxigraph bulk_load", "re-import (replace)"
RSS_METHOD = "max RSS of each child process from os.wait4() on its pid (ru_maxrss)"
RAW_LOAD = (
    "import sys; from pyoxigraph import RdfFormat, Store; "
    "Store(sys.argv[2]).bulk_load(path=sys.argv[1], format=RdfFormat.N_TRIPLES)"
)
ID, SG = "https://sozialgraph.example/id/", "https://w3id.org/sozialgraph#"
XSD, VOCAB = "http://www.w3.org/2001/XMLSchema#", "https://w3id.org/sozialgraph/vocab/"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SERVICES = ["Familienberatung", "Schuldnerberatung", "Jugendtreff", "Sprachcafé", "Frühe Hilfen"]
PLACES = ["Marburg-Süd", "Richtsberg", "Waldtal", "Ockershausen", "Cappel", "Wehrda"]
BODIES = ["Diakonisches Werk", "Caritasverband", "Arbeiterwohlfahrt", "Verein für Ältere"]
GROUPS = ["familien", "alleinerziehende", "jugendliche", "senioren", "gefluechtete"]
KINDS = ["freier-traeger", "oeffentlicher-traeger", "kirchlicher-traeger", "jobcenter"]


def generate(path: Path, triples: int, seed: int = 20240101) -> None:
    """Write `triples` N-Triples of services and organisations (deterministic for a seed)."""
    rng = random.Random(seed)

    def org_block(i: int) -> list[str]:
        s = f"<{ID}organisation/o{i}>"
        name = f"{rng.choice(BODIES)} {rng.choice(PLACES)} e. V. Nr. {i}"
        kind = f"<{VOCAB}organisation-kinds/{rng.choice(KINDS)}>"
        return [
            f"{s} {TYPE} <{SG}Organisation> .",
            f'{s} <{SG}name> "{name}"@de .',
            f"{s} <{SG}organisationKind> {kind} .",
            f'{s} <{SG}postalCode> "350{i % 100:02d}" .',
        ]

    def service_block(i: int, orgs: int) -> list[str]:
        s = f"<{ID}service/s{i}>"
        what, where = rng.choice(SERVICES), rng.choice(PLACES)
        date = f"{rng.randint(2005, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = f"{what} für Menschen in {where}: Beratung, Begleitung und Unterstützung im Alltag."
        return [
            f"{s} {TYPE} <{SG}Service> .",
            f'{s} <{SG}name> "{what} {where} {i}"@de .',
            f'{s} <{SG}description> "{text}"@de .',
            f"{s} <{SG}provider> <{ID}organisation/o{rng.randrange(max(orgs, 1))}> .",
            f"{s} <{SG}targetGroup> <{VOCAB}target-groups/{rng.choice(GROUPS)}> .",
            f'{s} <{SG}places> "{rng.randint(5, 120)}"^^<{XSD}integer> .',
            f'{s} <{SG}startDate> "{date}"^^<{XSD}date> .',
        ]

    written = orgs = services = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < triples:
            if services % 4 == 0 and orgs <= services // 4:
                block, orgs = org_block(orgs), orgs + 1
            else:
                block, services = service_block(services, orgs), services + 1
            block = block[: triples - written]
            out.write("\n".join(block) + "\n")
            written += len(block)


@dataclass
class Step:
    """Repeated runs of one step at one size."""

    size: int
    name: str
    walls: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return median(self.walls)

    @property
    def rss_mib(self) -> float:
        return median(self.rss_kib) / 1024


def run_child(command: list[str]) -> tuple[float, int, str]:
    """Run a command; return its wall time, its max RSS in KiB and its output. Exit ≠ 0 raises."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode(errors="replace")
    if child.returncode:
        raise RuntimeError(f"{' '.join(command)} exited {child.returncode}:\n{text}")
    rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return wall, rss, text


def cli() -> str:
    """The installed `sozialgraph` console script next to this Python."""
    found = shutil.which("sozialgraph", path=os.path.dirname(sys.executable))
    if not found:
        sys.exit("the sozialgraph console script is not installed next to this Python")
    return found


def measure(size: int, repeat: int, work: Path, reimport: bool) -> list[Step]:
    """Generate the file, then run ours, the baseline and the re-import `repeat` times."""
    source = work / f"bench-{size}.nt"
    generate(source, size)
    steps = {name: Step(size, name) for name in (OURS, BASELINE, REIMPORT)}

    def record(name: str, command: list[str]) -> str:
        wall, rss, text = run_child(command)
        steps[name].walls.append(wall)
        steps[name].rss_kib.append(rss)
        return text

    for number in range(repeat):
        ours, raw = work / f"store-{size}-{number}", work / f"raw-{size}-{number}"
        record(BASELINE, [sys.executable, "-c", RAW_LOAD, str(source), str(raw)])
        text = record(OURS, [cli(), "import", str(source), "--store", str(ours)])
        if f"imported {size} triples" not in text:
            raise RuntimeError(f"unexpected import output:\n{text}")
        if reimport:
            record(REIMPORT, [cli(), "import", str(source), "--store", str(ours)])
        shutil.rmtree(ours)
        shutil.rmtree(raw)
    source.unlink()
    return [step for step in steps.values() if step.walls]


def startup(repeat: int = 3) -> dict[str, float]:
    """Median wall time of starting each child without loading anything."""
    commands = {
        "sozialgraph --version": [cli(), "--version"],
        "python -c 'import pyoxigraph'": [sys.executable, "-c", "import pyoxigraph"],
    }
    return {
        name: median(run_child(command)[0] for _ in range(repeat))
        for name, command in commands.items()
    }


def machine() -> dict[str, object]:
    """What the numbers were measured on."""
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cores": os.cpu_count(),
        "nproc": nproc,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
    }


def report(steps: list[Step], starts: dict[str, float], info: dict[str, object]) -> dict:
    """The results as one JSON-ready dict, with ratios ours/baseline and the verdict per size."""
    base = {s.size: s for s in steps if s.name == BASELINE}
    ours_start, raw_start = starts.values()
    rows, verdicts = [], []
    for s in steps:
        b = base[s.size]
        rows.append(dict(size=s.size, step=s.name, runs=len(s.walls), wall_s=s.wall,
                         walls_s=s.walls, triples_per_s=s.size / s.wall, max_rss_mib=s.rss_mib,
                         time_ratio=s.wall / b.wall, rss_ratio=s.rss_mib / b.rss_mib))  # fmt: skip
        if s.name == OURS:
            ratio = s.wall / b.wall
            net = (s.wall - ours_start) / max(b.wall - raw_start, 1e-9)
            verdicts.append({"size": s.size, "ratio": ratio, "pass": ratio <= TARGET, "net": net})
    return dict(machine=info, rss_method=RSS_METHOD, startup_s=starts, target_ratio=TARGET,
                results=rows, verdicts=verdicts)  # fmt: skip


def print_table(result: dict) -> None:
    """Plain-text table, side by side, then the verdicts."""
    info = result["machine"]
    print(
        f"machine: {info['cores']} cores, nproc {info['nproc']}, {info['platform']}, "
        f"Python {info['python']}, pyoxigraph {info['pyoxigraph']}"
    )
    print("times are wall-clock medians of child processes (incl. Python start-up) and noisy")
    print(f"memory: {result['rss_method']}")
    for name, seconds in result["startup_s"].items():
        print(f"start-up: {name:<30} {seconds:6.3f} s")
    print(
        f"\n{'triples':>9}  {'step':<21} {'runs':>4} {'wall s':>8} {'triples/s':>10} "
        f"{'max RSS MiB':>11} {'time x':>7} {'RSS x':>6}"
    )
    for r in result["results"]:
        print(
            f"{r['size']:>9,}  {r['step']:<21} {r['runs']:>4} {r['wall_s']:>8.3f} "
            f"{r['triples_per_s']:>10,.0f} {r['max_rss_mib']:>11.1f} "
            f"{r['time_ratio']:>6.2f}x {r['rss_ratio']:>5.2f}x"
        )
    print(f"\ntarget: our atomic RDF import within {TARGET:g}x of the raw load (wall time)")
    for v in result["verdicts"]:
        verdict = "PASS" if v["pass"] else "FALL SHORT"
        print(
            f"{v['size']:>9,}  {verdict}: {v['ratio']:.2f}x the raw bulk_load "
            f"({v['net']:.2f}x with both start-up times subtracted)"
        )


def parse_sizes(text: str) -> list[int]:
    """`100000,1000000` → [100000, 1000000]."""
    sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive integers, comma-separated")
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table (or JSON)."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.import_rdf",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=[100_000, 1_000_000],
        help="triples per file, comma-separated (default: 100000,1000000)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=None,
        help="runs per step (default: 3 up to 100000 triples, else 1)",
    )
    parser.add_argument(
        "--no-reimport",
        action="store_true",
        help="skip re-importing the file into the filled store",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    steps: list[Step] = []
    with tempfile.TemporaryDirectory(prefix="sozialgraph-bench-") as work:
        for size in args.sizes:
            repeat = args.repeat or (3 if size <= 100_000 else 1)
            steps += measure(size, repeat, Path(work), reimport=not args.no_reimport)
    result = report(steps, startup(), machine())
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
