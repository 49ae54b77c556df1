"""The office sets each criterion's responsible offices, on any version, with history; every process sees it."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from frameworks import selectors
from frameworks.errors import FrameworkError, OfficesRejected
from frameworks.excel import HEADER, offices_import_xlsx, offices_template_xlsx
from frameworks.models import Framework, Node
from frameworks.selectors import tree_for
from frameworks.services import offices_read, responsible_offices_set
from organizations.models import Unit, UnitKind

from support import xlsx_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def offices(district):
    """Two of Hoàng Mai's specialised offices, as the unit list names them."""
    for code, name in (("HM-P-TUPHAP", "Phòng Tư pháp"), ("HM-P-NOIVU", "Phòng Nội vụ")):
        Unit.objects.create(code=code, name=name, kind=UnitKind.DEPARTMENT, parent=district)


def own_offices(framework, code):
    return Node.objects.get(framework=framework, code=code).responsible_offices


def test_the_office_sets_offices_on_a_version_in_use_with_history(period, ward_framework, secretariat, offices):
    assert ward_framework.periods.exists()  # a version in use: its scoring content is frozen, its offices are not

    read = offices_read(framework=ward_framework, entries=[(None, "2", "phòng tư pháp"),
                                                           (None, "1.1", "Phòng Nội vụ; Phòng Tư pháp; Phòng Nội vụ")])
    changed = responsible_offices_set(framework=ward_framework, offices=read, by=secretariat, reason="Kế hoạch 2024")

    assert changed == 2
    assert own_offices(ward_framework, "2") == ["Phòng Tư pháp"]  # spelled as the unit list spells it
    assert own_offices(ward_framework, "1.1") == ["Phòng Nội vụ", "Phòng Tư pháp"]
    [change] = Node.history.filter(code="2", framework_id=ward_framework.pk)
    assert (change.history_user, change.history_change_reason) == (secretariat, "Kế hoạch 2024")
    assert tree_for(Framework.objects.get(pk=ward_framework.pk)).by_code["2"].responsible_offices == ("Phòng Tư pháp",)
    # Saving the same again changes nothing and writes no history.
    assert responsible_offices_set(framework=ward_framework, offices=read, by=secretariat) == 0
    assert Node.history.filter(framework_id=ward_framework.pk).count() == 2


def test_another_process_sees_the_change_through_the_revision(ward_framework, secretariat, offices):
    tree_for(ward_framework)
    other_process = dict(selectors._trees)  # a process whose cache no save signal reached

    responsible_offices_set(framework=ward_framework, offices={"2": ["Phòng Tư pháp"]}, by=secretariat)
    selectors._trees.clear()
    selectors._trees.update(other_process)

    fresh = Framework.objects.get(pk=ward_framework.pk)  # what that process loads for its next request
    assert fresh.offices_revision == 1
    assert tree_for(fresh).by_code["2"].responsible_offices == ("Phòng Tư pháp",)
    assert len([key for key in selectors._trees if key[0] == fresh.pk]) == 1  # the stale tree was dropped


def test_only_the_office_sets_offices(ward_framework, council_member, ward_staff, leadership, offices):
    for user in (council_member, ward_staff, leadership):
        with pytest.raises(FrameworkError, match="Chỉ Phòng Nội vụ được sửa đơn vị phụ trách."):
            responsible_offices_set(framework=ward_framework, offices={"2": ["Phòng Tư pháp"]}, by=user)
    assert own_offices(ward_framework, "2") == []


def test_unknown_codes_and_office_names_are_refused_with_their_row(ward_framework, offices):
    with pytest.raises(OfficesRejected) as rejected:
        offices_read(framework=ward_framework, entries=[
            (2, "2", "Phòng Tư pháp"), (3, "9.9", "Phòng Tư pháp"), (4, "2.1", "Phòng Tư Pháp; Sở Du lịch"),
            (5, "2", ""), (6, "", "Phòng Nội vụ"),
        ])
    assert str(rejected.value) == "Có 4 lỗi, chưa lưu đơn vị phụ trách nào."
    assert rejected.value.problems == [
        "Dòng 3: bộ chỉ số không có tiêu chí “9.9”.",
        "Dòng 4: “Sở Du lịch” không phải tên một phòng, ban trong danh sách đơn vị (ghi đúng tên, cách nhau bằng dấu “;”).",
        "Dòng 5: tiêu chí “2” đã có ở dòng 2.",
        "Dòng 6: cần ghi mã tiêu chí.",
    ]


def test_names_the_sources_already_give_stay_known(ward_framework, secretariat, offices):
    # Hà Nội's lead agencies ("Sở Nội vụ") are no unit of the list, yet its own export must import back.
    Node.objects.filter(framework=ward_framework, code="3").update(responsible_offices=["Sở Nội vụ"])
    assert offices_read(framework=ward_framework, entries=[(2, "3.1", "sở nội vụ")]) == {"3.1": ["Sở Nội vụ"]}


# -- Excel --------------------------------------------------------------------------------------


def test_the_template_lists_every_node_with_its_offices_and_imports_back(ward_framework, secretariat, offices):
    responsible_offices_set(framework=ward_framework, offices={"2": ["Phòng Tư pháp", "Phòng Nội vụ"]}, by=secretariat)

    sheet = load_workbook(io.BytesIO(offices_template_xlsx(ward_framework))).active
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert rows[0] == ("Mã", "Đơn vị phụ trách", "Nội dung")
    assert len(rows) == 1 + ward_framework.nodes.count()
    assert rows[1][0] == "1" and rows[1][1] is None
    assert ("2", "Phòng Tư pháp; Phòng Nội vụ") in {row[:2] for row in rows}

    assert offices_import_xlsx(framework=ward_framework, file=io.BytesIO(offices_template_xlsx(ward_framework)),
                               by=secretariat) == 0


def test_an_import_sets_the_rows_it_lists_or_nothing(ward_framework, secretariat, offices):
    good = xlsx_of(HEADER, ("2.1", "Phòng Tư pháp"), ("2.2", "Phòng Nội vụ"))
    assert offices_import_xlsx(framework=ward_framework, file=good, by=secretariat, reason="dv.xlsx") == 2
    assert Node.history.get(code="2.1").history_change_reason == "dv.xlsx"

    bad = xlsx_of(HEADER, ("2.1", ""), ("2.3", "Phòng Tài chính"))
    with pytest.raises(OfficesRejected) as rejected:
        offices_import_xlsx(framework=ward_framework, file=bad, by=secretariat)
    assert rejected.value.problems == [
        "Dòng 3: “Phòng Tài chính” không phải tên một phòng, ban trong danh sách đơn vị (ghi đúng tên, cách nhau bằng dấu “;”)."]
    assert own_offices(ward_framework, "2.1") == ["Phòng Tư pháp"]  # row 2 was fine, and yet nothing was saved


def test_a_file_without_the_header_or_rows_is_refused(ward_framework, secretariat):
    for file, problem in (
        (xlsx_of(("Mã tiêu chí", "Đơn vị")), "Không tìm thấy dòng tiêu đề có đủ các cột: Mã, Đơn vị phụ trách."),
        (xlsx_of(HEADER), "Tệp không có dòng tiêu chí nào."),
        (io.BytesIO(b"not a workbook"), "Tệp không phải Excel (.xlsx) hợp lệ."),
    ):
        with pytest.raises(OfficesRejected) as rejected:
            offices_import_xlsx(framework=ward_framework, file=file, by=secretariat)
        assert rejected.value.problems == [problem]


# -- the page -----------------------------------------------------------------------------------


URL = "/bo-chi-so/hoangmai-phuong-2024/don-vi-phu-trach/"


def test_the_page_shows_every_node_and_saves_the_boxes(client_for, secretariat, ward_framework, offices,
                                                      django_assert_max_num_queries):
    client = client_for(secretariat)
    responsible_offices_set(framework=ward_framework, offices={"2": ["Phòng Tư pháp"]}, by=secretariat)
    with django_assert_max_num_queries(8):
        page = client.get(URL)
    html = page.content.decode()
    assert len(page.context["rows"]) == ward_framework.nodes.count() == 91
    assert 'name="offices-2" value="Phòng Tư pháp"' in html
    assert "Theo tiêu chí cha: Phòng Tư pháp" in html  # 2.1 follows area 2
    assert '<option value="Phòng Nội vụ">' in html
    assert "Bob" in html and "Chưa có thay đổi nào." not in html  # the history of the change

    response = client.post(URL, {"offices-2.1": "Phòng Nội vụ", "offices-2": "Phòng Tư pháp"}, follow=True)

    assert "Đã lưu đơn vị phụ trách của 1 tiêu chí." in response.content.decode()
    assert own_offices(ward_framework, "2.1") == ["Phòng Nội vụ"]


def test_a_refused_page_keeps_what_was_typed_and_saves_nothing(client_for, secretariat, ward_framework, offices):
    response = client_for(secretariat).post(URL, {"offices-2.1": "Phòng Nội vụ", "offices-2.2": "Phòng Không Có"})

    assert response.status_code == 422
    assert response.context["problems"] == [
        "Tiêu chí 2.2: “Phòng Không Có” không phải tên một phòng, ban trong danh sách đơn vị (ghi đúng tên, cách nhau bằng dấu “;”)."]
    assert 'name="offices-2.2" value="Phòng Không Có"' in response.content.decode()
    assert own_offices(ward_framework, "2.1") == []


def test_the_page_imports_an_excel_file(client_for, secretariat, ward_framework, offices):
    client = client_for(secretariat)
    upload = SimpleUploadedFile("dv.xlsx", xlsx_of(HEADER, ("9", "Phòng Nội vụ")).read(), content_type=XLSX)
    response = client.post(URL + "nhap/", {"file": upload})
    assert response.status_code == 422
    assert response.context["problems"] == ["Dòng 2: bộ chỉ số không có tiêu chí “9”."]

    upload = SimpleUploadedFile("dv.xlsx", xlsx_of(HEADER, ("8", "Phòng Nội vụ")).read(), content_type=XLSX)
    assert "Đã lưu đơn vị phụ trách của 1 tiêu chí." in client.post(URL + "nhap/", {"file": upload}, follow=True).content.decode()
    assert own_offices(ward_framework, "8") == ["Phòng Nội vụ"]
    assert client.get(URL + "excel/")["Content-Type"] == XLSX


def test_the_pages_are_the_offices_and_404_for_everybody_else(client_for, ward_framework, council_member, ward_staff,
                                                             leadership, secretariat):
    for user in (council_member, ward_staff, leadership):
        client = client_for(user)
        assert client.get(URL).status_code == 404
        assert client.post(URL, {"offices-2": "Phòng Tư pháp"}).status_code == 404
        assert client.get(URL + "excel/").status_code == 404
        assert client.post(URL + "nhap/").status_code == 404
        assert "Sửa đơn vị phụ trách" not in client.get("/bo-chi-so/hoangmai-phuong-2024/").content.decode()
    assert "Sửa đơn vị phụ trách" in client_for(secretariat).get("/bo-chi-so/hoangmai-phuong-2024/").content.decode()


# -- the command --------------------------------------------------------------------------------


def test_the_command_exports_and_imports_as_the_page_does(ward_framework, secretariat, ward_staff, offices, tmp_path):
    from django.core.management import CommandError, call_command

    exported = tmp_path / "dv.xlsx"
    call_command("responsible_offices", "hoangmai-phuong-2024", "-o", str(exported))
    assert load_workbook(exported).active["A2"].value == "1"

    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    good.write_bytes(xlsx_of(HEADER, ("2", "Phòng Tư pháp")).read())
    bad.write_bytes(xlsx_of(HEADER, ("2", "Sở Du lịch")).read())
    out = io.StringIO()
    call_command("responsible_offices", "hoangmai-phuong-2024", "--import", str(good), "--as", "bob", stdout=out)
    assert out.getvalue().strip() == "Đã lưu đơn vị phụ trách của 1 tiêu chí."
    assert Node.history.get(code="2").history_user == secretariat

    with pytest.raises(CommandError, match="Dòng 2: “Sở Du lịch” không phải tên"):
        call_command("responsible_offices", "hoangmai-phuong-2024", "--import", str(bad), "--as", "bob")
    with pytest.raises(CommandError, match="Chỉ Phòng Nội vụ được sửa đơn vị phụ trách."):
        call_command("responsible_offices", "hoangmai-phuong-2024", "--import", str(good), "--as", "alice")
    assert own_offices(ward_framework, "2") == ["Phòng Tư pháp"]
