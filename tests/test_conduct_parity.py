"""The employee's self-check and the inquiry's conduct card judge the same act the same way.

Both forms build their case with ``conduct.cases.build_case`` and both pages label the
verdicts with ``conduct.verdicts.label_verdicts``; these tests hold the two pages to it from
the outside: the same act typed into either form gives the rulebooks the same case, and the
self-check page and the conduct card show the same verdict, in either language.
"""

from __future__ import annotations

from django.urls import reverse

import pytest
from lxml import html

from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.forms import ConductForm
from zorgvuldig.inquiries.tests.factories import Team, build_inquiry
from zorgvuldig.rulebooks.cases import parse_case
from zorgvuldig.selfcheck.forms import SelfCheckForm

pytestmark = pytest.mark.django_db

#: The 2012 ambassador's page like, as both forms ask for it.
ACT = {
    "action": "like",
    "since": "2010-03-01",
    "target_kind": "page",
    "target_name": "Nederland bekent kleur",
    "target_content": (
        "2010-06-20 Geen regering met steun van de PVV\n"
        "2010-02-15 Samen staan we op tegen discriminatie."
    ),
    "text": "",
    "account": "personal_identifiable",
    "level": "head_of_mission",
    "function": "ambassadeur",
    "portfolio": "bilaterale betrekkingen Zuid-Afrika, Zuidelijk Afrika",
}
#: The employee checking it: the Netherlands, on the day the questions were asked.
SELF_CHECK = {
    **ACT,
    "jurisdiction": "NL",
    "organisation": "Ministerie van Buitenlandse Zaken",
    "date": "2012-02-01",
}
#: The case handler recording it (the organisation gives the jurisdiction and its name).
CONDUCT = {**ACT, "judged_on": "2012-02-01", "reason": ""}


@pytest.fixture
def team():
    return Team()


def test_both_forms_give_the_rules_the_same_case(team):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    employee = SelfCheckForm(SELF_CHECK)
    handler = ConductForm(CONDUCT, inquiry=inquiry)
    assert employee.is_valid(), employee.errors
    assert handler.is_valid(), handler.errors
    own, recorded = parse_case(employee.to_case()), parse_case(handler.to_conduct())
    assert own.actor == recorded.actor
    assert own.context == recorded.context
    assert own.action == recorded.action
    assert own.text == recorded.text


def _verdict(response, section: str) -> dict:
    """The Dutch verdict as the page at ``response`` shows it in ``section``."""
    assert response.status_code == 200
    doc = html.fromstring(response.content.decode())
    (article,) = doc.xpath(f'//*[@id="{section}"]//article[@data-jurisdiction="NL"]')
    (badge,) = article.xpath(".//h3/span[contains(@class, 'badge')]")
    rules = article.xpath(".//p[contains(@class, 'muted')]")[0]
    return {
        "heading": " ".join(article.xpath(".//h3")[0].text_content().split()),
        "level": badge.get("data-level"),
        "rules": " ".join(rules.text_content().split()),
        # the reasons, what would change the verdict and the precedents
        "lists": [
            [" ".join(li.text_content().split()) for li in ul.xpath("./li")]
            for ul in article.xpath(".//ul")
        ],
    }


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Netherlands Take care"), ("nl", "Nederland Let op")],
)
def test_the_self_check_page_and_the_conduct_card_show_the_same_verdict(
    client, team, language, heading
):
    headers = {"accept-language": language}
    own = _verdict(
        client.post(reverse("selfcheck:page"), SELF_CHECK, headers=headers), "verdict"
    )
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    client.force_login(team.handler)
    saved = client.post(
        reverse("inquiries:conduct", args=[inquiry.pk]), CONDUCT, headers=headers
    )
    assert saved.status_code == 302
    card = _verdict(
        client.get(reverse("inquiries:detail", args=[inquiry.pk]), headers=headers),
        "conduct-check",
    )
    assert own["heading"] == card["heading"] == heading
    assert own["level"] == card["level"] == "caution"
    # the card names the rules applied; the employee's page adds when they apply
    assert card["rules"] == "Ambtenarenwet art. 125a (tot 2020)"
    assert own["rules"].startswith(f"{card['rules']} (")
    assert own["lists"] == card["lists"]
    assert len(own["lists"]) == 3
