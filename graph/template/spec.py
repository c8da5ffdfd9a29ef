"""The template spec: every sheet and column of the planners' workbook, written down once.

The empty workbook, the CSV layout, the importer, the README's template documentation and
the demo/bench generator are all derived from `SHEETS`.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from sozialgraph.ontology.namespaces import SG


class ColumnType(StrEnum):
    """How a cell is read and what it becomes in RDF."""

    ID = "id"  # the record's own ID: its IRI is minted from it
    TEXT = "text"  # xsd:string
    REFERENCE = "reference"  # the ID of a record in another (or the same) sheet
    VOCABULARY = "vocabulary"  # a concept: German or English label, notation or IRI
    DATE = "date"  # 31.12.2024 or 2024-12-31 → xsd:date
    YEAR = "year"  # 2024 → xsd:gYear
    DECIMAL = "decimal"  # 1.234,50 or 1234.50 → xsd:decimal
    COUNT = "count"  # a whole number ≥ 0 → xsd:integer (Oxigraph keeps no derived types)
    BOOLEAN = "boolean"  # ja/nein, yes/no, wahr/falsch, true/false, x/(empty)
    URL = "url"  # http(s)://… → xsd:anyURI
    WKT = "wkt"  # a WKT geometry → geo:asWKT of the record's geometry
    UNIT = "unit"  # persons / households / percent (German words accepted)


@dataclass(frozen=True)
class Column:
    """One column: its headers, type, whether it is required, and the RDF it becomes."""

    key: str
    header_de: str
    header_en: str
    type: ColumnType
    explanation_de: str
    explanation_en: str
    required: bool = False
    multiple: bool = False  # several values separated by "|"
    predicate: str | None = None  # the sg: property (None for the ID column)
    vocabulary: str | None = None  # concept scheme of a VOCABULARY column
    target: str | None = None  # sheet key a REFERENCE column points to

    @property
    def headers(self) -> tuple[str, str]:
        return self.header_de, self.header_en


@dataclass(frozen=True)
class Sheet:
    """One sheet: one kind of record, one class, one IRI segment."""

    key: str
    name_de: str
    name_en: str
    kind: str  # the {kind} in {base}/id/{kind}/{slug}
    rdf_class: str
    explanation_de: str
    explanation_en: str
    columns: tuple[Column, ...] = field(default_factory=tuple)

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)


def _sg(name: str) -> str:
    return str(SG[name])


def _id(what_de: str, what_en: str) -> Column:
    return Column(
        "id", "ID", "ID", ColumnType.ID,
        f"Eindeutige Kennung {what_de}; bleibt bei jedem Import gleich und bildet die IRI.",
        f"Unique identifier of {what_en}; stays the same on every import and forms the IRI.",
        required=True,
    )  # fmt: skip


def _name(required: bool = True) -> Column:
    return Column(
        "name", "Name", "Name", ColumnType.TEXT,
        "Name, unter dem es bekannt ist.", "Name by which it is known.",
        required=required, predicate=_sg("name"),
    )  # fmt: skip


def _description() -> Column:
    return Column(
        "description", "Beschreibung", "Description", ColumnType.TEXT,
        "Freier Text.", "Free text.", predicate=_sg("description"),
    )  # fmt: skip


def _dates() -> tuple[Column, Column]:
    return (
        Column("start", "Beginn", "Start", ColumnType.DATE,
               "Erster gültiger Tag, z. B. 01.01.2024.", "First valid day, e.g. 2024-01-01.",
               predicate=_sg("startDate")),
        Column("end", "Ende", "End", ColumnType.DATE,
               "Letzter gültiger Tag; leer = unbefristet.", "Last valid day; empty = open-ended.",
               predicate=_sg("endDate")),
    )  # fmt: skip


def _vocab(key, de, en, scheme, predicate, explanation_de, explanation_en, **options) -> Column:
    return Column(
        key, de, en, ColumnType.VOCABULARY, explanation_de, explanation_en,
        predicate=_sg(predicate), vocabulary=scheme, **options,
    )  # fmt: skip


def _ref(key, de, en, target, predicate, explanation_de, explanation_en, **options) -> Column:
    return Column(
        key, de, en, ColumnType.REFERENCE, explanation_de, explanation_en,
        predicate=_sg(predicate), target=target, **options,
    )  # fmt: skip


def _service() -> Column:
    """The required reference to the service a record is about."""
    return _ref(
        "service", "Angebot", "Service", "services", "service",
        "ID des Angebots.", "ID of the service.", required=True,
    )  # fmt: skip


def _district() -> Column:
    """The required reference to the district a record is about."""
    return _ref(
        "district", "Stadtteil", "District", "districts", "district",
        "ID des Stadtteils.", "ID of the district.", required=True,
    )  # fmt: skip


def _legal_basis() -> Column:
    return _vocab(
        "legal_basis", "Rechtsgrundlage", "Legal basis", "legal-bases", "legalBasis",
        "z. B. SGB VIII § 13a; mehrere mit | trennen.", "e.g. SGB VIII § 13a; separate several by |.",
        multiple=True,
    )  # fmt: skip


def _contact() -> tuple[Column, ...]:
    return (
        Column("website", "Webseite", "Website", ColumnType.URL,
               "Adresse beginnend mit https://", "Address starting with https://",
               predicate=_sg("website")),
        Column("email", "E-Mail", "Email", ColumnType.TEXT,
               "Allgemeine Adresse, keine persönliche.", "General address, not a personal one.",
               predicate=_sg("email")),
        Column("phone", "Telefon", "Telephone", ColumnType.TEXT,
               "Allgemeine Nummer, keine persönliche.", "General number, not a personal one.",
               predicate=_sg("telephone")),
    )  # fmt: skip


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "organisations",
        "Organisationen",
        "Organisations",
        "organisation",
        _sg("Organisation"),
        "Träger, Behörden, Verbände und Unternehmen; eine Zeile je Organisation, Rollen statt Typen.",
        "Providers, authorities, associations and companies; one row each, roles instead of types.",
        (
            _id("der Organisation", "the organisation"),
            _name(),
            _vocab(
                "kind",
                "Organisationsform",
                "Kind",
                "organisation-kinds",
                "organisationKind",
                "z. B. öffentlicher Träger, eingetragener Verein.",
                "e.g. public body, registered association.",
                required=True,
            ),
            _vocab(
                "roles",
                "Rollen",
                "Roles",
                "organisation-roles",
                "organisationRole",
                "z. B. Kostenträger | Leistungserbringer.",
                "e.g. funder | provider.",
                multiple=True,
            ),
            _ref(
                "member_of",
                "Mitglied in",
                "Member of",
                "organisations",
                "memberOfAssociation",
                "IDs der Verbände, denen sie angehört.",
                "IDs of the associations it belongs to.",
                multiple=True,
            ),
            _ref(
                "part_of",
                "Teil von",
                "Part of",
                "organisations",
                "subOrganisationOf",
                "ID der Organisation, zu der sie gehört (z. B. Träger einer Einrichtung).",
                "ID of the organisation it belongs to (e.g. a facility's provider).",
            ),
            *_contact(),
            _description(),
        ),
    ),
    Sheet(
        "services",
        "Angebote",
        "Services",
        "service",
        _sg("Service"),
        "Angebote, Dienste und Einrichtungen, mit Träger, Zielgruppen und Handlungsfeldern.",
        "Services, programmes and facilities, with provider, target groups and fields of action.",
        (
            _id("des Angebots", "the service"),
            _name(),
            _ref(
                "provider",
                "Träger",
                "Provider",
                "organisations",
                "provider",
                "ID der Organisation, die das Angebot erbringt.",
                "ID of the organisation providing it.",
                required=True,
                multiple=True,
            ),
            _vocab(
                "target_groups",
                "Zielgruppen",
                "Target groups",
                "target-groups",
                "targetGroup",
                "z. B. Alleinerziehende | Familien.",
                "e.g. single parents | families.",
                required=True,
                multiple=True,
            ),
            _vocab(
                "fields_of_action",
                "Handlungsfelder",
                "Fields of action",
                "fields-of-action",
                "fieldOfAction",
                "z. B. Familienförderung.",
                "e.g. family support.",
                required=True,
                multiple=True,
            ),
            _vocab(
                "service_type",
                "Angebotsart",
                "Service type",
                "service-types",
                "serviceType",
                "z. B. Beratungsstelle.",
                "e.g. counselling centre.",
                multiple=True,
            ),
            _vocab(
                "status",
                "Status",
                "Status",
                "service-statuses",
                "serviceStatus",
                "aktiv, geplant, ausgesetzt, beendet, Warteliste.",
                "active, planned, suspended, ended, waiting list.",
            ),
            _ref(
                "districts_served",
                "Einzugsgebiet",
                "Area served",
                "districts",
                "areaServed",
                "IDs der Stadtteile, für die es gedacht ist.",
                "IDs of the districts it is meant for.",
                multiple=True,
            ),
            Column(
                "places",
                "Plätze",
                "Places",
                ColumnType.COUNT,
                "Kapazität als ganze Zahl.",
                "Capacity as a whole number.",
                predicate=_sg("places"),
            ),
            Column(
                "minimum_age",
                "Mindestalter",
                "Minimum age",
                ColumnType.COUNT,
                "in Jahren",
                "in years",
                predicate=_sg("minimumAge"),
            ),
            Column(
                "maximum_age",
                "Höchstalter",
                "Maximum age",
                ColumnType.COUNT,
                "in Jahren",
                "in years",
                predicate=_sg("maximumAge"),
            ),
            _legal_basis(),
            *_dates(),
            *_contact(),
            _description(),
        ),
    ),
    Sheet(
        "locations",
        "Standorte",
        "Locations",
        "location",
        _sg("Location"),
        "Orte mit Anschrift, an denen Angebote erbracht werden.",
        "Places with an address where services are delivered.",
        (
            _id("des Standorts", "the location"),
            _name(required=False),
            Column(
                "street",
                "Straße",
                "Street",
                ColumnType.TEXT,
                "Straße und Hausnummer.",
                "Street and number.",
                predicate=_sg("streetAddress"),
            ),
            Column(
                "postal_code",
                "PLZ",
                "Postal code",
                ColumnType.TEXT,
                "Fünfstellige Postleitzahl.",
                "Five-digit postal code.",
                predicate=_sg("postalCode"),
            ),
            Column(
                "locality",
                "Ort",
                "Locality",
                ColumnType.TEXT,
                "Stadt oder Gemeinde.",
                "Town or municipality.",
                predicate=_sg("locality"),
            ),
            _ref(
                "district",
                "Stadtteil",
                "District",
                "districts",
                "inDistrict",
                "ID des Stadtteils, in dem er liegt.",
                "ID of the district it lies in.",
            ),
            Column(
                "latitude",
                "Breitengrad",
                "Latitude",
                ColumnType.DECIMAL,
                "z. B. 50,8019",
                "e.g. 50.8019",
                predicate=_sg("latitude"),
            ),
            Column(
                "longitude",
                "Längengrad",
                "Longitude",
                ColumnType.DECIMAL,
                "z. B. 8,7700",
                "e.g. 8.7700",
                predicate=_sg("longitude"),
            ),
            _description(),
        ),
    ),
    Sheet(
        "services_at_locations",
        "Angebote an Standorten",
        "Services at locations",
        "service-at-location",
        _sg("ServiceAtLocation"),
        "Welches Angebot wo stattfindet, mit Öffnungszeiten, Sprachen und Barrierefreiheit.",
        "Which service takes place where, with opening hours, languages and accessibility.",
        (
            _id("der Zuordnung", "the entry"),
            _service(),
            _ref(
                "location",
                "Standort",
                "Location",
                "locations",
                "location",
                "ID des Standorts.",
                "ID of the location.",
                required=True,
            ),
            Column(
                "opening_hours",
                "Öffnungszeiten",
                "Opening hours",
                ColumnType.TEXT,
                "z. B. Mo-Fr 09:00-16:00 | Sa 10:00-12:00",
                "e.g. Mo-Fr 09:00-16:00 | Sa 10:00-12:00",
                multiple=True,
                predicate=_sg("openingHours"),
            ),
            _vocab(
                "languages",
                "Sprachen",
                "Languages",
                "languages",
                "language",
                "z. B. Deutsch | Arabisch.",
                "e.g. German | Arabic.",
                multiple=True,
            ),
            _vocab(
                "accessibility",
                "Barrierefreiheit",
                "Accessibility",
                "accessibility",
                "accessibility",
                "z. B. rollstuhlgerecht.",
                "e.g. wheelchair accessible.",
                multiple=True,
            ),
            Column(
                "places",
                "Plätze",
                "Places",
                ColumnType.COUNT,
                "Plätze an diesem Standort.",
                "Places at this location.",
                predicate=_sg("places"),
            ),
            _description(),
        ),
    ),
    Sheet(
        "fundings",
        "Finanzierungen",
        "Fundings",
        "funding",
        _sg("Funding"),
        "Wer welches Angebot oder welche Organisation mit welchem Betrag auf welcher Grundlage finanziert.",
        "Who funds which service or organisation with what amount on which legal basis.",
        (
            _id("der Finanzierung", "the funding"),
            _ref(
                "funder",
                "Kostenträger",
                "Funder",
                "organisations",
                "funder",
                "ID der Organisation, die zahlt.",
                "ID of the organisation that pays.",
                required=True,
            ),
            _ref(
                "service",
                "Angebot",
                "Service",
                "services",
                "fundedService",
                "ID des finanzierten Angebots (oder Empfänger angeben).",
                "ID of the funded service (or give a recipient).",
            ),
            _ref(
                "recipient",
                "Empfänger",
                "Recipient",
                "organisations",
                "recipient",
                "ID der Organisation, die das Geld erhält.",
                "ID of the organisation receiving the money.",
            ),
            _vocab(
                "funding_type",
                "Finanzierungsart",
                "Funding type",
                "funding-types",
                "fundingType",
                "z. B. Projektförderung.",
                "e.g. project grant.",
            ),
            _legal_basis(),
            Column(
                "year",
                "Jahr",
                "Year",
                ColumnType.YEAR,
                "Haushaltsjahr (oder Beginn angeben).",
                "Budget year (or give a start date).",
                predicate=_sg("year"),
            ),
            *_dates(),
            Column(
                "amount",
                "Betrag",
                "Amount",
                ColumnType.DECIMAL,
                "z. B. 12.500,00",
                "e.g. 12500.00",
                predicate=_sg("amount"),
            ),
            Column(
                "currency",
                "Währung",
                "Currency",
                ColumnType.TEXT,
                "ISO-Code, leer = EUR.",
                "ISO code, empty = EUR.",
                predicate=_sg("currency"),
            ),
            _description(),
        ),
    ),
    Sheet(
        "committees",
        "Gremien",
        "Committees",
        "committee",
        _sg("Committee"),
        "Steuerungsgruppen, Arbeitsgruppen, Netzwerke, Beiräte, Ausschüsse und ihre Berichtswege.",
        "Steering groups, working groups, networks, advisory boards, council committees and their reporting lines.",
        (
            _id("des Gremiums", "the committee"),
            _name(),
            _vocab(
                "committee_type",
                "Gremienart",
                "Committee type",
                "committee-types",
                "committeeType",
                "z. B. Steuerungsgruppe.",
                "e.g. steering group.",
                required=True,
            ),
            _ref(
                "reports_to",
                "berichtet an",
                "Reports to",
                "committees",
                "reportsTo",
                "ID des Gremiums, dem es berichtet.",
                "ID of the committee it reports to.",
            ),
            _ref(
                "convened_by",
                "Geschäftsführung",
                "Convened by",
                "organisations",
                "convenedBy",
                "ID der Organisation, die es einberuft.",
                "ID of the organisation convening it.",
            ),
            _vocab(
                "fields_of_action",
                "Handlungsfelder",
                "Fields of action",
                "fields-of-action",
                "fieldOfAction",
                "z. B. Kinder- und Jugendhilfe.",
                "e.g. child and youth welfare.",
                multiple=True,
            ),
            *_dates(),
            _description(),
        ),
    ),
    Sheet(
        "memberships",
        "Mitgliedschaften",
        "Memberships",
        "membership",
        _sg("Membership"),
        "Welche Organisation in welchem Gremium in welcher Rolle sitzt.",
        "Which organisation sits in which committee in which role.",
        (
            _id("der Mitgliedschaft", "the membership"),
            _ref(
                "organisation",
                "Organisation",
                "Organisation",
                "organisations",
                "member",
                "ID der Organisation.",
                "ID of the organisation.",
                required=True,
            ),
            _ref(
                "committee",
                "Gremium",
                "Committee",
                "committees",
                "committee",
                "ID des Gremiums.",
                "ID of the committee.",
                required=True,
            ),
            _vocab(
                "role",
                "Rolle",
                "Role",
                "committee-roles",
                "committeeRole",
                "Vorsitz, Mitglied, Gast …",
                "chair, member, guest …",
                required=True,
            ),
            *_dates(),
        ),
    ),
    Sheet(
        "ties",
        "Kooperationen",
        "Collaboration ties",
        "tie",
        _sg("CollaborationTie"),
        "Kooperationsbeziehungen aus einer Netzwerkbefragung: von wem zu wem, wie eng, wie viel Vertrauen.",
        "Collaboration ties from a network survey: from whom to whom, how close, how much trust.",
        (
            _id("der Beziehung", "the tie"),
            _ref(
                "from",
                "von",
                "From",
                "organisations",
                "tieFrom",
                "ID der (antwortenden) Organisation.",
                "ID of the (responding) organisation.",
                required=True,
            ),
            _ref(
                "to",
                "zu",
                "To",
                "organisations",
                "tieTo",
                "ID der anderen Organisation.",
                "ID of the other organisation.",
                required=True,
            ),
            _vocab(
                "kinds",
                "Art",
                "Kind",
                "tie-kinds",
                "tieKind",
                "z. B. Informationsaustausch | Vermittlung.",
                "e.g. information exchange | referrals.",
                required=True,
                multiple=True,
            ),
            Column(
                "directed",
                "gerichtet",
                "Directed",
                ColumnType.BOOLEAN,
                "ja = nur in eine Richtung.",
                "yes = one direction only.",
                predicate=_sg("directed"),
            ),
            _vocab(
                "intensity",
                "Intensität",
                "Intensity",
                "tie-intensities",
                "intensity",
                "Kenntnis, Kooperation, Koordination, Integration (1 bis 4).",
                "awareness, cooperation, coordination, integration (1 to 4).",
            ),
            Column(
                "trust",
                "Vertrauen",
                "Trust",
                ColumnType.DECIMAL,
                "1 (gar nicht) bis 4 (sehr).",
                "1 (not at all) to 4 (very much).",
                predicate=_sg("trust"),
            ),
            Column(
                "value",
                "Nutzen",
                "Value",
                ColumnType.DECIMAL,
                "1 (gar nicht) bis 4 (sehr).",
                "1 (not at all) to 4 (very much).",
                predicate=_sg("perceivedValue"),
            ),
            Column(
                "source",
                "Quelle",
                "Source",
                ColumnType.TEXT,
                "z. B. Netzwerkbefragung 2024.",
                "e.g. network survey 2024.",
                predicate=_sg("source"),
            ),
            Column(
                "date",
                "Erhoben am",
                "Observed on",
                ColumnType.DATE,
                "Datum der Erhebung.",
                "Date of the survey.",
                predicate=_sg("observedOn"),
            ),
            *_dates(),
        ),
    ),
    Sheet(
        "districts",
        "Stadtteile",
        "Districts",
        "district",
        _sg("District"),
        "Stadtteile oder Planungsräume der Kommune.",
        "Districts or planning areas of the municipality.",
        (
            _id("des Stadtteils", "the district"),
            _name(),
            Column(
                "code",
                "Schlüssel",
                "Code",
                ColumnType.TEXT,
                "Amtlicher oder kommunaler Schlüssel.",
                "Official or municipal code.",
                predicate=_sg("districtCode"),
            ),
            _ref(
                "part_of",
                "Teil von",
                "Part of",
                "districts",
                "partOfDistrict",
                "ID des größeren Stadtteils.",
                "ID of the larger district.",
            ),
            Column(
                "geometry",
                "Geometrie (WKT)",
                "Geometry (WKT)",
                ColumnType.WKT,
                "z. B. POLYGON((8.76 50.80, …)).",
                "e.g. POLYGON((8.76 50.80, …)).",
                predicate="http://www.opengis.net/ont/geosparql#asWKT",
            ),
            _description(),
        ),
    ),
    Sheet(
        "district_statistics",
        "Stadtteilstatistik",
        "District statistics",
        "statistic",
        _sg("DistrictStatistic"),
        "Ein Wert je Stadtteil, Indikator und Jahr.",
        "One value per district, indicator and year.",
        (
            _id("des Werts", "the value"),
            _district(),
            _vocab(
                "indicator",
                "Indikator",
                "Indicator",
                "indicators",
                "indicator",
                "z. B. Einwohner 65 Jahre und älter.",
                "e.g. population aged 65 and over.",
                required=True,
            ),
            Column(
                "year",
                "Jahr",
                "Year",
                ColumnType.YEAR,
                "z. B. 2024",
                "e.g. 2024",
                required=True,
                predicate=_sg("year"),
            ),
            Column(
                "value",
                "Wert",
                "Value",
                ColumnType.DECIMAL,
                "Zahl",
                "Number",
                required=True,
                predicate=_sg("value"),
            ),
            Column(
                "unit",
                "Einheit",
                "Unit",
                ColumnType.UNIT,
                "Personen, Haushalte oder Prozent.",
                "persons, households or percent.",
                predicate=_sg("unit"),
            ),
        ),
    ),
    Sheet(
        "needs",
        "Bedarfe",
        "Needs",
        "need",
        _sg("Need"),
        "Dokumentierte Bedarfe einer Zielgruppe in einem Stadtteil.",
        "Documented needs of a target group in a district.",
        (
            _id("des Bedarfs", "the need"),
            _vocab(
                "target_groups",
                "Zielgruppen",
                "Target groups",
                "target-groups",
                "targetGroup",
                "z. B. Alleinerziehende.",
                "e.g. single parents.",
                required=True,
                multiple=True,
            ),
            _district(),
            _vocab(
                "fields_of_action",
                "Handlungsfelder",
                "Fields of action",
                "fields-of-action",
                "fieldOfAction",
                "z. B. Wohnen.",
                "e.g. housing.",
                multiple=True,
            ),
            Column(
                "source",
                "Quelle",
                "Source",
                ColumnType.TEXT,
                "z. B. Stadtteilkonferenz, Bericht.",
                "e.g. district conference, report.",
                required=True,
                predicate=_sg("source"),
            ),
            Column(
                "date",
                "Datum",
                "Date",
                ColumnType.DATE,
                "Wann dokumentiert.",
                "When documented.",
                required=True,
                predicate=_sg("observedOn"),
            ),
            _description(),
        ),
    ),
    Sheet(
        "quality_criteria",
        "Qualitätskriterien",
        "Quality criteria",
        "quality-criterion",
        _sg("QualityCriterion"),
        "Kriterien der Struktur-, Prozess- und Ergebnisqualität je Angebot.",
        "Criteria of structural, process and outcome quality per service.",
        (
            _id("des Kriteriums", "the criterion"),
            _service(),
            _vocab(
                "dimension",
                "Qualitätsdimension",
                "Quality dimension",
                "quality-dimensions",
                "qualityDimension",
                "z. B. Strukturqualität.",
                "e.g. structural quality.",
                required=True,
            ),
            _name(required=False),
            Column(
                "fulfilled",
                "erfüllt",
                "Fulfilled",
                ColumnType.BOOLEAN,
                "ja oder nein.",
                "yes or no.",
                predicate=_sg("fulfilled"),
            ),
            _description(),
        ),
    ),
    Sheet(
        "reviews",
        "Wirkungsüberprüfungen",
        "Effectiveness reviews",
        "review",
        _sg("EffectivenessReview"),
        "Überprüfungen, ob und wie ein Angebot wirkt.",
        "Reviews of whether and how a service works.",
        (
            _id("der Überprüfung", "the review"),
            _service(),
            Column(
                "date",
                "Datum",
                "Date",
                ColumnType.DATE,
                "Abschluss der Überprüfung.",
                "Completion of the review.",
                required=True,
                predicate=_sg("reviewDate"),
            ),
            _vocab(
                "method",
                "Methode",
                "Method",
                "review-methods",
                "reviewMethod",
                "z. B. Selbstevaluation.",
                "e.g. self-evaluation.",
                required=True,
            ),
            _vocab(
                "result",
                "Ergebnis",
                "Result",
                "review-results",
                "reviewResult",
                "wirksam, teilweise wirksam, nicht wirksam, nicht eindeutig.",
                "effective, partly effective, not effective, inconclusive.",
            ),
            _description(),
        ),
    ),
    Sheet(
        "contracts",
        "Verträge",
        "Contracts",
        "contract",
        _sg("Contract"),
        "Leistungsvereinbarungen, Zuwendungsbescheide und andere Verträge über Angebote.",
        "Service agreements, grant notices and other contracts about services.",
        (
            _id("des Vertrags", "the contract"),
            _name(required=False),
            _ref(
                "commissioner",
                "Auftraggeber",
                "Commissioner",
                "organisations",
                "commissioner",
                "ID der beauftragenden Organisation.",
                "ID of the commissioning organisation.",
                required=True,
            ),
            _ref(
                "contractors",
                "Auftragnehmer",
                "Contractors",
                "organisations",
                "contractor",
                "IDs der leistenden Organisationen.",
                "IDs of the contracting organisations.",
                required=True,
                multiple=True,
            ),
            _vocab(
                "contract_type",
                "Vertragsart",
                "Contract type",
                "contract-types",
                "contractType",
                "z. B. Leistungsvereinbarung.",
                "e.g. service agreement.",
                required=True,
            ),
            _ref(
                "services",
                "Angebote",
                "Services",
                "services",
                "service",
                "IDs der Angebote, um die es geht.",
                "IDs of the services concerned.",
                multiple=True,
            ),
            _legal_basis(),
            Column(
                "start",
                "Beginn",
                "Start",
                ColumnType.DATE,
                "Beginn der Laufzeit.",
                "Start of the term.",
                required=True,
                predicate=_sg("startDate"),
            ),
            Column(
                "end",
                "Ende",
                "End",
                ColumnType.DATE,
                "Ende der Laufzeit; leer = unbefristet.",
                "End of the term; empty = open-ended.",
                predicate=_sg("endDate"),
            ),
            _description(),
        ),
    ),
)

SHEETS_BY_KEY: dict[str, Sheet] = {sheet.key: sheet for sheet in SHEETS}

#: Several values in one cell are separated by this character.
SEPARATOR = "|"
