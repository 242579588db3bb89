"""Many questions at once (bulk_create), for query budgets at national volume."""

from __future__ import annotations

from django.db import connection

from accounts.models import User
from backoffice.choices import NEEDS
from regions.models import SupportPoint

NEED_KEYS = [key for key, _ in NEEDS]


def bulk_escalations_sql(count: int, *, points: list[SupportPoint], asker: User) -> None:
    """`count` escalated questions spread over `points`, generated inside PostgreSQL (generate_series): 50,000 in
    about two seconds, where bulk_create needs about forty on this shared machine; that keeps the budget test fast."""
    point_ids = [point.pk for point in points]
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO backoffice_question (support_point_id, asker_id, guest_email, subject, body, tier, needs,
                school_type, child_at_home, urgency, consent_buddy, consent_backoffice, status, regional_handler_role,
                created_at, resolution)
            SELECT (%(points)s::bigint[])[1 + i %% cardinality(%(points)s::bigint[])], %(asker)s, '', 'Vraag ' || i,
                'Tekst', 1 + i %% 5, ARRAY[(%(needs)s::varchar[])[1 + i %% 13], 'autism']::varchar[],
                (ARRAY['BO', 'SBO', 'VO', ''])[1 + i %% 4], i %% 10 = 0, 'normal', false, true, 'backoffice', '',
                now() - make_interval(hours => i %% 2000), ''
            FROM generate_series(1, %(count)s) AS i
            """,
            {"points": point_ids, "asker": asker.pk, "count": count, "needs": NEED_KEYS},
        )
        cursor.execute(
            """
            INSERT INTO backoffice_escalation (question_id, reason, urgency, created_at, priority, first_response_due,
                resolution_due, next_due_at, next_warn_at, hold_reason)
            SELECT q.id, 'Complex', (ARRAY['normal', 'urgent'])[1 + q.id % 2], now(), q.id % 4,
                now() + make_interval(hours => (q.id % 300)::int - 100),
                now() + make_interval(hours => (q.id % 300)::int + 20),
                now() + make_interval(hours => (q.id % 300)::int - 100),
                now() + make_interval(hours => (q.id % 300)::int - 104), ''
            FROM backoffice_question q LEFT JOIN backoffice_escalation e ON e.question_id = q.id
            WHERE e.id IS NULL
            """
        )
        # Production tables have planner statistics; fresh rows in a test transaction would not without this.
        cursor.execute("ANALYZE backoffice_question")
        cursor.execute("ANALYZE backoffice_escalation")
