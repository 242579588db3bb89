"""Data generators: national-scale data that a benchmark scenario needs before its numbers mean anything.

A generator is a function in a module of this package, registered below by name. It runs inside Django (settings
from the benchmark's environment, so on the benchmark's own database) through `python -m bench.data.generate`,
which load.py calls for the generators the selected scenarios list in `Scenario.needs`.

Contract for a generator function `generate(*, seed: int) -> str`:
- idempotent: it checks what is already there and only adds what is missing, so a second run costs seconds;
- deterministic for a given seed (use `random.Random(seed)`), so runs on different machines compare;
- bulk writes (`bulk_create` in batches of a few thousand), never one query per row;
- it returns a one-line summary ("50,000 questions (12 s)") that the benchmark logs.

Registering one is a line in GENERATORS, for example:
    Generator("questions_50k", "50,000 parent questions over 3 support points", "bench.data.questions:generate"),
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Generator:
    name: str
    description: str
    # "module:function", imported only when the generator runs, so listing names needs no Django.
    target: str

    def load(self) -> Callable[..., str]:
        module_name, _, function_name = self.target.partition(":")
        function: Callable[..., str] = getattr(importlib.import_module(module_name), function_name)
        return function


GENERATORS: list[Generator] = [
    Generator(
        "school_profiles",
        "a support profile (needs, facilities) for every open school location in the country",
        "bench.data.school_profiles:generate",
    ),
    Generator(
        "buddies_500", "500 screened buddies at one support point and an open request", "bench.data.buddies:generate"
    ),
    Generator("kb_articles_5k", "5,000 published knowledge-base articles", "bench.data.knowledgebase:generate"),
    Generator(
        "questions_50k",
        "50,000 escalated parent questions over the demo support points",
        "bench.data.questions:generate",
    ),
]


def by_name() -> dict[str, Generator]:
    return {generator.name: generator for generator in GENERATORS}


def resolve(names: list[str] | tuple[str, ...]) -> list[Generator]:
    known = by_name()
    unknown = [name for name in names if name not in known]
    if unknown:
        raise KeyError(f"unknown data generator(s): {', '.join(unknown)}; known: {', '.join(known) or '(none yet)'}")
    return [known[name] for name in dict.fromkeys(names)]
