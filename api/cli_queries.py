"""The planners' questions: list the canned queries, run one (or any .rq file)."""

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from sozialgraph.api.cli_common import StoreOption, fail, opened, write_output
from sozialgraph.api.cli_store import OutputFormat


class Language(StrEnum):
    de = "de"
    en = "en"


def _pairs(params: list[str]) -> dict[str, list[str]]:
    given: dict[str, list[str]] = {}
    for pair in params:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            fail(f"--param {pair!r}: write name=value")
        given.setdefault(name.strip(), []).append(value.strip())
    return given


def list_queries(
    format: Annotated[OutputFormat, typer.Option(help="text or json")] = OutputFormat.text,
    lang: Annotated[Language, typer.Option(help="de or en")] = Language.de,
) -> None:
    """List the canned queries with their parameters."""
    from sozialgraph.queries.catalogue import catalogue

    queries = catalogue().values()
    if format is OutputFormat.json:
        listing = [
            {
                "name": q.name, "title": q.title(lang), "description": q.description(lang),
                "params": [
                    {"name": p.name, "type": str(p.type), "default": p.default,
                     "vocabulary": p.vocabulary, "kind": p.kind, "multiple": p.multiple,
                     "required": p.required, "choices": list(p.choices),
                     "description": p.description(lang)}
                    for p in q.params
                ],
            }
            for q in queries
        ]  # fmt: skip
        typer.echo(json.dumps(listing, indent=2, ensure_ascii=False))
        return
    for q in queries:
        typer.echo(f"{q.name}\t{q.title(lang)}")
        for p in q.params:
            options = [str(p.type)]
            options += [f"vocabulary {p.vocabulary}"] if p.vocabulary else []
            options += [f"a {p.kind}"] if p.kind else []
            options += [f"one of {'|'.join(p.choices)}"] if p.choices else []
            options += [f"default {p.default}"] if p.default is not None else []
            options += ["required"] if p.required else []
            options += ["repeatable"] if p.multiple else []
            typer.echo(f"    --param {p.name}=…  ({', '.join(options)}) {p.description(lang)}")


class AnswerFormatOption(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


def run(
    name: Annotated[str, typer.Argument(help="A canned query's name, or a .rq file.")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="name=value; repeat a name for several values."),
    ] = None,
    lang: Annotated[Language, typer.Option(help="Labels and headers: de or en.")] = Language.de,
    format: Annotated[
        AnswerFormatOption, typer.Option(help="table, csv, json or xlsx (xlsx needs --out).")
    ] = AnswerFormatOption.table,
    out: Annotated[Path | None, typer.Option(help="Write to this file instead.")] = None,
    store: StoreOption = None,
) -> None:
    """Run a canned query by name (see `sozialgraph queries`) or any .rq file.

    Parameters are bound as RDF terms: values are read like the template's (labels,
    notations or IRIs for concepts; IDs, names or IRIs for records; 30.06.2026 or
    2026-06-30 for dates). Output shows labels; CSV and JSON carry the IRIs as well.
    """
    from sozialgraph.queries.binding import BadParameter
    from sozialgraph.queries.catalogue import BadQueryFile
    from sozialgraph.queries.output import to_csv, to_json, to_table, write_xlsx
    from sozialgraph.queries.runner import UnknownQuery, find_query, run_query

    if format is AnswerFormatOption.xlsx and out is None:
        fail("--format xlsx: give a file with --out")
    try:
        query = find_query(name)
        with opened(store) as graph_store:
            answer = run_query(graph_store, query, _pairs(param or []), lang=lang.value)
    except (BadParameter, BadQueryFile, UnknownQuery) as error:
        fail(f"error: {error}")
    if format is AnswerFormatOption.xlsx:
        write_xlsx(answer, lang.value, out)
        typer.echo(f"wrote {len(answer.rows)} rows to {out}")
        return
    render = {"table": to_table, "csv": to_csv, "json": to_json}[format.value]
    write_output(render(answer, lang.value), out, f"wrote {len(answer.rows)} rows to {out}")


def register(app: typer.Typer) -> None:
    """Add the query commands to the app."""
    app.command("queries")(list_queries)
    app.command("query")(run)
