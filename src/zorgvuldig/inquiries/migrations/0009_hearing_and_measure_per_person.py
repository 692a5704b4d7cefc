"""Hearing and measure per person concerned (they were one per inquiry).

Existing hearings and measures belong to the inquiry's first person concerned (the only one
the pages let them be recorded for); rows of an inquiry without any person are removed, as
the services never allowed them.
"""

import django.db.models.deletion
from django.db import migrations, models


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


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0008_question_answered_with"),
    ]

    operations = [
        # Ordered by the column itself: ordering by "inquiry" would join the inquiry table
        # (to sort by its own ordering) on every read of persons or questions.
        migrations.AlterModelOptions(
            name="question",
            options={
                "ordering": ("inquiry_id", "number"),
                "verbose_name": "question",
                "verbose_name_plural": "questions",
            },
        ),
        migrations.AlterModelOptions(
            name="personconcerned",
            options={
                "ordering": ("inquiry_id", "pk"),
                "verbose_name": "person concerned",
                "verbose_name_plural": "persons concerned",
            },
        ),
        migrations.AddField(
            model_name="hearing",
            name="person",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="hearing",
                to="inquiries.personconcerned",
                verbose_name="employee",
            ),
        ),
        migrations.AddField(
            model_name="measure",
            name="person",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="measure",
                to="inquiries.personconcerned",
                verbose_name="employee",
            ),
        ),
        migrations.AlterField(
            model_name="hearing",
            name="inquiry",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="hearings",
                to="inquiries.inquiry",
            ),
        ),
        migrations.AlterField(
            model_name="measure",
            name="inquiry",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="measures",
                to="inquiries.inquiry",
            ),
        ),
        migrations.RunPython(attach_to_first_person, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="hearing",
            name="person",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="hearing",
                to="inquiries.personconcerned",
                verbose_name="employee",
            ),
        ),
        migrations.AlterField(
            model_name="measure",
            name="person",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="measure",
                to="inquiries.personconcerned",
                verbose_name="employee",
            ),
        ),
    ]
