from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from operations.backups import BackupError, restore


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu vào cơ sở dữ liệu trống mà DATABASE_URL chỉ tới."

    def add_arguments(self, parser):
        parser.add_argument("in_dir")

    def handle(self, *args, in_dir, **options):
        try:
            summary = restore(in_dir)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(_("Đã khôi phục từ %(folder)s: %(database)s và %(count)s tệp đính kèm.") % {
            "folder": summary.folder, "database": summary.database_file, "count": summary.media_files})
