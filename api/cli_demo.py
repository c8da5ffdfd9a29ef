"""The `demo` command: the fictional Marburg demo data into the selected store."""

import typer
from sozialgraph.api.cli_common import StoreOption, opened
from sozialgraph.api.cli_store import report_import

TOUR = """\
Fictional demo data for Marburg: real district names, invented organisations, services,
committees, figures and ties. Three commands to start with (they only read, so they also
work while the web app runs):
  sozialgraph stats                            what the graph holds
  sozialgraph queries                          the questions it can answer
  sozialgraph query gaps -p as_of=30.06.2026   one of them: need without a service"""


def demo(store: StoreOption = None) -> None:
    """Import the fictional Marburg demo data as the source 'demo-marburg' (replacing it).

    The data is a filled-in template (one CSV file per sheet) shipped with the package;
    district names are Marburg's, every organisation, service, figure and tie is invented.
    Running it again replaces the source as a whole; other sources stay as they are.
    """
    from sozialgraph.graph.demo import DEMO_DATA, DEMO_SOURCE
    from sozialgraph.graph.template.importer import import_spreadsheets

    with opened(store, write=True) as graph_store:
        result = import_spreadsheets(graph_store, [DEMO_DATA], source=DEMO_SOURCE)
    report_import(result)
    typer.echo(TOUR)


def register(app: typer.Typer) -> None:
    """Add the demo command to the app."""
    app.command("demo")(demo)
