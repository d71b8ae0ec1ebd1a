"""Headers: a Content-Security-Policy on every page (no inline script or style
anywhere), and `check --deploy` clean with the settings docker-compose.yml
gives the web service."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def csp(response) -> dict:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("url", ["/login/", "/admin/login/", "/digests/unsubscribe/not-a-token/"])
def test_content_security_policy_on_every_page_forbids_inline_script(client, url):
    response = client.get(url)
    policy = csp(response)
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_logged_in_pages_carry_the_policy_and_no_inline_script_or_style(reviewer):
    for name in ("commitment-list", "questionset-list", "document-list", "stats", "digest-preview"):
        response = reviewer.get(reverse(name))
        assert response.status_code == 200
        assert "script-src 'self'" in response["Content-Security-Policy"]
        html = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), name  # inline script
        assert not re.search(r"\sstyle=|<style", html), name  # inline style
        assert not re.search(r"\son[a-z]+=", html), name  # event handler attributes


def test_templates_have_no_inline_script_or_style():
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        if "emails" in template.parts:  # mail clients, not browsers: no CSP there
            continue
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=\"|<style|\son[a-z]+=\"", text):
            offenders.append(str(template.relative_to(ROOT)))
    assert offenders == []


def test_security_headers_are_sent(client):
    response = client.get("/login/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def compose_web_environment() -> dict:
    """The environment docker-compose.yml gives the web service (the x-app block),
    with ${VAR:-default} read as its default and a fresh SECRET_KEY."""
    text = (ROOT / "docker-compose.yml").read_text()
    block = text.split("environment:", 1)[1].split("\n  volumes:", 1)[0]
    environ = {}
    for key, value in re.findall(r"^\s{4}([A-Z_]+):\s*(.+?)\s*$", block, re.M):
        value = value.strip('"')
        default = re.fullmatch(r"\$\{[A-Z_]+:-(.*)\}", value)
        if default:
            value = default.group(1)
        elif value.startswith("${"):
            assert key == "SECRET_KEY", f"{key} has no default in docker-compose.yml"
            value = secrets.token_urlsafe(50)
        environ[key] = value
    return environ


def test_check_deploy_is_clean_with_the_compose_web_settings():
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SECURE_", "SESSION_", "CSRF_"))
        and k not in ("DATABASE_URL", "SECRET_KEY", "CELERY_BROKER_URL", "CACHE_URL", "MAIL_URL")
    }
    compose = compose_web_environment()
    assert compose["DJANGO_DEBUG"] == "False"
    environ.update(compose, DJANGO_SETTINGS_MODULE="tracker.config.settings")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
