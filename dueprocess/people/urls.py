from django.urls import path

from dueprocess.people import views

app_name = "people"
urlpatterns = [
    path("", views.employee_list, name="employee_list"),
    path("<uuid:public_id>/", views.employee_detail, name="employee_detail"),
]
