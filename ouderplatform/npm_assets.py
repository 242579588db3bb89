"""Static files from npm packages (node_modules), exposing only the files the portal uses.

A whole `dist/` folder often holds files that refer to assets the package does not ship (the Utrecht design tokens'
icon CSS names an SVG that is not in the package), and the manifest storage refuses those at collectstatic time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import utils
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage, Error
from django.core.files.storage import FileSystemStorage


class NpmFinder(BaseFinder):
    """Finds the files listed in settings.NPM_ASSETS: {static prefix: (folder in node_modules, [files] or None)}.

    None exposes the whole folder (for packages such as Leaflet whose CSS refers to its own images).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        root = Path(settings.BASE_DIR) / "node_modules"
        self.entries: list[tuple[str, FileSystemStorage, list[str] | None]] = []
        for prefix, (folder, files) in settings.NPM_ASSETS.items():
            storage = FileSystemStorage(location=root / folder)
            storage.prefix = prefix  # type: ignore[attr-defined]
            self.entries.append((prefix, storage, files))

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        errors: list[CheckMessage] = []
        for prefix, storage, files in self.entries:
            for name in files or [""]:
                if not Path(storage.path(name)).exists():
                    errors.append(
                        Error(
                            f"npm asset {prefix}/{name} is missing at {storage.path(name)}.",
                            hint="Run `npm ci --ignore-scripts` (./dev run and ./dev test do this).",
                            id="ouderplatform.E001",
                        )
                    )
        return errors

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> str | list[str]:
        matches: list[str] = []
        for prefix, storage, files in self.entries:
            if not path.startswith(prefix + "/"):
                continue
            name = path.removeprefix(prefix + "/")
            if (files is None or name in files) and storage.exists(name):
                if not find_all:
                    return storage.path(name)
                matches.append(storage.path(name))
        return matches if find_all else ""

    def list(self, ignore_patterns: list[str] | None) -> Iterator[tuple[str, FileSystemStorage]]:
        for _prefix, storage, files in self.entries:
            if files is None:
                for name in utils.get_files(storage, ignore_patterns):
                    yield name, storage
            else:
                for name in files:
                    if storage.exists(name):
                        yield name, storage
