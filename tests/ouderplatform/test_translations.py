"""The English translation is complete and stays complete.

Our msgids are Dutch (the source language); locale/en holds the English. These tests fail when a Dutch string in
the code has no English translation yet, so whoever adds text also runs makemessages and translates it
(the command is at the top of locale/en/LC_MESSAGES/django.po).
"""

from __future__ import annotations

import gettext
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

BASE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = BASE_DIR / "locale"
EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
PO_FILES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))
# The same folders the documented makemessages command ignores, plus what is never source code.
IGNORED = [".venv", "node_modules", "staticfiles", "bench", "tests"]
NOT_SOURCE = {".git", ".pgdata", ".ruff_cache", ".pytest_cache", "__pycache__", "locale", "htmlcov", "test-artifacts"}
SOURCE_SUFFIXES = {".py", ".html", ".txt"}  # makemessages' default extensions for the "django" domain


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.msgctxt, self.msgid, self.msgid_plural)

    def describe(self) -> str:
        return f"line {self.line}: {self.msgid!r}" + (f" (context {self.msgctxt!r})" if self.msgctxt else "")


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[(\d+)\])?)\s+"(.*)"$')


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def parse_po(path: Path) -> list[Entry]:
    """The entries of a .po file (the header included, obsolete #~ entries left out); no third-party parser."""
    entries: list[Entry] = []
    entry, target = Entry(), ""

    def finish() -> None:
        nonlocal entry, target
        if target:
            entries.append(entry)
        entry, target = Entry(), ""

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#,"):
            if target.startswith("msgstr"):
                finish()
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            if target.startswith("msgstr"):
                finish()
        elif match := _KEYWORD.match(line):
            keyword, index, value = match.groups()
            if keyword in ("msgctxt", "msgid") and target.startswith("msgstr"):
                finish()
            target = keyword if index is None else f"msgstr[{index}]"
            if keyword == "msgid":
                entry.line = number
            _append(entry, target, _unquote(value), start=True)
        elif line.startswith('"') and line.endswith('"') and target:
            _append(entry, target, _unquote(line[1:-1]), start=False)
        else:
            raise ValueError(f"{path}:{number}: cannot read {raw!r}")
    finish()
    return entries


def _append(entry: Entry, target: str, value: str, *, start: bool) -> None:
    if target.startswith("msgstr"):
        index = int(target[7:-1]) if "[" in target else 0
        entry.msgstr[index] = ("" if start else entry.msgstr.get(index, "")) + value
    elif target == "msgctxt":
        entry.msgctxt = value if start else (entry.msgctxt or "") + value
    elif target == "msgid_plural":
        entry.msgid_plural = value if start else (entry.msgid_plural or "") + value
    else:
        entry.msgid = value if start else entry.msgid + value


def messages(path: Path) -> list[Entry]:
    return [entry for entry in parse_po(path) if entry.msgid]


def test_there_is_an_english_translation() -> None:
    assert EN_PO.is_file(), f"{EN_PO} is missing"
    assert len(messages(EN_PO)) > 50


@pytest.mark.parametrize("po", PO_FILES, ids=lambda path: path.parent.parent.name)
def test_every_entry_is_translated_and_none_is_fuzzy(po: Path) -> None:
    header = parse_po(po)[0]
    problems = [f"line {header.line}: the header is marked fuzzy"] if "fuzzy" in header.flags else []
    for entry in messages(po):
        if "fuzzy" in entry.flags:
            problems.append(f"{entry.describe()} is fuzzy: check the translation and remove the flag")
        expected = 2 if entry.msgid_plural is not None else 1
        if len(entry.msgstr) < expected or not all(entry.msgstr.values()):
            problems.append(f"{entry.describe()} has no translation")
    assert not problems, f"{po.relative_to(BASE_DIR)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("po", PO_FILES, ids=lambda path: path.parent.parent.name)
def test_the_compiled_mo_file_matches_the_po_file(po: Path) -> None:
    mo = po.with_suffix(".mo")
    assert mo.is_file(), f"{mo} is missing: run `manage.py compilemessages --ignore=.venv`"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in messages(po):
        msgid = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is None:
            found = compiled._catalog.get(msgid)
            if found != entry.msgstr.get(0):
                stale.append(entry.describe())
        elif any(compiled._catalog.get((msgid, i)) != text for i, text in entry.msgstr.items()):
            stale.append(entry.describe())
    assert not stale, f"{mo} is out of date: run `manage.py compilemessages --ignore=.venv`. Differs:\n" + "\n".join(
        stale
    )


def _copy_sources(destination: Path) -> None:
    """Copy only what makemessages reads (.py, .html, .txt) so it works on the copy and leaves locale/ alone."""
    root = BASE_DIR

    def ignore(directory: str, names: list[str]) -> set[str]:
        here = Path(directory)
        skipped = set()
        for name in names:
            path = here / name
            if path.is_dir():
                if name in NOT_SOURCE or (here == root and name in IGNORED) or name.startswith("."):
                    skipped.add(name)
            elif path.suffix not in SOURCE_SUFFIXES:
                skipped.add(name)
        return skipped

    shutil.copytree(root, destination, ignore=ignore)


def test_makemessages_finds_no_string_that_is_missing_from_the_po_file(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("xgettext") is None:
        pytest.fail("makemessages needs GNU gettext (xgettext); install the package `gettext`.", pytrace=False)
    copy = tmp_path / "src"
    _copy_sources(copy)
    settings.LOCALE_PATHS = [str(copy / "locale")]
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["en"], ignore_patterns=IGNORED, no_obsolete=True, verbosity=0)

    fresh = {entry.key: entry for entry in messages(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")}
    committed = {entry.key for entry in messages(EN_PO)}
    missing = [entry.describe().split(": ", 1)[1] for key, entry in fresh.items() if key not in committed]
    assert not missing, (
        f"{len(missing)} Dutch string(s) in the code are not in {EN_PO.relative_to(BASE_DIR)}. "
        "Run makemessages (see the top of that file), translate them and run compilemessages:\n" + "\n".join(missing)
    )


@pytest.mark.django_db
def test_the_language_switch_shows_the_site_in_english(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302

    content = client.get("/").content.decode()
    assert '<html lang="en"' in content
    for text in [
        "Schools and support points",
        "Knowledge base",
        "Help from a buddy",
        "Ask a question",
        "Skip to content",
        "Choose your region",
        "Sign in",
        "Help with inclusive education for your child",
    ]:
        assert text in content, f"{text!r} is not on the English home page"
    assert "Scholen en steunpunten" not in content
    assert re.search(r'<button [^>]*lang="nl"[^>]*>Nederlands</button>', content)


@pytest.mark.django_db
def test_account_pages_and_the_admin_follow_the_language_switch(client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    login = client.get("/account/login/").content.decode()
    assert re.search(r"<title>\s*Sign In\s*–", login), "allauth's login page is not in English"
    assert "Inloggen" not in login

    admin = client.get("/beheer/login/", follow=True).content.decode()
    assert "Ouderplatform – admin" in admin
    assert "Ouderplatform – beheer" not in admin


@pytest.mark.django_db
def test_dutch_stays_the_default(client: Client) -> None:
    content = client.get("/", headers={"accept-language": ""}).content.decode()
    assert '<html lang="nl"' in content
    assert "Scholen en steunpunten" in content
    assert re.search(r'<button [^>]*lang="en"[^>]*>English</button>', content)
