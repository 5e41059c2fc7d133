from django.urls import path

from dueprocess.reviews import views

app_name = "reviews"
urlpatterns = [
    path("", views.cycle_list, name="cycle_list"),
    path("<uuid:public_id>/", views.review_detail, name="review_detail"),
    path("<uuid:public_id>/self-assessment/", views.review_self_assess, name="review_self_assess"),
    path("<uuid:public_id>/assess/", views.review_assess, name="review_assess"),
    path("<uuid:public_id>/submit/", views.review_submit, name="review_submit"),
    path("incidents/<uuid:public_id>/", views.incident_detail, name="incident_detail"),
    path("warnings/", views.warning_list, name="warning_list"),
    path("warnings/<uuid:public_id>/", views.warning_detail, name="warning_detail"),
    path("warnings/new/<uuid:employee_id>/", views.warning_create, name="warning_create"),
]
