"""The demo data, imported into a real store, shows each finding planted in `planted.json`.

Every check is SPARQL over the imported store (and a little Python arithmetic), written
from the findings' definitions, independently of the builder's own check in
`graph/demo/builder/findings.py`. A record counts on as_of when it has no start after it
and no end before it.
"""

import calendar
from collections import defaultdict
from datetime import date
from statistics import median

import pytest
from sozialgraph.graph.demo import DEMO_DATA, DEMO_SOURCE, planted
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import open_store
from sozialgraph.graph.template.importer import import_spreadsheets
from sozialgraph.ontology.namespaces import SG, VOCAB_BASE

PLANTED = planted()
BASE = PLANTED["base"]
PREFIXES = f"""PREFIX sg: <{SG}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
#: The class of the records of each kind ({base}/id/{kind}/…).
CLASS_OF_KIND = {
    "district": "District",
    "organisation": "Organisation",
    "service": "Service",
    "contract": "Contract",
}
#: The record kind or concept scheme of the IRIs under each key of a finding.
KIND_OF_KEY = {
    "district": "district",
    "organisation": "organisation",
    "providers": "organisation",
    "service": "service",
    "services": "service",
    "contract": "contract",
    "target_group": "target-groups",
    "service_type": "service-types",
    "pillar": "legal-bases",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """An embedded store holding the model graphs and the demo data as one source."""
    folder = tmp_path_factory.mktemp("demo") / "store"
    opened = open_store(Settings(store=str(folder), base_iri=BASE), read_only=False)
    import_spreadsheets(opened, [DEMO_DATA], source=DEMO_SOURCE)
    yield opened
    opened.close()


# --- helpers -------------------------------------------------------------------------------


def finding(kind: str) -> dict:
    """The one planted finding of a kind."""
    found = [f for f in PLANTED["findings"] if f["kind"] == kind]
    assert len(found) == 1, f"{len(found)} findings of kind {kind!r}"
    return found[0]


def vocabulary_graphs(store) -> list[str]:
    graphs = [g for g in store.named_graphs() if g.startswith(VOCAB_BASE)]
    assert graphs, "the store holds no vocabulary graphs"
    return graphs


def select(store, sparql: str, graphs: list[str] | None = None) -> list[dict[str, str]]:
    """Rows of a SELECT over the data and vocabulary graphs, as {variable: value} (bound only)."""
    if graphs is None:
        graphs = store.data_graphs() + vocabulary_graphs(store)
    solutions = store.query_graphs(PREFIXES + sparql, graphs)
    names = [variable.value for variable in solutions.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in solutions]


def ask(store, sparql: str, graphs: list[str]) -> bool:
    return bool(store.query_graphs(PREFIXES + sparql, graphs))


def column(rows: list[dict[str, str]], name: str) -> set[str]:
    return {row[name] for row in rows}


def day(value: date | str) -> str:
    return f'"{value}"^^xsd:date'


def values(var: str, iris) -> str:
    return f"VALUES ?{var} {{ {' '.join(f'<{iri}>' for iri in iris)} }}"


def active(var: str, as_of: str) -> str:
    """A SPARQL pattern: ?var has no start after as_of and no end before it."""
    return (
        f"FILTER NOT EXISTS {{ ?{var} sg:startDate ?{var}Start "
        f"FILTER (?{var}Start > {day(as_of)}) }}\n"
        f"FILTER NOT EXISTS {{ ?{var} sg:endDate ?{var}End FILTER (?{var}End < {day(as_of)}) }}"
    )


def months_after(day_: date, months: int) -> date:
    """The same day `months` later (the month's last day if it is shorter)."""
    month = day_.month - 1 + months
    year, month = day_.year + month // 12, month % 12 + 1
    return date(year, month, min(day_.day, calendar.monthrange(year, month)[1]))


def iris_in(value) -> list[str]:
    """The IRIs in a finding's value (one, a list of them, or none)."""
    items = value if isinstance(value, list) else [value]
    return [i for i in items if isinstance(i, str) and i.startswith(("http://", "https://"))]


def kind_of(iri: str) -> str | None:
    """The record kind ({base}/id/{kind}/…) or concept scheme ({vocab}{scheme}/…) of an IRI."""
    for prefix in (f"{BASE}/id/", VOCAB_BASE):
        if iri.startswith(prefix):
            return iri.removeprefix(prefix).split("/")[0]
    return None


def organisations_linked(store, as_of: str) -> dict[str, set[str]]:
    """Each organisation's links: active seats and ties; fundings, contracts, associations."""
    patterns = {
        "membership": f"?m a sg:Membership ; sg:member ?org . {active('m', as_of)}",
        "tie": f"?t a sg:CollaborationTie ; sg:tieFrom|sg:tieTo ?org . {active('t', as_of)}",
        "funding": "?f a sg:Funding ; sg:funder|sg:recipient ?org .",
        "contract": "?c a sg:Contract ; sg:commissioner|sg:contractor ?org .",
        "association": "?org sg:memberOfAssociation|^sg:memberOfAssociation"
        "|sg:subOrganisationOf|^sg:subOrganisationOf ?other .",
    }
    linked = {
        link: column(select(store, f"SELECT DISTINCT ?org WHERE {{ {pattern} }}"), "org")
        for link, pattern in patterns.items()
    }
    everyone = column(select(store, "SELECT ?org WHERE { ?org a sg:Organisation }"), "org")
    return {org: {link for link, orgs in linked.items() if org in orgs} for org in everyone}


def latest_population(store, as_of: str, group: str | None = None) -> dict[tuple, float]:
    """(district, group): the value of the group's population indicator in the district, in
    the latest year up to as_of's (for one group, or every group that has an indicator)."""
    rows = select(
        store,
        f"""SELECT ?district ?group ?year ?value WHERE {{
          {values("group", [group]) if group else ""}
          ?group sg:populationIndicator ?indicator .
          ?statistic a sg:DistrictStatistic ; sg:district ?district ; sg:indicator ?indicator ;
              sg:year ?year ; sg:value ?value .
        }}""",
    )
    latest: dict[tuple, tuple[int, float]] = {}
    for row in rows:
        cell, year = (row["district"], row["group"]), int(row["year"][:4])
        if year <= int(as_of[:4]) and year > latest.get(cell, (0, 0.0))[0]:
            latest[cell] = (year, float(row["value"]))
    return {cell: value for cell, (_, value) in latest.items()}


def active_arcs(store, as_of: str) -> set[tuple[str, str]]:
    """Collaboration ties on as_of as arcs; an undirected tie gives both directions."""
    rows = select(
        store,
        f"""SELECT ?from ?to ?directed WHERE {{
          ?t a sg:CollaborationTie ; sg:tieFrom ?from ; sg:tieTo ?to .
          OPTIONAL {{ ?t sg:directed ?directed }}
          {active("t", as_of)}
        }}""",
    )
    arcs = set()
    for row in rows:
        arcs.add((row["from"], row["to"]))
        if row.get("directed") == "false":
            arcs.add((row["to"], row["from"]))
    return arcs


def brokerage(arcs: set[tuple[str, str]]) -> dict[str, int]:
    """Gould-Fernandez total brokerage of b: ordered pairs (a, c) of others, a≠c, with
    a→b→c and no a→c."""
    successors, predecessors = defaultdict(set), defaultdict(set)
    for a, b in arcs:
        successors[a].add(b)
        predecessors[b].add(a)
    return {
        b: sum(
            1
            for a in predecessors[b]
            for c in successors[b]
            if len({a, b, c}) == 3 and (a, c) not in arcs
        )
        for b in set(successors) | set(predecessors)
    }


# --- the findings --------------------------------------------------------------------------


def test_planted_iris_name_records_of_the_right_class_and_concepts(store):
    """Each finding is complete; its IRIs name stored records of their kind's class, or
    concepts of their scheme, of the kind or scheme the key they stand under calls for."""
    vocabulary = vocabulary_graphs(store)
    checked = 0
    for f in PLANTED["findings"]:
        name = f["kind"]
        assert f["expected"], f"{name}: nothing expected"
        assert f.get("query") or f.get("measure"), f"{name}: no query or measure"
        assert f["parameters"]["as_of"] == PLANTED["as_of"], name
        pairs = [*f["parameters"].items(), *(i for entry in f["expected"] for i in entry.items())]
        for key, value in pairs:
            for iri in iris_in(value):
                checked += 1
                kind = kind_of(iri)
                assert kind == KIND_OF_KEY.get(key), f"{name}: {key} = {iri}"
                if iri.startswith(VOCAB_BASE):
                    scheme = VOCAB_BASE + kind
                    concept = f"ASK {{ <{iri}> a skos:Concept ; skos:inScheme <{scheme}> }}"
                    assert ask(store, concept, vocabulary), f"{name}: no concept {iri}"
                else:
                    record = f"ASK {{ <{iri}> a sg:{CLASS_OF_KIND[kind]} }}"
                    assert ask(store, record, store.data_graphs()), f"{name}: no record {iri}"
    assert checked > 0


def test_gaps_are_exactly_the_planted_ones(store):
    """Expected gaps have a documented need and no active service for the group (or a
    narrower one) serving the district; every other documented need, and every district
    with residents of a group (its population indicator), is met by such a service."""
    f = finding("gap")
    as_of = f["parameters"]["as_of"]
    documented = select(
        store,
        f"""SELECT DISTINCT ?district ?group WHERE {{
          ?need a sg:Need ; sg:district ?district ; sg:targetGroup ?group ; sg:observedOn ?on .
          FILTER (?on <= {day(as_of)})
        }}""",
    )
    met = select(
        store,
        f"""SELECT DISTINCT ?district ?group WHERE {{
          ?service a sg:Service ; sg:areaServed ?district ; sg:targetGroup ?served .
          ?served skos:broader* ?group .
          {active("service", as_of)}
        }}""",
    )
    needs = {(r["district"], r["group"]) for r in documented}
    served = {(r["district"], r["group"]) for r in met}
    residents = {cell for cell, value in latest_population(store, as_of).items() if value > 0}
    expected = {(e["district"], e["target_group"]) for e in f["expected"]}
    assert expected <= needs, f"gaps without a documented need: {expected - needs}"
    assert needs - served == expected
    assert residents - served <= expected


def test_overlaps_are_the_only_cells_with_two_providers(store):
    """Each expected cell's services are active and alike, from ≥2 providers, coordinated
    exactly when the providers share a committee or a tie; no other cell has two providers."""
    f = finding("overlap")
    as_of = f["parameters"]["as_of"]
    for cell in f["expected"]:
        rows = select(
            store,
            f"""SELECT ?service ?provider WHERE {{
              {values("service", cell["services"])}
              ?service a sg:Service ; sg:provider ?provider ;
                  sg:serviceType <{cell["service_type"]}> ;
                  sg:targetGroup <{cell["target_group"]}> ; sg:areaServed <{cell["district"]}> .
              {active("service", as_of)}
            }}""",
        )
        assert column(rows, "service") == set(cell["services"]), cell
        providers = sorted(column(rows, "provider"))
        assert providers == sorted(cell["providers"]) and len(providers) >= 2, cell
        linked = select(
            store,
            f"""SELECT DISTINCT ?a ?b WHERE {{
              {values("a", providers)} {values("b", providers)} FILTER (STR(?a) < STR(?b))
              {{ ?m1 a sg:Membership ; sg:member ?a ; sg:committee ?committee .
                 ?m2 a sg:Membership ; sg:member ?b ; sg:committee ?committee .
                 {active("m1", as_of)} {active("m2", as_of)} }}
              UNION {{ ?t a sg:CollaborationTie .
                       {{ ?t sg:tieFrom ?a ; sg:tieTo ?b }}
                       UNION {{ ?t sg:tieFrom ?b ; sg:tieTo ?a }}
                       {active("t", as_of)} }}
            }}""",
        )
        pairs = {(a, b) for i, a in enumerate(providers) for b in providers[i + 1 :]}
        coordinated = {(r["a"], r["b"]) for r in linked} == pairs
        assert coordinated is cell["coordinated"], cell

    cells = select(
        store,
        f"""SELECT ?district ?type ?group (GROUP_CONCAT(DISTINCT STR(?service)) AS ?services)
        WHERE {{
          ?service a sg:Service ; sg:provider ?provider ; sg:serviceType ?type ;
              sg:targetGroup ?group ; sg:areaServed ?district .
          {active("service", as_of)}
        }}
        GROUP BY ?district ?type ?group
        HAVING (COUNT(DISTINCT ?provider) >= 2)""",
    )
    found = {(r["district"], r["type"], r["group"]): set(r["services"].split()) for r in cells}
    expected = {
        (e["district"], e["service_type"], e["target_group"]): set(e["services"])
        for e in f["expected"]
    }
    assert found == expected


def test_low_supply_districts_fall_below_the_share_of_the_median(store):
    """Places per 1,000 residents of the group, recomputed per district: exactly the expected
    districts are below the share of the median, with the expected values."""
    f = finding("low-supply")
    parameters = f["parameters"]
    as_of, group = parameters["as_of"], parameters["target_group"]
    assert parameters["measure"] == "places"
    districts = column(select(store, "SELECT ?d WHERE { ?d a sg:District }"), "d")
    supplied = select(
        store,
        f"""SELECT ?district (SUM(?places) AS ?total) WHERE {{
          {{ SELECT DISTINCT ?district ?service ?places WHERE {{
              ?service a sg:Service ; sg:areaServed ?district ; sg:places ?places ;
                  sg:targetGroup ?served .
              ?served skos:broader* <{group}> .
              {active("service", as_of)}
          }} }}
        }} GROUP BY ?district""",
    )
    places = {d: 0.0 for d in districts} | {r["district"]: float(r["total"]) for r in supplied}
    residents = {d: value for (d, _), value in latest_population(store, as_of, group).items()}
    assert set(residents) == districts, "a district has no population figure for the group"
    per_1000 = {d: 1000 * places[d] / residents[d] for d in districts}
    threshold = parameters["below_share_of_median"] * median(per_1000.values())
    low = {d: value for d, value in per_1000.items() if value < threshold}
    assert set(low) == {e["district"] for e in f["expected"]}
    for e in f["expected"]:
        assert low[e["district"]] == pytest.approx(e["per_1000"], abs=0.05), e


def test_isolated_organisations_have_no_link_and_all_others_have_seat_and_tie(store):
    """Expected isolates: no active seat or tie, no funding, contract or association at all;
    every other organisation has an active committee seat and an active tie."""
    f = finding("isolated")
    links = organisations_linked(store, f["parameters"]["as_of"])
    expected = {e["organisation"] for e in f["expected"]}
    assert expected <= set(links)
    for org in expected:
        assert links[org] == set(), f"{org} is linked by {links[org]}"
    for org in set(links) - expected:
        assert {"membership", "tie"} <= links[org], f"{org} has only {links[org]}"


def test_organisations_without_committee_are_exactly_the_expected(store):
    """Exactly the expected organisations have no committee seat on as_of."""
    f = finding("no-committee")
    links = organisations_linked(store, f["parameters"]["as_of"])
    without = {org for org, kinds in links.items() if "membership" not in kinds}
    assert without == {e["organisation"] for e in f["expected"]}


def test_brokers_are_the_top_three_by_gould_fernandez_brokerage(store):
    """Brokerage on the active collaboration ties: the expected top organisations and scores,
    in order, with no tie at the cut."""
    f = finding("broker")
    top = f["parameters"]["top"]
    scores = brokerage(active_arcs(store, f["parameters"]["as_of"]))
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    assert ranked[:top] == [(e["organisation"], e["brokerage"]) for e in f["expected"]]
    assert ranked[top][1] < ranked[top - 1][1], "a tie at the cut leaves the top ambiguous"


def test_services_without_recent_review_are_exactly_the_expected(store):
    """Active services without an effectiveness review in the `years` before as_of."""
    f = finding("no-review")
    as_of = f["parameters"]["as_of"]
    until = date.fromisoformat(as_of)
    since = until.replace(year=until.year - f["parameters"]["years"])
    rows = select(
        store,
        f"""SELECT ?service WHERE {{
          ?service a sg:Service .
          {active("service", as_of)}
          FILTER NOT EXISTS {{
            ?review a sg:EffectivenessReview ; sg:service ?service ; sg:reviewDate ?on .
            FILTER ({day(since)} <= ?on && ?on <= {day(until)})
          }}
        }}""",
    )
    assert column(rows, "service") == {e["service"] for e in f["expected"]}


def test_services_without_quality_criteria_are_exactly_the_expected(store):
    """Active services without any quality criterion."""
    f = finding("no-quality-criteria")
    rows = select(
        store,
        f"""SELECT ?service WHERE {{
          ?service a sg:Service .
          {active("service", f["parameters"]["as_of"])}
          FILTER NOT EXISTS {{ ?criterion a sg:QualityCriterion ; sg:service ?service }}
        }}""",
    )
    assert column(rows, "service") == {e["service"] for e in f["expected"]}


def test_contracts_ending_are_exactly_the_expected(store):
    """Contracts running on as_of whose end falls within `months` months after it."""
    f = finding("contract-ending")
    as_of = date.fromisoformat(f["parameters"]["as_of"])
    until = months_after(as_of, f["parameters"]["months"])
    rows = select(
        store,
        f"""SELECT ?contract WHERE {{
          ?contract a sg:Contract ; sg:startDate ?start ; sg:endDate ?end .
          FILTER (?start <= {day(as_of)} && {day(as_of)} < ?end && ?end <= {day(until)})
        }}""",
    )
    assert column(rows, "contract") == {e["contract"] for e in f["expected"]}


def test_single_pillar_groups_are_exactly_the_planted_ones(store):
    """Per target group, the top concepts of the legal bases of its active services and of
    their fundings: exactly the expected groups have one, the expected pillar, both counting
    the group's own services and counting those of narrower groups too."""
    f = finding("single-pillar")
    as_of = f["parameters"]["as_of"]
    bases = select(
        store,
        f"""SELECT DISTINCT ?served ?basis WHERE {{
          ?service a sg:Service ; sg:targetGroup ?served ;
              sg:legalBasis|(^sg:fundedService/sg:legalBasis) ?basis .
          {active("service", as_of)}
        }}""",
    )
    tops = select(
        store,
        """SELECT ?basis ?pillar WHERE {
          ?basis skos:inScheme ?scheme ; skos:broader* ?pillar .
          FILTER NOT EXISTS { ?pillar skos:broader ?above }
        }""",
        vocabulary_graphs(store),
    )
    pillars_of: dict[str, set[str]] = {}
    for row in tops:
        pillars_of.setdefault(row["basis"], set()).add(row["pillar"])
    own = defaultdict(set)
    for row in bases:
        own[row["served"]] |= pillars_of[row["basis"]]
    broader = select(
        store,
        f"""SELECT DISTINCT ?served ?group WHERE {{
          ?service a sg:Service ; sg:targetGroup ?served .
          {active("service", as_of)}
          ?served skos:broader* ?group .
        }}""",
    )
    with_narrower = defaultdict(set)
    for row in broader:
        with_narrower[row["group"]] |= own[row["served"]]
    expected = {e["target_group"]: e["pillar"] for e in f["expected"]}
    for pillars in (own, with_narrower):
        single = {group: next(iter(p)) for group, p in pillars.items() if len(p) == 1}
        assert single == expected
