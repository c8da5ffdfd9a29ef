"""Content negotiation: the client's Accept header with q-values against what we can offer."""

from dataclasses import dataclass


@dataclass(frozen=True)
class _Range:
    type: str
    subtype: str
    q: float
    specificity: int


def _ranges(accept: str) -> list[_Range]:
    ranges = []
    for part in accept.split(","):
        fields = [field.strip() for field in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        main, _, sub = media.partition("/")
        q = 1.0
        for parameter in fields[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        specificity = (main != "*") + (sub not in ("*", ""))
        ranges.append(_Range(main, sub or "*", q, specificity))
    return ranges


def _quality(ranges: list[_Range], offer: str) -> float:
    main, _, sub = offer.partition("/")
    best: _Range | None = None
    for candidate in ranges:
        if candidate.type not in ("*", main) or candidate.subtype not in ("*", sub):
            continue
        if best is None or candidate.specificity > best.specificity:
            best = candidate
    return best.q if best else 0.0


def choose(accept: str | None, offers: list[str]) -> str | None:
    """The offered media type the client prefers most; the first offer wins ties.

    No Accept header accepts anything. None when nothing offered is acceptable.

    >>> choose("text/csv;q=0.5, application/sparql-results+json", ["text/csv",
    ...        "application/sparql-results+json"])
    'application/sparql-results+json'
    >>> choose("text/html", ["text/turtle"]) is None
    True
    """
    if not accept or not accept.strip():
        return offers[0] if offers else None
    ranges = _ranges(accept)
    best, best_q = None, 0.0
    for offer in offers:
        q = _quality(ranges, offer)
        if q > best_q:
            best, best_q = offer, q
    return best


def prefers_html(accept: str | None) -> bool:
    """Whether a browser asked: HTML is acceptable and preferred over JSON.

    >>> prefers_html("text/html,application/xhtml+xml,*/*;q=0.8")
    True
    >>> prefers_html("*/*")
    False
    """
    if not accept:
        return False
    ranges = _ranges(accept)
    html = _quality([r for r in ranges if r.specificity == 2], "text/html")
    return html > 0 and html >= _quality(ranges, "application/json")
