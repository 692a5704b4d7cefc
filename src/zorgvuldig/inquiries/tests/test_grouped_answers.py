"""Grouped answers: "Antwoord 2, 3 en 4" answers questions 2, 3 and 4 in one text.

The rule (``grouping``), the model's invariants, the form and the service, the conditions and
the answer check, the documents and the case page.
"""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.core.models import AuditEntry
from zorgvuldig.inquiries import services
from zorgvuldig.inquiries.answers.check import PERSONAL_DATA, open_findings
from zorgvuldig.inquiries.answers.documents import document_context, render_docx
from zorgvuldig.inquiries.answers.grouping import (
    BOTH,
    CHAINED,
    ITSELF,
    LATER,
    LEADER_EMPTY,
    UNKNOWN,
    answer_blocks,
    grouping_problems,
    number_list,
)
from zorgvuldig.inquiries.choices import MeasureCategory, State
from zorgvuldig.inquiries.forms import AnswersForm
from zorgvuldig.inquiries.models import Inquiry, Question
from zorgvuldig.inquiries.procedure import guards as conditions

from .factories import ANSWERS, Team, build_inquiry

EN = {"headers": {"accept-language": "en"}}
NL = {"headers": {"accept-language": "nl"}}

FOUR = [
    {"number": 1, "text": "Kent u het bericht?"},
    {"number": 2, "text": "Is het waar dat de ambassadeur de pagina leuk vindt?"},
    {"number": 3, "text": "Sinds wanneer weet u dat?"},
    {"number": 4, "text": "Welke maatregel is genomen?"},
]
GROUPED = {1: ANSWERS[1], 2: ANSWERS[2], 3: "", 4: ""}


def _text(docx_bytes: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(docx_bytes)).paragraphs]


# --- the number list ("2, 3 en 4")


@pytest.mark.parametrize(
    ("numbers", "english", "dutch"),
    [
        ([], "", ""),
        ([2], "2", "2"),
        ([3, 2], "2 and 3", "2 en 3"),
        ([4, 2, 3, 3], "2, 3 and 4", "2, 3 en 4"),
    ],
)
def test_numbers_are_listed_as_written_answers_list_them(numbers, english, dutch):
    assert number_list(numbers) == english
    with translation.override("nl"):
        assert number_list(numbers) == dutch


@given(st.lists(st.integers(min_value=1, max_value=999), max_size=30))
def test_a_number_list_reads_back_to_the_sorted_numbers(numbers):
    with translation.override("nl"):
        shown = number_list(numbers)
    expected = sorted(set(numbers))
    assert shown.count(" en ") == (1 if len(expected) > 1 else 0)
    back = [int(part) for part in shown.replace(" en ", ", ").split(", ") if part]
    assert back == expected


# --- the grouping rule


def _valid(number, leaders, texts):
    """An independent statement of the rule, for the property test."""
    leader = leaders[number]
    return leader is None or (
        leader in leaders
        and leader < number
        and leaders[leader] is None
        and not texts[number].strip()
        and bool(texts[leader].strip())
    )


@st.composite
def groupings(draw):
    count = draw(st.integers(min_value=1, max_value=8))
    numbers = range(1, count + 1)
    leaders = {
        n: draw(st.none() | st.integers(min_value=0, max_value=count + 1))
        for n in numbers
    }
    texts = {n: draw(st.sampled_from(["", " ", "Ja."])) for n in numbers}
    return leaders, texts


@given(groupings())
def test_exactly_the_invalid_links_are_problems(grouping):
    leaders, texts = grouping
    problems = grouping_problems(leaders, texts)
    assert [p.number for p in problems] == sorted(
        n for n in leaders if not _valid(n, leaders, texts)
    )
    for p in problems:
        assert p.message  # every problem says what to do


@given(groupings())
def test_blocks_print_every_question_once_in_order(grouping):
    leaders, _texts = grouping
    blocks = answer_blocks(leaders)
    assert [n for b in blocks for n in b.questions] == sorted(leaders)
    for b in blocks:
        assert all((leaders[n] or n) == b.leader for n in b.questions)
        assert set(b.questions) <= set(b.group)


def test_each_problem_has_its_reason():
    leaders = {1: None, 2: 2, 3: 9, 4: 5, 5: None, 6: 4, 7: 1, 8: 5}
    texts = {1: "Ja.", 5: "", 7: "Eigen tekst."}
    got = {p.number: p.code for p in grouping_problems(leaders, texts)}
    assert got == {
        2: ITSELF,
        3: UNKNOWN,
        4: LATER,
        6: CHAINED,
        7: BOTH,
        8: LEADER_EMPTY,
    }


def test_a_group_split_by_other_questions_refers_to_its_answer():
    blocks = answer_blocks({1: None, 2: None, 3: 2, 4: None, 5: 2})
    assert [(b.questions, b.refers) for b in blocks] == [
        ((1,), False),
        ((2, 3), False),
        ((4,), False),
        ((5,), True),
    ]
    assert blocks[1].group == (2, 3, 5)
    with translation.override("nl"):
        assert blocks[1].answer_label == "Antwoord 2 en 3"
        assert blocks[1].question_label == "Vraag 2 en 3"
        assert blocks[3].reference == "Zie het antwoord op vraag 2."
    assert blocks[1].question_label == "Questions 2 and 3"
    assert blocks[0].question_label == "Question 1"


# --- with the database


@pytest.fixture
def team(db):
    return Team()


@pytest.fixture
def drafting(team):
    """Four questions, the measure decided: the case handler writes the answer."""
    return build_inquiry(team, State.MEASURE_DECIDED, questions=FOUR)


def _q(inquiry, number):
    return Question.objects.get(inquiry=inquiry, number=number)


def test_the_model_allows_one_leader_per_group_of_the_same_inquiry(team, drafting):
    other = build_inquiry(team, State.REGISTERED, questions=FOUR)
    q2, q3, q4 = (_q(drafting, n) for n in (2, 3, 4))
    q3.answered_with = q2
    q3.full_clean()  # fine: an earlier, ungrouped question of the same inquiry
    q3.save()
    refused = [
        (q4, _q(other, 1)),  # another inquiry
        (_q(drafting, 2), q4),  # a later question
        (q4, q4),  # itself
        (q4, q3),  # a chain: 3 is answered with 2
    ]
    for question, leader in refused:
        question.answered_with = leader
        with pytest.raises(ValidationError) as caught:
            question.full_clean()
        assert "answered_with" in caught.value.message_dict


def test_the_database_refuses_a_question_answered_with_itself(drafting):
    q = _q(drafting, 2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(pk=q.pk).update(answered_with=q)


def test_the_form_offers_earlier_questions_only(drafting):
    form = AnswersForm(inquiry=drafting)
    assert "answered_with_1" not in form.fields
    choices = [value for value, _label in form.fields["answered_with_3"].choices]
    assert choices == ["", "1", "2"]


def _post(**values):
    data = {f"answer_{n}": "" for n in range(1, 5)}
    data.update(values)
    return data


def test_the_form_accepts_a_group_and_names_the_wrong_fields(drafting):
    form = AnswersForm(
        _post(
            answer_1="Ja.",
            answer_2="Zie hieronder.",
            answered_with_3="2",
            answered_with_4="2",
        ),
        inquiry=drafting,
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_groups() == {2: None, 3: 2, 4: 2}

    form = AnswersForm(
        _post(
            answer_1="Ja.",
            answered_with_3="2",
            answer_4="Eigen antwoord.",
            answered_with_4="1",
        ),
        inquiry=drafting,
    )
    assert not form.is_valid()
    assert "Question 2 has no answer yet" in form.errors["answered_with_3"][0]
    assert "has an answer of its own" in form.errors["answered_with_4"][0]
    assert form["answer_4"].value() == "Eigen antwoord."  # nothing typed is lost

    form = AnswersForm(
        _post(answer_1="Ja.", answered_with_2="1", answered_with_3="2"),
        inquiry=drafting,
    )
    assert not form.is_valid()
    assert "choose question 1" in form.errors["answered_with_3"][0]


def test_the_service_saves_and_audits_the_grouping(team, drafting):
    services.save_answers(
        actor=team.handler,
        inquiry=drafting,
        answers=GROUPED,
        groups={3: 2, 4: 2},
        reason="Vragen 2 tot en met 4 samen",
    )
    assert _q(drafting, 3).answered_with == _q(drafting, 2)
    entry = AuditEntry.objects.filter(action="answer.changed").first()
    assert entry.changes["answered_with 3"] == [None, 2]
    assert entry.reason == "Vragen 2 tot en met 4 samen"
    # Questions left out of ``groups`` keep their group.
    services.save_answers(actor=team.handler, inquiry=drafting, answers={1: "Nee."})
    assert _q(drafting, 4).answered_with == _q(drafting, 2)
    services.save_answers(
        actor=team.handler, inquiry=drafting, answers={4: "Eigen."}, groups={4: None}
    )
    assert _q(drafting, 4).answered_with is None


def test_the_service_refuses_a_chain(team, drafting):
    services.save_answers(
        actor=team.handler, inquiry=drafting, answers=GROUPED, groups={3: 2}
    )
    with pytest.raises(services.ProcedureError) as caught:
        services.save_answers(
            actor=team.handler, inquiry=drafting, answers={}, groups={2: 1}
        )
    assert "choose question 1" in str(caught.value)
    with pytest.raises(services.ProcedureError):
        services.save_answers(
            actor=team.handler, inquiry=drafting, answers={}, groups={9: 1}
        )
    assert _q(drafting, 2).answered_with is None


def _fresh(inquiry):
    return Inquiry.objects.prefetch_related("questions", "persons").get(pk=inquiry.pk)


def test_a_question_answered_in_its_group_counts_as_answered(team, drafting):
    services.save_answers(
        actor=team.handler, inquiry=drafting, answers=GROUPED, groups={3: 2, 4: 2}
    )
    assert conditions.all_questions_answered(_fresh(drafting))
    Question.objects.filter(inquiry=drafting, number=2).update(answer="")
    assert not conditions.all_questions_answered(_fresh(drafting))


def test_the_answer_check_reads_a_group_text_once(team):
    inquiry = build_inquiry(
        team,
        State.MEASURE_DECIDED,
        questions=FOUR,
        measure=(MeasureCategory.INFORMAL, "aangesproken"),
    )
    services.save_answers(
        actor=team.handler,
        inquiry=inquiry,
        answers={
            1: ANSWERS[1],
            2: "De ambassadeur J. de Vries heeft een berisping gekregen.",
        },
        groups={3: 2, 4: 2},
    )
    findings = open_findings(_fresh(inquiry))
    assert {f.question for f in findings} == {2}
    assert len([f for f in findings if f.kind == PERSONAL_DATA]) == 1
    assert any(f.judgement == "overstated" for f in findings)


# --- documents


@pytest.fixture
def approved(team):
    return build_inquiry(
        team, State.APPROVED, questions=FOUR, answers=GROUPED, groups={3: 2, 4: 2}
    )


def test_the_answer_document_prints_each_question_then_one_grouped_answer(approved):
    lines = _text(render_docx(approved, "answer"))
    assert "Antwoord 2, 3 en 4" in lines
    at = lines.index("Antwoord 2, 3 en 4")
    assert lines.index("Vraag 2") < lines.index("Vraag 3") < lines.index("Vraag 4") < at
    assert lines[at + 1] == ANSWERS[2]
    assert lines.index("Antwoord 1") < lines.index("Vraag 2")
    assert not any(line in ("Antwoord 3", "Antwoord 4") for line in lines)


def test_a_replaced_template_of_before_grouping_still_reads_well(approved, tmp_path):
    doc = Document()
    doc.add_paragraph("{%p for q in questions %}")
    doc.add_paragraph("Antwoord {{ q.number }}: {{ q.answer }}")
    doc.add_paragraph("{%p endfor %}")
    doc.save(tmp_path / "answer.docx")
    with override_settings(ZORGVULDIG_DOCUMENT_TEMPLATES=str(tmp_path)):
        lines = _text(render_docx(approved, "answer"))
    assert lines == [
        f"Antwoord 1: {ANSWERS[1]}",
        f"Antwoord 2: {ANSWERS[2]}",
        "Antwoord 3: Zie het antwoord op vraag 2.",
        "Antwoord 4: Zie het antwoord op vraag 2.",
    ]


def test_the_pdf_layout_groups_the_answer_too(approved):
    with translation.override("nl"):
        html = render_to_string(
            "inquiries/documents/answer.html", document_context(approved, "answer")
        )
    assert html.count("Antwoord 2, 3 en 4") == 1
    assert html.index("Vraag 4") < html.index("Antwoord 2, 3 en 4")


# --- the case page


def test_the_case_page_shows_grouped_questions_together(client, team, approved):
    client.force_login(team.handler)
    url = reverse("inquiries:detail", args=[approved.pk])
    page = client.get(url, **EN).content.decode()
    assert "Questions 2, 3 and 4" in page
    assert "Answer 2, 3 and 4" in page
    assert page.count(ANSWERS[2]) == 1
    page = client.get(url, **NL).content.decode()
    assert "Vraag 2, 3 en 4" in page
    assert "Antwoord 2, 3 en 4" in page


def test_the_case_handler_groups_answers_on_the_case_page(client, team, drafting):
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:answers", args=[drafting.pk]),
        _post(
            answer_1="Ja.",
            answer_2="Het antwoord op drie vragen.",
            answered_with_3="2",
            answered_with_4="2",
        ),
        **EN,
    )
    assert response.status_code == 302
    assert _q(drafting, 4).answered_with == _q(drafting, 2)
    page = client.get(response.url, **EN).content.decode()
    assert "Answer 2, 3 and 4" in page
    assert 'name="answer_3"' not in page  # a grouped question has no text of its own
    assert '<option value="2" selected>' in page


def test_a_refused_grouping_keeps_what_was_typed(client, team, drafting):
    client.force_login(team.handler)
    response = client.post(
        reverse("inquiries:answers", args=[drafting.pk]),
        _post(
            answer_1="Een antwoord dat niet verloren mag gaan.",
            answer_3="Ook deze tekst blijft.",
            answered_with_3="2",
        ),
        **EN,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Question 3 has an answer of its own" in page
    assert "Een antwoord dat niet verloren mag gaan." in page
    assert "Ook deze tekst blijft." in page
    assert _q(drafting, 3).answered_with is None
