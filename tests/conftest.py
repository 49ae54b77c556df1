"""Shared fixtures: two wards of one district and a user for every role (Alice, Bob and Charlie style)."""
import pytest

from accounts.models import Role, User
from assessments import actions
from assessments.services import period_open, self_score_save
from frameworks.models import Framework
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from organizations.models import Unit, UnitKind

from support import PASSWORD, submit_completed


@pytest.fixture
def district(db):
    city = Unit.objects.create(code="HN", name="Thành phố Hà Nội", kind=UnitKind.CITY)
    return Unit.objects.create(code="HM", name="Quận Hoàng Mai", kind=UnitKind.DISTRICT, parent=city)


@pytest.fixture
def ward(district):
    return Unit.objects.create(
        code="HM-W-HOANGLIET", name="Phường Hoàng Liệt", kind=UnitKind.WARD,
        parent=district, framework_family="hoangmai-phuong",
    )


@pytest.fixture
def other_ward(district):
    return Unit.objects.create(
        code="HM-W-YENSO", name="Phường Yên Sở", kind=UnitKind.WARD,
        parent=district, framework_family="hoangmai-phuong",
    )


def _user(username, role, unit=None):
    user = User(username=username, role=role, unit=unit, first_name=username.title())
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def ward_staff(ward):
    return _user("alice", Role.UNIT_STAFF, ward)


@pytest.fixture
def ward_head(ward):
    return _user("hana", Role.UNIT_HEAD, ward)


@pytest.fixture
def other_ward_staff(other_ward):
    return _user("charlie", Role.UNIT_STAFF, other_ward)


@pytest.fixture
def secretariat(district):
    return _user("bob", Role.SECRETARIAT, district)


@pytest.fixture
def other_district(district):
    """A second district of the same city, running its own periods: Hà Đông with one ward."""
    other = Unit.objects.create(code="HD", name="Quận Hà Đông", kind=UnitKind.DISTRICT, parent=district.parent)
    Unit.objects.create(code="HD-W-THU", name="Phường Thử", kind=UnitKind.WARD, parent=other,
                        framework_family="hoangmai-phuong")
    return other


@pytest.fixture
def operator_elsewhere(other_district):
    """The Nội vụ office of the other district."""
    return _user("dan", Role.SECRETARIAT, other_district)


@pytest.fixture
def council_member(district):
    return _user("carol", Role.COUNCIL_MEMBER, district)


@pytest.fixture
def leadership(district):
    return _user("leo", Role.LEADERSHIP, district)


@pytest.fixture
def client_for(client):
    """Log the test client in as the given user and hand it back."""
    def login(user):
        client.force_login(user)
        return client
    return login


def load_framework(key):
    framework_load(data=read_fixture(FIXTURE_DIR / f"{key}.json"))
    return Framework.objects.get(key=key)


@pytest.fixture
def ward_framework(db):
    """Hoàng Mai's ward tree: 91 nodes, every leaf scored by hand."""
    return load_framework("hoangmai-phuong-2024")


@pytest.fixture
def rules_framework(db):
    """Hải Phòng 2023: criteria with formula, band, choice and count rules."""
    return load_framework("haiphong-2023")


@pytest.fixture
def period(ward_framework, ward, other_ward, secretariat):
    """The 2024 ward period with Hoàng Liệt and Yên Sở, both in draft."""
    return period_open(framework=ward_framework, year=2024, by=secretariat)


@pytest.fixture
def city_department(rules_framework, district, secretariat, django_user_model):
    """A Hải Phòng city department in its 2023 period, with one staff member: (assessment, staff)."""
    unit = Unit.objects.create(code="HP-S-NOIVU", name="Sở Nội vụ", kind=UnitKind.CITY_DEPARTMENT, parent=district,
                               framework_family="haiphong")
    period = period_open(framework=rules_framework, year=2023, by=secretariat)
    staff = django_user_model.objects.create(username="so", role=Role.UNIT_STAFF, unit=unit)
    return period.assessments.get(unit=unit), staff


@pytest.fixture
def node(ward_framework):
    """A node of the ward tree by its code: ``node("1.1.1")``."""
    return lambda code: ward_framework.nodes.get(code=code)


@pytest.fixture
def assessment(period, ward):
    return period.assessments.get(unit=ward)


@pytest.fixture
def other_assessment(period, other_ward):
    return period.assessments.get(unit=other_ward)


@pytest.fixture
def leaf(node):
    """A manual leaf of the ward tree (1.1.1, worth 0.5)."""
    return node("1.1.1")


@pytest.fixture
def under_appraisal(assessment, ward_staff, ward_head, secretariat, node):
    """Hoàng Liệt scored 1.1.1 = 0,5 and 1.1.2 = 0,25 (the rest 0), submitted, and the appraisal started."""
    self_score_save(assessment=assessment, node=node("1.1.1"), by=ward_staff, expected_version=None, value="0,5")
    self_score_save(assessment=assessment, node=node("1.1.2"), by=ward_staff, expected_version=None, value="0,25")
    submit_completed(assessment=assessment, by=ward_head)
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    return assessment
