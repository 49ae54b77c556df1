from django.core.management.base import BaseCommand, CommandError

from assessments.errors import AssessmentError
from assessments.services import assessment_exclude
from config.commands import actor_or_error, assessment_or_error, period_or_error


class Command(BaseCommand):
    help = ("Đưa một đơn vị ra khỏi kỳ đánh giá (không xếp hạng, không chặn công bố) hoặc đưa trở lại với --undo: "
            "exclude_unit KEY/YEAR MÃ_ĐƠN_VỊ --reason LÝ_DO [--undo] [--as TÊN_ĐĂNG_NHẬP].")

    def add_arguments(self, parser):
        parser.add_argument("period", help="kỳ đánh giá, dạng KEY/YEAR")
        parser.add_argument("unit_code")
        parser.add_argument("--reason", required=True, help="sáp nhập, giải thể, chưa hoạt động…")
        parser.add_argument("--undo", action="store_true", help="đưa đơn vị trở lại kỳ đánh giá")
        parser.add_argument("--as", dest="username", help="người thực hiện (mặc định: tài khoản vận hành OPERATOR_USERNAME)")

    def handle(self, period, unit_code, reason, undo, username, **options):
        assessment = assessment_or_error(period_or_error(period), unit_code)
        try:
            assessment_exclude(assessment=assessment, by=actor_or_error(username), reason=reason, undo=undo)
        except AssessmentError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{unit_code}: {'tham gia' if undo else 'không tham gia'} kỳ {period}")
