"""A simple check for personal details in a parent's experience, so the moderator knows where to look.

It flags, it does not decide: the moderator reads every experience anyway. Better a false alarm than a child's name
on a public page.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

CHILD_NAME_RE = re.compile(
    r"\b(?i:mijn|onze)\s+(?i:zoon|zoontje|dochter|dochtertje|kind|jongen|meisje|pleegzoon|pleegdochter)"
    r"(?:\s*,)?\s+([A-ZÀ-Ý][a-zà-ÿ'-]+)",
)
NAMED_RE = re.compile(r"\b(?:hij|zij|ze|die)\s+heet\s+([A-ZÀ-Ý][a-zà-ÿ'-]+)", re.IGNORECASE)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dutch numbers: 06-12345678, 030 123 4567, +31 6 1234 5678; ten digits after a leading 0 (or +31 and nine).
PHONE_RE = re.compile(r"(?<![\w+])(?:\+31|0031|0)(?:[\s.-]?\d){9}(?!\d)")
# Words that are not names although they follow "mijn zoon" with a capital at the start of a sentence.
NOT_NAMES = {"Hij", "Zij", "Ze", "Die", "Het", "De", "Een", "En", "Maar", "Dat", "Is", "Was", "Heeft", "Had"}


def personal_details(text: str) -> list[str]:
    """Human-readable flags for everything in `text` that looks like a name, e-mail address or phone number."""
    flags: list[str] = []
    for match in CHILD_NAME_RE.finditer(text):
        if match[1] not in NOT_NAMES:
            flags.append(_("Mogelijk de naam van een kind: ‘%(name)s’") % {"name": match[1]})
    for match in NAMED_RE.finditer(text):
        name = match[1]
        if name[0].isupper() and name not in NOT_NAMES:
            flags.append(_("Mogelijk een naam: ‘%(name)s’") % {"name": name})
    for match in EMAIL_RE.finditer(text):
        flags.append(_("Een e-mailadres: ‘%(email)s’") % {"email": match[0]})
    for match in PHONE_RE.finditer(text):
        flags.append(_("Een telefoonnummer: ‘%(phone)s’") % {"phone": match[0].strip()})
    return list(dict.fromkeys(flags))
