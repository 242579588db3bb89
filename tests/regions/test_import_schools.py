from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from ouderplatform.csvimport import ImportFailed
from regions.imports import RegionFiles, import_regions
from regions.models import Partnership, PostcodeArea, School
from regions.school_import import BO_COLUMNS, SchoolFiles

pytestmark = pytest.mark.django_db

PRIMARY_HEADER = ";".join(["PROVINCIE", *BO_COLUMNS, "VAKANTIEREGIO"])
HISTORY_HEADER = (
    "INSTELLINGSCODE;VESTIGINGSCODE;NAAM_VESTIGING;SOORT_VESTIGING;DENOMINATIE_VESTIGING;BEVOEGD_GEZAG_NUMMER;"
    "GEMEENTECODE_VESTIGING;GEMEENTENAAM_VESTIGING;LEERLINGEN_2024;LEERLINGEN_2025"
)


def primary_row(code: str, name: str, postcode: str = "3511 AB", place: str = "UTRECHT") -> str:
    values = {
        "PROVINCIE": "Utrecht",
        "INSTELLINGSCODE": code[:4],
        "VESTIGINGSCODE": code,
        "VESTIGINGSNAAM": name,
        "STRAATNAAM": "Domplein",
        "HUISNUMMER-TOEVOEGING": "1-A",
        "POSTCODE": postcode,
        "PLAATSNAAM": place,
        "GEMEENTENAAM": "UTRECHT",
        "DENOMINATIE": "Openbaar",
        "TELEFOONNUMMER": "0301234567",
        "INTERNETADRES": " ",
        "VAKANTIEREGIO": "Midden",
    }
    return ";".join(values[name] for name in PRIMARY_HEADER.split(";"))


def feature(code: str, name: str, kind: str = "basisschool", postcode: str = "3511AB", **extra: Any) -> dict[str, Any]:
    properties = {
        "naam": name,
        "type": kind,
        "denominatie": "Openbaar",
        "internetadres": "www.example.org",
        "straat": "Domplein",
        "huisnummer": 1,
        "huisletter": None,
        "huisnummertoevoeging": None,
        "postcode": postcode,
        "plaats": "Utrecht",
        "gemeente": "UTRECHT",
        "provincie": "Utrecht",
        "brin_nummer": code[:4],
        "vestigingscode": code,
        "onderwijsgebied": "Utrecht",
        "leerlingen": 300,
    } | extra
    return {"type": "Feature", "properties": properties, "geometry": {"type": "Point", "coordinates": [5.12, 52.09]}}


def geojson(features: list[dict[str, Any]]) -> str:
    lines = ",\n".join(json.dumps(f) for f in features)
    return '{\n"type": "FeatureCollection",\n"name": "scholen",\n"features": [\n' + lines + "\n]\n}\n"


@pytest.fixture
def regions() -> None:
    Partnership.objects.create(code="PO2601", sector="PO")
    Partnership.objects.create(code="VO2601", sector="VO")
    PostcodeArea.objects.create(
        pc4="3511",
        place="Utrecht",
        latitude=52.0,
        longitude=5.0,
        po_partnership=Partnership.objects.get(code="PO2601"),
        vo_partnership=Partnership.objects.get(code="VO2601"),
    )


class Files:
    """The three input files in a temporary folder, written the way DUO writes them (cp1252 and CRLF for BO)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.primary_rows = [primary_row("11AA00", "De Regenboog"), primary_row("22BB00", "De Zonnewijzer")]
        self.features = [
            feature("11AA00", "De Regenboog"),
            feature("33CC00", "Het Lyceum", kind="HAVO/VWO"),
            feature("44DD00", "De Brug", kind="(V)SO"),
        ]
        self.history = [
            "44DD;44DD00;De Brug;SO;Openbaar;1;344;UTRECHT;80;<5",
            "11AA;11AA00;De Regenboog;BO;Openbaar;1;344;UTRECHT;200;210",
        ]

    def write(self) -> SchoolFiles:
        primary = self.folder / "bo.csv"
        primary.write_bytes("\r\n".join([PRIMARY_HEADER, *self.primary_rows, ""]).encode("cp1252"))
        geo = self.folder / "scholen.geo.json"
        geo.write_text(geojson(self.features), encoding="utf-8")
        history = self.folder / "history.csv"
        history.write_bytes(("\ufeff" + "\r\n".join([HISTORY_HEADER, *self.history, ""])).encode("utf-8"))
        return SchoolFiles(primary=primary, geo=geo, history=history)


@pytest.fixture
def files(tmp_path: Path, regions: None) -> Files:
    return Files(tmp_path)


def run(files: SchoolFiles) -> str:
    out = StringIO()
    call_command("import_schools", primary=files.primary, geo=files.geo, history=files.history, stdout=out, verbosity=0)
    return out.getvalue()


def test_it_combines_the_three_files_into_one_location_per_code(files: Files) -> None:
    output = run(files.write())
    assert "School locations: 4 created, 0 updated, 0 unchanged, 0 closed" in output
    regenboog = School.objects.select_related("partnership").get(code="11AA00")
    assert (regenboog.kind, regenboog.postcode, regenboog.house_number) == ("BO", "3511 AB", "1-A")
    assert (regenboog.pupils, regenboog.pupils_year) == (210, 2025)
    assert regenboog.partnership.code == "PO2601"
    assert regenboog.latitude == pytest.approx(52.09)
    assert regenboog.website == "www.example.org"
    lyceum = School.objects.select_related("partnership").get(code="33CC00")
    assert (lyceum.kind, lyceum.levels, lyceum.partnership.code) == ("VO", ["havo", "vwo"], "VO2601")


def test_it_takes_the_special_education_kind_from_the_pupil_file(files: Files) -> None:
    run(files.write())
    brug = School.objects.get(code="44DD00")
    assert brug.kind == "SO"
    assert brug.pupils is None  # "<5": DUO hides small numbers
    assert brug.is_open


def test_a_school_only_in_the_address_file_gets_the_postcode_centre_as_its_point(files: Files) -> None:
    run(files.write())
    zonnewijzer = School.objects.get(code="22BB00")
    assert (zonnewijzer.latitude, zonnewijzer.longitude) == (52.0, 5.0)


def test_a_second_run_changes_nothing_and_says_so(files: Files) -> None:
    written = files.write()
    run(written)
    output = run(written)
    assert "0 created, 0 updated, 4 unchanged, 0 closed" in output
    assert "Nothing changed" in output


def test_a_school_missing_from_a_newer_file_is_closed_not_deleted(files: Files) -> None:
    run(files.write())
    files.primary_rows.pop()  # 22BB00 is gone from the address file
    output = run(files.write())
    assert "1 updated, 3 unchanged, 1 closed" in output
    gone = School.objects.get(code="22BB00")
    assert gone.closed_on is not None
    assert not gone.is_open


def test_a_closed_school_that_comes_back_is_reopened(files: Files) -> None:
    complete = files.primary_rows[:]
    run(files.write())
    files.primary_rows.pop()
    run(files.write())
    files.primary_rows = complete
    output = run(files.write())
    assert "1 reopened" in output
    assert School.objects.get(code="22BB00").is_open


def test_an_updated_address_is_updated(files: Files) -> None:
    run(files.write())
    files.primary_rows[1] = primary_row("22BB00", "De Zonnewijzer", place="DE BILT")
    output = run(files.write())
    assert "1 updated" in output
    assert School.objects.get(code="22BB00").place == "De Bilt"


def expect_failure(files: SchoolFiles, *, path: Path, line: int | None, column: str | None) -> ImportFailed:
    with pytest.raises(ImportFailed) as caught:
        run(files)
    error = caught.value
    assert (error.path, error.line, error.column) == (str(path), line, column)
    assert "Nothing was imported" in str(error)
    assert School.objects.count() == 0
    return error


def test_a_utf8_address_file_is_refused_as_the_wrong_encoding(files: Files) -> None:
    written = files.write()
    text = written.primary.read_bytes().decode("cp1252").replace("De Zonnewijzer", "Café Zonnewijzer")
    written.primary.write_bytes(text.encode("utf-8"))
    error = expect_failure(written, path=written.primary, line=3, column="character 24")
    assert "UTF-8" in error.problem


def test_a_cp1252_pupil_file_is_refused_as_the_wrong_encoding(files: Files) -> None:
    files.history[0] = files.history[0].replace("De Brug", "De Brug Café")
    written = files.write()
    written.history.write_bytes(written.history.read_bytes().decode("utf-8-sig").encode("cp1252"))
    error = expect_failure(written, path=written.history, line=2, column="character 24")
    assert "not valid utf-8" in error.problem


def test_a_missing_column_is_named(files: Files) -> None:
    written = files.write()
    text = written.primary.read_bytes().decode("cp1252").replace(";POSTCODE;", ";POSTKODE;")
    written.primary.write_bytes(text.encode("cp1252"))
    error = expect_failure(written, path=written.primary, line=1, column="POSTCODE")
    assert "required column 'POSTCODE' is missing" in error.problem


def test_a_missing_property_in_the_geojson_is_named(files: Files) -> None:
    del files.features[1]["properties"]["postcode"]
    written = files.write()
    expect_failure(written, path=written.geo, line=6, column="postcode")


def test_a_malformed_postcode_is_refused(files: Files) -> None:
    files.primary_rows[1] = primary_row("22BB00", "De Zonnewijzer", postcode="351 AB")
    written = files.write()
    error = expect_failure(written, path=written.primary, line=3, column="POSTCODE")
    assert "'351 AB' is not a Dutch postcode" in error.problem


def test_a_malformed_postcode_in_the_geojson_is_refused(files: Files) -> None:
    files.features[2]["properties"]["postcode"] = "35111AB"
    written = files.write()
    expect_failure(written, path=written.geo, line=7, column="postcode")


def test_a_duplicate_location_code_is_refused(files: Files) -> None:
    files.primary_rows.append(primary_row("11AA00", "De Regenboog (dubbel)"))
    written = files.write()
    error = expect_failure(written, path=written.primary, line=4, column="VESTIGINGSCODE")
    assert "appears twice" in error.problem


def test_a_repeated_geojson_point_with_another_name_is_a_duplicate(files: Files) -> None:
    files.features.append(feature("33CC00", "Een andere school", kind="VWO"))
    written = files.write()
    expect_failure(written, path=written.geo, line=8, column="vestigingscode")


def test_repeated_geojson_points_of_one_school_are_averaged(files: Files) -> None:
    files.features.append(feature("33CC00", "Het Lyceum", kind="HAVO/VWO") | {})
    files.features[-1]["geometry"]["coordinates"] = [5.14, 52.11]
    run(files.write())
    lyceum = School.objects.get(code="33CC00")
    assert (lyceum.latitude, lyceum.longitude) == (pytest.approx(52.10), pytest.approx(5.13))


@pytest.mark.parametrize("which", ["primary", "geo", "history"])
def test_an_empty_file_is_refused(files: Files, which: str) -> None:
    written = files.write()
    path: Path = getattr(written, which)
    path.write_bytes(b"")
    error = expect_failure(written, path=path, line=1, column=None)
    assert "empty" in error.problem


def test_invalid_json_names_line_and_character(files: Files) -> None:
    written = files.write()
    written.geo.write_text('{\n"type": "FeatureCollection",\n"features": [\n{"type": }\n]}\n', encoding="utf-8")
    expect_failure(written, path=written.geo, line=4, column="character 10")


def test_bad_input_leaves_earlier_data_untouched(files: Files) -> None:
    run(files.write())
    before = list(School.objects.order_by("code").values_list("code", "name", "closed_on"))
    files.primary_rows = [primary_row("11AA00", "Nieuwe naam"), primary_row("11AA00", "Dubbel")]
    with pytest.raises(ImportFailed):
        run(files.write())
    assert list(School.objects.order_by("code").values_list("code", "name", "closed_on")) == before


def test_it_imports_every_school_location_of_the_real_files() -> None:
    import_regions(files=RegionFiles.default(), verbosity=0)
    output = run(SchoolFiles.default())
    assert "School locations: 8709 created" in output
    assert School.objects.filter(kind="VO").count() == 1619
    assert School.objects.filter(kind__in=["SBO", "SO", "VSO", "SO_VSO"]).count() > 800
    # Every open location with an address lies in a partnership, except six PC4s newer than the 2015 table.
    assert School.objects.open().filter(partnership__isnull=True).exclude(pc4="").count() <= 10
    again = run(SchoolFiles.default())
    assert "0 created, 0 updated, 8709 unchanged" in again
