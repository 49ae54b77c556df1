import pytest

from assessments.services import period_open
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture


@pytest.fixture
def ward_framework(db):
    framework_load(data=read_fixture(FIXTURE_DIR / "hoangmai-phuong-2024.json"))
    from frameworks.models import Framework

    return Framework.objects.get(key="hoangmai-phuong-2024")


@pytest.fixture
def rules_framework(db):
    """Hải Phòng 2023: criteria with formula, band, choice and count rules."""
    framework_load(data=read_fixture(FIXTURE_DIR / "haiphong-2023.json"))
    from frameworks.models import Framework

    return Framework.objects.get(key="haiphong-2023")


@pytest.fixture
def period(ward_framework, ward, other_ward, secretariat):
    return period_open(framework=ward_framework, year=2024, by=secretariat)


@pytest.fixture
def assessment(period, ward):
    return period.assessments.get(unit=ward)


@pytest.fixture
def other_assessment(period, other_ward):
    return period.assessments.get(unit=other_ward)


@pytest.fixture
def leaf(ward_framework):
    """A manual leaf of the ward tree (1.1.1, worth 0.5)."""
    return ward_framework.nodes.get(code="1.1.1")
