"""The Excel template a unit fills in: its columns, one row per node, parent sums and protection."""
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from assessments.excel import HEADER, POINTS_FORMAT, SHEET_TITLE, self_score_template_xlsx
from assessments.services import self_score_save

HEADER_ROW = 4


@pytest.fixture
def sheet(assessment):
    workbook = load_workbook(BytesIO(self_score_template_xlsx(assessment=assessment)))
    assert workbook.sheetnames == [SHEET_TITLE]
    return workbook[SHEET_TITLE]


def rows_by_code(sheet):
    return {row[0].value: row for row in sheet.iter_rows(min_row=HEADER_ROW + 1)}


def test_a_title_block_names_the_unit_and_the_period_above_the_five_columns(sheet):
    assert sheet["A1"].value == "Phường Hoàng Liệt"
    assert sheet["A2"].value.startswith("hoangmai-phuong-2024/2024")
    assert [cell.value for cell in sheet[HEADER_ROW]] == [
        "Mã", "Nội dung/Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình"
    ] == list(HEADER)


def test_there_is_one_row_per_node_in_document_order_and_areas_are_bold(sheet, ward_framework):
    codes = [row[0].value for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    assert codes == list(ward_framework.nodes.order_by("order").values_list("code", flat=True))
    assert len(codes) == 91
    rows = rows_by_code(sheet)
    assert rows["1"][1].font.b and rows["8"][1].font.b
    assert not rows["1.1"][1].font.b
    assert Decimal(str(rows["1.1.1"][2].value)) == Decimal("0.5")


def test_a_parent_score_is_a_sum_formula_over_its_childrens_cells(sheet):
    rows = rows_by_code(sheet)
    row_of = {code: row[0].row for code, row in rows.items()}
    assert rows["1.1"][3].value == "=SUM(D{},D{},D{})".format(row_of["1.1.1"], row_of["1.1.2"], row_of["1.1.3"])
    area_children = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11"]
    assert rows["1"][3].value == "=SUM({})".format(",".join(f"D{row_of[code]}" for code in area_children))


def test_only_the_leaves_score_and_explanation_cells_are_unlocked(sheet):
    rows = rows_by_code(sheet)
    code, title, max_points, score, explanation = rows["1.1.1"]
    assert sheet.protection.sheet
    assert not score.protection.locked and not explanation.protection.locked
    assert code.protection.locked and title.protection.locked and max_points.protection.locked
    assert rows["1.1"][3].protection.locked and rows["1"][4].protection.locked
    assert sheet["A1"].protection.locked and sheet.cell(HEADER_ROW, 4).protection.locked


def test_saved_scores_and_explanations_are_prefilled_as_numbers(assessment, leaf, ward_staff):
    # Given a saved score
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None,
                    value="0,25", explanation="Kế hoạch số 12/KH-UBND")
    # When the template is downloaded
    sheet = load_workbook(BytesIO(self_score_template_xlsx(assessment=assessment)))[SHEET_TITLE]
    # Then its row holds the score as a number shown with up to 3 decimals, and the explanation
    _, _, _, score, explanation = rows_by_code(sheet)["1.1.1"]
    assert score.data_type == "n"
    assert Decimal(str(score.value)) == Decimal("0.25")
    assert score.number_format == POINTS_FORMAT
    assert explanation.value == "Kế hoạch số 12/KH-UBND"
    assert rows_by_code(sheet)["1.1.2"][3].value is None


def test_a_framework_without_rule_driven_criteria_needs_no_note_on_the_explanation_header(sheet):
    assert sheet.cell(HEADER_ROW, 5).comment is None


def test_an_explanation_that_starts_with_an_equals_sign_stays_text(assessment, leaf, ward_staff):
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None,
                    value="0.5", explanation="=> đã ban hành kế hoạch")
    sheet = load_workbook(BytesIO(self_score_template_xlsx(assessment=assessment)))[SHEET_TITLE]
    explanation = rows_by_code(sheet)["1.1.1"][4]
    assert (explanation.value, explanation.data_type) == ("=> đã ban hành kế hoạch", "s")
