from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from operations.backups import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu, tệp minh chứng và bảng mã băm vào một thư mục trống."

    def add_arguments(self, parser):
        parser.add_argument("out_dir")

    def handle(self, *args, out_dir, **options):
        try:
            summary = backup(out_dir)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(_("Đã sao lưu vào %(folder)s: %(database)s và %(count)s tệp đính kèm.") % {
            "folder": summary.folder, "database": summary.database_file, "count": summary.media_files})
