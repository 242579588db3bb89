from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from regions.session import chosen_region as _chosen_region


def chosen_region(request: HttpRequest) -> dict[str, Any]:
    return {"chosen_region": _chosen_region(request)}
