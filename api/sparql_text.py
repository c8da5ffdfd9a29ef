"""What the endpoint must know of a SPARQL text before the engine sees it, read from its tokens.

The engine parses the text itself; this module only lexes it (strings, IRIs, comments and
escapes are skipped as units), which is enough to tell the query form, to find `SERVICE`,
`LOAD` and dataset clauses, and to list the graphs an update writes. It errs on the side of
caution: a word it cannot place is treated as the keyword it looks like.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<pname>(?:[^\W\d_][\w.\-\u00b7]*)?:
              (?:[\w:%\-\u00b7]|\\[_~.\-!$&'()*+,;=/?\#@%]|\.(?=[\w:%\-\\]))*)
  | (?P<word>[^\W\d][\w\-]*)
  | (?P<escape>\\.)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class Token:
    kind: str  # string, iri, lang, var, pname, word, escape, other
    text: str
    start: int

    @property
    def keyword(self) -> str:
        """The upper-cased word, or '' for anything that is not a bare word."""
        return self.text.upper() if self.kind == "word" else ""


def tokens(text: str) -> list[Token]:
    """The tokens of a SPARQL text, without whitespace and comments.

    >>> [t.text for t in tokens('ASK { ?s <p> "}" } # }')]
    ['ASK', '{', '?s', '<p>', '"}"', '}']
    """
    found = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind not in ("space", "comment"):
            found.append(Token(kind, match.group(), match.start()))
    return found


def _unescaped(text: str) -> str:
    """Codepoint escapes replaced, so that `\\u0053ERVICE` is seen as `SERVICE` too."""
    return _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[Token, ...]:
    """The tokens after codepoint escapes, cached: one request asks several questions."""
    return tuple(tokens(_unescaped(text)))


_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")


def query_form(text: str) -> str | None:
    """SELECT, CONSTRUCT, DESCRIBE or ASK: the first of these words outside the prologue.

    >>> query_form("PREFIX ex: <http://ex/> # SELECT\\nconstruct WHERE { ?s ?p ?o }")
    'CONSTRUCT'
    """
    for token in _words(text):
        if token.keyword in _FORMS:
            return token.keyword
    return None


def mentions_keyword(text: str, keyword: str) -> bool:
    """Whether the keyword appears as a bare word (not in a string, IRI, name or variable).

    >>> mentions_keyword("SELECT * { ?service <x> 'SERVICE' . ex:SERVICE ?p ?o }", "SERVICE")
    False
    >>> mentions_keyword("SELECT * { ?s ?p ?o .SERVICE <http://x/> {} }", "service")
    True
    """
    keyword = keyword.upper()
    return any(token.keyword == keyword for token in _words(text))


class _Names:
    """PREFIX and BASE declarations met so far, to expand prefixed names and relative IRIs."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.prefixes: dict[str, str] = {}

    def expand(self, token: Token) -> str | None:
        if token.kind == "iri":
            iri = token.text[1:-1]
            return urljoin(self.base, iri) if self.base else iri
        if token.kind == "pname":
            prefix, _, local = token.text.partition(":")
            if prefix not in self.prefixes:
                return None
            return self.prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
        return None

    def declare(self, words: Sequence[Token], index: int) -> int:
        """Read a PREFIX or BASE declaration at `index`; return the index after it."""
        keyword = words[index].keyword
        if keyword == "BASE" and index + 1 < len(words):
            self.base = self.expand(words[index + 1]) or self.base
            return index + 2
        if keyword == "PREFIX" and index + 2 < len(words):
            name = words[index + 1].text.rstrip(":")
            iri = self.expand(words[index + 2])
            if iri is not None:
                self.prefixes[name] = iri
            return index + 3
        return index + 1


def dataset_clauses(text: str, base: str | None = None) -> tuple[list[str], list[str]]:
    """The IRIs of a query's FROM and FROM NAMED clauses, expanded.

    >>> dataset_clauses("PREFIX g: <http://g/> SELECT * FROM g:a FROM NAMED <http://g/b> {}")
    (['http://g/a'], ['http://g/b'])
    """
    words, names = _words(text), _Names(base)
    defaults: list[str] = []
    named: list[str] = []
    index = 0
    while index < len(words):
        keyword = words[index].keyword
        if keyword in ("PREFIX", "BASE"):
            index = names.declare(words, index)
            continue
        if keyword == "FROM" and index + 1 < len(words):
            is_named = words[index + 1].keyword == "NAMED"
            target = words[index + 2] if is_named and index + 2 < len(words) else words[index + 1]
            iri = names.expand(target)
            if iri is not None:
                (named if is_named else defaults).append(iri)
            index += 3 if is_named else 2
            continue
        index += 1
    return defaults, named


@dataclass
class UpdateWrites:
    """What an update request writes, as far as its text tells.

    `graphs`: every graph IRI it names as a target (None stands for the default graph);
    `everything`: it clears or drops ALL or NAMED graphs, or writes into `GRAPH ?variable`;
    `loads`: it has a LOAD operation; `has_dataset`: some operation has USING or WITH.
    The default graph is always writable and not listed.
    """

    graphs: set[str] = field(default_factory=set)
    everything: bool = False
    loads: bool = False
    has_dataset: bool = False
    #: Where `USING` clauses go for protocol dataset parameters: before these WHERE tokens.
    where_positions: list[int] = field(default_factory=list)


_GRAPH_MANAGEMENT = ("CLEAR", "DROP", "CREATE")
_GRAPH_COPY = ("ADD", "MOVE", "COPY")


def update_writes(text: str, base: str | None = None) -> UpdateWrites:
    """Read the operations of an update request and note the graphs they write.

    >>> w = update_writes("PREFIX g: <http://g/> DROP GRAPH g:a ; INSERT DATA { GRAPH <b> {} }",
    ...                   base="http://g/")
    >>> sorted(w.graphs), w.everything
    (['http://g/a', 'http://g/b'], False)
    """
    return _walk_update(_words(text), base)


def using_positions(text: str) -> list[int]:
    """Offsets in the text where USING clauses for protocol parameters belong (before WHERE).

    >>> text = "INSERT { ?s a 1 } WHERE { ?s ?p ?o }"
    >>> text[using_positions(text)[0]:]
    'WHERE { ?s ?p ?o }'
    """
    return _walk_update(tokens(text), None).where_positions


def _walk_update(words: Sequence[Token], base: str | None) -> UpdateWrites:
    names = _Names(base)
    writes = UpdateWrites()
    index = 0
    while index < len(words):
        keyword = words[index].keyword
        if keyword in ("PREFIX", "BASE"):
            index = names.declare(words, index)
        elif keyword in _GRAPH_MANAGEMENT:
            index = _graph_management(words, index + 1, names, writes)
        elif keyword in _GRAPH_COPY:
            index = _graph_copy(words, index, names, writes)
        elif keyword == "LOAD":
            writes.loads = True
            index = _skip_to_operation_end(words, index)
        elif keyword in ("INSERT", "DELETE", "WITH"):
            index = _modify(words, index, names, writes)
        else:
            index += 1
    return writes


def _graph_ref(words: Sequence[Token], index: int, names: _Names, writes: UpdateWrites) -> int:
    """GRAPH iri | DEFAULT | NAMED | ALL, at `index`; returns the index after it."""
    if index >= len(words):
        return index
    keyword = words[index].keyword
    if keyword in ("ALL", "NAMED"):
        writes.everything = True
        return index + 1
    if keyword == "DEFAULT":
        return index + 1  # the default graph is always writable
    if keyword == "GRAPH":
        index += 1
    if index < len(words):
        _note_target(words[index], names, writes)
    return index + 1


def _note_target(token: Token, names: _Names, writes: UpdateWrites) -> None:
    iri = names.expand(token)
    if iri is None:
        writes.everything = True  # a variable or a name we cannot expand: assume the worst
    else:
        writes.graphs.add(iri)


def _graph_management(words, index, names, writes) -> int:
    if index < len(words) and words[index].keyword == "SILENT":
        index += 1
    return _graph_ref(words, index, names, writes)


def _graph_copy(words, index, names, writes) -> int:
    is_move = words[index].keyword == "MOVE"
    index += 1
    if index < len(words) and words[index].keyword == "SILENT":
        index += 1
    source = UpdateWrites()
    index = _graph_ref(words, index, names, source)
    if is_move:  # MOVE empties its source
        writes.graphs |= source.graphs
        writes.everything |= source.everything
    if index < len(words) and words[index].keyword == "TO":
        index = _graph_ref(words, index + 1, names, writes)
    return index


def _skip_to_operation_end(words: Sequence[Token], index: int) -> int:
    depth = 0
    while index < len(words):
        text = words[index].text
        if text == "{":
            depth += 1
        elif text == "}":
            depth -= 1
        elif text == ";" and depth == 0:
            return index + 1
        index += 1
    return index


def _modify(words, index, names, writes) -> int:
    """INSERT/DELETE DATA, DELETE WHERE, or [WITH iri] DELETE {…} INSERT {…} USING … WHERE {…}.

    Graphs named under GRAPH in the data or the templates are written; the WHERE pattern
    of the long form only reads.
    """
    if words[index].keyword == "WITH":
        writes.has_dataset = True
        index = _graph_ref(words, index + 1, names, writes)
    short_form = index + 1 < len(words) and words[index + 1].keyword in ("DATA", "WHERE")
    in_template, depth = True, 0
    while index < len(words):
        token = words[index]
        if token.text == "{":
            depth += 1
        elif token.text == "}":
            depth -= 1
            if depth == 0 and short_form:
                return index + 1
            if depth == 0 and not in_template:
                return index + 1
        elif depth == 0 and token.keyword == "USING":
            writes.has_dataset = True
        elif depth == 0 and token.keyword == "WHERE" and not short_form:
            writes.where_positions.append(token.start)
            in_template = False
        elif depth == 0 and token.text == ";":
            return index + 1
        elif in_template and depth > 0 and token.keyword == "GRAPH" and index + 1 < len(words):
            _note_target(words[index + 1], names, writes)
        index += 1
    return index
