from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from appraisal.errors import AppraisalError
from appraisal.jobs import period_publish_start
from appraisal.services import period_publish
from assessments.workflow import TransitionError
from config.commands import actor_or_error, period_or_error


class Command(BaseCommand):
    help = "Công bố kết quả cả kỳ đánh giá: publish_period KEY/YEAR [--as TÊN_ĐĂNG_NHẬP] [--background]."

    def add_arguments(self, parser):
        parser.add_argument("period", help="kỳ đánh giá, dạng KEY/YEAR")
        parser.add_argument("--as", dest="username", help="người công bố (mặc định: tài khoản vận hành OPERATOR_USERNAME)")
        parser.add_argument("--background", action="store_true", help="giao cho bộ xử lý công việc nền (run_worker)")

    def handle(self, period, username, background=False, **options):
        found = period_or_error(period)
        if background:
            job = period_publish_start(period=found, by=actor_or_error(username))
            self.stdout.write(_("Đã giao công việc nền số %(job)s.") % {"job": job.pk})
            return
        try:
            published = period_publish(period=found, by=actor_or_error(username))
        except (AppraisalError, TransitionError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{found.identifier}: đã công bố {len(published)} đơn vị")
