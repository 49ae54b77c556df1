"""The site's icon: every page links the static SVG, and ``/favicon.ico``, which browsers and tools ask
whatever the page says, leads there instead of answering 404."""
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import RequestFactory
from django.views.defaults import server_error

ICON_URL = "/static/favicon.svg"
ICON_LINK = f'<link rel="icon" href="{ICON_URL}" type="image/svg+xml">'


@pytest.mark.parametrize("method", ["get", "head"])
def test_favicon_ico_leads_to_the_static_svg(client, db, method):
    response = getattr(client, method)("/favicon.ico")
    assert (response.status_code, response["Location"]) == (302, ICON_URL)


def test_the_icon_is_a_static_svg_drawn_without_style_or_script():
    # Attributes only: the Content-Security-Policy's style-src refuses inline styles.
    svg = Path(finders.find("favicon.svg")).read_text(encoding="utf-8")
    assert svg.startswith("<svg ") and 'viewBox="0 0 32 32"' in svg
    assert "<style" not in svg and "style=" not in svg and "<script" not in svg


@pytest.mark.parametrize("url", ["/dang-nhap/", "/khong-co-trang-nay/"])
def test_pages_link_the_icon_for_anonymous_visitors(client, db, url):
    assert ICON_LINK in client.get(url).content.decode()


def test_signed_in_pages_and_the_admin_site_link_the_icon(client_for, secretariat, django_user_model):
    assert ICON_LINK in client_for(secretariat).get("/").content.decode()
    admin = django_user_model.objects.create_user("quantri", role="admin", is_staff=True, is_superuser=True)
    assert ICON_LINK in client_for(admin).get("/admin/").content.decode()


def test_the_bare_500_page_links_the_icon():
    assert ICON_LINK in server_error(RequestFactory().get("/")).content.decode()


def test_an_account_that_owes_its_second_factor_still_gets_the_icon(client_for, secretariat, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = frozenset({secretariat.role})
    assert client_for(secretariat).get("/").status_code == 302  # every page leads to enrolment
    response = client_for(secretariat).get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (302, ICON_URL)

