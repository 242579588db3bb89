"""Differences between two versions of an article, line by line (difflib), for an accessible list."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from knowledgebase.models import ArticleRevision

FIELDS: list[tuple[str, Promise]] = [
    ("title", _("Titel")),
    ("summary", _("Samenvatting")),
    ("body", _("Uitleg in gewone taal")),
    ("body_more", _("Meer weten")),
]


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added" or "removed"
    text: str


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    changed: bool
    lines: list[DiffLine]


def diff_text(old: str, new: str) -> list[DiffLine]:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            lines += [DiffLine("same", text) for text in old_lines[a1:a2]]
            continue
        lines += [DiffLine("removed", text) for text in old_lines[a1:a2]]
        lines += [DiffLine("added", text) for text in new_lines[b1:b2]]
    return lines


def diff_revisions(base: ArticleRevision | None, revision: ArticleRevision) -> list[FieldDiff]:
    """Per field: what changed from `base` (None: the first version, everything is new) to `revision`."""
    result = []
    for name, label in FIELDS:
        old = getattr(base, name) if base else ""
        new = getattr(revision, name)
        result.append(FieldDiff(name, str(label), old != new, diff_text(old, new)))
    return result
