"""A network report as a table for the terminal, CSV, JSON, GraphML or GEXF.

JSON is one object: the network, its parameters, the graph-level figures, the notes
(sampling, say), one entry per node (IRI, label, type, organisation kind, group and the
metrics), the communities and whom to invite. CSV is the node entries. GraphML and GEXF
(for Gephi) carry the same node attributes, and the ties with theirs; their writers take
only str, int, float and bool, so a missing value is left out and a list is joined by |.
"""

import csv
import io
import json

import networkx as nx
from sozialgraph.queries.brokerage import ROLES
from sozialgraph.queries.network_analysis import GROUP_ATTRIBUTE, Report

#: Column headers (German, English), in the order of the columns.
HEADERS: dict[str, tuple[str, str]] = {
    "iri": ("IRI", "IRI"),
    "label": ("Name", "Name"),
    "type": ("Knotenart", "Node type"),
    "organisation_kind": ("Organisationsform", "Organisation kind"),
    "group": ("Gruppe", "Group"),
    "degree": ("Grad", "Degree"),
    "in_degree": ("Eingangsgrad", "In-degree"),
    "out_degree": ("Ausgangsgrad", "Out-degree"),
    "betweenness": ("Betweenness", "Betweenness"),
    "eigenvector": ("Eigenvektor", "Eigenvector"),
    "constraint": ("Constraint", "Constraint"),
    "effective_size": ("Effektive Größe", "Effective size"),
    "k_core": ("k-Kern", "k-core"),
    "articulation_point": ("Schnittpunkt", "Articulation point"),
    "bridges": ("Brücken", "Bridges"),
    "brokerage": ("Brokerage", "Brokerage"),
    "coordinator": ("Koordinator", "Coordinator"),
    "gatekeeper": ("Gatekeeper", "Gatekeeper"),
    "representative": ("Repräsentant", "Representative"),
    "consultant": ("Berater", "Consultant"),
    "liaison": ("Verbindungsglied", "Liaison"),
    "community": ("Gemeinschaft", "Community"),
}
FIGURES: dict[str, tuple[str, str]] = {
    "nodes": ("Knoten", "Nodes"),
    "edges": ("Kanten", "Edges"),
    "directed": ("gerichtet", "Directed"),
    "density": ("Dichte", "Density"),
    "components": ("Komponenten", "Components"),
    "largest_component": ("Größte Komponente", "Largest component"),
    "isolates": ("Isolierte Knoten", "Isolated nodes"),
    "centralization": ("Zentralisierung (Freeman, Grad)", "Centralization (Freeman, degree)"),
    "mean_intensity": ("Mittlere Intensität", "Mean intensity"),
    "mean_trust": ("Mittleres Vertrauen", "Mean trust"),
    "mean_value": ("Mittlerer Nutzen", "Mean value"),
    "betweenness_sampled": ("Betweenness geschätzt", "Betweenness sampled"),
    "articulation_points": ("Schnittpunkte", "Articulation points"),
    "bridges": ("Brücken", "Bridges"),
    "communities": ("Gemeinschaften", "Communities"),
    "modularity": ("Modularität", "Modularity"),
}
INVITE: dict[str, tuple[str, str]] = {
    "rank": ("Rang", "Rank"),
    "label": ("Name", "Name"),
    "status": ("Lage", "Status"),
    "needs": ("Bedarfe im Stadtteil", "Needs in its districts"),
    "districts": ("Stadtteile", "Districts"),
}
#: Shown in CSV and JSON, left out of the terminal's node table (the roles get their own).
TABLE_LEAVES_OUT = {"type", "organisation_kind", "bridges", *ROLES}
TOP_BROKERS = 10
COMMUNITY_HEADERS = (
    ("Gemeinschaft", "Community"),
    ("Größe", "Size"),
    ("Organisationsformen", "Organisation kinds"),
    ("Handlungsfelder", "Fields of action"),
)
YES_NO = {True: ("ja", "yes"), False: ("nein", "no")}
STATUS = {"isolated": ("isoliert", "isolated"), "peripheral": ("am Rand", "peripheral")}


def _in(lang: str, pair: tuple[str, str]) -> str:
    return pair[0] if lang == "de" else pair[1]


def _label(report: Report, iri: str | None) -> str | None:
    return None if iri is None else report.graph.graph.get("labels", {}).get(iri, iri)


def node_entries(report: Report) -> list[dict[str, object]]:
    """One entry per node: IRI, label, type, kind and group (IRI and label), metrics."""
    group = GROUP_ATTRIBUTE[report.group_by]
    entries = []
    for node, data in report.graph.nodes(data=True):
        entry = {
            "iri": node, "label": data.get("label", node), "type": data.get("type"),
            "organisation_kind": data.get("organisation_kind"),
            "organisation_kind_label": _label(report, data.get("organisation_kind")),
            "group": data.get(group), "group_label": _label(report, data.get(group)),
        }  # fmt: skip
        entries.append(entry | report.nodes.get(node, {}))
    return sorted(entries, key=lambda e: (str(e["label"]).casefold(), e["iri"]))


def _communities(report: Report) -> list[dict[str, object]]:
    def tab(counts: dict) -> list[dict[str, object]]:
        return [{"iri": iri, "label": _label(report, iri), "organisations": n}
                for iri, n in counts.items()]  # fmt: skip

    return [
        {"community": c["community"], "size": c["size"],
         "organisation_kinds": tab(c["organisation_kinds"]),
         "fields_of_action": tab(c["fields_of_action"])}
        for c in report.communities
    ]  # fmt: skip


def to_json(report: Report, lang: str) -> str:
    document = {
        "network": report.graph.graph.get("network"),
        "parameters": report.graph.graph.get("filters", {}),
        "group_by": str(report.group_by),
        "measures": [str(m) for m in report.measures],
        "language": lang,
        "graph": report.figures,
        "notes": report.notes,
        "nodes": node_entries(report),
        "communities": _communities(report),
        "invite": report.invite,
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def _columns(report: Report) -> list[str]:
    present = {key for metrics in report.nodes.values() for key in metrics}
    return ["label", "type", "organisation_kind", "group"] + [
        key for key in HEADERS if key in present
    ]


def _cell(entry: dict, key: str) -> object:
    if key in ("organisation_kind", "group"):
        return entry[f"{key}_label"]
    return entry.get(key)


def to_csv(report: Report, lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = _columns(report)
    writer.writerow([_in(lang, HEADERS[key]) for key in ["iri", *columns]])
    for entry in node_entries(report):
        writer.writerow([entry["iri"], *(_cell(entry, key) for key in columns)])
    return out.getvalue()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def to_table(report: Report, lang: str) -> str:
    """The figures, the notes, the nodes, the communities and whom to invite, as text."""
    from rich.console import Console
    from rich.table import Table

    console = Console(width=200, record=True, file=io.StringIO())
    title = f"{report.graph.graph.get('network', '')}: " + ", ".join(
        f"{k}={'|'.join(v) if isinstance(v, list) else v}"
        for k, v in report.graph.graph.get("filters", {}).items()
    )
    if report.figures:
        figures = Table(title=title, show_header=False)
        for key, value in report.figures.items():
            shown = _in(lang, YES_NO[value]) if isinstance(value, bool) else _text(value)
            figures.add_row(_in(lang, FIGURES.get(key, (key, key))), shown)
        console.print(figures)
    for note in report.notes:
        console.print(note)
    entries = node_entries(report)
    columns = [key for key in _columns(report) if key not in TABLE_LEAVES_OUT]
    if len(columns) > 2:  # some measure per node was asked for besides name and group
        nodes = Table(show_lines=False)
        for key in columns:
            nodes.add_column(_in(lang, HEADERS[key]), no_wrap=key == "label")
        for entry in entries:
            nodes.add_row(*(_text(_cell(entry, key)) for key in columns))
        console.print(nodes)
    brokers = sorted((e for e in entries if e.get("brokerage")), key=lambda e: -e["brokerage"])
    if brokers:
        roles = Table(title="Brokerage-Rollen" if lang == "de" else "Brokerage roles")
        for key in ("label", "group", "brokerage", *ROLES):
            roles.add_column(_in(lang, HEADERS[key]), no_wrap=key == "label")
        for entry in brokers[:TOP_BROKERS]:
            roles.add_row(*(_text(_cell(entry, key)) for key in ("label", "group", "brokerage",
                                                                 *ROLES)))  # fmt: skip
        console.print(roles)
    if report.communities:
        parts = Table()
        for header in COMMUNITY_HEADERS:
            parts.add_column(_in(lang, header))
        for c in _communities(report):
            shown = [", ".join(f"{t['label'] or '-'} {t['organisations']}" for t in c[key][:3])
                     for key in ("organisation_kinds", "fields_of_action")]  # fmt: skip
            parts.add_row(str(c["community"]), str(c["size"]), *shown)
        console.print(parts)
    if report.invite:
        invite = Table(title="Wen einladen?" if lang == "de" else "Whom to invite?")
        for key in INVITE:
            invite.add_column(_in(lang, INVITE[key]))
        for row in report.invite:
            districts = ", ".join(_label(report, d) or d for d in row["districts"])
            invite.add_row(str(row["rank"]), str(row["label"]), _in(lang, STATUS[row["status"]]),
                           str(row["needs"]), districts)  # fmt: skip
        console.print(invite)
    count = report.graph.number_of_nodes()
    console.print(f"{count} Knoten" if lang == "de" else f"{count} nodes")
    return console.export_text()


def _plain(value: object) -> object | None:
    """A value a GraphML or GEXF writer takes, or None to leave it out."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list | tuple | set):
        return "|".join(str(v) for v in value)
    return str(value)


def exported(report: Report) -> nx.Graph:
    """A copy of the graph whose nodes carry the entries' values and whose graph carries
    the figures, each as a writer takes it."""
    graph = report.graph.__class__()
    for entry in node_entries(report):
        graph.add_node(entry["iri"], **{k: _plain(v) for k, v in entry.items()
                                        if k != "iri" and _plain(v) is not None})  # fmt: skip
    for a, b, data in report.graph.edges(data=True):
        graph.add_edge(a, b, **{k: _plain(v) for k, v in data.items() if _plain(v) is not None})
    filters = report.graph.graph.get("filters", {})
    graph.graph |= {"network": report.graph.graph.get("network", ""),
                    "parameters": json.dumps(filters, ensure_ascii=False),
                    "notes": " | ".join(report.notes)}  # fmt: skip
    graph.graph |= {k: v for k, v in report.figures.items() if _plain(v) is not None}
    return graph


def to_graphml(report: Report) -> str:
    return "\n".join(nx.generate_graphml(exported(report))) + "\n"


def to_gexf(report: Report) -> str:
    graph = exported(report)
    graph.graph.clear()  # GEXF has no place for graph-level figures
    return "\n".join(nx.generate_gexf(graph)) + "\n"
