"""Validate every HTML page the tests render with the Nu Html Checker (vnu.jar), in one run at the end.

While the tests run, every HTML document Django serves is saved once (keyed by a hash of its content) into a folder:
pages fetched with the test client and pages the browser loads from the live server alike, error pages (400, 403,
404) included, because the hook sits in Django's request handler. At the end of the session a single
`java -jar vnu.jar` run checks them all (vnu starts slowly, so never once per URL); any error fails the run with a
report naming the URL, the test that rendered it, the line and the message.

`HTML_VALIDATE=0` switches it off for quick local runs. Under pytest-xdist the controller makes the folder and
validates; the workers only fill the folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SWITCH = "HTML_VALIDATE"
WORKER_INPUT_KEY = "html_validation_dir"
# The CSRF token differs on every request; without this every page with a form would be saved (and checked) again.
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = rb"csrf-token-normalised-for-validation"

STORE_KEY = pytest.StashKey["PageStore"]()
UNINSTALL_KEY = pytest.StashKey[Callable[[], None]]()
PAGES_CHECKED_KEY = pytest.StashKey[int]()
REPORT_KEY = pytest.StashKey[list[str]]()


def enabled() -> bool:
    return os.environ.get(SWITCH, "1").strip().lower() not in {"0", "false", "no", "off"}


def looks_like_document(content: bytes) -> bool:
    """A whole page rather than a fragment (an htmx partial) or plain text sent as text/html."""
    head = content[:2048].lstrip().lower()
    return head.startswith(b"<!doctype") or b"<html" in head


@dataclass
class PageStore:
    """A folder of pages to validate: `pages/<hash>.html`, and `meta/<hash>.json` saying where each came from.

    Files are written to `tmp/` first and then moved, because another xdist worker may save the same page at the same
    moment.
    """

    folder: Path
    current_test: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        for name in ("pages", "meta", "tmp"):
            (self.folder / name).mkdir(parents=True, exist_ok=True)

    def add(self, *, content: bytes, method: str, url: str, status: int) -> None:
        normalised = CSRF_INPUT.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", content)
        digest = hashlib.sha256(normalised).hexdigest()[:32]
        meta = self.folder / "meta" / f"{digest}.json"
        with self._lock:
            if meta.exists():
                return
            partial = self.folder / "tmp" / f"{digest}.{os.getpid()}.{threading.get_ident()}"
            partial.write_bytes(normalised)
            partial.replace(self.folder / "pages" / f"{digest}.html")
            try:
                with meta.open("x", encoding="utf-8") as file:
                    json.dump({"method": method, "url": url, "status": status, "test": self.current_test}, file)
            except FileExistsError:
                pass

    def metadata(self, digest: str) -> dict[str, Any]:
        try:
            return json.loads((self.folder / "meta" / f"{digest}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def page_count(self) -> int:
        return sum(1 for _ in (self.folder / "pages").glob("*.html"))


def record_response(store: PageStore, request: Any, response: Any) -> None:
    """Save `response` when it is an HTML document; called for every response Django's handler returns."""
    content_type = response.get("Content-Type", "")
    if getattr(response, "streaming", False) or not content_type.startswith("text/html"):
        return
    content = response.content
    if not content or not looks_like_document(content):
        return
    store.add(content=content, method=request.method, url=request.get_full_path(), status=response.status_code)


def install_handler_hook(store: PageStore) -> Callable[[], None]:
    """Wrap Django's BaseHandler so that every response (test client, live server, sync or async) is recorded.

    Returns a function that removes the hook again.
    """
    from django.core.handlers.base import BaseHandler

    original_sync = BaseHandler.get_response
    original_async = BaseHandler.get_response_async

    def get_response(self: BaseHandler, request: Any) -> Any:
        response = original_sync(self, request)
        record_response(store, request, response)
        return response

    async def get_response_async(self: BaseHandler, request: Any) -> Any:
        response = await original_async(self, request)
        record_response(store, request, response)
        return response

    BaseHandler.get_response = get_response  # type: ignore[method-assign]
    BaseHandler.get_response_async = get_response_async  # type: ignore[method-assign]

    def uninstall() -> None:
        BaseHandler.get_response = original_sync  # type: ignore[method-assign]
        BaseHandler.get_response_async = original_async  # type: ignore[method-assign]

    return uninstall


def require_java() -> str:
    java = shutil.which("java")
    if java is None:
        raise pytest.UsageError(
            "HTML validation needs Java for the Nu Html Checker, and `java` is not on PATH. "
            "Install it with: apt-get install -y default-jre-headless  (or run with HTML_VALIDATE=0 to skip it)."
        )
    if not VNU_JAR.is_file():
        raise pytest.UsageError(f"HTML validation needs {VNU_JAR}; run `npm ci` (package vnu-jar).")
    return java


def run_vnu(store: PageStore, *, java: str) -> list[str]:
    """Check every saved page in one vnu run; return readable error lines (empty when all pages are valid)."""
    pages_dir = store.folder / "pages"
    command = [java, "-jar", str(VNU_JAR), "--errors-only", "--exit-zero-always", "--format", "json", str(pages_dir)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)  # noqa: S603
    output = completed.stderr or completed.stdout
    try:
        messages = json.loads(output[output.index("{") :])["messages"]
    except (ValueError, KeyError) as error:
        return [f"The Nu Html Checker did not run ({error}); exit code {completed.returncode}:", output.strip()]
    by_page: dict[str, list[dict[str, Any]]] = {}
    for message in messages:
        if message.get("type") in {"info", "warning"}:
            continue
        digest = Path(message.get("url", "")).stem
        by_page.setdefault(digest, []).append(message)
    return format_report(store, by_page)


def format_report(store: PageStore, by_page: dict[str, list[dict[str, Any]]]) -> list[str]:
    """One entry per URL and set of errors; other renderings of a URL with the same errors are only counted."""
    groups: dict[tuple[str, ...], list[tuple[str, list[dict[str, Any]]]]] = {}
    for digest, messages in by_page.items():
        meta = store.metadata(digest)
        where = f"{meta.get('method', '?')} {meta.get('url', '(unknown URL)')} ({meta.get('status', '?')})"
        errors = sorted({f"{m.get('message', '')}\0{m.get('extract', '')}" for m in messages})
        groups.setdefault((where, *errors), []).append((digest, messages))
    lines: list[str] = []
    for key in sorted(groups):
        renderings = groups[key]
        digest, messages = renderings[0]
        lines.append(f"{key[0]}, first rendered by {store.metadata(digest).get('test') or '(outside a test)'}")
        for message in sorted(messages, key=lambda m: (m.get("lastLine", 0), m.get("firstColumn", 0))):
            position = f"line {message.get('lastLine', '?')}, column {message.get('firstColumn', '?')}"
            extract = " ".join(str(message.get("extract", "")).split())
            lines.append(f"  {position}: {message.get('message', '')}" + (f"   «{extract}»" if extract else ""))
        saved = store.folder / "pages" / f"{digest}.html"
        same = f"; {len(renderings) - 1} more rendering(s) with the same errors" if len(renderings) > 1 else ""
        lines.append(f"  (saved as {saved}{same})")
    if groups:
        lines.insert(0, f"The Nu Html Checker found errors in {len(groups)} page(s):")
    return lines


def _is_xdist_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    if _is_xdist_worker(config):
        folder = config.workerinput.get(WORKER_INPUT_KEY)  # type: ignore[attr-defined]
        if folder:
            config.stash[STORE_KEY] = PageStore(Path(folder))
        return
    if not enabled():
        return
    require_java()
    config.stash[STORE_KEY] = PageStore(Path(tempfile.mkdtemp(prefix="html-validate-")))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    store = node.config.stash.get(STORE_KEY, None)
    if store is not None:
        node.workerinput[WORKER_INPUT_KEY] = str(store.folder)


def pytest_sessionstart(session: pytest.Session) -> None:
    store = session.config.stash.get(STORE_KEY, None)
    if store is not None:
        session.config.stash[UNINSTALL_KEY] = install_handler_hook(store)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    # Runs where the test runs (an xdist worker, too), so each saved page names the test that rendered it first.
    store = item.config.stash.get(STORE_KEY, None)
    if store is not None:
        store.current_test = item.nodeid


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    uninstall = config.stash.get(UNINSTALL_KEY, None)
    if uninstall is not None:
        uninstall()
        del config.stash[UNINSTALL_KEY]
    store = config.stash.get(STORE_KEY, None)
    if store is None or _is_xdist_worker(config):
        return
    if exitstatus not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        shutil.rmtree(store.folder, ignore_errors=True)  # interrupted or broken: nothing worth reporting
        return
    config.stash[PAGES_CHECKED_KEY] = store.page_count()
    if config.stash[PAGES_CHECKED_KEY] == 0:
        shutil.rmtree(store.folder, ignore_errors=True)
        return
    report = run_vnu(store, java=require_java())
    config.stash[REPORT_KEY] = report
    if not report:
        shutil.rmtree(store.folder, ignore_errors=True)
    elif session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    report = config.stash.get(REPORT_KEY, None)
    if report is None:
        return
    if not report:
        terminalreporter.write_line(f"Nu Html Checker: all {config.stash[PAGES_CHECKED_KEY]} HTML pages are valid.")
        return
    terminalreporter.write_sep("=", "HTML validation (Nu Html Checker)", red=True, bold=True)
    for line in report:
        terminalreporter.write_line(line)
    # Shows up in the final "N passed, M invalid html pages" line, so a green-looking run is not mistaken for a pass.
    invalid_pages = [line for line in report[1:] if not line.startswith(" ")]
    terminalreporter.stats.setdefault("invalid html pages", []).extend(invalid_pages)
