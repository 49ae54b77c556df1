from assessments.models import Period


def test_secretariat_opens_a_period_in_the_browser(client_for, secretariat, ward_framework, ward, other_ward):
    response = client_for(secretariat).post("/ky-danh-gia/mo/", {
        "framework": ward_framework.pk, "year": "2024", "self_assessment_deadline": "30/11/2024",
        "appraisal_deadline": "20/12/2024", "unit_codes": "",
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


def test_a_service_refusal_is_shown_and_nothing_is_saved(client_for, secretariat, ward_framework, ward):
    response = client_for(secretariat).post("/ky-danh-gia/mo/", {
        "framework": ward_framework.pk, "year": "2024", "unit_codes": "HM-W-KHONGCO",
    })
    assert "Không có đơn vị: HM-W-KHONGCO." in response.content.decode()
    assert not Period.objects.exists()


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
