"""An Excel import of self-scores racing one save on the entry page: every row of the file or none.

The import reads the saved versions, then saves its rows through ``self_score_save`` in one
transaction. A save that lands in between makes the import's row for that criterion stale: the
whole file is refused and nothing of it stays; a save that comes after waits for the import and is
refused in turn. Either way no work is lost silently.
"""
from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook

from assessments.errors import AssessmentError
from assessments.excel import self_score_template_xlsx, self_scores_import_xlsx
from assessments.models import SelfScore
from assessments.services import self_score_save
from concurrency.racing import CONCURRENCY_TEST, fresh, lingering_before_save, race

pytestmark = CONCURRENCY_TEST

# Per round: two criteria only the file scores, then (last in the file, so that a refusal there
# comes after the others were written) the criterion both the file and the entry page score.
# Four rounds, not five: reading a workbook is the slow part and the test must stay under 2 s.
ROUNDS = [("1.1.1", "1.1.2", "6.1.1"), ("1.1.3", "1.2.2", "6.1.4"), ("1.2.4", "1.3.1", "7.8.1"),
          ("1.3.3", "1.4.1", "7.8.2")]


def filled_template(template: bytes, scores: dict) -> BytesIO:
    """The downloaded template with ``scores`` typed into it (other score cells stay empty: kept as saved)."""
    workbook = load_workbook(BytesIO(template))
    for row in workbook.active.iter_rows(min_row=5):
        if row[0].value in scores:
            row[3].value = scores[row[0].value]
    buffer = BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def test_an_import_racing_a_save_of_one_of_its_criteria_is_kept_whole_or_refused_whole(
    assessment, node, ward_staff, ward_head
):
    template = self_score_template_xlsx(assessment=assessment)  # blank: nothing is scored yet
    for only_in_file, also_in_file, contested in ROUNDS:
        # Given Alice's filled template and Hana on the entry page of one of its criteria
        file = filled_template(template, {only_in_file: "0,5", also_in_file: "0,5", contested: "0,25"})
        # When Alice imports the file while Hana saves that criterion
        with lingering_before_save(SelfScore):
            importing, saving = race(
                lambda f=file: self_scores_import_xlsx(assessment=fresh(assessment), file=f, by=fresh(ward_staff)),
                lambda c=contested: self_score_save(assessment=fresh(assessment), node=node(c), by=fresh(ward_head),
                                        expected_version=None, value="0,5"),
            )
        # Then at least one of them is kept, and the file's rows are all there or none is
        assert importing.won or saving.won, (importing.error, saving.error)
        scores = {s.node.code: s for s in assessment.self_scores.filter(
            node__code__in=[only_in_file, also_in_file, contested]).select_related("node", "updated_by")}
        if importing.won:
            assert importing.result.saved == 3
            assert {code: (scores[code].value, scores[code].updated_by) for code in (only_in_file, also_in_file)} == {
                only_in_file: (Decimal("0.5"), ward_staff), also_in_file: (Decimal("0.5"), ward_staff)}
        else:
            assert isinstance(importing.error, AssessmentError), repr(importing.error)
            assert f"“{contested}” vừa được Hana cập nhật (điểm hiện tại: 0,5)" in str(importing.error)
            assert set(scores) == {contested}
        # and the contested criterion holds the later kept save, with one version per kept save
        kept = [o for o in (importing, saving) if o.won]
        last = (Decimal("0.25"), ward_staff) if importing.won else (Decimal("0.5"), ward_head)
        assert (scores[contested].value, scores[contested].updated_by) == last
        assert scores[contested].version == scores[contested].history.count() == len(kept)
        if not saving.won:
            assert f"“{contested}” vừa được Alice cập nhật (điểm hiện tại: 0,25)" in str(saving.error)
    # Without the import's transaction a refusal at its last row would leave the first two rows saved
    # (``set(scores) == {contested}`` catches it); without the locks two writers could both pass the
    # version check and the version count would not match the kept saves.
