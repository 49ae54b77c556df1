"""Evidence keeps the uploaded file's own name; files uploaded before get the best name their storage path still holds."""
from django.db import migrations, models


def name_from_storage_path(apps, schema_editor):
    Evidence = apps.get_model("assessments", "Evidence")
    for evidence in Evidence.objects.exclude(file="").only("file"):
        # Paths are ".../<sha256[:16]>-<name>"; a collision suffix added by the storage cannot be told apart.
        evidence.original_name = evidence.file.name.rsplit("/", 1)[-1].split("-", 1)[-1][:255]
        evidence.save(update_fields=["original_name"])


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0004_fill_stored_results"),
    ]

    operations = [
        migrations.AddField(
            model_name="evidence",
            name="original_name",
            field=models.CharField(blank=True, max_length=255, verbose_name="tên tệp gốc"),
        ),
        migrations.AddField(
            model_name="historicalevidence",
            name="original_name",
            field=models.CharField(blank=True, max_length=255, verbose_name="tên tệp gốc"),
        ),
        migrations.RunPython(name_from_storage_path, migrations.RunPython.noop),
    ]
