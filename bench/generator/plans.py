"""Per sheet, what the spec cannot say: who funds, who reports to whom, where a place lies."""

import random
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from bench.generator.fiction import FILL, YEARS
from bench.generator.values import Row, cents, coordinate, how_many, polygon
from bench.generator.vocabularies import concept, concepts_under, top_concepts, vocabularies
from bench.generator.world import LOCALITY, World

Plan = Callable[[int], Row]


def _organisations(world: World, rng: random.Random) -> Plan:
    """Every fourth a funder, a few umbrella associations, the others providers."""
    funder_kinds = concepts_under("organisation-kinds", "public-body", "foundation")
    umbrella_kinds = concepts_under("organisation-kinds", "umbrella-association")
    provider_kinds = concepts_under("organisation-kinds", "non-profit", "church-body", "commercial")
    roles = {c.name: c.label for c in vocabularies()["organisation-roles"]}
    funder, umbrella, provider = roles["funder"], roles["umbrella"], roles["provider"]
    others = [label for label in roles.values() if label not in (funder, umbrella, provider)]

    def plan(i: int) -> Row:
        if i % 4 == 0:
            kind, main = rng.choice(funder_kinds), funder
        elif world.is_umbrella(i):
            kind, main = rng.choice(umbrella_kinds), umbrella
        else:
            kind, main = rng.choice(provider_kinds), provider
        extra = rng.sample(others, rng.randint(1, 2)) if rng.random() < 0.4 else []
        return {"kind": kind.label, "roles": [main, *extra]}

    return plan


def _services(world: World, rng: random.Random) -> Plan:
    """A provider (sometimes two), remembered for fundings and contracts; mostly active."""
    providers = world.pools["providers"]
    active = concept("service-statuses", "active").label
    statuses = [c.label for c in vocabularies()["service-statuses"]]

    def plan(i: int) -> Row:
        first = providers.at(rng.randrange(providers.size))
        world.provider_of.append(first)
        chosen = [world.ident("organisations", first)]
        second = world.ident("organisations", providers.at(rng.randrange(providers.size)))
        if rng.random() < 0.1 and second not in chosen:
            chosen.append(second)
        status = active if rng.random() < 0.8 else rng.choice(statuses)
        return {"provider": chosen, "status": status if rng.random() < FILL else None}

    return plan


def _locations(world: World, rng: random.Random) -> Plan:
    """A district's cell gives coordinates and postal code; the district is usually named."""
    leaves = [(i, d) for i, d in enumerate(world.places) if d.parent is not None]

    def plan(i: int) -> Row:
        index, place = rng.choice(leaves)
        return {
            "district": world.ident("districts", index) if rng.random() < 0.9 else None,
            "latitude": coordinate(place.south, place.height, rng),
            "longitude": coordinate(place.west, place.width, rng),
            "postal_code": place.postal_code,
            "locality": LOCALITY,
            "_place": place.name,
        }

    return plan


def _services_at_locations(world: World, rng: random.Random) -> Plan:
    services = world.sizes["services"]
    return lambda i: {"service": world.ident("services", i % services)}


def _fundings(world: World, rng: random.Random) -> Plan:
    """Pairs of rows: one funding in both years; a service, its provider as recipient, or both."""
    funders, services = world.pools["funders"], world.sizes["services"]
    types = [c.label for c in vocabularies()["funding-types"]]
    pair: Row = {}
    amounts = [Decimal(0)]

    def plan(i: int) -> Row:
        if i % 2 == 0:
            service = rng.randrange(services)
            mode = rng.random()
            pair.clear()
            pair.update(
                funder=world.ident("organisations", funders.at(rng.randrange(funders.size))),
                service=world.ident("services", service) if mode < 0.85 else None,
                recipient=None
                if 0.6 <= mode < 0.85
                else world.ident("organisations", world.provider(service, rng)),
                funding_type=rng.choice(types) if rng.random() < FILL else None,
            )
            amounts[0] = cents(200_000, 50_000_000, rng, 5_000)
        year = YEARS[i % 2]
        dated = rng.random() < FILL
        amount = amounts[0] * (1 + Decimal("0.02") * (i % 2))  # 2 % more in the second year
        return {
            **pair,
            "year": year,
            "start": date(year, 1, 1) if dated else None,
            "end": date(year, 12, 31) if dated else None,
            "amount": amount.quantize(Decimal("0.01")),
        }

    return plan


def _committees(world: World, rng: random.Random) -> Plan:
    """Every 20th a steering group; the others (often working groups) report to their block's."""
    steering = concept("committee-types", "steering-group").label
    working = concept("committee-types", "working-group").label
    others = [c.label for c in vocabularies()["committee-types"] if c.label != steering]

    def plan(i: int) -> Row:
        head = i - i % 20
        if i == head:
            return {"committee_type": steering, "reports_to": None}
        kind = working if rng.random() < 0.5 else rng.choice(others)
        reports = world.ident("committees", head) if rng.random() < FILL else None
        return {"committee_type": kind, "reports_to": reports}

    return plan


def _memberships(world: World, rng: random.Random) -> Plan:
    """Four different organisations per committee: the first chairs."""
    roles = {c.name: c.label for c in vocabularies()["committee-roles"]}
    chair, member = roles.pop("chair"), roles["member"]
    others = list(roles.values())
    members: list[int] = []

    def plan(i: int) -> Row:
        if i % 4 == 0:
            members[:] = rng.sample(range(world.sizes["organisations"]), 4)
        role = chair if i % 4 == 0 else member if rng.random() < 0.6 else rng.choice(others)
        return {
            "organisation": world.ident("organisations", members[i % 4]),
            "committee": world.ident("committees", (i // 4) % world.sizes["committees"]),
            "role": role,
        }

    return plan


def _districts(world: World, rng: random.Random) -> Plan:
    def plan(i: int) -> Row:
        place = world.places[i % len(world.places)]
        parent = None if place.parent is None else world.ident("districts", place.parent)
        return {
            "name": place.name,
            "code": place.code,
            "part_of": parent,
            "geometry": polygon(place.south, place.west, place.height, place.width),
        }

    return plan


def _district_statistics(world: World, rng: random.Random) -> Plan:
    """Every district, top indicator and year; planning areas sum (or average) their districts."""
    indicators = top_concepts("indicators")
    places = world.places
    values: dict[tuple[int, int, int], Decimal] = {}
    for d, place in enumerate(places):
        if place.parent is None:
            continue
        people = rng.randint(3_000, 15_000)
        for k, indicator in enumerate(indicators):
            step = Decimal("0.1") if indicator.unit == "percent" else Decimal(1)
            if indicator.unit == "percent":
                base = Decimal(rng.randint(20, 250)) / 10
            elif indicator.name == "population-total":
                base = Decimal(people)
            elif indicator.unit == "households":
                base = Decimal(round(people / rng.uniform(1.8, 2.2)))
            else:
                base = Decimal(round(people * rng.uniform(0.02, 0.12)))
            for y in range(len(YEARS)):
                change = Decimal(rng.randint(-30, 30)) / 1000
                values[d, k, y] = (base * (1 + y * change)).quantize(step)
    for d, place in enumerate(places):
        if place.parent is not None:
            continue
        leaves = [leaf for leaf, p in enumerate(places) if p.parent == d]
        for k, indicator in enumerate(indicators):
            for y in range(len(YEARS)):
                total = sum(values[leaf, k, y] for leaf in leaves)
                if indicator.unit == "percent":
                    total = (total / len(leaves)).quantize(Decimal("0.1"))
                values[d, k, y] = total
    per_place = len(indicators) * len(YEARS)

    def plan(i: int) -> Row:
        d, rest = divmod(i % (len(places) * per_place), per_place)
        k, y = divmod(rest, len(YEARS))
        return {
            "district": world.ident("districts", d),
            "indicator": indicators[k].label,
            "year": YEARS[y],
            "value": values[d, k, y],
        }

    return plan


def _needs(world: World, rng: random.Random) -> Plan:
    return lambda i: {"district": world.ident("districts", (i // 2) % len(world.places))}


def _contracts(world: World, rng: random.Random) -> Plan:
    """A funder commissions the providers of the services concerned."""
    funders, providers, services = (
        world.pools["funders"],
        world.pools["providers"],
        world.sizes["services"],
    )

    def plan(i: int) -> Row:
        commissioner = world.ident("organisations", funders.at(rng.randrange(funders.size)))
        chosen = sorted(rng.sample(range(services), min(services, how_many(rng))))
        if rng.random() >= FILL:
            contractor = providers.at(rng.randrange(providers.size))
            return {
                "commissioner": commissioner,
                "contractors": [world.ident("organisations", contractor)],
                "services": None,
            }
        contractors = dict.fromkeys(
            world.ident("organisations", world.provider(s, rng)) for s in chosen
        )
        return {
            "commissioner": commissioner,
            "contractors": list(contractors),
            "services": [world.ident("services", s) for s in chosen],
        }

    return plan


PLANS: dict[str, Callable[[World, random.Random], Plan]] = {
    "organisations": _organisations,
    "services": _services,
    "locations": _locations,
    "services_at_locations": _services_at_locations,
    "fundings": _fundings,
    "committees": _committees,
    "memberships": _memberships,
    "districts": _districts,
    "district_statistics": _district_statistics,
    "needs": _needs,
    "contracts": _contracts,
}


def no_plan(world: World, rng: random.Random) -> Plan:
    return lambda i: {}
