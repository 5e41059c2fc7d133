from django.urls import path

from dueprocess.cases import views, views_files, views_layoff

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("new/<uuid:employee_id>/", views.case_open, name="case_open"),
    path("<uuid:public_id>/", views.case_detail, name="case_detail"),
    path("<uuid:public_id>/do/<slug:name>/", views.case_move, name="case_move"),
    path(
        "<uuid:public_id>/statements/<uuid:statement_id>/evidence/<str:sha256>/",
        views_files.statement_evidence,
        name="statement_evidence",
    ),
    path("layoffs/", views_layoff.layoff_list, name="layoff_list"),
    path("layoffs/new/", views_layoff.layoff_create, name="layoff_create"),
    path("layoffs/<uuid:public_id>/", views_layoff.layoff_detail, name="layoff_detail"),
    path("layoffs/<uuid:public_id>/do/<slug:name>/", views_layoff.layoff_move, name="layoff_move"),
]
