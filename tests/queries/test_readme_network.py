"""The README's network example is what the command prints on the demo data."""

import re
import shlex
from pathlib import Path

from sozialgraph.queries.network_analysis import Measure, run_network
from sozialgraph.queries.network_graphs import NetworkKind, read_filters
from sozialgraph.queries.network_output import to_table

README = Path(__file__).parents[2] / "README.md"
BLOCK = re.compile(
    r"<!-- network-example:start -->\n```text\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)```\n"
    r"<!-- network-example:end -->",
    re.DOTALL,
)


def test_readme_network_example_is_the_real_output(demo_store):
    found = BLOCK.search(README.read_text(encoding="utf-8"))
    assert found, "the README lacks its network example"
    words = shlex.split(found["command"])
    assert words[:2] == ["sozialgraph", "network"]
    kind, options = words[2], dict(zip(words[3::2], words[4::2], strict=True))
    assert set(options) <= {"--as-of", "--measure", "--lang"}, options
    filters = read_filters(demo_store, as_of=options["--as-of"])
    measures = [Measure(options["--measure"])] if "--measure" in options else list(Measure)
    lang = options.get("--lang", "de")
    report = run_network(demo_store, NetworkKind(kind), filters, measures, lang=lang)
    printed = [line.rstrip() for line in to_table(report, lang).rstrip("\n").splitlines()]
    assert found["output"].rstrip("\n").splitlines() == printed, (
        f"README is out of date: run `{found['command']}` on the demo data"
    )
