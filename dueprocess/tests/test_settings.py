"""The settings file reads its database and data folder from the environment."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def settings_seen_with(env: dict[str, str]) -> dict:
    code = (
        "import json, django.conf as c; s = c.settings; db = s.DATABASES['default']; "
        "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), 'data': str(s.DATA_DIR), "
        "'debug': s.DEBUG, 'cookie_secure': getattr(s, 'SESSION_COOKIE_SECURE', False)}))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DUEPROCESS_", "DATABASE_URL"))}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "dueprocess.settings", **env},
        capture_output=True, text=True, check=True, cwd=REPO,
    )  # fmt: skip
    return json.loads(result.stdout)


def test_the_default_database_is_sqlite_in_the_data_folder(tmp_path):
    seen = settings_seen_with({"DUEPROCESS_DATA_DIR": str(tmp_path)})
    assert seen["engine"] == "django.db.backends.sqlite3"
    assert seen["name"] == str(tmp_path / "dueprocess.sqlite3")
    assert seen["debug"] is False


def test_database_url_selects_postgresql(tmp_path):
    seen = settings_seen_with(
        {"DUEPROCESS_DATA_DIR": str(tmp_path), "DATABASE_URL": "postgres://u:p@db.example:5432/hr"}
    )
    assert seen["engine"] == "django.db.backends.postgresql" and seen["name"] == "hr"


def test_production_turns_on_secure_cookies(tmp_path):
    seen = settings_seen_with({"DUEPROCESS_DATA_DIR": str(tmp_path), "DUEPROCESS_PRODUCTION": "1"})
    assert seen["cookie_secure"] is True


def test_the_production_settings_pass_the_deployment_checks(tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DUEPROCESS_", "DATABASE_URL"))}
    env = {
        **clean,
        "DUEPROCESS_DATA_DIR": str(tmp_path),
        "DUEPROCESS_PRODUCTION": "1",
        "DUEPROCESS_SECRET_KEY": secrets.token_urlsafe(60),
        "DUEPROCESS_ALLOWED_HOSTS": "hr.example.com",
        "DUEPROCESS_LANGUAGE": "en",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_sessions_end_with_the_working_day_and_the_browser(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE and settings.SESSION_COOKIE_HTTPONLY
    assert settings.X_FRAME_OPTIONS == "DENY"
    assert settings.SECURE_CROSS_ORIGIN_OPENER_POLICY == "same-origin"
