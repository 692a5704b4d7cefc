"""URL configuration: pages, the JSON API and the admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import TemplateView
from django.views.i18n import set_language

urlpatterns = [
    path(
        "",
        login_not_required(TemplateView.as_view(template_name="home.html")),
        name="home",
    ),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("selfcheck/", include("zorgvuldig.selfcheck.urls")),
    path("inquiries/", include("zorgvuldig.inquiries.urls")),
    path("inquiries/", include("zorgvuldig.evidence.urls")),
    path("inquiries/", include("zorgvuldig.media.urls")),
    path("admin/", admin.site.urls),
]
