"""The embedded PostgreSQL: starts on demand, lets a second process attach, and recovers from a crash."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from django.conf import settings

PROBE = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    import psycopg
    from ouderplatform import embedded_db
    server = embedded_db.start(Path(sys.argv[1]))
    embedded_db.ensure_database(server)
    with psycopg.connect(server.get_uri()) as conn:
        ok = conn.execute("SELECT 1").fetchone()[0]
    print(json.dumps({"pid": server.get_pid(), "ok": ok}), flush=True)
    time.sleep(float(sys.argv[2]))
    """
)


@pytest.fixture
def pgdata() -> Iterator[Path]:
    # A short path: Unix socket paths are limited to ~107 characters.
    folder = Path(tempfile.mkdtemp(prefix="opdb-", dir="/tmp"))
    yield folder / "data"
    for proc in psutil.process_iter(attrs=["name", "cmdline"]):
        if proc.info["name"] == "postgres" and str(folder) in " ".join(proc.info["cmdline"] or []):
            proc.kill()
    shutil.rmtree(folder, ignore_errors=True)


def probe(pgdata: Path, linger: float = 0.0) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", PROBE, str(pgdata), str(linger)],
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONPATH": str(settings.BASE_DIR)},
    )


def read_result(proc: subprocess.Popen[str]) -> dict[str, int]:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line, proc.stderr.read() if proc.stderr else ""
    return json.loads(line)


def test_a_second_process_attaches_to_the_running_server(pgdata: Path) -> None:
    first = probe(pgdata, linger=5)
    started = read_result(first)
    second = probe(pgdata)
    attached = read_result(second)
    second.wait(timeout=30)
    assert attached == started  # same postmaster, not a second server
    first.terminate()
    first.wait(timeout=30)


def test_the_last_process_stops_the_server(pgdata: Path) -> None:
    proc = probe(pgdata)
    pid = read_result(proc)["pid"]
    proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while psutil.pid_exists(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not psutil.pid_exists(pid)


def test_a_crashed_server_is_recovered_on_the_next_start(pgdata: Path) -> None:
    proc = probe(pgdata, linger=30)
    pid = read_result(proc)["pid"]
    os.kill(pid, signal.SIGKILL)  # the postmaster dies hard, leaving its pid file and shared memory behind
    proc.kill()
    proc.wait(timeout=30)
    assert (pgdata / "postmaster.pid").exists()

    again = probe(pgdata)
    result = read_result(again)
    again.wait(timeout=60)
    assert result["ok"] == 1
    assert result["pid"] != pid


def test_the_embedded_data_folder_is_ignored_by_git() -> None:
    gitignore = (settings.BASE_DIR / ".gitignore").read_text()
    assert ".pgdata/" in gitignore.splitlines()
