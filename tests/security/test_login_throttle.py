"""Login brute force and lockout as denial of service: every login form is
throttled per user name + address (django-axes), with a generous ceiling per
address; a stranger failing for a clerk's user name does not lock the clerk out."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

RIGHT = "geheim-wachtwoord-1"
ATTACKER, CLERK = "203.0.113.9", "198.51.100.7"


def attempt(url, username, password, address):
    client = Client(REMOTE_ADDR=address)
    response = client.post(url, {"username": username, "password": password})
    return response, client


def fail(url, username, address, times):
    """``times`` wrong passwords; the ones within the limit get the form back."""
    return [attempt(url, username, "fout", address)[0].status_code for _ in range(times)]


def test_admin_login_brute_force_is_throttled(admin_user, settings):
    assert fail("/admin/login/", "beheer", ATTACKER, settings.LOGIN_MAX_FAILURES) == [200] * 5
    response, client = attempt("/admin/login/", "beheer", RIGHT, ATTACKER)
    assert response.status_code == 429
    assert "Te veel inlogpogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_admin_and_site_login_share_one_count(admin_user, settings):
    fail("/admin/login/", "beheer", ATTACKER, settings.LOGIN_MAX_FAILURES - 1)
    fail("/login/", "beheer", ATTACKER, 1)
    response, _ = attempt("/login/", "beheer", RIGHT, ATTACKER)
    assert response.status_code == 429


@pytest.mark.parametrize("url", ["/login/", "/admin/login/"])
def test_attacker_failing_for_a_clerks_username_does_not_lock_the_clerk_out(admin_user, settings, url):
    fail(url, "beheer", ATTACKER, settings.LOGIN_MAX_FAILURES + 3)
    assert attempt(url, "beheer", RIGHT, ATTACKER)[0].status_code == 429  # the attacker is locked out
    response, client = attempt(url, "beheer", RIGHT, CLERK)  # the clerk, from their own address
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin_user.pk)


def test_one_address_spraying_many_usernames_hits_the_per_address_ceiling(admin_user, settings):
    settings.LOGIN_MAX_FAILURES_PER_ADDRESS = 12
    for n in range(4):  # below the per-name limit each time
        assert fail("/login/", f"gok{n}", ATTACKER, 3) == [200] * 3
    response, client = attempt("/login/", "beheer", RIGHT, ATTACKER)
    assert response.status_code == 429 and "_auth_user_id" not in client.session
    assert attempt("/login/", "beheer", RIGHT, CLERK)[0].status_code == 302


def test_lockout_message_is_dutch_and_says_when_to_try_again(admin_user, settings):
    fail("/login/", "beheer", ATTACKER, settings.LOGIN_MAX_FAILURES)
    response, _ = attempt("/login/", "beheer", "fout", ATTACKER)
    html = response.content.decode()
    assert response.status_code == 429 and response["Retry-After"] == str(settings.LOGIN_LOCKOUT_SECONDS)
    assert "Probeer het over 15 minuten opnieuw" in html


@pytest.mark.parametrize("url", ["/login/", "/admin/login/"])
def test_staff_login_stays_one_step_when_nothing_is_wrong(admin_user, url):
    response, client = attempt(url, "beheer", RIGHT, CLERK)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin_user.pk)
