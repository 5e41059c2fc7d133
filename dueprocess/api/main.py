"""The one NinjaAPI: /api/v1/, its schema at /api/v1/openapi.json and its docs page at /api/v1/docs
(Swagger UI from the files django-ninja ships, never a CDN: the CSP allows only our own origin).

An app joins the API with one line in ROUTERS: its ``api.py`` holds a Router whose operations parse
input, call the app's actions, and format output.
"""

from __future__ import annotations

from django.utils.module_loading import import_string
from ninja import NinjaAPI

from dueprocess.api import errors
from dueprocess.api.auth import BearerToken

# (URL prefix, the Router, the tag it is listed under in the schema)
ROUTERS = [
    ("", "dueprocess.people.api.router", "people"),
    ("", "dueprocess.reviews.api.router", "reviews"),
    ("", "dueprocess.reviews.api.conduct_router", "conduct"),
    ("", "dueprocess.plans.api.router", "plans"),
    ("", "dueprocess.cases.api.router", "cases"),
    ("/records/", "dueprocess.records.api.router", "records"),
]

DESCRIPTION = (
    "Every request carries `Authorization: Bearer <token>`; make a token on the API tokens page or with "
    "`dueprocess create_api_token USERNAME --name NAME`. A token acts as its owner: it sees and does "
    "exactly what its owner may in the web pages. Lists take `limit` and `offset` and answer "
    "`{items, count}`. Something out of your scope answers 404, as if it did not exist; an action "
    "your role may not take answers 403; input an action refuses answers 422 naming each field."
)


class DueprocessAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # "people_employee_list" rather than the module path: stable names for generated clients.
        app = operation.view_func.__module__.split(".")[1]
        return f"{app}_{operation.view_func.__name__}"


def build() -> NinjaAPI:
    api = DueprocessAPI(title="dueprocess", version="1", description=DESCRIPTION, auth=BearerToken())
    errors.install(api)
    for prefix, router, tag in ROUTERS:
        api.add_router(prefix, import_string(router), tags=[tag])
    return api


api = build()
