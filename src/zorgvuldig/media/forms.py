"""Forms of the media app: an article to check, pasted or uploaded."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


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
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
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

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
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
