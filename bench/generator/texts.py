"""The makers of text columns: names that fit the row, e-mail addresses, sources, phrases."""

import random
from datetime import date

from sozialgraph.graph.template.spec import Column, Sheet

from bench.generator.fiction import (
    BUILDINGS,
    DESCRIPTIONS,
    NEED_SOURCES,
    OPENING_HOURS,
    ORGANISATION_FORMS,
    PURPOSES,
    QUALITY_PHRASES,
    STREETS,
    YEARS,
)
from bench.generator.values import Maker, Row, Value, first_of, slug
from bench.generator.vocabularies import vocabularies
from bench.generator.world import AREAS, LOCALITY, World


def text_maker(sheet: Sheet, column: Column, world: World) -> Maker:
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


def _name(sheet: Sheet, world: World) -> Maker:
    """A fictional name that fits the row (its kind, type, district …)."""
    kinds = {c.label: c.name for c in vocabularies()["organisation-kinds"]}

    def organisation(rng: random.Random, i: int, row: Row) -> Value:
        kind = str(row.get("kind"))
        form = rng.choice(ORGANISATION_FORMS.get(kinds.get(kind, ""), ("{kind} {place}",)))
        place = rng.choice(world.places[len(AREAS) :]).name
        return form.format(purpose=rng.choice(PURPOSES), place=place, kind=kind)

    def service(rng: random.Random, i: int, row: Row) -> Value:
        what = first_of(row.get("service_type")) or first_of(row.get("fields_of_action"))
        where = world.district_name(first_of(row.get("districts_served")))
        return f"{what} {where or LOCALITY} ({first_of(row.get('target_groups'))})"

    def location(rng: random.Random, i: int, row: Row) -> Value:
        return f"{rng.choice(BUILDINGS)} {row.get('_place', LOCALITY)}"

    def committee(rng: random.Random, i: int, row: Row) -> Value:
        topic = first_of(row.get("fields_of_action")) or rng.choice(world.places).name
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
