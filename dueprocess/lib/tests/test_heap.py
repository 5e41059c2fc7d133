"""The server process freezes what start-up loaded, so that full collections skip it."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

from dueprocess.lib import heap


def test_settle_loads_the_views_and_catalogues_then_freezes_them():
    try:
        frozen = heap.settle()
        assert frozen == gc.get_freeze_count() > 10_000
        from django.urls import get_resolver

        assert get_resolver()._populated  # every view's module is imported before the freeze
    finally:
        gc.unfreeze()


def test_the_wsgi_application_is_settled_when_it_is_loaded(tmp_path):
    """Any WSGI server (waitress in `dueprocess serve`, gunicorn deployed) loads dueprocess.wsgi."""
    probe = "import gc, dueprocess.wsgi; print(gc.get_freeze_count())"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "dueprocess.settings"}
    env["DUEPROCESS_DATA_DIR"] = str(tmp_path)
    env.pop("DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert int(done.stdout.strip()) > 10_000
