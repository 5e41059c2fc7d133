from django.urls import path

from dueprocess.records import views

app_name = "records"
urlpatterns = [
    path("", views.record_home, name="home"),
    path("public-key.pem", views.public_key, name="public_key"),
    path("read-log/", views.read_log, name="read_log"),
    path("chains/<uuid:public_id>/", views.chain_detail, name="chain_detail"),
    path("chains/<uuid:public_id>/verify", views.chain_verify, name="chain_verify"),
    path("chains/<uuid:public_id>/bundle", views.chain_bundle, name="chain_bundle"),
]
