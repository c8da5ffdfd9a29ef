"""Stores for the query tests: a fresh one per fixture file, the demo data once, and the
small known network of the network tests."""

from pathlib import Path

import pytest
from sozialgraph.graph.demo import DEMO_DATA, DEMO_SOURCE
from sozialgraph.graph.rdf_import import import_rdf
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import GraphStore, open_store
from sozialgraph.graph.template.importer import import_spreadsheets

NETWORK_FIXTURE = Path(__file__).parent / "network" / "small.ttl"


def store_with(folder: Path, files: list[Path]) -> GraphStore:
    """An embedded store in `folder` holding the model and the files as one source."""
    store = open_store(Settings(store=str(folder)), read_only=False)
    import_rdf(store, files, source="fixture")
    return store


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory) -> GraphStore:
    """An embedded store holding the demo data, for every test that reads it."""
    store = open_store(Settings(store=str(tmp_path_factory.mktemp("demo"))), read_only=False)
    import_spreadsheets(store, [DEMO_DATA], source=DEMO_SOURCE)
    yield store
    store.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> GraphStore:
    """An embedded store holding tests/queries/network/small.ttl (see network/known.py)."""
    store = store_with(tmp_path_factory.mktemp("network") / "store", [NETWORK_FIXTURE])
    yield store
    store.close()
