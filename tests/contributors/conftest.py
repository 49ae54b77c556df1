"""Two divisions of Hoàng Liệt ward working on its 2024 file, and one of Yên Sở."""
import pytest

from accounts.models import Role, User
from support import PASSWORD


def _contributor(username, unit, division, full_name):
    last, _, first = full_name.rpartition(" ")
    user = User(username=username, role=Role.CONTRIBUTOR, unit=unit, division=division,
                first_name=first, last_name=last)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def economy(ward):
    return _contributor("kinhte.hoangliet", ward, "Bộ phận Kinh tế", "Trần Văn Kinh")


@pytest.fixture
def culture(ward):
    return _contributor("vanhoa.hoangliet", ward, "Bộ phận Văn hóa - Xã hội", "Lê Thị Hoa")


@pytest.fixture
def other_unit_contributor(other_ward):
    return _contributor("kinhte.yenso", other_ward, "Bộ phận Kinh tế", "Phạm Văn Sở")
