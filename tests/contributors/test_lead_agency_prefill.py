"""Hà Nội's own index (seed 003) is prepared by lead agencies ("Chủ trì tham mưu") per criterion: the
assignment is pre-filled from the framework nodes' ``responsible_offices`` for the divisions the city has."""
import pytest

from accounts.models import Role, User
from assessments.services import period_open
from contributors.errors import ContributorError
from contributors.models import Contribution
from contributors.services import contributions_assign, contributions_prefill

from conftest import load_framework


@pytest.fixture
def hanoi(district):
    """The city, which runs its own index on the province framework (seed 003): its 2020 file and its head."""
    framework = load_framework("hanoi-province-2020")
    city = district.parent
    city.framework_family = framework.family
    city.save()
    office = User.objects.create(username="noivu.hanoi", role=Role.SECRETARIAT, unit=city)
    period = period_open(framework=framework, year=2020, by=office)
    head = User.objects.create(username="truong.hanoi", role=Role.UNIT_HEAD, unit=city)
    return period.assessments.get(unit=city), head


def agency(username, unit, division):
    return User.objects.create(username=username, role=Role.CONTRIBUTOR, unit=unit, division=division)


def held(assessment, contributor):
    return sorted(Contribution.objects.filter(assessment=assessment, contributor=contributor)
                  .values_list("node__code", flat=True))


def test_leaves_go_to_the_division_named_as_lead_agency_inherited_from_the_criterion(hanoi):
    assessment, head = hanoi
    home_affairs = agency("snv", assessment.unit, "Sở Nội vụ")
    office = agency("vp", assessment.unit, "Văn phòng UBND Thành phố")
    planning = agency("khdt", assessment.unit, "  sở Kế hoạch và  Đầu tư ")  # typed loosely: same agency
    agency("tuphap-khac", assessment.unit, "Phòng Tư pháp")  # matches no agency the seed names
    contributions_assign(assessment=assessment, contributor=office, codes=["8.1"], by=head)

    made = contributions_prefill(assessment=assessment, by=head)

    # 4.1 names Sở Nội vụ for its sub-criteria 4.1.2 and 4.1.3; 8.1 stays where the head put it.
    assert held(assessment, home_affairs) == ["1.1", "1.5", "4.1.2", "4.1.3", "4.4.2", "5.1"]
    assert held(assessment, office) == ["1.6", "3.1", "4.4.1", "7.3", "8.1"]
    assert held(assessment, planning) == ["4.3", "4.4.3", "8.2", "8.5"]
    assert made == 6 + 4 + 4
    assert Contribution.objects.filter(assessment=assessment).count() == made + 1
    assert contributions_prefill(assessment=assessment, by=head) == 0  # running it again changes nothing


def test_through_the_page(client_for, hanoi):
    assessment, head = hanoi
    agency("snv", assessment.unit, "Sở Nội vụ")
    html = client_for(head).get(f"/danh-gia/{assessment.pk}/phan-cong/").content.decode()
    assert "Phân công theo cơ quan chủ trì tham mưu" in html

    response = client_for(head).post(f"/danh-gia/{assessment.pk}/phan-cong/theo-co-quan-chu-tri/", follow=True)

    assert "Đã phân công 7 tiêu chí theo cơ quan chủ trì tham mưu." in response.content.decode()  # 8.1 too, here


def test_a_contributor_cannot_prefill(hanoi):
    assessment, _head = hanoi
    home_affairs = agency("snv", assessment.unit, "Sở Nội vụ")
    with pytest.raises(ContributorError):
        contributions_prefill(assessment=assessment, by=home_affairs)
    assert not Contribution.objects.exists()
