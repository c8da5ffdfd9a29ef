"""The `sozialgraph` command line, assembled from one module per family of commands.

Each command's docstring is its help. Exit codes: 0 success, 1 the input or the model has
problems (listed one per line), 2 usage or system error.
"""

from importlib.metadata import version as installed_version
from typing import Annotated

import typer
from sozialgraph.api import (
    cli_demo,
    cli_network,
    cli_queries,
    cli_serve,
    cli_store,
    cli_template,
)
from sozialgraph.api.cli_common import EXIT_OK
from sozialgraph.api.cli_ontology import ontology_app

app = typer.Typer(
    name="sozialgraph",
    help="Knowledge graph of a city's social infrastructure for cooperative social planning.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(ontology_app, name="ontology")
cli_store.register(app)
cli_template.register(app)
cli_demo.register(app)
cli_queries.register(app)
cli_network.register(app)
cli_serve.register(app)


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


def main() -> None:
    """Entry point of the console script."""
    app()
