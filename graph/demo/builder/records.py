"""Template rows for organisations, services, their places and their money.

Rows are dicts keyed by the spec's column keys; vocabulary cells hold German labels, as a
planner would type them.
"""

import random
from datetime import date
from decimal import Decimal

from sozialgraph.graph.demo.builder.cast import (
    DISTRICT_BY_ID,
    ISOLATED,
    ORGANISATION_BY_ID,
    ORGANISATIONS,
)
from sozialgraph.graph.demo.builder.services import NO_LEGAL_BASIS, Service
from sozialgraph.graph.vocabulary import vocabulary_index
from sozialgraph.ontology.namespaces import concept_iri

Row = dict[str, object]

YEARS = (2025, 2026)
FICTION_PHONE = "069 90009 {:03d}"  # the range kept for film and fiction
FICTIONAL = "Fiktive Organisation der Demo-Daten; Ähnlichkeiten mit echten sind zufällig."
#: Yearly change from 2025 to 2026 by service family (default +3 %).
CHANGE_2026 = {
    "sprachcafe": 0.7,
    "streetwork": 0.75,
    "schulsozialarbeit": 1.15,
    "fruehe-hilfen": 1.25,
    "lebensmittelausgabe": 0.5,
}
STREETS = (
    "Am Grün",
    "Lindenweg",
    "Schulstraße",
    "Gartenstraße",
    "Am Bachlauf",
    "Kirchweg",
    "Ahornstraße",
    "Bergstraße",
)
OPENING_HOURS = (
    ["Mo-Fr 09:00-16:00"],
    ["Mo-Do 08:00-17:00", "Fr 08:00-13:00"],
    ["Di 14:00-18:00", "Do 09:00-12:00"],
    ["Mo-Fr 07:00-17:00"],
    ["Mi 15:00-19:00", "Sa 10:00-14:00"],
)


def label(scheme: str, concept: str) -> str:
    """The German label of a concept given by its ID."""
    return vocabulary_index().schemes[scheme].labels[str(concept_iri(scheme, concept))]


def labels(scheme: str, concepts) -> list[str]:
    return [label(scheme, concept) for concept in concepts]


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def family_of(service: Service) -> str:
    """The family a service belongs to: its ID without the district or provider part.

    >>> service = Service("streetwork-nord", "", "jugendwerk", "", (), (), (), (), ("nord",))
    >>> family_of(service)
    'streetwork'
    """
    for suffix in (service.provider, *service.districts):
        if service.id.endswith(f"-{suffix}"):
            return service.id.removesuffix(f"-{suffix}").removesuffix(f"-{service.districts[0]}")
    return service.id


def organisation_rows() -> list[Row]:
    return [
        {
            "id": o.id,
            "name": o.name,
            "kind": label("organisation-kinds", o.kind),
            "roles": labels("organisation-roles", o.roles),
            "member_of": list(o.member_of),
            "part_of": o.part_of,
            "website": f"https://{o.id}.example",
            "email": f"info@{o.id}.example",
            "phone": FICTION_PHONE.format(n),
            "description": FICTIONAL,
        }
        for n, o in enumerate(ORGANISATIONS, start=100)
    ]


def service_rows(services: list[Service]) -> list[Row]:
    rows = []
    for s in services:
        ages = s.ages or (None, None)
        rows.append(
            {
                "id": s.id,
                "name": s.name,
                "provider": [s.provider],
                "target_groups": labels("target-groups", s.target_groups),
                "fields_of_action": labels("fields-of-action", s.fields),
                "service_type": labels("service-types", [s.type]),
                "status": label("service-statuses", s.status),
                "districts_served": list(s.districts),
                "places": s.places,
                "minimum_age": ages[0],
                "maximum_age": ages[1],
                "legal_basis": labels("legal-bases", s.legal_bases),
                "start": day(s.start),
                "end": day(s.end),
                "description": "Fiktives Angebot der Demo-Daten.",
            }
        )
    return rows


def location_of(service: Service) -> str:
    """The ID of the location where a service takes place."""
    if service.confidential_address or service.places:
        return service.id
    if service.city_wide:
        return f"buero-{service.provider}"
    prefix = service.id.split("-")[0]
    if prefix in ("kita", "schulsozialarbeit", "jugendtreff"):
        return f"{prefix}-{service.districts[0]}"
    return f"zentrum-{service.districts[0]}"


def _location(id: str, name: str, district: str, n: int, hidden: bool = False) -> Row:
    place = DISTRICT_BY_ID[district]
    return {
        "id": id,
        "name": name,
        "street": None if hidden else f"{STREETS[n % 8]} {n % 40 + 1}",
        "postal_code": place.postal_code,
        "locality": "Marburg",
        "district": district,
        "latitude": None if hidden else Decimal(f"{place.latitude + (n % 7 - 3) * 0.0007:.4f}"),
        "longitude": None if hidden else Decimal(f"{place.longitude + (n % 5 - 2) * 0.0009:.4f}"),
        "description": "Adresse vertraulich." if hidden else None,
    }


def location_rows(services: list[Service]) -> list[Row]:
    names = {
        "kita": "Kita-Gebäude",
        "schulsozialarbeit": "Grundschule",
        "jugendtreff": "Jugendhaus",
        "zentrum": "Stadtteilzentrum",
        "buero": "Geschäftsstelle",
    }
    rows: dict[str, Row] = {}
    for n, s in enumerate(services):
        id = location_of(s)
        if id in rows:
            continue
        prefix, _, rest = id.partition("-")
        if id == s.id:
            name, district = s.name, s.districts[0]
        elif prefix == "buero":
            organisation = ORGANISATION_BY_ID[rest]
            name, district = f"{names[prefix]} {organisation.name}", organisation.home
        else:
            name, district = f"{names[prefix]} {DISTRICT_BY_ID[rest].name}", rest
        rows[id] = _location(id, name, district, n, hidden=s.confidential_address)
    return list(rows.values())


def service_at_location_rows(services: list[Service]) -> list[Row]:
    rng = random.Random("demo:opening")
    accessibility = (
        "Rollstuhlgerecht",
        "Stufenloser Zugang",
        "Barrierefreies WC",
        "Leichte Sprache",
        "Kostenfrei",
        "Niedrigschwelliger Zugang",
    )
    return [
        {
            "id": f"sal-{s.id}",
            "service": s.id,
            "location": location_of(s),
            "opening_hours": OPENING_HOURS[n % len(OPENING_HOURS)],
            "languages": labels("languages", s.languages),
            "accessibility": sorted(rng.sample(accessibility, rng.randint(1, 3))),
        }
        for n, s in enumerate(services)
    ]


def funding_amount(service: Service, share: float, year: int) -> Decimal:
    """A service's yearly cost share, changed from 2025 to 2026 by its family's rate."""
    amount = service.amount * share
    if year == 2026:
        amount *= CHANGE_2026.get(family_of(service), 1.03)
        if service.status == "planned":
            amount *= 0.25  # starts in October
    return Decimal(round(amount)).quantize(Decimal("0.01"))


def funded_years(service: Service) -> tuple[int, ...]:
    """The budget years a service is funded in: not after its end, not before its start."""
    return tuple(y for y in YEARS if service.start[:4] <= str(y) <= (service.end or "9999")[:4])


def funding_rows(services: list[Service]) -> list[Row]:
    rows = []
    for s in services:
        if s.provider in ISOLATED:
            continue
        for n, funding in enumerate(s.fundings):
            legal = s.legal_bases[:1] if funding.legal_basis is None else [funding.legal_basis]
            legal = [b for b in legal if b != NO_LEGAL_BASIS]
            again = [f.funder for f in s.fundings[:n]].count(funding.funder)
            name = f"{funding.funder}-{again + 1}" if again else funding.funder
            for year in funded_years(s):
                rows.append(
                    {
                        "id": f"{s.id}--{name}--{year}",
                        "funder": funding.funder,
                        "service": s.id,
                        "recipient": s.provider,
                        "funding_type": label("funding-types", funding.type),
                        "legal_basis": labels("legal-bases", legal),
                        "year": year,
                        "amount": funding_amount(s, funding.share, year),
                    }
                )
    for funder, recipient, legal, *amounts in INSTITUTIONAL_GRANTS:
        for year, amount in zip(YEARS, amounts, strict=True):
            rows.append(
                {
                    "id": f"{recipient}--{funder}--{year}",
                    "funder": funder,
                    "recipient": recipient,
                    "funding_type": label("funding-types", "institutional-grant"),
                    "legal_basis": labels("legal-bases", [legal]),
                    "year": year,
                    "amount": Decimal(amount).quantize(Decimal("0.01")),
                }
            )
    return rows


#: Grants to organisations rather than services: funder, recipient, legal basis, 2025, 2026.
INSTITUTIONAL_GRANTS = (
    ("fd-soziales", "verband-freier-traeger", "voluntary-municipal-service", 48_000, 50_000),
    ("fd-soziales", "liga", "voluntary-municipal-service", 30_000, 30_000),
    ("fd-jugend", "stadtjugendring", "sgb-viii-12", 65_000, 58_000),
    ("fd-soziales", "selbsthilfe-kontakt", "voluntary-municipal-service", 12_000, 15_000),
)
