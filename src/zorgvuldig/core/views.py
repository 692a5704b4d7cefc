"""Pages of the core: the user's delegations."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .choices import Role
from .forms import DelegationForm
from .http import AuthenticatedHttpRequest
from .models import Delegation
from .queries import delegations_managed_by


def delegations(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Delegate your role for a period, and see (and revoke) the delegations given and
    received; an administrator also sees those given in their organisation."""
    user = request.user
    may_delegate = user.role in Role.delegable()
    form = DelegationForm(request.POST or None, user=user) if may_delegate else None
    if request.method == "POST":
        if form is None:
            messages.error(request, _("Your role cannot be delegated."))
            return redirect("delegations")
        if form.is_valid():
            try:
                services.delegate_role(
                    actor=user,
                    from_user=user,
                    to_user=form.cleaned_data["to_user"],
                    starts=form.cleaned_data["starts"],
                    ends=form.cleaned_data["ends"],
                    reason=form.cleaned_data["reason"],
                )
            except services.DelegationError as exc:
                form.add_error(exc.field, str(exc))
            else:
                messages.success(request, _("Your role has been delegated."))
                return redirect("delegations")
    given = Delegation.objects.filter(from_user=user).select_related(
        "to_user", "revoked_by"
    )
    received = Delegation.objects.filter(to_user=user).select_related(
        "from_user", "revoked_by"
    )
    organisation = (
        delegations_managed_by(user).exclude(from_user=user)
        if user.role == Role.ADMINISTRATOR
        else Delegation.objects.none()
    )
    return render(
        request,
        "core/delegations.html",
        {
            "form": form,
            "may_delegate": may_delegate,
            "delegable_roles": [Role(r).label for r in Role.delegable()],
            "given": given.order_by("-starts", "-pk"),
            "received": received.order_by("-starts", "-pk"),
            "organisation": organisation.order_by("-starts", "-pk"),
        },
    )


@require_POST
def revoke_delegation(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """End a delegation early: the delegator's or, for an administrator, one given in their
    organisation (404 for any other)."""
    delegation = get_object_or_404(delegations_managed_by(request.user), pk=pk)
    try:
        services.revoke_delegation(actor=request.user, delegation=delegation)
    except services.DelegationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The delegation has been revoked."))
    return redirect("delegations")


def healthz(request: HttpRequest) -> JsonResponse:
    """A trivial liveness check for load balancers (and the baseline of the benchmarks)."""
    return JsonResponse({"status": "ok"})
