"""Template rows for quality: criteria, effectiveness reviews and contracts."""

import random
from datetime import date, timedelta

from sozialgraph.graph.demo.builder.cast import ISOLATED
from sozialgraph.graph.demo.builder.records import Row, day, family_of, label, labels
from sozialgraph.graph.demo.builder.services import Service

#: Active services with no effectiveness review at all, and with only an old one.
WITHOUT_REVIEW = (
    "hausaufgabenhilfe-waldtal",
    "sprachcafe-wehrda",
    "seniorentreff-bauerbach",
    "elterngruppe-wehrda",
    "mittagstisch-cappel",
)
OLD_REVIEW = {
    "gemeinwesenarbeit-schroeck": "2021-05-10",
    "digital-volkshochschule": "2022-03-01",
    "streetwork-oberstadt": "2021-11-15",
}
#: Active services without any quality criterion.
WITHOUT_CRITERIA = (
    "ergotherapie-oberstadt",
    "lernfoerderung-lernstudio",
    "sport-cappel",
    "besuchsdienst-schroeck",
)

DIMENSIONS = (
    "qualified-staff",
    "written-concept",
    "child-protection-concept",
    "complaint-management",
    "user-participation",
    "cooperation-and-networking",
    "documentation-and-reporting",
    "target-group-reach",
    "user-satisfaction",
)
METHODS = (
    "self-evaluation",
    "user-survey",
    "indicator-based-reporting",
    "external-evaluation",
    "effectiveness-dialogue",
)
RESULTS = ("effective", "effective", "partly-effective", "inconclusive", "not-effective")


def criterion_rows(services: list[Service]) -> list[Row]:
    rng = random.Random("demo:criteria")
    rows = []
    for s in services:
        if s.id in WITHOUT_CRITERIA:
            continue
        for n, dimension in enumerate(sorted(rng.sample(DIMENSIONS, rng.randint(1, 3))), start=1):
            rows.append(
                {
                    "id": f"{s.id}--q{n}",
                    "service": s.id,
                    "dimension": label("quality-dimensions", dimension),
                    "fulfilled": rng.random() < 0.8,
                }
            )
    return rows


def review_rows(services: list[Service]) -> list[Row]:
    """One recent review per service (some two); planned ones have none yet."""
    rng = random.Random("demo:reviews")
    rows = []
    for s in services:
        if s.id in WITHOUT_REVIEW or s.status == "planned":
            continue
        dates = [OLD_REVIEW[s.id]] if s.id in OLD_REVIEW else []
        if not dates:
            latest = date(2025, 11, 30) if s.end else date(2026, 5, 31)
            dates.append((latest - timedelta(days=rng.randrange(0, 900))).isoformat())
            if rng.random() < 0.2:
                dates.insert(0, f"{rng.randrange(2019, 2022)}-{rng.randrange(1, 13):02d}-15")
        for n, when in enumerate(dates, start=1):
            rows.append(
                {
                    "id": f"{s.id}--r{n}",
                    "service": s.id,
                    "date": day(when),
                    "method": label("review-methods", rng.choice(METHODS)),
                    "result": label("review-results", rng.choice(RESULTS)),
                }
            )
    return rows


CONTRACT_TYPES = {
    "fee-per-case": "service-agreement",
    "procurement": "public-procurement-contract",
    "institutional-grant": "grant-notice",
    "shortfall-funding": "grant-notice",
    "full-funding": "grant-contract",
    "project-grant": "grant-notice",
}
#: Contracts ending within six months of the demo's as_of (planted), or ended before it.
CONTRACT_ENDS = {
    "landesamt--bildungswerk-horizont--migrationsberatung-horizont": "2026-07-31",
    "jobcenter--arbeit-perspektive--arbeitsgelegenheiten": "2026-09-30",
    "fd-soziales--wohnraum-fuer-alle--notunterkunft": "2026-10-31",
    "fd-jugend--brueckenschlag--jugendwohngruppe": "2026-12-15",
    "jobcenter--zweite-chance--arbeitsgelegenheiten": "2025-12-31",
    "fd-soziales--queeres-zentrum--queere-beratung": "2025-12-31",
}


def contract_groups(services: list[Service]) -> dict[str, tuple[str, str, str, list[Service]]]:
    """Contract ID → (commissioner, contractor, funding type, services) for paid services."""
    groups: dict[str, tuple[str, str, str, list[Service]]] = {}
    for s in services:
        if s.provider in ISOLATED or s.status == "planned":
            continue
        for funding in s.fundings:
            if funding.type in CONTRACT_TYPES:
                key = f"{funding.funder}--{s.provider}--{family_of(s)}"
                groups.setdefault(key, (funding.funder, s.provider, funding.type, []))[3].append(s)
    return groups


def contract_rows(services: list[Service]) -> list[Row]:
    rows = []
    for n, (id, (funder, provider, funding_type, paid)) in enumerate(
        sorted(contract_groups(services).items())
    ):
        kind = CONTRACT_TYPES.get(funding_type, "grant-contract")
        end = CONTRACT_ENDS.get(id)
        if end is None and kind != "service-agreement":
            end = f"{2027 + n % 3}-12-31"
        rows.append(
            {
                "id": id,
                "name": f"{label('contract-types', kind)} {paid[0].name}",
                "commissioner": funder,
                "contractors": [provider],
                "contract_type": label("contract-types", kind),
                "services": [s.id for s in paid],
                "legal_basis": labels("legal-bases", paid[0].legal_bases[:1]),
                "start": day(f"{2019 + n % 5}-01-01"),
                "end": day(end),
            }
        )
    return rows
