from django.core.management.base import BaseCommand, CommandError

from appraisal.errors import AppraisalError
from appraisal.services import appraisal_finish, explanation_request
from assessments import actions
from assessments.errors import AssessmentError
from assessments.workflow import TransitionError
from config.commands import actor_or_error, assessment_or_error, period_or_error
from frameworks.selectors import tree_for

NO_CRITERIA = "“request_explanation” cần --criteria MÃ,MÃ (các tiêu chí cần giải trình)"
UNKNOWN_CRITERIA = "Không phải tiêu chí chấm điểm của bộ chỉ số: {codes}"
DONE = "{unit}: {action} → {status}"


def _request_explanation(*, assessment, by, reason, criteria):
    if not criteria:
        raise CommandError(NO_CRITERIA)
    tree = tree_for(assessment.period.framework)
    codes = [code.strip() for code in criteria.split(",") if code.strip()]
    unknown = [code for code in codes if not tree.is_leaf(code)]
    if unknown:
        raise CommandError(UNKNOWN_CRITERIA.format(codes=", ".join(unknown)))
    nodes = list(assessment.period.framework.nodes.filter(code__in=codes))
    explanation_request(assessment=assessment, nodes=nodes, question=reason, by=by)


# The same functions the browser's buttons call: the appraisal's own steps go through their services
# (the questions of an explanation request are recorded, finishing confirms undecided criteria).
STEPS = {
    "submit": actions.assessment_submit,
    "return": actions.assessment_return,
    "start_appraisal": actions.assessment_start_appraisal,
    "request_explanation": _request_explanation,
    "answer_explanation": actions.assessment_answer_explanation,
    "finish_appraisal": lambda *, assessment, by, reason: appraisal_finish(assessment=assessment, by=by),
    "reopen_appraisal": actions.assessment_reopen_appraisal,
    "reappraise": actions.assessment_reappraise,
}


class Command(BaseCommand):
    help = ("Thực hiện một bước của quy trình cho một đơn vị: workflow KEY/YEAR MÃ_ĐƠN_VỊ BƯỚC "
            "[--as TÊN_ĐĂNG_NHẬP] [--reason LÝ_DO] [--criteria MÃ,MÃ]. Phòng/Sở Nội vụ “submit” là nộp thay đơn vị, "
            "cần --reason.")

    def add_arguments(self, parser):
        parser.add_argument("period", help="kỳ đánh giá, dạng KEY/YEAR")
        parser.add_argument("unit_code")
        parser.add_argument("action", choices=list(STEPS))
        parser.add_argument("--as", dest="username", help="người thực hiện (mặc định: tài khoản vận hành OPERATOR_USERNAME)")
        parser.add_argument("--reason", default="", help="lý do (bắt buộc với một số bước); câu hỏi với request_explanation")
        parser.add_argument("--criteria", default="", help="với request_explanation: các mã tiêu chí, cách nhau bởi dấu phẩy")

    def handle(self, period, unit_code, action, username, reason, criteria, **options):
        assessment = assessment_or_error(period_or_error(period), unit_code)
        by = actor_or_error(username)
        extra = {"criteria": criteria} if action == "request_explanation" else {}
        try:
            STEPS[action](assessment=assessment, by=by, reason=reason, **extra)
        except (TransitionError, AssessmentError, AppraisalError) as error:
            raise CommandError(str(error)) from None
        assessment.refresh_from_db(fields=["status"])
        self.stdout.write(DONE.format(unit=assessment.unit.code, action=action, status=assessment.status))
