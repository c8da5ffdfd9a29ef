"""Commands on the store: import, sources, remove, stats, export, restore."""

import json
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from sozialgraph.api.cli_common import StoreOption, fail, opened, progress_bar
from sozialgraph.graph.export import export, exported_graphs, restore
from sozialgraph.graph.rdf_import import import_rdf
from sozialgraph.graph.sources import ImportResult, remove_source
from sozialgraph.graph.stats import compact, stats
from sozialgraph.graph.store import View


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


Files = Annotated[
    list[Path],
    typer.Argument(
        help="RDF files (.ttl .nt .nq .trig .jsonld .rdf), or the template: a workbook (.xlsx), "
        "a folder of CSV files, or CSV files."
    ),
]


def import_files(
    files: Files,
    source: Annotated[
        str | None, typer.Option(help="Source name (default: the first file's name).")
    ] = None,
    private: Annotated[
        bool, typer.Option("--private", help="Keep the source out of public endpoints and dumps.")
    ] = False,
    store: StoreOption = None,
) -> None:
    """Import files as one source, replacing that source's graph as a whole.

    Exit 0 imported; 1 rejected, every problem on one line (`file:sheet:row:column: value —
    reason` for spreadsheets, `file:line:column: reason` for RDF), nothing written;
    2 usage or system error.
    """
    from sozialgraph.graph.template.importer import import_spreadsheets, is_spreadsheet

    spreadsheets = [is_spreadsheet(path) for path in files]
    if any(spreadsheets) and not all(spreadsheets):
        fail("error: one import is either RDF files or the template's files, not both")
    with opened(store, write=True) as graph_store:
        if all(spreadsheets):
            result = import_spreadsheets(graph_store, files, source=source, public=not private)
        else:
            with progress_bar("importing", len(files)) as step:
                result = import_rdf(
                    graph_store, files, source=source, public=not private, on_file=step
                )
    report_import(result)


def report_import(result: ImportResult) -> None:
    """What an import wrote: triples, source, visibility, and records per class."""
    visibility = "public" if result.public else "private"
    typer.echo(f"imported {result.triples} triples as source '{result.name}' ({visibility})")
    for cls, count in sorted(result.per_class.items(), key=lambda item: (-item[1], item[0])):
        typer.echo(f"  {compact(cls)} {count}")


def sources(
    format: Annotated[OutputFormat, typer.Option(help="text or json")] = OutputFormat.text,
    store: StoreOption = None,
) -> None:
    """List the import sources: name, visibility, triples, import time, files."""
    with opened(store) as graph_store:
        found = graph_store.sources()
    if format is OutputFormat.json:
        typer.echo(json.dumps([asdict(s) for s in found], indent=2, ensure_ascii=False))
        return
    if not found:
        typer.echo("no sources yet: import files with `sozialgraph import FILE…`")
    for s in found:
        visibility = "public" if s.public else "private"
        typer.echo(
            f"{s.name}\t{visibility}\t{s.triples} triples\t{s.imported}\t{', '.join(s.files)}"
        )


def remove(
    source: Annotated[str, typer.Argument(help="Name of the source to remove.")],
    store: StoreOption = None,
) -> None:
    """Remove a source: its graph and its meta graph, together."""
    with opened(store, write=True) as graph_store:
        remove_source(graph_store, source)
    typer.echo(f"removed source '{source}'")


def show_stats(
    format: Annotated[OutputFormat, typer.Option(help="text or json")] = OutputFormat.text,
    public: Annotated[bool, typer.Option("--public", help="Count the public view only.")] = False,
    store: StoreOption = None,
) -> None:
    """Count what the store holds: records per class, organisations per role, services per
    field of action, fundings per year, triples, graphs and sources (one line each)."""
    with opened(store) as graph_store:
        result = stats(graph_store, View.PUBLIC if public else View.FULL)
    if format is OutputFormat.json:
        typer.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
        return
    for line in result.lines():
        typer.echo(line)


def export_file(
    file: Annotated[Path, typer.Argument(help=".trig/.nq keep graphs; .ttl/.nt/.jsonld: union.")],
    all_graphs: Annotated[
        bool, typer.Option("--all", help="Include private sources (not for publishing).")
    ] = False,
    store: StoreOption = None,
) -> None:
    """Write the public graphs (or all) to a file; the suffix picks the format."""
    view = View.FULL if all_graphs else View.PUBLIC
    with opened(store) as graph_store:
        graphs = exported_graphs(graph_store, view)
        with progress_bar("exporting", len(graphs)) as step:
            count = export(graph_store, file, view, on_graph=step)
    typer.echo(f"wrote {count} triples from {len(graphs)} graphs to {file}")


def restore_file(
    file: Annotated[Path, typer.Argument(help="An export in .trig or .nq.")],
    store: StoreOption = None,
) -> None:
    """Bring a .trig or .nq export back into an empty store, with its sources and meta graphs."""
    with opened(store, write=True) as graph_store:
        names = restore(graph_store, file)
    typer.echo(f"restored {len(names)} sources: {', '.join(names)}")


def register(app: typer.Typer) -> None:
    """Add the store commands to the app."""
    app.command("import")(import_files)
    app.command("sources")(sources)
    app.command("remove")(remove)
    app.command("stats")(show_stats)
    app.command("export")(export_file)
    app.command("restore")(restore_file)
