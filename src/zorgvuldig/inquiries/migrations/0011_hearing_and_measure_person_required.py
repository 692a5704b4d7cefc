"""The person of a hearing or a measure is required (0010 filled it in)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0010_attach_hearings_and_measures_to_persons"),
    ]

    operations = [
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
