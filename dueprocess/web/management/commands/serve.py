"""`dueprocess serve`: the web server of the embedded mode (waitress, a pure-Python WSGI server)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Serve dueprocess over HTTP (the embedded server)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
        parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
        parser.add_argument(
            "--no-background",
            action="store_true",
            help="do not run background work (reminders) in this process",
        )

    def handle(self, *args, host: str, port: int, threads: int, **options) -> None:  # type: ignore[override]
        from waitress import serve

        from dueprocess.reminders import embedded
        from dueprocess.wsgi import application

        # The embedded mode does its own background work; with RQ, workers run elsewhere.
        if not options.get("no_background") and embedded.is_embedded():
            embedded.Background().start()
            self.stdout.write(
                _("Background work runs in this process; reminders are looked for every %(minutes)s minutes.")
                % {"minutes": settings.REMINDERS_EVERY_MINUTES}
            )
        self.stdout.write(
            _("dueprocess is serving on http://%(host)s:%(port)s/") % {"host": host, "port": port}
        )
        serve(application, host=host, port=port, threads=threads, ident="dueprocess")
