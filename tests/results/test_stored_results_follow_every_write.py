"""The stored results (``AssessmentResult``) always equal a fresh recomputation from the score rows.

After every kind of write — a self-score save, an Excel import, an appraisal decision, finishing,
survey points, an appraisal Excel import, a re-appraisal — the row read by dashboards and reports is
compared with what the pure scoring makes of the rows just written. A difference is a bug.
"""
from decimal import Decimal

import pytest

import io

from openpyxl import load_workbook

from appraisal.excel import appraisal_import, appraisal_workbook
from appraisal.services import appraisal_finish, appraisal_save, period_publish, reappraisal_publish
from assessments import actions, workflow
from assessments.excel import self_score_template_xlsx, self_scores_import_xlsx
from assessments.models import AssessmentResult
from assessments.results import assessment_scoring, figures_row, survey_figures
from assessments.scoring import result_figures
from assessments.services import period_open, self_score_save
from frameworks.selectors import tree_for
from reports.selectors import period_results
from surveys.models import SurveyPart
from surveys.services import survey_results_save
from accounts.models import Role
from organizations.models import Unit, UnitKind
from support import hanoi_runs_its_own_index, submit_completed

from conftest import _user, load_framework

STORED = ["self_total", "appraised_total", "combined_total", "appraisal_max", "survey_total", "survey_max", "parts",
          "scored", "leaves", "areas", "shortfalls"]


def recomputed(assessment) -> dict:
    assessment.refresh_from_db()
    tree = tree_for(assessment.period.framework)
    parts = [(p.pk, p.method, p.max_points) for p in SurveyPart.objects.filter(period=assessment.period).order_by("pk")]
    points = {r.part_id: r.points for r in assessment.survey_results.all()}
    row = figures_row(assessment, result_figures(tree, assessment_scoring(assessment, tree)),
                      survey_figures(parts, points))
    return {name: getattr(row, name) for name in STORED}


def stored(assessment) -> dict:
    row = AssessmentResult.objects.get(assessment=assessment)
    return {name: getattr(row, name) for name in STORED}


def assert_in_step(*assessments):
    for assessment in assessments:
        assert stored(assessment) == recomputed(assessment), assessment.unit.code


def test_a_new_period_stores_empty_results(period, assessment, other_assessment):
    assert stored(assessment)["leaves"] == 67
    assert (stored(assessment)["self_total"], stored(assessment)["appraisal_max"]) == (Decimal(0), Decimal(70))
    assert_in_step(assessment, other_assessment)


def test_a_self_score_save_updates_the_total_and_the_area(assessment, leaf, ward_staff):
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0,25")
    row = stored(assessment)
    assert (row["self_total"], row["scored"], row["areas"]["1"][0], row["shortfalls"]["1.1.1"]) == (
        Decimal("0.25"), 1, "0.25", "0.25")
    assert_in_step(assessment)


def _saved(book) -> io.BytesIO:
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_an_excel_import_updates_the_results(assessment, ward_staff):
    book = load_workbook(io.BytesIO(self_score_template_xlsx(assessment=assessment)))
    typed = {"1.1.1": "0,5", "1.1.2": "0,25", "1.3.1": "0,5"}
    for row in book.active.iter_rows(min_row=5):
        if row[0].value in typed:
            row[3].value = typed[row[0].value]
    self_scores_import_xlsx(assessment=assessment, file=_saved(book), by=ward_staff)
    assert stored(assessment)["self_total"] == Decimal("1.25")
    assert_in_step(assessment)


def test_appraisal_decisions_finish_survey_and_publication_stay_in_step(
        period, assessment, other_assessment, ward_staff, ward_head, secretariat, node):
    self_score_save(assessment=assessment, node=node("1.1.1"), by=ward_staff, expected_version=None, value="0,5")
    submit_completed(assessment=assessment, by=ward_head)
    actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    assert_in_step(assessment)
    assert stored(assessment)["appraised_total"] is None  # the council has decided nothing yet

    appraisal_save(assessment=assessment, node=node("1.1.1"), by=secretariat, value="0,25", reason="Thiếu tài liệu",
                   expected_version=None)
    assert stored(assessment)["appraised_total"] == Decimal("0.25")
    assert_in_step(assessment)

    survey_results_save(period=period, typed={assessment.pk: "25,5"}, by=secretariat)
    assert stored(assessment)["survey_total"] == Decimal("25.5")
    assert_in_step(assessment, other_assessment)

    appraisal_finish(assessment=assessment, by=secretariat)
    assert_in_step(assessment)


def test_an_appraisal_excel_import_stays_in_step(period, under_appraisal, other_assessment, secretariat):
    book = load_workbook(io.BytesIO(appraisal_workbook(period=period)))
    for row in book.active.iter_rows(min_row=2):
        if (row[0].value, row[2].value) == ("HM-W-HOANGLIET", "1.1.1"):
            row[6].value, row[7].value = "0,25", "Tài liệu không đúng năm"
    appraisal_import(period=period, file=_saved(book), by=secretariat)
    assert stored(under_appraisal)["appraised_total"] == Decimal("0.5")  # 0,25 + 1.1.2's 0,25 as self-scored
    assert_in_step(under_appraisal, other_assessment)


def test_a_re_appraisal_keeps_the_published_figures_until_republished(period, secretariat, ward_head, ward_staff, node):
    assessments = list(period.assessments.select_related("unit"))
    for unit_assessment in assessments:
        unit_assessment.status = workflow.Status.SUBMITTED
        unit_assessment.save(update_fields=["status"])
        actions.assessment_start_appraisal(assessment=unit_assessment, by=secretariat)
        appraisal_finish(assessment=unit_assessment, by=secretariat)
    period_publish(period=period, by=secretariat)
    hoang_liet = next(a for a in assessments if a.unit.code == "HM-W-HOANGLIET")
    actions.assessment_reappraise(assessment=hoang_liet, by=secretariat, reason="Đơn vị khiếu nại")
    appraisal_save(assessment=hoang_liet, node=node("1.1.1"), by=secretariat, value="0,5", reason="Bổ sung tài liệu",
                   expected_version=None)
    assert_in_step(*assessments)
    shown = {r.unit_code: r.appraised_total for r in period_results(period=period)}
    assert shown["HM-W-HOANGLIET"] == Decimal("0")  # the publication still stands

    actions.assessment_finish_appraisal(assessment=hoang_liet, by=secretariat)
    reappraisal_publish(assessment=hoang_liet, by=secretariat, reason="Phúc tra")
    assert_in_step(*assessments)
    shown = {r.unit_code: r.appraised_total for r in period_results(period=period)}
    assert shown["HM-W-HOANGLIET"] == Decimal("0.5")


def test_a_criterion_marked_not_assessed_stays_in_step(district, secretariat):
    # Hoàng Mai department 7.1.5 "(đối với các đơn vị có TTHC)": marked, then scored after all.
    unit = Unit.objects.create(code="HM-P-TUPHAP", name="Phòng Tư pháp", kind=UnitKind.DEPARTMENT, parent=district,
                               framework_family="hoangmai-phong")
    period = period_open(framework=load_framework("hoangmai-phong-2024"), year=2024, by=secretariat)
    assessment, officer = period.assessments.get(unit=unit), _user("canbo.tuphap", Role.UNIT_STAFF, unit)
    node = period.framework.nodes.get(code="7.1.5")

    score = self_score_save(assessment=assessment, node=node, by=officer, expected_version=None,
                            not_assessed=True, explanation="Không có TTHC")
    assert_in_step(assessment)
    assert stored(assessment)["appraisal_max"] == Decimal("69")

    self_score_save(assessment=assessment, node=node, by=officer, expected_version=score.version, value="1")
    assert_in_step(assessment)
    assert stored(assessment)["appraisal_max"] == Decimal("70")


def test_survey_parts_designs_and_imports_stay_in_step(period, assessment, other_assessment, secretariat, tmp_path):
    from support import SURVEY_DESIGN, SURVEY_ROWS, csv_file, import_survey
    from surveys.services import survey_design_set, survey_part_remove, survey_part_set

    survey_part_set(period=period, method="sipas", max_points="10", by=secretariat)
    assert_in_step(assessment, other_assessment)
    survey_results_save(period=period, typed={assessment.pk: "8,5"}, by=secretariat, method="sipas")
    assert_in_step(assessment, other_assessment)
    survey_design_set(period=period, data=SURVEY_DESIGN, by=secretariat)
    assert stored(other_assessment)["survey_max"] == Decimal("40")
    assert_in_step(assessment, other_assessment)
    import_survey(period, csv_file(tmp_path, SURVEY_ROWS))
    assert stored(assessment)["survey_total"] == Decimal("26.833")  # 8,5 SIPAS + 18,333 from the responses
    assert_in_step(assessment, other_assessment)
    aggregated = csv_file(tmp_path, [["unit", "criterion", "points"], ["HM-W-YENSO", "S1", "12"]], name="tong-hop.csv")
    import_survey(period, aggregated, "--aggregated")
    assert stored(other_assessment)["survey_total"] == Decimal("12")
    assert_in_step(assessment, other_assessment)
    survey_part_remove(period=period, method="sipas", by=secretariat)
    assert_in_step(assessment, other_assessment)


def test_a_survey_scored_leaf_counts_in_the_tree_and_stays_in_step(db, district, secretariat, tmp_path):
    from support import csv_file, import_survey
    from surveys.services import survey_design_set

    period = hanoi_runs_its_own_index(district=district, office=secretariat)
    city = period.assessments.get()
    survey_design_set(period=period, by=secretariat, method="sipas", data={
        "max_points": "0", "criteria": [], "groups": [{"code": "CD", "title": "Công dân", "weight": "1"}],
        "questions": [{"code": "Q1", "criterion": "8.1", "groups": ["CD"], "scale": [1, 5], "favourable": [4, 5]}]})
    rows = [["unit", "group", "Q1"], ["HN", "CD", "5"], ["HN", "CD", "4"], ["HN", "CD", "2"],
            ["HN", "CD", "1"], ["HN", "CD", "5"]]
    import_survey(period, csv_file(tmp_path, rows), "--part", "sipas")
    # 3 of 5 favourable × 10 points = 6 inside the tree's 100; the survey adds no points or maximum of its own
    row = AssessmentResult.objects.get(assessment=city)
    assert (row.self_total, row.combined_total, row.survey_total, row.survey_max) == (
        Decimal("6"), Decimal("6"), Decimal("0"), Decimal("0"))
    assert row.areas["8"][1] == "6"
    assert_in_step(city)
