"""The README's table of questions is what the queries answer on the demo data."""

from pathlib import Path

from sozialgraph.queries.catalogue import catalogue
from sozialgraph.queries.docs import END, START, questions_markdown, replace_section

README = Path(__file__).parents[2] / "README.md"


def test_readme_questions_table_is_what_the_queries_answer(demo_store):
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text
    assert replace_section(text, demo_store) == text, (
        "README is out of date: python -m sozialgraph.queries.docs README.md"
    )


def test_every_query_has_a_row_with_an_answer(demo_store):
    table = questions_markdown(demo_store)
    for name in catalogue():
        row = next(line for line in table.splitlines() if f"`sozialgraph query {name}" in line)
        assert " row" in row.rsplit("|", 2)[1], name
