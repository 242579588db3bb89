from __future__ import annotations

import pytest
from django.test import Client

from knowledgebase.models import ArticleVote
from knowledgebase.seed.loader import LoadResult

pytestmark = pytest.mark.django_db

URL = "/kennisbank/artikel/zorgplicht/nuttig/"


def test_an_anonymous_parent_can_vote_with_a_comment(client: Client, seeded: LoadResult) -> None:
    response = client.post(URL, {"helpful": "nee", "comment": "Te kort"})
    assert response.status_code == 302
    assert response["Location"] == "/kennisbank/artikel/zorgplicht/#nuttig"
    vote = ArticleVote.objects.get()
    assert (vote.helpful, vote.comment, vote.article.slug) == (False, "Te kort", "zorgplicht")
    assert client.session.session_key not in vote.voter  # only a keyed hash of the session is kept
    assert "Je hebt dit artikel beoordeeld" in client.get("/kennisbank/artikel/zorgplicht/").content.decode()


def test_one_session_votes_once_per_article(client: Client, seeded: LoadResult) -> None:
    client.post(URL, {"helpful": "ja"})
    response = client.post(URL, {"helpful": "nee"}, follow=True)
    assert "al beoordeeld" in response.content.decode()
    assert ArticleVote.objects.count() == 1
    assert ArticleVote.objects.get().helpful is True
    client.post("/kennisbank/artikel/opp/nuttig/", {"helpful": "ja"})
    assert ArticleVote.objects.count() == 2


def test_another_session_votes_separately(client: Client, seeded: LoadResult) -> None:
    client.post(URL, {"helpful": "ja"})
    Client().post(URL, {"helpful": "ja"})
    assert ArticleVote.objects.count() == 2


def test_a_vote_without_a_choice_shows_the_error(client: Client, seeded: LoadResult) -> None:
    response = client.post(URL, {"comment": "x"})
    assert response.status_code == 400
    assert "Kies ja of nee." in response.content.decode()
    assert not ArticleVote.objects.exists()


def test_voting_needs_post_and_a_published_article(client: Client, seeded: LoadResult) -> None:
    assert client.get(URL).status_code == 405
    assert client.post("/kennisbank/artikel/bestaat-niet/nuttig/", {"helpful": "ja"}).status_code == 404
