from django.urls import path

from . import views

app_name = "evidence"

urlpatterns = [
    path("<int:inquiry_pk>/evidence/", views.upload, name="upload"),
    path("<int:inquiry_pk>/evidence/<int:item_pk>/", views.download, name="download"),
    path("<int:inquiry_pk>/evidence/capture/", views.capture, name="capture"),
]
