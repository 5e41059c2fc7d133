import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dueprocess.settings")
application = get_wsgi_application()

from dueprocess.lib import heap  # noqa: E402 - needs the apps that get_wsgi_application sets up

heap.settle()
