"""Staff edit through the real pages and admin forms, then a new version of the paper arrives."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.pages.conftest import editor_client  # noqa: F401  (a logged-in editor: the review pages' actions)


@pytest.fixture
def staff_client(admin_user):
    """A logged-in member of staff with the admin."""
    client = Client()
    client.force_login(admin_user)
    return client
