"""Serving the project production-like for a benchmark: its own database, collected static files, gunicorn.

Everything started here is stopped again by `BenchServer.stop()`, also after an error or Ctrl+C (load.py calls it
from a `finally`). The developer's database and the test databases are never touched: without a DATABASE_URL the
benchmark uses its own database on the embedded PostgreSQL server.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
BENCH_DATABASE = "ouderplatform_bench"
# Databases a benchmark must never write to, whatever it is asked.
PROTECTED_DATABASES = {"ouderplatform", "postgres", "template0", "template1"}
COMMAND_TIMEOUT = 900.0
STARTUP_TIMEOUT = 60.0


class SetupFailed(Exception):
    """Preparing the database, the static files or the server failed; the message says which step and why."""


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


@dataclass
class Database:
    url: str
    name: str
    own: bool
    server: Any = None  # the pgserver handle when the database lives on the embedded server

    @property
    def postmaster_pid(self) -> int | None:
        if self.server is None:
            return None
        return self.server.get_pid()


def prepare_database(*, url: str | None, fresh: bool) -> Database:
    """The benchmark's database: the user's DATABASE_URL as given, or `ouderplatform_bench` on the embedded server."""
    if url:
        if fresh:
            raise SetupFailed("--fresh-db only works on the benchmark's own database, not on a given DATABASE_URL")
        name = database_name(url)
        # The benchmark migrates, loads demo data and writes sessions: only into a database meant for it.
        if "bench" not in name or name in PROTECTED_DATABASES or name.startswith("test_"):
            raise SetupFailed(
                f"refusing to use the database {name!r} from DATABASE_URL: the benchmark writes demo data and sessions "
                "into it. Give a database whose name contains 'bench', or unset DATABASE_URL to use "
                f"{BENCH_DATABASE} on the embedded server."
            )
        return Database(url=url, name=name, own=False)

    import psycopg
    from psycopg import sql

    from ouderplatform import embedded_db

    server = embedded_db.start(ROOT / ".pgdata" / "data")
    socket_dir = str(server.get_postmaster_info().socket_dir)
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        if fresh:
            log(f"dropping the database {BENCH_DATABASE}")
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(BENCH_DATABASE)))
    embedded_db.ensure_database(server, BENCH_DATABASE)
    url = f"postgresql://postgres@/{BENCH_DATABASE}?host={quote(socket_dir, safe='/')}"
    return Database(url=url, name=BENCH_DATABASE, own=True, server=server)


def database_name(url: str) -> str:
    """The database a URL points to, parsed the way the settings parse it (a ?dbname= option wins)."""
    import dj_database_url

    parsed = dj_database_url.parse(url)
    return str(parsed.get("OPTIONS", {}).get("dbname") or parsed.get("NAME") or "")


def clear_sessions(database: Database) -> None:
    """Start from an empty session table so that runs are comparable (only on our own benchmark database)."""
    if not database.own:
        return
    import psycopg

    with psycopg.connect(database.url, autocommit=True) as conn:
        conn.execute("TRUNCATE django_session")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ServerConfig:
    workers: int = 3
    worker_class: str = "sync"
    threads: int = 4
    keep_alive: int = 5
    static_manifest: str = "auto"  # auto: manifest storage, falling back to plain storage when collectstatic fails


@dataclass
class BenchServer:
    """The whole stack under test; `start()` prepares and serves, `stop()` undoes all of it."""

    database_url: str | None
    config: ServerConfig
    fresh_db: bool = False
    generators: tuple[str, ...] = ()
    port: int = 0
    database: Database | None = None
    static_manifest_used: bool = True
    notes: list[str] = field(default_factory=list)
    _static_root: Path | None = None
    _work_dir: Path | None = None
    _process: subprocess.Popen[bytes] | None = None
    _log_file: Any = None

    @property
    def base_env(self) -> dict[str, str]:
        assert self.database is not None and self._static_root is not None
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DEBUG", "STATIC_MANIFEST", "TEST_DB_SUFFIX", "DJANGO_SETTINGS_MODULE"}
        }
        env.update(
            {
                "DATABASE_URL": self.database.url,
                "SECRET_KEY": self._secret_key,
                "DEBUG": "0",
                "ALLOWED_HOSTS": "127.0.0.1",
                "SECURE_SSL_REDIRECT": "0",
                "STATIC_ROOT": str(self._static_root),
                # A benchmark never sends mail, whatever a page does.
                "EMAIL_BACKEND": "console",
                "LOG_LEVEL": "WARNING",
                "PYTHONDONTWRITEBYTECODE": "1",
            }
        )
        if not self.static_manifest_used:
            env["STATIC_MANIFEST"] = "0"
        return env

    def __post_init__(self) -> None:
        self._secret_key = "bench-only-" + secrets.token_urlsafe(40)

    def manage(self, *args: str, debug: bool = False, check: bool = True) -> subprocess.CompletedProcess[str]:
        env = self.base_env
        if debug:
            env["DEBUG"] = "1"
        started = time.perf_counter()
        completed = subprocess.run(
            [str(PYTHON), "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
        log(f"manage.py {' '.join(args)}: {time.perf_counter() - started:.1f} s")
        if check and completed.returncode != 0:
            raise SetupFailed(f"manage.py {' '.join(args)} failed:\n{(completed.stdout + completed.stderr)[-3000:]}")
        return completed

    def start(self) -> None:
        self._work_dir = Path(tempfile.mkdtemp(prefix="ouderplatform-bench-"))
        self._static_root = self._work_dir / "static"
        self.database = prepare_database(url=self.database_url, fresh=self.fresh_db)
        log(f"database {self.database.name} ({'embedded server' if self.database.own else 'from DATABASE_URL'})")
        self.manage("migrate", "--no-input", "-v0")
        self.manage("load_demo_data", "-v0", debug=True)
        if self.generators:
            self.generate(self.generators)
        clear_sessions(self.database)
        self.collect_static()
        self.serve()

    def generate(self, names: tuple[str, ...]) -> None:
        started = time.perf_counter()
        completed = subprocess.run(
            [str(PYTHON), "-m", "bench.data.generate", *names],
            cwd=ROOT,
            env=self.base_env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT * 4,
            check=False,
        )
        if completed.returncode != 0:
            raise SetupFailed(f"data generators {', '.join(names)} failed:\n{completed.stderr[-3000:]}")
        log(f"data generators {', '.join(names)}: {time.perf_counter() - started:.1f} s")

    def collect_static(self) -> None:
        mode = self.config.static_manifest
        self.static_manifest_used = mode != "off"
        completed = self.manage("collectstatic", "--no-input", "-v0", check=mode != "auto")
        if completed.returncode == 0:
            return
        reason = (completed.stdout + completed.stderr).strip().splitlines()
        detail = next((line for line in reason if line.startswith("CommandError")), reason[-1] if reason else "")
        note = f"collectstatic with the manifest storage failed ({detail}); served without the manifest"
        log(f"WARNING: {note}")
        self.notes.append(note)
        self.static_manifest_used = False
        assert self._static_root is not None
        shutil.rmtree(self._static_root, ignore_errors=True)
        self.manage("collectstatic", "--no-input", "-v0")

    def serve(self) -> None:
        assert self._work_dir is not None
        last_error = ""
        for _attempt in range(3):
            self.port = free_port()
            log_path = self._work_dir / "gunicorn.log"
            self._log_file = log_path.open("ab")
            command = [
                str(GUNICORN),
                "ouderplatform.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.config.workers),
                "--worker-class",
                self.config.worker_class,
                # Gunicorn quietly turns sync workers into gthread ones when threads > 1: pass it only for gthread.
                "--threads",
                str(self.config.threads if self.config.worker_class == "gthread" else 1),
                "--keep-alive",
                str(self.config.keep_alive),
                "--no-control-socket",
                "--log-level",
                "warning",
                "--error-logfile",
                "-",
            ]
            # A session of its own: Ctrl+C in the terminal reaches only us, and we stop gunicorn in order.
            self._process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.base_env,
                stdout=self._log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            if self._wait_healthy():
                log(
                    f"gunicorn on 127.0.0.1:{self.port}: {self.config.workers} {self.config.worker_class} workers"
                    + (f" x {self.config.threads} threads" if self.config.worker_class == "gthread" else "")
                )
                return
            last_error = self.log_tail()
            self._stop_gunicorn()
        raise SetupFailed(f"gunicorn did not become healthy:\n{last_error}")

    def _wait_healthy(self) -> bool:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        url = f"http://127.0.0.1:{self.port}/healthz"
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                return False
            with contextlib.suppress(urllib.error.URLError, OSError), urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return True
            time.sleep(0.2)
        return False

    def log_tail(self, lines: int = 30) -> str:
        if self._work_dir is None:
            return ""
        path = self._work_dir / "gunicorn.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def pids(self) -> tuple[list[int], list[int]]:
        """Process ids of gunicorn (master and workers) and of the PostgreSQL backends serving our database."""
        try:
            import psutil
        except ImportError:
            return [], []
        app: list[int] = []
        if self._process is not None:
            with contextlib.suppress(psutil.Error):
                master = psutil.Process(self._process.pid)
                app = [master.pid, *(child.pid for child in master.children(recursive=True))]
        db: list[int] = []
        if self.database is not None and self.database.postmaster_pid:
            marker = f" {self.database.name} "
            with contextlib.suppress(psutil.Error):
                for child in psutil.Process(self.database.postmaster_pid).children():
                    with contextlib.suppress(psutil.Error):
                        if marker in " ".join(child.cmdline()) + " ":
                            db.append(child.pid)
        return app, db

    def _stop_gunicorn(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            workers = self._worker_handles(process.pid)
            # SIGTERM is gunicorn's graceful stop: the master stops its workers and exits.
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
            # Workers that outlived their master; psutil compares start times, so a reused pid is left alone.
            for worker in workers:
                with contextlib.suppress(Exception):
                    if worker.is_running():
                        worker.kill()
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    @staticmethod
    def _worker_handles(master_pid: int) -> list[Any]:
        try:
            import psutil

            return list(psutil.Process(master_pid).children(recursive=True))
        except Exception:
            return []

    def stop(self) -> None:
        """Stop gunicorn and remove the temporary files; the embedded server stops with us if we started it."""
        self._stop_gunicorn()
        if self._work_dir is not None:
            shutil.rmtree(self._work_dir, ignore_errors=True)
            self._work_dir = None
