"""Import of the partnerships (SWVs) and the legal PC4 → partnership table from the shared open data."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from ouderplatform.csvimport import ImportFailed, Row, Tally, progress, read_csv
from regions.models import Partnership, PostcodeArea

CODE_RE = re.compile(r"^(PO|VO)\d{4}$")
PC4_RE = re.compile(r"^[1-9]\d{3}$")
# The 2015 regulation maps PC4 3197–3199 (the port of Rotterdam) to "Europoort": no partnership, no residents.
NO_PARTNERSHIP = {"", "Europoort"}


@dataclass(frozen=True)
class RegionFiles:
    pc4_table: Path
    places: Path
    names: Path

    @classmethod
    def default(cls) -> RegionFiles:
        base = settings.DUO_DATA_DIR
        return cls(
            pc4_table=base / "derived" / "swv_regio_indeling_pc4_2015.csv",
            places=base / "4pp.csv",
            names=base / "swv" / "swv_names_COMPILED.csv",
        )


@dataclass
class _Area:
    pc4: str
    municipality: str
    po: str
    vo: str


def _partnership_code(row: Row, column: str, sector: str) -> str:
    code = row[column]
    if code in NO_PARTNERSHIP:
        return ""
    if not CODE_RE.match(code) or not code.startswith(sector):
        raise row.fail(column, f"'{code}' is not a {sector} partnership code such as {sector}2301")
    return code


def _read_pc4_table(path: Path) -> list[_Area]:
    areas: list[_Area] = []
    seen: set[str] = set()
    for row in read_csv(path, required=["pc4", "gemeente_2015", "po_swv", "vo_swv"]):
        pc4 = row["pc4"]
        if not PC4_RE.match(pc4):
            raise row.fail("pc4", f"'{pc4}' is not a four-digit postcode")
        if pc4 in seen:
            raise row.fail("pc4", f"postcode {pc4} appears twice")
        seen.add(pc4)
        po = _partnership_code(row, "po_swv", "PO")
        vo = _partnership_code(row, "vo_swv", "VO")
        areas.append(_Area(pc4=pc4, municipality=row["gemeente_2015"], po=po, vo=vo))
    return areas


def _read_places(path: Path) -> dict[str, tuple[str, float | None, float | None]]:
    places: dict[str, tuple[str, float | None, float | None]] = {}
    for row in read_csv(path, required=["postcode", "woonplaats", "latitude", "longitude"]):
        try:
            lat = float(row["latitude"]) if row["latitude"] else None
            lon = float(row["longitude"]) if row["longitude"] else None
        except ValueError:
            raise row.fail("latitude", "coordinates must be decimal numbers") from None
        places[row["postcode"]] = (row["woonplaats"], lat, lon)
    return places


def _read_names(path: Path) -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for row in read_csv(path, required=["code", "name", "website"]):
        if not CODE_RE.match(row["code"]):
            raise row.fail("code", f"'{row['code']}' is not a partnership code")
        names[row["code"]] = (row["name"], row["website"])
    return names


def import_regions(*, files: RegionFiles, verbosity: int = 1) -> list[Tally]:
    """Upsert all partnerships and postcode areas. Reads and checks every file before writing anything.

    Idempotent: a second run with the same files changes nothing. Names and websites that a coordinator has
    already filled in are kept; the compiled name list only fills blanks.
    """
    areas = _read_pc4_table(files.pc4_table)
    places = _read_places(files.places)
    names = _read_names(files.names)

    municipality_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for area in areas:
        for code in (area.po, area.vo):
            if code:
                municipality_counts[code][area.municipality] += 1

    with transaction.atomic():
        partnerships = _upsert_partnerships(municipality_counts, names)
        by_code = {p.code: p for p in Partnership.objects.all()}
        postcodes = _upsert_areas(areas, places, by_code, verbosity)
    return [partnerships, postcodes]


def _upsert_partnerships(municipality_counts: dict[str, Counter[str]], names: dict[str, tuple[str, str]]) -> Tally:
    tally = Tally("Partnerships")
    existing = {p.code: p for p in Partnership.objects.select_for_update()}
    to_create, to_update = [], []
    for code in sorted(municipality_counts):
        # Main municipalities first: those with the most postcodes in the partnership.
        municipalities = [name for name, _ in municipality_counts[code].most_common()]
        name, website = names.get(code, ("", ""))
        current = existing.get(code)
        if current is None:
            to_create.append(
                Partnership(code=code, sector=code[:2], municipalities=municipalities, name=name, website=website)
            )
            continue
        changed = current.municipalities != municipalities
        current.municipalities = municipalities
        if not current.name and name:
            current.name, changed = name, True
        if not current.website and website:
            current.website, changed = website, True
        if changed:
            to_update.append(current)
        else:
            tally.unchanged += 1
    Partnership.objects.bulk_create(to_create)
    Partnership.objects.bulk_update(to_update, ["municipalities", "name", "website"])
    tally.created, tally.updated = len(to_create), len(to_update)
    return tally


def _upsert_areas(
    areas: list[_Area],
    places: dict[str, tuple[str, float | None, float | None]],
    by_code: dict[str, Partnership],
    verbosity: int,
) -> Tally:
    tally = Tally("Postcode areas")
    existing = {a.pc4: a for a in PostcodeArea.objects.select_for_update()}
    fields = ["place", "municipality", "latitude", "longitude", "po_partnership_id", "vo_partnership_id"]
    to_create, to_update = [], []
    for area in progress(areas, desc="Postcode areas", verbosity=verbosity):
        place, lat, lon = places.get(area.pc4, (area.municipality, None, None))
        wanted = {
            "place": place,
            "municipality": area.municipality,
            "latitude": lat,
            "longitude": lon,
            "po_partnership_id": by_code[area.po].pk if area.po else None,
            "vo_partnership_id": by_code[area.vo].pk if area.vo else None,
        }
        current = existing.get(area.pc4)
        if current is None:
            to_create.append(PostcodeArea(pc4=area.pc4, **wanted))
        elif any(getattr(current, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(current, name, value)
            to_update.append(current)
        else:
            tally.unchanged += 1
    PostcodeArea.objects.bulk_create(to_create, batch_size=2000)
    PostcodeArea.objects.bulk_update(to_update, fields, batch_size=2000)
    tally.created, tally.updated = len(to_create), len(to_update)
    return tally


__all__ = ["ImportFailed", "RegionFiles", "import_regions"]
