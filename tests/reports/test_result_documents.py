"""Result documents: the period ranking, one unit's scored framework and the council's minutes.

Given 2023 published: Yên Sở ahead of Hoàng Liệt. In 2024 Hoàng Liệt self-scores 1.1.1 = 0,5, 1.1.2 = 0,5 and
1.2.1 = 0,25 and has a survey of 25,5; Yên Sở self-scores 1.1.1 = 0,5. The council (secretariat Bob)
cuts Hoàng Liệt's 1.1.2 to 0,25, then the period is published: Hoàng Liệt 26,50 % (rank 1, up 1),
Yên Sở 0,71 % (rank 2, down 1).
"""
import io
import json
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from appraisal.models import CouncilRole
from appraisal.services import (appraisal_finish, appraisal_save, council_member_add, explanation_answer,
                                explanation_request, period_publish, reappraisal_publish)
from assessments import actions
from assessments.services import period_open, self_score_save
from reports.documents import council_minutes_pdf, period_results_pdf, unit_scored_pdf
from reports.selectors import period_results
from surveys.services import survey_result_save
from support import pdf_text, publish_period, submit_completed


OFFICE = "Văn phòng HĐND và UBND phường"
REASON = "Kế hoạch SIPAS ban hành chậm so với yêu cầu"


def squeezed(text: str) -> str:
    """Header cells wrap inside words' spacing: compare them without any whitespace."""
    return "".join(text.split())


@pytest.fixture
def scored(period, ward, other_ward, ward_staff, other_ward_staff, secretariat, leadership, council_member,
           django_user_model):
    """The 2024 period scored by both units, with a survey, a council and the published 2023 ranking; not appraised."""
    nodes = {node.code: node for node in period.framework.nodes.all()}
    nodes["1.1.1"].responsible_offices = [OFFICE]
    nodes["1.1.1"].save(update_fields=["responsible_offices"])
    earlier = period_open(framework=period.framework, year=2023, by=secretariat)
    self_score_save(assessment=earlier.assessments.get(unit=other_ward), node=nodes["1.1.1"], by=other_ward_staff,
                    expected_version=None, value="0,5")
    publish_period(earlier, by=secretariat)
    hoang_liet, yen_so = period.assessments.get(unit=ward), period.assessments.get(unit=other_ward)
    for code, value in (("1.1.1", "0,5"), ("1.1.2", "0,5"), ("1.2.1", "0,25")):
        self_score_save(assessment=hoang_liet, node=nodes[code], by=ward_staff, expected_version=None, value=value)
    self_score_save(assessment=yen_so, node=nodes["1.1.1"], by=other_ward_staff, expected_version=None, value="0,5")
    survey_result_save(assessment=hoang_liet, points="25,5", by=secretariat)
    council_member_add(period=period, user=leadership, role=CouncilRole.CHAIR)
    council_member_add(period=period, user=council_member)
    period.hoang_liet, period.yen_so, period.nodes = hoang_liet, yen_so, nodes
    period.yen_so_head = django_user_model.objects.create(username="yenso.head", role="unit_head", unit=other_ward)
    return period


@pytest.fixture
def published(scored, ward_head, secretariat):
    for assessment, head in ((scored.hoang_liet, ward_head), (scored.yen_so, scored.yen_so_head)):
        submit_completed(assessment=assessment, by=head)
        actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
    appraisal_save(assessment=scored.hoang_liet, node=scored.nodes["1.1.2"], by=secretariat, value="0,25",
                   reason=REASON, expected_version=None)
    for assessment in (scored.hoang_liet, scored.yen_so):
        appraisal_finish(assessment=assessment, by=secretariat)
    period_publish(period=scored, by=secretariat)
    scored.hoang_liet.refresh_from_db()
    return scored


PHUC_TRA_REASON = "Đơn vị bổ sung kế hoạch SIPAS sau khi công bố"


@pytest.fixture
def republished(published, secretariat):
    """After publication, a phúc tra restores Hoàng Liệt's 1.1.2 to 0,5 and republishes it."""
    hoang_liet = published.hoang_liet
    actions.assessment_reappraise(assessment=hoang_liet, by=secretariat, reason=PHUC_TRA_REASON)
    node = published.nodes["1.1.2"]
    appraisal_save(assessment=hoang_liet, node=node, by=secretariat, value="0,5", reason=PHUC_TRA_REASON,
                   expected_version=hoang_liet.appraised_scores.get(node=node).version)
    appraisal_finish(assessment=hoang_liet, by=secretariat)
    reappraisal_publish(assessment=hoang_liet, by=secretariat, reason=PHUC_TRA_REASON)
    published.phuc_tra = f"Phúc tra lần 1, ngày {timezone.localdate():%d/%m/%Y}, lý do: {PHUC_TRA_REASON}"
    return published


def test_period_results_pdf_ranks_the_units(published):
    text = pdf_text(period_results_pdf(period=published, results=period_results(period=published)))

    assert "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024" in text
    assert "tạm tính" not in text
    assert squeezed("STT Đơn vị Điểm tự chấm Điểm thẩm định Điều tra xã hội học Điểm tối đa Chỉ số CCHC (%) Xếp hạng "
                    "Thay đổi") in squeezed(text)
    assert "1 Phường Hoàng Liệt 1,25 1 25,5 100 26,50 1 tăng 1 bậc" in text
    # The period holds a survey: Yên Sở, without survey points, counts 0 of its 30 (0,5 of 100)
    assert "2 Phường Yên Sở 0,5 0,5 — 100 0,50 2 giảm 1 bậc" in text
    assert "UBND QUẬN HOÀNG MAI" in text
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (Ký, ghi rõ họ tên)" in text


def test_results_before_publication_are_marked_provisional(scored):
    text = pdf_text(period_results_pdf(period=scored, results=period_results(period=scored)))

    assert "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 (tạm tính)" in text
    assert "1 Phường Hoàng Liệt (*) 1,25 — 25,5 100 26,75 1 tăng 1 bậc" in text
    assert "(*) Kết quả tạm tính" in text


def test_unit_scored_pdf_lists_points_rank_and_full_marks(published):
    text = pdf_text(unit_scored_pdf(period=published, unit_code="HM-W-HOANGLIET"))

    assert "KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 Phường Hoàng Liệt" in text
    assert squeezed("STT Nội dung/Tiêu chí Điểm tối đa Điểm tự chấm Điểm thẩm định Điểm bị trừ") in squeezed(text)
    assert "1.1.2 Ban hành và triển khai kế hoạch SIPAS năm 0,5 0,5 0,25 0,25" in text
    assert "1.1 Ban hành và triển khai các văn bản chỉ đạo" in text and "1,5 1 0,75 0,75" in text
    assert "TỔNG ĐIỂM 70 1,25 1 69" in text
    assert "Điều tra xã hội học: 25,5/30" in text
    assert "Chỉ số CCHC: 26,50% (26,5/100 điểm)" in text
    assert "Xếp hạng: 1/2 (tăng 1 bậc)" in text
    assert f"1.1.1 Ban hành và triển khai kế hoạch CCHC năm 0,5 {OFFICE}" in text
    assert "1.2.1 Số lượng báo cáo định kỳ 0,25 —" in text
    assert "tạm tính" not in text


def test_unit_scored_pdf_of_a_provisional_result(scored):
    text = pdf_text(unit_scored_pdf(period=scored, unit_code="HM-W-YENSO"))

    assert "NĂM 2024 (tạm tính) Phường Yên Sở" in text
    assert "Xếp hạng: 2/2 (giảm 1 bậc)" in text
    assert "Điều tra xã hội học: chưa có/30" in text


def leaf_count(period):
    return period.framework.nodes.filter(children__isnull=True).count()


def test_council_minutes_record_the_adjusted_criteria(published):
    text = pdf_text(council_minutes_pdf(assessment=published.hoang_liet))

    assert "UBND QUẬN HOÀNG MAI HỘI ĐỒNG THẨM ĐỊNH CỘNG HÒA" in text
    assert "BIÊN BẢN THẨM ĐỊNH KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CCHC Phường Hoàng Liệt - năm 2024" in text
    assert "Hội đồng đã thẩm định kết quả tự đánh giá" in text
    # Bob decided without a seat: the minutes list him with the council
    assert ("1. Leo - Chủ tịch Hội đồng 2. Carol - Thành viên 3. Bob - Thường trực Phòng Nội vụ (tham gia thẩm định)"
            in text)
    # STT numbers the rows; the code has its own column
    assert f"1 1.1.2 Ban hành và triển khai kế hoạch SIPAS năm 0,5 → 0,25 {REASON} Bob" in text
    assert "1.1.1 Ban hành" not in text  # confirmed, not adjusted
    # A submitted file is complete: every other criterion was self-scored and is confirmed
    assert f"Hội đồng công nhận điểm tự chấm của {leaf_count(published) - 1} tiêu chí còn lại đơn vị đã tự chấm." in text
    assert "không tự chấm điểm" not in text
    assert "các tiêu chí còn lại." not in text
    assert squeezed("Tổng điểm tự chấm Tổng điểm thẩm định Chênh lệch Điểm tối đa 1,25 1 -0,25 70") in squeezed(text)
    assert "THƯ KÝ (Ký, ghi rõ họ tên) CHỦ TỊCH HỘI ĐỒNG (Ký, ghi rõ họ tên) Leo" in text
    assert "Dự thảo" not in text


def test_minutes_of_a_unit_not_yet_appraised_say_the_council_has_not_appraised(scored):
    # Given Yên Sở still drafting its self-assessment
    text = pdf_text(council_minutes_pdf(assessment=scored.yen_so))
    # Then its draft minutes claim no appraisal and no confirmation
    assert "(Dự thảo: Hội đồng chưa kết thúc thẩm định)" in text
    assert "đang ở trạng thái “Đang tự đánh giá”: Hội đồng chưa thẩm định." in text
    assert "đã thẩm định" not in text and "công nhận" not in text
    assert "Lý do điều chỉnh" not in text


def test_minutes_during_the_appraisal_are_a_draft_with_the_explanation_exchange(scored, ward_head, ward_staff,
                                                                                 secretariat, council_member):
    # Given Hoàng Liệt under appraisal: Carol asks about 1.1.2, the unit answers, Bob cuts it
    hoang_liet = scored.hoang_liet
    submit_completed(assessment=hoang_liet, by=ward_head)
    actions.assessment_start_appraisal(assessment=hoang_liet, by=secretariat)
    explanation_request(assessment=hoang_liet, nodes=[scored.nodes["1.1.2"]], question="Đề nghị bổ sung kế hoạch SIPAS",
                        by=secretariat)
    explanation_answer(assessment=hoang_liet, node=scored.nodes["1.1.2"], text="Kế hoạch số 12/KH-UBND kèm theo",
                       by=ward_staff)
    actions.assessment_answer_explanation(assessment=hoang_liet, by=ward_staff)
    appraisal_save(assessment=hoang_liet, node=scored.nodes["1.1.2"], by=secretariat, value="0,25", reason=REASON,
                   expected_version=None)
    hoang_liet.refresh_from_db()

    text = pdf_text(council_minutes_pdf(assessment=hoang_liet))

    # Then the minutes are a draft that says the appraisal is under way, with the adjustment and its reason
    assert "(Dự thảo: Hội đồng chưa kết thúc thẩm định)" in text
    assert "Hội đồng đang thẩm định kết quả tự đánh giá" in text and "đã thẩm định" not in text
    assert f"1 1.1.2 Ban hành và triển khai kế hoạch SIPAS năm 0,5 → 0,25 {REASON} Bob" in text
    assert "Các tiêu chí khác chưa có kết luận của Hội đồng." in text and "công nhận" not in text
    # And the exchange, question then answer, each with its author and date
    today = f"{timezone.localdate():%d/%m/%Y}"
    assert squeezed(f"III. Giải trình của đơn vị STT Mã Đề nghị của Hội đồng và giải trình của đơn vị 1 1.1.2 "
                    f"Đề nghị giải trình (Bob, {today}): Đề nghị bổ sung kế hoạch SIPAS "
                    f"Giải trình của đơn vị (Alice, {today}): Kế hoạch số 12/KH-UBND kèm theo IV. Tổng hợp"
                    ) in squeezed(text)


def test_unit_report_page(client_for, published, ward_staff, other_ward_staff, leadership,
                          django_assert_max_num_queries):
    url = f"/bao-cao/ho-so/{published.hoang_liet.pk}/"
    owner = client_for(ward_staff)

    # Session, user, assessment, two periods scored in six queries each, previous period, menu: whatever
    # the number of units or criteria.
    with django_assert_max_num_queries(20):
        response = owner.get(url)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Kết quả Chỉ số CCHC: Phường Hoàng Liệt" in page
    assert '<dd data-testid="index">26,50%</dd>' in page
    assert '<dd data-testid="rank">1/2 (tăng 1 bậc)</dd>' in page
    assert "25,5 / 30" in page
    full_mark = '<td>1.1.1</td><td>Ban hành và triển khai kế hoạch CCHC năm</td><td class="num">0,5</td>'
    assert f"{full_mark}<td>{OFFICE}</td>" in page
    assert f'href="/bao-cao/ho-so/{published.hoang_liet.pk}/ket-qua.pdf"' in page
    assert f'href="/bao-cao/ho-so/{published.hoang_liet.pk}/bien-ban.pdf"' in page
    assert 'data-testid="provisional"' not in page
    assert client_for(other_ward_staff).get(url).status_code == 404
    assert client_for(leadership).get(url).status_code == 200


def test_a_republished_figure_says_which_phuc_tra_when_and_why(republished, client_for, leadership):
    # Given Hoàng Liệt republished after a phúc tra, Yên Sở as first published
    hoang_liet = republished.hoang_liet
    # Then the period PDF, the unit PDF, the unit report and the dashboard each show the round, date and reason
    period_pdf = pdf_text(period_results_pdf(period=republished, results=period_results(period=republished)))
    assert squeezed(f"Phường Hoàng Liệt {republished.phuc_tra} 1,25 1,25 25,5 100 26,75") in squeezed(period_pdf)
    assert period_pdf.count("Phúc tra") == 1
    unit_pdf = pdf_text(unit_scored_pdf(period=republished, unit_code="HM-W-HOANGLIET"))
    assert squeezed(f"Xếp hạng: 1/2 (tăng 1 bậc) {republished.phuc_tra}") in squeezed(unit_pdf)
    client = client_for(leadership)
    page = client.get(f"/bao-cao/ho-so/{hoang_liet.pk}/").content.decode()
    assert f'<p class="notice" data-testid="republication">{republished.phuc_tra}</p>' in page
    ranking = client.get(f"/ket-qua/{republished.pk}/").context["ranking"]
    assert [(row.result.unit_code, row.republication) for row in ranking] == [
        ("HM-W-HOANGLIET", republished.phuc_tra), ("HM-W-YENSO", "")]


def test_the_period_excel_and_json_carry_the_phuc_tra_line(republished, client_for, leadership):
    response = client_for(leadership).get(f"/bao-cao/ky/{republished.pk}/ket-qua.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["K2"].value == "Phúc tra"
    assert [(sheet[f"A{row}"].value, sheet[f"K{row}"].value) for row in (3, 4)] == [
        ("HM-W-HOANGLIET", republished.phuc_tra), ("HM-W-YENSO", None)]

    out = io.StringIO()
    call_command("index_report", "hoangmai-phuong-2024/2024", "--format", "json", stdout=out)
    assert [(row["unit_code"], row["republication"]) for row in json.loads(out.getvalue())] == [
        ("HM-W-HOANGLIET", republished.phuc_tra), ("HM-W-YENSO", None)]


def test_a_first_publication_shows_no_phuc_tra(published, client_for, leadership):
    page = client_for(leadership).get(f"/bao-cao/ho-so/{published.hoang_liet.pk}/").content.decode()
    assert 'data-testid="republication"' not in page
    assert "Phúc tra" not in pdf_text(unit_scored_pdf(period=published, unit_code="HM-W-HOANGLIET"))


def test_unit_report_page_of_a_provisional_unit_without_scores(client_for, period, ward_staff):
    response = client_for(ward_staff).get(f"/bao-cao/ho-so/{period.assessments.get(unit=ward_staff.unit).pk}/")

    page = response.content.decode()
    assert 'data-testid="provisional"' in page
    assert "Đơn vị chưa tự chấm điểm tiêu chí nào." in page
    assert "Chưa có tiêu chí nào đạt điểm tối đa." in page
    assert "Kỳ này không điều tra: Chỉ số tính trên điểm thẩm định." in page


def test_unit_and_minutes_pdf_views(client_for, published, ward_staff, other_ward_staff):
    base = f"/bao-cao/ho-so/{published.hoang_liet.pk}"
    owner = client_for(ward_staff)
    for url, words in ((f"{base}/ket-qua.pdf", "KẾT QUẢ CHẤM ĐIỂM"), (f"{base}/bien-ban.pdf", "BIÊN BẢN")):
        response = owner.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert words in pdf_text(response.content)
    assert 'filename="Bien ban tham dinh 2024 Phuong Hoang Liet.pdf"' in response["Content-Disposition"]
    stranger = client_for(other_ward_staff)
    assert stranger.get(f"{base}/ket-qua.pdf").status_code == 404
    assert stranger.get(f"{base}/bien-ban.pdf").status_code == 404


def test_period_pdf_and_xlsx_views(client, client_for, published, leadership, ward_staff,
                                   django_capture_on_commit_callbacks):
    pdf_url, xlsx_url = f"/bao-cao/ky/{published.pk}/ket-qua.pdf", f"/bao-cao/ky/{published.pk}/ket-qua.xlsx"
    assert client.post(pdf_url).status_code == 302
    assert client.post(pdf_url)["Location"].startswith("/dang-nhap/")

    reader = client_for(leadership)
    # The PDF is made by a background job; its page hands over the file.
    with django_capture_on_commit_callbacks(execute=True):
        job_page = reader.post(pdf_url)
    assert job_page.status_code == 302 and job_page["Location"].startswith("/cong-viec/")
    response = reader.get(job_page["Location"] + "tai-ve/")
    assert response.status_code == 200
    assert "Phường Hoàng Liệt 1,25 1 25,5 100 26,50" in pdf_text(b"".join(response.streaming_content))
    assert reader.get(pdf_url).status_code == 405
    response = reader.get(xlsx_url)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [sheet["B3"].value, sheet["G3"].value, sheet["B4"].value] == ["Phường Hoàng Liệt", 26.5, "Phường Yên Sở"]
    assert reader.post("/bao-cao/ky/999999/ket-qua.pdf").status_code == 404

    staff = client_for(ward_staff)
    assert staff.post(pdf_url).status_code == 404
    assert staff.get(job_page["Location"]).status_code == 404
    assert staff.get(xlsx_url).status_code == 404


def test_period_page_and_appraisal_page_link_to_the_documents(client_for, published, secretariat):
    browser = client_for(secretariat)
    period_page = browser.get(f"/tham-dinh/ky/{published.pk}/").content.decode()
    assert f'action="/bao-cao/ky/{published.pk}/ket-qua.pdf"' in period_page
    assert f'href="/bao-cao/ky/{published.pk}/ket-qua.xlsx"' in period_page
    assert f'href="/bao-cao/ho-so/{published.yen_so.pk}/">Kết quả</a>' in period_page
    appraisal_page = browser.get(f"/tham-dinh/{published.hoang_liet.pk}/").content.decode()
    minutes = f'href="/bao-cao/ho-so/{published.hoang_liet.pk}/bien-ban.pdf">Biên bản thẩm định (PDF)</a>'
    assert minutes in appraisal_page


def test_index_report_command_writes_the_ranking_as_pdf(published, tmp_path):
    target = tmp_path / "ket-qua.pdf"

    started = time.perf_counter()
    call_command("index_report", "hoangmai-phuong-2024/2024", "--format", "pdf", "-o", str(target),
                 stdout=io.StringIO())
    assert time.perf_counter() - started < 10

    text = pdf_text(target.read_bytes())
    assert "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024" in text
    assert text.index("1 Phường Hoàng Liệt") < text.index("2 Phường Yên Sở")
