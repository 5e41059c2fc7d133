"""Every page carries the security headers, and no template holds a script or a style inline, which
the Content-Security-Policy would block anyway (templates for PDFs, under a pdf/ folder, may)."""

import re
from pathlib import Path

from django.urls import reverse

PACKAGE = Path(__file__).resolve().parents[1]
INLINE = re.compile(r'<script(?![^>]*\ssrc=)|<style|\sstyle=|\son[a-z]+=["\']|javascript:', re.IGNORECASE)


def test_a_page_carries_the_security_headers(client):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_session_cookie_is_out_of_reach_of_scripts(demo_org, client):
    from dueprocess.accounts.demo import DEMO_PASSWORD

    client.post(reverse("accounts:login"), {"username": "manager", "password": DEMO_PASSWORD})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert not cookie["max-age"]  # gone when the browser closes


def test_no_template_holds_an_inline_script_or_style():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.glob("*/templates/**/*.html")
        if "pdf" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if INLINE.search(line)
    ]
    assert offenders == []
