"""Who is in the demo city: districts, organisations and committees.

District names are Marburg's; every figure about them is invented. Every organisation is
invented: county-level bodies carry the placeholder "Musterkreis", and no name stands for
a real organisation.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class District:
    """A district with its (invented) population and social profile."""

    id: str
    name: str
    code: str
    latitude: float
    longitude: float
    population: int
    profile: str  # students, families, older, mixed, estate (large housing estate)
    postal_code: str


DISTRICTS: tuple[District, ...] = (
    District("oberstadt", "Oberstadt", "01", 50.8105, 8.7670, 4_300, "students", "35037"),
    District("weidenhausen", "Weidenhausen", "02", 50.8060, 8.7760, 3_100, "mixed", "35037"),
    District("suedviertel", "Südviertel", "03", 50.8000, 8.7700, 7_800, "students", "35037"),
    District("nordstadt", "Nordstadt", "04", 50.8190, 8.7710, 6_900, "mixed", "35037"),
    District("ortenberg", "Ortenberg", "05", 50.8110, 8.7850, 5_200, "families", "35039"),
    District("richtsberg", "Richtsberg", "06", 50.7900, 8.7900, 8_600, "estate", "35039"),
    District("stadtwald", "Stadtwald", "07", 50.7810, 8.7880, 4_700, "estate", "35043"),
    District("waldtal", "Waldtal", "08", 50.8300, 8.7850, 3_400, "estate", "35039"),
    District("ockershausen", "Ockershausen", "09", 50.8050, 8.7450, 5_900, "families", "35037"),
    District("marbach", "Marbach", "10", 50.8200, 8.7450, 4_100, "older", "35041"),
    District("wehrda", "Wehrda", "11", 50.8400, 8.7550, 6_300, "families", "35041"),
    District("cappel", "Cappel", "12", 50.7800, 8.7700, 6_600, "older", "35043"),
    District("schroeck", "Schröck", "13", 50.7900, 8.8300, 1_900, "older", "35043"),
    District("bauerbach", "Bauerbach", "14", 50.8120, 8.8200, 2_300, "mixed", "35043"),
)

DISTRICT_BY_ID = {district.id: district for district in DISTRICTS}
ALL_DISTRICTS = tuple(district.id for district in DISTRICTS)


@dataclass(frozen=True)
class Organisation:
    """An invented organisation: kind (concept ID), roles and the umbrellas it belongs to."""

    id: str
    name: str
    kind: str
    roles: tuple[str, ...] = ("provider",)
    member_of: tuple[str, ...] = ()
    part_of: str | None = None
    home: str = "nordstadt"  # district of its office


def _org(id, name, kind, roles=("provider",), member_of=(), home="nordstadt", part_of=None):
    return Organisation(id, name, kind, tuple(roles), tuple(member_of), part_of, home)


FUNDER = ("funder",)
FUNDER_COMMISSIONER = ("funder", "commissioner")

ORGANISATIONS: tuple[Organisation, ...] = (
    # public bodies
    _org("fd-jugend", "Fachdienst Jugend und Familie", "municipal-department",
         ("funder", "commissioner", "planning-body"), home="oberstadt"),
    _org("fd-soziales", "Fachdienst Soziales und Wohnen", "municipal-department",
         FUNDER_COMMISSIONER, home="oberstadt"),
    _org("fd-alter", "Fachdienst Altenhilfe und Pflege", "municipal-department",
         FUNDER_COMMISSIONER, home="oberstadt"),
    _org("stabsstelle", "Stabsstelle Sozialplanung", "municipal-department",
         ("planning-body", "coordinating-body"), home="oberstadt"),
    _org("kreis-gesundheit", "Musterkreis, Fachbereich Gesundheit", "district", FUNDER,
         home="suedviertel"),
    _org("jobcenter", "Jobcenter Musterkreis", "jobcenter", FUNDER_COMMISSIONER, home="nordstadt"),
    _org("arbeitsagentur", "Agentur für Arbeit Musterkreis", "employment-agency", FUNDER,
         home="nordstadt"),
    _org("landesamt", "Landesamt für Soziales (Demo)", "state-authority",
         ("funder", "supervisory-authority"), home="oberstadt"),
    _org("ueberoertlich", "Überörtlicher Sozialhilfeträger (Demo)", "higher-municipal-association",
         FUNDER_COMMISSIONER, home="oberstadt"),
    _org("krankenkasse", "Gesundheitskasse (Demo)", "health-insurance-fund", FUNDER,
         home="suedviertel"),
    _org("pflegekasse", "Pflegekasse (Demo)", "long-term-care-insurance-fund", FUNDER,
         home="suedviertel"),
    _org("staedtische-kitas", "Städtische Kindertagesstätten", "municipal-enterprise",
         home="ortenberg"),
    _org("volkshochschule", "Volkshochschule (Demo)", "municipal-enterprise", home="suedviertel"),
    _org("wohnbau", "Wohnbau Musterkreis GmbH", "municipal-enterprise", home="richtsberg"),
    # foundations that fund
    _org("stiftung-lahnbruecke", "Stiftung Lahnbrücke", "foundation", ("funder", "donor"),
         home="weidenhausen"),
    _org("buergerstiftung", "Bürgerstiftung Oberstadt", "foundation", ("funder", "donor"),
         home="oberstadt"),
    _org("foerderfonds", "Förderfonds Teilhabe (Demo)", "foundation", FUNDER, home="nordstadt"),
    # free non-profit providers
    _org("familienbande", "Familienbande e. V.", "registered-association",
         member_of=("verband-freier-traeger",), home="ortenberg"),
    _org("brueckenschlag", "Brückenschlag gGmbH", "non-profit-limited-company",
         member_of=("verband-freier-traeger",), home="stadtwald"),
    _org("jugendwerk", "Jugendwerk Neuland e. V.", "registered-association",
         member_of=("stadtjugendring", "verband-freier-traeger"), home="nordstadt"),
    _org("lernwerkstatt", "Lernwerkstatt Südviertel e. V.", "registered-association",
         home="suedviertel"),
    _org("internationaler-treff", "Internationaler Treff e. V.", "registered-association",
         member_of=("verband-freier-traeger",), home="richtsberg"),
    _org("bildungswerk-horizont", "Bildungswerk Horizont gGmbH", "non-profit-limited-company",
         home="suedviertel"),
    _org("schuldnerhilfe", "Schuldnerhilfe am Fluss e. V.", "registered-association",
         member_of=("verband-freier-traeger",), home="nordstadt"),
    _org("wohnraum-fuer-alle", "Wohnraum für alle e. V.", "registered-association",
         member_of=("verband-freier-traeger",), home="weidenhausen"),
    _org("frauenschutz", "Frauenschutz und Beratung e. V.", "registered-association",
         member_of=("verband-freier-traeger",), home="suedviertel"),
    _org("wegweiser-sucht", "Wegweiser Suchthilfe gGmbH", "non-profit-limited-company",
         member_of=("fachverband-sucht", "verband-freier-traeger"), home="weidenhausen"),
    _org("teilhabe-verein", "Teilhabe für alle e. V.", "registered-association",
         member_of=("verband-freier-traeger",), home="wehrda"),
    _org("werkstaetten", "Werkstätten am Hang gGmbH", "non-profit-limited-company",
         member_of=("verband-freier-traeger",), part_of="teilhabe-verein", home="wehrda"),
    _org("selbsthilfe-kontakt", "Selbsthilfe-Kontaktstelle e. V.", "registered-association",
         member_of=("verband-freier-traeger",), home="nordstadt"),
    _org("gemeinwesen-richtsberg", "Gemeinwesenverein Richtsberg e. V.", "registered-association",
         member_of=("verband-freier-traeger",), home="richtsberg"),
    _org("stadtteiltreff-waldtal", "Stadtteiltreff Waldtal e. V.", "registered-association",
         home="waldtal"),
    _org("seniorenhilfe", "Seniorenhilfe Lahnbogen e. V.", "registered-association",
         member_of=("verband-freier-traeger",), home="cappel"),
    _org("pflege-eg", "Pflegegenossenschaft Lahnbogen eG", "cooperative", home="marbach"),
    _org("lebensmittelhilfe", "Lebensmittelhilfe am Fluss e. V.", "registered-association",
         home="weidenhausen"),
    _org("zweite-chance", "Kaufhaus Zweite Chance gGmbH", "non-profit-limited-company",
         member_of=("diakonisches-werk",), home="nordstadt"),
    _org("arbeit-perspektive", "Arbeit und Perspektive gGmbH", "non-profit-limited-company",
         member_of=("verband-freier-traeger",), home="nordstadt"),
    _org("startklar", "Startklar Jugendberufshilfe gGmbH", "non-profit-limited-company",
         member_of=("stadtjugendring",), home="suedviertel"),
    _org("freiwilligenagentur", "Freiwilligenagentur (Demo) e. V.", "registered-association",
         home="oberstadt"),
    _org("kinderschutz", "Kinderschutz am Fluss e. V.", "registered-association",
         member_of=("verband-freier-traeger",), home="ortenberg"),
    _org("studentische-beratung", "Studentische Sozialberatung e. V.", "registered-association",
         home="oberstadt"),
    _org("queeres-zentrum", "Queeres Zentrum (Demo) e. V.", "registered-association",
         home="weidenhausen"),
    _org("psychosoziale-hilfen", "Psychosoziale Hilfen gGmbH", "non-profit-limited-company",
         member_of=("verband-freier-traeger",), home="suedviertel"),
    _org("elterninitiative", "Elterninitiative Sonnenkinder", "self-help-group", home="wehrda"),
    _org("nachbarschaftshilfe-schroeck", "Nachbarschaftshilfe Schröck e. V.",
         "registered-association", home="schroeck"),
    # church bodies
    _org("ev-gemeinde", "Ev. Kirchengemeinde am Fluss", "parish",
         member_of=("diakonisches-werk",), home="ockershausen"),
    _org("kath-pfarrei", "Kath. Pfarrei Heilig Kreuz (Demo)", "parish",
         member_of=("caritas-verband",), home="wehrda"),
    _org("ev-kirchenkreis", "Ev. Kirchenkreis (Demo)", "church-district", ("funder", "donor"),
         home="oberstadt"),
    _org("stiftung-st-georg", "Stiftung Altenhilfe St. Georg (Demo)", "church-foundation",
         member_of=("caritas-verband",), home="marbach"),
    _org("oekumenische-sozialstation", "Ökumenische Sozialstation (Demo)", "church-body",
         member_of=("diakonisches-werk", "caritas-verband"), home="cappel"),
    _org("ev-beratungszentrum", "Ev. Beratungszentrum (Demo)", "church-body",
         member_of=("diakonisches-werk",), home="nordstadt"),
    _org("kath-sozialdienst", "Kath. Sozialdienst (Demo)", "church-body",
         member_of=("caritas-verband",), home="suedviertel"),
    _org("islamische-gemeinde", "Islamische Gemeinde am Hang (Demo)", "religious-community",
         home="stadtwald"),
    # private commercial providers
    _org("pflegedienst-sonnenweg", "Pflegedienst Sonnenweg GmbH", "commercial-company",
         home="cappel"),
    _org("kinderwelt", "KinderWelt Betreuungs GmbH", "commercial-company", home="wehrda"),
    _org("lernstudio", "Lernstudio Plus", "sole-proprietorship", home="ockershausen"),
    _org("sprachinstitut", "Sprachinstitut am Markt GmbH", "commercial-company",
         home="oberstadt"),
    _org("ergotherapie", "Ergotherapie am Marktplatz", "sole-proprietorship", home="oberstadt"),
    _org("lahnwerk", "Lahnwerk Maschinenbau GmbH (Demo)", "commercial-company",
         ("funder", "donor"), home="wehrda"),
    # umbrella associations
    _org("liga", "Liga der Freien Wohlfahrtspflege (Demo)", "welfare-working-group",
         ("umbrella", "coordinating-body"), home="oberstadt"),
    _org("verband-freier-traeger", "Verband freier Träger (Demo)", "welfare-umbrella-association",
         ("umbrella", "coordinating-body"), member_of=("liga",), home="nordstadt"),
    _org("diakonisches-werk", "Diakonisches Werk (Demo)", "welfare-umbrella-association",
         ("umbrella", "provider"), member_of=("liga",), home="nordstadt"),
    _org("caritas-verband", "Caritasverband (Demo)", "welfare-umbrella-association",
         ("umbrella", "provider"), member_of=("liga",), home="suedviertel"),
    _org("stadtjugendring", "Stadtjugendring (Demo)", "youth-ring", ("umbrella",),
         home="nordstadt"),
    _org("fachverband-sucht", "Fachverband Suchthilfe (Demo)", "specialist-association",
         ("umbrella",), home="weidenhausen"),
)  # fmt: skip

ORGANISATION_BY_ID = {organisation.id: organisation for organisation in ORGANISATIONS}
FUNDERS = tuple(o.id for o in ORGANISATIONS if "funder" in o.roles)

#: Organisations that have services but no tie, no committee, no funding and no contract.
ISOLATED = ("elterninitiative", "nachbarschaftshilfe-schroeck", "ergotherapie")

#: The three hubs of the collaboration network, brokering between organisation kinds.
BROKERS = ("stabsstelle", "verband-freier-traeger", "gemeinwesen-richtsberg")


@dataclass(frozen=True)
class Committee:
    """A committee: type, reporting line, convener, fields of action, district (if local)."""

    id: str
    name: str
    type: str
    convened_by: str
    fields: tuple[str, ...]
    reports_to: str | None = None
    district: str | None = None
    start: str = "2019-01-01"
    end: str | None = None


def _committee(id, name, type, convened_by, fields, reports_to=None, district=None, **dates):
    return Committee(id, name, type, convened_by, tuple(fields), reports_to, district, **dates)


COMMITTEES: tuple[Committee, ...] = (
    _committee("steuerungsgruppe", "Steuerungsgruppe Sozialplanung", "steering-group",
               "stabsstelle", ["basic-security-and-poverty-prevention", "family-support"]),
    _committee("ag-kinder-familie", "AG Kinder, Jugend und Familie", "working-group",
               "fd-jugend", ["child-and-youth-welfare", "family-support"], "steuerungsgruppe"),
    _committee("ag-alter-pflege", "AG Alter und Pflege", "working-group", "fd-alter",
               ["long-term-care"], "steuerungsgruppe"),
    _committee("ag-existenzsicherung", "AG Existenzsicherung und Wohnen", "working-group",
               "fd-soziales", ["basic-security-and-poverty-prevention", "housing"],
               "steuerungsgruppe"),
    _committee("ag-migration", "AG Migration und Teilhabe", "working-group", "stabsstelle",
               ["migration-and-integration"], "steuerungsgruppe"),
    _committee("ag-gesundheit", "AG Gesundheit und Sucht", "working-group", "kreis-gesundheit",
               ["health"], "steuerungsgruppe"),
    _committee("pg-sozialbericht-2024", "Projektgruppe Sozialbericht 2024", "project-group",
               "stabsstelle", ["basic-security-and-poverty-prevention"], "steuerungsgruppe",
               start="2023-09-01", end="2024-12-31"),
    _committee("pg-sozialbericht-2026", "Projektgruppe Sozialbericht 2026", "project-group",
               "stabsstelle", ["basic-security-and-poverty-prevention"], "steuerungsgruppe",
               start="2025-09-01"),
    _committee("jugendhilfeausschuss", "Jugendhilfeausschuss", "youth-welfare-committee",
               "fd-jugend", ["child-and-youth-welfare"]),
    _committee("sozialausschuss", "Ausschuss für Soziales", "social-committee", "fd-soziales",
               ["basic-security-and-poverty-prevention"]),
    _committee("ag78-kita", "AG nach § 78 SGB VIII Kindertagesbetreuung", "working-group-78",
               "fd-jugend", ["early-childhood-education"], "jugendhilfeausschuss"),
    _committee("ag78-hze", "AG nach § 78 SGB VIII Hilfen zur Erziehung", "working-group-78",
               "fd-jugend", ["educational-support"], "jugendhilfeausschuss"),
    _committee("ag78-jugendarbeit", "AG nach § 78 SGB VIII Jugendarbeit", "working-group-78",
               "fd-jugend", ["youth-work"], "jugendhilfeausschuss"),
    _committee("netzwerk-fruehe-hilfen", "Netzwerk Frühe Hilfen und Kinderschutz",
               "child-protection-network", "fd-jugend", ["early-help", "child-protection"]),
    _committee("stk-richtsberg", "Stadtteilkonferenz Richtsberg", "neighbourhood-conference",
               "gemeinwesen-richtsberg", ["community-work"], district="richtsberg"),
    _committee("stk-waldtal", "Stadtteilkonferenz Waldtal", "neighbourhood-conference",
               "stadtteiltreff-waldtal", ["community-work"], district="waldtal"),
    _committee("stk-stadtwald", "Stadtteilkonferenz Stadtwald", "neighbourhood-conference",
               "stabsstelle", ["community-work"], district="stadtwald"),
    _committee("stk-nordstadt", "Stadtteilkonferenz Nordstadt", "neighbourhood-conference",
               "stabsstelle", ["community-work"], district="nordstadt"),
    _committee("stk-cappel", "Stadtteilkonferenz Cappel", "neighbourhood-conference",
               "seniorenhilfe", ["community-work"], district="cappel"),
    _committee("seniorenbeirat", "Seniorenbeirat", "senior-citizens-council", "fd-alter",
               ["assistance-for-older-people"]),
    _committee("behindertenbeirat", "Beirat für Menschen mit Behinderungen",
               "disability-advisory-council", "fd-soziales",
               ["participation-of-people-with-disabilities"]),
    _committee("integrationsbeirat", "Integrationsbeirat", "integration-council", "stabsstelle",
               ["migration-and-integration"]),
    _committee("runder-tisch-gewalt", "Runder Tisch gegen häusliche Gewalt", "round-table",
               "fd-soziales", ["domestic-violence-protection"]),
    _committee("qz-schuldnerberatung", "Qualitätszirkel Schuldner- und Insolvenzberatung",
               "quality-circle", "fd-soziales", ["debt-counselling"], "ag-existenzsicherung"),
    _committee("ak-wohnungsnotfall", "Arbeitskreis Wohnungsnotfallhilfe", "working-group",
               "fd-soziales", ["homelessness-assistance"], "ag-existenzsicherung"),
    _committee("planungskonferenz-pflege", "Pflegekonferenz", "planning-conference", "fd-alter",
               ["long-term-care"]),
    _committee("netzwerk-sucht", "Netzwerk Suchtprävention", "network", "kreis-gesundheit",
               ["addiction-help"], "ag-gesundheit"),
    _committee("netzwerk-engagement", "Netzwerk Engagement und Stiftungen", "network",
               "freiwilligenagentur", ["civic-engagement"]),
)  # fmt: skip
