"""The canned queries: one `.rq` file per question, with a grlc-style header.

The header is the file's leading `#+ ` lines, read as YAML: `name`, `title_de`,
`title_en`, `description_de`, `description_en`, optional `columns` (German and English
headers per result variable) and `params`, each with `name`, `type`, `default`,
`vocabulary` or `kind`, `multiple`, `required`, `choices` (the values a string takes)
and German and English descriptions.

A parameter is bound where the query says `VALUES ?name { UNDEF }`: the runner puts the
value there as an RDF term, never into the query text itself; left UNDEF, the query
matches every value. So every file also runs as it is, in any SPARQL 1.1 engine.
"""

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml

QUERY_FOLDER = Path(__file__).parent
#: Where a parameter is bound: `VALUES ?name { UNDEF }`.
PLACEHOLDER = re.compile(r"VALUES\s+\?(\w+)\s*\{\s*UNDEF\s*\}")
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_PARAM_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class ParamType(StrEnum):
    """What a parameter's value is and how it is read."""

    DATE = "date"  # 2026-06-30 or 30.06.2026, or "today" → xsd:date
    INTEGER = "integer"  # → xsd:integer
    DECIMAL = "decimal"  # → xsd:decimal
    STRING = "string"  # → xsd:string
    CONCEPT = "concept"  # a concept of `vocabulary`: label, notation, ID or IRI
    RECORD = "record"  # a record of `kind`: its ID, its name or its IRI


class BadQueryFile(ValueError):
    """A `.rq` file whose header or placeholders are wrong; the message names the file."""


@dataclass(frozen=True)
class Param:
    """One parameter of a canned query."""

    name: str
    type: ParamType
    description_de: str = ""
    description_en: str = ""
    default: str | int | float | None = None
    vocabulary: str | None = None  # concept scheme of a CONCEPT parameter
    kind: str | None = None  # record kind of a RECORD parameter (organisation, district, …)
    multiple: bool = False
    required: bool = False
    choices: tuple[str, ...] = ()  # the only values a STRING parameter takes, if given

    def description(self, lang: str) -> str:
        return self.description_de if lang == "de" else self.description_en


@dataclass(frozen=True)
class CannedQuery:
    """A `.rq` file: its header and its SPARQL text."""

    name: str
    title_de: str
    title_en: str
    description_de: str
    description_en: str
    text: str
    path: Path
    params: tuple[Param, ...] = ()
    columns: dict[str, dict[str, str]] = field(default_factory=dict)

    def title(self, lang: str) -> str:
        return self.title_de if lang == "de" else self.title_en

    def description(self, lang: str) -> str:
        return self.description_de if lang == "de" else self.description_en

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def column(self, variable: str, lang: str) -> str:
        """The header of a result column in the language (the variable's name if none)."""
        return self.columns.get(variable, {}).get(lang, variable)


def _header(text: str, path: Path) -> dict:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#+"):
            break
        lines.append(line[3:] if line.startswith("#+ ") else line[2:])
    try:
        header = yaml.safe_load("\n".join(lines)) or {}
    except yaml.YAMLError as error:
        raise BadQueryFile(f"{path.name}: the #+ header is not valid YAML: {error}") from None
    if not isinstance(header, dict):
        raise BadQueryFile(f"{path.name}: the #+ header must be a mapping of fields")
    return header


def _param(entry: dict, path: Path) -> Param:
    known = Param.__dataclass_fields__
    unknown = sorted(set(entry) - set(known))
    if unknown:
        raise BadQueryFile(f"{path.name}: parameter field(s) {', '.join(unknown)} unknown")
    try:
        choices = tuple(str(choice) for choice in entry.get("choices") or ())
        param = Param(**{**entry, "type": ParamType(entry.get("type")), "choices": choices})
    except (TypeError, ValueError) as error:
        raise BadQueryFile(f"{path.name}: parameter {entry.get('name')!r}: {error}") from None
    if not _PARAM_NAME.match(param.name):
        raise BadQueryFile(f"{path.name}: parameter name {param.name!r} is not snake_case")
    if param.type is ParamType.CONCEPT and not param.vocabulary:
        raise BadQueryFile(f"{path.name}: concept parameter {param.name} names no vocabulary")
    if param.type is ParamType.RECORD and not param.kind:
        raise BadQueryFile(f"{path.name}: record parameter {param.name} names no kind")
    return param


def read_query(path: Path) -> CannedQuery:
    """Read one `.rq` file, checking its header against its placeholders."""
    text = path.read_text(encoding="utf-8")
    header = _header(text, path)
    for key in ("name", "title_de", "title_en", "description_de", "description_en"):
        if not isinstance(header.get(key), str) or not header[key].strip():
            raise BadQueryFile(f"{path.name}: the header lacks {key}")
    if header["name"] != path.stem or not _NAME.match(path.stem):
        raise BadQueryFile(f"{path.name}: name must be the file's name, lower-case with -")
    params = tuple(_param(entry, path) for entry in header.get("params") or [])
    declared = {p.name for p in params}
    placed = set(PLACEHOLDER.findall(text))
    if declared - placed:
        missing = ", ".join(sorted(declared - placed))
        raise BadQueryFile(f"{path.name}: no `VALUES ?name {{ UNDEF }}` for {missing}")
    if placed - declared:
        extra = ", ".join(sorted(placed - declared))
        raise BadQueryFile(f"{path.name}: placeholders for undeclared parameters: {extra}")
    return CannedQuery(
        name=header["name"],
        title_de=header["title_de"].strip(),
        title_en=header["title_en"].strip(),
        description_de=header["description_de"].strip(),
        description_en=header["description_en"].strip(),
        text=text,
        path=path,
        params=params,
        columns=header.get("columns") or {},
    )


@cache
def catalogue() -> dict[str, CannedQuery]:
    """The canned queries shipped in `queries/`, by name."""
    return {path.stem: read_query(path) for path in sorted(QUERY_FOLDER.glob("*.rq"))}
