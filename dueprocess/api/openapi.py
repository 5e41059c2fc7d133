"""The OpenAPI schema as committed in docs/api/openapi.json: generated the same way every time (sorted
keys, English), so that a difference is a change to the API and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.utils import translation
from ninja.responses import NinjaJSONEncoder

SNAPSHOT = Path(settings.BASE_DIR).parent / "docs" / "api" / "openapi.json"
REGENERATE = "make openapi"


def schema_text() -> str:
    from dueprocess.api.main import api

    with translation.override("en"):
        schema = api.get_openapi_schema()
        return json.dumps(schema, cls=NinjaJSONEncoder, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
