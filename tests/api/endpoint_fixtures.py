"""Fixtures for the web app tests (a plugin of tests/conftest.py: a conftest here would shadow
the root one under the module name `conftest` when doctests collect it)."""

import shutil
from pathlib import Path

import pytest
from sozialgraph.graph.settings import Settings

from tests.api.endpoint_client import TOKEN, build_store


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """The public+private store, built once; tests copy it (`fresh_store`) before writing."""
    return Path(build_store(tmp_path_factory.mktemp("built") / "store").store)


@pytest.fixture
def fresh_store(built_store, tmp_path) -> Settings:
    """A copy of the built store of one's own, to write to."""
    target = tmp_path / "store"
    shutil.copytree(built_store, target, symlinks=True)
    return Settings(store=str(target))


@pytest.fixture(scope="module")
def served(tmp_path_factory, start_server):
    """A server (token set, row cap 50) over the public+private store, for read-only tests."""
    settings = build_store(tmp_path_factory.mktemp("served") / "store")
    app = start_server(settings.store, update_token=TOKEN, max_result_rows=50)
    yield app
    app.stop()
