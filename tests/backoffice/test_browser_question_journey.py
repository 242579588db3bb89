"""The whole question journey with the keyboard only: a guest asks a question and follows it through the e-mail
link, the coordinator escalates it, a professional takes it from the queue and writes an internal note and a reply,
and the parent sees the reply (and not the note). Zero axe violations on every page on the way."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import BrowserContext, Page, expect

from accounts.models import User
from backoffice.models import Question
from tests.browser_fixtures import SignIn
from tests.support.axe import assert_no_axe_violations
from tests.support.browser import tab_to

pytestmark = pytest.mark.browser


def press(page: Page, role: str, name: str, key: str = "Space") -> None:
    tab_to(page, page.get_by_role(role, name=name, exact=True))  # type: ignore[arg-type]
    page.keyboard.press(key)


def type_into(page: Page, role: str, name: str, text: str) -> None:
    tab_to(page, page.get_by_role(role, name=name, exact=True))  # type: ignore[arg-type]
    page.keyboard.type(text)


def pick(page: Page, group: str, option: str) -> None:
    """Tab into a radio group (focus lands on its checked or first radio) and choose `option` with the arrow keys."""
    radios = page.get_by_role("group", name=group)
    checked = radios.locator("input:checked")
    tab_to(page, checked if checked.count() else radios.get_by_role("radio").first)
    target = radios.get_by_role("radio", name=option, exact=True)
    for _ in range(10):
        if target.is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not choose {option!r} in {group!r} with the arrow keys")


def test_a_guest_question_goes_to_the_back_office_and_back_with_the_keyboard_only(
    page: Page, context: BrowserContext, sign_in: SignIn, coordinator: User, professional: User, buddy: User
) -> None:
    page.goto("/regio/kiezen/")
    type_into(page, "textbox", "Postcode of woonplaats", "3511")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/regio/$"))

    page.goto("/vragen/stellen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stel je vraag")
    assert_no_axe_violations(page, label="the question form")
    type_into(page, "textbox", "Waar gaat je vraag over?", "Mijn zoon zit thuis")
    type_into(page, "textbox", "Je vraag", "School zegt dat er geen plek meer is. Wat kan ik doen?")
    pick(page, "Onderwerp", "Als school niet lukt")
    press(page, "checkbox", "Autisme")
    press(page, "checkbox", "Mijn kind zit nu thuis en gaat niet naar school")
    press(page, "checkbox", "Als het steunpunt hulp nodig heeft, mogen landelijke professionals mijn vraag lezen")
    type_into(page, "textbox", "Je e-mailadres", "gast@example.org")
    press(page, "button", "Verstuur je vraag", key="Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Je vraag is verstuurd")
    assert_no_axe_violations(page, label="the confirmation")

    question = Question.objects.get()
    to_guest = next(message for message in mail.outbox if message.to == ["gast@example.org"])
    link = re.search(r"https?://\S+(/vragen/volgen/\S+/)", to_guest.body)
    assert link is not None
    guest_path = link.group(1)
    page.goto(guest_path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn zoon zit thuis")
    expect(page.locator("main")).to_contain_text("Ontvangen")
    assert_no_axe_violations(page, label="the guest's question page")

    sign_in(coordinator)
    page.goto("/vragen/steunpunt/")
    assert_no_axe_violations(page, label="the support point's questions")
    press(page, "link", f"#{question.pk} Mijn zoon zit thuis", key="Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mijn zoon zit thuis")
    assert_no_axe_violations(page, label="the coordinator's question page")
    type_into(page, "textbox", "Waarom zet je de vraag door?", "Thuiszitter, school weigert: juridisch advies nodig.")
    pick(page, "Urgentie", "Dringend")
    press(page, "button", "Doorzetten", key="Enter")
    expect(page.locator("main")).to_contain_text("De vraag is doorgezet naar de landelijke backoffice.")

    sign_in(professional)
    page.goto("/vragen/backoffice/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wachtrij backoffice")
    assert_no_axe_violations(page, label="the queue")
    press(page, "button", "Pak de volgende vraag", key="Enter")
    expect(page).to_have_url(re.compile(rf"/vragen/behandelen/{question.pk}/$"))
    expect(page.locator("main")).to_contain_text("Je behandelt nu deze vraag.")
    assert_no_axe_violations(page, label="the professional's question page")

    pick(page, "Soort", "Interne notitie (alleen medewerkers)")
    type_into(page, "textbox", "Tekst", "Leerplicht gebeld, dossier opgevraagd.")
    press(page, "button", "Versturen of opslaan", key="Enter")
    expect(page.locator("main")).to_contain_text("Je notitie is opgeslagen.")
    pick(page, "Soort", "Bericht aan de ouder")
    type_into(
        page, "textbox", "Tekst", "De school heeft zorgplicht. Vraag om een gesprek met het samenwerkingsverband."
    )
    press(page, "button", "Versturen of opslaan", key="Enter")
    expect(page.locator("main")).to_contain_text("Je bericht is verstuurd naar de ouder.")
    assert_no_axe_violations(page, label="the question page with a note and a reply")

    context.clear_cookies()
    page.goto(guest_path)
    main = page.locator("main")
    expect(main).to_contain_text("De school heeft zorgplicht.")
    expect(main).to_contain_text("Professional Hanna")
    expect(main).to_contain_text("Beantwoord")
    expect(main).not_to_contain_text("Leerplicht gebeld")
    assert_no_axe_violations(page, label="the guest sees the reply")
