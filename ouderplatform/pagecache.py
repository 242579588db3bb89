"""Whole-page caching for anonymous visitors.

Most traffic is parents who are not signed in, reading the same public pages. Rendering a page costs far more
than serving it, so public GET views are cached per process for a short while (settings.PAGE_CACHE_SECONDS), keyed
by path, language and chosen region. Forms on those pages still get each visitor's own CSRF token: the page is
rendered once with a placeholder, and the placeholder is replaced by the visitor's token on every response.

Nothing personal is cached: signed-in users, pages with a pending message, non-200 answers and responses that set
cookies are never stored. Edits show up within PAGE_CACHE_SECONDS on every app server.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

CSRF_PLACEHOLDER = "csrf-placeholder-0c1f5b7e"
RENDER_FOR_CACHE = "_render_for_page_cache"


def _cache_key(request: HttpRequest, extra: str) -> str:
    from regions.session import chosen_region

    region = chosen_region(request)
    region_key = region["pc4"] if region else "-"
    path = hashlib.sha256(f"{request.get_full_path()}|{extra}".encode()).hexdigest()[:32]
    return f"page:{get_language()}:{region_key}:{path}"


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not request.user.is_authenticated
        and not len(messages.get_messages(request))
    )


def _fill_token(request: HttpRequest, content: bytes) -> bytes:
    """Put this visitor's CSRF token where the page was rendered with the placeholder."""
    placeholder = CSRF_PLACEHOLDER.encode()
    return content.replace(placeholder, get_token(request).encode()) if placeholder in content else content


def _with_token(request: HttpRequest, content: bytes, headers: dict[str, str]) -> HttpResponse:
    response = HttpResponse(_fill_token(request, content))
    for name, value in headers.items():
        response[name] = value
    return response


KEPT_HEADERS = ("Content-Type", "Vary")
View = Callable[..., HttpResponse]


def cache_public_page(view: View | None = None, *, vary_on: Callable[[HttpRequest], str | None] | None = None) -> Any:
    """Serve anonymous GETs of a view from the page cache.

    The view's output for anonymous visitors must depend only on the path, the language, the chosen region and
    whatever `vary_on(request)` returns (such as a shortlist kept in the session); `vary_on` may return None to skip
    the cache for this request. A view marks a response it must not share with `response.no_page_cache = True`.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _cacheable_request(request):
                return view(request, *args, **kwargs)
            extra = vary_on(request) if vary_on else ""
            if extra is None:
                return view(request, *args, **kwargs)
            cache = caches["pages"]
            key = _cache_key(request, extra)
            cached = cache.get(key)
            if cached is not None:
                return _with_token(request, *cached)
            setattr(request, RENDER_FOR_CACHE, True)
            try:
                response = view(request, *args, **kwargs)
            finally:
                # An exception (a 404, say) renders its own page afterwards, with a real token.
                setattr(request, RENDER_FOR_CACHE, False)
            if response.streaming:
                return response
            if response.status_code != 200 or response.cookies or getattr(response, "no_page_cache", False):
                # Not shared, but it was rendered with the placeholder: give this visitor their token.
                response.content = _fill_token(request, response.content)
                return response
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
            return _with_token(request, response.content, headers)

        return wrapper

    return decorator(view) if view is not None else decorator


def csrf_placeholder(request: HttpRequest) -> dict[str, str]:
    """Context processor: while a page is rendered for the cache, forms carry the placeholder, not a token."""
    return {"csrf_token": CSRF_PLACEHOLDER} if getattr(request, RENDER_FOR_CACHE, False) else {}
