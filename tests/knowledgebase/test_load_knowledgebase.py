from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from knowledgebase.models import Article, ArticleRevision, ArticleStatus, Tier, Topic
from knowledgebase.seed import TOPICS

pytestmark = pytest.mark.django_db

REQUIRED_TOPICS = [
    "school-kiezen-met-extra-steun",
    "schoolondersteuningsprofiel",
    "zorgplicht",
    "basisondersteuning-en-extra-ondersteuning",
    "opp",
    "opp-instemmen",
    "tlv",
    "bezwaar-tegen-tlv",
    "medezeggenschapsraad",
    "ondersteuningsplanraad",
    "thuiszitten-week-1",
    "leerplichtambtenaar",
    "vrijstelling",
    "onderwijsconsulent",
    "geschillencommissie",
    "klacht-indienen",
    "jeugdhulp-via-gemeente",
    "het-steunpunt",
]


def test_it_loads_thirty_published_articles_across_all_five_tiers_and_is_idempotent() -> None:
    out = StringIO()
    call_command("load_knowledgebase", stdout=out)
    assert "articles added" in out.getvalue()
    dutch = Article.objects.filter(language="nl", status=ArticleStatus.PUBLISHED)
    assert dutch.count() >= 30
    assert set(dutch.values_list("topic__tier", flat=True)) == set(Tier.values)
    assert set(REQUIRED_TOPICS) <= set(dutch.values_list("slug", flat=True))
    assert Topic.objects.count() == len(TOPICS)
    counts = (Article.objects.count(), ArticleRevision.objects.count())
    call_command("load_knowledgebase", stdout=StringIO())
    assert (Article.objects.count(), ArticleRevision.objects.count()) == counts


def test_every_seed_article_has_summary_more_layer_terms_and_tags() -> None:
    call_command("load_knowledgebase", stdout=StringIO())
    for article in Article.objects.filter(language="nl").prefetch_related("terms", "related"):
        assert article.summary and article.body_more, article.slug
        assert article.terms.exists(), article.slug
        assert article.sectors, article.slug
        assert article.readability >= 60, article.slug
        assert article.review_due and article.last_checked_on, article.slug


def test_the_seed_states_the_legal_terms_correctly() -> None:
    call_command("load_knowledgebase", stdout=StringIO())
    body = Article.objects.get(slug="zorgplicht", language="nl").body
    assert "zes weken" in body and "vier weken" in body
    assert "zes weken" in Article.objects.get(slug="bezwaar-tegen-tlv").body
    assert "zes weken" in Article.objects.get(slug="geschillencommissie").body
    assert "vier weken" in Article.objects.get(slug="thuiszitter").body
    assert "zes weken" in Article.objects.get(slug="opp").body
