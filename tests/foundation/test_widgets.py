"""The quick multiple select writes exactly Django's markup."""
from django import forms
from django.test.html import parse_html

from config.widgets import QuickSelectMultiple

CHOICES = [("1", "1.1. Ban hành kế hoạch CCHC"), ("2", "1.2. Báo cáo <định kỳ> & đột xuất"), ("3", "2.1. Tuyên truyền")]
GROUPED = [("Lĩnh vực 1", CHOICES[:2]), ("Lĩnh vực 2", CHOICES[2:])]


def _both(choices, value, attrs):
    django_html = forms.SelectMultiple(choices=choices).render("nodes", value, attrs=attrs)
    quick_html = QuickSelectMultiple(choices=choices).render("nodes", value, attrs=attrs)
    return parse_html(quick_html), parse_html(django_html)


def test_options_selected_options_and_attributes_are_djangos():
    quick, django = _both(CHOICES, ["1", "3"], {"id": "id_nodes", "required": True})

    assert quick == django
    assert '<option selected value="1">' in str(quick) and "&lt;định kỳ&gt; &amp;" in str(quick)


def test_groups_are_djangos():
    quick, django = _both(GROUPED, ["3"], {"id": "id_nodes"})

    assert quick == django
