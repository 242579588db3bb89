"""The HTML validation plugin itself: an invalid page, error pages included, must make the whole run fail.

Each case runs a small pytest session in a subprocess (a bare Django, no database), with and without pytest-xdist;
the sessions run side by side, as vnu's start-up dominates their time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support.html_validation import REPO_ROOT, PageStore

CONFTEST = """
import django
from django.conf import settings

settings.configure(
    DEBUG=False, SECRET_KEY="not-secret", ALLOWED_HOSTS=["testserver"], ROOT_URLCONF="pages", MIDDLEWARE=[]
)
django.setup()

pytest_plugins = ["tests.support.html_validation"]
"""

PAGES = """
from django.http import HttpResponse
from django.urls import path

VALID = '<!DOCTYPE html><html lang="nl"><head><title>Goed</title></head><body><main><h1>Goed</h1></main></body></html>'
INVALID = '<!DOCTYPE html><html lang="nl"><head><title>Fout</title></head><body><p><div>blok</p></body></html>'


def valid(request):
    return HttpResponse(VALID)


def invalid(request):
    return HttpResponse(INVALID)


def fragment(request):
    return HttpResponse("<li>an htmx fragment, not a page</li>")


def not_found(request, exception):
    return HttpResponse(INVALID.replace("Fout", "Niet gevonden"), status=404)


urlpatterns = [path("goed/", valid), path("fout/", invalid), path("stukje/", fragment)]
handler404 = not_found
"""

TESTS = """
from django.test import Client


def test_valid():
    assert Client().get("/goed/").status_code == 200
    assert Client().get("/stukje/").status_code == 200


def test_invalid():
    assert Client().get("/fout/").status_code == 200


def test_not_found():
    assert Client().get("/bestaat-niet/").status_code == 404
"""

Runs = dict[str, subprocess.CompletedProcess[str]]

CASES = {  # slowest first
    "invalid-xdist": (["-n", "2"], "1"),
    "invalid": ([], "1"),
    "valid-only": (["-k", "test_valid"], "1"),
    "switched-off": ([], "0"),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    project = tmp_path_factory.mktemp("html-validation-project")
    (project / "pytest.ini").write_text("[pytest]\naddopts = -p no:django -p no:playwright -p no:cacheprovider\n")
    (project / "conftest.py").write_text(CONFTEST)
    (project / "pages.py").write_text(PAGES)
    (project / "test_pages.py").write_text(TESTS)
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "PYTEST_ADDOPTS"}}
    env["PYTHONPATH"] = os.pathsep.join([str(project), str(REPO_ROOT)])
    # A failing run keeps its saved pages for inspection; keep those of these runs out of /tmp.
    env["TMPDIR"] = str(project)

    def run(args: list[str], switch: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pytest", "-q", *args]
        env_case = {**env, "HTML_VALIDATE": switch}
        return subprocess.run(  # noqa: S603
            command, cwd=project, env=env_case, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=180
        )

    # Two at a time: more would only make the JVMs fight over the cores.
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(run, args, switch) for name, (args, switch) in CASES.items()}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("case", ["invalid", "invalid-xdist"])
def test_an_invalid_page_fails_the_run_and_is_reported(runs: Runs, case: str) -> None:
    run = runs[case]
    assert run.returncode == 1, run.stdout
    assert "HTML validation (Nu Html Checker)" in run.stdout
    assert "GET /fout/ (200), first rendered by test_pages.py::test_invalid" in run.stdout
    assert "line 1, column" in run.stdout
    assert "No “p” element in scope but a “p” end tag seen." in run.stdout
    assert "3 passed" in run.stdout


@pytest.mark.parametrize("case", ["invalid", "invalid-xdist"])
def test_error_pages_are_validated_too(runs: Runs, case: str) -> None:
    assert "GET /bestaat-niet/ (404), first rendered by test_pages.py::test_not_found" in runs[case].stdout


def test_valid_pages_pass_and_fragments_are_left_alone(runs: Runs) -> None:
    run = runs["valid-only"]
    assert run.returncode == 0, run.stdout
    assert "Nu Html Checker: all 1 HTML pages are valid." in run.stdout


def test_html_validate_0_switches_it_off(runs: Runs) -> None:
    run = runs["switched-off"]
    assert run.returncode == 0, run.stdout
    assert "Nu Html Checker" not in run.stdout


def test_two_renderings_of_a_form_are_saved_once(tmp_path: Path) -> None:
    store = PageStore(tmp_path)
    form = '<!DOCTYPE html><form><input type="hidden" name="csrfmiddlewaretoken" value="{}"></form>'
    store.add(content=form.format("aaa").encode(), method="GET", url="/a/", status=200)
    store.add(content=form.format("bbb").encode(), method="GET", url="/a/", status=200)
    assert store.page_count() == 1
