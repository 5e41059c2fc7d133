from django.urls import path

from dueprocess.reminders import views

app_name = "reminders"
urlpatterns = [
    path("hearings/<uuid:public_id>.ics", views.hearing_ics, name="hearing_ics"),
    path("check-ins/<uuid:public_id>.ics", views.check_in_ics, name="check_in_ics"),
]
