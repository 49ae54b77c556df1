from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from operations.jobs import jobs_cleanup


class Command(BaseCommand):
    help = ("Xoá tệp tải lên và tệp kết quả của các công việc nền đã xong hoặc bị lỗi từ quá N ngày "
            "(giữ lại dòng công việc, ghi là đã dọn).")

    def add_arguments(self, parser):
        parser.add_argument("--older-than-days", type=int, default=30,
                            help="Chỉ dọn các công việc kết thúc từ quá số ngày này (mặc định 30).")

    def handle(self, *args, older_than_days=30, **options):
        count = jobs_cleanup(older_than=timedelta(days=older_than_days))
        self.stdout.write(_("Đã dọn tệp của %(count)s công việc.") % {"count": count})
