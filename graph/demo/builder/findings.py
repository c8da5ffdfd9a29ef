"""What the demo data was built to show, and a plain-Python check that it does show it.

Each finding is computed here from the builder's own records, independently of the
store and the queries, and must equal what was planted on purpose; the builder stops
otherwise. The result becomes `planted.json`, against which the queries and network
measures are tested.
"""

import calendar
from collections import defaultdict
from datetime import date
from functools import cache
from statistics import median

from sozialgraph.graph.demo.builder.cast import BROKERS, DISTRICTS, ISOLATED, ORGANISATIONS
from sozialgraph.graph.demo.builder.city import NEEDS, STATISTICS_YEARS, population
from sozialgraph.graph.demo.builder.network import seats, ties
from sozialgraph.graph.demo.builder.services import NO_LEGAL_BASIS, Service
from sozialgraph.graph.demo.builder.upkeep import (
    CONTRACT_ENDS,
    OLD_REVIEW,
    WITHOUT_CRITERIA,
    WITHOUT_REVIEW,
)
from sozialgraph.graph.vocabulary import vocabulary_index
from sozialgraph.ontology.namespaces import SG, concept_iri

AS_OF = "2026-06-30"
REVIEW_YEARS, CONTRACT_MONTHS, SUPPLY_SHARE = 3, 6, 0.5
SUPPLY_GROUP = "preschool-children"

PLANTED_GAPS = {
    ("waldtal", "adolescents"),
    ("richtsberg", "single-parents"),
    ("cappel", "older-people-living-alone"),
    ("stadtwald", "people-with-limited-german"),
}
PLANTED_LOW_SUPPLY = {"richtsberg", "waldtal"}
PLANTED_OVERLAPS = {  # (district, service type, target group): coordinated?
    ("nordstadt", "debt-counselling-centre", "over-indebted-people"): True,
    ("richtsberg", "migration-counselling-service", "newly-arrived-immigrants"): False,
    ("ockershausen", "homework-help", "primary-school-children"): False,
}
PLANTED_SINGLE_PILLAR = {
    "unaccompanied-minor-refugees": "sgb-viii",
    "people-with-intellectual-disabilities": "sgb-ix",
    "caring-relatives": "sgb-xi",
    "long-term-unemployed": "sgb-ii",
}


class NotAsPlanted(AssertionError):
    """The records do not show exactly what was planted."""


def _check(name: str, found, planted) -> None:
    if found != planted:
        raise NotAsPlanted(f"{name}: found {sorted(found)}, planted {sorted(planted)}")


def active(start: str | None, end: str | None, as_of: str = AS_OF) -> bool:
    """Valid on as_of: started (or no start) and not ended (DESIGN.md, decision 6)."""
    return (start or "") <= as_of and (end is None or as_of <= end)


def _iri(scheme: str, concept: str) -> str:
    return str(concept_iri(scheme, concept))


def _id(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


@cache
def narrower_or_self(scheme: str, concept: str) -> frozenset[str]:
    """A concept and every concept below it, as IDs."""
    index = vocabulary_index()
    found = {_iri(scheme, concept)}
    while True:
        more = {n for n, broader in index.broader.items() if set(broader) & found} - found
        if not more:
            return frozenset(_id(iri) for iri in found)
        found |= more


def top(scheme: str, concept: str) -> str:
    return _id(vocabulary_index().top_concept(_iri(scheme, concept)))


@cache
def _population_indicators() -> dict[str, str]:
    from sozialgraph.ontology.files import load_vocabularies

    pairs = load_vocabularies().subject_objects(SG.populationIndicator)
    return {_id(str(group)): _id(str(indicator)) for group, indicator in pairs}


def population_indicator(group: str) -> str | None:
    """The indicator counting a target group's residents, if it has one."""
    return _population_indicators().get(group)


def _latest_population(district, indicator: str) -> int:
    year = max(y for y in STATISTICS_YEARS if str(y) <= AS_OF[:4])
    return population(district, year).get(indicator, 0)


def gaps(services: list[Service]) -> set[tuple[str, str]]:
    """(district, group) with documented need or residents of the group, but no service for
    the group (or a narrower one) serving the district on as_of."""
    live = [s for s in services if active(s.start, s.end)]
    cells = {(d, g) for d, g, _, _, when in NEEDS if when <= AS_OF}
    groups = {g for s in services for g in s.target_groups}
    for group in groups:
        indicator = population_indicator(group)
        if indicator:
            cells |= {(d.id, group) for d in DISTRICTS if _latest_population(d, indicator) > 0}
    found = set()
    for district, group in cells:
        wanted = narrower_or_self("target-groups", group)
        if not any(district in s.districts and wanted & set(s.target_groups) for s in live):
            found.add((district, group))
    return found


def low_supply(services: list[Service], group: str = SUPPLY_GROUP) -> dict[str, float]:
    """Places per 1,000 residents of the group, for districts below SUPPLY_SHARE of the median."""
    wanted = narrower_or_self("target-groups", group)
    indicator = population_indicator(group)
    per_1000 = {}
    for d in DISTRICTS:
        places = sum(
            s.places or 0
            for s in services
            if active(s.start, s.end) and d.id in s.districts and wanted & set(s.target_groups)
        )
        per_1000[d.id] = 1000 * places / _latest_population(d, indicator)
    middle = median(per_1000.values())
    flagged = {d: round(v, 1) for d, v in per_1000.items() if v < SUPPLY_SHARE * middle}
    closest = min(v for d, v in per_1000.items() if d not in flagged)
    if closest < 0.7 * middle:
        raise NotAsPlanted(f"low supply: {closest:.0f} is too close to the threshold")
    return flagged


def _active_seats() -> dict[str, set[str]]:
    committees: dict[str, set[str]] = defaultdict(set)
    for seat in seats():
        if active(seat.start, seat.end):
            committees[seat.organisation].add(seat.committee)
    return committees


def _active_arcs() -> set[tuple[str, str]]:
    arcs = set()
    for tie in ties():
        if active(None, tie.end):
            arcs.add((tie.source, tie.target))
            if not tie.directed:
                arcs.add((tie.target, tie.source))
    return arcs


def overlaps(services: list[Service]) -> dict[tuple[str, str, str], bool]:
    """(district, type, group) offered by two or more providers: coordinated if every pair
    shares a committee or a tie on as_of."""
    providers: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for s in services:
        if active(s.start, s.end):
            for district in s.districts:
                for group in s.target_groups:
                    providers[(district, s.type, group)].add(s.provider)
    seats_of, arcs = _active_seats(), _active_arcs()

    def coordinated(a: str, b: str) -> bool:
        return bool(seats_of[a] & seats_of[b]) or (a, b) in arcs or (b, a) in arcs

    return {
        cell: all(coordinated(a, b) for a in names for b in names if a < b)
        for cell, names in providers.items()
        if len(names) > 1
    }


def brokerage() -> dict[str, dict[str, int]]:
    """Gould and Fernandez brokerage roles per organisation on the active collaboration ties,
    the group being the top concept of the organisation's kind: for every open two-path
    a → broker → c (a ≠ c, no tie a → c) one role by whose groups are equal."""
    arcs = _active_arcs()
    group = {o.id: top("organisation-kinds", o.kind) for o in ORGANISATIONS}
    successors, predecessors = defaultdict(set), defaultdict(set)
    for a, b in arcs:
        successors[a].add(b)
        predecessors[b].add(a)
    roles: dict[str, dict[str, int]] = {}
    for broker in set(successors) & set(predecessors):
        counts = dict.fromkeys(ROLES, 0)
        for a in predecessors[broker]:
            for c in successors[broker]:
                if a != c and (a, c) not in arcs:
                    counts[_role(group[a], group[broker], group[c])] += 1
        roles[broker] = counts
    return roles


ROLES = ("coordinator", "gatekeeper", "representative", "consultant", "liaison")


def _role(a: str, broker: str, c: str) -> str:
    if a == broker == c:
        return "coordinator"
    if a == c:
        return "consultant"
    if broker == c:
        return "gatekeeper"
    if a == broker:
        return "representative"
    return "liaison"


def total_brokerage() -> dict[str, int]:
    """All five roles together, per organisation."""
    return {broker: sum(counts.values()) for broker, counts in brokerage().items()}


def isolated(services: list[Service], fundings: list[dict], contracts: list[dict]) -> set[str]:
    """Organisations with no tie, committee, funding, contract or association on as_of."""
    linked = {a for arc in _active_arcs() for a in arc} | set(_active_seats())
    linked |= {r[k] for r in fundings for k in ("funder", "recipient") if r.get(k)}
    linked |= {r["commissioner"] for r in contracts} | {
        c for r in contracts for c in r["contractors"]
    }
    for o in ORGANISATIONS:
        if o.member_of or o.part_of:
            linked |= {o.id, *o.member_of, *([o.part_of] if o.part_of else [])}
    return {o.id for o in ORGANISATIONS} - linked


def without_review(services: list[Service], reviews: list[dict]) -> set[str]:
    since = date.fromisoformat(AS_OF).replace(year=int(AS_OF[:4]) - REVIEW_YEARS)
    recent = {r["service"] for r in reviews if since <= r["date"] <= date.fromisoformat(AS_OF)}
    return {s.id for s in services if active(s.start, s.end) and s.id not in recent}


def without_criteria(services: list[Service], criteria: list[dict]) -> set[str]:
    covered = {r["service"] for r in criteria}
    return {s.id for s in services if active(s.start, s.end) and s.id not in covered}


def months_after(day: date, months: int) -> date:
    """The same day `months` later (the month's last day if it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def contracts_ending(contracts: list[dict]) -> set[str]:
    """Contracts running on as_of that end within CONTRACT_MONTHS after it."""
    as_of = date.fromisoformat(AS_OF)
    until = months_after(as_of, CONTRACT_MONTHS)
    return {
        r["id"]
        for r in contracts
        if r["start"] <= as_of and r["end"] is not None and as_of < r["end"] <= until
    }


def single_pillar(services: list[Service], with_narrower: bool) -> dict[str, str]:
    """Target groups whose active services all rest on one pillar (a top legal basis)."""
    pillars: dict[str, set[str]] = defaultdict(set)
    for s in services:
        if not active(s.start, s.end):
            continue
        bases = set(s.legal_bases) | {
            f.legal_basis for f in s.fundings if f.legal_basis and f.legal_basis != NO_LEGAL_BASIS
        }
        for group in s.target_groups:
            pillars[group] |= {top("legal-bases", b) for b in bases}
    if with_narrower:
        pillars = {
            g: set().union(*(pillars.get(n, set()) for n in narrower_or_self("target-groups", g)))
            for g in pillars
        }
    return {g: next(iter(p)) for g, p in pillars.items() if len(p) == 1}


def check_planted(services, fundings, contracts, reviews, criteria) -> None:
    """Raise NotAsPlanted unless the records show exactly the planted findings."""
    _check("gaps", gaps(services), PLANTED_GAPS)
    _check("low supply", set(low_supply(services)), PLANTED_LOW_SUPPLY)
    _check("overlaps", overlaps(services), PLANTED_OVERLAPS)
    scores = sorted(total_brokerage().items(), key=lambda item: -item[1])
    _check("brokers", {o for o, _ in scores[:3]}, set(BROKERS))
    if scores[2][1] < 2 * scores[3][1]:
        raise NotAsPlanted(f"brokers: {scores[:4]} leave too small a margin")
    _check("isolated", isolated(services, fundings, contracts), set(ISOLATED))
    _check("no committee", {o.id for o in ORGANISATIONS} - set(_active_seats()), set(ISOLATED))
    _check(
        "without review", without_review(services, reviews), set(WITHOUT_REVIEW) | set(OLD_REVIEW)
    )
    _check("without criteria", without_criteria(services, criteria), set(WITHOUT_CRITERIA))
    ending = {k for k, v in CONTRACT_ENDS.items() if v > AS_OF}
    _check("contracts ending", contracts_ending(contracts), ending)
    for with_narrower in (False, True):
        _check("single pillar", single_pillar(services, with_narrower), PLANTED_SINGLE_PILLAR)
