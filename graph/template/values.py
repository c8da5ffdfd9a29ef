"""Reading one cell: from the raw value in a file to the Python value of its column's type.

Every rejection is a `CellError` whose reason is short, English and planner-readable.
"""

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

from sozialgraph.graph.template.spec import SEPARATOR, Column, ColumnType

_TRUE = frozenset({"ja", "j", "yes", "y", "wahr", "true", "x", "1"})
_FALSE = frozenset({"nein", "n", "no", "falsch", "false", "0"})
_UNITS = {
    "persons": "persons",
    "person": "persons",
    "personen": "persons",
    "einwohner": "persons",
    "households": "households",
    "haushalte": "households",
    "percent": "percent",
    "prozent": "percent",
    "%": "percent",
}
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_SHORT_YEAR_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2}")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"\d{4}")
_COMMA_NUMBER = re.compile(r"[+-]?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?")
_POINT_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
_DECIMAL_POINT = re.compile(r"[+-]?\d+\.\d+")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_WKT = re.compile(r"(MULTI)?(POINT|LINESTRING|POLYGON)\b|GEOMETRYCOLLECTION\b", re.IGNORECASE)
_SPACES = re.compile(r"\d[\s\u00a0\u202f]+\d")
MIN_YEAR, MAX_YEAR = 1900, 2100


class CellError(ValueError):
    """A cell's value cannot be read as its column's type."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def split_values(raw: object, column: Column) -> list[object]:
    """The values in one cell: split on "|" for columns taking several, else the value alone.

    >>> from sozialgraph.graph.template.spec import SHEETS_BY_KEY
    >>> split_values(" a | b ||", SHEETS_BY_KEY["services"].column("target_groups"))
    ['a', 'b']
    """
    if isinstance(raw, str):
        pieces = raw.split(SEPARATOR) if column.multiple else [raw]
        return [piece.strip() for piece in pieces if piece.strip()]
    return [] if raw is None else [raw]


def parse_value(raw: object, column: Column, decimal_comma: bool) -> object:
    """One value of `column`'s type; `decimal_comma` says how numbers in text are written.

    >>> from sozialgraph.graph.template.spec import SHEETS_BY_KEY
    >>> parse_value("1.234,50", SHEETS_BY_KEY["fundings"].column("amount"), True)
    Decimal('1234.50')
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise CellError("empty value")
    if column.type is ColumnType.DECIMAL:
        return _decimal(raw, decimal_comma)
    if column.type is ColumnType.COUNT:
        return _count(raw, decimal_comma)
    return _PARSERS[column.type](raw)


def as_text(raw: object) -> str:
    """A cell as text: numbers from workbooks as written (12.0 → "12"), dates as ISO dates."""
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    return str(raw)


def _date(raw: object) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str):
        raise CellError("not a date: write 31.12.2024 or 2024-12-31")
    text = raw.strip()
    if match := _GERMAN_DATE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif _SHORT_YEAR_DATE.fullmatch(text):
        raise CellError("two-digit year is ambiguous: write the year with four digits")
    else:
        raise CellError("not a date: write 31.12.2024 or 2024-12-31")
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError("no such date") from None


def _year(raw: object) -> int:
    if isinstance(raw, bool | date):
        raise CellError("not a year: write e.g. 2024")
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str) and _YEAR.fullmatch(raw.strip()):
        raw = int(raw.strip())
    if not isinstance(raw, int):
        raise CellError("not a year: write e.g. 2024")
    if not MIN_YEAR <= raw <= MAX_YEAR:
        raise CellError(f"year outside {MIN_YEAR}..{MAX_YEAR}")
    return raw


def _decimal(raw: object, decimal_comma: bool) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal | str):
        raise CellError("not a number")
    if not isinstance(raw, str):
        number = Decimal(str(raw))
        if not number.is_finite():
            raise CellError("not a number")
        return number
    text = raw.strip()
    if _SPACES.search(text):
        raise CellError("spaces inside a number: write the digits together, e.g. 1234")
    if decimal_comma:
        if _COMMA_NUMBER.fullmatch(text):
            return Decimal(text.replace(".", "").replace(",", "."))
        if _DECIMAL_POINT.fullmatch(text):
            comma = text.replace(".", ",")
            raise CellError(f"ambiguous number: write {comma} or {text} in a ','-separated file")
        raise CellError("not a number: write e.g. 1.234,50 or 1234,5")
    if "," in text:
        raise CellError("comma in a number: write a decimal point without separators, e.g. 1234.5")
    if _POINT_NUMBER.fullmatch(text):
        return Decimal(text)
    raise CellError("not a number: write e.g. 1234.50")


def _count(raw: object, decimal_comma: bool) -> int:
    number = _decimal(raw, decimal_comma)
    if number != number.to_integral_value():
        raise CellError("not a whole number")
    if number < 0:
        raise CellError("must not be negative")
    return int(number)


def _boolean(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    word = as_text(raw).lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise CellError("not yes or no: write ja or nein")


def _url(raw: object) -> str:
    text = as_text(raw)
    if not _URL.fullmatch(text):
        raise CellError("not a web address: write it starting with https://")
    return text


def _wkt(raw: object) -> str:
    text = as_text(raw)
    if not _WKT.match(text):
        raise CellError("not a WKT geometry: write e.g. POLYGON((8.76 50.80, ...))")
    return text


def _unit(raw: object) -> str:
    unit = _UNITS.get(as_text(raw).lower())
    if unit is None:
        raise CellError("unknown unit: write persons, households or percent")
    return unit


_PARSERS: dict[ColumnType, Callable[[object], object]] = {
    ColumnType.ID: as_text,
    ColumnType.TEXT: as_text,
    ColumnType.REFERENCE: as_text,
    ColumnType.VOCABULARY: as_text,
    ColumnType.DATE: _date,
    ColumnType.YEAR: _year,
    ColumnType.BOOLEAN: _boolean,
    ColumnType.URL: _url,
    ColumnType.WKT: _wkt,
    ColumnType.UNIT: _unit,
}
