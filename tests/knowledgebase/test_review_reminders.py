"""The daily job that reminds professionals of articles whose review date is near or past."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from accounts.models import User
from knowledgebase.models import Article, ArticleStatus, Topic
from knowledgebase.services import ArticleContent, article_create, article_mark_checked, review_reminders_send
from knowledgebase.tasks import remind_review_due
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def _published(topic: Topic, slug: str, *, review_due: datetime.date, checked_by: User | None = None) -> Article:
    article = article_create(
        author=None, slug=slug, topic=topic, content=ArticleContent(slug.title(), "Kort.", "De school helpt je.")
    )
    Article.objects.filter(pk=article.pk).update(
        status=ArticleStatus.PUBLISHED, review_due=review_due, last_checked_by=checked_by
    )
    return article


def test_the_professional_who_checked_it_last_gets_one_mail_listing_their_due_articles(
    professional: User, topic: Topic
) -> None:
    other = make_user("other-professional@example.org", mfa=True, is_professional=True)
    _published(topic, "te-laat", review_due=TODAY - datetime.timedelta(days=3), checked_by=professional)
    _published(topic, "binnenkort", review_due=TODAY + datetime.timedelta(days=10), checked_by=professional)
    _published(topic, "nog-lang", review_due=TODAY + datetime.timedelta(days=60), checked_by=professional)

    assert review_reminders_send(today=TODAY) == 1

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [professional.email] and other.email not in message.to
    assert "2 artikelen moeten opnieuw gecontroleerd worden" in message.subject
    assert "Te-Laat" in message.body and "Had gecontroleerd moeten zijn op 29 mei 2026" in message.body
    assert "Binnenkort" in message.body and "Controleren vóór 11 juni 2026" in message.body
    assert "Nog-Lang" not in message.body
    assert "/kennisbank/redactie/artikelen/" in message.body


def test_without_an_active_checker_every_professional_is_told(professional: User, topic: Topic) -> None:
    other = make_user("other-professional@example.org", mfa=True, is_professional=True)
    gone = make_user("gone@example.org", is_professional=True)
    gone.is_active = False
    gone.save()
    _published(topic, "verweesd", review_due=TODAY, checked_by=gone)

    assert review_reminders_send(today=TODAY) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([professional.email, other.email])


def test_it_is_not_spammy_once_a_week_per_article_and_never_for_drafts(professional: User, topic: Topic) -> None:
    _published(topic, "te-laat", review_due=TODAY - datetime.timedelta(days=1), checked_by=professional)
    draft = article_create(author=None, slug="concept", topic=topic, content=ArticleContent("C", "K.", "Tekst."))
    Article.objects.filter(pk=draft.pk).update(review_due=TODAY - datetime.timedelta(days=100))

    assert review_reminders_send(today=TODAY) == 1
    assert review_reminders_send(today=TODAY) == 0
    assert review_reminders_send(today=TODAY + datetime.timedelta(days=6)) == 0
    assert review_reminders_send(today=TODAY + datetime.timedelta(days=7)) == 1
    assert len(mail.outbox) == 2
    assert all("Concept" not in m.body for m in mail.outbox)


def test_checking_the_article_stops_the_reminders(professional: User, topic: Topic) -> None:
    article = _published(topic, "te-laat", review_due=TODAY - datetime.timedelta(days=1), checked_by=professional)
    review_reminders_send(today=TODAY)
    article_mark_checked(article=article, by=professional)

    article.refresh_from_db()
    assert article.review_reminded_on is None and article.review_due > TODAY
    assert review_reminders_send(today=TODAY + datetime.timedelta(days=7)) == 0


def test_the_command_and_the_task_run_the_same_job(professional: User, topic: Topic) -> None:
    _published(topic, "te-laat", review_due=datetime.date(2020, 1, 1), checked_by=professional)
    out = StringIO()
    call_command("remind_review_due", stdout=out)
    assert "1 herinnering(en) verstuurd." in out.getvalue()

    Article.objects.update(review_reminded_on=None)
    assert remind_review_due.enqueue().return_value == 1
    call_command("remind_review_due", stdout=out)
    assert "Niets te doen." in out.getvalue()
    assert len(mail.outbox) == 2
