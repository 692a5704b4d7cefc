"""The admin names what is wrong in an organisation's procedure settings when it is saved."""

from __future__ import annotations

import pytest

from zorgvuldig.core.admin import OrganisationForm
from zorgvuldig.core.settings_checks import settings_problems

from .factories import make_org

pytestmark = pytest.mark.django_db

GOOD = {
    "milestones": {"facts": [3, 5]},
    "reminders": {"due_soon_days": 2, "escalate_after_days": 3},
    "approval_layers": ["director", "secretary-general"],
    "holidays": {"extra": ["05-05"]},
    "advisors": [{"code": "integrity", "label": "Bureau Integriteit"}],
}


def test_the_documented_example_has_no_problems():
    assert settings_problems(GOOD) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([1], "must be a JSON object"),
        ({"advisor": []}, "Unknown key 'advisor'"),
        ({"milestones": {"facts": [5, 3]}}, "milestones.facts: expected 0 <="),
        ({"milestones": {"approval": [3, 10_000_000]}}, "fatal <= 250"),
        ({"milestones": {"facts": "35"}}, "expected [target, fatal]"),
        ({"milestones": {"facts": [True, 5.9]}}, "expected [target, fatal]"),
        ({"reminders": {"due_soon_days": 10_000_000}}, "from 0 to 60"),
        ({"milestones": {"lunch": [1, 2]}}, "unknown step"),
        ({"reminders": {"due_soon_days": -1}}, "reminders: due_soon_days"),
        ({"reminders": {"sooner": 1}}, "unknown key 'sooner'"),
        ({"approval_layers": [1]}, "approval_layers: expected a list"),
        ({"holidays": {"extra": ["5 mei"]}}, "holidays.extra[0]: '5 mei' is not a day"),
        ({"advisors": [{"code": "X"}]}, "advisors: advisor code 'X'"),
    ],
)
def test_each_mistake_is_named_with_its_key(value, expected):
    problems = settings_problems(value)
    assert any(expected in p for p in problems), problems


def test_the_admin_form_refuses_bad_settings_and_keeps_them_for_correction():
    org = make_org("Ministerie van Voorbeelden")
    bad = '{"advisors": [{"code": "integrity", "role": "employee"}]}'
    form = OrganisationForm(
        data={"name": org.name, "country": "NL", "procedure_settings": bad},
        instance=org,
    )
    assert not form.is_valid()
    assert "role must be one of" in " ".join(form.errors["procedure_settings"])
    good = OrganisationForm(
        data={
            "name": org.name,
            "country": "NL",
            "procedure_settings": '{"holidays": {}}',
        },
        instance=org,
    )
    assert good.is_valid(), good.errors
