"""Reading open-data CSV files strictly: every problem names its file, line and column, and nothing is half-read.

Importers read a whole file through `read_csv` before they write anything, then write inside one transaction.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from django.core.management.base import CommandError
from tqdm import tqdm

T = TypeVar("T")


class ImportFailed(CommandError):
    """A problem in an input file. The message names the file, the line and, where known, the column."""

    def __init__(self, path: Path | str, line: int | None, column: str | None, problem: str) -> None:
        where = str(path)
        if line is not None:
            where += f", line {line}"
        if column:
            where += f", column {column}"
        super().__init__(f"{where}: {problem}. Nothing was imported.")
        self.path, self.line, self.column, self.problem = str(path), line, column, problem


@dataclass
class Row:
    path: Path
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def fail(self, column: str | None, problem: str) -> ImportFailed:
        return ImportFailed(self.path, self.line, column, problem)


def _decode(path: Path, encoding: str) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailed(path, None, None, "file not found") from None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ImportFailed(
            path, line, f"character {col}", f"not valid {encoding} text (byte 0x{raw[exc.start]:02x})"
        ) from None
    return text.removeprefix("\ufeff")


def read_csv(path: Path, *, required: Iterable[str], encoding: str = "utf-8", delimiter: str = ",") -> list[Row]:
    """Read all rows of a CSV file, checking the encoding and that every required column is present."""
    text = _decode(path, encoding)
    if not text.strip():
        raise ImportFailed(path, 1, None, "the file is empty")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader)]
    except csv.Error as exc:
        raise ImportFailed(path, 1, None, f"unreadable header ({exc})") from None
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportFailed(
            path, 1, missing[0], f"required column '{missing[0]}' is missing (found: {', '.join(header)})"
        )
    rows: list[Row] = []
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                raise ImportFailed(path, line, None, f"expected {len(header)} fields, found {len(record)}")
            rows.append(Row(path, line, {name: cell.strip() for name, cell in zip(header, record, strict=True)}))
    except csv.Error as exc:
        raise ImportFailed(path, reader.line_num, None, f"malformed CSV ({exc})") from None
    if not rows:
        raise ImportFailed(path, 2, None, "the file has a header but no rows")
    return rows


def progress[T](items: Iterable[T], *, desc: str, total: int | None = None, verbosity: int = 1) -> Iterator[T]:
    """A progress bar on stderr for long imports; silent at verbosity 0."""
    yield from tqdm(items, desc=desc, total=total, disable=verbosity == 0, file=sys.stderr, leave=False)


@dataclass
class Tally:
    """Counts of what an import did to one kind of object."""

    label: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or any(self.extra.values()))

    def __str__(self) -> str:
        parts = [f"{self.created} created", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        parts += [f"{count} {name}" for name, count in self.extra.items()]
        return f"{self.label}: " + ", ".join(parts)
