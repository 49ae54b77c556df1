from django.core.management.base import BaseCommand, CommandError

from frameworks.errors import FrameworkError
from frameworks.services import frameworks_load_all


class Command(BaseCommand):
    help = "Nạp (hoặc cập nhật) mọi bộ chỉ số trong fixtures/frameworks/. Chạy lại không thay đổi gì."

    def handle(self, *args, **options):
        try:
            results = frameworks_load_all()
        except FrameworkError as error:
            raise CommandError(str(error)) from None
        for result in results:
            self.stdout.write(f"{result.key}: {result.status}")
            for warning in result.warnings:
                self.stderr.write(self.style.WARNING(f"  cảnh báo: {warning}"))
