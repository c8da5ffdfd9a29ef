"""The `.rq` files: valid headers, valid SPARQL, and parameters bound as terms only."""

import pyoxigraph as ox
import pytest
from sozialgraph.graph.store import View
from sozialgraph.queries.binding import BadParameter, substitute
from sozialgraph.queries.catalogue import BadQueryFile, catalogue, read_query
from sozialgraph.queries.runner import UnknownQuery, find_query, run_query

from tests.queries.conftest import store_with

SG = "https://w3id.org/sozialgraph#"
NAMES = """@prefix sg: <https://w3id.org/sozialgraph#> .
<https://sozialgraph.example/id/organisation/a> a sg:Organisation ; sg:name "Verein A" .
<https://sozialgraph.example/id/organisation/b> a sg:Organisation ; sg:name "Verein B" .
"""
BY_NAME = f"""#+ name: by-name
#+ title_de: Nach Name
#+ title_en: By name
#+ description_de: Organisationen mit diesem Namen.
#+ description_en: Organisations of this name.
#+ params:
#+   - name: name
#+     type: string
#+     required: true
SELECT ?organisation WHERE {{ VALUES ?name {{ UNDEF }} ?organisation <{SG}name> ?name }}
"""


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_every_canned_query_is_valid_sparql_with_a_complete_header(name):
    query = catalogue()[name]
    assert query.title_de and query.title_en and query.description_de and query.description_en
    ox.Store().query(query.text)  # parses and runs on an empty store
    for param in query.params:
        assert param.description_de and param.description_en, param.name
    for variable in ox.Store().query(query.text).variables:
        assert set(query.columns.get(variable.value, {})) == {"de", "en"}, variable.value


@pytest.fixture
def names(tmp_path):
    (tmp_path / "names.ttl").write_text(NAMES, encoding="utf-8")
    store = store_with(tmp_path / "store", [tmp_path / "names.ttl"])
    yield store
    store.close()


def test_a_parameter_value_is_a_term_not_query_text(names, tmp_path):
    (tmp_path / "by-name.rq").write_text(BY_NAME, encoding="utf-8")
    query = read_query(tmp_path / "by-name.rq")
    triples = len(list(names.query("SELECT * WHERE { ?s ?p ?o }", View.FULL)))
    hostile = '"> } DROP ALL #'
    answer = run_query(names, query, {"name": [hostile]})
    assert answer.rows == []
    assert len(list(names.query("SELECT * WHERE { ?s ?p ?o }", View.FULL))) == triples
    assert [row[0].value for row in run_query(names, query, {"name": ["Verein B"]}).rows] == [
        "https://sozialgraph.example/id/organisation/b"
    ]


def test_substitution_escapes_the_value_as_a_literal():
    text = substitute("SELECT * { VALUES ?name { UNDEF } }", {"name": [ox.Literal('"> } #')]})
    assert text == 'SELECT * { VALUES ?name { "\\"> } #" } }'


def test_unknown_parameter_and_unknown_concept_name_the_closest(names):
    gaps = catalogue()["gaps"]
    with pytest.raises(
        BadParameter, match=r"--param as_if: gaps has no such parameter; closest: as_of"
    ):
        run_query(names, gaps, {"as_if": ["2026-01-01"]})
    with pytest.raises(BadParameter, match=r"--param as_of='30.13.2026': not a date"):
        run_query(names, gaps, {"as_of": ["30.13.2026"]})
    with pytest.raises(BadParameter, match="takes one value, got 2"):
        run_query(names, gaps, {"as_of": ["2026-01-01", "2026-02-01"]})


def test_unknown_query_names_the_closest():
    with pytest.raises(UnknownQuery, match="closest: gaps"):
        find_query("gap")


def test_a_header_that_does_not_match_its_placeholders_is_refused(tmp_path):
    path = tmp_path / "by-name.rq"
    path.write_text(BY_NAME.replace("VALUES ?name { UNDEF }", ""), encoding="utf-8")
    with pytest.raises(BadQueryFile, match=r"no `VALUES \?name \{ UNDEF \}` for name"):
        read_query(path)
    path.write_text(BY_NAME.replace("type: string", "type: colour"), encoding="utf-8")
    with pytest.raises(BadQueryFile, match="parameter 'name'"):
        read_query(path)
