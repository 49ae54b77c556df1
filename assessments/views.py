from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from contributors import services as contributor_services
from frameworks import rules
from frameworks.models import Node

from . import actions, errors, selectors, services, workflow
from .errors import AssessmentError
from .forms import EvidenceForm, ReopenForm, UntilForm, inputs_from_post, nothing_typed, parse_version
from .models import Evidence

# "Đã nộp kết quả tự đánh giá. Hồ sơ chuyển sang “Đã nộp”.": what happened and where the file is now.
STEP_DONE = gettext_lazy("Đã %(action)s. Hồ sơ chuyển sang “%(status)s”.")


@login_required
def assessment_list(request):
    search, status = request.GET.get("q", "")[:100], request.GET.get("trang-thai", "")
    period = request.GET.get("ky", "")
    found = selectors.assessments_for_user(user=request.user, search=search, status=status,
                                           period_id=int(period) if period.isdigit() else None)
    page = Paginator(found, 30).get_page(request.GET.get("trang"))
    return render(request, "assessments/list.html", {
        "page": page, "search": search, "status": status, "period_id": period,
        "statuses": workflow.Status.choices, "periods": selectors.periods_for_user(request.user),
        "filtered": bool(search or status or period),
        "pager_query": urlencode({key: value for key, value in (("q", search), ("ky", period), ("trang-thai", status)) if value}),
    })


def _leaf_nodes(assessment):
    return Node.objects.filter(framework_id=assessment.period.framework_id, children__isnull=True).order_by("order")


@login_required
def assessment_entry(request, pk):
    assessment = selectors.get_assessment_for_user(request.user, pk)
    context = selectors.assessment_entry(assessment=assessment, user=request.user)
    # Answers are sent on the appraisal page, next to the questions they answer.
    steps = actions.available(assessment=assessment, user=request.user, generic_only=True)
    context["actions"] = [step for step in steps if step.action != "answer_explanation"]
    context["can_edit"] = _can_edit(request.user, assessment)
    # A contributor may write some criteria (none named here), never the whole file: its own rows get forms.
    context["contributing"] = not context["can_edit"] and _can_edit(request.user, assessment, nodes=[])
    context["can_reopen"] = services.may_reopen(assessment=assessment, by=request.user)
    context["may_review"] = contributor_services.may_review(assessment=assessment, by=request.user)
    context["may_assign"] = contributor_services.may_assign(assessment=assessment, by=request.user)
    leaf_nodes = _leaf_nodes(assessment)
    if context["contributing"]:
        leaf_nodes = leaf_nodes.filter(pk__in=assessment.contributions.filter(contributor=request.user).values("node_id"))
    editable = context["can_edit"] or context["contributing"]
    context["evidence_form"] = EvidenceForm(leaf_nodes=leaf_nodes) if editable else None
    return render(request, "assessments/entry.html", context)


def _can_edit(user, assessment, nodes=None) -> bool:
    try:
        services.ensure_self_editable(assessment=assessment, by=user, nodes=nodes)
    except AssessmentError:
        return False
    return True


@login_required
@require_POST
def self_score_save(request, pk, code):
    assessment = selectors.get_assessment_for_user(request.user, pk)
    node = get_object_or_404(Node, framework_id=assessment.period.framework_id, code=code)
    error = None
    not_assessed = "not_assessed" in request.POST
    cleared = nothing_typed(node, request.POST) and not not_assessed
    version = parse_version(request.POST.get("version"))
    try:
        if cleared:
            services.self_score_clear(assessment=assessment, node=node, by=request.user, expected_version=version)
        else:
            services.self_score_save(
                assessment=assessment, node=node, by=request.user, expected_version=version,
                value=request.POST.get("value"),
                inputs=inputs_from_post(node, request.POST),
                explanation=request.POST.get("explanation", ""), not_assessed=not_assessed,
            )
    except (AssessmentError, rules.RuleInputError) as exc:
        error = str(exc)
    if not request.htmx:
        if error:
            messages.error(request, f"{node.code}: {error}")
        else:
            done = _("Đã xóa điểm tiêu chí %(code)s.") if cleared else _("Đã lưu tiêu chí %(code)s.")
            messages.success(request, done % {"code": node.code})
        return redirect("assessments:entry", pk=assessment.pk)
    context = selectors.assessment_entry(assessment=assessment, user=request.user)
    row = next(r for r in context["rows"] if r.node.pk == node.pk)
    context.update({"row": row, "can_edit": True, "error": error, "saved": error is None,
                    "cleared": cleared and error is None})
    if error:
        # Show back what the user typed, not the last saved values, next to the message.
        context["typed"] = {"value": request.POST.get("value", ""), "inputs": inputs_from_post(node, request.POST),
                            "explanation": request.POST.get("explanation", ""), "not_assessed": not_assessed}
    response = render(request, "assessments/_score_saved.html", context)
    if error:
        response.status_code = 422  # base.html tells htmx to swap 422 answers in
    return response


@login_required
@require_POST
def difficulties_save(request, pk):
    """The difficulties and proposals of the unit's self-assessment report."""
    assessment = selectors.get_assessment_for_user(request.user, pk)
    try:
        services.assessment_difficulties_save(assessment=assessment, text=request.POST.get("difficulties", ""),
                                              by=request.user)
    except AssessmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã lưu khó khăn, vướng mắc và đề xuất, kiến nghị."))
    return redirect("assessments:entry", pk=assessment.pk)


@login_required
@require_POST
def evidence_upload(request, pk):
    assessment = selectors.get_assessment_for_user(request.user, pk)
    form = EvidenceForm(request.POST, request.FILES, leaf_nodes=_leaf_nodes(assessment))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.evidence_add(
                assessment=assessment, by=request.user, nodes=list(data["nodes"]), title=data["title"],
                uploaded=data["file"], document_number=data["document_number"],
                document_date=data["document_date"], document_issuer=data["document_issuer"],
            )
        except AssessmentError as exc:
            form.add_error(None, str(exc))
    if form.errors:
        for error in form.errors.values():
            messages.error(request, " ".join(error))
    else:
        messages.success(request, _("Đã thêm tài liệu kiểm chứng."))
    return redirect("assessments:entry", pk=assessment.pk)


@login_required
@require_POST
def assessment_transition(request, pk, action):
    assessment = selectors.get_assessment_for_user(request.user, pk)
    if action not in workflow.GENERIC_ACTIONS:
        raise Http404
    reason = request.POST.get("reason", "")
    extra = {}
    if workflow.TRANSITIONS[action].asks_until:
        deadline = UntilForm(request.POST)
        extra["until"] = deadline.cleaned_data["until"] if deadline.is_valid() else None
    try:
        actions.STEPS[action](assessment=assessment, by=request.user, reason=reason, **extra)
    except workflow.TransitionError as exc:
        messages.error(request, str(exc))
    else:
        label = str(workflow.TRANSITIONS[action].label)
        messages.success(request, STEP_DONE % {"action": label[0].lower() + label[1:],
                                               "status": assessment.get_status_display()})
    # The appraisal page posts here too and wants to come back to itself.
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("assessments:entry", pk=assessment.pk)


@login_required
@require_POST
def assessment_reopen(request, pk):
    """The secretariat lets one unit edit after the deadline, until a date, for a stated reason."""
    assessment = selectors.get_assessment_for_user(request.user, pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect("assessments:entry", pk=assessment.pk)
    try:
        services.assessment_reopen(assessment=assessment, by=request.user, **form.cleaned_data)
    except AssessmentError as error:
        messages.error(request, str(error))
    else:
        until = f"{form.cleaned_data['until']:%d/%m/%Y}"
        messages.success(request, _("Đã mở lại hồ sơ đến ngày %(until)s.") % {"until": until})
    return redirect("assessments:entry", pk=assessment.pk)


@login_required
def evidence_download(request, pk, evidence_pk):
    """Evidence files go through the access rule; they are never served as public media."""
    assessment = selectors.get_assessment_for_user(request.user, pk)
    evidence = get_object_or_404(Evidence, pk=evidence_pk, assessment=assessment)
    if not evidence.file:
        raise Http404
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.original_name,
                        content_type=evidence.content_type or "application/octet-stream")


@login_required
@require_POST
def assessment_exclude(request, pk):
    """The office leaves a unit out of the period (or brings it back), for a stated reason."""
    assessment = selectors.get_assessment_for_user(request.user, pk)
    undo = request.POST.get("undo") == "1"
    try:
        services.assessment_exclude(assessment=assessment, by=request.user, reason=request.POST.get("reason", ""),
                                    undo=undo)
    except AssessmentError as error:
        messages.error(request, str(error))
    else:
        message = _("%(unit)s tham gia lại kỳ đánh giá.") if undo else _("%(unit)s không tham gia kỳ đánh giá.")
        messages.success(request, message % {"unit": assessment.unit.name})
    return redirect("periods:progress", period_pk=assessment.period_id)


@login_required
@require_POST
def evidence_replace(request, pk, evidence_pk):
    assessment = selectors.get_assessment_for_user(request.user, pk)
    evidence = get_object_or_404(Evidence, pk=evidence_pk, assessment=assessment)
    uploaded = request.FILES.get("file")
    try:
        if uploaded is None:
            raise AssessmentError(errors.EVIDENCE_REPLACEMENT_MISSING % {"title": evidence.title})
        services.evidence_replace(evidence=evidence, by=request.user, uploaded=uploaded)
    except AssessmentError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã thay tệp của tài liệu “%(title)s”.") % {"title": evidence.title})
    return redirect("assessments:entry", pk=assessment.pk)


@login_required
@require_POST
def evidence_delete(request, pk, evidence_pk):
    assessment = selectors.get_assessment_for_user(request.user, pk)
    evidence = get_object_or_404(Evidence, pk=evidence_pk, assessment=assessment)
    try:
        services.evidence_delete(evidence=evidence, by=request.user)
    except AssessmentError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã xóa tài liệu “%(title)s”.") % {"title": evidence.title})
    return redirect("assessments:entry", pk=assessment.pk)
