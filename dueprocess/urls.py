from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("accounts/", include("dueprocess.accounts.urls")),
    path("people/", include("dueprocess.people.urls")),
    path("records/", include("dueprocess.records.urls")),
    path("reviews/", include("dueprocess.reviews.urls")),
    path("plans/", include("dueprocess.plans.urls")),
    path("", include("dueprocess.web.urls")),
]
