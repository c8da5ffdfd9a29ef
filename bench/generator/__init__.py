"""Seeded generator of the planners' template at any size: a folder of German CSV files.

Driven by the template spec: every sheet in `SHEETS` becomes `{name_de}.csv` with its German
headers in spec order, and every column gets a plausible value for its type, its vocabulary
(German prefLabels of the right scheme) or its reference target (IDs of rows generated in
that sheet). A few per-sheet plans add what the spec cannot say (who funds, who reports to
whom, where a location lies); columns no plan knows are still filled from their type.

The format is a German planner's Excel export, written by
`sozialgraph.graph.template.csv_rows`: `;`-separated, UTF-8 with BOM, CRLF lines,
`1.234,50`, `31.12.2024`, `ja`/`nein`, several values in one cell separated by ` | `.
Everything is fictional: organisation and district names are invented, coordinates lie
in a grid over Marburg (50.78-50.84 N, 8.72-8.80 E), telephone numbers are from the range
the Bundesnetzagentur keeps for film and fiction (069 90009 xxx), web sites end in `.example`.

Rows per sheet for S services:

| sheet | rows |
|---|---|
| Organisationen | max(20, S/4): every 4th a funder, 1 in 50 an umbrella, the rest providers |
| Angebote | S |
| Standorte | S/2 |
| Angebote an Standorten | S: each service once, at a random location |
| Finanzierungen | S: S/2 fundings, each in 2023 and 2024 |
| Gremien | max(10, S/40): every 20th a steering group, the others report to their block's one |
| Mitgliedschaften | 4 per committee: a chair and three others |
| Kooperationen | S/2 |
| Stadtteile | 15: three planning areas with four districts each |
| Stadtteilstatistik | 15 districts x 8 indicators (the scheme's top concepts) x 2 years = 240 |
| Bedarfe | 2 per district = 30 |
| Qualitätskriterien | S/2 |
| Wirkungsüberprüfungen | S/2 |
| Verträge | S/4 |

An XLSX sheet holds at most 1,048,576 rows (the header and 1,048,575 data rows), so a
workbook can be written for at most 1,048,575 services; the CSV folder has no such limit.

Same seed and size, same bytes. Rows are streamed; only one number per service (its first
provider) is kept. Run `python -m bench.generate FOLDER --services 10000 [--seed 1] [--xlsx FILE]`.

The modules, in the order a row is made:

- `vocabularies`: the concepts of the SKOS schemes, with German labels
- `fiction`: years, fill rates, and the invented names, phrases and ranges
- `world`: the districts' grid, rows per sheet, IDs, and the pools references draw from
- `values`: the types of generated values and small helpers drawing them
- `columns`: a value maker per column, from its type, vocabulary, target or key
- `texts`: the makers of text columns (names, e-mail addresses, sources …)
- `plans`: per sheet, what the spec cannot say (who funds, who reports to whom …)
- `output`: the rows of a sheet, written as CSV and (optionally) one XLSX workbook
- `cli`: the command line
"""
