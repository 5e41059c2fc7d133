from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from dueprocess.api.main import api

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("accounts/", include("dueprocess.accounts.urls")),
    path("people/", include("dueprocess.people.urls")),
    path("records/", include("dueprocess.records.urls")),
    path("reviews/", include("dueprocess.reviews.urls")),
    path("plans/", include("dueprocess.plans.urls")),
    path("portal/", include("dueprocess.portal.urls")),
    path("calendar/", include("dueprocess.reminders.urls")),
    path("cases/", include("dueprocess.cases.urls")),
    path("letters/", include("dueprocess.letters.urls")),
    path("offboarding/", include("dueprocess.offboarding.urls")),
    path("learning/", include("dueprocess.learning.urls")),
    path("api/v1/", api.urls),
    path("api/tokens/", include("dueprocess.api.urls")),
    path("", include("dueprocess.web.urls")),
]
