"""URL configuration: pages, the JSON API and the admin."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import RequestDataTooBig
from django.urls import URLPattern, include, path
from django.views.generic import TemplateView
from django.views.i18n import set_language

from mozilla_django_oidc import views as oidc_views
from ninja import NinjaAPI
from ninja.security import django_auth

from zorgvuldig.core import login_views
from zorgvuldig.core import views as core_views
from zorgvuldig.inquiries.api import router as questions_api
from zorgvuldig.selfcheck.api import router as selfcheck_api

# The JSON API (OpenAPI at /api/openapi.json, docs at /api/docs). It authenticates for
# itself: every endpoint needs a signed-in session (with CSRF) unless it says auth=None,
# so LoginRequiredMiddleware's redirect to the HTML login page is lifted for its URLs.
api = NinjaAPI(
    title="Zorgvuldig API",
    version="1",
    auth=django_auth,
    urls_namespace="api",
    docs_decorator=login_not_required,
)
api.add_router("/selfcheck", selfcheck_api)
api.add_router("/questions", questions_api)


@api.exception_handler(RequestDataTooBig)
def _body_too_large(request, exc):
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE: JSON like every other API error."""
    return api.create_response(
        request,
        {
            "detail": "request body too large (at most "
            f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes)"
        },
        status=413,
    )


api_urls = api.urls
for api_pattern in api_urls[0]:
    if isinstance(api_pattern, URLPattern):  # ninja's patterns are flat: all of them
        login_not_required(api_pattern.callback)

urlpatterns = [
    path(
        "",
        login_not_required(TemplateView.as_view(template_name="home.html")),
        name="home",
    ),
    path("healthz", login_not_required(core_views.healthz), name="healthz"),
    path("login/", login_views.LoginView.as_view(), name="login"),
    path("login/code/", login_views.otp_verify, name="otp_verify"),
    path("account/authenticator/", login_views.otp_enrol, name="otp_enrol"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Single sign-on (OpenID Connect): start, and the provider's way back.
    path(
        "oidc/authenticate/",
        login_not_required(oidc_views.OIDCAuthenticationRequestView.as_view()),
        name="oidc_authentication_init",
    ),
    path(
        "oidc/callback/",
        login_not_required(oidc_views.OIDCAuthenticationCallbackView.as_view()),
        name="oidc_authentication_callback",
    ),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("selfcheck/", include("zorgvuldig.selfcheck.urls")),
    path("api/", api_urls),
    path("inquiries/", include("zorgvuldig.inquiries.urls")),
    path("inquiries/", include("zorgvuldig.evidence.urls")),
    path("inquiries/", include("zorgvuldig.media.urls")),
    path("delegation/", include("zorgvuldig.core.urls")),
    path("admin/", admin.site.urls),
]
