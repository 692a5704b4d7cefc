"""The answer check: measure words compared with the recorded measure, blocking approval."""

from __future__ import annotations

import pytest

from zorgvuldig.core.models import AuditEntry
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.answers.check import check_answer_text, open_findings
from zorgvuldig.inquiries.choices import MeasureCategory, State

from .factories import ANSWERS, Team, build_inquiry


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("De ambassadeur is aangesproken.", False),
        ("De minister spreekt de ambassadeur hierop aan.", False),
        ("De ambassadeur heeft een berisping gekregen.", True),
        ("De ambassadeur is berispt.", True),
        ("De ambassadeur krijgt geen berisping.", False),
        ("De ambassadeur is ontslagen.", True),
    ],
)
def test_measure_words_against_an_informal_correction(text, flagged):
    findings = check_answer_text(
        text,
        question=2,
        recorded_category=MeasureCategory.INFORMAL,
        recorded_term="aangesproken",
    )
    assert bool(findings) is flagged
    for f in findings:
        assert text[f.start : f.end] == f.text


def test_the_recorded_term_itself_is_never_flagged():
    findings = check_answer_text(
        "Betrokkene heeft een schriftelijke berisping gekregen.",
        question=1,
        recorded_category=MeasureCategory.PUNISHMENT,
        recorded_term="schriftelijke berisping",
    )
    assert findings == []


def _drafted(team: Team, answer_2: str):
    """An inquiry submitted for approval whose second answer reads ``answer_2``."""
    return build_inquiry(
        team, State.ANSWER_DRAFTED, answers={1: ANSWERS[1], 2: answer_2}
    )


@pytest.mark.django_db
def test_a_wrong_measure_word_blocks_approval_until_overridden_with_a_reason():
    team = Team()
    inquiry = _drafted(team, answer_2="De ambassadeur is berispt.")
    assert [f.text for f in open_findings(inquiry)] == ["berispt"]
    with pytest.raises(services.ProcedureError) as err:
        services.approve_answer(actor=team.approver, inquiry=inquiry)
    assert "measure words" in err.value.messages[0]
    with pytest.raises(services.ProcedureError):
        services.override_answer_check(actor=team.approver, inquiry=inquiry, reason="")
    services.override_answer_check(
        actor=team.approver, inquiry=inquiry, reason="Citaat uit de vraag."
    )
    assert AuditEntry.objects.filter(action="answer_check.overridden").exists()
    assert (
        services.approve_answer(actor=team.approver, inquiry=inquiry).state
        == State.APPROVED
    )


@pytest.mark.django_db
def test_an_override_lapses_when_the_findings_change():
    team = Team()
    inquiry = _drafted(team, answer_2="De ambassadeur is berispt.")
    services.override_answer_check(
        actor=team.approver, inquiry=inquiry, reason="Citaat."
    )
    services.save_answers(
        actor=team.handler, inquiry=inquiry, answers={2: "De ambassadeur is ontslagen."}
    )
    with pytest.raises(services.ProcedureError):
        services.approve_answer(actor=team.approver, inquiry=inquiry)


@pytest.mark.django_db
def test_fixing_the_wording_unblocks_approval():
    team = Team()
    inquiry = _drafted(team, answer_2="De ambassadeur is berispt.")
    services.save_answers(actor=team.handler, inquiry=inquiry, answers=ANSWERS)
    assert open_findings(inquiry) == []
    assert (
        services.approve_answer(actor=team.approver, inquiry=inquiry).state
        == State.APPROVED
    )


def test_the_employees_name_in_an_answer_is_found():
    from zorgvuldig.inquiries.answers.check import personal_data

    text = (
        "De heer De Vries heeft de pagina in 2010 leuk gevonden; "
        "J. de Vries werkte toen in Den Haag."
    )
    found = personal_data(text, question=2, names=["J. de Vries"])
    assert [f.text for f in found] == ["De Vries", "J. de Vries"]
    assert all(text[f.start : f.end] == f.text for f in found)
    assert (
        personal_data("Het Vriesland-beleid", question=1, names=["J. de Vries"]) == []
    )


@pytest.mark.parametrize(
    ("answers", "flagged"),
    [
        ({1: "De ambassadeur is aangesproken."}, True),
        (
            {
                1: "De ambassadeur is aangesproken.",
                2: "Het ministerie staat achter hem.",
            },
            False,
        ),
        ({1: "The official was spoken to. We have full confidence in him."}, False),
        ({1: "Het beleid is ongewijzigd."}, False),  # does not speak about the employee
    ],
)
def test_the_organisations_position_is_asked_for(answers, flagged):
    from zorgvuldig.inquiries.answers.check import missing_position

    found = missing_position(
        list(answers.items()),
        functions=["ambassadeur in Zuid-Afrika"],
        names=["J. de Vries"],
    )
    assert bool(found) is flagged


@pytest.mark.django_db
def test_a_name_in_the_answer_blocks_approval_until_changed():
    team = Team()
    inquiry = _drafted(team, answer_2="J. de Vries is aangesproken.")
    assert [f.kind for f in open_findings(inquiry)] == ["personal_data"]
    with pytest.raises(services.ProcedureError):
        services.approve_answer(actor=team.approver, inquiry=inquiry)
