"""Response headers for personal data: nothing the server sends is kept in a cache.

Every page, file and API answer this product makes may hold personnel data (case pages,
documents, evidence, exports, the API; even the self-check echoes the employee's own post),
so every response that reaches this middleware is sent with ``Cache-Control: no-store``:
no browser, proxy or shared computer keeps a copy (OWASP ASVS 4.0 V8.2.1). Static files
(CSS, scripts, icons) are served by WhiteNoise before this middleware runs and keep their
long cache lifetimes. The Content-Security-Policy is django-csp's (``conf/base.py``).

Public surface: :class:`NoStoreMiddleware`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase


class NoStoreMiddleware:
    """Sets ``Cache-Control: no-store`` on every response it sees, replacing any other
    caching a view asked for. Place it after ``WhiteNoiseMiddleware``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        return response
