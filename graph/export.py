"""Export of the public (or all) graphs to a file, and restore of an export into an empty store."""

import os
from collections.abc import Callable
from pathlib import Path

from sozialgraph.graph.formats import syntax_for_path
from sozialgraph.graph.model import drop_model, load_model, model_checksum, stored_checksum
from sozialgraph.graph.store import GraphStore, StoreError, View


class RestoreRefused(StoreError):
    """The file or the store is not fit for a restore."""


def exported_graphs(store: GraphStore, view: View) -> list[str]:
    """The graphs an export of the view contains: the default graph first, then named ones."""
    named = store.public_graphs() if view is View.PUBLIC else store.named_graphs()
    return ["default", *named]


def export(
    store: GraphStore,
    path: Path,
    view: View = View.PUBLIC,
    on_graph: Callable[[str], None] | None = None,
) -> int:
    """Write the view's graphs to `path` in the syntax its suffix names; return the triples.

    .trig and .nq keep the graph names; .ttl, .nt and .jsonld hold the union. The file is
    written beside its final name and renamed, so a failed export leaves no half file.
    """
    syntax = syntax_for_path(path)
    graphs = exported_graphs(store, view)
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with open(temporary, "wb") as out:
            count = store.dump(out, syntax, graphs, on_graph=on_graph)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return count


def restore(store: GraphStore, path: Path) -> list[str]:
    """Bring a TriG or N-Quads export back into an empty store, graph names and all.

    Returns the names of the sources restored.
    """
    syntax = syntax_for_path(path)
    if not syntax.keeps_graphs:
        raise RestoreRefused(
            f"{path}: a restore needs an export that keeps the graphs (.trig or .nq), "
            f"not {syntax.name}; use `sozialgraph import` for single graphs"
        )
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    existing = store.sources()
    if existing:
        raise RestoreRefused(
            f"the store {store.location} already holds sources "
            f"({', '.join(s.name for s in existing)}); restore into an empty store"
        )
    with store.writing() as stage:
        stage.load(path, syntax, None)
        if stored_checksum(stage) != model_checksum():
            drop_model(stage)
            load_model(stage)
    return [source.name for source in store.sources()]
