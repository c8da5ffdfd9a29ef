"""The types of generated values, and small helpers drawing them."""

import random
import re
from collections.abc import Callable
from decimal import Decimal

from sozialgraph.graph.template.csv_rows import Value

Row = dict[str, Value]
Maker = Callable[[random.Random, int, Row], Value]


def how_many(rng: random.Random) -> int:
    """1, 2 or 3 values for a column taking several (1 most often)."""
    r = rng.random()
    return 1 + (r > 0.55) + (r > 0.85)


def first_of(value: Value) -> Value:
    return value[0] if isinstance(value, list) else value


def cents(low: int, high: int, rng: random.Random, step: int = 1) -> Decimal:
    return Decimal(rng.randrange(low, high, step)).scaleb(-2)


def coordinate(low: float, size: float, rng: random.Random) -> Decimal:
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


def polygon(south: float, west: float, height: float, width: float) -> str:
    north, east = south + height, west + width
    corners = [(west, south), (east, south), (east, north), (west, north), (west, south)]
    return "POLYGON((" + ", ".join(f"{x:.4f} {y:.4f}" for x, y in corners) + "))"
