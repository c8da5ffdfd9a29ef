"""Sources: one import call is one source, replacing its named graph and meta graph at once."""

from collections.abc import Callable
from dataclasses import dataclass
from difflib import get_close_matches

from sozialgraph.graph.model import drop_model, load_model, model_is_current
from sozialgraph.graph.names import meta_graph, source_graph
from sozialgraph.graph.provenance import FileRecord, count_graph, now, provenance_quads
from sozialgraph.graph.store import GraphStore, Stage, StoreError


@dataclass(frozen=True)
class ImportResult:
    """What one import wrote."""

    name: str
    graph: str
    public: bool
    triples: int
    per_class: dict[str, int]


def replace_source(
    store: GraphStore,
    name: str,
    *,
    public: bool,
    files: list[FileRecord],
    fill: Callable[[Stage, str], None],
) -> ImportResult:
    """Replace a source's graph with what `fill` stages into it, with fresh provenance.

    Everything happens in one stage: if `fill` raises, the store is left as it was.
    """
    graph, meta = (
        source_graph(store.settings.base_iri, name),
        meta_graph(store.settings.base_iri, name),
    )
    started = now()
    refresh_model = not model_is_current(store)
    with store.writing() as stage:
        stage.drop_graph(graph)
        stage.drop_graph(meta)
        if refresh_model:
            drop_model(stage)
            load_model(stage)
        fill(stage, graph)
        triples, per_class = count_graph(stage, graph)
        stage.add(
            provenance_quads(
                source_graph=graph,
                meta_graph=meta,
                name=name,
                public=public,
                files=files,
                started=started,
                ended=now(),
                triples=triples,
                per_class=per_class,
            )
        )
    return ImportResult(name, graph, public, triples, per_class)


class UnknownSource(StoreError):
    """No source of that name."""


def remove_source(store: GraphStore, name: str) -> None:
    """Drop a source's graph and meta graph together."""
    known = [source.name for source in store.sources()]
    if name not in known:
        close = get_close_matches(name, known, n=3)
        hint = (
            f"; did you mean {', '.join(close)}?"
            if close
            else f"; sources: {', '.join(known) or 'none'}"
        )
        raise UnknownSource(f"no source named {name!r}{hint}")
    with store.writing() as stage:
        stage.drop_graph(source_graph(store.settings.base_iri, name))
        stage.drop_graph(meta_graph(store.settings.base_iri, name))
