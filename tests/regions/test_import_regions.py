from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from ouderplatform.csvimport import ImportFailed
from regions.imports import RegionFiles, import_regions
from regions.models import Partnership, PostcodeArea

HEADER = "pc4,gemeente_2015,po_swv,vo_swv\n"


def files_with(tmp_path: Path, pc4_table: str | bytes) -> RegionFiles:
    table = tmp_path / "pc4.csv"
    if isinstance(pc4_table, bytes):
        table.write_bytes(pc4_table)
    else:
        table.write_text(pc4_table, encoding="utf-8")
    defaults = RegionFiles.default()
    return RegionFiles(pc4_table=table, places=defaults.places, names=defaults.names)


def run(files: RegionFiles) -> str:
    out = StringIO()
    call_command(
        "import_regions",
        pc4_table=files.pc4_table,
        places=files.places,
        names=files.names,
        stdout=out,
        verbosity=0,
    )
    return out.getvalue()


@pytest.mark.django_db
def test_it_imports_all_partnerships_and_postcodes_from_the_real_files() -> None:
    output = run(RegionFiles.default())
    assert "Partnerships: 150 created" in output
    assert "Postcode areas: 4046 created" in output
    assert Partnership.objects.filter(sector="PO").count() == 76
    assert Partnership.objects.filter(sector="VO").count() == 74
    utrecht = PostcodeArea.objects.select_related("po_partnership", "vo_partnership").get(pc4="3511")
    assert (utrecht.po_partnership.code, utrecht.vo_partnership.code) == ("PO2601", "VO2601")
    assert utrecht.place == "Utrecht"
    assert utrecht.latitude is not None
    amsterdam = Partnership.objects.get(code="PO2707")
    assert amsterdam.municipalities[0] == "Amsterdam"
    assert amsterdam.name == "Samenwerkingsverband Amsterdam-Diemen (primair onderwijs)"


@pytest.mark.django_db
def test_a_second_run_changes_nothing_and_says_so() -> None:
    run(RegionFiles.default())
    output = run(RegionFiles.default())
    assert "Partnerships: 0 created, 0 updated, 150 unchanged" in output
    assert "Postcode areas: 0 created, 0 updated, 4046 unchanged" in output
    assert "Nothing changed" in output


@pytest.mark.django_db
def test_it_keeps_a_name_a_coordinator_gave(tmp_path: Path) -> None:
    run(RegionFiles.default())
    Partnership.objects.filter(code="PO2601").update(name="SWV Utrecht PO")
    output = run(RegionFiles.default())
    assert Partnership.objects.get(code="PO2601").name == "SWV Utrecht PO"
    assert "Nothing changed" in output


@pytest.mark.django_db
def test_it_shows_a_generated_name_until_one_is_given() -> None:
    run(RegionFiles.default())
    partnership = Partnership.objects.get(code="PO2601")
    assert partnership.display_name == "Samenwerkingsverband PO 26-01"


@pytest.mark.django_db
def test_it_updates_a_postcode_that_moved_to_another_partnership(tmp_path: Path) -> None:
    run(files_with(tmp_path, HEADER + "3511,Utrecht,PO2601,VO2601\n"))
    output = run(files_with(tmp_path, HEADER + "3511,Utrecht,PO2602,VO2601\n"))
    assert "Postcode areas: 0 created, 1 updated" in output
    assert PostcodeArea.objects.get(pc4="3511").po_partnership.code == "PO2602"


@pytest.mark.django_db
def test_europoort_gets_no_partnership(tmp_path: Path) -> None:
    run(files_with(tmp_path, HEADER + "3197,Rotterdam,Europoort,Europoort\n3511,Utrecht,PO2601,VO2601\n"))
    assert PostcodeArea.objects.get(pc4="3197").po_partnership is None


BAD_INPUTS = [
    pytest.param(
        HEADER.encode() + "3511,Utrecht,PO2601,VO2601\n4000,T\xe9st,PO2601,VO2601\n".encode("cp1252"),
        "line 3, column character 7: not valid utf-8",
        id="wrong-encoding",
    ),
    pytest.param(
        "pc4,gemeente_2015,po_swv\n3511,Utrecht,PO2601\n", "line 1, column vo_swv: required column", id="missing-column"
    ),
    pytest.param(
        HEADER + "3511,Utrecht,PO2601,VO2601\n351,Utrecht,PO2601,VO2601\n",
        "line 3, column pc4: '351' is not a four-digit postcode",
        id="malformed-postcode",
    ),
    pytest.param(
        HEADER + "3511,Utrecht,PO2601,VO2601\n3511,Utrecht,PO2601,VO2601\n",
        "line 3, column pc4: postcode 3511 appears twice",
        id="duplicate-postcode",
    ),
    pytest.param(
        HEADER + "3511,Utrecht,VO2601,VO2601\n",
        "line 2, column po_swv: 'VO2601' is not a PO partnership",
        id="wrong-sector",
    ),
    pytest.param(HEADER + "3511,Utrecht,PO2601\n", "line 2: expected 4 fields, found 3", id="short-row"),
    pytest.param("", "line 1: the file is empty", id="empty-file"),
    pytest.param(HEADER, "line 2: the file has a header but no rows", id="header-only"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("content", "message"), BAD_INPUTS)
def test_bad_input_stops_with_file_line_and_column_and_writes_nothing(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    files = files_with(tmp_path, content)
    with pytest.raises(ImportFailed) as excinfo:
        run(files)
    assert str(files.pc4_table) in str(excinfo.value)
    assert message in str(excinfo.value)
    assert "Nothing was imported" in str(excinfo.value)
    assert Partnership.objects.count() == 0
    assert PostcodeArea.objects.count() == 0


@pytest.mark.django_db
def test_a_failing_file_leaves_an_earlier_import_untouched(tmp_path: Path) -> None:
    run(files_with(tmp_path, HEADER + "3511,Utrecht,PO2601,VO2601\n"))
    with pytest.raises(ImportFailed):
        run(files_with(tmp_path, HEADER + "3511,Amersfoort,PO2602,VO2602\nxx,Utrecht,PO2601,VO2601\n"))
    area = PostcodeArea.objects.get(pc4="3511")
    assert (area.municipality, area.po_partnership.code) == ("Utrecht", "PO2601")


@pytest.mark.django_db
def test_a_missing_file_is_named() -> None:
    missing = Path(settings.BASE_DIR) / "no-such-file.csv"
    defaults = RegionFiles.default()
    with pytest.raises(ImportFailed, match="no-such-file.csv: file not found"):
        import_regions(files=RegionFiles(pc4_table=missing, places=defaults.places, names=defaults.names))
