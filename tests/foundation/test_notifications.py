from accounts.models import Notification


def test_unread_count_shows_in_the_header_and_the_page_marks_them_read(client_for, secretariat):
    Notification.objects.create(recipient=secretariat, message="Phường Hoàng Liệt đã nộp kết quả tự đánh giá.",
                                url="/danh-gia/1/")
    client = client_for(secretariat)
    assert 'data-testid="unread">1<' in client.get("/").content.decode()
    html = client.get("/thong-bao/").content.decode()
    assert '<li class="unread">' in html and "Phường Hoàng Liệt đã nộp" in html
    assert Notification.objects.get().read_at is not None
    assert 'data-testid="unread"' not in client.get("/").content.decode()


def test_a_user_sees_only_their_own_notifications(client_for, secretariat, ward_staff):
    Notification.objects.create(recipient=secretariat, message="Riêng của Phòng Nội vụ")
    assert "Riêng của Phòng Nội vụ" not in client_for(ward_staff).get("/thong-bao/").content.decode()
    assert "Chưa có thông báo nào." in client_for(ward_staff).get("/thong-bao/").content.decode()
