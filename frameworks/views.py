from dataclasses import replace

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from accounts.access import Actor, may_edit_responsible_offices
from config.downloads import xlsx_response
from config.excel import problems_shown

from . import errors, selectors, services
from .errors import OfficesRejected
from .excel import offices_import_xlsx, offices_template_xlsx

OFFICES_FIELD = "offices-"  # one box per node: "offices-2.1"


class OfficesImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))


@login_required
def framework_list(request):
    return render(request, "frameworks/list.html", {"frameworks": selectors.framework_list()})


@login_required
def framework_detail(request, key):
    framework = selectors.framework_get(key=key)
    return render(request, "frameworks/detail.html", {
        **selectors.framework_tree(framework=framework),
        "may_edit_offices": may_edit_responsible_offices(Actor.of(request.user)),
    })


@login_required
def framework_diff(request, key):
    new = selectors.framework_get(key=key)
    old = new.previous_version
    context = {"new": new, "old": old}
    if old is not None:
        context["diff"] = selectors.framework_diff(old=old, new=new)
    return render(request, "frameworks/diff.html", context)


def _offices_page(request, framework, *, rejected=None, form=None, typed=None):
    """The page; when ``rejected``, with its problems and what was typed kept in the boxes."""
    problems = problems_shown(rejected.problems) if rejected else []
    context = {**selectors.offices_page(framework=framework), "problems": problems,
               "summary": str(rejected) if rejected else "", "form": form or OfficesImportForm()}
    if typed:
        context["rows"] = [replace(row, offices=typed.get(row.code, row.offices)) for row in context["rows"]]
    return render(request, "frameworks/offices.html", context, status=422 if problems else 200)


@login_required
def offices_edit(request, key):
    """The office sets each criterion's responsible offices, all boxes at once or none."""
    selectors.ensure_may_edit_offices(request.user)
    framework = selectors.framework_get(key=key)
    if request.method != "POST":
        return _offices_page(request, framework)
    entries = [(None, name.removeprefix(OFFICES_FIELD), request.POST[name])
               for name in request.POST if name.startswith(OFFICES_FIELD)]
    try:
        offices = services.offices_read(framework=framework, entries=entries)
        changed = services.responsible_offices_set(framework=framework, offices=offices, by=request.user)
    except OfficesRejected as rejected:
        return _offices_page(request, framework, rejected=rejected, typed={code: text for _row, code, text in entries})
    messages.success(request, str(errors.OFFICES_SAVED % {"count": changed}))
    return redirect("frameworks:offices", key=framework.key)


@login_required
def offices_template(request, key):
    selectors.ensure_may_edit_offices(request.user)
    framework = selectors.framework_get(key=key)
    return xlsx_response(offices_template_xlsx(framework), f"don-vi-phu-trach-{framework.key}.xlsx")


@login_required
@require_POST
def offices_import(request, key):
    selectors.ensure_may_edit_offices(request.user)
    framework = selectors.framework_get(key=key)
    form = OfficesImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _offices_page(request, framework, rejected=OfficesRejected([errors.OFFICES_NO_FILE]), form=form)
    upload = form.cleaned_data["file"]
    try:
        changed = offices_import_xlsx(framework=framework, file=upload, by=request.user, reason=upload.name)
    except OfficesRejected as rejected:
        return _offices_page(request, framework, rejected=rejected, form=form)
    messages.success(request, str(errors.OFFICES_SAVED % {"count": changed}))
    return redirect("frameworks:offices", key=framework.key)
