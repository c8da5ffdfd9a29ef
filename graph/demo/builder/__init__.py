"""The builder of the demo data: run `python -m sozialgraph.graph.demo.builder` to rewrite it."""
