"""The fixed material of the fictional rows: years, fill rates, names, phrases, ranges."""

from datetime import date

YEARS = (2023, 2024)
FIRST_DAY, LAST_DAY = date(2005, 1, 1).toordinal(), date(2024, 12, 31).toordinal()
SURVEY_DAY = date(YEARS[0], 1, 1).toordinal()
FILL = 0.85  # share of optional cells that are filled
FILL_BY_KEY = {"part_of": 0.15, "member_of": 0.5, "end": 0.5}
UNITS_DE = {"persons": "Personen", "households": "Haushalte", "percent": "Prozent"}
PURPOSES = (
    "Nachbarschaftshilfe", "Familienbildung", "Jugendarbeit", "Seniorenarbeit", "Suchthilfe",
    "Integration und Teilhabe", "Wohnungsnotfallhilfe", "Frühe Hilfen", "Gemeinwesenarbeit",
    "Inklusion", "Lernförderung", "Gesundheitsförderung", "Beschäftigung und Qualifizierung",
    "Pflege und Begleitung", "Gewaltschutz", "Stadtteilkultur", "Sport und Bewegung", "Ehrenamt",
)  # fmt: skip
ORGANISATION_FORMS = {
    "registered-association": (
        "Verein für {purpose} {place} e. V.", "Förderverein {purpose} {place} e. V.",
    ),
    "non-profit-limited-company": ("{purpose} {place} gGmbH",),
    "foundation": ("Stiftung {purpose} {place}",),
    "church-foundation": ("Kirchliche Stiftung {place}",),
    "cooperative": ("Genossenschaft {purpose} {place} eG",),
    "self-help-group": ("Initiative {purpose} {place}",),
    "parish": ("Kirchengemeinde {place}",),
    "municipal-department": ("Fachdienst {purpose}, Außenstelle {place}",),
    "commercial-company": ("{purpose} {place} GmbH",),
    "municipality": ("Stadtverwaltung, Bürgerbüro {place}",),
    "district": ("Kreisverwaltung, Außenstelle {place}",),
    "umbrella-association": ("Arbeitsgemeinschaft {purpose} {place}",),
    "welfare-working-group": ("Liga der Wohlfahrtsverbände {place}",),
    "sole-proprietorship": ("Praxis für {purpose} {place}",),
}  # fmt: skip
BUILDINGS = (
    "Stadtteilzentrum",
    "Familienzentrum",
    "Haus der Begegnung",
    "Bürgerhaus",
    "Treffpunkt",
)
STREETS = (
    "Lindenweg", "Am Mühlbach", "Schulstraße", "Gartenstraße", "Bergstraße", "Am Markt",
    "Wiesenweg", "Ahornallee", "Brückenstraße", "Kirchgasse", "Talstraße", "Rosenweg",
)  # fmt: skip
OPENING_HOURS = (
    "Mo-Fr 09:00-16:00", "Mo-Do 08:30-12:30", "Di 14:00-18:00", "Mi 09:00-12:00",
    "Do 15:00-19:00", "Fr 09:00-13:00", "Sa 10:00-12:00", "nach Vereinbarung",
)  # fmt: skip
DESCRIPTIONS = {
    "organisations": (
        "Träger mit Angeboten in mehreren Stadtteilen.",
        "Ansprechpartner über die Geschäftsstelle; Sprechzeiten nach Vereinbarung.",
        'Träger des Projekts "Miteinander im Quartier".',
    ),
    "services": (
        "Offenes Angebot, Termine nach Vereinbarung.",
        "Kostenfrei und vertraulich; Anmeldung telefonisch oder per E-Mail.",
        "Beratung, Begleitung und Vermittlung im Stadtteil.",
        'Teil des Projekts "Miteinander im Quartier".',
    ),
    "committees": (
        "Tagt viermal im Jahr; Protokolle über die Geschäftsführung.",
        "Bereitet Empfehlungen für die Steuerungsgruppe vor.",
    ),
    "districts": ("Abgrenzung nach den Planungsräumen der Sozialberichterstattung.",),
    "": (
        "Angaben laut Trägerbefragung, Stand Dezember 2024.",
        "Ergänzt in der Planungskonferenz; Quelle siehe Protokoll.",
        'Bezug: Projekt "Miteinander im Quartier".',
    ),
}
NEED_SOURCES = ("Stadtteilkonferenz {place}", "Sozialbericht {year}", "Fachkräftebefragung {year}")
QUALITY_PHRASES = ("liegt vor", "ist dokumentiert", "wird jährlich überprüft")
MIN_AGES = (0, 0, 0, 3, 6, 10, 14, 16, 18, 18, 27, 60, 65)
MAX_AGES = (3, 6, 10, 14, 18, 21, 27, 65, 99)
