from django.core.management.base import BaseCommand

from improvement.reminders import overdue_task_reminders_send


class Command(BaseCommand):
    help = "Nhắc cơ quan chủ trì các nhiệm vụ quá hạn chưa hoàn thành (trong ứng dụng và qua email); chạy hằng ngày, mỗi thời hạn nhắc một lần."

    def handle(self, *args, **options):
        self.stdout.write(f"Đã nhắc {overdue_task_reminders_send()} nhiệm vụ quá hạn.")
