"""Targets per unit, year and criterion: at most the maximum, by page and by Excel, all or nothing."""
from decimal import Decimal

import pytest
from django.urls import reverse

from improvement.errors import ImportRejected, ImprovementError
from improvement.excel import targets_import_xlsx
from improvement.models import Plan, Target
from improvement.services import TargetRow, plan_ensure, targets_load, targets_save

from support import xlsx_upload


@pytest.fixture
def plan(ward, ward_framework):
    return plan_ensure(unit=ward, year=2025, family="hoangmai-phuong", framework=ward_framework)


@pytest.fixture
def untreed_plan(ward):
    """A plan on criteria ParIndex has no tree for: each target brings its title and maximum."""
    return plan_ensure(unit=ward, year=2021, family="hadong-phuong")


def test_a_target_is_saved_up_to_the_maximum_with_its_history(plan, ward_staff):
    assert targets_save(plan=plan, values={"1.1.1": "0,5", "1.1.2": ""}, by=ward_staff) == 1
    target = Target.objects.get()
    assert (target.code, target.target, target.max_points) == ("1.1.1", Decimal("0.5"), Decimal("0.5"))
    assert target.history.get().history_user == ward_staff


def test_a_target_above_the_maximum_or_not_a_number_is_refused_and_nothing_saved(plan, ward_staff):
    with pytest.raises(ImprovementError) as refused:
        targets_save(plan=plan, values={"1.1.1": "0,75", "1.1.2": "nhiều", "1.1.3": "0,25", "9.9": "1"},
                     by=ward_staff)
    assert str(refused.value) == (
        "Chỉ tiêu của tiêu chí “1.1.1” (0,75) lớn hơn điểm tối đa 0,5. “Chỉ tiêu” phải là một số. "
        "Tiêu chí “9.9” không có trong bộ chỉ số của kế hoạch.")
    assert not Target.objects.exists()


def test_only_the_office_and_the_units_own_people_write(plan, other_ward_staff, leadership, council_member, secretariat):
    for outsider in (other_ward_staff, leadership, council_member):
        with pytest.raises(ImprovementError):
            targets_save(plan=plan, values={"1.1.1": "0,5"}, by=outsider)
    assert targets_save(plan=plan, values={"1.1.1": "0,5"}, by=secretariat) == 1


def test_the_excel_import_names_every_bad_row_and_saves_nothing(plan, ward_staff):
    file = xlsx_upload(("Mã tiêu chí", "Chỉ tiêu"), [("1.1.1", "0,5"), ("1.1.2", 2), ("1.1.1", "0,25"), ("8.8", 1),
                                                     ("1.1.3", None)])
    with pytest.raises(ImportRejected) as rejected:
        targets_import_xlsx(plan=plan, file=file, name="chi-tieu.xlsx", by=ward_staff)
    assert rejected.value.problems == [
        "Dòng 3: Chỉ tiêu của tiêu chí “1.1.2” (2) lớn hơn điểm tối đa 0,5.",
        "Dòng 4: tiêu chí “1.1.1” đã có ở dòng 2.",
        "Dòng 5: Tiêu chí “8.8” không có trong bộ chỉ số của kế hoạch.",
        "Dòng 6: “Chỉ tiêu” phải là một số.",
    ]
    assert not Target.objects.exists()


def test_the_excel_import_saves_every_row_with_its_line(plan, ward_staff):
    file = xlsx_upload(("Mã tiêu chí", "Chỉ tiêu"), [("1.1.1", "0,5"), ("1.1.2", 0.25)])
    assert targets_import_xlsx(plan=plan, file=file, name="chi-tieu.xlsx", by=ward_staff) == 2
    assert list(Target.objects.values_list("code", "target", "source_line")) == [
        ("1.1.1", Decimal("0.5"), 2), ("1.1.2", Decimal("0.25"), 3)]
    assert Target.objects.get(code="1.1.1").history.get().history_change_reason == "nhập từ tệp chi-tieu.xlsx"


def test_without_a_tree_a_new_criterion_needs_its_title_and_maximum(untreed_plan, ward_staff):
    with pytest.raises(ImportRejected) as rejected:
        targets_load(plan=untreed_plan, by=ward_staff, reason="x", rows=[
            TargetRow(line=2, code="1", value="17,5"),
            TargetRow(line=3, code="2", value="16", title="Một cửa", max_points="15")])
    assert rejected.value.problems == [
        "Dòng 2: Kế hoạch chưa có tiêu chí “1”; cần ghi “Nội dung” và “Điểm tối đa” để thêm.",
        "Dòng 3: Chỉ tiêu của tiêu chí “2” (16) lớn hơn điểm tối đa 15."]

    targets_load(plan=untreed_plan, by=ward_staff, reason="x", rows=[
        TargetRow(line=2, code="1", value="17,5", title="Chỉ đạo điều hành", max_points="18")])
    assert targets_save(plan=untreed_plan, values={"1": "18"}, by=ward_staff) == 1
    assert Target.objects.get().target == Decimal(18)


def test_the_plan_page_edits_for_the_unit_reads_for_leadership_and_404s_strangers(
        plan, ward_staff, leadership, other_ward_staff, client_for):
    url = reverse("improvement:plan", args=[plan.pk])
    page = client_for(ward_staff).get(url).content.decode()
    assert 'name="chi-tieu-1.1.1"' in page
    response = client_for(ward_staff).post(reverse("improvement:targets_save", args=[plan.pk]),
                                           {"chi-tieu-1.1.1": "0,5"}, follow=True)
    assert "Đã lưu 1 chỉ tiêu." in response.content.decode()

    page = client_for(leadership).get(url).content.decode()
    assert 'name="chi-tieu-1.1.1"' not in page and "0,5" in page
    assert client_for(other_ward_staff).get(url).status_code == 404
    assert client_for(other_ward_staff).post(reverse("improvement:targets_save", args=[plan.pk])).status_code == 404


def test_plans_are_started_by_the_office_for_any_unit_and_by_a_unit_for_itself(
        ward, other_ward, ward_framework, secretariat, ward_staff, leadership, client_for):
    url = reverse("improvement:create")
    response = client_for(ward_staff).post(url, {"unit": "HM-W-HOANGLIET", "year": "2025",
                                                 "framework": "hoangmai-phuong-2024"}, follow=True)
    assert "Đã tạo kế hoạch năm 2025 của Phường Hoàng Liệt." in response.content.decode()
    response = client_for(ward_staff).post(url, {"unit": "HM-W-YENSO", "year": "2025"}, follow=True)
    assert "Không có đơn vị “HM-W-YENSO”." in response.content.decode()
    response = client_for(leadership).post(url, {"unit": "HM-W-YENSO", "year": "2025"}, follow=True)
    assert "Không có đơn vị “HM-W-YENSO”." in response.content.decode()
    response = client_for(secretariat).post(url, {"unit": "HM-W-HOANGLIET", "year": "2025",
                                                  "framework": "hoangmai-phuong-2024"}, follow=True)
    assert "Phường Hoàng Liệt đã có kế hoạch năm 2025." in response.content.decode()
    response = client_for(secretariat).post(url, {"unit": "HM-W-YENSO", "year": "2025"}, follow=True)
    assert "Đã tạo kế hoạch năm 2025 của Phường Yên Sở." in response.content.decode()
    assert list(Plan.objects.order_by("unit__code").values_list("unit__code", "family", "framework__key")) == [
        ("HM-W-HOANGLIET", "hoangmai-phuong", "hoangmai-phuong-2024"), ("HM-W-YENSO", "hoangmai-phuong", None)]


def test_the_plan_list_shows_readable_plans_and_an_empty_state(plan, ward_staff, other_ward_staff, client_for,
                                                               django_assert_max_num_queries):
    client = client_for(ward_staff)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("improvement:list")).content.decode()
    assert "Phường Hoàng Liệt" in page and "Tạo kế hoạch" in page
    page = client_for(other_ward_staff).get(reverse("improvement:list")).content.decode()
    assert "Chưa có kế hoạch cải thiện nào." in page
