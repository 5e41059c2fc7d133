"""One settings file, driven by the environment.

DATABASE_URL        any URL dj-database-url accepts; default SQLite in DUEPROCESS_DATA_DIR
DUEPROCESS_DATA_DIR where the default database, documents and keys live (default ./data)
DUEPROCESS_DEBUG    "1" for development (the demo sets it)
DUEPROCESS_LANGUAGE   "zh-hans" (default) or "en": for visitors who have not chosen, and the CLI
DUEPROCESS_SECRET_KEY, DUEPROCESS_ALLOWED_HOSTS, DUEPROCESS_PRODUCTION ("1": secure cookies, HSTS)
DUEPROCESS_TWO_FACTOR_ROLES, DUEPROCESS_CLIENT_ADDRESS_HEADER, DUEPROCESS_UPLOAD_MAX_BYTES (see below)
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from dueprocess.lib.env import env_bool, env_list, env_str, secret_key

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("DUEPROCESS_DATA_DIR", str(Path.cwd() / "data"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DUEPROCESS_DEBUG", False)
PRODUCTION = env_bool("DUEPROCESS_PRODUCTION", False)
SECRET_KEY = secret_key(DATA_DIR)
ALLOWED_HOSTS = env_list("DUEPROCESS_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DUEPROCESS_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # only for the docs page's vendored Swagger UI files
    "dueprocess.web",
    "dueprocess.accounts",
    "dueprocess.people",
    "dueprocess.records",
    "dueprocess.reviews",
    "dueprocess.plans",
    "dueprocess.api",
    "dueprocess.cases",
    "dueprocess.letters",
    "dueprocess.offboarding",
    "dueprocess.portal",
    "dueprocess.reminders",
    "dueprocess.learning",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "dueprocess.accounts.middleware.PolicyAnswersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "dueprocess.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "dueprocess.web.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "dueprocess.urls"
WSGI_APPLICATION = "dueprocess.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dueprocess.web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'dueprocess.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the writer work at once; IMMEDIATE makes every write transaction take the
    # write lock up front, so two writers queue instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("TEST", {})["NAME"] = env_str("DUEPROCESS_TEST_DB", "") or None
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: the recursive scope queries are estimated far above their real size, and PostgreSQL
    # then spent ~400 ms compiling each of them for a few milliseconds of work. And index reads
    # priced for SSD or memory, not spinning disks (the default 4.0): otherwise each scoped list
    # read all 100,000 employees rather than the few thousand it needs (bench/bench_pages.py).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off -c random_page_cost=1.1"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The language of a visitor who has not chosen one, and of the command line.
LANGUAGE_CODE = env_str("DUEPROCESS_LANGUAGE", "zh-hans")
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("DUEPROCESS_TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Only for deployments that collect static files; the embedded server reads them from the packages.
STATIC_ROOT = env_str("DUEPROCESS_STATIC_ROOT", "") or None
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "documents")},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The embedded server serves static files straight from the packages: nothing to collect.
WHITENOISE_USE_FINDERS = True

TASKS = {
    "default": {
        "BACKEND": env_str("DUEPROCESS_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# Several machines: RQ workers on Redis (`dueprocess rqworker --job-class django_tasks_rq.Job default`).
if TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS["default"]["QUEUES"] = ["default"]
    RQ_QUEUES = {"default": {"URL": env_str("DUEPROCESS_REDIS_URL", "redis://127.0.0.1:6379/0")}}
# The embedded server (database task backend) looks for due reminders this often, in minutes.
REMINDERS_EVERY_MINUTES = int(env_str("DUEPROCESS_REMINDERS_EVERY_MINUTES", "15"))
# Where people reach the site, for the links in e-mails (e.g. https://hr.example.com); empty: paths only.
SITE_URL = env_str("DUEPROCESS_SITE_URL", "").rstrip("/")

EMAIL_BACKEND = env_str("DUEPROCESS_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DUEPROCESS_FROM_EMAIL", "dueprocess@localhost")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# A working day at most, and never past closing the browser: HR records are open on shared desks.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Two-factor authentication (TOTP) is required of these roles, and of every superuser.
TWO_FACTOR_ROLES = env_list("DUEPROCESS_TWO_FACTOR_ROLES", ["hr_admin", "hr_partner", "legal"])
# This many failed logins (or two-factor codes) within the window lock the username, or the client
# address, for the lockout period (seconds).
LOGIN_FAILURE_LIMIT = 5
LOGIN_FAILURE_WINDOW = 15 * 60
LOGIN_LOCKOUT = 15 * 60
# Behind a reverse proxy every request comes from the proxy: name the header it puts the client's
# address in (e.g. "X-Forwarded-For"; its last entry is used, the one the proxy itself added).
CLIENT_ADDRESS_HEADER = env_str("DUEPROCESS_CLIENT_ADDRESS_HEADER", "")
# Uploaded documents (evidence, letters) larger than this are refused.
UPLOAD_MAX_BYTES = int(env_str("DUEPROCESS_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DUEPROCESS_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DUEPROCESS_LOG_LEVEL", "WARNING")},
}

# The importer reads the whole sheet before writing anything; refuse files larger than this.
IMPORT_MAX_BYTES = int(env_str("DUEPROCESS_IMPORT_MAX_BYTES", str(200 * 1024 * 1024)))
DEMO_PASSWORD_NOTE = _("Demo accounts share one password; change it before real use.")
