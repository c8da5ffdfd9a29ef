"""One problem with an input cell, reported as `file:sheet:row:column: value — reason`."""

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """Where a problem is and why. Row numbers are the spreadsheet's (header = row 1).

    >>> str(Problem("angebote.csv", "Angebote", 7, "Träger", "verein-x", "unknown ID"))
    'angebote.csv:Angebote:7:Träger: verein-x — unknown ID'
    """

    file: str
    sheet: str
    row: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.sheet}:{self.row}:{self.column}: {self.value} — {self.reason}"

    def as_dict(self) -> dict:
        return asdict(self)


class ProblemsFound(Exception):
    """The input was rejected; every problem is listed, nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problems")
