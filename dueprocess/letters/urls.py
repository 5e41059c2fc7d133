from django.urls import path

from dueprocess.letters import views

app_name = "letters"
urlpatterns = [
    path("", views.my_letters, name="my_letters"),
    path("<uuid:public_id>/", views.letter_detail, name="letter_detail"),
    path("<uuid:public_id>/pdf/", views.letter_download, name="letter_download"),
    path("<uuid:public_id>/deliver/", views.letter_deliver, name="letter_deliver"),
    path("<uuid:public_id>/acknowledge/", views.letter_acknowledge, name="letter_acknowledge"),
    path("<uuid:public_id>/refuse/", views.letter_refuse, name="letter_refuse"),
    path("<uuid:public_id>/delivery/", views.letter_record_delivery, name="letter_record_delivery"),
    path("new/<slug:target>/<uuid:public_id>/", views.letter_new, name="letter_new"),
    path("templates/", views.template_list, name="template_list"),
    path("templates/letterhead/<str:language>/", views.letterhead_edit, name="letterhead_edit"),
    path("templates/<slug:kind>/<str:language>/", views.template_edit, name="template_edit"),
    path(
        "templates/<slug:kind>/<str:language>/v<int:version>/",
        views.template_version,
        name="template_version",
    ),
    path("layoffs/<uuid:public_id>/", views.layoff_letters, name="layoff_letters"),
    path("batches/<uuid:public_id>/progress/", views.batch_progress, name="batch_progress"),
]
