"""The shipped units: every framework version has the units it assesses, so ``open_period`` needs no ``--units``."""
import io
import json

import pytest
from django.core.management import call_command

from assessments.models import Period
from frameworks.services import frameworks_load_all
from organizations.models import Unit
from organizations.services import UNITS_FIXTURE_DIR, units_load_all


@pytest.fixture
def shipped(db):
    units_load_all()
    frameworks_load_all()


@pytest.mark.parametrize("key, year, organiser, expected", [
    ("hoangmai-phuong-2024", 2024, "HM", 14),
    ("hoangmai-phong-2024", 2024, "HM", 12),
    ("haiphong-2023", 2023, "HP", 20),
    ("haiphong-2022", 2022, "HP", 20),
    ("hanoi-province-2020", 2020, "HN", 1),
])
def test_open_period_works_for_every_framework_version_from_the_shipped_units(shipped, key, year, organiser, expected):
    out = io.StringIO()
    call_command("open_period", key, str(year), "--organiser", organiser, stdout=out)
    assert out.getvalue().strip() == f"{key}/{year}: {expected} đơn vị"
    assert Period.objects.get(framework__key=key).organiser.code == organiser


def test_hai_phong_assesses_its_departments_and_ha_noi_assesses_itself(shipped):
    call_command("open_period", "haiphong-2023", "2023", "--organiser", "HP", stdout=io.StringIO())
    call_command("open_period", "hanoi-province-2020", "2020", "--organiser", "HN", stdout=io.StringIO())
    hai_phong = Period.objects.get(framework__key="haiphong-2023")
    names = {a.unit.name for a in hai_phong.assessments.select_related("unit")}
    # The three bodies seed 001 names are among them; the districts' own tree is not shipped.
    assert {"Ban Quản lý Khu kinh tế Hải Phòng", "Sở Nội vụ", "Sở Khoa học và Công nghệ"} <= names
    assert not hai_phong.assessments.filter(unit__kind="district").exists()
    ha_noi = Period.objects.get(framework__key="hanoi-province-2020")
    assert [a.unit.code for a in ha_noi.assessments.all()] == ["HN"]


def test_ha_noi_has_the_lead_agencies_seed_003_names(shipped):
    agencies = set(Unit.objects.filter(parent__code="HN", kind="city_department").values_list("name", flat=True))
    assert agencies == {"Sở Nội vụ", "Văn phòng UBND Thành phố", "Sở Kế hoạch và Đầu tư", "Sở Thông tin và Truyền thông",
                        "Sở Tư pháp", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Cục thuế Thành phố"}
    assert Unit.objects.get(code="HN").framework_family == "hanoi-province"


def test_loading_the_units_again_changes_nothing(shipped):
    before = list(Unit.objects.order_by("code").values_list("code", "name", "kind", "parent__code", "framework_family"))
    assert Unit.objects.filter(code__startswith="HP-D-").count() == 15
    units_load_all()
    assert list(Unit.objects.order_by("code").values_list("code", "name", "kind", "parent__code",
                                                          "framework_family")) == before


def test_every_unit_fixture_says_where_its_names_come_from():
    for path in UNITS_FIXTURE_DIR.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert "seed" in data["source"].lower() and data["units"], path.name
