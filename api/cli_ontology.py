"""Commands on the model: check it, document it."""

from pathlib import Path
from typing import Annotated

import typer
from sozialgraph.api.cli_common import EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, fail

ontology_app = typer.Typer(
    help="The model: OWL ontology, SKOS vocabularies and SHACL shapes.", no_args_is_help=True
)


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
    from sozialgraph.ontology.check import run_checks  # pyshacl: slow to import, so only here
    from sozialgraph.ontology.reasoning import ReasonerUnavailable

    try:
        results = run_checks(with_reasoner=reasoner)
    except ReasonerUnavailable as error:
        fail(f"error: {error}")
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
    from sozialgraph.ontology.docs import write_docs

    try:
        written = write_docs(folder)
    except OSError as error:
        fail(f"{folder}: cannot write — {error.strerror}", EXIT_ERROR)
    for path in written:
        typer.echo(str(path))
