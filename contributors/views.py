"""The unit's assignment page (who fills in what), assigning and taking back, and the head's review mark."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from accounts.roles import Role
from assessments.selectors import get_assessment_for_user
from frameworks.models import Node

from . import selectors, services
from .errors import ContributorError


@login_required
def assignments_page(request, pk):
    """Anybody who reads the file sees who does what; the unit's staff and head also change it."""
    assessment = get_assessment_for_user(request.user, pk)
    return render(request, "contributors/assignments.html", {
        "assessment": assessment, **selectors.assignment_overview(assessment=assessment),
        "may_assign": services.may_assign(assessment=assessment, by=request.user),
    })


@login_required
@require_POST
def assignments_edit(request, pk, contributor_pk):
    assessment = get_assessment_for_user(request.user, pk)
    contributor = get_object_or_404(User, pk=contributor_pk, role=Role.CONTRIBUTOR, unit_id=assessment.unit_id)
    assign = request.POST.get("bo") != "1"
    try:
        count = services.contributions_assign(assessment=assessment, contributor=contributor, by=request.user,
                                              codes=request.POST.getlist("codes"), assign=assign)
    except ContributorError as error:
        messages.error(request, str(error))
    else:
        message = (_("Đã phân công %(count)s tiêu chí cho %(name)s.") if assign
                   else _("Đã bỏ phân công %(count)s tiêu chí của %(name)s."))
        messages.success(request, message % {"count": count, "name": contributor.display_name})
    return redirect("contributors:assignments", pk=assessment.pk)


@login_required
@require_POST
def assignments_prefill(request, pk):
    assessment = get_assessment_for_user(request.user, pk)
    try:
        count = services.contributions_prefill(assessment=assessment, by=request.user)
    except ContributorError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã phân công %(count)s tiêu chí theo cơ quan chủ trì tham mưu.") % {"count": count})
    return redirect("contributors:assignments", pk=assessment.pk)


@login_required
@require_POST
def review(request, pk, code):
    assessment = get_assessment_for_user(request.user, pk)
    node = get_object_or_404(Node, framework_id=assessment.period.framework_id, code=code)
    reviewed = request.POST.get("bo") != "1"
    try:
        services.contribution_review(assessment=assessment, node=node, by=request.user, reviewed=reviewed)
    except ContributorError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, (_("Đã xem xét tiêu chí %(code)s.") if reviewed
                                   else _("Đã bỏ dấu xem xét tiêu chí %(code)s.")) % {"code": code})
    return redirect(reverse("assessments:entry", args=[assessment.pk]) + f"#node-{code}")
