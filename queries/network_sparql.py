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
    """The pattern that keeps `?record` only when it is valid on ?as_of."""
    start, end = f"?{record}_start", f"?{record}_end"
    return f"""VALUES ?as_of {{ UNDEF }}
    OPTIONAL {{ ?{record} sg:startDate {start} }}
    OPTIONAL {{ ?{record} sg:endDate {end} }}
    FILTER((!BOUND({start}) || {start} <= ?as_of) && (!BOUND({end}) || ?as_of <= {end}))"""


def in_year(funding: str) -> str:
    """The pattern that keeps `?funding` only when it counts in ?year."""
    year, start, end = f"?{funding}_year", f"?{funding}_start", f"?{funding}_end"
    return f"""VALUES ?year {{ UNDEF }}
    OPTIONAL {{ ?{funding} sg:year {year} }}
    OPTIONAL {{ ?{funding} sg:startDate {start} }}
    OPTIONAL {{ ?{funding} sg:endDate {end} }}
    FILTER(IF(BOUND({year}), xsd:integer(STR({year})) = ?year,
              (!BOUND({start}) || YEAR({start}) <= ?year)
              && (!BOUND({end}) || ?year <= YEAR({end}))))"""


#: Every organisation with its kind and the kind's top concept (the group).
ORGANISATIONS = f"""{PREFIXES}
SELECT ?organisation ?kind ?kind_top WHERE {{
  ?organisation a sg:Organisation .
  OPTIONAL {{
    ?organisation sg:organisationKind ?kind .
    OPTIONAL {{ ?kind skos:broader* ?kind_top . ?kind_top skos:topConceptOf {KINDS_SCHEME} }}
  }}
}}"""

#: Per organisation, its services active on as_of per top field of action.
FIELDS = f"""{PREFIXES}
SELECT ?organisation ?field (COUNT(DISTINCT ?service) AS ?services) WHERE {{
  ?service sg:provider ?organisation ; sg:fieldOfAction ?narrow .
  ?narrow skos:broader* ?field . ?field skos:topConceptOf {FIELDS_SCHEME} .
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
  ?membership sg:member ?organisation ; sg:committee ?committee .
  {active("membership")}
  {active("committee")}
}}"""

#: Collaboration ties valid on as_of, with what they carry.
TIES = f"""{PREFIXES}
SELECT ?tie ?from ?to ?directed ?tie_kind ?rank ?trust ?value WHERE {{
  ?tie a sg:CollaborationTie ; sg:tieFrom ?from ; sg:tieTo ?to .
  OPTIONAL {{ ?tie sg:directed ?directed }}
  OPTIONAL {{ ?tie sg:tieKind ?tie_kind }}
  OPTIONAL {{ ?tie sg:intensity/sg:rank ?rank }}
  OPTIONAL {{ ?tie sg:trust ?trust }}
  OPTIONAL {{ ?tie sg:perceivedValue ?value }}
  {active("tie")}
}}"""

#: Money from funders to recipients in the year: the recipient named, else the providers
#: of the funded service, who share the amount equally.
FUNDINGS = f"""{PREFIXES}
SELECT ?funder ?recipient (SUM(?part) AS ?amount) (COUNT(DISTINCT ?funding) AS ?fundings)
WHERE {{
  ?funding sg:funder ?funder .
  {in_year("funding")}
  OPTIONAL {{ ?funding sg:amount ?whole }}
  {{ ?funding sg:recipient ?recipient . BIND(1 AS ?share) }}
  UNION
  {{
    ?funding sg:fundedService ?service .
    FILTER NOT EXISTS {{ ?funding sg:recipient ?named }}
    {{
      SELECT ?service (COUNT(DISTINCT ?provider) AS ?share)
      WHERE {{ ?service sg:provider ?provider }}
      GROUP BY ?service
    }}
    ?service sg:provider ?recipient .
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
  ?service sg:provider ?organisation ; sg:targetGroup ?group .
  {condition}
  {active("service")}
}}
GROUP BY ?organisation ?group"""


#: Contracts valid on as_of: commissioner and contractor.
CONTRACTS = f"""{PREFIXES}
SELECT ?commissioner ?contractor (COUNT(DISTINCT ?contract) AS ?contracts) WHERE {{
  ?contract sg:commissioner ?commissioner ; sg:contractor ?contractor .
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
      ?service sg:provider ?organisation ; sg:areaServed ?district .
      {active("service")}
    }}
  }}
  OPTIONAL {{
    VALUES ?as_of {{ UNDEF }}
    ?need a sg:Need ; sg:district ?district ; sg:observedOn ?observed .
    FILTER(?observed <= ?as_of)
  }}
}}
GROUP BY ?organisation"""


Row = dict[str, ox.NamedNode | ox.Literal | ox.BlankNode | None]


def fetch(store: GraphStore, text: str, bindings: Bindings, view: View = View.FULL) -> list[Row]:
    """The rows of one query with its placeholders bound as RDF terms."""
    result = store.query(substitute(text, bindings), view)
    names = [variable.value for variable in result.variables]
    return [{name: solution[name] for name in names} for solution in result]
