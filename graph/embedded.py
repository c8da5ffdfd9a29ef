"""The embedded store: Oxigraph (RocksDB) in a folder, written copy-on-write.

Layout of the store folder::

    current -> generations/000042     the published state (a symlink)
    generations/000042/               an Oxigraph database, never modified once published
    write.lock                        held by the one writing process

A write takes the lock, makes a new generation from the current one (a hard-link backup,
or a copy of the graphs it keeps when it replaces most of the store), applies its changes
there with Oxigraph's fast bulk loader, and publishes by swapping the `current` symlink
atomically. A failed or killed write leaves `current` untouched; its
half-written generation is removed by the next writer. Readers open the current
generation read-only, so they never wait for a writer and a writer never waits for them.
"""

import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph
from sozialgraph.graph.formats import RdfSyntax
from sozialgraph.graph.lock import write_lock
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import (
    GraphStore,
    QueryResult,
    RdfSyntaxError,
    Stage,
    StoreError,
)

CURRENT = "current"
GENERATIONS = "generations"


def _graph_term(graph: str) -> pyoxigraph.NamedNode | pyoxigraph.DefaultGraph:
    return pyoxigraph.DefaultGraph() if graph == "default" else pyoxigraph.NamedNode(graph)


def syntax_error(path: Path, error: SyntaxError) -> RdfSyntaxError:
    """`file:line:column: reason` from an Oxigraph parser error."""
    reason = str(error.msg).split(": ", 1)[-1] if error.msg else "does not parse"
    return RdfSyntaxError(f"{path}:{error.lineno or 0}:{error.offset or 0}: {reason}")


class EmbeddedStage(Stage):
    """Changes applied to a fresh generation, which is published only if all succeed.

    The generation is made on first use, from the graphs dropped so far: when they are
    a large part of the store, the graphs that stay are copied into an empty database
    (Oxigraph removes quads one by one, about five times slower than it copies them);
    otherwise the current generation is backed up by hard links and the graphs removed.
    """

    #: Copy the kept graphs when they are fewer than this many times the dropped quads.
    COPY_FACTOR = 4
    #: Below this size a transactional load beats the bulk loader, which writes new files
    #: on every call (measured: the 21 model files load in 0.08 s instead of 0.2 s).
    SMALL_FILE = 1 << 20

    def __init__(self, current: Path | None, target: Path) -> None:
        self.current, self.target = current, target
        self.dropped: set[str] = set()
        self._store: pyoxigraph.Store | None = None

    @property
    def store(self) -> pyoxigraph.Store:
        if self._store is None:
            self._store = self._make_generation()
        return self._store

    def _make_generation(self) -> pyoxigraph.Store:
        if self.current is None:
            return pyoxigraph.Store(str(self.target))
        source = pyoxigraph.Store.read_only(str(self.current))
        present = [pyoxigraph.NamedNode(g) for g in self.dropped]
        present = [g for g in present if source.contains_named_graph(g)]
        dropped = sum(_graph_size(source, g) for g in present)
        kept = len(source) - dropped
        if dropped and kept < self.COPY_FACTOR * dropped:
            fresh = pyoxigraph.Store(str(self.target))
            for graph in [pyoxigraph.DefaultGraph(), *source.named_graphs()]:
                if graph not in present:
                    fresh.bulk_extend(source.quads_for_pattern(None, None, None, graph))
            return fresh
        source.backup(str(self.target))
        copy = pyoxigraph.Store(str(self.target))
        for graph in present:
            copy.remove_graph(graph)
        return copy

    def drop_graph(self, graph: str) -> None:
        if self._store is None:
            self.dropped.add(graph)
            return
        node = pyoxigraph.NamedNode(graph)
        if self._store.contains_named_graph(node):
            self._store.remove_graph(node)

    def load(self, path: Path, syntax: RdfSyntax, graph: str | None) -> None:
        target = None if graph is None else pyoxigraph.NamedNode(graph)
        try:
            if syntax.keeps_graphs and target is not None:
                # A dataset file imported as one source: every quad goes into its graph.
                quads = pyoxigraph.parse(path=path, format=syntax.engine)
                self.store.bulk_extend(
                    pyoxigraph.Quad(q.subject, q.predicate, q.object, target) for q in quads
                )
            elif path.stat().st_size < self.SMALL_FILE:
                self.store.load(path=path, format=syntax.engine, to_graph=target)
            else:
                self.store.bulk_load(path=path, format=syntax.engine, to_graph=target)
        except SyntaxError as error:
            raise syntax_error(path, error) from None

    def add(self, quads: Iterable[pyoxigraph.Quad]) -> None:
        self.store.bulk_extend(quads)

    def query(self, sparql: str) -> QueryResult:
        return self.store.query(sparql, use_default_graph_as_union=True)

    def engine(self) -> pyoxigraph.Store:
        return self.store

    def finish(self) -> None:
        """Make sure the generation exists and is on disk, then close it."""
        self.store.flush()
        self._store = None

    def discard(self) -> None:
        """Close the generation so that it can be removed."""
        self._store = None


def _graph_size(store: pyoxigraph.Store, graph: pyoxigraph.NamedNode) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
    return int(next(iter(store.query(query)))["n"].value)


class EmbeddedStore(GraphStore):
    """An Oxigraph database in a folder, opened read-only for reading."""

    stages_locally = True

    def __init__(self, settings: Settings, read_only: bool = True) -> None:
        super().__init__(settings)
        self.folder = Path(settings.store).expanduser().resolve()
        self.read_only = read_only
        self._reader: pyoxigraph.Store | None = None
        self._reader_generation: Path | None = None

    @property
    def location(self) -> str:
        return str(self.folder)

    # -- reading ---------------------------------------------------------------------------

    def current_generation(self) -> Path | None:
        """The published generation's folder, or None for a store never written."""
        link = self.folder / CURRENT
        if not link.is_symlink():
            if self.folder.exists() and (self.folder / "CURRENT").exists():
                raise StoreError(
                    f"{self.folder} is a plain Oxigraph database, not a sozialgraph store; "
                    "export it and import the file, or choose another --store folder"
                )
            return None
        return (self.folder / os.readlink(link)).resolve()

    def _open_reader(self) -> pyoxigraph.Store:
        generation = self.current_generation()
        if generation is None:
            self._reader, self._reader_generation = pyoxigraph.Store(), None
        elif generation != self._reader_generation:
            self._reader = pyoxigraph.Store.read_only(str(generation))
            self._reader_generation = generation
        return self._reader

    def _query(self, sparql, default_graphs, named_graphs) -> QueryResult:
        store = self._open_reader()
        if default_graphs is None:
            return store.query(sparql, use_default_graph_as_union=True)
        return store.query(
            sparql,
            default_graph=[_graph_term(g) for g in default_graphs],
            named_graphs=[pyoxigraph.NamedNode(g) for g in named_graphs or []],
        )

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._open_reader().named_graphs())

    def graph_quads(self, graph: str) -> Iterator[pyoxigraph.Quad]:
        return iter(self._open_reader().quads_for_pattern(None, None, None, _graph_term(graph)))

    def close(self) -> None:
        self._reader = self._reader_generation = None

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Stage]:
        if self.read_only:
            raise StoreError("this store was opened for reading only")
        with write_lock(self.folder):
            generations = self.folder / GENERATIONS
            generations.mkdir(parents=True, exist_ok=True)
            current = self.current_generation()
            self._remove_stale(generations, keep={current, self._previous(generations, current)})
            target = generations / _next_name(generations)
            stage = EmbeddedStage(current, target)
            try:
                yield stage
                stage.finish()
            except BaseException:
                stage.discard()
                shutil.rmtree(target, ignore_errors=True)
                raise
            self._publish(target)
            self._remove_stale(generations, keep={target, current})
        self.close()

    def _publish(self, generation: Path) -> None:
        """Point `current` at the generation in one atomic rename."""
        _fsync_tree(generation)
        link = self.folder / CURRENT
        temporary = self.folder / (CURRENT + ".new")
        if temporary.is_symlink():
            temporary.unlink()
        temporary.symlink_to(Path(GENERATIONS) / generation.name)
        os.replace(temporary, link)
        _fsync_dir(self.folder)

    @staticmethod
    def _previous(generations: Path, current: Path | None) -> Path | None:
        if current is None:
            return None
        older = sorted(
            p for p in generations.iterdir() if p.name.isdigit() and p.name < current.name
        )
        return older[-1].resolve() if older else None

    @staticmethod
    def _remove_stale(generations: Path, keep: set[Path | None]) -> None:
        """Remove generations that are neither kept nor published (e.g. a killed write)."""
        for path in generations.iterdir():
            if path.resolve() not in keep:
                shutil.rmtree(path, ignore_errors=True)


#: The highest generation number this process has tried, per generations folder: a failed
#: write's database may still be open somewhere in its traceback, and RocksDB refuses to
#: open a second database at the same path in one process, so numbers are never reused.
_TRIED: dict[Path, int] = {}


def _next_name(generations: Path) -> str:
    numbers = [int(p.name) for p in generations.iterdir() if p.name.isdigit()]
    number = max(max(numbers, default=0), _TRIED.get(generations, 0)) + 1
    _TRIED[generations] = number
    return f"{number:06d}"


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_tree(path: Path) -> None:
    """Make a finished generation durable before it is published."""
    for file in path.iterdir():
        if file.is_file():
            try:
                with open(file, "rb") as handle:
                    os.fsync(handle.fileno())
            except FileNotFoundError:  # gone since it was listed: not part of the database
                continue
    _fsync_dir(path)
