from assessments.models import Period
from organizations.models import Unit


def test_secretariat_opens_a_period_in_the_browser(client_for, secretariat, ward_framework, ward, other_ward):
    response = client_for(secretariat).post("/ky-danh-gia/mo/", {
        "organiser": secretariat.unit_id, "framework": ward_framework.pk, "year": "2024",
        "self_assessment_deadline": "30/11/2024",
        "appraisal_deadline": "20/12/2024",
    }, follow=True)
    assert "Đã mở kỳ đánh giá “Chỉ số CCHC năm 2024 — UBND các phường” của Quận Hoàng Mai cho 2 đơn vị." in response.content.decode()
    period = Period.objects.get()
    assert period.self_assessment_deadline.strftime("%d/%m/%Y") == "30/11/2024"


def test_deadlines_in_the_wrong_order_are_refused_at_the_field(client_for, secretariat, ward_framework, ward):
    response = client_for(secretariat).post("/ky-danh-gia/mo/", {
        "organiser": secretariat.unit_id, "framework": ward_framework.pk, "year": "2024",
        "self_assessment_deadline": "30/11/2024",
        "appraisal_deadline": "01/11/2024",
    })
    assert "Hạn thẩm định phải sau hạn tự đánh giá." in response.content.decode()
    assert not Period.objects.exists()


def test_a_service_refusal_is_shown_and_nothing_is_saved(client_for, secretariat, ward_framework, ward, district):
    department = Unit.objects.create(code="HM-P-NOIVU", name="Phòng Nội vụ", kind="department", parent=district,
                                     framework_family="hoangmai-phong")
    response = client_for(secretariat).post("/ky-danh-gia/mo/", {
        "organiser": secretariat.unit_id, "framework": ward_framework.pk, "year": "2024", "units": [department.pk],
    })
    assert "HM-P-NOIVU" in response.context["form"].non_field_errors()[0]
    assert not Period.objects.exists()


def test_the_office_ticks_the_units_of_a_new_period(client_for, secretariat, ward_framework, ward, other_ward):
    client = client_for(secretariat)
    assert "Phường Yên Sở (HM-W-YENSO)" in client.get("/ky-danh-gia/mo/").content.decode()
    opening = {"organiser": secretariat.unit_id, "framework": ward_framework.pk}
    client.post("/ky-danh-gia/mo/", {**opening, "year": "2024", "units": [other_ward.pk]})
    assert list(Period.objects.get().assessments.values_list("unit__code", flat=True)) == ["HM-W-YENSO"]
    refused = client.post("/ky-danh-gia/mo/", {**opening, "year": "2025", "units": ["999999"]})
    assert "Đơn vị không có trong danh sách." in refused.content.decode()


def test_unit_staff_cannot_reach_period_pages(client_for, ward_staff):
    client = client_for(ward_staff)
    assert client.get("/ky-danh-gia/").status_code == 404
    assert client.get("/ky-danh-gia/mo/").status_code == 404


def test_leadership_lists_periods_but_cannot_open_one(client_for, leadership, period):
    client = client_for(leadership)
    html = client.get("/ky-danh-gia/").content.decode()
    # Periods are listed by the names people use; the slug stays in the URL and the commands
    assert "Chỉ số CCHC năm 2024 — UBND các phường" in html and "hoangmai-phuong-2024/2024" not in html
    assert "Mở kỳ đánh giá mới" not in html
    assert client.get("/ky-danh-gia/mo/").status_code == 404


def test_empty_state(client_for, secretariat):
    assert "Chưa có kỳ đánh giá nào." in client_for(secretariat).get("/ky-danh-gia/").content.decode()


# -- the organiser: the office's own, any for an administrator -----------------------------------


def opening(framework, organiser, **more):
    return {"organiser": organiser.pk, "framework": framework.pk, "year": "2024", **more}


def test_an_administrator_chooses_the_organiser_and_is_offered_its_units(
        client_for, admin_user, ward_framework, ward, other_district):
    client = client_for(admin_user)
    page = client.get("/ky-danh-gia/mo/").content.decode()
    # Every organiser is offered; none is chosen, so no unit is offered yet
    assert "Quận Hà Đông (HD)" in page and "Quận Hoàng Mai (HM)" in page and "Thành phố Hà Nội (HN)" in page
    assert "Phường Hoàng Liệt" not in page and "Chọn cơ quan tổ chức đánh giá để xem các đơn vị" in page
    assert "<fieldset" not in page  # the units' label and the hint, no empty box of checkboxes
    # Choosing Hà Đông (the select asks the page again) offers Hà Đông's ward only
    units = client.get(f"/ky-danh-gia/mo/?organiser={other_district.pk}").content.decode()
    assert "Phường Thử (HD-W-THU)" in units and "Phường Hoàng Liệt" not in units

    client.post("/ky-danh-gia/mo/", opening(ward_framework, other_district))

    period = Period.objects.get()
    assert (period.organiser, [a.unit.code for a in period.assessments.all()]) == (other_district, ["HD-W-THU"])


def test_the_office_is_offered_its_own_organiser_only_and_chosen_first(
        client_for, secretariat, ward_framework, ward, other_district):
    page = client_for(secretariat).get("/ky-danh-gia/mo/").content.decode()
    assert '<option value="%s" selected>Quận Hoàng Mai (HM)</option>' % secretariat.unit_id in page
    assert "Quận Hà Đông" not in page and "Phường Thử" not in page
    assert "Phường Hoàng Liệt (HM-W-HOANGLIET)" in page


def test_the_office_is_offered_the_frameworks_of_its_own_units_only(
        client_for, secretariat, ward_framework, rules_framework, ward):
    page = client_for(secretariat).get("/ky-danh-gia/mo/").content.decode()
    assert "hoangmai-phuong-2024 — " in page
    assert "haiphong-2023" not in page  # Hải Phòng's tree: no unit of Hoàng Mai is assessed on it


def test_a_district_office_cannot_open_a_period_for_another_district(
        client_for, secretariat, ward_framework, ward, other_district):
    client = client_for(secretariat)
    # Asking for the other district's units offers its own instead
    assert "Phường Thử" not in client.get(f"/ky-danh-gia/mo/?organiser={other_district.pk}").content.decode()

    refused = client.post("/ky-danh-gia/mo/", opening(ward_framework, other_district))

    assert refused.context["form"].errors["organiser"] == ["Cơ quan tổ chức đánh giá không có trong danh sách."]
    assert not Period.objects.exists()


def test_units_of_another_organiser_are_refused_with_the_chosen_one(
        client_for, admin_user, ward_framework, ward, district, other_district):
    refused = client_for(admin_user).post("/ky-danh-gia/mo/", opening(ward_framework, other_district, units=[ward.pk]))
    assert "Đơn vị không có trong danh sách." in refused.content.decode()
    assert not Period.objects.exists()
