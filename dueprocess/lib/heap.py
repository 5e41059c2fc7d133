"""Readying a server process's memory before it answers anyone.

CPython's cyclic garbage collector looks at every tracked object in its oldest generation on each full
collection. A Django process holds some 180,000 of them once it has loaded its apps, URLs and
translation catalogues and served its first pages; a full collection over them took 65-80 ms on the
benchmark machine, and one request in fifteen to twenty on a long case page paid it (bench/RESULTS.md,
2026-11-25). Most of them live as long as the process, so at start-up they are moved out of the
collector's sight (``gc.freeze``): later collections look only at what came after (the templates the
first requests compile, and what each request creates). Under a forking server this
also keeps the pages shared between workers, which a collection would otherwise write to.
"""

from __future__ import annotations

import gc

from django.conf import settings
from django.urls import get_resolver
from django.utils import translation


def settle() -> int:
    """Load what every process loads on its first requests (each view's module through the URL
    resolver, each language's catalogue), collect what start-up left over, and freeze the rest.
    Returns how many objects were frozen."""
    get_resolver().reverse_dict  # noqa: B018 - building it imports every view
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            pass
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
