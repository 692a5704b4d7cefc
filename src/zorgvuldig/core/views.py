"""Pages of the core: the user's delegations."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import services
from .forms import DelegationForm
from .models import Delegation


def delegations(request: HttpRequest) -> HttpResponse:
    """Delegate your role for a period, and see the delegations given and received."""
    form = DelegationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.delegate_role(
                actor=request.user,
                from_user=request.user,
                to_user=form.cleaned_data["to_user"],
                starts=form.cleaned_data["starts"],
                ends=form.cleaned_data["ends"],
                reason=form.cleaned_data["reason"],
            )
        except services.DelegationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Your role has been delegated."))
            return redirect("delegations")
    mine = Delegation.objects.filter(from_user=request.user).select_related("to_user")
    received = Delegation.objects.filter(to_user=request.user).select_related(
        "from_user"
    )
    return render(
        request,
        "core/delegations.html",
        {"form": form, "given": mine, "received": received},
    )


def healthz(request: HttpRequest) -> JsonResponse:
    """A trivial liveness check for load balancers (and the baseline of the benchmarks)."""
    return JsonResponse({"status": "ok"})
