from django.urls import path

from dueprocess.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("plans/", views.plan_list, name="plans"),
    path("plans/<uuid:public_id>/", views.plan_detail, name="plan_detail"),
    path("plans/<uuid:public_id>/acknowledge/", views.plan_acknowledge, name="plan_acknowledge"),
    path("plans/<uuid:public_id>/respond/", views.plan_respond, name="plan_respond"),
    path("plans/<uuid:public_id>/outcome/evidence/<str:sha256>/", views.plan_evidence, name="plan_evidence"),
    path(
        "plans/<uuid:public_id>/check-ins/<uuid:check_in_id>/comment/",
        views.check_in_comment,
        name="check_in_comment",
    ),
    path("reviews/", views.review_list, name="reviews"),
    path("reviews/<uuid:public_id>/self-assessment/", views.self_assess, name="self_assess"),
    path("conduct/", views.conduct, name="conduct"),
    path("warnings/<uuid:public_id>/explanation/", views.warning_explain, name="warning_explain"),
    path(
        "investigations/<uuid:public_id>/explanation/",
        views.investigation_explain,
        name="investigation_explain",
    ),
    path("cases/", views.case_list, name="cases"),
    path("cases/<uuid:public_id>/", views.case_detail, name="case_detail"),
    path("cases/<uuid:public_id>/statement/", views.statement, name="statement"),
    path("cases/<uuid:public_id>/appeal/", views.appeal, name="appeal"),
    path("documents/", views.document_list, name="documents"),
    path("documents/<str:sha256>/", views.document_download, name="document"),
]
