"""The `serve` command: the web app with its SPARQL endpoint, on one host and port."""

from typing import Annotated

import typer
from sozialgraph.api.cli_common import StoreOption, fail, settings_for, user_errors


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None, typer.Option(help="Query worker processes (default: from settings, 2).")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Serve the web app: the SPARQL endpoint at /sparql, the Graph Store at /store, /health.

    The store is only read, so imports and other reading commands keep working meanwhile;
    the app picks up each new import by itself. Writes through the endpoint need the token
    in SOZIALGRAPH_UPDATE_TOKEN; without it they are switched off. Stop with Ctrl-C.
    Exit 0 after a clean stop; 2 if the port is taken or the store cannot be opened.
    """
    import uvicorn
    from sozialgraph.api.app import create_app
    from sozialgraph.graph.store import open_store

    settings = settings_for(store)
    if workers is not None:
        if workers < 1:
            fail("error: --workers must be at least 1")
        settings = settings.model_copy(update={"query_workers": workers})
    with user_errors():
        open_store(settings, read_only=True).public_graphs()  # fail early, in one line
    typer.echo(f"sozialgraph: SPARQL endpoint at http://{host}:{port}/sparql", err=True)
    try:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
    except OSError as error:
        fail(f"error: cannot listen on {host}:{port}: {error.strerror or error}")
    except SystemExit as stop:  # uvicorn exits 1 when it cannot bind
        if stop.code:
            fail(f"error: cannot listen on {host}:{port} (is the port taken?)")


def register(app: typer.Typer) -> None:
    """Add the serve command to the app."""
    app.command("serve")(serve)
