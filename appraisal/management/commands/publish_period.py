from django.core.management.base import BaseCommand, CommandError

from appraisal.errors import AppraisalError
from appraisal.services import period_publish
from assessments.workflow import TransitionError
from config.commands import actor_or_error, period_or_error


class Command(BaseCommand):
    help = "Công bố kết quả cả kỳ đánh giá: publish_period KEY/YEAR [--as TÊN_ĐĂNG_NHẬP]."

    def add_arguments(self, parser):
        parser.add_argument("period", help="kỳ đánh giá, dạng KEY/YEAR")
        parser.add_argument("--as", dest="username", help="người công bố (mặc định: tài khoản vận hành OPERATOR_USERNAME)")

    def handle(self, period, username, **options):
        found = period_or_error(period)
        try:
            published = period_publish(period=found, by=actor_or_error(username))
        except (AppraisalError, TransitionError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{found.identifier}: đã công bố {len(published)} đơn vị")
