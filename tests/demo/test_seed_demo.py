import io

from datetime import date

from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from accounts.models import User
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
        "admin", "secretariat", "council_member", "leadership", "unit_staff", "unit_head"}
    assert sorted(p.identifier for p in Period.objects.all()) == [
        "hoangmai-phong-2024/2024", "hoangmai-phuong-2024/2023", "hoangmai-phuong-2024/2024"]
    counts = (Unit.objects.count(), User.objects.count(), Period.objects.count(), SelfScore.objects.count(),
              ImportedResult.objects.count(), Target.objects.count())

    call_command("seed_demo", stdout=io.StringIO())

    assert (Unit.objects.count(), User.objects.count(), Period.objects.count(), SelfScore.objects.count(),
            ImportedResult.objects.count(), Target.objects.count()) == counts
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
    earlier = Period.objects.get(year=2023)
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
