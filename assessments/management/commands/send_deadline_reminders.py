from django.core.management.base import BaseCommand

from assessments.reminders import deadline_reminders_send


class Command(BaseCommand):
    help = ("Nhắc các đơn vị chưa nộp kết quả tự đánh giá khi còn không quá N ngày đến hạn (N đặt cho từng kỳ). "
            "Chạy hằng ngày từ cron: mỗi đơn vị được nhắc một lần cho mỗi hạn.")

    def handle(self, **options):
        self.stdout.write(f"Đã nhắc {deadline_reminders_send()} đơn vị.")
