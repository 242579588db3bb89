"""Run data generators inside Django: `python -m bench.data.generate NAME [NAME ...] [--seed N]` or `--list`.

load.py runs this with the benchmark's environment (its DATABASE_URL); running it by hand needs the same
environment, or it writes to the database that the settings pick.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from bench.data import GENERATORS, resolve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.data.generate", description=__doc__)
    parser.add_argument("names", nargs="*", help="generators to run, in order")
    parser.add_argument("--seed", type=int, default=20260101, help="random seed (default: %(default)s)")
    parser.add_argument("--list", action="store_true", help="list the generators and exit")
    args = parser.parse_args(argv)
    if args.list or not args.names:
        for generator in GENERATORS:
            print(f"{generator.name:<24} {generator.description}")
        if not GENERATORS:
            print("(no data generators registered yet)")
        return 0
    try:
        generators = resolve(args.names)
    except KeyError as error:
        print(error.args[0], file=sys.stderr)
        return 2

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ouderplatform.settings")
    import django

    django.setup()
    for generator in generators:
        started = time.perf_counter()
        summary = generator.load()(seed=args.seed)
        print(f"{generator.name}: {summary} ({time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
