"""One row per home section, in the default order, all shown."""

from django.db import migrations

DEFAULT_ORDER = ["latest_news", "for_you", "whats_popular", "whats_new", "whos_new", "whos_popular"]


def seed(apps, schema_editor):
    HomeSection = apps.get_model("home", "HomeSection")
    for position, key in enumerate(DEFAULT_ORDER, start=1):
        HomeSection.objects.get_or_create(key=key, defaults={"position": position * 10})


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
