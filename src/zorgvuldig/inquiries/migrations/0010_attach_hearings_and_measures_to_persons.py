"""Existing hearings and measures belong to the inquiry's first person concerned (the only
one the pages let them be recorded for); rows of an inquiry without any person are removed,
as the services never allowed them.

Reversed, each inquiry keeps only the hearing and the measure of its first person, because
the schema before 0009 holds one of each per inquiry.
"""

from django.db import migrations


def attach_to_first_person(apps, schema_editor):
    PersonConcerned = apps.get_model("inquiries", "PersonConcerned")
    for model_name in ("Hearing", "Measure"):
        model = apps.get_model("inquiries", model_name)
        for row in model.objects.filter(person__isnull=True):
            person = (
                PersonConcerned.objects.filter(inquiry_id=row.inquiry_id)
                .order_by("pk")
                .first()
            )
            if person is None:
                row.delete()
            else:
                row.person = person
                row.save(update_fields=["person"])


def keep_first_person_only(apps, schema_editor):
    for model_name in ("Hearing", "Measure"):
        model = apps.get_model("inquiries", model_name)
        kept: set[int] = set()
        for row in model.objects.order_by("inquiry_id", "person_id", "pk"):
            if row.inquiry_id in kept:
                row.delete()
            else:
                kept.add(row.inquiry_id)


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0009_hearing_and_measure_per_person"),
    ]

    operations = [
        migrations.RunPython(attach_to_first_person, keep_first_person_only),
    ]
