"""The REST API (django-ninja) at /api/v1/, assembled from each app's ``api.py`` (see main.py), and the
tokens that authenticate it."""
