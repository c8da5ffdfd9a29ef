"""What one sheet's rows need to know of the others: districts, rows per sheet, IDs, pools."""

import random
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field

from sozialgraph.graph.template.spec import SHEETS, Column

from bench.generator.fiction import YEARS
from bench.generator.values import Value
from bench.generator.vocabularies import top_concepts

LOCALITY = "Marburg"
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
    """Rows per sheet key for `services` services (the table in `bench.generator`)."""
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
