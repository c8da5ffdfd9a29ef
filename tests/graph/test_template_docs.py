"""The README documents the template sheet by sheet, generated from the spec."""

from pathlib import Path

from sozialgraph.graph.template.docs import END, START, replace_section, template_markdown
from sozialgraph.graph.template.spec import SHEETS

README = Path(__file__).parents[2] / "README.md"


def test_readme_template_section_is_generated_from_the_spec():
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text
    assert replace_section(text) == text, (
        "README is out of date: python -m sozialgraph.graph.template.docs README.md"
    )


def test_every_sheet_and_column_is_documented():
    markdown = template_markdown()
    for sheet in SHEETS:
        assert f"#### {sheet.name_de} / {sheet.name_en}" in markdown
        for column in sheet.columns:
            assert f"| {column.header_de} | {column.header_en} |" in markdown
