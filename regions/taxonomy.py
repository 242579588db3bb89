"""The seed taxonomy of DOMAIN.md: needs, staff expertise and facilities, as (slug, Dutch name) in display order.

Loaded by a data migration; `ensure_taxonomy` restores it where a test flushed the database.
"""

from __future__ import annotations

from typing import Any

NEEDS: list[tuple[str, str]] = [
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
STAFF: list[tuple[str, str]] = [
    ("intern-begeleider", "Intern begeleider (IB'er)"),
    ("orthopedagoog", "Orthopedagoog"),
    ("gedragsspecialist", "Gedragsspecialist"),
    ("dyslexiecoach", "Dyslexiecoach"),
    ("logopedist", "Logopedist"),
    ("onderwijsassistent", "Onderwijsassistent"),
    ("ondersteuningscoordinator", "Ondersteuningscoördinator"),
]
FACILITIES: list[tuple[str, str]] = [
    ("lift", "Lift"),
    ("hellingbanen", "Hellingbanen"),
    ("aangepast-toilet", "Aangepast toilet"),
    ("ringleiding", "Ringleiding"),
    ("prikkelarme-ruimte", "Prikkelarme ruimte"),
    ("time-out-ruimte", "Time-outruimte"),
    ("kleine-groepen", "Werken in kleine groepen"),
    ("verzorgingsruimte", "Verzorgingsruimte"),
]


def seed_taxonomy(get_model: Any) -> None:
    """Create or update every term; `get_model(name)` returns the model (historical in a migration)."""
    for model_name, terms in (("Need", NEEDS), ("StaffRole", STAFF), ("Facility", FACILITIES)):
        model = get_model(model_name)
        for position, (slug, name) in enumerate(terms, start=1):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


def ensure_taxonomy() -> None:
    from django.apps import apps

    if not apps.get_model("regions", "Need").objects.exists():
        seed_taxonomy(lambda name: apps.get_model("regions", name))
