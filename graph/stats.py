"""Counts of the data the store holds: entities per class and triples of the sources."""

from dataclasses import dataclass
from decimal import Decimal

from sozialgraph.graph.store import GraphStore, View
from sozialgraph.graph.vocabulary import vocabulary_index
from sozialgraph.ontology.namespaces import PREFIXES, SG

_PER_CLASS = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class"
_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_ROLES = f"""SELECT ?key (COUNT(DISTINCT ?o) AS ?n)
WHERE {{ ?o <{SG.organisationRole}> ?key }} GROUP BY ?key"""
_FIELDS = f"""SELECT ?key (COUNT(DISTINCT ?s) AS ?n)
WHERE {{ VALUES (?field ?key) {{ %s }} ?s a <{SG.Service}> ; <{SG.fieldOfAction}> ?field }}
GROUP BY ?key"""
_YEARS = f"""SELECT ?key (COUNT(DISTINCT ?f) AS ?n) (SUM(?amount) AS ?sum)
WHERE {{ ?f a <{SG.Funding}> ; <{SG.year}> ?key . OPTIONAL {{ ?f <{SG.amount}> ?amount }} }}
GROUP BY ?key"""


@dataclass(frozen=True)
class Stats:
    """Per class: how many distinct things have that type; and the totals."""

    per_class: dict[str, int]
    triples: int
    graphs: int
    sources: int
    roles: dict[str, int]  # organisations per role (concept ID)
    fields_of_action: dict[str, int]  # services per top field of action (concept ID)
    funding_years: dict[str, tuple[int, Decimal]]  # year → fundings and their sum

    def as_dict(self) -> dict:
        return {
            "classes": self.per_class,
            "triples": self.triples,
            "graphs": self.graphs,
            "sources": self.sources,
            "roles": self.roles,
            "fields_of_action": self.fields_of_action,
            "funding_years": {
                year: {"fundings": n, "amount": str(total)}
                for year, (n, total) in self.funding_years.items()
            },
        }

    def lines(self) -> list[str]:
        """The counts as text, one `name count` per line."""
        found = [f"{cls} {count}" for cls, count in self.per_class.items()]
        found += [f"role {role} {count}" for role, count in self.roles.items()]
        found += [f"field {field} {count}" for field, count in self.fields_of_action.items()]
        found += [
            f"fundings {year} {n} ({total:,.2f} in sum)"
            for year, (n, total) in self.funding_years.items()
        ]
        totals = [f"triples {self.triples}", f"graphs {self.graphs}", f"sources {self.sources}"]
        return found + totals


def compact(iri: str) -> str:
    """`sg:Service` for a known namespace, the full IRI otherwise."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and "/" not in iri[len(namespace) :]:
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def stats(store: GraphStore, view: View = View.FULL) -> Stats:
    """Count entities per class and triples in the view's sources (not the model graphs)."""
    per_class = {
        compact(row["class"].value): int(row["n"].value)
        for row in store.query_data(_PER_CLASS, view)
    }
    triples = int(next(iter(store.query_data(_TRIPLES, view)))["n"].value)
    graphs = store.public_graphs() if view is View.PUBLIC else store.named_graphs()
    sources = [s for s in store.sources() if view is View.FULL or s.public]
    return Stats(
        _by_count(per_class),
        triples,
        len(graphs),
        len(sources),
        _by_count(_concept_counts(store, _ROLES, view)),
        _by_count(_concept_counts(store, _FIELDS % _top_fields(), view)),
        {
            row["key"].value: (int(row["n"].value), Decimal(row["sum"].value if row["sum"] else 0))
            for row in sorted(store.query_data(_YEARS, view), key=lambda row: row["key"].value)
        },
    )


def _by_count(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _concept_counts(store: GraphStore, query: str, view: View) -> dict[str, int]:
    return {
        row["key"].value.rsplit("/", 1)[-1]: int(row["n"].value)
        for row in store.query_data(query, view)
    }


def _top_fields() -> str:
    """VALUES rows pairing every field of action with its top concept."""
    index = vocabulary_index()
    fields = index.schemes["fields-of-action"].labels
    return " ".join(f"(<{iri}> <{index.top_concept(iri)}>)" for iri in sorted(fields))
