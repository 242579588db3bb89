"""Reading open-data CSV files strictly: every problem names its file, line and column, and nothing is half-read.

Importers read a whole file through `read_csv` before they write anything, then write inside one transaction.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

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
    if encoding.replace("-", "").lower() in LEGACY_ENCODINGS:
        _reject_utf8(path, raw, encoding)
    return text.removeprefix("\ufeff")


# Single-byte encodings decode any byte, so a UTF-8 file given in their place would be read as mojibake ("CafÃ©").
LEGACY_ENCODINGS = {"cp1252", "windows1252", "latin1", "iso88591"}


def _reject_utf8(path: Path, raw: bytes, encoding: str) -> None:
    first = next((i for i, byte in enumerate(raw) if byte >= 0x80), None)
    if first is None:
        return
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return  # not UTF-8, so a genuine single-byte file
    line = raw[:first].count(b"\n") + 1
    col = first - (raw.rfind(b"\n", 0, first) + 1) + 1
    raise ImportFailed(path, line, f"character {col}", f"this is UTF-8 text, but {encoding} was expected")


def read_csv(
    path: Path,
    *,
    required: Iterable[str],
    encoding: str = "utf-8",
    delimiter: str = ",",
    keep: Callable[[str], bool] | None = None,
) -> list[Row]:
    """Read all rows of a CSV file, checking the encoding and that every required column is present.

    `keep` picks the columns a row holds (default: all); wide files such as DUO's 38-column pupil counts read
    faster when only the needed columns become dictionaries.
    """
    required = list(required)
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
    kept = [(i, name) for i, name in enumerate(header) if keep is None or name in required or keep(name)]
    rows: list[Row] = []
    try:
        for record in reader:
            line = reader.line_num
            if len(record) != len(header):
                if not any(cell.strip() for cell in record):
                    continue
                raise ImportFailed(path, line, None, f"expected {len(header)} fields, found {len(record)}")
            values = {name: record[i].strip() for i, name in kept}
            if not any(values.values()) and not any(cell.strip() for cell in record):
                continue
            rows.append(Row(path, line, values))
    except csv.Error as exc:
        raise ImportFailed(path, reader.line_num, None, f"malformed CSV ({exc})") from None
    if not rows:
        raise ImportFailed(path, 2, None, "the file has a header but no rows")
    return rows


class _FeatureLines:
    """The line on which each feature starts, worked out only when an error needs it: finding them means parsing
    the file a second time, which would double the cost of every good import."""

    def __init__(self, text: str, count: int) -> None:
        self.text, self.count = text, count
        self._lines: list[int] | None = None

    def __getitem__(self, index: int) -> int:
        if self._lines is None:
            self._lines = _feature_lines(self.text, self.count)
        return self._lines[index]


@dataclass
class Feature:
    """One GeoJSON point feature; `line` is the line it starts on, for error messages."""

    path: Path
    index: int
    properties: dict[str, Any]
    longitude: float
    latitude: float
    lines: _FeatureLines

    @property
    def line(self) -> int:
        return self.lines[self.index]

    def __getitem__(self, name: str) -> Any:
        return self.properties[name]

    def text(self, name: str) -> str:
        """A property as stripped text: DUO writes empty values as " " and numbers as numbers."""
        value = self.properties[name]
        return "" if value is None else str(value).strip()

    def fail(self, column: str | None, problem: str) -> ImportFailed:
        return ImportFailed(self.path, self.line, column, problem)


def read_geojson_points(path: Path, *, required: Iterable[str]) -> list[Feature]:
    """Read all Point features of a GeoJSON FeatureCollection, checking that every required property is present.

    Errors name the line on which the offending feature starts, the way `read_csv` names a row.
    """
    text = _decode(path, "utf-8")
    if not text.strip():
        raise ImportFailed(path, 1, None, "the file is empty")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(path, exc.lineno, f"character {exc.colno}", f"not valid JSON ({exc.msg})") from None
    if not isinstance(document, dict) or not isinstance(document.get("features"), list):
        raise ImportFailed(path, 1, "features", "not a GeoJSON FeatureCollection")
    if not document["features"]:
        raise ImportFailed(path, 1, "features", "the file has no features")
    required = list(required)
    lines = _FeatureLines(text, len(document["features"]))
    features: list[Feature] = []
    for index, raw in enumerate(document["features"]):
        properties = raw.get("properties") if isinstance(raw, dict) else None
        if not isinstance(properties, dict):
            raise ImportFailed(path, lines[index], "properties", "the feature has no properties")
        missing = [name for name in required if name not in properties]
        if missing:
            raise ImportFailed(path, lines[index], missing[0], f"required property '{missing[0]}' is missing")
        geometry = raw.get("geometry") or {}
        coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if (
            geometry.get("type") != "Point"
            or not isinstance(coordinates, list)
            or len(coordinates) < 2
            or not all(isinstance(c, int | float) for c in coordinates[:2])
        ):
            raise ImportFailed(path, lines[index], "geometry", "the feature is not a point with two coordinates")
        lon, lat = float(coordinates[0]), float(coordinates[1])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ImportFailed(
                path, lines[index], "geometry", f"coordinates ({lon}, {lat}) are not longitude, latitude"
            )
        features.append(Feature(path, index, properties, lon, lat, lines))
    return features


def _feature_lines(text: str, count: int) -> list[int]:
    """The line on which each element of the "features" array starts (the JSON is already known to be valid)."""
    decoder = json.JSONDecoder()
    start = text.index("[", text.index('"features"'))
    position, line, lines = start + 1, text.count("\n", 0, start) + 1, []
    for _ in range(count):
        while text[position] in " \t\r\n,":
            line += text[position] == "\n"
            position += 1
        lines.append(line)
        _, end = decoder.raw_decode(text, position)
        line += text.count("\n", position, end)
        position = end
    return lines


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
