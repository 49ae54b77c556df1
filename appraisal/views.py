from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import Actor, may_read_office_review, runs_period
from config.downloads import xlsx_response
from assessments.errors import problems_listed
from assessments.forms import parse_version
from assessments.selectors import get_assessment_for_user, get_period_for_user
from assessments.workflow import TransitionError
from frameworks import rules
from frameworks.models import Node
from frameworks.selectors import tree_for
from surveys.models import SurveyMethod
from surveys.selectors import period_survey_parts

from . import selectors, services
from .selectors_office_review import office_review_part
from .errors import BAD_DEADLINE, COUNCIL_CHOICE_REQUIRED, AppraisalError
from .excel import AppraisalImportRejected, appraisal_import, appraisal_workbook
from .forms import CouncilSeatForm, ExplanationDeadlineForm
from .models import CouncilMember, CouncilRole

_REFUSALS = (AppraisalError, TransitionError, rules.RuleInputError)


# ?loc=chua-tham-dinh: only the criteria the council has not decided yet. ?xem=tat-ca: a council member sees
# every criterion, not only those assigned to them.
UNDECIDED_FILTER = "chua-tham-dinh"
EVERY_CRITERION = "tat-ca"


@login_required
def appraisal_page(request, pk):
    assessment = get_assessment_for_user(request.user, pk)
    page = selectors.appraisal_page(
        assessment=assessment, user=request.user, undecided_only=request.GET.get("loc") == UNDECIDED_FILTER,
        every_criterion=request.GET.get("xem") == EVERY_CRITERION)
    # The offices' assessment of this unit, for those who take part in it.
    reads_review = may_read_office_review(Actor.of(request.user), seated=assessment.seated,
                                          organiser_line=assessment.period.organiser_line)
    return render(request, "appraisal/page.html", {
        **page, "office_review": office_review_part(period=assessment.period) if reads_review else None})


def _node(assessment, code):
    return get_object_or_404(Node, framework_id=assessment.period.framework_id, code=code)


def _back(request, assessment, error=None, success=None, code=None):
    """Back to the page; after a save on criterion ``code``, at that criterion and with the same filter."""
    if error:
        messages.error(request, error)
    elif success:
        messages.success(request, success)
    url = reverse("appraisal:page", args=[assessment.pk])
    if code is None:
        return redirect(url)
    query = urlencode({name: request.POST[name] for name in ("loc", "xem") if request.POST.get(name)})
    url = f"{url}?{query}" if query else url
    if request.POST.get("loc") == UNDECIDED_FILTER:
        # The saved criterion is decided now and leaves the filtered list: come back to its area.
        return redirect(f"{url}#row-{code.split('.')[0]}")
    return redirect(f"{url}#row-{code}")


@login_required
@require_POST
def appraisal_save(request, pk, code):
    assessment = get_assessment_for_user(request.user, pk)
    node = _node(assessment, code)
    try:
        services.appraisal_save(
            assessment=assessment, node=node, by=request.user, value=request.POST.get("value"),
            reason=request.POST.get("reason", ""), expected_version=parse_version(request.POST.get("version")),
            not_assessed="not_assessed" in request.POST,
        )
    except _REFUSALS as exc:
        if request.htmx:
            return _saved_row(request, assessment, node, error=str(exc))
        return _back(request, assessment, error=f"{code}: {exc}", code=code)
    done = _("Đã lưu điểm thẩm định tiêu chí %(code)s.") % {"code": code}
    if request.htmx:
        return _saved_row(request, assessment, node, saved=done)
    return _back(request, assessment, success=done, code=code)


def _saved_row(request, assessment, node, *, error=None, saved=None):
    """The answer to a save through htmx: the criterion's row, and out of band its groups' rows, the totals
    and the count of undecided criteria; a refusal answers 422 with the message and what was typed."""
    context = selectors.appraisal_page(
        assessment=assessment, user=request.user, undecided_only=request.POST.get("loc") == UNDECIDED_FILTER,
        every_criterion=request.POST.get("xem") == EVERY_CRITERION)
    row, ancestors = selectors.row_and_ancestors(context["table"], node.code)
    context.update({"row": row, "ancestors": ancestors, "error": error, "saved": saved})
    if error:
        context["typed"] = {"value": request.POST.get("value", ""), "reason": request.POST.get("reason", ""),
                            "not_assessed": "not_assessed" in request.POST}
    return render(request, "appraisal/_row_saved.html", context, status=422 if error else 200)


@login_required
@require_POST
def explanation_request(request, pk):
    assessment = get_assessment_for_user(request.user, pk)
    codes = request.POST.getlist("codes")
    nodes = list(Node.objects.filter(framework_id=assessment.period.framework_id, code__in=codes))
    deadline = ExplanationDeadlineForm(request.POST)
    if not deadline.is_valid():
        return _back(request, assessment, error=str(BAD_DEADLINE))
    try:
        services.explanation_request(assessment=assessment, nodes=nodes, by=request.user,
                                     question=request.POST.get("question", ""),
                                     answer_deadline=deadline.cleaned_data["answer_deadline"])
    except _REFUSALS as exc:
        return _back(request, assessment, error=str(exc))
    return _back(request, assessment, success=_("Đã gửi đề nghị giải trình."))


@login_required
@require_POST
def explanation_answer(request, pk, code):
    assessment = get_assessment_for_user(request.user, pk)
    try:
        leave = "leave" in request.POST
        services.explanation_answer(assessment=assessment, node=_node(assessment, code), by=request.user,
                                    text=request.POST.get("text", ""), leave=leave, uploaded=request.FILES.get("file"))
    except _REFUSALS as exc:
        return _back(request, assessment, error=str(exc))
    done = _("Đã ghi lý do không giải trình tiêu chí %(code)s.") if leave else _("Đã lưu giải trình tiêu chí %(code)s.")
    return _back(request, assessment, success=done % {"code": code})


@login_required
@require_POST
def appraisal_finish(request, pk):
    assessment = get_assessment_for_user(request.user, pk)
    try:
        services.appraisal_finish(assessment=assessment, by=request.user)
    except _REFUSALS as exc:
        return _back(request, assessment, error=str(exc))
    return _back(request, assessment, success=_("Đã kết thúc thẩm định."))


@login_required
@require_POST
def period_publish(request, period_pk):
    period = get_period_for_user(request.user, period_pk, manage=True)
    try:
        services.period_publish(period=period, by=request.user)
    except _REFUSALS as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã công bố kết quả %(period)s.") % {"period": period.display_name})
    return redirect("appraisal:period", period_pk=period.pk)


@login_required
@require_POST
def reappraisal_publish(request, pk):
    assessment = get_assessment_for_user(request.user, pk)
    try:
        services.reappraisal_publish(assessment=assessment, by=request.user, reason=request.POST.get("reason", ""))
    except _REFUSALS as exc:
        return _back(request, assessment, error=str(exc))
    return _back(request, assessment, success=_("Đã công bố kết quả phúc tra."))


@login_required
def period_overview(request, period_pk):
    period = get_period_for_user(request.user, period_pk)
    assessments = list(period.assessments.select_related("unit").order_by("unit__order", "unit__code"))
    council = list(period.council.select_related("user").annotate(assigned=Count("assignments")))
    survey_parts = period_survey_parts(period=period, assessments=assessments)
    held = {p.part.method for p in survey_parts}
    return render(request, "appraisal/period.html", {
        "period": period, "assessments": assessments,
        "publication": selectors.publication_summaries(assessments=assessments),
        "publication_refusal": services.publication_refusal(assessments),
        "council": council, "council_missing": services.council_missing_seats(council),
        "assignable": [node for node in tree_for(period.framework).nodes if node.level <= 2],
        "candidates": selectors.council_candidates(period=period),
        "council_roles": CouncilRole.choices,
        "survey_parts": survey_parts,
        "survey_methods": SurveyMethod.choices,
        # Typing a new part's points: only the parts the period does not hold yet (a held one has its own form).
        "new_survey_methods": [(value, label) for value, label in SurveyMethod.choices if value not in held],
        "office_review": office_review_part(period=period),
        "office_may_edit": (runs_period(Actor.of(request.user), organiser_line=period.organiser_line)
                            and period.published_at is None),
    })


@login_required
def appraisal_export(request, period_pk):
    period = get_period_for_user(request.user, period_pk, manage=True)
    return xlsx_response(appraisal_workbook(period=period), f"tham-dinh-{period.framework.key}-{period.year}.xlsx")


@login_required
@require_POST
def appraisal_upload(request, period_pk):
    period = get_period_for_user(request.user, period_pk, manage=True)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Chọn tệp Excel để nhập."))
    else:
        try:
            saved = appraisal_import(period=period, file=upload, by=request.user)
        except AppraisalImportRejected as rejected:
            messages.error(request, _("Không nhập gì. %(problems)s") % {"problems": problems_listed(rejected.problems)})
        else:
            messages.success(request, _("Đã nhập %(count)s điểm thẩm định.") % {"count": saved})
    return redirect("appraisal:period", period_pk=period.pk)


@login_required
@require_POST
def council_add(request, period_pk):
    period = get_period_for_user(request.user, period_pk, manage=True)
    form = CouncilSeatForm(request.POST, period=period)
    if not form.is_valid():
        messages.error(request, str(COUNCIL_CHOICE_REQUIRED))
    else:
        user = form.cleaned_data["user"]
        try:
            services.council_member_add(period=period, user=user, role=form.cleaned_data["role"], by=request.user)
        except AppraisalError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Đã thêm %(name)s vào Hội đồng thẩm định.") % {"name": user.display_name})
    return redirect("appraisal:period", period_pk=period.pk)


@login_required
@require_POST
def council_remove(request, period_pk, member_pk):
    period = get_period_for_user(request.user, period_pk, manage=True)
    member = get_object_or_404(CouncilMember.objects.select_related("user"), pk=member_pk, period=period)
    services.council_member_remove(member=member, by=request.user)
    messages.success(request, _("Đã bỏ %(name)s khỏi Hội đồng thẩm định.") % {"name": member.user.display_name})
    return redirect("appraisal:period", period_pk=period.pk)


@login_required
@require_POST
def assignments_edit(request, period_pk, member_pk):
    """Assign a council member a criterion or a whole area (or take it back)."""
    period = get_period_for_user(request.user, period_pk, manage=True)
    member = get_object_or_404(CouncilMember.objects.select_related("user", "period__framework"), pk=member_pk,
                               period=period)
    assign = request.POST.get("bo") != "1"
    try:
        count = services.assignments_set(member=member, codes=request.POST.getlist("codes"), assign=assign)
    except AppraisalError as error:
        messages.error(request, str(error))
    else:
        message = (_("Đã phân công %(count)s tiêu chí cho %(name)s.") if assign
                   else _("Đã bỏ phân công %(count)s tiêu chí của %(name)s."))
        messages.success(request, message % {"count": count, "name": member.user.display_name})
    return redirect("appraisal:period", period_pk=period.pk)


@login_required
@require_POST
def assignments_default(request, period_pk):
    period = get_period_for_user(request.user, period_pk, manage=True)
    created = services.assignments_apply_defaults(period=period)
    messages.success(request, _("Đã phân công %(count)s tiêu chí theo đơn vị phụ trách.") % {
        "count": created})
    return redirect("appraisal:period", period_pk=period.pk)
