"""Commands for the planners' template: write it empty, validate filled-in files."""

import json
from pathlib import Path
from typing import Annotated

import typer
from sozialgraph.api.cli_common import EXIT_PROBLEMS, StoreOption, fail, opened
from sozialgraph.api.cli_store import OutputFormat


def template(
    out: Annotated[
        Path, typer.Argument(help="OUT.xlsx for a workbook, or a folder (OUT/) for CSV files.")
    ],
) -> None:
    """Write the empty template: German headers, an explanation row, drop-down lists.

    A path ending in .xlsx gets a workbook (frozen header rows, drop-downs from a hidden
    lists sheet); any other path a folder with one ;-separated CSV file per sheet.
    """
    from sozialgraph.graph.template.writer import write_csv_folder, write_workbook
    from sozialgraph.graph.vocabulary import vocabulary_index

    index = vocabulary_index()
    try:
        if out.suffix.lower() == ".xlsx":
            labels = {name: index.german_labels(name) for name in index.schemes}
            write_workbook(out, labels)
            typer.echo(f"wrote the template workbook {out}")
        else:
            written = write_csv_folder(out)
            typer.echo(f"wrote {len(written)} CSV files into {out}")
    except OSError as error:
        fail(f"{out}: cannot write — {error.strerror}")


def validate(
    paths: Annotated[
        list[Path], typer.Argument(help="A workbook (.xlsx), a folder of CSV files, or CSV files.")
    ],
    source: Annotated[
        str | None, typer.Option(help="Source it would replace (default: the first name).")
    ] = None,
    format: Annotated[OutputFormat, typer.Option(help="text or json")] = OutputFormat.text,
    store: StoreOption = None,
) -> None:
    """Check the template's files as an import would, without writing anything.

    References may point at records the store already holds. Exit 0 valid; 1 invalid,
    every problem on one line `file:sheet:row:column: value — reason`; 2 error.
    """
    from sozialgraph.graph.template.importer import validate_spreadsheets
    from sozialgraph.graph.template.problems import ProblemsFound

    with opened(store) as graph_store:
        try:
            records = validate_spreadsheets(graph_store, paths, source=source)
            problems = []
        except ProblemsFound as found:
            records, problems = 0, found.problems
    if format is OutputFormat.json:
        report = {
            "valid": not problems,
            "records": records,
            "problems": [p.as_dict() for p in problems],
        }
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            typer.echo(str(problem))
        typer.echo(f"{len(problems)} problems" if problems else f"valid: {records} records")
    if problems:
        raise typer.Exit(EXIT_PROBLEMS)


def register(app: typer.Typer) -> None:
    """Add the template commands to the app."""
    app.command("template")(template)
    app.command("validate")(validate)
