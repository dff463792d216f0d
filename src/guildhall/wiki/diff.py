"""A readable line diff between two texts (difflib), as rows for a side-by-side table.

Rows carry plain strings: the template escapes them, so nothing a member wrote becomes markup.
Long unchanged stretches are folded to a few lines of context around each change.
"""

import difflib
from dataclasses import dataclass

CONTEXT = 3


@dataclass
class Row:
    kind: str  # "equal", "delete", "insert", "replace", "fold"
    old_no: int | None = None
    old: str = ""
    new_no: int | None = None
    new: str = ""


def line_diff(old: str, new: str, context: int = CONTEXT) -> list[Row]:
    a = (old or "").splitlines()
    b = (new or "").splitlines()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    rows: list[Row] = []
    for index, group in enumerate(matcher.get_grouped_opcodes(context)):
        first = group[0]
        if index > 0 or first[1] > 0 or first[3] > 0:
            rows.append(Row("fold", old_no=first[1] + 1, new_no=first[3] + 1))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows += [
                    Row("equal", i + 1, a[i], j + 1, b[j])
                    for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
                ]
                continue
            old_lines, new_lines = a[i1:i2], b[j1:j2]
            for n in range(max(len(old_lines), len(new_lines))):
                has_old, has_new = n < len(old_lines), n < len(new_lines)
                kind = "replace" if has_old and has_new else ("delete" if has_old else "insert")
                rows.append(
                    Row(
                        kind,
                        i1 + n + 1 if has_old else None,
                        old_lines[n] if has_old else "",
                        j1 + n + 1 if has_new else None,
                        new_lines[n] if has_new else "",
                    )
                )
    return rows


def stats(rows: list[Row]) -> tuple[int, int]:
    """Lines added and removed."""
    added = sum(1 for r in rows if r.kind in ("insert", "replace") and r.new_no is not None)
    removed = sum(1 for r in rows if r.kind in ("delete", "replace") and r.old_no is not None)
    return added, removed
