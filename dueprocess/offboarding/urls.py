from django.urls import path

from dueprocess.offboarding import views

app_name = "offboarding"
C = "<uuid:public_id>/"
urlpatterns = [
    path("", views.task_list, name="task_list"),
    path(C, views.case_offboarding, name="case"),
    path(f"{C}checklist/", views.checklist_create, name="checklist_create"),
    path(f"{C}tasks/<uuid:task_id>/done/", views.task_done, name="task_done"),
    path(f"{C}tasks/<uuid:task_id>/not-applicable/", views.task_not_applicable, name="task_not_applicable"),
    path(f"{C}tasks/<uuid:task_id>/assign/", views.task_assign, name="task_assign"),
    path(f"{C}tasks/<uuid:task_id>/letter/", views.task_letter, name="task_letter"),
    path(f"{C}exit-interview/", views.exit_interview, name="exit_interview"),
    path(f"{C}settlement/", views.settlement_create, name="settlement_create"),
    path(f"{C}settlement/line/", views.settlement_line, name="settlement_line"),
    path(f"{C}settlement/approve/", views.settlement_approve, name="settlement_approve"),
    path(f"{C}settlement/paid/", views.settlement_paid, name="settlement_paid"),
    path(f"{C}settlement/lines/<uuid:line_id>/withdraw/", views.line_withdraw, name="line_withdraw"),
    path(f"{C}support/", views.support_create, name="support_create"),
    path(f"{C}support/<uuid:offer_id>/uptake/", views.support_uptake, name="support_uptake"),
    path(
        f"{C}support/<uuid:offer_id>/reference-letter/", views.support_reference_letter, name="support_letter"
    ),
    path(f"{C}disputes/new/", views.dispute_create, name="dispute_create"),
    path(f"{C}disputes/<uuid:dispute_id>/", views.dispute_detail, name="dispute_detail"),
    path(f"{C}disputes/<uuid:dispute_id>/hearing/", views.dispute_hearing, name="dispute_hearing"),
    path(f"{C}disputes/<uuid:dispute_id>/outcome/", views.dispute_outcome, name="dispute_outcome"),
]
