"""The one settings object (DESIGN.md, decision 11): environment `SOZIALGRAPH_*`, injected.

Nothing reads the environment at import time; `get_settings()` builds the object once per
process and tests pass their own `Settings(...)` instead.
"""

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_store_path() -> Path:
    """`$XDG_DATA_HOME/sozialgraph/store`, i.e. `~/.local/share/sozialgraph/store` by default."""
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "sozialgraph" / "store"


class Settings(BaseSettings):
    """Where the graph lives, how it is named and published, and the limits of the endpoint."""

    model_config = SettingsConfigDict(env_prefix="SOZIALGRAPH_", extra="forbid")

    store: str = Field(
        default_factory=lambda: str(default_store_path()),
        description="Folder of the embedded store, or the query URL of a SPARQL 1.1 server.",
    )
    update_url: str | None = Field(
        None,
        description="SPARQL Update URL of a remote store (default: '/update' beside the query).",
    )
    graph_store_url: str | None = Field(
        None,
        description="Graph Store Protocol URL of a remote store (default: '/store' beside it).",
    )
    remote_user: str | None = Field(None, description="User name for a remote store (HTTP basic).")
    remote_password: SecretStr | None = Field(None, description="Password for a remote store.")
    base_iri: str = Field(
        "https://sozialgraph.example",
        description="Base of data IRIs ({base}/id/{kind}/{slug}) and graph names ({base}/graph/…).",
    )
    publisher: str = Field("sozialgraph", description="Publisher named in the dataset description.")
    license: str = Field(
        "https://creativecommons.org/licenses/by/4.0/", description="License of the published data."
    )
    update_token: SecretStr | None = Field(
        None,
        description="Bearer token for SPARQL Update and Graph Store writes; none: no writes.",
    )
    query_timeout: float = Field(30.0, gt=0, description="Default query time limit in seconds.")
    max_query_timeout: float = Field(
        300.0, gt=0, description="Largest time limit a request may ask for."
    )
    max_result_rows: int = Field(100_000, gt=0, description="Cap on rows of one query result.")
    query_workers: int = Field(
        2, gt=0, description="Worker processes that run the endpoint's queries (each stoppable)."
    )
    max_request_bytes: int = Field(
        16 * 1024 * 1024, gt=0, description="Largest request body the web app accepts."
    )

    @field_validator("base_iri")
    @classmethod
    def _no_trailing_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("base_iri must be an http(s) IRI")
        return value.rstrip("/")

    @property
    def is_remote(self) -> bool:
        """Whether `store` names a SPARQL server rather than a folder."""
        return self.store.startswith(("http://", "https://"))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read once from the environment."""
    return Settings()
