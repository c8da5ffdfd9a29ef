"""Shared fixtures: the model is read once per session; every test builds its own stores."""

import pytest
from rdflib import Graph
from sozialgraph.ontology.files import load_model, load_ontology, load_shapes, load_vocabularies


@pytest.fixture(scope="session")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="session")
def vocabularies() -> Graph:
    return load_vocabularies()


@pytest.fixture(scope="session")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture(scope="session")
def model() -> Graph:
    return load_model()
