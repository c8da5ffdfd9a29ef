"""For the web app tests: a store with a public and a private source, and a plain HTTP client."""

import http.client
import json
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from sozialgraph.graph.rdf_import import import_rdf
from sozialgraph.graph.settings import Settings
from sozialgraph.graph.store import open_store

TOKEN = "test-token-0123456789"
EX = "http://example.org/"

OPEN_DATA = f"""
@prefix ex: <{EX}> .
ex:centre a ex:Service ; ex:name "Familienzentrum Süd" ; ex:places 12 .
ex:club a ex:Service ; ex:name "Jugendclub Nord" ; ex:places 30 .
ex:counselling a ex:Service ; ex:name "Schuldnerberatung" .
"""
HIDDEN_DATA = f"""
@prefix ex: <{EX}> .
ex:secret a ex:Service ; ex:name "Schutzunterkunft Geheimadresse" .
ex:centre ex:note "Vertraulicher Vermerk" .
"""


def build_store(folder: Path) -> Settings:
    """A store with the public source 'open' and the private source 'hidden'."""
    settings = Settings(store=str(folder))
    store = open_store(settings, read_only=False)
    for name, text, public in (("open", OPEN_DATA, True), ("hidden", HIDDEN_DATA, False)):
        path = folder.parent / f"{name}.ttl"
        path.write_text(text, encoding="utf-8")
        import_rdf(store, [path], source=name, public=public)
    store.close()
    return settings


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def call(
    url: str,
    method: str = "GET",
    *,
    params: list[tuple[str, str]] | dict | None = None,
    body: bytes | str | None = None,
    headers: dict | None = None,
    token: str | None = None,
) -> Answer:
    """One real HTTP request, sending exactly the headers given; any status is an Answer."""
    parts = urllib.parse.urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    if params:
        target += ("&" if "?" in target else "?") + urllib.parse.urlencode(params)
    data = body.encode("utf-8") if isinstance(body, str) else body
    headers = dict(headers or {})
    if token:
        headers["Authorization"] = f"Bearer {token}"
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request(method, target, body=data, headers=headers)
        response = connection.getresponse()
        return Answer(response.status, _lower(response.headers), response.read())
    finally:
        connection.close()


def _lower(headers) -> dict:
    return {name.lower(): value for name, value in headers.items()}


def select(app, query: str, **extra) -> list[dict]:
    """The bindings of a SELECT sent by GET, as {variable: value}."""
    answer = call(app.sparql, params={"query": query, **extra})
    assert answer.status == 200, answer.text
    return [
        {name: term["value"] for name, term in row.items()}
        for row in answer.json()["results"]["bindings"]
    ]
