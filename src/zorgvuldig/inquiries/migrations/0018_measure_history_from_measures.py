"""Each recorded measure (one row per employee before the history existed) becomes the
first entry of that employee's measure history: stage ``imposed``, in effect from its
decision day, with its category, exact term, the reason for a term that does not fit, its
legal basis, who recorded it and when. The entry is marked ``migrated``, and its grounds
are the reason given when it was last recorded (the audit trail's ``measure.recorded``
entry for that employee), when there was one. The ``Measure`` rows stay as they are.

Reversed, the migrated entries are removed (the ``Measure`` rows still hold what they
came from), with the entries that correct them (a correction points to what it corrects,
and the link protects it); other entries added after the migration stay until the table
itself goes.
"""

from django.db import migrations


def measures_to_history(apps, schema_editor):
    Measure = apps.get_model("inquiries", "Measure")
    MeasureEntry = apps.get_model("inquiries", "MeasureEntry")
    AuditEntry = apps.get_model("core", "AuditEntry")
    for m in Measure.objects.select_related("person").order_by("pk"):
        if MeasureEntry.objects.filter(person_id=m.person_id).exists():
            continue  # already has a history: run twice, added once
        MeasureEntry.objects.create(
            inquiry_id=m.inquiry_id,
            person_id=m.person_id,
            stage="imposed",
            category=m.category,
            term=m.term,
            term_mismatch_reason=m.term_mismatch_reason,
            legal_basis=m.legal_basis,
            effective_on=m.decided_on,
            grounds=_last_reason(AuditEntry, m),
            migrated=True,
            recorded_by_id=m.recorded_by_id,
            recorded_at=m.recorded_at,
        )


def _last_reason(AuditEntry, measure) -> str:
    """The reason of the last ``measure.recorded`` audit entry for this employee."""
    entries = AuditEntry.objects.filter(
        action="measure.recorded",
        target_type__app_label="inquiries",
        target_type__model="inquiry",
        target_id=str(measure.inquiry_id),
    ).order_by("-at", "-pk")
    # an entry that names no person belongs to this employee only when the case
    # concerns no one else
    alone = (
        measure.person.__class__.objects.filter(inquiry_id=measure.inquiry_id).count()
        == 1
    )
    for entry in entries:
        person = (entry.summary_params or {}).get("person")
        if person == measure.person.name or (person is None and alone):
            return entry.reason or ""
    return ""


def remove_migrated(apps, schema_editor):
    MeasureEntry = apps.get_model("inquiries", "MeasureEntry")
    # The model's delete() refuses; the historical model has no such method. The
    # corrections of migrated entries go with them, each before what it corrects (a
    # correction is always recorded later, so it has the higher pk; the link protects
    # what it corrects).
    doomed = set(
        MeasureEntry.objects.filter(migrated=True).values_list("pk", flat=True)
    )
    while more := set(
        MeasureEntry.objects.filter(corrects_id__in=doomed)
        .exclude(pk__in=doomed)
        .values_list("pk", flat=True)
    ):
        doomed |= more
    for pk in sorted(doomed, reverse=True):
        MeasureEntry.objects.filter(pk=pk).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0017_measure_history"),
        ("core", "0007_user_oidc_subject"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(measures_to_history, remove_migrated),
    ]
