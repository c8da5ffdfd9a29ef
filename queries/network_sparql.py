"""The SPARQL that the networks are built from: one query per kind of tie, as text.

Kept here as Python strings, not as `.rq` files, so the catalogue of planners' questions
does not list them. Parameters are bound like the canned queries' (queries/binding.py):
each query says `VALUES ?name { UNDEF }` where a value goes, and `substitute` puts RDF
terms there, never text. A record counts on `as_of` when start ≤ as_of and (no end or
as_of ≤ end) (DESIGN.md, decision 6); a funding counts in `year` by its year, or, without
one, when its period touches that year. Hierarchies are followed with `skos:broader*`
(concepts) and `sg:partOfDistrict*` (districts).
"""

import pyoxigraph as ox
from sozialgraph.graph.store import GraphStore, View
from sozialgraph.ontology.namespaces import VOCAB_BASE
from sozialgraph.queries.binding import Bindings, substitute

PREFIXES = """PREFIX sg: <https://w3id.org/sozialgraph#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
KINDS_SCHEME = f"<{VOCAB_BASE}organisation-kinds>"
FIELDS_SCHEME = f"<{VOCAB_BASE}fields-of-action>"


def active(record: str) -> str:
    """The pattern that takes away `?record` unless it is valid on ?as_of: written as
    MINUS of small subqueries, which Oxigraph joins in one pass (see queries/overlaps.rq)."""
    return f"""MINUS {{
      SELECT ?{record} WHERE {{
        VALUES ?as_of {{ UNDEF }} ?{record} sg:startDate ?begun . FILTER(?begun > ?as_of)
      }}
    }}
    MINUS {{
      SELECT ?{record} WHERE {{
        VALUES ?as_of {{ UNDEF }} ?{record} sg:endDate ?ended . FILTER(?ended < ?as_of)
      }}
    }}"""


def in_year(funding: str) -> str:
    """The pattern that keeps `?funding` only when it counts in ?year: by its year, or
    without one when its period touches the year."""
    return f"""{{
      SELECT ?{funding} WHERE {{
        VALUES ?year {{ UNDEF }}
        ?{funding} sg:year ?budget_year . FILTER(xsd:integer(STR(?budget_year)) = ?year)
      }}
    }} UNION {{
      SELECT ?{funding} WHERE {{
        VALUES ?year {{ UNDEF }}
        ?{funding} a sg:Funding .
        MINUS {{ ?{funding} sg:year ?budget_year }}
        OPTIONAL {{ ?{funding} sg:startDate ?begun }}
        OPTIONAL {{ ?{funding} sg:endDate ?ended }}
        FILTER((!BOUND(?begun) || YEAR(?begun) <= ?year)
               && (!BOUND(?ended) || ?year <= YEAR(?ended)))
      }}
    }}"""


def tops(scheme: str, concept: str, top: str) -> str:
    """A subquery: each concept of the scheme with its top concept (a few dozen rows,
    joined to the records by hash rather than followed record by record)."""
    return f"""{{
      SELECT ?{concept} ?{top} WHERE {{
        ?{concept} skos:inScheme {scheme} ; skos:broader* ?{top} .
        ?{top} skos:topConceptOf {scheme} .
      }}
    }}"""


#: Every organisation with its name, its kind and the kind's top concept (the group).
ORGANISATIONS = f"""{PREFIXES}
SELECT ?organisation ?name ?kind ?kind_top WHERE {{
  ?organisation a sg:Organisation .
  OPTIONAL {{ SELECT ?organisation ?name WHERE {{ ?organisation sg:name ?name }} }}
  OPTIONAL {{
    {{ SELECT ?organisation ?kind WHERE {{ ?organisation sg:organisationKind ?kind }} }}
    OPTIONAL {tops(KINDS_SCHEME, "kind", "kind_top")}
  }}
}}"""

#: Per organisation, its services active on as_of per top field of action.
FIELDS = f"""{PREFIXES}
SELECT ?organisation ?field (COUNT(DISTINCT ?service) AS ?services) WHERE {{
  {{ SELECT ?service ?organisation WHERE {{ ?service sg:provider ?organisation }} }}
  {{ SELECT ?service ?narrow WHERE {{ ?service sg:fieldOfAction ?narrow }} }}
  {tops(FIELDS_SCHEME, "narrow", "field")}
  {active("service")}
}}
GROUP BY ?organisation ?field"""

#: Organisations of the asked kinds (or narrower ones).
OF_KIND = """{
    SELECT DISTINCT ?organisation WHERE {
      VALUES ?organisation_kind { UNDEF }
      ?organisation sg:organisationKind/skos:broader* ?organisation_kind .
    }
  }"""

#: The conditions on a service, per filter: each joined only when the filter is given.
SERVICE_CONDITIONS = {
    "district": """VALUES ?district { UNDEF }
      ?service sg:areaServed ?served . ?served sg:partOfDistrict* ?district .""",
    "field_of_action": """VALUES ?field_of_action { UNDEF }
      ?service sg:fieldOfAction/skos:broader* ?field_of_action .""",
    "target_group": """VALUES ?target_group { UNDEF }
      ?service sg:targetGroup/skos:broader* ?target_group .""",
}


def selected(filters: set[str]) -> str:
    """The organisations passing the given filters: of the kind, and providing or funding
    (in the year) one service active on as_of that meets every service condition."""
    parts = [OF_KIND] if "organisation_kind" in filters else []
    conditions = [text for name, text in SERVICE_CONDITIONS.items() if name in filters]
    if conditions:
        parts.append(f"""{{
    SELECT DISTINCT ?organisation WHERE {{
      {{ ?service sg:provider ?organisation }}
      UNION
      {{ ?funding sg:fundedService ?service ; sg:funder ?organisation . {in_year("funding")} }}
      ?service a sg:Service .
      {active("service")}
      {" ".join(conditions)}
    }}
  }}""")
    body = "\n  ".join(parts)
    return f"{PREFIXES}\nSELECT DISTINCT ?organisation WHERE {{\n  {body}\n}}"


#: Committee seats valid on as_of, in committees that exist on as_of.
MEMBERSHIPS = f"""{PREFIXES}
SELECT DISTINCT ?organisation ?committee WHERE {{
  {{
    SELECT ?organisation ?committee WHERE {{
      {{ SELECT ?membership ?organisation WHERE {{ ?membership sg:member ?organisation }} }}
      {{ SELECT ?membership ?committee WHERE {{ ?membership sg:committee ?committee }} }}
      {active("membership")}
    }}
  }}
  {active("committee")}
}}"""

#: Collaboration ties valid on as_of, with what they carry.
TIES = f"""{PREFIXES}
SELECT ?tie ?from ?to ?directed ?tie_kind ?rank ?trust ?value WHERE {{
  {{ SELECT ?tie ?from WHERE {{ ?tie sg:tieFrom ?from }} }}
  {{ SELECT ?tie ?to WHERE {{ ?tie sg:tieTo ?to }} }}
  {active("tie")}
  OPTIONAL {{ SELECT ?tie ?directed WHERE {{ ?tie sg:directed ?directed }} }}
  OPTIONAL {{ SELECT ?tie ?tie_kind WHERE {{ ?tie sg:tieKind ?tie_kind }} }}
  OPTIONAL {{ SELECT ?tie ?rank WHERE {{ ?tie sg:intensity/sg:rank ?rank }} }}
  OPTIONAL {{ SELECT ?tie ?trust WHERE {{ ?tie sg:trust ?trust }} }}
  OPTIONAL {{ SELECT ?tie ?value WHERE {{ ?tie sg:perceivedValue ?value }} }}
}}"""

#: Money from funders to recipients in the year: the recipient named, else the providers
#: of the funded service, who share the amount equally.
FUNDINGS = f"""{PREFIXES}
SELECT ?funder ?recipient (SUM(?part) AS ?amount) (COUNT(DISTINCT ?funding) AS ?fundings)
WHERE {{
  {{ SELECT ?funding ?funder WHERE {{ ?funding sg:funder ?funder }} }}
  {in_year("funding")}
  OPTIONAL {{ SELECT ?funding ?whole WHERE {{ ?funding sg:amount ?whole }} }}
  {{
    {{ SELECT ?funding ?recipient (1 AS ?share) WHERE {{ ?funding sg:recipient ?recipient }} }}
  }} UNION {{
    {{
      SELECT ?funding ?service WHERE {{
        ?funding sg:fundedService ?service . MINUS {{ ?funding sg:recipient ?named }}
      }}
    }}
    {{
      SELECT ?service (COUNT(DISTINCT ?provider) AS ?share)
      WHERE {{ ?service sg:provider ?provider }}
      GROUP BY ?service
    }}
    {{ SELECT ?service ?recipient WHERE {{ ?service sg:provider ?recipient }} }}
  }}
  BIND(COALESCE(?whole, 0) / ?share AS ?part)
}}
GROUP BY ?funder ?recipient"""


def target_groups(filtered: bool) -> str:
    """Organisations and the target groups of their services active on as_of (with a
    target group filter: only those groups and narrower ones)."""
    condition = (
        "VALUES ?target_group { UNDEF } ?group skos:broader* ?target_group ." if filtered else ""
    )
    return f"""{PREFIXES}
SELECT ?organisation ?group (COUNT(DISTINCT ?service) AS ?services) WHERE {{
  {{ SELECT ?service ?organisation WHERE {{ ?service sg:provider ?organisation }} }}
  {{ SELECT ?service ?group WHERE {{ ?service sg:targetGroup ?group }} }}
  {condition}
  {active("service")}
}}
GROUP BY ?organisation ?group"""


#: Contracts valid on as_of: commissioner and contractor.
CONTRACTS = f"""{PREFIXES}
SELECT ?commissioner ?contractor (COUNT(DISTINCT ?contract) AS ?contracts) WHERE {{
  {{ SELECT ?contract ?commissioner WHERE {{ ?contract sg:commissioner ?commissioner }} }}
  {{ SELECT ?contract ?contractor WHERE {{ ?contract sg:contractor ?contractor }} }}
  {active("contract")}
}}
GROUP BY ?commissioner ?contractor"""

#: Members of associations and parts of organisations (these carry no dates).
ASSOCIATIONS = f"""{PREFIXES}
SELECT ?organisation ?association WHERE {{
  ?organisation sg:memberOfAssociation|sg:subOrganisationOf ?association .
}}"""

#: Per organisation, the documented needs (observed by as_of) in the districts its
#: services active on as_of serve, and those districts.
NEEDS = f"""{PREFIXES}
SELECT ?organisation (COUNT(DISTINCT ?need) AS ?needs)
       (GROUP_CONCAT(DISTINCT STR(?district); separator=" ") AS ?districts) WHERE {{
  {{
    SELECT DISTINCT ?organisation ?district WHERE {{
      {{ SELECT ?service ?organisation WHERE {{ ?service sg:provider ?organisation }} }}
      {{ SELECT ?service ?district WHERE {{ ?service sg:areaServed ?district }} }}
      {active("service")}
    }}
  }}
  OPTIONAL {{
    SELECT ?need ?district WHERE {{
      VALUES ?as_of {{ UNDEF }}
      ?need a sg:Need ; sg:district ?district ; sg:observedOn ?observed .
      FILTER(?observed <= ?as_of)
    }}
  }}
}}
GROUP BY ?organisation"""


Row = dict[str, ox.NamedNode | ox.Literal | ox.BlankNode | None]


def fetch(store: GraphStore, text: str, bindings: Bindings, view: View = View.FULL) -> list[Row]:
    """The rows of one query with its placeholders bound as RDF terms."""
    result = store.query(substitute(text, bindings), view)
    names = [variable.value for variable in result.variables]
    return [{name: solution[name] for name in names} for solution in result]
