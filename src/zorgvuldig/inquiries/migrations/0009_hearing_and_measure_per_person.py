"""Hearing and measure per person concerned (they were one per inquiry): the schema, with
the person still optional; 0010 fills it in and 0011 makes it required."""

import django.db.models.deletion
from django.db import migrations, models


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
    ]
