"""Media pages: the coverage panel on the case page and the article check form."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from zorgvuldig.inquiries.choices import MeasureCategory
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.queries import get_inquiry_for

from . import services
from .choices import Verdict


class ArticleForm(forms.Form):
    outlet = forms.CharField(
        label=gettext_lazy("Outlet"), required=False, max_length=200
    )
    url = forms.URLField(
        label=gettext_lazy("Address (URL)"),
        required=False,
        max_length=1000,
        assume_scheme="https",
    )
    published = forms.DateField(
        label=gettext_lazy("Published on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    text = forms.CharField(
        label=gettext_lazy("Article text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Paste the text; a first line starting with '# ' is the headline."
        ),
    )
    file = forms.FileField(
        label=gettext_lazy("or upload the page (.html)"), required=False
    )

    def clean(self) -> dict:
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > settings.ZORGVULDIG_MAX_UPLOAD_BYTES:
                self.add_error("file", _("The file is too large."))
                return data
            raw = upload.read()
            text = _decode_text(raw)
            if text is None:
                self.add_error("file", _("This is not an HTML or text file."))
                return data
            data["text"] = text
        if not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Paste the article text or upload the page."))
        return data


def _decode_text(raw: bytes) -> str | None:
    """``raw`` as text (UTF-8, else Windows-1252), or ``None`` for binary content."""
    if b"\x00" in raw:
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
        return None if controls > len(text) // 100 else text
    return None


def panel_context(request: HttpRequest, inquiry: Inquiry) -> dict:
    """Context of the coverage panel on the case page."""
    checks = list(inquiry.article_checks.select_related("checked_by"))
    for c in checks:
        c.verdict_label = Verdict.label_of(c.verdict)
        c.claims = [
            {**cl, "category_label": MeasureCategory(cl["category"]).label}
            for cl in c.result.get("claims", [])
            if cl.get("category") in MeasureCategory.values
        ]
    return {
        "inquiry": inquiry,
        "checks": checks,
        "form": ArticleForm(),
        "can_check": request.user.has_role(*services.CHECK_ROLES),
        "measure": inquiry.current_measure,
    }


@require_POST
def check(request: HttpRequest, inquiry_pk: int) -> HttpResponse:
    """Check a pasted or uploaded article against the recorded measure."""
    inquiry = get_inquiry_for(request.user, inquiry_pk)
    form = ArticleForm(request.POST, request.FILES)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for e in errors:
                messages.error(request, f"{label}: {e}" if label else e)
        return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
    try:
        result = services.check_article(
            actor=request.user,
            inquiry=inquiry,
            content=form.cleaned_data["text"],
            outlet=form.cleaned_data["outlet"],
            url=form.cleaned_data["url"],
            published=form.cleaned_data["published"],
        )
    except services.MediaError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Article checked: %(v)s.") % {"v": Verdict.label_of(result.verdict)},
        )
    return redirect("inquiries:detail", inquiry_pk=inquiry.pk)
