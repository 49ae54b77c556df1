"""In the admin, a framework used by a period can be read but not changed or deleted."""
from assessments.models import Period
from organizations.models import Unit


def test_an_unused_framework_node_can_be_edited_in_the_admin(admin_client, frameworks):
    node = frameworks["hoangmai-phuong-2024"].nodes.get(code="1.1.1")
    response = admin_client.get(f"/admin/frameworks/node/{node.pk}/change/")
    assert response.status_code == 200
    assert 'name="_save"' in response.content.decode()


def test_a_used_framework_is_read_only_in_the_admin(admin_client, frameworks):
    framework = frameworks["hoangmai-phuong-2024"]
    Period.objects.create(organiser=Unit.objects.create(code="HM", name="Quận Hoàng Mai", kind="district"),
                          framework=framework, year=2024)
    node = framework.nodes.get(code="1.1.1")
    html = admin_client.get(f"/admin/frameworks/node/{node.pk}/change/").content.decode()
    assert 'name="_save"' not in html
    assert admin_client.post(f"/admin/frameworks/node/{node.pk}/change/", {"title": "Sửa"}).status_code == 403
    assert admin_client.post(f"/admin/frameworks/node/{node.pk}/delete/", {"post": "yes"}).status_code == 403
    node.refresh_from_db()
    assert node.title == "Ban hành và triển khai kế hoạch CCHC năm"
