from django.urls import path

from dueprocess.learning import insight_views, views

app_name = "learning"
urlpatterns = [
    path("retrospectives/", views.retrospective_list, name="retrospective_list"),
    path("retrospectives/case/<uuid:case_id>/", views.case_retrospective, name="case_retrospective"),
    path("retrospectives/<uuid:public_id>/", views.retrospective_detail, name="retrospective_detail"),
    path(
        "retrospectives/<uuid:public_id>/findings/<slug:area>/", views.finding_record, name="finding_record"
    ),
    path("retrospectives/<uuid:public_id>/actions/", views.action_add, name="action_add"),
    path(
        "retrospectives/<uuid:public_id>/complete/",
        views.retrospective_complete,
        name="retrospective_complete",
    ),
    path("actions/<uuid:public_id>/", views.action_detail, name="action_detail"),
    path("actions/<uuid:public_id>/status/", views.action_update, name="action_update"),
    path("actions/<uuid:public_id>/evaluate/", views.action_evaluate, name="action_evaluate"),
    path("risk/", insight_views.risk_list, name="risk_list"),
    path("analytics/", insight_views.analytics_page, name="analytics"),
    path("analytics/consistency/", insight_views.consistency_page, name="consistency"),
    path("analytics/<slug:page>/", insight_views.analytics_page, name="analytics_page"),
]
