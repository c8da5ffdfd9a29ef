"""Network analysis: who holds the local network together, who bridges, who is left out."""

from difflib import get_close_matches
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from sozialgraph.api.cli_common import StoreOption, fail, opened, write_output
from sozialgraph.api.cli_queries import Language


class NetworkFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    graphml = "graphml"
    gexf = "gexf"


class GroupByOption(StrEnum):
    kind = "kind"
    field = "field"


def _choice(option: str, value: str, choices: list[str]) -> str:
    if value in choices:
        return value
    close = get_close_matches(value, choices, n=3, cutoff=0.4)
    fail(f"error: {option} {value!r}: not one of {', '.join(close or choices)}")


def network(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="membership, comembership, funding, collaboration, target-groups or actors.",
        ),
    ],
    field_of_action: Annotated[
        list[str] | None, typer.Option(help="Only organisations in this field (repeatable).")
    ] = None,
    district: Annotated[
        list[str] | None, typer.Option(help="Only organisations serving this district.")
    ] = None,
    target_group: Annotated[
        list[str] | None, typer.Option(help="Only organisations serving this target group.")
    ] = None,
    organisation_kind: Annotated[
        list[str] | None, typer.Option(help="Only organisations of this kind (or narrower).")
    ] = None,
    as_of: Annotated[
        str, typer.Option(help="Reference date: 30.06.2026, 2026-06-30 or today.")
    ] = "today",
    year: Annotated[str | None, typer.Option(help="Funding year (default: as_of's).")] = None,
    measure: Annotated[
        list[str] | None,
        typer.Option(
            help="graph, degree, betweenness, eigenvector, structural-holes, k-core, "
            "cut-points, brokerage, communities, invite (repeatable; default all)."
        ),
    ] = None,
    group_by: Annotated[
        GroupByOption, typer.Option(help="Brokerage groups: organisation kind or field.")
    ] = GroupByOption.kind,
    format: Annotated[
        NetworkFormat, typer.Option(help="table, csv, json, graphml or gexf.")
    ] = NetworkFormat.table,
    out: Annotated[Path | None, typer.Option(help="Write to this file instead.")] = None,
    lang: Annotated[Language, typer.Option(help="Labels and headers: de or en.")] = Language.de,
    store: StoreOption = None,
) -> None:
    """Analyse a network of the social infrastructure on a reference date.

    Filters select organisations: of a kind (narrower kinds included), or providing or
    funding a service active on as_of in the field of action, district or for the target
    group (narrower ones included). Values are read like `sozialgraph query` parameters.
    Above 1000 nodes betweenness is sampled (300 sources, fixed seed), and the output
    says so. The store is only read.
    """
    from sozialgraph.queries import network_output as output
    from sozialgraph.queries.binding import BadParameter
    from sozialgraph.queries.network_analysis import GroupBy, Measure, run_network
    from sozialgraph.queries.network_graphs import NetworkKind, read_filters

    chosen = NetworkKind(_choice("KIND", kind, [str(k) for k in NetworkKind]))
    names = [str(m) for m in Measure]
    measures = [Measure(_choice("--measure", m, names)) for m in measure or names]
    given = {
        "field_of_action": field_of_action or [],
        "district": district or [],
        "target_group": target_group or [],
        "organisation_kind": organisation_kind or [],
    }
    with opened(store) as graph_store:
        try:
            filters = read_filters(graph_store, as_of=as_of, year=year, **given)
        except BadParameter as error:
            fail(f"error: {error}")
        report = run_network(
            graph_store, chosen, filters, measures, group_by=GroupBy(group_by.value),
            lang=lang.value,
        )  # fmt: skip
    render = {
        "table": lambda: output.to_table(report, lang.value),
        "csv": lambda: output.to_csv(report, lang.value),
        "json": lambda: output.to_json(report, lang.value),
        "graphml": lambda: output.to_graphml(report),
        "gexf": lambda: output.to_gexf(report),
    }[format.value]
    write_output(render(), out, f"wrote {report.graph.number_of_nodes()} nodes to {out}")


def register(app: typer.Typer) -> None:
    """Add the network command to the app."""
    app.command("network")(network)
