"""Reading a SPARQL 1.1 Protocol request, strictly: which operation, its text and dataset.

Query: GET with `query=`, POST form, or POST `application/sparql-query`. Update: POST form
with `update=` or POST `application/sparql-update`. Parameters that may appear once must
appear once; bodies must be UTF-8; any other request media type is a 415.
"""

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from sozialgraph.api.errors import BadRequest, UnsupportedMediaType

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
_SINGLE = ("query", "update", "timeout", "public")


@dataclass
class SparqlRequest:
    """A parsed protocol request; `operation` is 'query', 'update' or None (no operation)."""

    operation: str | None
    text: str = ""
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    timeout: str | None = None
    public: str | None = None

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


def media_type_of(content_type: str | None) -> tuple[str, str | None]:
    """The bare media type and its charset parameter, lower-cased.

    >>> media_type_of("application/sparql-query; charset=UTF-16")
    ('application/sparql-query', 'utf-16')
    """
    if not content_type:
        return "", None
    bare, *parameters = (part.strip() for part in content_type.split(";"))
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return bare.lower(), charset


def _decode(body: bytes, charset: str | None, what: str) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise BadRequest(f"the {what} must be UTF-8, not {charset}", parameter="content-type")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRequest(
            f"the {what} is not valid UTF-8 (byte {error.start})", parameter="content-type"
        ) from None


def _pairs(encoded: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(encoded, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise BadRequest("a parameter is not valid percent-encoded UTF-8") from None


def parse_request(
    method: str, raw_query: bytes, content_type: str | None, body: bytes
) -> SparqlRequest:
    """Read the operation from the URL parameters and, for POST, the body."""
    url_pairs = _pairs(_decode(raw_query, None, "request URL"))
    body_pairs: list[tuple[str, str]] = []
    direct: tuple[str, str] | None = None
    if method == "POST":
        media_type, charset = media_type_of(content_type)
        if media_type == FORM:
            body_pairs = _pairs(_decode(body, charset, "form"))
        elif media_type in (QUERY_TYPE, UPDATE_TYPE):
            operation = "query" if media_type == QUERY_TYPE else "update"
            direct = (operation, _decode(body, charset, operation))
        elif not media_type:
            raise UnsupportedMediaType(
                f"a POST needs a Content-Type: {FORM}, {QUERY_TYPE} or {UPDATE_TYPE}",
                parameter="content-type",
            )
        else:
            raise UnsupportedMediaType(
                f"cannot read a POST body of type {media_type}; use {FORM}, {QUERY_TYPE} "
                f"or {UPDATE_TYPE}",
                parameter="content-type",
            )
    pairs = url_pairs + body_pairs
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value)
    for name in _SINGLE:
        if len(values.get(name, [])) > 1:
            raise BadRequest(f"the parameter {name} may be given only once", parameter=name)
    if direct is not None:
        operation, text = direct
        if "query" in values or "update" in values:
            raise BadRequest(
                f"a direct POST carries the {operation} in its body, not also as a parameter",
                parameter="query" if "query" in values else "update",
            )
    elif "query" in values and "update" in values:
        raise BadRequest("a request is a query or an update, not both", parameter="update")
    elif "query" in values:
        operation, text = "query", values["query"][0]
    elif "update" in values:
        operation, text = "update", values["update"][0]
        if method == "GET":
            raise BadRequest("an update must be sent by POST, not GET", parameter="update")
    else:
        operation, text = None, ""
    if operation == "update":
        defaults, named = values.get("using-graph-uri", []), values.get("using-named-graph-uri", [])
        wrong = [n for n in ("default-graph-uri", "named-graph-uri") if n in values]
    else:
        defaults, named = values.get("default-graph-uri", []), values.get("named-graph-uri", [])
        wrong = [n for n in ("using-graph-uri", "using-named-graph-uri") if n in values]
    if wrong and operation is not None:
        raise BadRequest(f"{wrong[0]} does not belong to a {operation}", parameter=wrong[0])
    return SparqlRequest(
        operation=operation,
        text=text,
        default_graphs=defaults,
        named_graphs=named,
        timeout=values.get("timeout", [None])[0],
        public=values.get("public", [None])[0],
    )
