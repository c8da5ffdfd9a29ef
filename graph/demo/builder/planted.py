"""The planted file: what the demo data was built to show, as IRIs, for the tests."""

from sozialgraph.graph.demo.builder import findings as f
from sozialgraph.graph.demo.builder.cast import BROKERS, ISOLATED
from sozialgraph.graph.demo.builder.services import Service
from sozialgraph.graph.demo.builder.upkeep import OLD_REVIEW, WITHOUT_CRITERIA, WITHOUT_REVIEW
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.template.convert import record_iri
from sozialgraph.graph.template.spec import SHEETS_BY_KEY

BASE = Settings.model_fields["base_iri"].default
ABOUT = (
    "Fiktive Demo-Daten für Marburg: Stadtteilnamen sind echt, alle Organisationen, Angebote, "
    "Gremien, Zahlen und Beziehungen sind erfunden. / Fictional demo data for Marburg: district "
    "names are real; every organisation, service, committee, figure and tie is invented."
)


def record(sheet: str, id: str) -> str:
    return record_iri(BASE, SHEETS_BY_KEY[sheet], id)


def concept(scheme: str, id: str) -> str:
    return f._iri(scheme, id)


def _finding(kind: str, definition: str, parameters: dict, expected: list, **by) -> dict:
    return {
        "kind": kind,
        **by,
        "parameters": {"as_of": f.AS_OF, **parameters},
        "definition": definition,
        "expected": expected,
    }


def planted_document(services: list[Service], contracts: list[dict]) -> dict:
    """The planted findings with the IRIs the default base gives the records."""
    by_cell: dict[tuple[str, str, str], list[Service]] = {}
    for s in services:
        for cell in f.PLANTED_OVERLAPS:
            district, type, group = cell
            here = district in s.districts and type == s.type and group in s.target_groups
            if here and f.active(s.start, s.end):
                by_cell.setdefault(cell, []).append(s)
    supply = f.low_supply(services)
    roles = f.brokerage()
    brokers = f.total_brokerage()
    ending = sorted(f.contracts_ending(contracts))
    return {
        "about": ABOUT,
        "as_of": f.AS_OF,
        "base": BASE,
        "findings": [
            _finding(
                "gap",
                "A district and target group with a documented need (or residents of the group "
                "in the district statistics) but no service active on as_of for the group or "
                "a narrower one in the district's area served.",
                {},
                [
                    {
                        "district": record("districts", d),
                        "target_group": concept("target-groups", g),
                    }
                    for d, g in sorted(f.PLANTED_GAPS)
                ],
                query="gaps",
            ),
            _finding(
                "low-supply",
                "Districts whose places for the target group (or narrower groups) per 1,000 "
                "residents of the group (its population indicator, latest year up to as_of) "
                "are below the given share of the city median.",
                {
                    "target_group": concept("target-groups", f.SUPPLY_GROUP),
                    "measure": "places",
                    "below_share_of_median": f.SUPPLY_SHARE,
                },
                [
                    {"district": record("districts", d), "per_1000": v}
                    for d, v in sorted(supply.items())
                ],
                query="supply",
            ),
            _finding(
                "overlap",
                "The same service type for the same target group in the same district by two or "
                "more providers; coordinated when the providers share a committee or a "
                "collaboration tie on as_of.",
                {},
                [
                    {
                        "district": record("districts", d),
                        "service_type": concept("service-types", t),
                        "target_group": concept("target-groups", g),
                        "coordinated": coordinated,
                        "services": sorted(record("services", s.id) for s in by_cell[(d, t, g)]),
                        "providers": sorted(
                            {record("organisations", s.provider) for s in by_cell[(d, t, g)]}
                        ),
                    }
                    for (d, t, g), coordinated in sorted(f.PLANTED_OVERLAPS.items())
                ],
                query="overlaps",
            ),
            _finding(
                "broker",
                "The organisations with the highest Gould and Fernandez brokerage (all five roles) "
                "in the collaboration network on as_of, undirected ties counted both ways, with "
                "the top concept of the organisation kind as the group; roles per Gould and "
                "Fernandez (coordinator: all three in one group; gatekeeper: the broker shares "
                "the receiver's group; representative: the sender's; consultant: sender and "
                "receiver share a group the broker is not in; liaison: three groups).",
                {"network": "collaboration", "group": "organisation-kind", "top": 3},
                [
                    {
                        "organisation": record("organisations", o),
                        "brokerage": brokers[o],
                        "roles": roles[o],
                    }
                    for o in sorted(BROKERS, key=lambda o: -brokers[o])
                ],
                measure="brokerage",
            ),
            _finding(
                "isolated",
                "Organisations with no collaboration tie, committee seat, funding, contract or "
                "association membership on as_of: isolates of every network.",
                {"network": "actors"},
                [{"organisation": record("organisations", o)} for o in sorted(ISOLATED)],
                measure="isolates",
            ),
            _finding(
                "no-committee",
                "Organisations with no committee seat on as_of.",
                {},
                [{"organisation": record("organisations", o)} for o in sorted(ISOLATED)],
                query="organisations-without-committee",
            ),
            _finding(
                "no-review",
                "Services active on as_of without an effectiveness review in the given years "
                "before it.",
                {"years": f.REVIEW_YEARS},
                [
                    {"service": record("services", s)}
                    for s in sorted({*WITHOUT_REVIEW, *OLD_REVIEW})
                ],
                query="services-without-review",
            ),
            _finding(
                "no-quality-criteria",
                "Services active on as_of without any quality criterion.",
                {},
                [{"service": record("services", s)} for s in sorted(WITHOUT_CRITERIA)],
                query="services-without-quality-criteria",
            ),
            _finding(
                "contract-ending",
                "Contracts running on as_of that end within the given months after it.",
                {"months": f.CONTRACT_MONTHS},
                [{"contract": record("contracts", c)} for c in ending],
                query="contracts-ending",
            ),
            _finding(
                "single-pillar",
                "Target groups whose services active on as_of (the group's own, and also with "
                "narrower groups') rest on one pillar only: the top concept of the legal bases "
                "of the services and of their fundings.",
                {},
                [
                    {
                        "target_group": concept("target-groups", g),
                        "pillar": concept("legal-bases", p),
                    }
                    for g, p in sorted(f.PLANTED_SINGLE_PILLAR.items())
                ],
                query="pillars",
            ),
        ],
    }
