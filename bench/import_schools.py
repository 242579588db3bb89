"""Benchmark of `manage.py import_schools`: time and peak memory, beside a raw PostgreSQL COPY of the same rows.

    .venv/bin/python bench/import_schools.py            # the real files, and the same files doubled

Runs on its own database `ouderplatform_bench_import` on the embedded server (or DATABASE_URL when its name
contains "bench"). Each measurement is a fresh Python process, so peak memory (max RSS) belongs to that import.
The goal (issue 3): the import within 5× the COPY of the same rows, and linear when the input is doubled.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "ouderplatform_bench_import"


def log(message: str) -> None:
    print(f"[bench-import] {message}", file=sys.stderr, flush=True)


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        if "bench" not in url.rsplit("/", 1)[-1]:
            raise SystemExit("DATABASE_URL must name a database containing 'bench': this benchmark empties tables")
        return url
    sys.path.insert(0, str(ROOT))
    from ouderplatform import embedded_db

    server = embedded_db.start(ROOT / ".pgdata" / "data")
    embedded_db.ensure_database(server, DATABASE)
    socket_dir = str(server.get_postmaster_info().socket_dir)
    # Keep the handle alive for the whole run: the server stops when the last handle goes away.
    globals()["_server"] = server
    return f"postgresql://postgres@/{DATABASE}?host={quote(socket_dir, safe='/')}"


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def shifted(code: str) -> str:
    """A made-up twin of a DUO code: real BRIN codes start with a digit, the twin with a letter (00AP00 → Q0AP00)."""
    return "QRSTUVWXYZ"[int(code[0])] + code[1:]


def double_files(folder: Path) -> tuple[Path, Path, Path]:
    """The three DUO files with every location twice: the copy gets a shifted code, so it is a new location."""
    from regions.school_import import SchoolFiles

    files = SchoolFiles.default()
    primary = files.primary.read_bytes().decode("cp1252").split("\r\n")
    header, rows = primary[0], [row for row in primary[1:] if row]
    code_at = header.split(";").index("VESTIGINGSCODE")

    def copy_row(row: str) -> str:
        cells = row.split(";")
        cells[code_at] = shifted(cells[code_at])
        return ";".join(cells)

    doubled_primary = folder / "primary.csv"
    doubled_primary.write_bytes("\r\n".join([header, *rows, *map(copy_row, rows), ""]).encode("cp1252"))

    geo = json.loads(files.geo.read_text(encoding="utf-8"))
    copies = []
    for feature in geo["features"]:
        twin = json.loads(json.dumps(feature))
        twin["properties"]["vestigingscode"] = shifted(feature["properties"]["vestigingscode"])
        copies.append(twin)
    geo["features"] += copies
    doubled_geo = folder / "geo.json"
    doubled_geo.write_text(
        '{"type": "FeatureCollection", "features": [\n' + ",\n".join(json.dumps(f) for f in geo["features"]) + "\n]}\n",
        encoding="utf-8",
    )

    text = files.history.read_text(encoding="utf-8-sig")
    reader = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    head, body = reader[0], [row for row in reader[1:] if row]
    at = head.index("VESTIGINGSCODE")
    twins = [[*row[:at], shifted(row[at]), *row[at + 1 :]] for row in body]
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([head, *body, *twins])
    doubled_history = folder / "history.csv"
    doubled_history.write_text("\ufeff" + out.getvalue(), encoding="utf-8")
    return doubled_primary, doubled_geo, doubled_history


def inner(primary: str, geo: str, history: str) -> None:
    """One measurement in a fresh process: empty table, import, re-import, then COPY the same rows."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ouderplatform.settings")
    django.setup()
    from django.db import connection, transaction

    from regions.models import School
    from regions.school_import import SchoolFiles, import_schools

    files = SchoolFiles(primary=Path(primary), geo=Path(geo), history=Path(history))
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE regions_school RESTART IDENTITY CASCADE")
    rss_before = _memory_kb("VmRSS")
    _reset_peak()
    started = time.perf_counter()
    result = import_schools(files=files, verbosity=0)
    first = time.perf_counter() - started
    rss_peak = _memory_kb("VmHWM")
    started = time.perf_counter()
    import_schools(files=files, verbosity=0)
    again = time.perf_counter() - started

    columns = [f.column for f in School._meta.concrete_fields]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM regions_school")  # noqa: S608 - our own column names
        rows = cursor.fetchall()
        # The same table with the same indexes and constraints, so the COPY pays what the import pays.
        cursor.execute("CREATE TEMP TABLE school_copy (LIKE regions_school INCLUDING ALL)")
        raw = cursor.cursor
        started = time.perf_counter()
        with raw.copy(f"COPY school_copy ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        copied = time.perf_counter() - started
    # Like for like: the same rows COPYed into the schools table itself, WAL-logged and committed, as the import is.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE regions_school CASCADE")
        started = time.perf_counter()
        with cursor.cursor.copy(f"COPY regions_school ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    copied_table = time.perf_counter() - started
    print(
        json.dumps(
            {
                "rows": result.tally.created,
                "import_s": first,
                "reimport_s": again,
                "copy_s": copied,
                "copy_table_s": copied_table,
                "rss_before_mb": rss_before / 1024,
                "rss_peak_mb": rss_peak / 1024,
            }
        )
    )


def _memory_kb(field: str) -> int:
    """VmRSS (now) or VmHWM (peak since the last reset) of this process, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> None:
    # The peak would otherwise include Django's start-up; "5" resets VmHWM to the current RSS (Linux ≥ 4.0).
    Path("/proc/self/clear_refs").write_text("5")


def measure(env: dict[str, str], files: tuple[Path, Path, Path]) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, "-m", "bench.import_schools", "--inner", *map(str, files)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inner", nargs=3, metavar=("PRIMARY", "GEO", "HISTORY"), help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=3, help="measurements per data set; the best counts")
    args = parser.parse_args()
    if args.inner:
        inner(*args.inner)
        return 0

    env = {**os.environ, "DATABASE_URL": database_url(), "DEBUG": "0", "SECRET_KEY": "bench-import-not-secret"}
    env.setdefault("SECURE_SSL_REDIRECT", "0")
    log("migrating and importing the partnerships")
    manage(env, "migrate", "--no-input")
    manage(env, "import_regions", "--verbosity", "0")
    sys.path.insert(0, str(ROOT))
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ouderplatform.settings")
    import django

    django.setup()
    from regions.school_import import SchoolFiles

    default = SchoolFiles.default()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        doubled = double_files(Path(folder))
        for label, files in (("real files", (default.primary, default.geo, default.history)), ("doubled", doubled)):
            runs = [measure(env, files) for _ in range(args.repeat)]
            results[label] = min(runs, key=lambda run: run["import_s"])
            log(f"{label}: {results[label]}")

    print(
        f"{'data':<12} {'rows':>7} {'import s':>9} {'re-run s':>9} {'COPY s':>8} {'ratio':>6} {'COPY table s':>13}"
        f" {'ratio':>6} {'peak MB':>8} {'+MB':>6}"
    )
    for label, run in results.items():
        grown = run["rss_peak_mb"] - run["rss_before_mb"]
        print(
            f"{label:<12} {run['rows']:>7} {run['import_s']:>9.2f} {run['reimport_s']:>9.2f} {run['copy_s']:>8.3f} "
            f"{run['import_s'] / run['copy_s']:>6.1f} {run['copy_table_s']:>13.3f} "
            f"{run['import_s'] / run['copy_table_s']:>6.1f} {run['rss_peak_mb']:>8.0f} {grown:>6.0f}"
        )
    single, double = results["real files"], results["doubled"]
    print(
        f"doubling the input: rows ×{double['rows'] / single['rows']:.2f}, import time "
        f"×{double['import_s'] / single['import_s']:.2f}, COPY time ×{double['copy_s'] / single['copy_s']:.2f}"
    )
    print(
        "ratio = import time / COPY time of the same rows (goal ≤ 5). COPY s: into a temporary table with the same "
        "indexes (no WAL, no commit: the strictest yardstick); COPY table s: into the schools table itself, "
        "WAL-logged and committed, as the import writes."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
