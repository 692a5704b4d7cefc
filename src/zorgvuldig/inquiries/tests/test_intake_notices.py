"""A postponement notice pasted at intake: matched to the case with its Kamer number, the
postponement recorded there from the notice's date and reasons (issue 10, step 4)."""

from __future__ import annotations

from django.urls import reverse

import pytest

from zorgvuldig.inquiries.models import Inquiry

from .factories import Team, make_org, register

pytestmark = pytest.mark.django_db
EN = {"headers": {"accept-language": "en"}}

#: Constructed in the shape of a Tweede Kamer "Mededeling (uitstel antwoord)" (its wording
#: follows the real notice in ../shared/cases/questions-real/q10-uitstelbrief-2020D36185.txt);
#: the number and names are the test's own.
NOTICE = """Mededeling van de Minister van Buitenlandse Zaken
Den Haag, 20 februari 2012
De vragen van het lid Bakker (PVV) over een Facebook-like van een ambassadeur (ingezonden
3 februari 2012, 2012Z02001) kunnen tot mijn spijt niet binnen de gebruikelijke termijn
worden beantwoord. De reden van het uitstel is dat de afstemming met de ambassade meer tijd
kost dan voorzien. Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.
"""


def test_a_notice_offers_the_postponement_on_the_case_with_its_number(client):
    team = Team()
    inquiry = register(team, number="2012Z02001")
    client.force_login(team.handler)
    page = client.post(reverse("inquiries:intake"), {"text": NOTICE}, **EN)
    html = page.content.decode()
    assert reverse("inquiries:postpone", args=[inquiry.pk]) in html
    assert "afstemming met de ambassade meer tijd" in html  # the reasons, pre-filled
    assert "2012-02-20" in html  # the notice's date, pre-filled
    assert Inquiry.objects.get(pk=inquiry.pk).postponement is None  # nothing saved yet

    client.post(
        reverse("inquiries:postpone", args=[inquiry.pk]),
        {"reason": "De afstemming kost meer tijd.", "sent_on": "2012-02-20"},
    )
    assert str(Inquiry.objects.get(pk=inquiry.pk).deadline) == "2012-03-16"


def test_a_notice_reveals_no_case_the_user_may_not_see():
    from django.test import Client

    team, other = Team(), Team(make_org())
    register(team, number="2012Z02001", subject="Geheime zaak")
    client = Client()
    client.force_login(other.handler)
    html = client.post(reverse("inquiries:intake"), {"text": NOTICE}, **EN)
    html = html.content.decode()
    assert "none of the cases you may see has that number" in html
    assert "Geheime zaak" not in html
    assert NOTICE.splitlines()[2] in html  # the pasted text is kept


def test_a_notice_without_a_number_says_where_to_record_it(client):
    team = Team()
    client.force_login(team.handler)
    text = NOTICE.replace(", 2012Z02001", "")
    html = client.post(reverse("inquiries:intake"), {"text": text}, **EN)
    assert "names no Kamer number" in html.content.decode()
