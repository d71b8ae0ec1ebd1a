"""Login attempts are rate-limited (django-axes, counted in the database, so each
test starts clean; tests/security/test_login_throttle.py has the attacks)."""

import pytest

pytestmark = pytest.mark.django_db


def test_after_five_wrong_passwords_even_the_right_one_is_refused_for_a_while(client, admin_user, settings):
    for _ in range(settings.LOGIN_MAX_FAILURES):
        response = client.post("/login/", {"username": "beheer", "password": "fout"})
        assert response.status_code == 200
    response = client.post("/login/", {"username": "beheer", "password": "geheim-wachtwoord-1"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_good_login_clears_earlier_failures(client, admin_user, settings):
    for _ in range(settings.LOGIN_MAX_FAILURES - 1):
        client.post("/login/", {"username": "beheer", "password": "fout"})
    assert client.post("/login/", {"username": "beheer", "password": "geheim-wachtwoord-1"}).status_code == 302
    client.logout()
    assert client.post("/login/", {"username": "beheer", "password": "fout"}).status_code == 200
