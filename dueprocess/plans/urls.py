from django.urls import path

from dueprocess.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("new/<uuid:employee_id>/", views.plan_create, name="plan_create"),
    path("<uuid:public_id>/", views.plan_detail, name="plan_detail"),
    path("<uuid:public_id>/edit/", views.plan_edit, name="plan_edit"),
    path("<uuid:public_id>/publish/", views.plan_publish, name="plan_publish"),
    path("<uuid:public_id>/acknowledge/", views.plan_acknowledge, name="plan_acknowledge"),
    path("<uuid:public_id>/respond/", views.plan_respond, name="plan_respond"),
    path("<uuid:public_id>/check-in/", views.check_in_create, name="check_in_create"),
    path("<uuid:public_id>/check-ins/schedule/", views.check_in_schedule, name="check_in_schedule"),
    path(
        "<uuid:public_id>/check-ins/<uuid:scheduled_id>/reschedule/",
        views.check_in_reschedule,
        name="check_in_reschedule",
    ),
    path(
        "<uuid:public_id>/check-ins/<uuid:scheduled_id>/cancel/",
        views.check_in_cancel,
        name="check_in_cancel",
    ),
    path("<uuid:public_id>/support/", views.support_create, name="support_create"),
    path("<uuid:public_id>/support/<uuid:support_id>/done/", views.support_complete, name="support_complete"),
    path("<uuid:public_id>/outcome/", views.outcome_create, name="outcome_create"),
    path("<uuid:public_id>/outcome/evidence/<str:sha256>/", views.outcome_evidence, name="outcome_evidence"),
]
