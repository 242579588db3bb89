"""Load benchmark: serve the project production-like and time its pages against a bare baseline view.

Run from the repository root: `.venv/bin/python bench/load.py` (or `--quick` for a smoke run). See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import data  # noqa: E402
from bench.client import ProtocolError, SegmentResult, percentile, run_segment  # noqa: E402
from bench.scenarios import BASELINE, SCENARIOS, Scenario, SetupError, select  # noqa: E402
from bench.server import BenchServer, ServerConfig, SetupFailed, log  # noqa: E402

RESULTS_DIR = ROOT / "bench" / "results"
GOAL_RATIO = 0.5
# A hard bound per segment on top of the time limit: far above what this server can do in a segment.
MAX_REQUESTS_PER_SEGMENT = 500_000


@dataclass
class CpuProbe:
    """CPU seconds used so far by the app server, its database backends, and the machine as a whole."""

    app: dict[int, float] = field(default_factory=dict)
    db: dict[int, float] = field(default_factory=dict)
    # Seconds the app processes were runnable but waited for a CPU (Linux schedstat): what other work costs us.
    app_wait: dict[int, float] = field(default_factory=dict)
    client_wait: float = 0.0
    loadavg: float = 0.0
    machine_busy: float = 0.0
    machine_total: float = 0.0
    machine_steal: float = 0.0


def probe(server: BenchServer) -> CpuProbe:
    try:
        import psutil
    except ImportError:
        return CpuProbe()
    app_pids, db_pids = server.pids()
    snapshot = CpuProbe()
    for pids, target in ((app_pids, snapshot.app), (db_pids, snapshot.db)):
        for pid in pids:
            with contextlib.suppress(psutil.Error):
                times = psutil.Process(pid).cpu_times()
                target[pid] = times.user + times.system
    snapshot.app_wait = {pid: runqueue_wait(pid) for pid in app_pids}
    snapshot.client_wait = runqueue_wait(os.getpid())
    snapshot.loadavg = os.getloadavg()[0]
    machine = psutil.cpu_times()
    idle = machine.idle + getattr(machine, "iowait", 0.0)
    snapshot.machine_total = sum(machine)
    snapshot.machine_busy = snapshot.machine_total - idle
    snapshot.machine_steal = getattr(machine, "steal", 0.0)
    return snapshot


def runqueue_wait(pid: int) -> float:
    """Seconds the threads of a process were ready to run but waited for a CPU (Linux schedstat; 0 elsewhere)."""
    total = 0
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError, ValueError, IndexError):
                total += int((task / "schedstat").read_text().split()[1])
    return total / 1e9


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    # A process that appeared during the segment started after `before`: all of its time counts.
    return sum(max(0.0, seconds - before.get(pid, 0.0)) for pid, seconds in after.items())


@dataclass
class Segment:
    scenario: str
    round: int
    result: SegmentResult
    app_cpu: float
    db_cpu: float
    machine_busy_share: float
    machine_steal_share: float
    failure: str | None = None
    app_wait: float = 0.0
    client_wait: float = 0.0
    loadavg: float = 0.0

    def as_json(self) -> dict[str, Any]:
        r = self.result
        return {
            "scenario": self.scenario,
            "round": self.round,
            "requests": r.requests,
            "errors": r.errors,
            "problems": dict(r.problems.most_common(10)),
            "failure": self.failure,
            "elapsed_s": round(r.elapsed, 3),
            "rps": round(r.rps, 1),
            "p50_ms": round(percentile(r.latencies, 0.50) * 1000, 2),
            "p95_ms": round(percentile(r.latencies, 0.95) * 1000, 2),
            "p99_ms": round(percentile(r.latencies, 0.99) * 1000, 2),
            "connections_opened": r.connections_opened,
            "bytes_per_response": round(r.bytes_received / r.requests) if r.requests else 0,
            "client_cpu_share": round(r.client_cpu / r.elapsed, 3) if r.elapsed else 0,
            "app_cpu_ms_per_request": round(self.app_cpu / r.requests * 1000, 3) if r.requests else None,
            "db_cpu_ms_per_request": round(self.db_cpu / r.requests * 1000, 3) if r.requests else None,
            "app_cpu_wait_ms_per_request": round(self.app_wait / r.requests * 1000, 3) if r.requests else None,
            "client_cpu_wait_share": round(self.client_wait / r.elapsed, 3) if r.elapsed else 0,
            "machine_busy_share": round(self.machine_busy_share, 3),
            "machine_steal_share": round(self.machine_steal_share, 3),
            "loadavg_1min": round(self.loadavg, 2),
        }


async def measure_segment(
    server: BenchServer, scenario: Scenario, *, clients: int, duration: float, round_number: int, seed: int
) -> Segment:
    probes: list[CpuProbe] = []
    try:
        result = await run_segment(
            port=server.port,
            clients=clients,
            duration=duration,
            setup=scenario.setup,
            request=scenario.run,
            max_requests=MAX_REQUESTS_PER_SEGMENT,
            seed=seed,
            on_start=lambda: probes.append(probe(server)),
        )
    except (SetupError, OSError, asyncio.IncompleteReadError, ProtocolError) as error:
        failure = f"{type(error).__name__}: {error}"[:300]
        return Segment(scenario.name, round_number, SegmentResult(), 0.0, 0.0, 0.0, 0.0, failure=failure)
    start, after = probes[0], probe(server)
    total = after.machine_total - start.machine_total
    return Segment(
        scenario=scenario.name,
        round=round_number,
        result=result,
        app_cpu=cpu_used(start.app, after.app),
        db_cpu=cpu_used(start.db, after.db),
        machine_busy_share=(after.machine_busy - start.machine_busy) / total if total > 0 else 0.0,
        machine_steal_share=(after.machine_steal - start.machine_steal) / total if total > 0 else 0.0,
        app_wait=cpu_used(start.app_wait, after.app_wait),
        client_wait=after.client_wait - start.client_wait,
        loadavg=after.loadavg,
    )


def describe(segment: Segment, index: int, total: int) -> str:
    if segment.failure:
        return f"[{index}/{total}] {segment.scenario}: FAILED: {segment.failure}"
    r = segment.result
    p50 = percentile(r.latencies, 0.5) * 1000
    errors = f", {r.errors} ERRORS" if r.errors else ""
    seconds = max(r.elapsed, 1e-9)
    return (
        f"[{index}/{total}] {segment.scenario:<16} {r.rps:8.1f} req/s  p50 {p50:6.1f} ms  "
        f"cores used: app {segment.app_cpu / seconds:.2f} db {segment.db_cpu / seconds:.2f} "
        f"client {r.client_cpu / seconds:.2f}; waiting for a CPU: app {segment.app_wait / seconds:.2f} "
        f"client {segment.client_wait / seconds:.2f}; load {segment.loadavg:.1f}{errors}"
    )


def plan(scenarios: list[Scenario], rounds: int) -> list[tuple[Scenario, int]]:
    """Baseline, page, baseline, page, ..., baseline: every page sits between two baseline measurements."""
    order: list[tuple[Scenario, int]] = []
    for round_number in range(rounds):
        for scenario in scenarios:
            order += [(BASELINE, round_number), (scenario, round_number)]
    order.append((BASELINE, rounds - 1))
    return order


async def measure(server: BenchServer, scenarios: list[Scenario], args: argparse.Namespace) -> list[Segment]:
    log(f"warm-up: {args.warmup:g} s per scenario at {args.clients} clients")
    for scenario in [BASELINE, *scenarios]:
        warm = await measure_segment(
            server, scenario, clients=args.clients, duration=args.warmup, round_number=-1, seed=args.seed
        )
        if warm.failure or warm.result.errors:
            problem = warm.failure or warm.result.problems.most_common(1)[0][0]
            log(f"warm-up of {scenario.name} had errors: {problem}")
    segments: list[Segment] = []
    order = plan(scenarios, args.rounds)
    segment_seconds = args.duration / args.rounds
    for index, (scenario, round_number) in enumerate(order, start=1):
        segment = await measure_segment(
            server,
            scenario,
            clients=args.clients,
            duration=segment_seconds,
            round_number=round_number,
            seed=args.seed + index,
        )
        log(describe(segment, index, len(order)))
        segments.append(segment)
    return segments


@dataclass
class Row:
    name: str
    rps: float
    p50_ms: float
    p95_ms: float
    ratio: float
    ratios: list[float]
    errors: int
    requests: int
    app_ms: float | None
    db_ms: float | None
    client_share: float
    problems: dict[str, int]
    failure: str | None
    baseline_rps: list[float]

    @property
    def server_ms(self) -> float | None:
        """CPU milliseconds per request in gunicorn and PostgreSQL together."""
        if self.app_ms is None:
            return None
        return self.app_ms + (self.db_ms or 0.0)

    def cpu_ratio(self, baseline: Row) -> float | None:
        """The baseline's server CPU per request over this page's: the ratio a CPU-bound server would reach."""
        if not self.server_ms or not baseline.server_ms:
            return None
        return baseline.server_ms / self.server_ms

    @property
    def meets_goal(self) -> bool:
        return self.ratio >= GOAL_RATIO

    @property
    def failed(self) -> bool:
        return self.errors > 0 or self.failure is not None


def summarise(segments: list[Segment], scenarios: list[Scenario]) -> tuple[Row, list[Row]]:
    baseline_indexes = [i for i, s in enumerate(segments) if s.scenario == BASELINE.name]
    baseline_row = _row(BASELINE.name, [segments[i] for i in baseline_indexes], None, [1.0])
    rows = []
    for scenario in scenarios:
        picked = [i for i, s in enumerate(segments) if s.scenario == scenario.name]
        ratios, used = [], set()
        for i in picked:
            # The baseline measured right before and right after this segment is its yardstick.
            neighbours = [j for j in (i - 1, i + 1) if j in baseline_indexes and segments[j].result.rps > 0]
            used.update(neighbours)
            reference = statistics.fmean(segments[j].result.rps for j in neighbours) if neighbours else 0.0
            if reference > 0 and not segments[i].failure:
                ratios.append(segments[i].result.rps / reference)
        baseline_rps = [segments[j].result.rps for j in sorted(used)]
        rows.append(_row(scenario.name, [segments[i] for i in picked], baseline_rps, ratios))
    return baseline_row, rows


def _row(name: str, segments: list[Segment], baseline_rps: list[float] | None, ratios: list[float]) -> Row:
    requests = sum(s.result.requests for s in segments)
    elapsed = sum(s.result.elapsed for s in segments)
    latencies = [value for s in segments for value in s.result.latencies]
    problems: dict[str, int] = {}
    for s in segments:
        for problem, count in s.result.problems.items():
            problems[problem] = problems.get(problem, 0) + count
    rps = requests / elapsed if elapsed > 0 else 0.0
    return Row(
        name=name,
        rps=rps,
        p50_ms=percentile(latencies, 0.5) * 1000,
        p95_ms=percentile(latencies, 0.95) * 1000,
        # The median over rounds: one burst of other work on the machine moves it less than it moves a mean.
        ratio=statistics.median(ratios) if ratios else 0.0,
        ratios=ratios,
        errors=sum(s.result.errors for s in segments),
        requests=requests,
        app_ms=sum(s.app_cpu for s in segments) / requests * 1000 if requests else None,
        db_ms=sum(s.db_cpu for s in segments) / requests * 1000 if requests else None,
        client_share=sum(s.result.client_cpu for s in segments) / elapsed if elapsed > 0 else 0.0,
        problems=problems,
        failure=next((s.failure for s in segments if s.failure), None),
        baseline_rps=baseline_rps if baseline_rps is not None else [s.result.rps for s in segments],
    )


def table(baseline: Row, rows: list[Row]) -> str:
    header = (
        f"{'scenario':<16} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'ratio':>6} {'range':>9} {'goal':>5} {'errors':>7}"
        f" {'app ms/req':>10} {'db ms/req':>9} {'cpu ratio':>9}"
    )
    lines = [header, "-" * len(header)]

    def ms(value: float | None) -> str:
        return f"{value:10.2f}" if value is not None else f"{'-':>10}"

    def ratio(value: float | None) -> str:
        return f"{value:9.2f}" if value is not None else f"{'-':>9}"

    def spread(row: Row) -> str:
        if row is baseline or len(row.ratios) < 2:
            return "-"
        return f"{min(row.ratios):.2f}-{max(row.ratios):.2f}"

    for row in [baseline, *rows]:
        if row.failure:
            lines.append(f"{row.name:<16} failed: {row.failure}")
            continue
        goal = "ERR" if row.failed else "-" if row is baseline else "yes" if row.meets_goal else "NO"
        errors = f"{row.errors}{' !' if row.errors else ''}"
        lines.append(
            f"{row.name:<16} {row.rps:8.1f} {row.p50_ms:7.1f} {row.p95_ms:7.1f} {row.ratio:6.2f} {spread(row):>9}"
            f" {goal:>5} {errors:>7} {ms(row.app_ms)} {ms(row.db_ms)[1:]} {ratio(row.cpu_ratio(baseline))}"
        )
    return "\n".join(lines)


def git_state() -> dict[str, Any]:
    def git(*args: str) -> str:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            return subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10, check=False
            ).stdout.strip()
        return ""

    return {"commit": git("rev-parse", "HEAD"), "changed_files": len(git("status", "--porcelain").splitlines())}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/load.py", description="Time the portal's pages against a bare baseline view (see bench/README.md)."
    )
    parser.add_argument("--clients", type=int, default=16, help="concurrent keep-alive clients (default: 16)")
    parser.add_argument("--duration", type=float, help="seconds per scenario, split over the rounds (default: 8)")
    parser.add_argument("--warmup", type=float, help="warm-up seconds per scenario before timing (default: 1.5)")
    parser.add_argument("--rounds", type=int, help="interleaved passes over the scenarios (default: 4, quick: 1)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 2 s per scenario, short warm-up")
    parser.add_argument("--only", help="comma-separated scenario names (the baseline always runs)")
    parser.add_argument("--list", action="store_true", help="list the scenarios and data generators, then exit")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default: %(default)s)")
    parser.add_argument(
        "--worker-class",
        default="sync",
        choices=["gthread", "sync"],
        help="gunicorn worker class (default: %(default)s)",
    )
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker (default: 4)")
    parser.add_argument("--fresh-db", action="store_true", help="drop and recreate the benchmark database first")
    parser.add_argument(
        "--static-manifest",
        choices=["auto", "on", "off"],
        default="auto",
        help="manifest static storage as in production; auto falls back to plain storage if collectstatic fails",
    )
    parser.add_argument("--json", type=Path, help="results file (default: bench/results/load-<time>.json)")
    parser.add_argument("--seed", type=int, default=1, help="seed for the visitors' random choices (default: 1)")
    args = parser.parse_args(argv)
    if args.duration is None:
        args.duration = 2.0 if args.quick else 8.0
    if args.rounds is None:
        args.rounds = 1 if args.quick else 4
    if args.warmup is None:
        args.warmup = 0.5 if args.quick else 1.5
    if not 1 <= args.clients <= 512:
        parser.error("--clients must be between 1 and 512")
    if not 0.2 <= args.duration <= 600 or not 0 <= args.warmup <= 60 or not 1 <= args.rounds <= 20:
        parser.error("--duration must be 0.2-600 s, --warmup 0-60 s and --rounds 1-20")
    if args.duration / args.rounds < 0.2:
        parser.error("--duration / --rounds must leave at least 0.2 s per segment")
    return args


def list_registry() -> None:
    print("Scenarios (the baseline always runs):")
    for scenario in [BASELINE, *SCENARIOS]:
        path = scenario.path if isinstance(scenario.path, str) else "(varies)"
        needs = f"  needs: {', '.join(scenario.needs)}" if scenario.needs else ""
        print(f"  {scenario.name:<16} {scenario.method:<5} {path:<32} {scenario.description}{needs}")
    print("Data generators:")
    for generator in data.GENERATORS:
        print(f"  {generator.name:<16} {generator.description}")
    if not data.GENERATORS:
        print("  (none yet)")


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list:
        list_registry()
        return 0
    try:
        scenarios = select([name.strip() for name in args.only.split(",") if name.strip()] if args.only else None)
        needs = tuple(dict.fromkeys(need for scenario in scenarios for need in scenario.needs))
        data.resolve(needs)
    except KeyError as error:
        print(error.args[0], file=sys.stderr)
        return 2

    signal.signal(signal.SIGTERM, _terminate)
    config = ServerConfig(workers=args.workers, worker_class=args.worker_class, threads=args.threads)
    if args.static_manifest != "auto":
        config.static_manifest = args.static_manifest
    server = BenchServer(
        database_url=os.environ.get("DATABASE_URL"), config=config, fresh_db=args.fresh_db, generators=needs
    )
    started_at = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    load_before = os.getloadavg()
    began = time.perf_counter()
    try:
        server.start()
        segments = asyncio.run(measure(server, scenarios, args))
    except KeyboardInterrupt:
        log("interrupted; stopping the server")
        return 130
    except SetupFailed as error:
        log(f"setup failed: {error}")
        return 2
    finally:
        server.stop()

    baseline, rows = summarise(segments, scenarios)
    print()
    print(table(baseline, rows))
    spread = baseline.baseline_rps
    print()
    if spread:
        low, high = min(spread), max(spread)
        print(
            f"baseline over {len(spread)} segments: {low:.0f}-{high:.0f} req/s "
            f"(spread {(high - low) / baseline.rps * 100 if baseline.rps else 0:.0f}% of the mean)"
        )
    client_share = sum(s.result.client_cpu for s in segments) / max(sum(s.result.elapsed for s in segments), 1e-9)
    cores = os.cpu_count() or 1
    busy = sum(s.machine_busy_share for s in segments) / max(len(segments), 1)
    app_cpu, app_wait = sum(s.app_cpu for s in segments), sum(s.app_wait for s in segments)
    loads = [s.loadavg for s in segments if not s.failure]
    print(
        f"load generator: {client_share:.2f} cores on average ({client_share / cores * 100:.0f}% of {cores}); "
        f"machine busy {busy * 100:.0f}% while timing, 1-min load average {min(loads, default=0):.1f}-"
        f"{max(loads, default=0):.1f} on {cores} cores"
    )
    if app_cpu > 0:
        print(
            f"gunicorn waited for a CPU {app_wait / app_cpu:.1f} s per second of work "
            "(0 on an idle machine; above ~1, other processes competed hard and req/s ratios are noisy)"
        )
    print(
        f"goal: ratio >= {GOAL_RATIO}; ratio = median over rounds of req/s over the baseline's req/s right before and "
        "after (range: lowest-highest round); cpu ratio = the baseline's server CPU per request over the page's"
    )
    for note in server.notes:
        print(f"note: {note}")
    for row in rows + [baseline]:
        for problem, count in sorted(row.problems.items(), key=lambda item: -item[1])[:3]:
            print(f"errors in {row.name}: {count} x {problem}")

    output = args.json or RESULTS_DIR / f"load-{time.strftime('%Y%m%d-%H%M%S')}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "started_at": started_at,
        "wall_seconds": round(time.perf_counter() - began, 1),
        "git": git_state(),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "loadavg_before": load_before,
            "loadavg_after": os.getloadavg(),
        },
        "settings": {
            "clients": args.clients,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "rounds": args.rounds,
            "workers": args.workers,
            "worker_class": args.worker_class,
            "threads": args.threads if args.worker_class == "gthread" else 1,
            "static_manifest": server.static_manifest_used,
            "database": server.database.name if server.database else None,
            "goal_ratio": GOAL_RATIO,
        },
        "notes": server.notes,
        "summary": [
            {
                "scenario": row.name,
                "rps": round(row.rps, 1),
                "p50_ms": round(row.p50_ms, 2),
                "p95_ms": round(row.p95_ms, 2),
                "ratio": round(row.ratio, 3),
                "ratio_per_round": [round(value, 3) for value in row.ratios],
                "meets_goal": row.meets_goal if row is not baseline else None,
                "requests": row.requests,
                "errors": row.errors,
                "problems": row.problems,
                "failure": row.failure,
                "app_cpu_ms_per_request": round(row.app_ms, 3) if row.app_ms is not None else None,
                "db_cpu_ms_per_request": round(row.db_ms, 3) if row.db_ms is not None else None,
                "cpu_ratio": round(cpu, 3) if (cpu := row.cpu_ratio(baseline)) is not None else None,
                "client_cpu_share": round(row.client_share, 3),
                "baseline_rps_used": [round(value, 1) for value in row.baseline_rps],
            }
            for row in [baseline, *rows]
        ],
        "segments": [segment.as_json() for segment in segments],
    }
    output.write_text(json.dumps(report, indent=2) + "\n")
    print(f"results: {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    failed = [row.name for row in [baseline, *rows] if row.failed]
    if failed:
        print(f"FAILED: errors in {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
