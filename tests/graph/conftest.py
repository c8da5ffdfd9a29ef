"""Stores for the graph tests: a fresh embedded store, and the real Oxigraph server, cleared."""

import pytest
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import GraphStore, open_store


@pytest.fixture(params=["embedded", "remote"])
def settings(request, tmp_path) -> Settings:
    """Settings for a fresh, empty store of each kind."""
    if request.param == "embedded":
        return Settings(store=str(tmp_path / "store"))
    server = request.getfixturevalue("oxigraph_server")
    server.clear()
    return Settings(store=server.query_url)


@pytest.fixture
def store(settings) -> GraphStore:
    """A writable store of each kind."""
    opened = open_store(settings, read_only=False)
    yield opened
    opened.close()


@pytest.fixture
def embedded_settings(tmp_path) -> Settings:
    return Settings(store=str(tmp_path / "store"))


@pytest.fixture
def empty_store(request, settings, tmp_path):
    """Make another empty store of the same kind (for a remote one: the server, cleared)."""

    def make() -> GraphStore:
        if settings.is_remote:
            request.getfixturevalue("oxigraph_server").clear()
            return open_store(settings, read_only=False)
        return open_store(
            settings.model_copy(update={"store": str(tmp_path / "fresh")}), read_only=False
        )

    return make
