"""The secretariat's pages for periods: the list, and opening a new one."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.access import Actor, is_office, may_read_results
from frameworks.models import Framework

from . import services
from .errors import AssessmentError
from .forms import PeriodOpenForm
from .models import Period


@login_required
def period_list(request):
    actor = Actor.of(request.user)
    if not may_read_results(actor):
        raise Http404
    periods = Period.objects.select_related("framework").order_by("-year", "framework__key")
    page = Paginator(periods, 20).get_page(request.GET.get("trang"))
    can_open = is_office(actor)
    return render(request, "assessments/periods.html", {"page": page, "can_open": can_open})


@login_required
def period_open(request):
    if not is_office(Actor.of(request.user)):
        raise Http404
    form = PeriodOpenForm(request.POST or None, frameworks=Framework.objects.order_by("key"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        codes = [code.strip() for code in data["unit_codes"].split(",") if code.strip()]
        try:
            period = services.period_open(
                framework=data["framework"], year=data["year"], by=request.user, unit_codes=codes or None,
                self_assessment_deadline=data["self_assessment_deadline"],
                appraisal_deadline=data["appraisal_deadline"],
            )
        except AssessmentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã mở kỳ đánh giá %(identifier)s cho %(count)s đơn vị.") % {
                "identifier": period.identifier, "count": period.assessments.count()})
            return redirect("periods:list")
    return render(request, "assessments/period_open.html", {"form": form})
