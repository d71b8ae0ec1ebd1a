"""The staff-facing code reaches the records by one road: the admin and the
review pages import the write path, never the recording modules beneath it,
and save no domain record themselves."""

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

STAFF_FACING = [ROOT / "tracker" / "admin.py", *sorted((ROOT / "tracker" / "review").glob("*.py"))]
BENEATH_THE_WRITE_PATH = {"tracker.domain.lifecycle", "tracker.domain.corrections"}


def imported(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("path", STAFF_FACING, ids=lambda p: str(p.relative_to(ROOT)))
def test_staff_facing_code_edits_through_the_write_path_only(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not imported(tree) & BENEATH_THE_WRITE_PATH, f"{path.name} records edits itself"
    # .save() and QuerySet.update() on a domain record: only the upload's JobRun is saved by a view
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("save", "update", "bulk_update", "delete")
    ]
    receivers = {ast.unparse(call.func.value) for call in calls}
    assert receivers <= {"run", "ctx", "formset", "obj"}, receivers
