"""The README's documentation of the template, generated from the spec.

`python -m sozialgraph.graph.template.docs README.md` rewrites the part of the README
between its template markers; a test checks the README is up to date.
"""

import sys
from pathlib import Path

from sozialgraph.graph.template.spec import SHEETS, SHEETS_BY_KEY, Column, ColumnType

START, END = "<!-- template:start -->", "<!-- template:end -->"

_TYPES = {
    ColumnType.ID: "ID",
    ColumnType.TEXT: "text",
    ColumnType.REFERENCE: "ID in",
    ColumnType.VOCABULARY: "concept of",
    ColumnType.DATE: "date",
    ColumnType.YEAR: "year",
    ColumnType.DECIMAL: "number",
    ColumnType.COUNT: "whole number",
    ColumnType.BOOLEAN: "ja/nein",
    ColumnType.URL: "web address",
    ColumnType.WKT: "WKT geometry",
    ColumnType.UNIT: "unit",
}


def _type(column: Column) -> str:
    if column.type is ColumnType.REFERENCE:
        return f"ID in *{SHEETS_BY_KEY[column.target].name_de}*"
    if column.type is ColumnType.VOCABULARY:
        return f"concept of `{column.vocabulary}`"
    return _TYPES[column.type]


def template_markdown() -> str:
    """One table per sheet: headers (German, English), type, required, several, explanation."""
    parts = []
    for sheet in SHEETS:
        parts += [
            f"#### {sheet.name_de} / {sheet.name_en}",
            "",
            f"{sheet.explanation_en} IRIs: `{{base}}/id/{sheet.kind}/{{ID}}`, "
            f"class `sg:{sheet.rdf_class.rsplit('#', 1)[-1]}`.",
            "",
            "| Spalte | column | type | required | several (`\\|`) | explanation |",
            "|---|---|---|---|---|---|",
        ]
        for column in sheet.columns:
            explanation = column.explanation_en.replace("|", "\\|")
            required, several = (
                "yes" if flag else "" for flag in (column.required, column.multiple)
            )
            parts.append(
                f"| {column.header_de} | {column.header_en} | {_type(column)} | "
                f"{required} | {several} | {explanation} |"
            )
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def replace_section(text: str) -> str:
    """The README text with its template section regenerated."""
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{template_markdown()}{END}{after}"


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    path = Path(sys.argv[1])
    path.write_text(replace_section(path.read_text(encoding="utf-8")), encoding="utf-8")
