"""The `sozialgraph` command line. Each command's docstring is its help.

Exit codes: 0 success, 1 the input or the model has problems (listed one per line),
2 usage or system error.
"""

from importlib.metadata import version as installed_version
from pathlib import Path
from typing import Annotated

import typer
from sozialgraph.ontology.check import run_checks
from sozialgraph.ontology.docs import write_docs
from sozialgraph.ontology.reasoning import ReasonerUnavailable

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name="sozialgraph",
    help="Knowledge graph of a city's social infrastructure for cooperative social planning.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
ontology_app = typer.Typer(
    help="The model: OWL ontology, SKOS vocabularies and SHACL shapes.", no_args_is_help=True
)
app.add_typer(ontology_app, name="ontology")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"sozialgraph {installed_version('sozialgraph')}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Knowledge graph of a city's social infrastructure for cooperative social planning."""


@ontology_app.command("check")
def ontology_check(
    reasoner: Annotated[
        bool, typer.Option(help="Also run the HermiT reasoner (needs a Java runtime).")
    ] = True,
) -> None:
    """Check the shipped model: labels and definitions, SHACL, and OWL 2 DL consistency.

    Prints one line per check and one indented line per finding. Exit 0 when every
    check passes, 1 when one finds a problem, 2 when the reasoner cannot run.
    """
    try:
        results = run_checks(with_reasoner=reasoner)
    except ReasonerUnavailable as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_ERROR) from error
    for result in results:
        typer.echo(f"{'ok  ' if result.passed else 'FAIL'} {result.name}")
        for finding in result.findings:
            typer.echo("     " + finding.replace("\n", "\n     "))
    raise typer.Exit(EXIT_OK if all(r.passed for r in results) else EXIT_PROBLEMS)


@ontology_app.command("docs")
def ontology_docs(
    folder: Annotated[Path, typer.Argument(help="Folder to write index.html (de) and en.html.")],
) -> None:
    """Write the ontology and vocabulary documentation as offline HTML, German and English."""
    try:
        written = write_docs(folder)
    except OSError as error:
        typer.echo(f"{folder}: cannot write — {error.strerror}", err=True)
        raise typer.Exit(EXIT_ERROR) from error
    for path in written:
        typer.echo(str(path))


def main() -> None:
    """Entry point of the console script."""
    app()
