"""Checking an article from the case page against the recorded measure."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry
from zorgvuldig.media.models import ArticleCheck

pytestmark = pytest.mark.django_db

EN = {"headers": {"accept-language": "en"}}
HTML = b"""<html><head><title>Ambassadeur berispt</title></head><body>
<nav>Home | Binnenland | Buitenland</nav>
<article><h1>Ambassadeur berispt om Facebook-like</h1>
<p>De Nederlandse ambassadeur in Zuid-Afrika is door de minister berispt omdat hij een
Facebookpagina leuk vond die campagne voert tegen een regering met steun van de PVV.</p>
<p>Volgens de minister had de diplomaat zich moeten onthouden van een persoonlijk politiek
oordeel. De ambassadeur heeft de like inmiddels ingetrokken.</p></article>
<footer>Alle rechten voorbehouden</footer></body></html>"""


@pytest.fixture
def case():
    team = Team()
    return team, build_inquiry(team, State.MEASURE_DECIDED)


def test_uploaded_html_is_reduced_and_found_overstated(client, case):
    team, inquiry = case
    client.force_login(team.comms)
    response = client.post(
        reverse("media:check", args=[inquiry.pk]),
        {"file": SimpleUploadedFile("artikel.html", HTML), "published": "2012-02-09"},
        follow=True,
        **EN,
    )
    check = ArticleCheck.objects.get()
    assert check.verdict == "overstated"
    assert "Alle rechten" not in check.body
    assert check.result["measure_in_force"]["category"] == "informal"
    assert "Overstated" in response.content.decode()


def test_pasted_text_in_the_recorded_term_is_accurate(client, case):
    team, inquiry = case
    client.force_login(team.handler)
    client.post(
        reverse("media:check", args=[inquiry.pk]),
        {"text": "# Minister spreekt ambassadeur aan\nDe ambassadeur is aangesproken."},
    )
    assert ArticleCheck.objects.get().verdict == "accurate"


def test_a_file_that_is_not_an_article_gets_a_message(client, case):
    team, inquiry = case
    client.force_login(team.comms)
    response = client.post(
        reverse("media:check", args=[inquiry.pk]),
        {
            "file": SimpleUploadedFile(
                "plaatje.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
            )
        },
        follow=True,
        **EN,
    )
    assert response.status_code == 200
    assert "This is not an HTML or text file." in response.content.decode()
    assert not ArticleCheck.objects.exists()


def test_roles_without_the_right_are_refused(client, case):
    team, inquiry = case
    client.force_login(team.approver)
    client.post(reverse("media:check", args=[inquiry.pk]), {"text": "# Kop\nTekst."})
    assert not ArticleCheck.objects.exists()
