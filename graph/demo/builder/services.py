"""What the demo city offers: the services, written as families of like services.

Every district has the same five basic services (day care, school social work, youth
centre, family centre, senior meeting place); the families below add specialised ones,
each instance in one district, in several, or city-wide. Where an instance list names a
district for two providers of the same type and target group, that is an overlap on
purpose (see `findings.py`).
"""

from dataclasses import dataclass, replace

from sozialgraph.graph.demo.builder.cast import ALL_DISTRICTS, DISTRICTS

ALL = "all"  # an instance serving every district: one city-wide service
NO_LEGAL_BASIS = ""


@dataclass(frozen=True)
class Funding:
    """Who pays for a family's services, how, and on which legal basis.

    The legal basis defaults to the service's first; NO_LEGAL_BASIS (donations, foundations)
    leaves it out.
    """

    funder: str
    type: str
    legal_basis: str | None = None
    share: float = 1.0


@dataclass(frozen=True)
class Service:
    """One service as the builder knows it, before it becomes template rows."""

    id: str
    name: str
    provider: str
    type: str
    target_groups: tuple[str, ...]
    fields: tuple[str, ...]
    legal_bases: tuple[str, ...]
    fundings: tuple[Funding, ...]
    districts: tuple[str, ...]  # area served; the first is where it takes place
    places: int | None = None
    ages: tuple[int, int] | None = None
    amount: int = 20_000  # yearly cost in euro, split over the fundings by share
    start: str = "2018-01-01"
    end: str | None = None
    status: str = "active"
    languages: tuple[str, ...] = ("german",)
    confidential_address: bool = False

    @property
    def city_wide(self) -> bool:
        return len(self.districts) == len(ALL_DISTRICTS)


@dataclass(frozen=True)
class Family:
    """Like services of several providers: each instance is a district, a tuple or ALL."""

    id: str
    name: str
    type: str
    target_groups: tuple[str, ...]
    fields: tuple[str, ...]
    legal_bases: tuple[str, ...]
    fundings: tuple[Funding, ...]
    instances: dict[str, tuple]
    places: int | None = None
    ages: tuple[int, int] | None = None
    amount: int = 20_000
    languages: tuple[str, ...] = ("german",)


def _family(id, name, type, groups, fields, legal, fundings, instances, **options) -> Family:
    return Family(
        id,
        name,
        type,
        tuple(groups),
        tuple(fields),
        tuple(legal),
        tuple(fundings),
        instances,
        **options,
    )


def _f(funder: str, type: str, legal_basis: str | None = None, share: float = 1.0) -> Funding:
    return Funding(funder, type, legal_basis, share)


# the basic services of every district, with their providers by district
KITA_PROVIDERS = ("staedtische-kitas", "kinderwelt", "kath-pfarrei", "ev-gemeinde", "familienbande")
SCHOOL_PROVIDERS = ("brueckenschlag", "jugendwerk", "kath-sozialdienst", "startklar")
YOUTH_PROVIDERS = ("jugendwerk", "ev-gemeinde", "kath-pfarrei", "brueckenschlag")
FAMILY_PROVIDERS = ("familienbande", "ev-gemeinde", "kath-pfarrei", "kinderschutz")
SENIOR_PROVIDERS = (
    "seniorenhilfe",
    "stiftung-st-georg",
    "ev-gemeinde",
    "kath-pfarrei",
    "diakonisches-werk",
)

#: Day care places per child aged 3 to 5, by district (default 0.9): two far below the rest.
KITA_COVER = {
    "richtsberg": 0.35,
    "waldtal": 0.3,
    "ortenberg": 1.0,
    "wehrda": 0.85,
    "oberstadt": 0.8,
    "suedviertel": 0.95,
    "bauerbach": 0.95,
}
#: Share of residents aged 3 to 5, by district profile.
CHILDREN_3_5 = {
    "students": 0.018,
    "mixed": 0.026,
    "families": 0.036,
    "older": 0.022,
    "estate": 0.034,
}


def basic_services() -> list[Service]:
    """The five basic services of each district (the Waldtal youth centre closed in 2025)."""
    services = []
    for n, district in enumerate(DISTRICTS):
        d, name = district.id, district.name
        children = round(district.population * CHILDREN_3_5[district.profile])
        services += [
            Service(
                f"kita-{d}",
                f"Kita {name}",
                KITA_PROVIDERS[n % 5],
                "day-care-centre-for-children",
                ("infants", "preschool-children"),
                ("early-childhood-education",),
                ("sgb-viii-22", "state-childcare-act"),
                (
                    _f("fd-jugend", "fee-per-case", "sgb-viii-22", 0.7),
                    _f("landesamt", "per-place-lump-sum", "state-childcare-act", 0.3),
                ),
                (d,),
                places=round(children * KITA_COVER.get(d, 0.9)),
                ages=(1, 6),
                amount=9_000 * round(children * KITA_COVER.get(d, 0.9)) // 10,
                status="waiting-list" if d == "ortenberg" else "active",
            ),
            Service(
                f"schulsozialarbeit-{d}",
                f"Schulsozialarbeit Grundschule {name}",
                SCHOOL_PROVIDERS[n % 4],
                "school-social-work",
                ("primary-school-children", "children-aged-10-13"),
                ("school-social-work",),
                ("sgb-viii-13a",),
                (
                    _f("fd-jugend", "project-grant", share=0.6),
                    _f("landesamt", "fixed-amount-funding", "state-funding-programme", 0.4),
                ),
                (d,),
                ages=(6, 13),
                amount=58_000,
            ),
            Service(
                f"familienzentrum-{d}",
                f"Familienzentrum {name}",
                FAMILY_PROVIDERS[n % 4],
                "family-centre",
                ("families", "families-with-young-children")
                + (() if d == "richtsberg" else ("single-parents",)),
                ("family-education", "early-help"),
                ("sgb-viii-16",),
                (
                    _f("fd-jugend", "institutional-grant", share=0.7),
                    _f("landesamt", "fixed-amount-funding", "state-funding-programme", 0.3),
                ),
                (d,),
                amount=45_000,
            ),
            Service(
                f"seniorentreff-{d}",
                f"Seniorentreff {name}",
                SENIOR_PROVIDERS[n % 5],
                "senior-citizens-centre",
                ("young-old-people", "very-old-people"),
                ("assistance-for-older-people",),
                ("sgb-xii-71",),
                (
                    _f("fd-alter", "fixed-amount-funding", share=0.8),
                    _f("pflegekasse", "project-grant", "sgb-xi-45c", 0.2),
                ),
                (d,),
                ages=(60, 99),
                amount=12_000,
            ),
            Service(
                f"eltern-kind-gruppe-{d}",
                f"Eltern-Kind-Gruppe {name}",
                FAMILY_PROVIDERS[(n + 1) % 4],
                "group-programme",
                ("families-with-young-children",),
                ("family-education",),
                ("sgb-viii-16",),
                (_f("stiftung-lahnbruecke", "foundation-funding", NO_LEGAL_BASIS),),
                (d,),
                ages=(0, 3),
                amount=4_000,
            ),
        ]
        youth = Service(
            f"jugendtreff-{d}",
            f"Jugendtreff {name}",
            YOUTH_PROVIDERS[n % 4],
            "open-youth-centre",
            ("adolescents", "young-adults"),
            ("open-youth-work",),
            ("sgb-viii-11",),
            (
                _f("fd-jugend", "fixed-amount-funding", share=0.8),
                _f("landesamt", "project-grant", "state-funding-programme", 0.2),
            ),
            (d,),
            ages=(12, 21),
            amount=52_000,
        )
        if d == "waldtal":  # closed at the end of 2025; a new start is planned for October 2026
            services += [
                replace(youth, status="ended", end="2025-12-31"),
                replace(
                    youth,
                    id="jugendtreff-waldtal-neustart",
                    name="Jugendtreff Waldtal (Neustart)",
                    provider="stadtteiltreff-waldtal",
                    status="planned",
                    start="2026-10-01",
                ),
            ]
        else:
            services.append(youth)
    return services
