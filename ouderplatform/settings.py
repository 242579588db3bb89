"""Settings for ouderplatform, read from the environment (see README.md, "Production")."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Development without a SECRET_KEY gets a fixed, clearly unsafe key; production refuses to start without one.
SECRET_KEY = os.environ.get("SECRET_KEY") or ("dev-only-insecure-key" if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("Set SECRET_KEY (or DEBUG=1 for development).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
SITE_ID = 1

INSTALLED_APPS = [
    "ouderplatform.apps.OuderplatformConfig",
    "accounts",
    "regions",
    "knowledgebase",
    "buddies",
    "backoffice",
    "ouderplatform.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ouderplatform.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffMFAMiddleware",
]

# Form widgets render through the project's templates: templates/django/forms/ adds the NL Design System classes.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "ouderplatform.urls"
WSGI_APPLICATION = "ouderplatform.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regions.context_processors.chosen_region",
                "ouderplatform.pagecache.csrf_placeholder",
            ],
        },
    },
]

# PostgreSQL only. Without DATABASE_URL the project runs its own embedded server (see ouderplatform/embedded_db.py).
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
    DATABASES["default"]["ENGINE"] = "django.db.backends.postgresql"
else:
    from ouderplatform import embedded_db

    DATABASES = {"default": embedded_db.database_settings(BASE_DIR / ".pgdata" / "data")}

# The planner's default price of a random read (4) assumes spinning disks; the working set of this portal sits in
# memory or on SSD. At 4 it scanned all 50,000 escalations for a filtered queue instead of following the question
# index (7.8 ms against 4.0 ms per query). Set PG_RANDOM_PAGE_COST to keep the server's own setting ("").
if random_page_cost := os.environ.get("PG_RANDOM_PAGE_COST", "1.1"):
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c random_page_cost={float(random_page_cost)}"

# One cache shared by every app server (login rate limits must hold across them): a table in PostgreSQL.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ouderplatform_cache",
    },
    # Rendered public pages, per process (see ouderplatform/pagecache.py): losing them costs only a re-render.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
# Who hears about back-office SLA breaches besides the professional (empty: every superuser).
BACKOFFICE_LEAD_EMAILS = env_list("BACKOFFICE_LEAD_EMAILS")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    # Django's and allauth's backends, loading the user with roles and MFA state in one query (accounts/backends.py).
    "accounts.backends.ModelBackend",
    "accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# allauth: e-mail is the login; verification is mandatory before staff work, optional for parents to lower the bar.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Ouderplatform] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Ouderplatform"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Third-party front-end assets come from npm (package-lock.json); only the files we use are exposed.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "ouderplatform.npm_assets.NpmFinder",
]
NPM_ASSETS: dict[str, tuple[str, list[str] | None]] = {
    "vendor/utrecht": ("@utrecht/component-library-css/dist", ["index.css"]),
    "vendor/utrecht-tokens": ("@utrecht/design-tokens/dist", ["index.css"]),
    # Leaflet's CSS refers to its own images, so the whole dist folder.
    "vendor/leaflet": ("leaflet/dist", None),
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# E-mail: the console in development, SMTP from the environment in production (Django's MAILERS setting).
if os.environ.get("EMAIL_BACKEND", "console" if DEBUG else "smtp") == "console":
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("EMAIL_PORT", "25")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", False),
                "timeout": 20,
            },
        }
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Ouderplatform <noreply@ouderplatform.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: a database queue served by `manage.py db_worker`; development runs tasks at once unless asked.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND",
            "django.tasks.backends.immediate.ImmediateBackend" if DEBUG else "django_tasks_db.DatabaseBackend",
        ),
    }
}

# Database sessions (one row per signed-in browser), read through plain SQL: see ouderplatform/sessions.py.
SESSION_ENGINE = "ouderplatform.sessions"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = ["security.W021"]  # HSTS preload is a deliberate opt-in for the operator.

# Content Security Policy: no inline scripts, no third-party origins except map tiles added by later features.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "https://service.pdok.nl"],  # map tiles of the school search (PDOK BRT)
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Personal data: case data of finished matches and questions is anonymised after this many days.
RETENTION_DAYS = int(os.environ.get("RETENTION_DAYS", "365"))
# Staff (coordinators, professionals, superusers) must have MFA before any staff page; tests may switch it off.
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", True)

# The shared open data (DUO school and SWV files) lives beside the repository; operators may point elsewhere.
DUO_DATA_DIR = Path(os.environ.get("DUO_DATA_DIR", BASE_DIR.parent / "shared" / "data" / "duo"))
# Development only: a fixed code that passes the MFA step for the demo staff accounts (allauth refuses it unless DEBUG).
MFA_TOTP_INSECURE_BYPASS_CODE = os.environ.get("MFA_TOTP_INSECURE_BYPASS_CODE", "000000") if DEBUG else None
