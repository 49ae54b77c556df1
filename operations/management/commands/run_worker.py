from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from operations.jobs import jobs_recover

WORKER_COMMANDS = {"database": ["db_worker"], "rq": ["rqworker", "default", "--with-scheduler", "--job-class", "django_tasks_rq.Job"],
                   "immediate": None}


class Command(BaseCommand):
    help = "Chạy bộ xử lý công việc nền của cấu hình hiện tại, sau khi đưa lại vào hàng đợi các công việc mất bộ xử lý."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Xử lý hết các công việc đang chờ rồi dừng.")

    def handle(self, *args, batch=False, **options):
        recovered = jobs_recover(stale_after=timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS))
        if recovered:
            self.stdout.write(_("Đưa lại vào hàng đợi %(count)s công việc bị gián đoạn.") % {"count": len(recovered)})
        command = WORKER_COMMANDS[settings.TASKS_BACKEND]
        if command is None:
            return  # jobs run in the request that queues them
        if batch:
            command = [*command, "--batch" if command[0] == "db_worker" else "--burst"]
        call_command(*command)
