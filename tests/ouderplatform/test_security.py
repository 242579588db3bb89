from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "prod-like-" + "k" * 60 + "-0123456789-QWERTYUIOP",
    "ALLOWED_HOSTS": "ouderplatform.example",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_COOKIES": "1",
    "STATIC_MANIFEST": "1",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # Drop what pytest-env set for the test run (DJANGO_ALLOW_ASYNC_UNSAFE, TASKS_BACKEND…): production has none.
    test_only = {"DJANGO_ALLOW_ASYNC_UNSAFE", "TASKS_BACKEND", *PRODUCTION_ENV}
    full_env = {k: v for k, v in os.environ.items() if k not in test_only} | env
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_deploy_check_passes_with_production_settings() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key() -> None:
    env = PRODUCTION_ENV | {"SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client: Client) -> None:
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_https_requests_get_hsts_in_production(client: Client, settings: object) -> None:
    settings.SECURE_HSTS_SECONDS = 31536000  # type: ignore[attr-defined]
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_settings_secure_cookies_and_https() -> None:
    script = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.DEBUG)"
    )
    result = manage("shell", "-v0", "-c", script, env=PRODUCTION_ENV)
    assert result.stdout.split() == ["True", "True", "True", "31536000", "False"], result.stderr


def test_sqlite_is_nowhere() -> None:
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    for path in (settings.BASE_DIR / "ouderplatform").glob("*.py"):
        assert "sqlite" not in path.read_text(), path


def test_collectstatic_works_with_the_production_manifest_storage(tmp_path: object) -> None:
    result = manage("collectstatic", "--no-input", "-v0", env=PRODUCTION_ENV | {"STATIC_ROOT": str(tmp_path)})
    assert result.returncode == 0, result.stderr[-3000:]
    manifest = (tmp_path / "staticfiles.json").read_text()  # type: ignore[operator]
    assert "vendor/utrecht/index.css" in manifest
    assert "css/portal.css" in manifest
