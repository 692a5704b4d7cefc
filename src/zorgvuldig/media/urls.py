from django.urls import path

from . import views

app_name = "media"

urlpatterns = [
    path("<int:inquiry_pk>/articles/", views.check, name="check"),
]
