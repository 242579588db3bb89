"""Import of every school location from DUO open data (see /work/shared/data/duo/SOURCES.md).

Three files, each the best source for part of the picture:
- the DUO address file of regular primary schools (2026, cp1252, `;`): names, addresses, phone numbers;
- the geocoded national file (2024, GeoJSON): all sectors with coordinates, the only source for VO and (V)SO addresses;
- the historical pupil file (UTF-8, `;`): special-education kinds (SBO/SO/VSO) and the latest pupil counts.
The partnership comes from the legal PC4 table already imported into PostcodeArea.

Every file is read and checked before anything is written; the writes happen in one transaction. A location is
never deleted: one that is missing from the newer files is marked closed, so profiles and experiences stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from psycopg import sql

from ouderplatform.csvimport import Feature, ImportFailed, Row, Tally, progress, read_csv, read_geojson_points
from regions.models import PO_KINDS, PostcodeArea, School, SchoolKind, SchoolLevel

CODE_RE = re.compile(r"^[0-9A-Z]{4}[0-9]{2}$")
POSTCODE_RE = re.compile(r"^([1-9][0-9]{3}) ?([A-Z]{2})$")
PUPILS_RE = re.compile(r"^LEERLINGEN_(\d{4})$")
SMALL_COUNT = "<5"  # DUO hides counts below five for privacy

BO_COLUMNS = [
    "INSTELLINGSCODE",
    "VESTIGINGSCODE",
    "VESTIGINGSNAAM",
    "STRAATNAAM",
    "HUISNUMMER-TOEVOEGING",
    "POSTCODE",
    "PLAATSNAAM",
    "GEMEENTENAAM",
    "PROVINCIE",
    "DENOMINATIE",
    "TELEFOONNUMMER",
    "INTERNETADRES",
]
GEO_PROPERTIES = [
    "naam",
    "type",
    "denominatie",
    "internetadres",
    "straat",
    "huisnummer",
    "huisletter",
    "huisnummertoevoeging",
    "postcode",
    "plaats",
    "gemeente",
    "provincie",
    "brin_nummer",
    "vestigingscode",
    "leerlingen",
]
HISTORY_COLUMNS = [
    "INSTELLINGSCODE",
    "VESTIGINGSCODE",
    "NAAM_VESTIGING",
    "SOORT_VESTIGING",
    "DENOMINATIE_VESTIGING",
    "GEMEENTENAAM_VESTIGING",
]

GEO_KINDS = {"basisschool": SchoolKind.BO, "SBAO": SchoolKind.SBO, "SO": SchoolKind.SO, "VSO": SchoolKind.VSO}
GEO_KINDS["(V)SO"] = SchoolKind.SO_VSO
HISTORY_KINDS = {
    "BO": SchoolKind.BO,
    "SBO": SchoolKind.SBO,
    "SO": SchoolKind.SO,
    "VSO": SchoolKind.VSO,
    "SO/VSO": SchoolKind.SO_VSO,
}
# DUO's onderwijsstructuur parts → the levels parents search on; BRUGJAAR (a first-year-only location) has none.
STRUCTURE_LEVELS = {
    "PRO": SchoolLevel.PRO,
    "VBO": SchoolLevel.VMBO,
    "MAVO": SchoolLevel.VMBO,
    "HAVO": SchoolLevel.HAVO,
    "VWO": SchoolLevel.VWO,
    "BRUGJAAR": None,
}
LEVEL_ORDER = list(SchoolLevel.values)


@dataclass(frozen=True)
class SchoolFiles:
    primary: Path
    geo: Path
    history: Path

    @classmethod
    def default(cls) -> SchoolFiles:
        base = settings.DUO_DATA_DIR
        return cls(
            primary=base / "02.-alle-schoolvestigingen-basisonderwijs.csv",
            geo=base / "scholen20241122.geo.json",
            history=base / "06.-historisch-overzicht-aantal-leerlingen-per-schoolvestiging.csv",
        )


@dataclass
class Location:
    """What the files say about one location; the field names are School's."""

    code: str
    institution_code: str = ""
    name: str = ""
    kind: str = ""
    levels: list[str] = field(default_factory=list)
    structure: str = ""
    denomination: str = ""
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    pc4: str = ""
    place: str = ""
    municipality: str = ""
    province: str = ""
    phone: str = ""
    website: str = ""
    latitude: float | None = None
    longitude: float | None = None
    pupils: int | None = None
    pupils_year: int | None = None
    partnership_id: int | None = None
    closed_on: date | None = None


FIELDS = [f.name for f in fields(Location) if f.name != "code"]


def nice_municipality(name: str) -> str:
    """DUO writes municipalities in capitals without punctuation: 'S GRAVENHAGE' → "'s-Gravenhage"."""
    name = name.strip().title()
    if name.startswith("S "):
        name = "'s-" + name[2:]
    return name


def _code(record: Row | Feature, column: str, value: str) -> str:
    if not CODE_RE.match(value):
        raise record.fail(column, f"'{value}' is not a DUO location code such as 00AP00")
    return value


def _postcode(record: Row | Feature, column: str, value: str) -> tuple[str, str]:
    """'1234AB' or '1234 AB' → ('1234 AB', '1234'); empty stays empty."""
    if not value:
        return "", ""
    match = POSTCODE_RE.match(value.upper())
    if not match:
        raise record.fail(column, f"'{value}' is not a Dutch postcode such as 1234 AB")
    return f"{match[1]} {match[2]}", match[1]


def _round(value: float) -> float:
    return round(value, 6)  # about 10 cm: more digits only make every re-import look like a change


def read_primary(path: Path) -> dict[str, Location]:
    locations: dict[str, Location] = {}
    for row in read_csv(path, required=BO_COLUMNS, encoding="cp1252", delimiter=";", keep=lambda name: False):
        code = _code(row, "VESTIGINGSCODE", row["VESTIGINGSCODE"])
        if code in locations:
            raise row.fail("VESTIGINGSCODE", f"location code {code} appears twice")
        postcode, pc4 = _postcode(row, "POSTCODE", row["POSTCODE"])
        locations[code] = Location(
            code=code,
            institution_code=row["INSTELLINGSCODE"],
            name=row["VESTIGINGSNAAM"],
            kind=SchoolKind.BO,
            denomination=row["DENOMINATIE"],
            street=row["STRAATNAAM"],
            house_number=row["HUISNUMMER-TOEVOEGING"],
            postcode=postcode,
            pc4=pc4,
            place=row["PLAATSNAAM"].title(),
            municipality=nice_municipality(row["GEMEENTENAAM"]),
            province=row["PROVINCIE"],
            phone=row["TELEFOONNUMMER"],
            website=row["INTERNETADRES"],
        )
    return locations


def _levels(structure: str) -> list[str]:
    found = set()
    for part in structure.split("/"):
        if part not in STRUCTURE_LEVELS:
            return []
        if STRUCTURE_LEVELS[part]:
            found.add(STRUCTURE_LEVELS[part])
    return sorted(found, key=LEVEL_ORDER.index)


def read_geo(path: Path) -> dict[str, Location]:
    """All sectors with coordinates. A code appears more than once where a house-number range matched several
    addresses; those points are averaged. A repeated code with a different name is a real duplicate: an error."""
    locations: dict[str, Location] = {}
    points: dict[str, list[tuple[float, float]]] = {}
    for feature in read_geojson_points(path, required=GEO_PROPERTIES):
        code = _code(feature, "vestigingscode", feature.text("vestigingscode"))
        if code in locations:
            if locations[code].name != feature.text("naam"):
                raise feature.fail("vestigingscode", f"location code {code} appears twice, with different names")
            points[code].append((feature.latitude, feature.longitude))
            continue
        postcode, pc4 = _postcode(feature, "postcode", feature.text("postcode"))
        school_type = feature.text("type")
        kind = GEO_KINDS.get(school_type, SchoolKind.VO)
        leerlingen = feature["leerlingen"]
        if leerlingen is not None and not isinstance(leerlingen, int):
            raise feature.fail("leerlingen", f"'{leerlingen}' is not a number of pupils")
        number = " ".join(part for part in (feature.text("huisnummer"), feature.text("huisletter")) if part) + (
            f"-{feature.text('huisnummertoevoeging')}" if feature.text("huisnummertoevoeging") else ""
        )
        locations[code] = Location(
            code=code,
            institution_code=feature.text("brin_nummer"),
            name=feature.text("naam"),
            kind=kind,
            levels=_levels(school_type) if kind == SchoolKind.VO else [],
            structure=school_type if kind == SchoolKind.VO else "",
            denomination=feature.text("denominatie"),
            street=feature.text("straat"),
            house_number=number.replace(" ", ""),
            postcode=postcode,
            pc4=pc4,
            place=feature.text("plaats"),
            municipality=nice_municipality(feature.text("gemeente")),
            province=feature.text("provincie"),
            website=feature.text("internetadres"),
            pupils=leerlingen,
            pupils_year=2023 if leerlingen is not None else None,
        )
        points[code] = [(feature.latitude, feature.longitude)]
    for code, coords in points.items():
        locations[code].latitude = _round(sum(lat for lat, _ in coords) / len(coords))
        locations[code].longitude = _round(sum(lon for _, lon in coords) / len(coords))
    return locations


@dataclass
class HistoryRow:
    kind: str
    name: str
    institution_code: str
    denomination: str
    municipality: str
    pupils: int | None
    year: int
    counted: bool  # had pupils in the latest year, even when DUO hides a small number as "<5"


def read_history(path: Path) -> dict[str, HistoryRow]:
    # Only the latest year's count is used: look at the header first, so that rows hold just that column.
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            first_line = handle.readline()
    except OSError:
        first_line = ""  # read_csv reports the missing file properly
    years = sorted(int(m[1]) for name in first_line.split(";") if (m := PUPILS_RE.match(name.strip())))
    newest = f"LEERLINGEN_{years[-1]}" if years else ""
    rows = read_csv(path, required=HISTORY_COLUMNS, delimiter=";", keep=lambda name: name == newest)
    years = sorted(int(m[1]) for name in rows[0].values if (m := PUPILS_RE.match(name)))
    if not years:
        raise ImportFailed(path, 1, "LEERLINGEN_<jaar>", "no pupil-count column such as LEERLINGEN_2025")
    latest = f"LEERLINGEN_{years[-1]}"
    history: dict[str, HistoryRow] = {}
    for row in rows:
        code = _code(row, "VESTIGINGSCODE", row["VESTIGINGSCODE"])
        if code in history:
            raise row.fail("VESTIGINGSCODE", f"location code {code} appears twice")
        kind = HISTORY_KINDS.get(row["SOORT_VESTIGING"])
        if kind is None:
            raise row.fail("SOORT_VESTIGING", f"unknown kind of school '{row['SOORT_VESTIGING']}'")
        count = row[latest]
        if count and not count.isdigit() and count != SMALL_COUNT:
            raise row.fail(latest, f"'{count}' is not a number of pupils")
        history[code] = HistoryRow(
            kind=kind,
            name=row["NAAM_VESTIGING"],
            institution_code=row["INSTELLINGSCODE"],
            denomination=row["DENOMINATIE_VESTIGING"],
            municipality=nice_municipality(row["GEMEENTENAAM_VESTIGING"]),
            pupils=int(count) if count.isdigit() else None,
            year=years[-1],
            counted=count == SMALL_COUNT or (count.isdigit() and int(count) > 0),
        )
    return history


def merge(
    *,
    primary: dict[str, Location],
    geo: dict[str, Location],
    history: dict[str, HistoryRow],
    areas: dict[str, tuple[int | None, int | None, float | None, float | None]],
    today: date,
) -> dict[str, Location]:
    """Combine the three files into one location per code, with partnership, coordinates and open/closed."""
    merged: dict[str, Location] = {}
    for code, location in geo.items():
        merged[code] = location
    for code, location in primary.items():
        located = geo.get(code)
        if located is not None:
            # The 2026 address wins; the 2024 point stays valid when the school has not moved.
            same_address = located.postcode == location.postcode
            location.latitude = located.latitude if same_address else None
            location.longitude = located.longitude if same_address else None
            location.place = located.place if same_address and located.place else location.place
            location.website = location.website or located.website
            location.pupils, location.pupils_year = located.pupils, located.pupils_year
        merged[code] = location
    for code, row in history.items():
        location = merged.get(code)
        if location is None:
            if not row.counted:
                continue  # closed long ago and never in an address file: nothing a parent can look up
            location = merged[code] = Location(
                code=code,
                institution_code=row.institution_code,
                name=row.name,
                kind=row.kind,
                denomination=row.denomination,
                municipality=row.municipality,
                place=row.municipality,
            )
        if location.kind in PO_KINDS and row.kind != SchoolKind.BO:
            location.kind = row.kind  # the pupil file tells SO, VSO and SO/VSO apart better than the 2024 type
        if row.counted:
            location.pupils, location.pupils_year = row.pupils, row.year

    for code, location in merged.items():
        po_id, vo_id, lat, lon = areas.get(location.pc4, (None, None, None, None))
        location.partnership_id = po_id if location.kind in PO_KINDS else vo_id
        if location.latitude is None and lat is not None and lon is not None:
            location.latitude, location.longitude = _round(lat), _round(lon)
        # Primary-sector locations are current when the 2026 address file or the latest pupil count has them;
        # the 2024 file is the newest source for secondary schools.
        if location.kind in PO_KINDS:
            counted = code in history and history[code].counted
            is_open = code in primary or counted
        else:
            is_open = code in geo
        location.closed_on = None if is_open else today
    return merged


@dataclass
class ImportResult:
    tally: Tally
    rows: int


def import_schools(*, files: SchoolFiles, verbosity: int = 1) -> ImportResult:
    """Upsert every school location on its DUO code and close those no longer in the files.

    Reads and checks all files before writing; writes in one transaction; a second run with the same files
    changes nothing. A school that was closed and appears again is reopened.
    """
    primary = read_primary(files.primary)
    geo = read_geo(files.geo)
    history = read_history(files.history)
    areas = {
        pc4: (po, vo, lat, lon)
        for pc4, po, vo, lat, lon in PostcodeArea.objects.values_list(
            "pc4", "po_partnership_id", "vo_partnership_id", "latitude", "longitude"
        )
    }
    today = timezone.localdate()
    wanted = merge(primary=primary, geo=geo, history=history, areas=areas, today=today)

    tally = Tally("School locations", extra={"closed": 0, "reopened": 0})
    with transaction.atomic():
        # One import at a time; pages keep reading meanwhile (this lock mode lets readers through).
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {School._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")  # noqa: S608
        existing = {row[0]: row[1:] for row in School.objects.values_list("code", *FIELDS)}
        to_create: list[list[object]] = []
        to_update: list[list[object]] = []
        for code, location in progress(wanted.items(), desc="Schools", total=len(wanted), verbosity=verbosity):
            values = [getattr(location, name) for name in FIELDS]
            current = existing.get(code)
            if current is not None:
                was_closed_on = current[FIELDS.index("closed_on")]
                if was_closed_on is not None and location.closed_on is not None:
                    values[FIELDS.index("closed_on")] = was_closed_on  # keep the date it was first missed
                if tuple(values) == tuple(current):
                    tally.unchanged += 1
                    continue
                tally.updated += 1
                if was_closed_on is None and location.closed_on is not None:
                    tally.extra["closed"] += 1
                elif was_closed_on is not None and location.closed_on is None:
                    tally.extra["reopened"] += 1
                to_update.append([code, *values])
            else:
                tally.created += 1
                to_create.append([code, *values])
        _write(created=to_create, updated=to_update)
        closed_at = FIELDS.index("closed_on")
        missing = [code for code in existing if code not in wanted]
        gone = [code for code in missing if existing[code][closed_at] is None]
        tally.extra["closed"] += School.objects.filter(code__in=gone).update(closed_on=today)
        tally.updated += len(gone)
        tally.unchanged += len(missing) - len(gone)
    return ImportResult(tally=tally, rows=len(wanted))


def _write(*, created: list[list[object]], updated: list[list[object]]) -> None:
    """Write new and changed rows. New ones are copied straight into the table (the caller holds the table lock, so
    no other import adds them meanwhile); changed ones go through a scratch table and one INSERT … ON CONFLICT (code)
    DO UPDATE.

    Thousands of rows as Django INSERT statements cost seconds of SQL building and parameter quoting; COPY streams
    them, which keeps the whole import within a few times a bare COPY of the same rows.
    """
    table = sql.Identifier(School._meta.db_table)
    columns = ["code", *(School._meta.get_field(name.removesuffix("_id")).column for name in FIELDS)]
    names = sql.SQL(", ").join(map(sql.Identifier, columns))
    updates = sql.SQL(", ").join(sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(c)) for c in columns[1:])
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor  # psycopg's own cursor, for COPY
        if created:
            with cursor.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(table, names)) as copy:
                for row in created:
                    copy.write_row(row)
        if updated:
            cursor.execute(
                sql.SQL("CREATE TEMP TABLE school_import ON COMMIT DROP AS SELECT {} FROM {} WITH NO DATA").format(
                    names, table
                )
            )
            with cursor.copy(sql.SQL("COPY school_import ({}) FROM STDIN").format(names)) as copy:
                for row in updated:
                    copy.write_row(row)
            cursor.execute(
                sql.SQL("INSERT INTO {} ({}) SELECT {} FROM school_import ON CONFLICT (code) DO UPDATE SET {}").format(
                    table, names, names, updates
                )
            )
            cursor.execute("DROP TABLE school_import")  # a second import in the same transaction makes it again


__all__ = ["ImportFailed", "SchoolFiles", "import_schools"]
