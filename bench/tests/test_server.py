"""Safety of the benchmark's database choice; no database is contacted."""

from __future__ import annotations

import pytest

from bench.server import SetupFailed, database_name, prepare_database

SOCKET = "/work/main/.pgdata/data"


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://postgres@/ouderplatform?host={SOCKET}",
        "postgresql://postgres@%2Fwork%2Fmain%2F.pgdata%2Fdata/ouderplatform",
        f"postgresql://postgres@/x_bench?host={SOCKET}&dbname=ouderplatform",
        f"postgresql://postgres@/test_ouderplatform_bench?host={SOCKET}",
        "postgresql://user@db.example.org/production",
    ],
)
def test_it_refuses_databases_not_meant_for_benchmarks(url: str) -> None:
    with pytest.raises(SetupFailed, match="refusing"):
        prepare_database(url=url, fresh=False)


def test_it_reads_the_database_name_like_the_settings_do() -> None:
    assert database_name(f"postgresql://postgres@/ouderplatform_bench?host={SOCKET}") == "ouderplatform_bench"


def test_it_never_drops_a_given_database() -> None:
    with pytest.raises(SetupFailed, match="--fresh-db"):
        prepare_database(url=f"postgresql://postgres@/ouderplatform_bench?host={SOCKET}", fresh=True)
