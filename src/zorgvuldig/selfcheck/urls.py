from django.urls import path

from . import views

app_name = "selfcheck"

urlpatterns = [
    path("", views.page, name="page"),
    path("guidance/", views.guidance, name="guidance"),
]
