from assessments.models import Period
from organizations.models import Unit


def test_secretariat_opens_a_period_in_the_browser(client_for, secretariat, ward_framework, ward, other_ward):
    response = client_for(secretariat).post("/ky-danh-gia/mo/", {
        "framework": ward_framework.pk, "year": "2024", "self_assessment_deadline": "30/11/2024",
        "appraisal_deadline": "20/12/2024",
    }, follow=True)
    assert "Đã mở kỳ đánh giá hoangmai-phuong-2024/2024 cho 2 đơn vị." in response.content.decode()
    period = Period.objects.get()
    assert period.self_assessment_deadline.strftime("%d/%m/%Y") == "30/11/2024"


def test_deadlines_in_the_wrong_order_are_refused_at_the_field(client_for, secretariat, ward_framework, ward):
    response = client_for(secretariat).post("/ky-danh-gia/mo/", {
        "framework": ward_framework.pk, "year": "2024", "self_assessment_deadline": "30/11/2024",
        "appraisal_deadline": "01/11/2024",
    })
    assert "Hạn thẩm định phải sau hạn tự đánh giá." in response.content.decode()
    assert not Period.objects.exists()


def test_a_service_refusal_is_shown_and_nothing_is_saved(client_for, secretariat, ward_framework, ward, district):
    department = Unit.objects.create(code="HM-P-NOIVU", name="Phòng Nội vụ", kind="department", parent=district,
                                     framework_family="hoangmai-phong")
    response = client_for(secretariat).post("/ky-danh-gia/mo/", {
        "framework": ward_framework.pk, "year": "2024", "units": [department.pk],
    })
    assert "HM-P-NOIVU" in response.context["form"].non_field_errors()[0]
    assert not Period.objects.exists()


def test_the_office_ticks_the_units_of_a_new_period(client_for, secretariat, ward_framework, ward, other_ward):
    client = client_for(secretariat)
    assert "Phường Yên Sở (HM-W-YENSO)" in client.get("/ky-danh-gia/mo/").content.decode()
    client.post("/ky-danh-gia/mo/", {"framework": ward_framework.pk, "year": "2024", "units": [other_ward.pk]})
    assert list(Period.objects.get().assessments.values_list("unit__code", flat=True)) == ["HM-W-YENSO"]
    refused = client.post("/ky-danh-gia/mo/", {"framework": ward_framework.pk, "year": "2025", "units": ["999999"]})
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
