"""Staff edit through the real pages and admin forms, then a new version of the paper arrives."""
from __future__ import annotations

import pytest
from django.test import Client


@pytest.fixture
def editor_client(editor):
    """A logged-in editor (redacteur): the review pages' actions."""
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def staff_client(admin_user):
    """A logged-in member of staff with the admin."""
    client = Client()
    client.force_login(admin_user)
    return client
