"""The embedded store: Oxigraph (RocksDB) in a folder, written copy-on-write.

Layout of the store folder::

    current -> generations/000042     the published state (a symlink)
    generations/000042/               an Oxigraph database, never modified once published
    write.lock                        held by the one writing process

A write takes the lock, makes a hard-link backup of the current generation (no copying),
applies its changes there with Oxigraph's fast bulk loader, and publishes by swapping the
`current` symlink atomically. A failed or killed write leaves `current` untouched; its
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
    """Changes applied to a fresh generation, which is published only if all succeed."""

    def __init__(self, store: pyoxigraph.Store) -> None:
        self.store = store

    def drop_graph(self, graph: str) -> None:
        node = pyoxigraph.NamedNode(graph)
        if self.store.contains_named_graph(node):
            self.store.remove_graph(node)

    def load(self, path: Path, syntax: RdfSyntax, graph: str | None) -> None:
        target = None if graph is None else pyoxigraph.NamedNode(graph)
        try:
            if syntax.keeps_graphs and target is not None:
                # A dataset file imported as one source: every quad goes into its graph.
                quads = pyoxigraph.parse(path=path, format=syntax.engine)
                self.store.bulk_extend(
                    pyoxigraph.Quad(q.subject, q.predicate, q.object, target) for q in quads
                )
            else:
                self.store.bulk_load(path=path, format=syntax.engine, to_graph=target)
        except SyntaxError as error:
            raise syntax_error(path, error) from None

    def add(self, quads: Iterable[pyoxigraph.Quad]) -> None:
        self.store.bulk_extend(quads)

    def query(self, sparql: str) -> QueryResult:
        return self.store.query(sparql, use_default_graph_as_union=True)


class EmbeddedStore(GraphStore):
    """An Oxigraph database in a folder, opened read-only for reading."""

    def __init__(self, settings: Settings, read_only: bool = True) -> None:
        super().__init__(settings)
        self.folder = Path(settings.store).expanduser()
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
            target = generations / self._next_name(generations)
            if current is None:
                staged = pyoxigraph.Store(str(target))
            else:
                pyoxigraph.Store.read_only(str(current)).backup(str(target))
                staged = pyoxigraph.Store(str(target))
            stage = EmbeddedStage(staged)
            try:
                yield stage
                staged.flush()
            except BaseException:
                stage.store = staged = None  # closes the database before it is removed
                shutil.rmtree(target, ignore_errors=True)
                raise
            stage.store = staged = None
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
    def _next_name(generations: Path) -> str:
        numbers = [int(p.name) for p in generations.iterdir() if p.name.isdigit()]
        return f"{max(numbers, default=0) + 1:06d}"

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
            with open(file, "rb") as handle:
                os.fsync(handle.fileno())
    _fsync_dir(path)
