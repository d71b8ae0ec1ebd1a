"""Shared helpers for the parser tests (no Django, no database)."""

from __future__ import annotations

import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "documents", "samples")
FIXTURES = os.path.join(ROOT, "tests", "fixtures")


def seed_path(prefix: str) -> str:
    for fn in sorted(os.listdir(SAMPLES)):
        if fn.startswith(prefix):
            return os.path.join(SAMPLES, fn)
    raise FileNotFoundError(prefix)


def seed_text(prefix: str) -> str:
    with open(seed_path(prefix), encoding="utf-8") as fh:
        return fh.read()
