"""The earlier years' page: who sees which units, the office's upload, the empty state."""
from django.urls import reverse

from reports.history import HistoryRow, history_import
from reports.models import ImportedResult

from reports.history import HEADER
from support import xlsx_upload


def xlsx(*rows):
    return xlsx_upload(HEADER, rows, name="ket-qua-cac-nam.xlsx")


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


def test_the_office_uploads_and_others_get_404(ward, secretariat, ward_staff, leadership, client_for):
    url = reverse("dashboard:history_upload")
    for outsider in (ward_staff, leadership):
        file = xlsx(("hoangmai-phuong/2023", "HM-W-HOANGLIET", None, None, 80, 5, 14))
        assert client_for(outsider).post(url, {"file": file}).status_code == 404
    assert not ImportedResult.objects.exists()

    client = client_for(secretariat)
    bad = client.post(url, {"file": xlsx(("hoangmai-phuong/2023", "HM-W-KHONGCO", None, None, 80, 5, 14))}, follow=True)
    assert "Dòng 2: không có đơn vị “HM-W-KHONGCO”." in bad.content.decode()
    good = client.post(url, {"file": xlsx(("hoangmai-phuong/2023", "HM-W-HOANGLIET", None, None, 80, 5, 14))},
                       follow=True)
    assert "Đã nhập 1 kết quả năm trước." in good.content.decode()
    assert ImportedResult.objects.get().source == "ket-qua-cac-nam.xlsx"
