"""The admin reads in Vietnamese: its header, its greeting, every model, every field, third-party apps included."""
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.utils.text import camel_case_to_spaces

from accounts.models import Role, User

OUR_APPS = {"accounts", "organizations", "frameworks", "assessments", "appraisal", "surveys"}
ENGLISH = ["Explanation messages", "Published results", "Access attempts", "Access logs", "Access failures",
           "Password-based authentication", "Welcome", "Django administration", "Django site admin", "Axes",
           "Enabled", "Disabled", "Skip to main content"]


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(username="thong", password="x", first_name="Thống", last_name="Trần Văn",
                                         role=Role.ADMIN)


def admin_pages():
    yield "/admin/"
    yield "/admin/accounts/user/add/"
    for model in admin.site._registry:
        yield f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


def test_every_admin_page_reads_in_vietnamese(client, superuser):
    client.force_login(superuser)
    for url in admin_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        page = re.sub(r"<[^>]+>", " ", response.content.decode())  # the text a reader sees, not markup
        found = [word for word in ENGLISH if word in page]
        assert found == [], url


def test_the_header_and_the_greeting(client, superuser):
    client.force_login(superuser)
    page = client.get("/admin/").content.decode()
    assert '<a href="/admin/">Quản trị ParIndex</a>' in page
    assert "Xin chào Trần Văn Thống." in page and "Chào mừng bạn" not in page
    # The name is not shouted in capitals (a static file: the Content-Security-Policy refuses inline styles).
    assert 'href="/static/css/admin.css"' in page
    assert "#user-tools { text-transform: none; }" in (settings.BASE_DIR / "static/css/admin.css").read_text()


def test_every_model_and_field_of_ours_has_a_vietnamese_name():
    unnamed = []
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label not in OUR_APPS or meta.object_name.startswith("Historical"):
            continue
        if str(meta.verbose_name) == camel_case_to_spaces(meta.object_name):
            unnamed.append(meta.label)
        unnamed += [f"{meta.label}.{field.name}" for field in meta.get_fields()
                    if not field.auto_created and str(field.verbose_name) == field.name.replace("_", " ")]
    assert unnamed == []
