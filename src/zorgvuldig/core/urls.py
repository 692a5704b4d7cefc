"""Pages of the core: the delegation page and revoking a delegation."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.delegations, name="delegations"),
    path("<int:pk>/revoke/", views.revoke_delegation, name="revoke_delegation"),
]
