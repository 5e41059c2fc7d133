"""Background work in the embedded server: a database-backend worker and a clock that enqueues the
reminders run every few minutes, each in a daemon thread of ``dueprocess serve``, so the demo needs no
other process. Only with the database task backend; with RQ the deployer runs workers and a clock of
their own (README, "Background work").

Two servers on one database are harmless: the runs are idempotent, and the worker claims each task
with a row lock.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils.crypto import get_random_string

logger = logging.getLogger(__name__)
RESTART_AFTER = 5.0  # seconds: a worker that died (database gone away) starts again after this


def is_embedded() -> bool:
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


def enqueue_if_idle() -> bool:
    """Enqueue a reminders run unless one is already waiting, so a slow run never piles them up."""
    from django_tasks_db.models import DBTaskResult

    from dueprocess.reminders.tasks import run_reminders

    if DBTaskResult.objects.ready().filter(task_path=run_reminders.module_path).exists():
        return False
    run_reminders.enqueue()
    return True


def make_worker():
    from django_tasks_db.management.commands.db_worker import Worker

    return Worker(
        queue_names=["default"],
        interval=1.0,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"serve-{get_random_string(12)}",
        excluded_queue_names=[],
    )


class Background:
    def __init__(self, every_minutes: float | None = None) -> None:
        minutes = settings.REMINDERS_EVERY_MINUTES if every_minutes is None else every_minutes
        self.every_seconds = max(float(minutes) * 60, 1.0)
        self.stopping = threading.Event()
        self.worker = make_worker()
        self.threads = [
            threading.Thread(target=self._work, name="dueprocess-worker", daemon=True),
            threading.Thread(target=self._clock, name="dueprocess-clock", daemon=True),
        ]

    def start(self) -> Background:
        for thread in self.threads:
            thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self.stopping.set()
        self.worker.running = False
        for thread in self.threads:
            thread.join(timeout)

    def _work(self) -> None:
        while not self.stopping.is_set():
            try:
                self.worker.run()
            except Exception:
                logger.exception("The background worker stopped; it starts again in %s s", RESTART_AFTER)
                self.stopping.wait(RESTART_AFTER)
            finally:
                connection.close()

    def _clock(self) -> None:
        while not self.stopping.is_set():
            try:
                close_old_connections()
                enqueue_if_idle()
            except Exception:
                logger.exception("The reminders run could not be enqueued; trying again later")
            finally:
                connection.close()
            self.stopping.wait(self.every_seconds)
