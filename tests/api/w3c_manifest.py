"""Reading the W3C SPARQL 1.1 test manifests: protocol, Graph Store Protocol, service description.

The manifests live in `shared/w3c/` beside the repository (its README says how to use them).
Each test becomes a `ManifestTest`: the graphs to load first and its HTTP requests in order,
each with what its response must be. Nothing here talks to a server.
"""

import re
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection

W3C = Path(__file__).resolve().parents[2].parent / "shared" / "w3c" / "sparql11"
PROTOCOL = W3C / "protocol" / "manifest.ttl"
GSP_INDIRECT = W3C / "graph-store-protocol" / "manifest-indirect.ttl"
GSP_DIRECT = W3C / "graph-store-protocol" / "manifest-direct.ttl"
SERVICE_DESCRIPTION = W3C / "service-description" / "manifest.ttl"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

_STATUS_CLASS = re.compile(r"StatusCode([1-5])xx")


@dataclass(frozen=True)
class Content:
    """A body given as text (cnt:chars) and the character encoding to send it in."""

    text: str
    encoding: str

    def encoded(self) -> bytes:
        return self.text.encode(self.encoding)


@dataclass(frozen=True)
class Status:
    """An acceptable status: one code (hts:Created, ht:statusCodeValue) or a class (2xx)."""

    name: str
    low: int
    high: int

    def accepts(self, code: int) -> bool:
        return self.low <= code <= self.high


@dataclass(frozen=True)
class Expected:
    """What a response must be; empty fields are not checked."""

    statuses: tuple[Status, ...]
    format: str | None = None  # "boolean", "tabular" or "RDF"
    boolean: bool | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: Content | None = None
    location_variable: str | None = None  # e.g. "$LOCATION$", filled from `Location`

    def accepts(self, code: int) -> bool:
        return any(status.accepts(code) for status in self.statuses)

    def header(self, name: str) -> str | None:
        return next((v for n, v in self.headers if n.lower() == name.lower()), None)


@dataclass(frozen=True)
class Request:
    """One request as the manifest writes it (path not yet rewritten, no credentials)."""

    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: Content | None
    expected: Expected

    def header(self, name: str) -> str | None:
        return next((v for n, v in self.headers if n.lower() == name.lower()), None)


@dataclass(frozen=True)
class ManifestTest:
    """One test: its local name (the pytest id), title, required features, data, requests."""

    name: str
    title: str
    requires: frozenset[str]
    graph_data: tuple[tuple[Path, str], ...]  # (file, name of the graph to load it into)
    requests: tuple[Request, ...]

    def __str__(self) -> str:
        return self.name


def status(node) -> Status:
    """An hts: individual (named code or `StatusCodeNxx` class) as the codes it accepts.

    >>> status(HTS.NoContent), status(HTS.StatusCode4xx).high
    (Status(name='NoContent', low=204, high=204), 499)
    """
    name = local_name(node)
    found = _STATUS_CLASS.fullmatch(name)
    if found:
        low = int(found.group(1)) * 100
        return Status(name, low, low + 99)
    code = HTTPStatus[re.sub(r"(?<!^)(?=[A-Z][a-z])", "_", name).upper()]
    return Status(name, code.value, code.value)


def local_name(node) -> str:
    """The part of an IRI after its `#` (or last `/`)."""
    text = str(node)
    return re.split(r"[#/]", text)[-1]


def _items(graph: Graph, node) -> list:
    return list(Collection(graph, node)) if node is not None else []


def _content(graph: Graph, node) -> Content | None:
    if node is None:
        return None
    encoding = graph.value(node, CNT.characterEncoding)
    return Content(str(graph.value(node, CNT.chars)), str(encoding or "UTF-8"))


def _headers(graph: Graph, node) -> tuple[tuple[str, str], ...]:
    return tuple(
        (str(graph.value(h, HT.fieldName)), str(graph.value(h, HT.fieldValue)))
        for h in _items(graph, graph.value(node, HT.headers))
    )


def _expected(graph: Graph, node) -> Expected:
    statuses = [status(s) for s in sorted(graph.objects(node, MF.expectedStatus))]
    statuses += [
        Status(str(code), int(code), int(code)) for code in graph.objects(node, HT.statusCodeValue)
    ]
    assert statuses, f"a response in the manifest has no expected status: {node}"
    boolean = graph.value(node, MF.expectedBoolean)
    form = graph.value(node, MF.expectedFormat)
    location = graph.value(node, MF.expectedLocation)
    return Expected(
        statuses=tuple(statuses),
        format=str(form) if form is not None else None,
        boolean=boolean.toPython() if boolean is not None else None,
        headers=_headers(graph, node),
        body=_content(graph, graph.value(node, HT.body)),
        location_variable=str(location) if location is not None else None,
    )


def _request(graph: Graph, node) -> Request:
    return Request(
        method=str(graph.value(node, HT.methodName)),
        path=str(graph.value(node, HT.absolutePath)),
        headers=_headers(graph, node),
        body=_content(graph, graph.value(node, HT.body)),
        expected=_expected(graph, graph.value(node, HT.resp)),
    )


def _path(iri: URIRef) -> Path:
    return Path(url2pathname(urlparse(str(iri)).path))


def _test(graph: Graph, node) -> ManifestTest:
    action = graph.value(node, MF.action)
    requests = _items(graph, graph.value(action, HT.requests)) if action is not None else []
    data = sorted(
        (_path(graph.value(d, UT.graph)), str(graph.value(d, RDFS.label)))
        for d in graph.objects(node, UT.graphData)
    )
    return ManifestTest(
        name=local_name(node),
        title=str(graph.value(node, MF.name)),
        requires=frozenset(local_name(r) for r in graph.objects(node, MF.requires)),
        graph_data=tuple(data),
        requests=tuple(_request(graph, r) for r in requests),
    )


def read_manifest(path: Path) -> list[ManifestTest]:
    """Every test the manifest file defines: its mf:entries in order, then any test the file
    defines without listing it (manifest-direct.ttl has one)."""
    if not path.is_file():
        raise FileNotFoundError(
            f"W3C test manifest {path} is missing: the tests expect shared/w3c/ beside the "
            "repository (see shared/w3c/README.md)"
        )
    graph = Graph().parse(path, format="turtle", publicID=path.as_uri())
    manifest = graph.value(predicate=RDF.type, object=MF.Manifest)
    listed = _items(graph, graph.value(manifest, MF.entries))
    defined = {
        subject
        for subject, kind in graph.subject_objects(RDF.type)
        if str(kind).startswith(str(MF)) and str(kind).endswith("Test")
    }
    nodes = listed + sorted(defined - set(listed))
    return [_test(graph, node) for node in nodes]
