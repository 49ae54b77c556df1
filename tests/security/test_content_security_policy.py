"""The Content-Security-Policy: every answer carries it, and no template holds what it would refuse
(inline scripts, ``on…=`` handlers, ``javascript:`` links, style attributes, ``<style>`` blocks, outside
assets). The browser half, with htmx and Chart.js at work, is tests/browser/test_csp_in_browser.py."""
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# WeasyPrint renders these to PDF on the server; no browser ever receives them, so their <style> stays.
SERVER_SIDE_ONLY = [TEMPLATES / "reports" / "pdf", TEMPLATES / "improvement" / "pdf"]
POLICY = {
    "default-src": "'self'", "script-src": "'self'", "style-src": "'self'", "object-src": "'none'",
    "base-uri": "'self'", "form-action": "'self'", "frame-ancestors": "'none'",
}

REFUSED = {
    "an inline <script>": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I),
    "an on…= event handler": re.compile(r"<[^>]+\son[a-z]+\s*=", re.I),
    "a javascript: address": re.compile(r"javascript:", re.I),
    "a style attribute": re.compile(r"<[^>]+\sstyle\s*=", re.I),
    "a <style> block": re.compile(r"<style\b", re.I),
    "an asset from another site": re.compile(r"<(?:script|link|img)[^>]+(?:src|href)=\"(?:https?:)?//", re.I),
}


def parse(header: str) -> dict:
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


def browser_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        if not any(path.is_relative_to(folder) for folder in SERVER_SIDE_ONLY):
            yield path


def problems_in(text: str) -> list[str]:
    return [what for what, pattern in REFUSED.items() if pattern.search(text)]


@pytest.mark.parametrize("snippet, found", [
    ('<script>alert(1)</script>', ["an inline <script>"]),
    ('<script src="/static/js/a.js" defer></script>', []),
    ('<script type="application/json" id="x">{}</script>', []),
    ('<button onclick="go()">', ["an on…= event handler"]),
    ('<a href="javascript:go()">', ["a javascript: address"]),
    ('<div class="a" style="width:5%">', ["a style attribute"]),
    ('<style>p{}</style>', ["a <style> block"]),
    ('<script src="https://cdn.example.com/x.js"></script>', ["an asset from another site"]),
    ('<svg viewBox="0 0 100 1"><rect width="40" height="1"></rect></svg>', []),
])
def test_the_scanner_knows_what_the_policy_refuses(snippet, found):
    assert problems_in(snippet) == found


def test_no_template_holds_what_the_policy_would_refuse():
    found = [f"{path.relative_to(settings.BASE_DIR)}: {what}"
             for path in browser_templates() for what in problems_in(path.read_text(encoding="utf-8"))]
    assert not found, "Move these into static files (see the CONTENT_SECURITY_POLICY setting):\n" + "\n".join(found)


def test_the_scan_reads_the_templates_of_every_app():
    names = {path.relative_to(TEMPLATES).parts[0] for path in browser_templates()}
    assert {"base.html", "accounts", "assessments", "appraisal", "reports", "admin", "registration"} <= names


def test_the_policy_is_the_settings_one(settings):
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert {name: " ".join(values) for name, values in directives.items()} == POLICY
    assert "csp.middleware.CSPMiddleware" in settings.MIDDLEWARE


@pytest.mark.parametrize("url_name", ["home", "assessments:list", "frameworks:list", "dashboard:index"])
def test_every_page_carries_the_header(client_for, secretariat, url_name):
    response = client_for(secretariat).get(reverse(url_name))
    assert response.status_code == 200
    assert parse(response["Content-Security-Policy"]) == POLICY


def test_the_login_page_and_refusals_carry_it_too(client, client_for, ward_staff, other_assessment):
    assert parse(client.get(reverse("login"))["Content-Security-Policy"]) == POLICY
    assert parse(client.get("/khong-co-trang-nay/")["Content-Security-Policy"]) == POLICY
    refused = client_for(ward_staff).get(reverse("assessments:entry", args=[other_assessment.pk]))
    assert refused.status_code == 404 and parse(refused["Content-Security-Policy"]) == POLICY


def test_htmx_adds_no_inline_style_and_evaluates_nothing(client_for, ward_staff):
    page = client_for(ward_staff).get(reverse("home")).content.decode()
    config = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", page).group(1)
    assert '"includeIndicatorStyles":false' in config
    assert '"allowEval":false' in config
