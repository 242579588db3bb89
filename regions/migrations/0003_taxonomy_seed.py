"""The seed taxonomy of DOMAIN.md: needs, staff expertise and facilities. Coordinators' profiles refer to these."""

from django.db import migrations

NEEDS = [
    ("gedrag", "Gedrag en sociaal-emotionele ontwikkeling"),
    ("autisme", "Autisme"),
    ("aandacht", "Aandacht en concentratie (zoals ADHD)"),
    ("lezen", "Lezen en spellen (zoals dyslexie)"),
    ("rekenen", "Rekenen (zoals dyscalculie)"),
    ("taal-spraak", "Taal en spraak (zoals TOS)"),
    ("hoogbegaafdheid", "Meer- en hoogbegaafdheid"),
    ("plannen", "Plannen en organiseren (executieve functies)"),
    ("motoriek", "Motoriek en bewegen"),
    ("medisch", "Medische zorg"),
    ("horen", "Horen"),
    ("zien", "Zien"),
    ("leren", "Leren en begrijpen (verstandelijke beperking)"),
]
STAFF = [
    ("intern-begeleider", "Intern begeleider (IB'er)"),
    ("orthopedagoog", "Orthopedagoog"),
    ("gedragsspecialist", "Gedragsspecialist"),
    ("dyslexiecoach", "Dyslexiecoach"),
    ("logopedist", "Logopedist"),
    ("onderwijsassistent", "Onderwijsassistent"),
    ("ondersteuningscoordinator", "Ondersteuningscoördinator"),
]
FACILITIES = [
    ("lift", "Lift"),
    ("hellingbanen", "Hellingbanen"),
    ("aangepast-toilet", "Aangepast toilet"),
    ("ringleiding", "Ringleiding"),
    ("prikkelarme-ruimte", "Prikkelarme ruimte"),
    ("time-out-ruimte", "Time-outruimte"),
    ("kleine-groepen", "Werken in kleine groepen"),
    ("verzorgingsruimte", "Verzorgingsruimte"),
]


def seed(apps, schema_editor):
    for model_name, terms in (("Need", NEEDS), ("StaffRole", STAFF), ("Facility", FACILITIES)):
        model = apps.get_model("regions", model_name)
        for position, (slug, name) in enumerate(terms, start=1):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("regions", "0002_schools_and_profiles")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
