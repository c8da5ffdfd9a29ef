"""Seeded generator of the planners' template at any size: a folder of German CSV files.

Driven by the template spec: every sheet in `SHEETS` becomes `{name_de}.csv` with its German
headers in spec order, and every column gets a plausible value for its type, its vocabulary
(German prefLabels of the right scheme) or its reference target (IDs of rows generated in
that sheet). A few per-sheet plans add what the spec cannot say (who funds, who reports to
whom, where a location lies); columns no plan knows are still filled from their type.

The format is a German planner's Excel export: `;`-separated, UTF-8 with BOM, CRLF lines,
`1.234,50`, `31.12.2024`, `ja`/`nein`, several values in one cell separated by ` | `.
Everything is fictional: organisation and district names are invented, coordinates lie
in a grid over Marburg (50.78-50.84 N, 8.72-8.80 E), telephone numbers are from the range
the Bundesnetzagentur keeps for film and fiction (069 90009 xxx), web sites end in `.example`.

Rows per sheet for S services:

| sheet | rows |
|---|---|
| Organisationen | max(20, S/4): every 4th a funder, 1 in 50 an umbrella, the rest providers |
| Angebote | S |
| Standorte | S/2 |
| Angebote an Standorten | S: each service once, at a random location |
| Finanzierungen | S: S/2 fundings, each in 2023 and 2024 |
| Gremien | max(10, S/40): every 20th a steering group, the others report to their block's one |
| Mitgliedschaften | 4 per committee: a chair and three others |
| Kooperationen | S/2 |
| Stadtteile | 15: three planning areas with four districts each |
| Stadtteilstatistik | 15 districts x 8 indicators (the scheme's top concepts) x 2 years = 240 |
| Bedarfe | 2 per district = 30 |
| Qualitätskriterien | S/2 |
| Wirkungsüberprüfungen | S/2 |
| Verträge | S/4 |

Same seed and size, same bytes. Rows are streamed; only one number per service (its first
provider) is kept. Run `python -m bench.generate FOLDER --services 10000 [--seed 1] [--xlsx FILE]`.
"""

import argparse
import csv
import random
import re
import sys
import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS
from sozialgraph.graph.template.spec import SEPARATOR, SHEETS, Column, ColumnType, Sheet
from sozialgraph.ontology.files import vocabulary_paths
from sozialgraph.ontology.namespaces import SG, VOCAB_BASE

Value = str | int | bool | Decimal | date | list | None
Row = dict[str, Value]
Maker = Callable[[random.Random, int, Row], Value]

YEARS = (2023, 2024)
FIRST_DAY, LAST_DAY = date(2005, 1, 1).toordinal(), date(2024, 12, 31).toordinal()
SURVEY_DAY = date(YEARS[0], 1, 1).toordinal()
FILL = 0.85  # share of optional cells that are filled
FILL_BY_KEY = {"part_of": 0.15, "member_of": 0.5, "end": 0.5}
LOCALITY = "Marburg"
UNITS_DE = {"persons": "Personen", "households": "Haushalte", "percent": "Prozent"}
ID_PREFIXES = {
    "organisations": "org", "services": "svc", "locations": "loc", "services_at_locations": "sal",
    "fundings": "fin", "committees": "grm", "memberships": "mgl", "ties": "koop",
    "districts": "st", "district_statistics": "stat", "needs": "bed", "quality_criteria": "qk",
    "reviews": "wir", "contracts": "ver",
}  # fmt: skip
# Three planning areas (rows of a grid, north to south) of four districts (west to east).
AREAS = (
    ("Planungsraum Nord", "35041", ("Lindenhof", "Nordviertel", "Hochfeld", "Sonnenhang")),
    ("Planungsraum Mitte", "35037", ("Weststadt", "Altstadt", "Lahnufer", "Oststadt")),
    ("Planungsraum Süd", "35039", ("Mühlgrund", "Südstadt", "Bahnhofsviertel", "Talsiedlung")),
)
NORTH, WEST, CELL = 50.84, 8.72, 0.02  # the grid: 3 x 4 cells of 0.02°
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


# --- vocabularies ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Concept:
    """One concept: its IRI's local name, German label, broader concepts and unit (indicators)."""

    name: str
    label: str
    broader: frozenset[str]
    unit: str | None


@cache
def vocabularies() -> dict[str, tuple[Concept, ...]]:
    """Every scheme's concepts, read from the vocabulary files once, sorted by IRI."""
    schemes: dict[str, tuple[Concept, ...]] = {}
    for scheme, path in vocabulary_paths().items():
        graph = Graph().parse(path, format="turtle")
        concepts = []
        for iri in sorted(graph.subjects(SKOS.inScheme, URIRef(VOCAB_BASE + scheme))):
            label = next(
                str(value)
                for value in graph.objects(iri, SKOS.prefLabel)
                if isinstance(value, Literal) and value.language == "de"
            )
            broader = frozenset(str(b).rsplit("/", 1)[-1] for b in graph.objects(iri, SKOS.broader))
            unit = graph.value(iri, SG.unit)
            name = str(iri).rsplit("/", 1)[-1]
            concepts.append(Concept(name, label, broader, str(unit) if unit else None))
        schemes[scheme] = tuple(concepts)
    return schemes


def concepts_under(scheme: str, *roots: str) -> list[Concept]:
    """The concepts `roots` of `scheme` and everything below them."""
    concepts = vocabularies()[scheme]
    found = set(roots)
    while True:
        more = {c.name for c in concepts if c.broader & found} - found
        if not more:
            return [c for c in concepts if c.name in found]
        found |= more


def concept(scheme: str, name: str) -> Concept:
    """One concept of a scheme by its IRI's local name."""
    return next(c for c in vocabularies()[scheme] if c.name == name)


def top_concepts(scheme: str) -> list[Concept]:
    """The concepts of a scheme without a broader one."""
    return [c for c in vocabularies()[scheme] if not c.broader]


# --- sizes, IDs and pools -------------------------------------------------------------------


@dataclass(frozen=True)
class District:
    """One row of the districts sheet: a planning area or a district in it, with its cell."""

    name: str
    code: str
    parent: int | None
    south: float
    west: float
    height: float
    width: float
    postal_code: str


def districts() -> list[District]:
    """The three planning areas first, then their districts (so `part_of` points back)."""
    areas = [
        District(name, str(row + 1), None, NORTH - (row + 1) * CELL, WEST, CELL, 4 * CELL, code)
        for row, (name, code, _) in enumerate(AREAS)
    ]
    leaves = []
    for row, (area, (_, _, names)) in enumerate(zip(areas, AREAS, strict=True)):
        for col, name in enumerate(names):
            west, code = WEST + col * CELL, f"{row + 1}{col + 1:02d}"
            leaves.append(District(name, code, row, area.south, west, CELL, CELL, area.postal_code))
    return areas + leaves


def template_sizes(services: int) -> dict[str, int]:
    """Rows per sheet key for `services` services (see the module docstring)."""
    s = services
    committees = max(10, s // 40)
    places = len(districts())
    known = {
        "organisations": max(20, s // 4),
        "services": s,
        "locations": max(1, s // 2),
        "services_at_locations": s,
        "fundings": s,
        "committees": committees,
        "memberships": 4 * committees,
        "ties": max(1, s // 2),
        "districts": places,
        "district_statistics": places * len(top_concepts("indicators")) * len(YEARS),
        "needs": 2 * places,
        "quality_criteria": max(1, s // 2),
        "reviews": max(1, s // 2),
        "contracts": max(1, s // 4),
    }
    return {sheet.key: known.get(sheet.key, max(1, s // 4)) for sheet in SHEETS}


@dataclass(frozen=True)
class Pool:
    """The rows of a sheet a reference may name: `size` of them, the k-th being row `at(k)`."""

    size: int
    at: Callable[[int], int]

    def below(self, limit: int) -> int:
        """How many of them come before row `limit` (`at` grows with k)."""
        low, high = 0, self.size
        while low < high:
            middle = (low + high) // 2
            if self.at(middle) < limit:
                low = middle + 1
            else:
                high = middle
        return low


def _same(k: int) -> int:
    return k


def _funder_row(k: int) -> int:
    return 4 * k


def _provider_row(k: int) -> int:
    return 4 * (k // 3) + k % 3 + 1


def _umbrella_row(k: int) -> int:
    return 4 * k + 1


POOL_BY_KEY = {
    "funder": "funders", "commissioner": "funders", "convened_by": "funders",
    "provider": "providers", "recipient": "providers", "contractors": "providers",
    "member_of": "umbrellas", "part_of": "providers",
}  # fmt: skip


@dataclass
class World:
    """What one sheet's rows need to know of the others: sizes, IDs, pools, providers."""

    seed: int
    sizes: dict[str, int]
    places: list[District] = field(default_factory=districts)
    provider_of: array = field(default_factory=lambda: array("l"))  # first provider per service

    def __post_init__(self) -> None:
        self._formats = {
            key: f"{ID_PREFIXES.get(key, key.replace('_', '-'))}-{{:0{max(5, len(str(n)))}d}}"
            for key, n in self.sizes.items()
        }
        n = self.sizes["organisations"]
        funders = (n + 3) // 4
        self.pools = {
            "funders": Pool(funders, _funder_row),
            "providers": Pool(n - funders, _provider_row),
            "umbrellas": Pool(min(max(1, n // 50), (n + 2) // 4), _umbrella_row),
        }

    def ident(self, sheet: str, index: int) -> str:
        """The ID of row `index` (from 0) of a sheet: org-00001 is the first organisation."""
        return self._formats[sheet].format(index + 1)

    def index(self, ident: str) -> int:
        """The row of an ID made by `ident`."""
        return int(ident.rsplit("-", 1)[1]) - 1

    def pool(self, column: Column) -> Pool:
        """The rows a reference column may name."""
        name = POOL_BY_KEY.get(column.key) if column.target == "organisations" else None
        return self.pools[name] if name else Pool(self.sizes[column.target], _same)

    def is_umbrella(self, row: int) -> bool:
        return row % 4 == 1 and row // 4 < self.pools["umbrellas"].size

    def provider(self, service: int, rng: random.Random) -> int:
        """The first provider of a service (random if services were not generated first)."""
        if service < len(self.provider_of):
            return self.provider_of[service]
        providers = self.pools["providers"]
        return providers.at(rng.randrange(providers.size))

    def district_name(self, ident: Value) -> str | None:
        """The name of a district by its ID (None for no ID)."""
        return self.places[self.index(ident)].name if isinstance(ident, str) else None


# --- values per column type -----------------------------------------------------------------


def _how_many(rng: random.Random) -> int:
    """1, 2 or 3 values for a column taking several (1 most often)."""
    r = rng.random()
    return 1 + (r > 0.55) + (r > 0.85)


def _first(value: Value) -> Value:
    return value[0] if isinstance(value, list) else value


def _cents(low: int, high: int, rng: random.Random, step: int = 1) -> Decimal:
    return Decimal(rng.randrange(low, high, step)).scaleb(-2)


def _coordinate(low: float, size: float, rng: random.Random) -> Decimal:
    micro = round(low * 1_000_000)
    return Decimal(rng.randrange(micro, micro + round(size * 1_000_000))).scaleb(-6)


def slug(text: str) -> str:
    """A domain-safe form of a name: lower case, umlauts spelt out, whole words up to 40 letters.

    >>> slug("Verein für Nachbarschaftshilfe Oststadt e. V.")
    'verein-fuer-nachbarschaftshilfe-oststadt'
    """
    text = text.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    words = re.sub(r"[^a-z0-9]+", " ", text).split() or ["x"]
    kept = words[:1]
    for word in words[1:]:
        if len(kept) + sum(map(len, kept)) + len(word) > 40:
            break
        kept.append(word)
    return "-".join(kept)


def _reference(sheet: Sheet, column: Column, world: World) -> Maker:
    """IDs of the target sheet; one's own sheet only backwards (no cycles), no ID twice a row."""
    pool, own, target = world.pool(column), column.target == sheet.key, column.target
    siblings = [
        c.key
        for c in sheet.columns
        if c.type is ColumnType.REFERENCE and c.target == target and c.key != column.key
    ]

    def make(rng: random.Random, i: int, row: Row) -> Value:
        limit = pool.below(i) if own else pool.size
        taken = {world.ident(target, i)} if own else set()
        for key in siblings:
            value = row.get(key)
            taken.update(value if isinstance(value, list) else [value] if value else [])
        want = _how_many(rng) if column.multiple else 1
        chosen: list[str] = []
        for _ in range(4 * want):
            if len(chosen) == want or limit == 0:
                break
            candidate = world.ident(target, pool.at(rng.randrange(limit)))
            if candidate not in taken and candidate not in chosen:
                chosen.append(candidate)
        if not chosen:
            return None
        return chosen if column.multiple else chosen[0]

    return make


def _vocabulary(column: Column) -> Maker:
    labels = [c.label for c in vocabularies()[column.vocabulary or ""]]
    if column.multiple:
        return lambda rng, i, row: rng.sample(labels, min(len(labels), _how_many(rng)))
    return lambda rng, i, row: rng.choice(labels)


def _date(column: Column) -> Maker:
    """Starts since 2005, ends 1 month to 6 years after the start, other dates in `YEARS`."""

    def end(rng: random.Random, i: int, row: Row) -> Value:
        start = row.get("start")
        if not isinstance(start, date):
            return date.fromordinal(rng.randint(SURVEY_DAY, LAST_DAY))
        return date.fromordinal(start.toordinal() + rng.randint(30, 6 * 365))

    if column.key == "end":
        return end
    first = FIRST_DAY if column.key == "start" else SURVEY_DAY
    return lambda rng, i, row: date.fromordinal(rng.randint(first, LAST_DAY))


def _decimal(column: Column) -> Maker:
    south, west = NORTH - 3 * CELL, WEST
    makers: dict[str, Maker] = {
        "latitude": lambda rng, i, row: _coordinate(south, 3 * CELL, rng),
        "longitude": lambda rng, i, row: _coordinate(west, 4 * CELL, rng),
        "trust": lambda rng, i, row: Decimal(rng.randint(2, 8)) / 2,
        "value": lambda rng, i, row: Decimal(rng.randint(2, 8)) / 2,
        "amount": lambda rng, i, row: _cents(200_000, 50_000_000, rng, 5_000),
    }
    return makers.get(column.key, lambda rng, i, row: _cents(0, 10_000_000, rng))


def _maximum_age(rng: random.Random, i: int, row: Row) -> Value:
    lowest = row.get("minimum_age")
    lowest = lowest if isinstance(lowest, int) else 0
    return rng.choice([age for age in MAX_AGES if age > lowest])


def _count(column: Column) -> Maker:
    makers: dict[str, Maker] = {
        "places": lambda rng, i, row: rng.randint(5, 150),
        "minimum_age": lambda rng, i, row: rng.choice(MIN_AGES),
        "maximum_age": _maximum_age,
    }
    return makers.get(column.key, lambda rng, i, row: rng.randint(0, 100))


def _unit(sheet: Sheet) -> Maker:
    """The unit the row's indicator is counted in, in German."""
    units = {c.label: c.unit for scheme in vocabularies().values() for c in scheme if c.unit}
    keys = [c.key for c in sheet.columns if c.type is ColumnType.VOCABULARY]

    def make(rng: random.Random, i: int, row: Row) -> Value:
        found = (units.get(str(_first(row.get(key)))) for key in keys)
        return UNITS_DE[next((unit for unit in found if unit), "persons")]

    return make


def _square(rng: random.Random, i: int, row: Row) -> Value:
    lon, lat = 8.72 + rng.random() * 0.07, 50.78 + rng.random() * 0.05
    return _polygon(lat, lon, 0.01, 0.01)


def _polygon(south: float, west: float, height: float, width: float) -> str:
    north, east = south + height, west + width
    corners = [(west, south), (east, south), (east, north), (west, north), (west, south)]
    return "POLYGON((" + ", ".join(f"{x:.4f} {y:.4f}" for x, y in corners) + "))"


def _name(sheet: Sheet, world: World) -> Maker:
    """A fictional name that fits the row (its kind, type, district …)."""
    kinds = {c.label: c.name for c in vocabularies()["organisation-kinds"]}

    def organisation(rng: random.Random, i: int, row: Row) -> Value:
        kind = str(row.get("kind"))
        form = rng.choice(ORGANISATION_FORMS.get(kinds.get(kind, ""), ("{kind} {place}",)))
        place = rng.choice(world.places[len(AREAS) :]).name
        return form.format(purpose=rng.choice(PURPOSES), place=place, kind=kind)

    def service(rng: random.Random, i: int, row: Row) -> Value:
        what = _first(row.get("service_type")) or _first(row.get("fields_of_action"))
        where = world.district_name(_first(row.get("districts_served")))
        return f"{what} {where or LOCALITY} ({_first(row.get('target_groups'))})"

    def location(rng: random.Random, i: int, row: Row) -> Value:
        return f"{rng.choice(BUILDINGS)} {row.get('_place', LOCALITY)}"

    def committee(rng: random.Random, i: int, row: Row) -> Value:
        topic = _first(row.get("fields_of_action")) or rng.choice(world.places).name
        return f"{row.get('committee_type')} {topic}"

    def criterion(rng: random.Random, i: int, row: Row) -> Value:
        return f"{row.get('dimension')}: {rng.choice(QUALITY_PHRASES)}"

    def contract(rng: random.Random, i: int, row: Row) -> Value:
        start = row.get("start")
        return f"{row.get('contract_type')} {start.year if isinstance(start, date) else ''}".strip()

    names: dict[str, Maker] = {
        "organisations": organisation, "services": service, "locations": location,
        "committees": committee, "quality_criteria": criterion, "contracts": contract,
    }  # fmt: skip
    return names.get(sheet.key, lambda rng, i, row: f"{sheet.name_de} {i + 1}")


def _source(sheet: Sheet, world: World) -> Maker:
    def make(rng: random.Random, i: int, row: Row) -> Value:
        day = row.get("date")
        year = day.year if isinstance(day, date) else YEARS[-1]
        if sheet.key == "ties":
            return f"Netzwerkbefragung {year}"
        place = world.district_name(row.get("district")) or LOCALITY
        return rng.choice(NEED_SOURCES).format(place=place, year=year)

    return make


def _text(sheet: Sheet, column: Column, world: World) -> Maker:
    """Plain text by column key; unknown keys get "{header} {row number}"."""
    if column.key == "name":
        return _name(sheet, world)
    if column.key == "source":
        return _source(sheet, world)
    descriptions = DESCRIPTIONS.get(sheet.key, DESCRIPTIONS[""])

    def label(row: Row, i: int) -> str:
        return slug(str(row.get("name") or world.ident(sheet.key, i)))

    def fallback(rng: random.Random, i: int, row: Row) -> Value:
        text = f"{column.header_de} {i + 1}"
        return [text] if column.multiple else text

    makers: dict[str, Maker] = {
        "description": lambda rng, i, row: rng.choice(descriptions),
        "email": lambda rng, i, row: f"info@{label(row, i)}.example",
        "phone": lambda rng, i, row: f"069 90009{rng.randrange(1000):03d}",
        "street": lambda rng, i, row: f"{rng.choice(STREETS)} {rng.randint(1, 99)}",
        "postal_code": lambda rng, i, row: AREAS[1][1],
        "locality": lambda rng, i, row: LOCALITY,
        "opening_hours": lambda rng, i, row: sorted(rng.sample(OPENING_HOURS, rng.randint(1, 2))),
        "currency": lambda rng, i, row: "EUR",
        "code": lambda rng, i, row: f"{i + 1:03d}",
        "website": lambda rng, i, row: f"https://www.{label(row, i)}.example",
    }
    return makers.get(column.key, fallback)


def column_maker(sheet: Sheet, column: Column, world: World) -> Maker:
    """How a value of this column is made, from its type, vocabulary, target or key."""
    kind = column.type
    if kind is ColumnType.ID:
        return lambda rng, i, row: world.ident(sheet.key, i)
    if kind is ColumnType.REFERENCE:
        return _reference(sheet, column, world)
    if kind is ColumnType.VOCABULARY:
        return _vocabulary(column)
    if kind is ColumnType.DATE:
        return _date(column)
    if kind is ColumnType.YEAR:
        return lambda rng, i, row: rng.choice(YEARS)
    if kind is ColumnType.DECIMAL:
        return _decimal(column)
    if kind is ColumnType.COUNT:
        return _count(column)
    if kind is ColumnType.BOOLEAN:
        return lambda rng, i, row: rng.random() < 0.7
    if kind is ColumnType.WKT:
        return _square
    if kind is ColumnType.UNIT:
        return _unit(sheet)
    return _text(sheet, column, world)  # TEXT and URL


# --- per-sheet plans: what the spec cannot say ----------------------------------------------

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
            "latitude": _coordinate(place.south, place.height, rng),
            "longitude": _coordinate(place.west, place.width, rng),
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
            amounts[0] = _cents(200_000, 50_000_000, rng, 5_000)
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
            "geometry": _polygon(place.south, place.west, place.height, place.width),
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
        chosen = sorted(rng.sample(range(services), min(services, _how_many(rng))))
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


def _no_plan(world: World, rng: random.Random) -> Plan:
    return lambda i: {}


# --- rows and files -------------------------------------------------------------------------


def _stage(column: Column) -> int:
    """Typed values first, then the name, then texts made from them (e-mail from name …)."""
    if column.type not in (ColumnType.TEXT, ColumnType.URL):
        return 0
    return 1 if column.key == "name" else 2


def sheet_rows(sheet: Sheet, world: World) -> Iterator[list[Value]]:
    """The rows of one sheet as typed values in spec column order."""
    rng = random.Random(f"{world.seed}:{sheet.key}")
    plan = PLANS.get(sheet.key, _no_plan)(world, rng)
    makers = [
        (c.key, c.required, FILL_BY_KEY.get(c.key, FILL), column_maker(sheet, c, world))
        for c in sorted(sheet.columns, key=_stage)
    ]
    keys = [c.key for c in sheet.columns]
    for i in range(world.sizes[sheet.key]):
        row = plan(i)
        for key, required, fill, make in makers:
            if key in row:
                continue
            row[key] = make(rng, i, row) if required or rng.random() < fill else None
            if required and row[key] in (None, []):
                raise RuntimeError(f"{sheet.key} row {i}: no value for required column {key}")
        yield [row[key] for key in keys]


_GERMAN_DIGITS = str.maketrans(",.", ".,")


def german(value: Value) -> str:
    """A value as a German Excel export writes it.

    >>> [german(v) for v in (Decimal("12500.00"), date(2024, 12, 31), True, ["a", "b"], None)]
    ['12.500,00', '31.12.2024', 'ja', 'a | b', '']
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return f" {SEPARATOR} ".join(german(v) for v in value)
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, Decimal):
        return format(value, ",f").translate(_GERMAN_DIGITS)
    if isinstance(value, date):
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return str(value)


class _Workbook:
    """The same rows as one XLSX workbook (openpyxl, write-only): typed numbers and dates."""

    def __init__(self, path: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        self.path, self.book, self.cell = path, Workbook(write_only=True), WriteOnlyCell
        self.sheet = None  # the worksheet being written

    def start(self, sheet: Sheet) -> None:
        """Begin a worksheet named like the sheet, with its German headers in row 1."""
        self.sheet = self.book.create_sheet(sheet.name_de[:31])
        self.sheet.append([c.header_de for c in sheet.columns])

    def append(self, values: list[Value]) -> None:
        self.sheet.append([self._cell(v) for v in values])

    def _cell(self, value: Value) -> object:
        if isinstance(value, bool | list):
            return german(value)
        if isinstance(value, date):
            cell = self.cell(self.sheet, value=value)
            cell.number_format = "DD.MM.YYYY"
            return cell
        return value

    def close(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.book.save(self.path)


def generate_template(
    folder: Path, services: int, seed: int = 1, *, xlsx: Path | None = None
) -> dict[str, int]:
    """Write one `{name_de}.csv` per sheet into `folder` (and `xlsx` if given); rows per sheet."""
    if services < 1:
        raise ValueError("services must be at least 1")
    world = World(seed, template_sizes(services))
    workbook = _Workbook(xlsx) if xlsx else None
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for sheet in SHEETS:
        if workbook:
            workbook.start(sheet)
        with open(folder / f"{sheet.name_de}.csv", "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
            writer.writerow([c.header_de for c in sheet.columns])
            count = 0
            for values in sheet_rows(sheet, world):
                writer.writerow([german(v) for v in values])
                if workbook:
                    workbook.append(values)
                count += 1
        counts[sheet.key] = count
    if workbook:
        workbook.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    """The command line: generate, then print rows per file, size and time."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate",
        description="Write the planners' template with generated, valid, fictional data.",
    )
    parser.add_argument("folder", type=Path, help="folder for the CSV files (created)")
    parser.add_argument("--services", type=int, default=10_000, help="number of services")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same bytes)")
    parser.add_argument("--xlsx", type=Path, help="also write the rows as one XLSX workbook")
    args = parser.parse_args(argv)
    if args.services < 1:
        parser.error("--services must be at least 1")
    if args.xlsx:
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            print("--xlsx needs openpyxl: pip install openpyxl", file=sys.stderr)
            return 2
    started = time.perf_counter()
    counts = generate_template(args.folder, args.services, args.seed, xlsx=args.xlsx)
    elapsed = time.perf_counter() - started
    size = 0
    for sheet in SHEETS:
        path = args.folder / f"{sheet.name_de}.csv"
        size += path.stat().st_size
        print(f"{counts[sheet.key]:>10,}  {path.name}")
    print(f"{sum(counts.values()):>10,}  rows, {size / 1e6:.1f} MB of CSV in {elapsed:.1f} s")
    if args.xlsx:
        print(f"{args.xlsx.stat().st_size / 1e6:>10.1f}  MB in {args.xlsx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
