"""What the public endpoint reads: a store holding only public graphs, refreshed after writes.

For an embedded store this is the published generation itself when every graph in it is
public (the usual case: nothing to copy), or else a copy of its public graphs made once per
generation under `{store}/snapshots/`. Worker processes open it read-only, so a query can
see a non-public graph by no means at all: it is not there. For a remote store the public
graphs are listed (and the request's dataset is limited to them), cached for a few seconds.
"""

import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from sozialgraph.graph.embedded import CURRENT, EmbeddedStore
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import open_store

SNAPSHOTS = "snapshots"
#: How long a remote store's list of public graphs is trusted.
REMOTE_TTL = 5.0


@dataclass(frozen=True)
class Snapshot:
    """The public state: a folder to open read-only (None: an empty store), its graphs."""

    location: str | None
    public_graphs: frozenset[str]
    generation: str | None = None


class SnapshotKeeper:
    """Hands out the current public snapshot, rebuilding it when the store has changed."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._link = str(Path(settings.store).expanduser() / CURRENT)  # read on every request
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._checked = 0.0

    def _generation_marker(self) -> str | None:
        try:
            return os.readlink(self._link)
        except OSError:
            return None

    def is_fresh(self) -> bool:
        """Whether the last snapshot still describes the store (cheap: one readlink)."""
        if self._snapshot is None:
            return False
        if self.settings.is_remote:
            return time.monotonic() - self._checked < REMOTE_TTL
        return self._snapshot.generation == self._generation_marker()

    def current(self) -> Snapshot:
        """The snapshot for the store as it is now; blocks while a rebuild runs."""
        if self.is_fresh():
            return self._snapshot
        with self._lock:
            if not self.is_fresh():
                self._snapshot = self._build()
                self._checked = time.monotonic()
            return self._snapshot

    def _build(self) -> Snapshot:
        store = open_store(self.settings, read_only=True)
        try:
            if self.settings.is_remote:
                return Snapshot(None, frozenset(store.public_graphs()))
            assert isinstance(store, EmbeddedStore)
            for _ in range(10):
                # Each read below opens the generation published at that moment; only when
                # the marker is the same before and after did they all see one generation.
                marker = self._generation_marker()
                generation = store.current_generation()
                public = frozenset(store.public_graphs())
                every = set(store.named_graphs())
                if marker == self._generation_marker():
                    break
            else:
                raise RuntimeError("the store changed ten times while its snapshot was made")
            if generation is None:
                return Snapshot(None, public, marker)
            if every <= public:
                return Snapshot(str(generation), public, marker)
            return Snapshot(str(self._copy_public(store, generation, public)), public, marker)
        finally:
            store.close()

    def _copy_public(self, store: EmbeddedStore, generation: Path, public: frozenset) -> Path:
        """A database with the default graph and the public graphs of a generation."""
        folder = store.folder / SNAPSHOTS
        target = folder / f"{generation.name}-public"
        if target.exists():
            return target
        folder.mkdir(exist_ok=True)
        partial = folder / f"{generation.name}-public.partial-{os.getpid()}"
        shutil.rmtree(partial, ignore_errors=True)
        source = ox.Store.read_only(str(generation))
        copy = ox.Store(str(partial))
        for graph in [ox.DefaultGraph(), *(ox.NamedNode(g) for g in sorted(public))]:
            copy.bulk_extend(source.quads_for_pattern(None, None, None, graph))
        copy.flush()
        del copy, source
        try:
            os.replace(partial, target)
        except OSError:  # another server made the same snapshot meanwhile
            shutil.rmtree(partial, ignore_errors=True)
        for old in folder.iterdir():
            if old != target and not old.name.startswith(generation.name):
                shutil.rmtree(old, ignore_errors=True)
        return target
