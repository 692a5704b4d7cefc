"""The demo loader: one organisation, a user per role, the 2012 case; loading twice is harmless."""

from __future__ import annotations

import io

import pytest
from docx import Document

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import User
from zorgvuldig.demo import DEMO_PASSWORD, load_demo
from zorgvuldig.inquiries.answers.documents import render_docx
from zorgvuldig.inquiries.choices import State
from zorgvuldig.inquiries.models import Inquiry

pytestmark = pytest.mark.django_db


def test_demo_has_a_user_per_role_and_the_case_once():
    report = load_demo()
    load_demo()
    assert DEMO_PASSWORD in report
    assert {u.role for u in User.objects.all()} == set(Role.values)
    case = Inquiry.objects.get()
    assert case.state == State.REGISTERED
    assert case.subject.startswith("Politieke uitingen van een ambassadeur")
    assert str(case.deadline) == "2012-02-24"
    assert case.questions.count() == 4
    assert case.concerns_person
    assigned_roles = {u.role for u in case.assignees.all()}
    assert {Role.CASE_HANDLER, Role.HR_ADVISOR, Role.LEGAL_ADVISOR, Role.APPROVER} <= (
        assigned_roles
    )
    assert Role.WORKS_COUNCIL not in assigned_roles


def test_the_answer_document_carries_the_organisation_not_the_library():
    load_demo()
    props = Document(
        io.BytesIO(render_docx(Inquiry.objects.get(), "answer"))
    ).core_properties
    assert props.author == "Ministerie van Buitenlandse Zaken"
    assert "python-docx" not in (props.comments or "")
    assert props.created.year >= 2026


def test_the_conduct_card_dates_what_the_timeline_dates():
    """The demo's recorded conduct and its facts timeline tell the 2012 case the same
    way: the page liked on 1 March 2010, the contested post of 20 January 2012 (the
    conduct card used to date that post 20 June 2010, against the timeline)."""
    load_demo()
    case = Inquiry.objects.get()
    events = {e.side: e for e in case.timeline_events.all()}
    like, post = events["employee"], events["target"]
    action = case.conduct["action"]
    assert str(like.when.date()) == action["since"] == "2010-03-01"
    dated = {c["text"]: c.get("date") for c in action["target"]["content"]}
    assert dated[post.text] == str(post.when.date()) == "2012-01-20"
    assert action["target"]["name"] == like.target == post.account


def test_the_contested_post_is_linked_to_its_evidence():
    load_demo()
    case = Inquiry.objects.get()
    post = case.timeline_events.get(side="target")
    assert post.evidence is not None and post.evidence.inquiry_id == case.pk
