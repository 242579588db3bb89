"""The knowledge cycle: an answered question becomes a draft knowledge-base article in one step.

`article_propose` keeps a `DraftArticleProposal` here (what was copied, which details were flagged, which question it
came from) and creates the real draft article in the knowledge base, under the first topic of the question's tier,
for the editors to rewrite and publish through the knowledge base's own workflow.
"""

from __future__ import annotations

import re

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from backoffice.choices import EventAction, MessageKind
from backoffice.models import DraftArticleProposal, Question
from backoffice.services import ActionNotAllowed, event_record
from knowledgebase.models import Topic
from knowledgebase.services import ArticleContent, article_create

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?:\+31|0)[\d\s-]{8,12}\d")
POSTCODE = re.compile(r"\b\d{4}\s?[A-Z]{2}\b")
# Capitalised words that are not at the start of a sentence are likely names (of a child, a teacher, a school).
NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{2,}")


def flag_personal_details(text: str, *, known_names: list[str]) -> list[str]:
    """Fragments of `text` that may identify a person: e-mail addresses, phone numbers, postcodes, names.

    A helper for the editor, not a guarantee: the draft is reviewed before publication.
    """
    found: list[str] = []
    for pattern in (EMAIL, PHONE, POSTCODE, NAME):
        found += [match.group(0).strip() for match in pattern.finditer(text)]
    found += [name for name in known_names if name and re.search(rf"\b{re.escape(name)}\b", text)]
    return sorted(set(found))


def article_propose(*, question: Question, by: User) -> DraftArticleProposal:
    """Create a draft article from an answered question: question and public answers copied in, personal details
    flagged for removal, linked back to the question."""
    replies = list(question.messages.filter(kind=MessageKind.REPLY).select_related("author"))
    staff_replies = [m for m in replies if m.author_role != "parent"]
    if not staff_replies:
        raise ActionNotAllowed(_("Er is nog geen antwoord om een artikel van te maken."))
    body = "\n\n".join(
        ["Vraag:", question.body.strip(), "Antwoord:", *(message.body.strip() for message in staff_replies)]
    )
    names = [question.asker.first_name if question.asker else ""] + [m.author.first_name for m in replies if m.author]
    with transaction.atomic():
        proposal = DraftArticleProposal.objects.create(
            question=question,
            tier=question.tier,
            title=question.subject,
            body=body,
            flagged=flag_personal_details(f"{question.subject}\n{body}", known_names=names),
            created_by=by,
        )
        topic = Topic.objects.filter(tier=question.tier).order_by("position", "name").first()
        if topic is not None:
            article = article_create(
                author=by,
                slug=f"vraag-{question.pk}-{proposal.pk}",
                topic=topic,
                content=ArticleContent(title=proposal.title, summary=question.subject[:400], body=body),
                needs=list(question.needs),
                note=_("Gemaakt uit vraag #%(pk)s") % {"pk": question.pk},
            )
            proposal.article_id = article.pk
            proposal.save(update_fields=["article_id"])
        event_record(question=question, actor=by, action=EventAction.ARTICLE, after=f"Voorstel #{proposal.pk}")
    return proposal
