"""The earlier years' page: who sees which units, the empty state (the office's upload is a background job:
``tests/operations/test_history_import_job.py``)."""
from django.urls import reverse

from reports.history import HistoryRow, history_import


def _two_years(secretariat):
    history_import(rows=[
        HistoryRow(line=line, values={"Kỳ": f"hoangmai-phuong/{year}", "Mã đơn vị": code, "Tổng điểm": None,
                                      "Điểm tối đa": None, "Chỉ số (%)": pct, "Xếp hạng": rank, "Số đơn vị": 17})
        for line, (year, code, pct, rank) in enumerate([
            (2022, "HM-W-HOANGLIET", "90", 6), (2023, "HM-W-HOANGLIET", "86,31", 15), (2023, "HM-W-YENSO", "95", 1)], 2)
    ], source="lich-su.xlsx", by=secretariat)


def test_readers_see_every_unit_with_rank_and_change(ward, other_ward, secretariat, leadership, client_for,
                                                     django_assert_max_num_queries):
    _two_years(secretariat)
    client = client_for(leadership)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("dashboard:history")).content.decode()
    assert "86,31" in page and "15/17" in page
    assert "giảm 9 bậc" in page and "Phường Yên Sở" in page
    assert "lich-su.xlsx, dòng 3" in page
    assert "Nhập kết quả từ Excel" not in page  # leadership reads only


def test_a_unit_sees_only_its_own_years(ward, other_ward, secretariat, ward_staff, client_for):
    _two_years(secretariat)
    page = client_for(ward_staff).get(reverse("dashboard:history")).content.decode()
    assert "Phường Hoàng Liệt" in page and "Phường Yên Sở" not in page


def test_empty_state(ward, leadership, client_for):
    page = client_for(leadership).get(reverse("dashboard:history")).content.decode()
    assert "Chưa có kết quả năm trước nào." in page
