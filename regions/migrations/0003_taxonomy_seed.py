"""The seed taxonomy of DOMAIN.md: needs, staff expertise and facilities. Coordinators' profiles refer to these."""

from django.db import migrations

from regions.taxonomy import seed_taxonomy


def seed(apps, schema_editor):
    seed_taxonomy(lambda name: apps.get_model("regions", name))


class Migration(migrations.Migration):
    dependencies = [("regions", "0002_schools_and_profiles")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
