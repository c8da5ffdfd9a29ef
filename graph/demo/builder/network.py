"""Who works with whom in the demo city: committee memberships and surveyed ties."""

from dataclasses import dataclass

from sozialgraph.graph.demo.builder.cast import BROKERS, COMMITTEES

#: Committee → (organisation, role) rows, the first usually chairing.
SEATS: dict[str, tuple[tuple[str, str], ...]] = {
    "steuerungsgruppe": (("stabsstelle", "chair"), ("fd-soziales", "deputy-chair"),
                         ("fd-jugend", "member"), ("fd-alter", "member"), ("jobcenter", "member"),
                         ("kreis-gesundheit", "member"), ("liga", "member"),
                         ("verband-freier-traeger", "member"), ("diakonisches-werk", "member"),
                         ("caritas-verband", "member"), ("landesamt", "guest")),
    "ag-kinder-familie": (("fd-jugend", "chair"), ("familienbande", "deputy-chair"),
                          ("kinderschutz", "member"), ("brueckenschlag", "member"),
                          ("jugendwerk", "member"), ("staedtische-kitas", "member"),
                          ("kinderwelt", "member"), ("lernwerkstatt", "member"),
                          ("stabsstelle", "member"), ("lernstudio", "guest")),
    "ag-alter-pflege": (("fd-alter", "chair"), ("seniorenhilfe", "deputy-chair"),
                        ("stiftung-st-georg", "member"), ("oekumenische-sozialstation", "member"),
                        ("pflegedienst-sonnenweg", "member"), ("pflege-eg", "member"),
                        ("pflegekasse", "advisory-member"), ("stabsstelle", "member")),
    "ag-existenzsicherung": (("fd-soziales", "chair"), ("jobcenter", "deputy-chair"),
                             ("arbeitsagentur", "member"), ("schuldnerhilfe", "member"),
                             ("wohnraum-fuer-alle", "member"), ("lebensmittelhilfe", "member"),
                             ("zweite-chance", "member"), ("arbeit-perspektive", "member"),
                             ("diakonisches-werk", "member"), ("caritas-verband", "member"),
                             ("wohnbau", "member"), ("stabsstelle", "member")),
    "ag-migration": (("stabsstelle", "chair"), ("kath-sozialdienst", "deputy-chair"),
                     ("bildungswerk-horizont", "member"), ("volkshochschule", "member"),
                     ("sprachinstitut", "member"), ("islamische-gemeinde", "member"),
                     ("landesamt", "guest")),
    "ag-gesundheit": (("kreis-gesundheit", "chair"), ("wegweiser-sucht", "member"),
                      ("psychosoziale-hilfen", "member"), ("selbsthilfe-kontakt", "member"),
                      ("krankenkasse", "advisory-member"), ("fachverband-sucht", "member"),
                      ("stabsstelle", "member")),
    "pg-sozialbericht-2024": (("stabsstelle", "chair"), ("fd-soziales", "member"),
                              ("fd-jugend", "member"), ("liga", "member"),
                              ("gemeinwesen-richtsberg", "member")),
    "pg-sozialbericht-2026": (("stabsstelle", "chair"), ("fd-soziales", "member"),
                              ("fd-jugend", "member"), ("verband-freier-traeger", "member"),
                              ("gemeinwesen-richtsberg", "member"),
                              ("studentische-beratung", "member")),
    "jugendhilfeausschuss": (("fd-jugend", "secretariat"), ("stadtjugendring", "member"),
                             ("verband-freier-traeger", "member"), ("diakonisches-werk", "member"),
                             ("caritas-verband", "member"), ("ev-kirchenkreis", "advisory-member"),
                             ("kinderschutz", "member"), ("jugendwerk", "member")),
    "sozialausschuss": (("fd-soziales", "secretariat"), ("liga", "advisory-member"),
                        ("verband-freier-traeger", "advisory-member"),
                        ("jobcenter", "advisory-member"), ("queeres-zentrum", "guest")),
    "ag78-kita": (("fd-jugend", "chair"), ("staedtische-kitas", "deputy-chair"),
                  ("kinderwelt", "member"), ("kath-pfarrei", "member"),
                  ("familienbande", "member"), ("ev-gemeinde", "member")),
    "ag78-hze": (("fd-jugend", "chair"), ("brueckenschlag", "deputy-chair"),
                 ("kath-sozialdienst", "member"), ("ev-beratungszentrum", "member"),
                 ("kinderschutz", "member")),
    "ag78-jugendarbeit": (("stadtjugendring", "chair"), ("jugendwerk", "deputy-chair"),
                          ("startklar", "member"), ("ev-gemeinde", "member"),
                          ("kath-pfarrei", "member"), ("fd-jugend", "secretariat")),
    "netzwerk-fruehe-hilfen": (("fd-jugend", "coordinator"), ("kinderschutz", "member"),
                               ("familienbande", "member"), ("krankenkasse", "member"),
                               ("ev-beratungszentrum", "member"), ("staedtische-kitas", "member"),
                               ("kreis-gesundheit", "member")),
    "stk-richtsberg": (("gemeinwesen-richtsberg", "chair"), ("internationaler-treff", "member"),
                       ("wohnbau", "member"), ("brueckenschlag", "member"),
                       ("lebensmittelhilfe", "member"), ("psychosoziale-hilfen", "member"),
                       ("arbeit-perspektive", "member"), ("schuldnerhilfe", "member"),
                       ("stabsstelle", "guest")),
    "stk-waldtal": (("stadtteiltreff-waldtal", "chair"), ("lebensmittelhilfe", "member"),
                    ("brueckenschlag", "member"), ("jugendwerk", "member"),
                    ("stabsstelle", "guest")),
    "stk-stadtwald": (("stabsstelle", "facilitator"), ("brueckenschlag", "member"),
                      ("islamische-gemeinde", "member"), ("internationaler-treff", "member"),
                      ("kath-sozialdienst", "member"), ("pflegedienst-sonnenweg", "member")),
    "stk-nordstadt": (("stabsstelle", "facilitator"), ("diakonisches-werk", "member"),
                      ("ev-gemeinde", "member"), ("jugendwerk", "member"),
                      ("zweite-chance", "member"), ("schuldnerhilfe", "member"),
                      ("ev-beratungszentrum", "member")),
    "stk-cappel": (("seniorenhilfe", "chair"), ("oekumenische-sozialstation", "member"),
                   ("pflegedienst-sonnenweg", "member"), ("kath-pfarrei", "member"),
                   ("staedtische-kitas", "member")),
    "seniorenbeirat": (("fd-alter", "secretariat"), ("seniorenhilfe", "member"),
                       ("stiftung-st-georg", "member"), ("ev-kirchenkreis", "advisory-member")),
    "behindertenbeirat": (("teilhabe-verein", "chair"), ("fd-soziales", "secretariat"),
                          ("werkstaetten", "member"), ("selbsthilfe-kontakt", "member"),
                          ("ueberoertlich", "advisory-member")),
    "integrationsbeirat": (("internationaler-treff", "chair"), ("stabsstelle", "secretariat"),
                           ("islamische-gemeinde", "member"), ("kath-sozialdienst", "member"),
                           ("volkshochschule", "guest")),
    "runder-tisch-gewalt": (("fd-soziales", "facilitator"), ("frauenschutz", "spokesperson"),
                            ("kath-sozialdienst", "member"), ("kinderschutz", "member"),
                            ("queeres-zentrum", "member"), ("kreis-gesundheit", "member")),
    "qz-schuldnerberatung": (("fd-soziales", "coordinator"), ("schuldnerhilfe", "member"),
                             ("ev-beratungszentrum", "member"), ("jobcenter", "guest")),
    "ak-wohnungsnotfall": (("wohnraum-fuer-alle", "chair"), ("fd-soziales", "secretariat"),
                           ("wohnbau", "member"), ("diakonisches-werk", "member"),
                           ("psychosoziale-hilfen", "member")),
    "planungskonferenz-pflege": (("fd-alter", "chair"), ("pflegekasse", "member"),
                                 ("krankenkasse", "member"),
                                 ("oekumenische-sozialstation", "member"),
                                 ("pflegedienst-sonnenweg", "member"), ("pflege-eg", "member"),
                                 ("stiftung-st-georg", "member")),
    "netzwerk-sucht": (("kreis-gesundheit", "coordinator"), ("wegweiser-sucht", "member"),
                       ("fachverband-sucht", "member"), ("jugendwerk", "member"),
                       ("startklar", "member")),
    "netzwerk-engagement": (("freiwilligenagentur", "coordinator"), ("buergerstiftung", "member"),
                            ("stiftung-lahnbruecke", "member"), ("foerderfonds", "member"),
                            ("lahnwerk", "member"), ("ev-kirchenkreis", "member")),
}  # fmt: skip

#: Memberships that ended before the demo's as_of: (committee, organisation) → last day.
ENDED_SEATS = {("stk-waldtal", "jugendwerk"): "2025-12-31"}


@dataclass(frozen=True)
class Seat:
    """One membership row."""

    id: str
    organisation: str
    committee: str
    role: str
    start: str
    end: str | None


def seats() -> list[Seat]:
    """Every membership, dated by its committee (and ENDED_SEATS)."""
    committees = {committee.id: committee for committee in COMMITTEES}
    rows = []
    for committee_id, members in SEATS.items():
        committee = committees[committee_id]
        start = max(committee.start, "2020-01-01")
        for organisation, role in members:
            end = ENDED_SEATS.get((committee_id, organisation), committee.end)
            rows.append(
                Seat(
                    f"{committee_id}--{organisation}", organisation, committee_id, role, start, end
                )
            )
    return rows


#: The hubs' ties (recorded both ways, undirected): the brokers of the network.
HUB_TIES: dict[str, tuple[str, ...]] = {
    "stabsstelle": ("fd-jugend", "fd-soziales", "fd-alter", "jobcenter", "kreis-gesundheit",
                    "liga", "gemeinwesen-richtsberg", "stadtteiltreff-waldtal",
                    "internationaler-treff", "kath-sozialdienst", "islamische-gemeinde",
                    "wohnbau", "freiwilligenagentur", "studentische-beratung", "volkshochschule",
                    "verband-freier-traeger"),
    "verband-freier-traeger": ("familienbande", "brueckenschlag", "jugendwerk",
                               "internationaler-treff", "schuldnerhilfe", "wohnraum-fuer-alle",
                               "frauenschutz", "wegweiser-sucht", "teilhabe-verein",
                               "selbsthilfe-kontakt", "kinderschutz", "psychosoziale-hilfen",
                               "liga", "fd-soziales", "stiftung-lahnbruecke",
                               "arbeit-perspektive"),
    "gemeinwesen-richtsberg": ("wohnbau", "lebensmittelhilfe", "brueckenschlag",
                               "psychosoziale-hilfen", "arbeit-perspektive", "schuldnerhilfe",
                               "pflegedienst-sonnenweg", "islamische-gemeinde", "startklar",
                               "ev-kirchenkreis", "internationaler-treff"),
}  # fmt: skip

#: Survey answers (directed: the first named the second) of the current wave.
SURVEY_TIES: tuple[tuple[str, str], ...] = (
    ("ev-gemeinde", "diakonisches-werk"), ("kath-pfarrei", "caritas-verband"),
    ("stiftung-st-georg", "caritas-verband"), ("oekumenische-sozialstation", "pflegekasse"),
    ("pflegedienst-sonnenweg", "pflegekasse"), ("pflege-eg", "seniorenhilfe"),
    ("seniorenhilfe", "fd-alter"), ("krankenkasse", "selbsthilfe-kontakt"),
    ("ueberoertlich", "teilhabe-verein"), ("werkstaetten", "teilhabe-verein"),
    ("landesamt", "frauenschutz"), ("arbeitsagentur", "startklar"), ("startklar", "jobcenter"),
    ("zweite-chance", "jobcenter"), ("lernwerkstatt", "jugendwerk"), ("lernstudio", "jobcenter"),
    ("sprachinstitut", "arbeitsagentur"), ("bildungswerk-horizont", "volkshochschule"),
    ("kinderwelt", "staedtische-kitas"), ("staedtische-kitas", "fd-jugend"),
    ("stadtjugendring", "jugendwerk"), ("fachverband-sucht", "wegweiser-sucht"),
    ("queeres-zentrum", "frauenschutz"), ("ev-beratungszentrum", "schuldnerhilfe"),
    ("ev-beratungszentrum", "kinderschutz"), ("buergerstiftung", "freiwilligenagentur"),
    ("foerderfonds", "teilhabe-verein"), ("lahnwerk", "lebensmittelhilfe"),
    ("ev-kirchenkreis", "diakonisches-werk"), ("kreis-gesundheit", "wegweiser-sucht"),
    ("pflegekasse", "fd-alter"), ("liga", "diakonisches-werk"), ("liga", "caritas-verband"),
    ("kath-sozialdienst", "caritas-verband"), ("wohnbau", "wohnraum-fuer-alle"),
)  # fmt: skip

#: Answers of the 2024 wave that were not given again: ended before the demo's as_of.
OLD_TIES: tuple[tuple[str, str], ...] = (
    ("elterninitiative", "familienbande"), ("nachbarschaftshilfe-schroeck", "seniorenhilfe"),
    ("ergotherapie", "kinderschutz"), ("jugendwerk", "stadtteiltreff-waldtal"),
)  # fmt: skip

CURRENT_SURVEY, OLD_SURVEY = "2026-03-16", "2024-03-18"
OLD_SURVEY_END = "2025-06-30"


@dataclass(frozen=True)
class Tie:
    """One collaboration tie row."""

    id: str
    source: str
    target: str
    directed: bool
    observed: str
    end: str | None


def ties() -> list[Tie]:
    """The hubs' undirected ties, the directed survey answers and the old wave's."""
    rows = [
        Tie(f"{hub}--{other}", hub, other, False, CURRENT_SURVEY, None)
        for hub in BROKERS
        for other in HUB_TIES[hub]
    ]
    rows += [Tie(f"{a}--{b}", a, b, True, CURRENT_SURVEY, None) for a, b in SURVEY_TIES]
    rows += [Tie(f"{a}--{b}-2024", a, b, True, OLD_SURVEY, OLD_SURVEY_END) for a, b in OLD_TIES]
    return rows
