"""Run a canned query (or any `.rq` file) with bound parameters; label what it returns."""

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from sozialgraph.graph.store import GraphStore, View
from sozialgraph.graph.vocabulary import vocabulary_index
from sozialgraph.ontology.namespaces import SG, VOCAB_BASE
from sozialgraph.queries.binding import Bindings, bind, substitute
from sozialgraph.queries.catalogue import BadQueryFile, CannedQuery, catalogue, read_query

LABEL_BATCH = 5000
Term = ox.NamedNode | ox.Literal | ox.BlankNode | None


class UnknownQuery(ValueError):
    """A query name that is neither a canned query nor a `.rq` file."""


@dataclass
class Answer:
    """A query's result: variables, rows of terms, and a label for every IRI in them."""

    query: CannedQuery
    variables: list[str]
    rows: list[list[Term]]
    bindings: Bindings
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, value: Term) -> str:
        """What a person reads for a value: an IRI's label, a literal's text, '' for none."""
        if value is None:
            return ""
        if isinstance(value, ox.NamedNode):
            return self.labels.get(value.value, value.value)
        return value.value


def find_query(name: str) -> CannedQuery:
    """A canned query by name, or a `.rq` file by path (with or without a header)."""
    known = catalogue()
    if name in known:
        return known[name]
    path = Path(name)
    if path.suffix == ".rq" and path.is_file():
        try:
            return read_query(path)
        except BadQueryFile:
            if path.read_text(encoding="utf-8").startswith("#+"):
                raise
            text = path.read_text(encoding="utf-8")
            return CannedQuery(path.stem, path.stem, path.stem, "", "", text, path)
    from difflib import get_close_matches

    close = get_close_matches(name, list(known), n=3, cutoff=0.4)
    hint = f"closest: {', '.join(close)}" if close else "see `sozialgraph queries`"
    raise UnknownQuery(f"{name}: no such query or .rq file; {hint}")


def labels(store: GraphStore, iris: set[str], lang: str, view: View) -> dict[str, str]:
    """A label per IRI: a concept's label in `lang` (from the vocabularies, in memory),
    a record's sg:name (from the store, in the view)."""
    index = vocabulary_index()
    found: dict[str, str] = {}
    records = []
    for iri in iris:
        if iri.startswith(VOCAB_BASE):
            scheme = index.schemes.get(iri[len(VOCAB_BASE) :].split("/", 1)[0])
            table = (scheme.english if lang == "en" else scheme.labels) if scheme else {}
            label = table.get(iri) or (scheme.labels.get(iri) if scheme else None)
            if label:
                found[iri] = label
                continue
        records.append(iri)
    records.sort()
    for start in range(0, len(records), LABEL_BATCH):
        values = " ".join(f"<{iri}>" for iri in records[start : start + LABEL_BATCH])
        query = f"SELECT ?iri ?label WHERE {{ VALUES ?iri {{ {values} }} ?iri <{SG.name}> ?label }}"
        for row in store.query(query, view):
            found.setdefault(row["iri"].value, row["label"].value)
    return found


def run_query(
    store: GraphStore,
    query: CannedQuery,
    given: dict[str, list[str]] | None = None,
    *,
    lang: str = "de",
    view: View = View.FULL,
) -> Answer:
    """Bind the parameters, run the query over the view, and label the IRIs it returns."""
    bindings = bind(store, query, given or {}, view)
    result = store.query(substitute(query.text, bindings), view)
    if not isinstance(result, ox.QuerySolutions):
        raise UnknownQuery(f"{query.name}: only SELECT queries can be run as a table")
    variables = [variable.value for variable in result.variables]
    rows = [[solution[name] for name in variables] for solution in result]
    iris = {value.value for row in rows for value in row if isinstance(value, ox.NamedNode)}
    return Answer(query, variables, rows, bindings, labels(store, iris, lang, view))
