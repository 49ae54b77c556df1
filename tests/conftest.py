"""Shared fixtures: two wards of one district and a user for every role (Alice, Bob and Charlie style)."""
import pytest

from accounts.models import Role, User
from organizations.models import Unit, UnitKind

from support import PASSWORD


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
