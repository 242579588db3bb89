"""Django's database sessions, read with one prepared-shape SQL statement.

Every signed-in request reads its session row first. Django builds that query through the ORM each time; the
compile costs more CPU than PostgreSQL needs to answer it. Writing, expiry and the table stay Django's own.
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Session | None:
        model = self.model
        sql = f"SELECT session_data FROM {model._meta.db_table} WHERE session_key = %s AND expire_date > %s"  # noqa: S608
        with connections[router.db_for_read(model)].cursor() as cursor:
            cursor.execute(sql, [self.session_key, timezone.now()])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=row[0])
