from django.urls import path

from dueprocess.reviews import views

app_name = "reviews"
urlpatterns = [
    path("", views.cycle_list, name="cycle_list"),
    path("cycles/new/", views.cycle_create, name="cycle_create"),
    path("new/", views.review_create, name="review_create"),
    path("<uuid:public_id>/", views.review_detail, name="review_detail"),
    path("<uuid:public_id>/open/", views.review_open, name="review_open"),
    path("<uuid:public_id>/self-assessment/", views.review_self_assess, name="review_self_assess"),
    path("<uuid:public_id>/assess/", views.review_assess, name="review_assess"),
    path("<uuid:public_id>/submit/", views.review_submit, name="review_submit"),
    path("<uuid:public_id>/feedback/", views.feedback_request, name="feedback_request"),
    path("feedback/", views.feedback_list, name="feedback_list"),
    path("feedback/<uuid:public_id>/", views.feedback_answer, name="feedback_answer"),
    path("people/options/", views.employee_options, name="employee_options"),
    path("conduct/", views.conduct_list, name="conduct_list"),
    path("incidents/new/", views.incident_start, name="incident_start"),
    path("incidents/new/<uuid:employee_id>/", views.incident_create, name="incident_create"),
    path("incidents/<uuid:public_id>/", views.incident_detail, name="incident_detail"),
    path(
        "incidents/<uuid:public_id>/evidence/<str:sha256>/",
        views.evidence_download,
        name="evidence_download",
    ),
    path("incidents/<uuid:public_id>/investigate/", views.investigation_open, name="investigation_open"),
    path("investigations/<uuid:public_id>/interview/", views.interview_create, name="interview_create"),
    path("investigations/<uuid:public_id>/explanation/", views.explanation_create, name="explanation_create"),
    path(
        "investigations/<uuid:public_id>/conclude/",
        views.investigation_conclude,
        name="investigation_conclude",
    ),
    path("warnings/", views.warning_list, name="warning_list"),
    path("warnings/<uuid:public_id>/", views.warning_detail, name="warning_detail"),
    path("warnings/new/<uuid:employee_id>/", views.warning_create, name="warning_create"),
]
