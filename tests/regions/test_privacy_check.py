from __future__ import annotations

import pytest

from regions.privacy_check import personal_details


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mijn zoon Sem werd gepest.", "‘Sem’"),
        ("Onze dochter, Fleur, kreeg een plek.", "‘Fleur’"),
        ("Hij heet Daan en is tien.", "‘Daan’"),
        ("Mail me op ouder@example.org", "‘ouder@example.org’"),
        ("Bel 06-12345678 als je vragen hebt.", "‘06-12345678’"),
        ("Bel 030 123 4567.", "‘030 123 4567’"),
        ("Of +31 6 1234 5678.", "‘+31 6 1234 5678’"),
    ],
)
def test_it_flags_likely_personal_details(text: str, expected: str) -> None:
    flags = personal_details(text)
    assert any(expected in flag for flag in flags), flags


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon had veel steun van de leerkracht.",
        "Mijn dochter Is blij op school.",
        "De school heeft 250 leerlingen en 12 groepen.",
        "In 2024 kreeg hij een arrangement.",
    ],
)
def test_it_does_not_flag_ordinary_sentences(text: str) -> None:
    assert personal_details(text) == []
