"""The established conduct: recorded by the case handler, judged by the rulebooks for the advisors.

The case handler records what was done in the shape of a self-check case; the case page shows
everyone on the case the verdict per jurisdiction, its reasons and citations, what would change
it and the precedents. A change after the facts were established outdates earlier advice.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

from django.urls import reverse
from django.utils import translation

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zorgvuldig.conduct.cases import normalised
from zorgvuldig.core.models import AuditEntry
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.conduct_card import assessment
from zorgvuldig.inquiries.forms import ConductForm
from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.procedure import guards as conditions
from zorgvuldig.rulebooks.cases import parse_case

from .factories import Team, build_inquiry

pytestmark = pytest.mark.django_db

#: The 2012 ambassador case (shared/cases/selfcheck/nl.yaml), as the demo records it.
AMBASSADOR = json.loads(
    (
        Path(__file__).parents[2] / "demo_data" / "conduct-2012-ambassador-like.json"
    ).read_text(encoding="utf-8")
)
EN = {"headers": {"accept-language": "en"}}
NL = {"headers": {"accept-language": "nl"}}


@pytest.fixture
def team():
    return Team()


def _conduct(**changes) -> dict:
    """The ambassador's conduct with ``changes`` applied to dotted paths."""
    conduct = copy.deepcopy(AMBASSADOR)
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = conduct
        for key in parents:
            node = node[key]
        node[last] = value
    return conduct


def _form_data(**changes) -> dict:
    """What the case handler types for the ambassador case."""
    data = {
        "action": "like",
        "since": "2010-03-01",
        "text": "",
        "target_kind": "page",
        "target_name": "Nederland bekent kleur",
        "target_content": (
            "2010-06-20 Geen regering met steun van de PVV\n"
            "2010-02-15 Samen staan we op tegen discriminatie."
        ),
        "account": "personal_identifiable",
        "level": "head_of_mission",
        "function": "ambassadeur",
        "portfolio": "bilaterale betrekkingen Zuid-Afrika, Zuidelijk Afrika",
        "judged_on": "2012-02-01",
        "reason": "",
    }
    data.update(changes)
    return data


# -- the service ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"action__type": "wink"}, "action.type"),
        ({"context__date": "1 februari 2012"}, "context.date"),
        ({"actor__level": "minister"}, "actor.level"),
        ({"actor__jurisdiction": "BE"}, "actor.jurisdiction"),
        ({"action__since": "2013-01-01"}, "action.since"),
        ({"action__target": None}, "action.target"),
    ],
)
def test_conduct_the_rules_cannot_read_is_refused_naming_the_field(
    team, changes, field
):
    inquiry = build_inquiry(team, State.REGISTERED)
    with pytest.raises(services.ProcedureError) as refused:
        services.record_conduct(
            actor=team.handler, inquiry=inquiry, conduct=_conduct(**changes)
        )
    assert field in str(refused.value)
    assert Inquiry.objects.get(pk=inquiry.pk).conduct == {}
    assert not AuditEntry.objects.filter(action="conduct.recorded").exists()


def test_recorded_conduct_is_stored_as_json_and_audited(team):
    inquiry = build_inquiry(team, State.REGISTERED)
    conduct = _conduct(
        context__date=dt.date(2012, 2, 1), action__since=dt.date(2010, 3, 1)
    )
    conduct["actor"]["jurisdiction"] = "nld"
    after = services.record_conduct(
        actor=team.handler, inquiry=inquiry, conduct=conduct, reason="uit het dossier"
    )
    assert after.conduct["context"]["date"] == "2012-02-01"
    assert after.conduct["action"]["since"] == "2010-03-01"
    assert after.conduct["actor"]["jurisdiction"] == "NL"
    assert "source" not in after.conduct  # only actor, context, action and text
    entry = AuditEntry.objects.get(action="conduct.recorded")
    assert entry.actor == team.handler
    assert entry.reason == "uit het dossier"
    # recording it before the facts are established outdates nothing
    assert after.record_version == inquiry.record_version


@pytest.mark.parametrize("who", ["hr", "legal", "comms", "approver"])
def test_only_the_case_handler_records_the_conduct(team, who):
    inquiry = build_inquiry(team, State.REGISTERED)
    with pytest.raises(services.ProcedureError):
        services.record_conduct(
            actor=getattr(team, who), inquiry=inquiry, conduct=_conduct()
        )
    assert Inquiry.objects.get(pk=inquiry.pk).conduct == {}


def test_a_case_handler_of_another_case_cannot_record_it(team):
    inquiry = build_inquiry(team, State.REGISTERED)
    with pytest.raises(services.ProcedureError):
        services.record_conduct(
            actor=Team().handler, inquiry=inquiry, conduct=_conduct()
        )


@pytest.mark.parametrize("state", [State.APPROVED, State.SENT])
def test_the_conduct_is_fixed_once_the_answer_is_approved(team, state):
    inquiry = build_inquiry(team, state)
    with pytest.raises(services.ProcedureError):
        services.record_conduct(actor=team.handler, inquiry=inquiry, conduct=_conduct())


def test_changing_the_conduct_after_the_facts_outdates_the_advice(team, client):
    inquiry = build_inquiry(team, State.ADVICE_COMPLETE)
    assert conditions.advice_current(inquiry)
    after = services.record_conduct(
        actor=team.handler, inquiry=inquiry, conduct=_conduct()
    )
    assert after.record_version == inquiry.record_version + 1
    assert not conditions.advice_current(after)
    # the same conduct again changes nothing
    again = services.record_conduct(
        actor=team.handler, inquiry=after, conduct=_conduct()
    )
    assert again.record_version == after.record_version
    assert AuditEntry.objects.filter(action="conduct.recorded").count() == 1
    client.force_login(team.hr)
    page = client.get(reverse("inquiries:detail", args=[inquiry.pk]), **EN)
    assert "Outdated" in page.content.decode()


# -- the case page -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            EN,
            [
                "What the rules say about the established conduct",
                "Take care",
                "As head of mission you represent the Netherlands",
                "(Ambtenarenwet art. 125a lid 1)",
                "What would change this",
                "Without a party-political position",
                "Precedents",
                "an ambassador had liked the Facebook page",
                "(2012-02-23)",
                "Spoken to (informal, no disciplinary punishment)",
                "NRC, 23 februari 2012",
            ],
        ),
        (
            NL,
            [
                "Wat de regels zeggen over het vastgestelde gedrag",
                "Let op",
                "Als hoofd van een post vertegenwoordigt u Nederland",
                "(Ambtenarenwet art. 125a lid 1)",
                "Wat dit oordeel zou veranderen",
                "Zonder partijpolitiek standpunt",
                "Eerdere gevallen",
                "Ambassadeur had als medewerker op het departement",
                "(2012-02-23)",
                "Aangesproken (informeel, geen disciplinaire straf)",
                "NRC, 23 februari 2012",
            ],
        ),
    ],
    ids=["en", "nl"],
)
def test_the_advisors_see_the_verdict_reasons_and_precedents(
    team, client, headers, expected
):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    services.record_conduct(actor=team.handler, inquiry=inquiry, conduct=_conduct())
    for member in (team.hr, team.legal, team.approver):
        client.force_login(member)
        page = client.get(reverse("inquiries:detail", args=[inquiry.pk]), **headers)
        html = page.content.decode()
        assert page.status_code == 200
        for text in expected:
            assert text in html, text
        assert 'data-level="caution"' in html
        assert 'id="save-conduct"' not in html  # the form is the case handler's


def test_no_card_before_the_conduct_is_recorded(team, client):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    client.force_login(team.hr)
    page = client.get(reverse("inquiries:detail", args=[inquiry.pk]), **EN)
    assert 'id="conduct-check"' not in page.content.decode()


def test_conduct_the_rules_no_longer_read_shows_a_message_not_an_error(
    team, client, monkeypatch
):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    # e.g. a rulebook that dropped a level since the conduct was recorded
    Inquiry.objects.filter(pk=inquiry.pk).update(
        conduct=_conduct(actor__level="ambassador")
    )
    client.force_login(team.legal)
    page = client.get(reverse("inquiries:detail", args=[inquiry.pk]), **EN)
    html = page.content.decode()
    assert page.status_code == 200
    assert "The rules cannot judge the recorded conduct" in html
    assert "actor.level" in html

    def broken(*args, **kwargs):
        raise ValueError("rulebook NL: cannot be read")

    monkeypatch.setattr("zorgvuldig.inquiries.conduct_card.run_check", broken)
    result = assessment(_conduct())
    assert result["verdicts"] == []
    assert "cannot be read" in result["error"]


def test_outsiders_get_404_on_the_page_and_the_form(team, client):
    inquiry = build_inquiry(team, State.REGISTERED)
    services.record_conduct(actor=team.handler, inquiry=inquiry, conduct=_conduct())
    outsider = Team().handler
    client.force_login(outsider)
    assert client.get(reverse("inquiries:detail", args=[inquiry.pk])).status_code == 404
    response = client.post(
        reverse("inquiries:conduct", args=[inquiry.pk]), _form_data(action="post")
    )
    assert response.status_code == 404
    assert Inquiry.objects.get(pk=inquiry.pk).conduct["action"]["type"] == "like"


# -- the form ------------------------------------------------------------------------------


def test_the_case_handler_records_the_conduct_through_the_form(team, client):
    inquiry = build_inquiry(team, State.REGISTERED)
    client.force_login(team.handler)
    page = client.get(reverse("inquiries:detail", args=[inquiry.pk]), **EN)
    html = page.content.decode()
    assert 'id="save-conduct"' in html
    assert 'value="2012-02-03"' in html  # judged on: the day of submission by default
    response = client.post(
        reverse("inquiries:conduct", args=[inquiry.pk]), _form_data(), **EN
    )
    assert response.status_code == 302
    conduct = Inquiry.objects.get(pk=inquiry.pk).conduct
    assert conduct["actor"] == {
        "jurisdiction": "NL",
        "organisation": team.org.name,
        "account": "personal_identifiable",
        "portfolio": ["bilaterale betrekkingen Zuid-Afrika", "Zuidelijk Afrika"],
        "level": "head_of_mission",
        "function": "ambassadeur",
    }
    assert conduct["action"]["target"]["content"][0] == {
        "text": "Geen regering met steun van de PVV",
        "date": "2010-06-20",
    }
    assert conduct["context"] == {"date": "2012-02-01"}
    assert conduct["text"] is None


def test_saving_the_form_unchanged_keeps_what_it_does_not_show(team):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    inquiry = services.record_conduct(
        actor=team.handler, inquiry=inquiry, conduct=_conduct()
    )
    shown = ConductForm(inquiry=inquiry)
    data = {
        name: "" if shown.initial.get(name) is None else str(shown.initial[name])
        for name in shown.fields
    }
    form = ConductForm(data, inquiry=inquiry)
    assert form.is_valid(), form.errors
    assert normalised(form.to_conduct()) == inquiry.conduct  # posted_in etc. kept
    after = services.record_conduct(
        actor=team.handler, inquiry=inquiry, conduct=form.to_conduct()
    )
    assert after.record_version == inquiry.record_version  # nothing changed


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"target_name": "", "target_content": ""}, "target_name", "Name the page"),
        ({"action": "post", "text": " "}, "text", "Write down the text"),
        ({"since": "2013-01-01"}, "since", "cannot be after the day"),
        ({"target_content": "2010-13-45 Iets"}, "target_content", "2010-13-45"),
        ({"judged_on": "gisteren"}, "judged_on", "Enter a valid date"),
    ],
)
def test_a_refused_form_keeps_everything_typed(team, client, changes, field, message):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    client.force_login(team.handler)
    data = _form_data(function="ambassadeur in Pretoria", **changes)
    response = client.post(reverse("inquiries:conduct", args=[inquiry.pk]), data, **EN)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert '<details id="conduct" open>' in html
    assert 'value="ambassadeur in Pretoria"' in html
    assert "Zuidelijk Afrika" in html
    assert Inquiry.objects.get(pk=inquiry.pk).conduct == {}
    form = ConductForm(data, inquiry=inquiry)
    assert not form.is_valid()
    assert field in form.errors


def test_hr_posting_the_form_is_refused_and_nothing_is_stored(team, client):
    inquiry = build_inquiry(team, State.FACTS_ESTABLISHED)
    client.force_login(team.hr)
    response = client.post(
        reverse("inquiries:conduct", args=[inquiry.pk]), _form_data(), **EN
    )
    assert response.status_code == 200
    assert "Only an assigned Case handler may do this." in response.content.decode()
    assert Inquiry.objects.get(pk=inquiry.pk).conduct == {}


def test_an_organisation_in_a_country_without_rules_gets_a_clear_error(team):
    team.org.country = "BE"
    team.org.save()
    inquiry = build_inquiry(team, State.REGISTERED)
    form = ConductForm(_form_data(), inquiry=inquiry)
    with translation.override("en"):
        assert not form.is_valid()
        assert form.non_field_errors() == [
            "There are no rules for the organisation's country (BE)."
        ]


FIELD_VALUES = {
    "action": ["post", "comment", "like", "share", "follow", "profile_picture", "x"],
    "target_kind": ["", "page", "post", "account", "x"],
    "account": ["personal_identifiable", "personal_anonymous", "official", ""],
    "level": ["", "staff", "senior", "top", "head_of_mission", "x"],
    "since": ["", "2010-03-01", "2012-02-01", "2099-12-31", "0001-01-01", "31-12-2010"],
    "judged_on": ["", "2012-02-01", "1900-01-01", "9999-12-31", "2012-02-30"],
}


def _field(name: str) -> st.SearchStrategy[str]:
    typed = st.text(max_size=60)
    if name in FIELD_VALUES:
        return st.sampled_from(FIELD_VALUES[name]) | typed
    if name == "target_content":
        dated = st.builds(
            lambda d, t: f"{d} {t}", st.dates().map(str) | st.text(max_size=12), typed
        )
        return st.lists(dated | typed, max_size=4).map("\n".join)
    return typed


@settings(max_examples=300, deadline=None)
@given(
    data=st.fixed_dictionaries(
        {name: _field(name) for name in ConductForm.base_fields}
    ),
    recorded=st.sampled_from([{}, AMBASSADOR]),
    country=st.sampled_from(["NL", "US", "GB", "UK", "BE", ""]),
)
def test_any_form_input_gives_a_conduct_the_rules_read_or_form_errors(
    data, recorded, country
):
    """Whatever is typed, the form either refuses it with field errors or gives a conduct
    the rulebooks accept: the service never meets a case it cannot read."""
    inquiry = SimpleNamespace(
        conduct=recorded,
        organisation=SimpleNamespace(country=country, name="Ministerie"),
        submitted=None,
    )
    form = ConductForm(data, inquiry=inquiry)
    if form.is_valid():
        conduct = form.to_conduct()
        parse_case(conduct)
        assert json.loads(json.dumps(normalised(conduct))) == normalised(conduct)
    else:
        assert form.errors
