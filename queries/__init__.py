"""The questions: canned SPARQL queries, their runner and network analysis."""
