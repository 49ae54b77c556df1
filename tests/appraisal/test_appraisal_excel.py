"""Paper-first councils: export every unit's scores, fill in the appraisal, import all or nothing."""
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from appraisal.excel import AppraisalImportRejected, appraisal_import, appraisal_workbook
from appraisal.models import AppraisedScore
from appraisal.services import appraisal_finish, appraisal_save, period_publish
from assessments import actions
from assessments.services import self_score_save
from support import submit_completed


def filled(period, edits: dict) -> io.BytesIO:
    """The exported workbook with the cells in ``edits`` ({(unit, code): (value, reason)}) filled in."""
    book = load_workbook(io.BytesIO(appraisal_workbook(period=period)))
    sheet = book.active
    for row in sheet.iter_rows(min_row=2):
        key = (row[0].value, row[2].value)
        if key in edits:
            row[6].value, row[7].value = edits[key]
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_the_export_has_one_row_per_unit_and_criterion_with_self_scores(period, under_appraisal, ward_framework):
    sheet = load_workbook(io.BytesIO(appraisal_workbook(period=period))).active
    leaves = ward_framework.nodes.filter(children__isnull=True).count()
    assert sheet.max_row == 1 + 2 * leaves
    first = [cell.value for cell in sheet[2]]
    assert first[:3] == ["HM-W-HOANGLIET", "Phường Hoàng Liệt", "1.1.1"]
    assert Decimal(str(first[5])) == Decimal("0.5")


def test_an_import_saves_every_appraised_score(period, under_appraisal, secretariat):
    file = filled(period, {("HM-W-HOANGLIET", "1.1.1"): ("0,25", "Ban hành chậm"),
                           ("HM-W-HOANGLIET", "1.1.2"): (0.25, "Chưa triển khai")})
    assert appraisal_import(period=period, file=file, by=secretariat) == 2
    assert dict(under_appraisal.appraised_scores.values_list("node__code", "value")) == {
        "1.1.1": Decimal("0.25"), "1.1.2": Decimal("0.25")}


@pytest.mark.parametrize("edits, problem", [
    ({("HM-W-HOANGLIET", "1.1.1"): ("0,75", "x")}, "Dòng 2: “Điểm” không được lớn hơn điểm tối đa 0,5."),
    ({("HM-W-HOANGLIET", "1.1.1"): ("nửa", "x")}, "Dòng 2: “Điểm thẩm định” phải là một số."),
    ({("HM-W-HOANGLIET", "1.1.1"): ("0", None)}, "Dòng 2: Điểm thẩm định khác điểm tự chấm (0,5): cần nêu lý do điều chỉnh."),
])
def test_one_bad_row_rejects_the_whole_file(period, under_appraisal, secretariat, edits, problem):
    edits = {**edits, ("HM-W-HOANGLIET", "1.1.2"): ("0", "Không có kế hoạch")}
    with pytest.raises(AppraisalImportRejected) as rejected:
        appraisal_import(period=period, file=filled(period, edits), by=secretariat)
    assert problem in rejected.value.problems
    assert not under_appraisal.appraised_scores.exists()


def test_an_assessment_not_under_appraisal_is_refused_by_row(period, under_appraisal, secretariat):
    file = filled(period, {("HM-W-YENSO", "1.1.1"): ("0", "x")})
    with pytest.raises(AppraisalImportRejected) as rejected:
        appraisal_import(period=period, file=file, by=secretariat)
    assert any("Đang tự đánh giá" in p for p in rejected.value.problems)


def test_a_file_that_is_not_a_workbook_is_refused(period, secretariat):
    with pytest.raises(AppraisalImportRejected, match="không phải Excel"):
        appraisal_import(period=period, file=io.BytesIO(b"hello"), by=secretariat)


def test_unknown_units_and_codes_are_named(period, under_appraisal, secretariat):
    book = load_workbook(io.BytesIO(appraisal_workbook(period=period)))
    book.active.append(["HM-W-KHONGCO", "", "1.1.1", "", 0.5, None, 0, ""])
    book.active.append(["HM-W-HOANGLIET", "", "1.1", "", 1.5, None, 0, ""])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    with pytest.raises(AppraisalImportRejected) as rejected:
        appraisal_import(period=period, file=buffer, by=secretariat)
    last = book.active.max_row
    assert rejected.value.problems == [
        f"Dòng {last - 1}: đơn vị “HM-W-KHONGCO” không có trong kỳ đánh giá.",
        f"Dòng {last}: mã “1.1” không phải tiêu chí chấm điểm của bộ chỉ số.",
    ]


def test_the_commands_round_trip(period, under_appraisal, secretariat, tmp_path):
    target = tmp_path / "tham-dinh.xlsx"
    call_command("export_appraisal", period.identifier, "-o", str(target), stdout=io.StringIO())
    book = load_workbook(target)
    book.active["G2"] = 0
    book.save(target)
    with pytest.raises(CommandError, match="Không nhập gì. Các lỗi:\nDòng 2: Điểm thẩm định khác"):
        call_command("import_appraisal", period.identifier, str(target))
    book.active["H2"] = "Không có kế hoạch"
    book.save(target)
    out = io.StringIO()
    call_command("import_appraisal", period.identifier, str(target), stdout=out)
    assert out.getvalue().strip() == "Đã nhập 1 điểm thẩm định."


def test_the_secretariat_downloads_and_uploads_in_the_browser(client_for, secretariat, period, under_appraisal):
    client = client_for(secretariat)
    download = client.get(f"/tham-dinh/ky/{period.pk}/excel/")
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    file = filled(period, {("HM-W-HOANGLIET", "1.1.1"): ("0", None)})
    file.name = "tham-dinh.xlsx"
    response = client.post(f"/tham-dinh/ky/{period.pk}/excel/nhap/", {"file": file}, follow=True)
    assert "Không nhập gì. Dòng 2: Điểm thẩm định khác điểm tự chấm" in response.content.decode()


def test_a_council_member_cannot_export_the_period(client_for, council_member, period):
    assert client_for(council_member).get(f"/tham-dinh/ky/{period.pk}/excel/").status_code == 404


def test_an_oversized_appraisal_workbook_is_refused(client_for, secretariat, period, under_appraisal, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.EXCEL_MAX_BYTES = 1024
    big = SimpleUploadedFile("lon.xlsx", b"PK\x03\x04" + b"0" * 2048)
    response = client_for(secretariat).post(f"/tham-dinh/ky/{period.pk}/excel/nhap/", {"file": big}, follow=True)
    assert "Tệp Excel “lon.xlsx” lớn hơn 0 MB." in response.content.decode()
    assert not under_appraisal.appraised_scores.exists()


# -- rows that change nothing are skipped --------------------------------------------------------


def test_re_importing_an_unchanged_export_saves_nothing_and_writes_no_history(period, under_appraisal, secretariat, node):
    # Given an adjustment and a confirmation already saved
    appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=secretariat, value="0,25",
                   reason="Ban hành chậm", expected_version=None)
    appraisal_save(assessment=under_appraisal, node=node("1.1.2"), by=secretariat, value="0,25", expected_version=None)
    history = AppraisedScore.history.count()

    # When the export comes back as it was
    saved = appraisal_import(period=period, file=filled(period, {}), by=secretariat)

    # Then nothing is saved again
    assert saved == 0
    assert AppraisedScore.history.count() == history
    assert sorted(under_appraisal.appraised_scores.values_list("node__code", "version")) == [("1.1.1", 1), ("1.1.2", 1)]


def test_a_plain_confirmation_of_the_self_score_is_not_saved(period, under_appraisal, secretariat):
    file = filled(period, {("HM-W-HOANGLIET", "1.1.2"): (0.25, None)})  # 0,25 is the self-score

    assert appraisal_import(period=period, file=file, by=secretariat) == 0
    assert not under_appraisal.appraised_scores.exists()


def test_only_the_changed_row_is_saved_when_another_unit_is_already_published(
    period, under_appraisal, other_ward, other_ward_staff, secretariat, node, django_user_model
):
    # Given Yên Sở self-scored 1.1.1, both units appraised and published, then Hoàng Liệt re-appraised
    yen_so = period.assessments.get(unit=other_ward)
    self_score_save(assessment=yen_so, node=node("1.1.1"), by=other_ward_staff, expected_version=None, value="0,5")
    submit_completed(assessment=yen_so, by=django_user_model.objects.create(username="yen", role="unit_head",
                                                                            unit=other_ward))
    actions.assessment_start_appraisal(assessment=yen_so, by=secretariat)
    appraisal_finish(assessment=under_appraisal, by=secretariat)
    appraisal_finish(assessment=yen_so, by=secretariat)
    period_publish(period=period, by=secretariat)
    under_appraisal.refresh_from_db()
    actions.assessment_reappraise(assessment=under_appraisal, by=secretariat, reason="Phúc tra theo đơn của phường")

    # When the export comes back with only Hoàng Liệt's 1.1.1 changed
    file = filled(period, {("HM-W-HOANGLIET", "1.1.1"): ("0,25", "Phúc tra: kế hoạch ban hành chậm")})
    saved = appraisal_import(period=period, file=file, by=secretariat)

    # Then that row alone is saved, and Yên Sở's published score is left alone
    assert saved == 1
    assert sorted(under_appraisal.appraised_scores.exclude(value=0).values_list("node__code", "value", "version")) == [
        ("1.1.1", Decimal("0.25"), 2), ("1.1.2", Decimal("0.25"), 1)]
    assert not under_appraisal.appraised_scores.filter(value=0, version__gt=1).exists()
    assert list(yen_so.appraised_scores.exclude(value=0).values_list("node__code", "value", "version")) == [
        ("1.1.1", Decimal("0.5"), 1)]
    assert not yen_so.appraised_scores.filter(version__gt=1).exists()
