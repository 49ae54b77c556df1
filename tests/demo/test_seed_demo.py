import io

from datetime import date

from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from accounts.models import User
from contributors.models import Contribution
from frameworks.models import Node
from appraisal.models import PublishedResult
from assessments.models import Period, SelfScore, StatusChange
from organizations.models import Unit
from improvement.models import Plan, Target
from reports.models import ImportedResult


def test_seed_demo_creates_units_users_and_periods_and_can_run_again(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    text = out.getvalue()
    assert "canbo.hoangliet" in text and "ParIndex@2024" in text
    assert Unit.objects.filter(kind="ward", parent__code="HM").count() == 14
    assert Unit.objects.filter(kind="department", parent__code="HM").count() == 12
    assert Unit.objects.get(code="HD-W-PHULA").parent.parent.code == "HN"
    assert sorted(ImportedResult.objects.values_list("unit__code", "year")) == [
        ("HD-W-PHULA", 2019), ("HD-W-PHULA", 2020), ("HN", 2019)]
    assert sorted(Plan.objects.annotate(n=Count("targets")).values_list("unit__code", "year", "n")) == [
        ("HD-W-PHULA", 2021, 28), ("HN", 2020, 80)]
    assert set(User.objects.values_list("role", flat=True)) == {
        "admin", "secretariat", "council_member", "leadership", "unit_staff", "unit_head", "contributor"}
    assert sorted(p.full_identifier for p in Period.objects.all()) == [
        "HD/hoangmai-phuong-2024/2024", "HM/hoangmai-phong-2024/2024", "HM/hoangmai-phuong-2024/2023",
        "HM/hoangmai-phuong-2024/2024",
        "HN/hanoi-province-2020/2020", "HP/haiphong-2023/2023"]
    counts = (Unit.objects.count(), User.objects.count(), Period.objects.count(), SelfScore.objects.count(),
              ImportedResult.objects.count(), Target.objects.count(), Contribution.objects.count())

    call_command("seed_demo", stdout=io.StringIO())

    assert (Unit.objects.count(), User.objects.count(), Period.objects.count(), SelfScore.objects.count(),
            ImportedResult.objects.count(), Target.objects.count(), Contribution.objects.count()) == counts
    assert User.objects.get(username="canbo.hoangliet").check_password("ParIndex@2024")


def test_every_demo_unit_has_an_active_head_and_officer_who_sign_in_with_the_demo_password(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)

    units = Unit.objects.filter(kind__in=["ward", "department"])
    for unit in units:
        slug = unit.code.rsplit("-", 1)[-1].lower()
        head = User.objects.get(username=f"truong.{slug}")
        officer = User.objects.get(username=f"canbo.{slug}")
        assert (head.role, head.unit, head.is_active) == ("unit_head", unit, True)
        assert (officer.role, officer.unit, officer.is_active) == ("unit_staff", unit, True)
        assert head.check_password("ParIndex@2024") and not head.must_change_password
    assert User.objects.filter(unit__in=units, role__in=["unit_head", "unit_staff"]).count() == 54  # 26 + Phú La
    # No placeholder that cannot sign in, and the named demo accounts keep their names.
    assert not User.objects.filter(is_active=False).exists()
    assert User.objects.get(username="truong.hoangliet").display_name == "Đỗ Văn Nam"
    # The 52 logins are explained, not printed.
    text = out.getvalue()
    assert "truong.dinhcong" in text and "truong.yenso" not in text and "canbo.tanmai" not in text


def test_the_published_demo_period_carries_the_dates_of_its_own_cycle(db):
    call_command("seed_demo", stdout=io.StringIO())
    earlier = Period.objects.get(year=2023, organiser__code="HM")
    # Published in January after its year, whatever the year the demo is seeded in
    assert timezone.localtime(earlier.published_at).date() == date(2024, 1, 15)
    assert {timezone.localtime(at).date() for at in
            PublishedResult.objects.filter(assessment__period=earlier).values_list("published_at", flat=True)} == {
        date(2024, 1, 15)}
    steps = StatusChange.objects.filter(assessment__period=earlier)
    assert {timezone.localtime(at).year for at in steps.values_list("at", flat=True)} <= {2023, 2024}


def test_the_demo_sets_illustrative_offices_once_and_default_assignment_follows_them(db):
    from appraisal.models import Assignment
    from frameworks.models import Node

    call_command("seed_demo", stdout=io.StringIO())

    wards = Node.objects.filter(framework__key="hoangmai-phuong-2024")
    assert wards.get(code="2").responsible_offices == ["Phòng Tư pháp"]
    assert set(Node.history.filter(framework__key="hoangmai-phuong-2024").values_list("history_change_reason", flat=True)) == {"Dữ liệu mẫu"}
    # The Justice office's head has area 2 by its office (and area 1 by hand) in the current ward period.
    theirs = set(Assignment.objects.filter(member__user__username="hoidong", member__period__year=2024)
                 .values_list("node__code", flat=True))
    assert {code for code in theirs if code.startswith("2.")} == {"2.1", "2.2", "2.3", "2.4"}
    assert {code[0] for code in theirs} == {"1", "2"}
    changes = Node.history.count()

    Node.objects.filter(framework__key="hoangmai-phuong-2024", code="2").update(responsible_offices=["Phòng Nội vụ"])
    call_command("seed_demo", stdout=io.StringIO())

    assert Node.history.count() == changes  # never over the office's own choice
    assert wards.get(code="2").responsible_offices == ["Phòng Nội vụ"]


def test_hai_phong_runs_its_departments_and_the_economic_zone_shares_its_criteria_among_its_divisions(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)

    period = Period.objects.get(organiser__code="HP")
    assert (period.identifier, period.created_by.username) == ("haiphong-2023/2023", "noivu.haiphong")
    assert period.assessments.count() == 20 and not period.assessments.filter(unit__kind="district").exists()
    assert {(u.username, u.role) for u in User.objects.filter(username__endswith=".haiphong")} == {
        ("noivu.haiphong", "secretariat"), ("lanhdao.haiphong", "leadership")}
    zone = period.assessments.get(unit__code="HP-S-BQLKKT")
    # Every leaf of the board's file is with one of its three divisions; each has typed a few, the head reviewed one
    leaves = Node.objects.filter(framework=period.framework, children__isnull=True).count()
    held = dict(Contribution.objects.filter(assessment=zone).values_list("contributor__division")
                .annotate(n=Count("id")).order_by())
    assert set(held) == {"Văn phòng Ban Quản lý", "Phòng Quản lý Đầu tư", "Phòng Quản lý Doanh nghiệp và Lao động"}
    assert sum(held.values()) == leaves
    assert {score.updated_by.role for score in zone.self_scores.select_related("updated_by")} == {"contributor"}
    assert zone.self_scores.count() == 5
    assert Contribution.objects.filter(assessment=zone, reviewed_by__username="truong.bqlkkt").count() == 1
    # The other departments' files are self-scored in full
    other = period.assessments.exclude(unit__code="HP-S-BQLKKT").first()
    assert other.self_scores.count() == leaves
    text = out.getvalue()
    assert "noivu.haiphong" in text and "vanphong.bqlkkt" in text and "truong.bqlkkt" in text


def test_ha_noi_prepares_its_own_index_with_the_lead_agencies_seed_003_names(db):
    call_command("seed_demo", stdout=io.StringIO())

    city = Period.objects.get(organiser__code="HN").assessments.get()
    assert city.unit.code == "HN"
    by_agency = dict(Contribution.objects.filter(assessment=city).values_list("contributor__division")
                     .annotate(n=Count("id")).order_by())
    # Pre-filled from "Chủ trì tham mưu" (seed 003): each of the eight agencies holds the criteria it leads
    assert len(by_agency) == 8
    assert sorted(Contribution.objects.filter(assessment=city, contributor__username="chutri.noivu")
                  .values_list("node__code", flat=True)) == ["1.1", "1.5", "4.1.2", "4.1.3", "4.4.2", "5.1", "8.1"]
    assert city.self_scores.count() == 8  # one criterion typed by each agency
    assert User.objects.get(username="chutri.vanphong").division == "Văn phòng UBND Thành phố"


def test_the_citys_leadership_ranks_two_districts_wards_together(db, client):
    call_command("seed_demo", stdout=io.StringIO())
    client.force_login(User.objects.get(username="lanhdao.hanoi"))

    page = client.get("/ket-qua/xep-hang-chung/", {"ky": "hoangmai-phuong-2024/2024"}).content.decode()

    assert "15 đơn vị của 2 cơ quan tổ chức đánh giá" in page
    assert "Phường Phú La" in page and "Quận Hà Đông" in page and "Phường Hoàng Liệt" in page


def test_the_current_ward_period_holds_an_offices_assessment_with_some_scores(db):
    from appraisal.models import OfficeReviewPart, OfficeReviewScore
    from assessments.models import AssessmentResult

    call_command("seed_demo", stdout=io.StringIO())

    part = OfficeReviewPart.objects.get(period__organiser__code="HM", period__framework__key="hoangmai-phuong-2024",
                                        period__year=2024)
    assert (str(part.max_points), part.criteria) == ("10.000", ["1.1.3", "1.2.1", "1.3.2", "2.2", "3.1.1"])
    # The office scored three units on three criteria; the Justice office's head 2.2 of the first
    scores = OfficeReviewScore.objects.filter(part=part)
    assert scores.values("assessment").distinct().count() == 3 and scores.count() == 10
    assert scores.get(node__code="2.2").scored_by.username == "hoidong"
    parts = [AssessmentResult.objects.get(assessment=a).parts[0] for a in part.period.assessments.all()]
    assert sum(1 for code, points, maximum in parts if points is not None) == 3
    assert {(code, maximum) for code, _points, maximum in parts} == {("office_review", "10")}


def test_the_current_ward_period_holds_a_survey_on_the_decisions_groups_with_illustrative_questions(db, client):
    from demo.seed import DEMO_SURVEY_FILE
    from surveys.models import SurveyPart, SurveyResponse, SurveyResult

    call_command("seed_demo", stdout=io.StringIO())

    period = Period.objects.get(organiser__code="HM", framework__key="hoangmai-phuong-2024", year=2024)
    part = SurveyPart.objects.get(period=period)
    survey = period.framework.extra["survey"]  # seed 000, lines 99–103
    # The decision's maximum and respondent groups, word for word; what it does not give is marked illustrative
    assert (part.method, part.max_points, part.design["max_points"]) == ("dtxhh", 30, survey["max_points"])
    assert [group["title"] for group in part.design["groups"]] == survey["respondent_groups"]
    assert all(criterion["title"].startswith("(Minh họa) ") for criterion in part.design["criteria"])
    assert part.responses_file == DEMO_SURVEY_FILE == "phieu-dieu-tra-minh-hoa-2024.csv"
    # Every ward has its points from the responses, five respondents of each group
    assert part.responses_count == SurveyResponse.objects.filter(part=part).count() == 14 * 4 * 5
    results = SurveyResult.objects.filter(part=part)
    assert results.count() == 14 and all(0 < result.points <= 30 for result in results)
    # The earlier period keeps its typed points, without a design
    assert SurveyPart.objects.get(period__year=2023, period__organiser__code="HM").design is None

    # The office sees how a ward's points come about
    client.force_login(User.objects.get(username="noivu"))
    ward = period.assessments.get(unit__code="HM-W-YENSO")
    page = client.get(f"/dieu-tra/don-vi/{ward.pk}/").content.decode()
    assert 'data-testid="computation"' in page and "(Minh họa) Giải quyết thủ tục hành chính" in page

    call_command("seed_demo", stdout=io.StringIO())

    assert SurveyResponse.objects.filter(part=part).count() == 14 * 4 * 5
    assert SurveyPart.objects.get(pk=part.pk).history.count() == part.history.count()


def test_no_demo_account_is_named_after_its_role_or_its_unit(db):
    """Both are shown beside the name (the top bar, the admin's list): a name made of them said each twice."""
    call_command("seed_demo", stdout=io.StringIO())

    repeated = [(user.username, user.display_name) for user in User.objects.select_related("unit")
                if user.get_role_display().lower() in user.display_name.lower()
                or (user.unit and user.unit.name in user.display_name)]
    assert repeated == []
    # A family name, then one given name, as the admin's two fields hold them
    officer = User.objects.get(username="canbo.daikim")
    assert officer.last_name and " " not in officer.first_name
    assert officer.display_name == f"{officer.last_name} {officer.first_name}"
    assert User.objects.get(username="admin").display_name == "Phan Minh Quân"
