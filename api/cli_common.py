"""What every command shares: the --store option, settings, exit codes and one-line errors."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from sozialgraph.graph.formats import UnknownFormat
from sozialgraph.graph.names import BadSourceName
from sozialgraph.graph.settings import Settings, get_settings
from sozialgraph.graph.store import GraphStore, RdfSyntaxError, StoreError, open_store
from sozialgraph.graph.template.problems import ProblemsFound

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        envvar="SOZIALGRAPH_STORE",
        show_envvar=True,
        help="Folder of the embedded store, or the query URL of a SPARQL 1.1 server.",
    ),
]


def settings_for(store: str | None) -> Settings:
    """The process settings, with --store applied."""
    settings = get_settings()
    return settings.model_copy(update={"store": store}) if store else settings


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    """Print one line to stderr and exit."""
    typer.echo(message, err=True)
    raise typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the user's mistakes into one line and an exit code; let bugs raise."""
    try:
        yield
    except RdfSyntaxError as error:
        fail(f"{error}\nrejected: nothing was written", EXIT_PROBLEMS)
    except ProblemsFound as found:
        lines = [str(problem) for problem in found.problems]
        fail(
            "\n".join([*lines, f"rejected: {len(lines)} problem(s), nothing was written"]),
            EXIT_PROBLEMS,
        )
    except (StoreError, UnknownFormat, BadSourceName, FileNotFoundError) as error:
        fail(f"error: {error}")
    except PermissionError as error:
        fail(f"error: {error.filename}: permission denied")


@contextmanager
def opened(store: str | None, *, write: bool = False) -> Iterator[GraphStore]:
    """Open the selected store for reading (default) or writing, and close it afterwards."""
    with user_errors():
        graph_store = open_store(settings_for(store), read_only=not write)
        try:
            yield graph_store
        finally:
            graph_store.close()


@contextmanager
def progress_bar(description: str, total: int) -> Iterator[Callable[[Path | str], None]]:
    """A progress bar on stderr; yields a function to call once per step done."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[item]}"),
        transient=True,
        console=Console(stderr=True),
        disable=not sys.stderr.isatty(),
    ) as progress:
        task = progress.add_task(description, total=total, item="")

        def advance(item: Path | str = "") -> None:
            progress.update(task, advance=1, item=str(getattr(item, "name", item)))

        yield advance


def write_output(text: str, out: Path | None, summary: str) -> None:
    """Print the text, or write it to `out` and print the summary (one line if it fails)."""
    if out is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"{out}: cannot write — {error.strerror}")
    typer.echo(summary)
