from __future__ import annotations

import time
from typing import Any

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Anyone may sign up: every new account is a parent account; other roles are given by coordinators.
        return True

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """A login within the reauthentication timeout counts as recent enough.

        allauth only counts an explicit re-entry of the password, so staff who are sent to set up MFA right after
        logging in would have to type their password twice.
        """
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = context.request
        if request is None or not request.user.is_authenticated:
            return True
        records = get_authentication_records(request, request.user)
        return not (records and time.time() - records[-1]["at"] < app_settings.REAUTHENTICATION_TIMEOUT)
