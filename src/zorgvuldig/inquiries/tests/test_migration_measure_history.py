"""Migration 0018: every single measure row becomes the first entry of its employee's
history, with nothing lost; reversed, the migrated entries go and the rows stay."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("inquiries", "0017_measure_history")]
AFTER = [("inquiries", "0018_measure_history_from_measures")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_each_measure_becomes_an_imposed_entry_with_all_its_fields():
    apps = _migrate(BEFORE)
    Organisation = apps.get_model("core", "Organisation")
    User = apps.get_model("core", "User")
    Inquiry = apps.get_model("inquiries", "Inquiry")
    PersonConcerned = apps.get_model("inquiries", "PersonConcerned")
    Measure = apps.get_model("inquiries", "Measure")
    AuditEntry = apps.get_model("core", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    org = Organisation.objects.create(name="Ministerie")
    hr = User.objects.create(username="hr-mig", organisation=org, role="hr_advisor")
    inquiry = Inquiry.objects.create(organisation=org, subject="Vragen", number="M-1")
    a = PersonConcerned.objects.create(
        inquiry=inquiry, name="A. Jansen", function="consul"
    )
    b = PersonConcerned.objects.create(
        inquiry=inquiry, name="B. de Wit", function="attaché"
    )
    at = dt.datetime(2012, 2, 9, 10, 0, tzinfo=dt.UTC)
    Measure.objects.create(
        inquiry=inquiry,
        person=a,
        category="punishment",
        term="schriftelijke berisping",
        legal_basis="CAO Rijk art. 15.1",
        decided_on=dt.date(2012, 2, 9),
        recorded_by=hr,
        recorded_at=at,
    )
    Measure.objects.create(
        inquiry=inquiry,
        person=b,
        category="informal",
        term="stevig gesprek",
        term_mismatch_reason="our own words",
        decided_on=dt.date(2012, 2, 10),
        recorded_by=hr,
        recorded_at=at,
    )
    AuditEntry.objects.create(
        action="measure.recorded",
        actor=hr,
        summary="A. Jansen: schriftelijke berisping",
        summary_params={"person": "A. Jansen"},
        reason="Besluit 9 februari 2012",
        target_type=ContentType.objects.get(app_label="inquiries", model="inquiry"),
        target_id=str(inquiry.pk),
    )
    # an older entry that names no person: in a case about two, it is neither's reason
    AuditEntry.objects.create(
        action="measure.recorded",
        actor=hr,
        summary="maatregel",
        summary_params={},
        reason="Reden zonder persoon",
        target_type=ContentType.objects.get(app_label="inquiries", model="inquiry"),
        target_id=str(inquiry.pk),
    )

    apps = _migrate(AFTER)
    MeasureEntry = apps.get_model("inquiries", "MeasureEntry")
    rows = {e.person_id: e for e in MeasureEntry.objects.all()}
    assert len(rows) == 2
    first, second = rows[a.pk], rows[b.pk]
    assert (first.stage, first.category, first.term, first.legal_basis) == (
        "imposed",
        "punishment",
        "schriftelijke berisping",
        "CAO Rijk art. 15.1",
    )
    assert first.effective_on == dt.date(2012, 2, 9)
    assert first.recorded_by_id == hr.pk and first.recorded_at == at
    assert first.grounds == "Besluit 9 februari 2012"
    assert first.migrated and first.corrects_id is None
    assert second.term_mismatch_reason == "our own words"
    assert second.grounds == ""
    assert apps.get_model("inquiries", "Measure").objects.count() == 2
    # a later correction of a migrated entry (it protects what it corrects)
    MeasureEntry.objects.create(
        inquiry_id=inquiry.pk,
        person_id=a.pk,
        stage="imposed",
        category="punishment",
        term="schriftelijke berisping",
        effective_on=dt.date(2012, 2, 9),
        grounds="Correctie",
        corrects_id=first.pk,
        recorded_by_id=hr.pk,
        recorded_at=at,
    )

    apps = _migrate(BEFORE)
    assert apps.get_model("inquiries", "MeasureEntry").objects.count() == 0
    assert apps.get_model("inquiries", "Measure").objects.count() == 2
    _migrate([("inquiries", _latest())])


def _latest() -> str:
    executor = MigrationExecutor(connection)
    return max(
        name for app, name in executor.loader.graph.leaf_nodes() if app == "inquiries"
    )
