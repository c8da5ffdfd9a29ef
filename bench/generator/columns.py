"""A value maker per column, from its type, vocabulary, reference target or key."""

import random
from datetime import date
from decimal import Decimal

from sozialgraph.graph.template.spec import Column, ColumnType, Sheet

from bench.generator.fiction import (
    FIRST_DAY,
    LAST_DAY,
    MAX_AGES,
    MIN_AGES,
    SURVEY_DAY,
    UNITS_DE,
    YEARS,
)
from bench.generator.texts import text_maker
from bench.generator.values import Maker, Row, Value, cents, coordinate, first_of, how_many, polygon
from bench.generator.vocabularies import vocabularies
from bench.generator.world import CELL, NORTH, WEST, World


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
    return text_maker(sheet, column, world)  # TEXT and URL


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
        want = how_many(rng) if column.multiple else 1
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
        return lambda rng, i, row: rng.sample(labels, min(len(labels), how_many(rng)))
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
        "latitude": lambda rng, i, row: coordinate(south, 3 * CELL, rng),
        "longitude": lambda rng, i, row: coordinate(west, 4 * CELL, rng),
        "trust": lambda rng, i, row: Decimal(rng.randint(2, 8)) / 2,
        "value": lambda rng, i, row: Decimal(rng.randint(2, 8)) / 2,
        "amount": lambda rng, i, row: cents(200_000, 50_000_000, rng, 5_000),
    }
    return makers.get(column.key, lambda rng, i, row: cents(0, 10_000_000, rng))


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
        found = (units.get(str(first_of(row.get(key)))) for key in keys)
        return UNITS_DE[next((unit for unit in found if unit), "persons")]

    return make


def _square(rng: random.Random, i: int, row: Row) -> Value:
    lon, lat = 8.72 + rng.random() * 0.07, 50.78 + rng.random() * 0.05
    return polygon(lat, lon, 0.01, 0.01)
