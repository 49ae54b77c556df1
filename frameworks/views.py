from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import selectors


@login_required
def framework_list(request):
    return render(request, "frameworks/list.html", {"frameworks": selectors.framework_list()})


@login_required
def framework_detail(request, key):
    framework = selectors.framework_get(key=key)
    return render(request, "frameworks/detail.html", selectors.framework_tree(framework=framework))


@login_required
def framework_diff(request, key):
    new = selectors.framework_get(key=key)
    old = new.previous_version
    context = {"new": new, "old": old}
    if old is not None:
        context["diff"] = selectors.framework_diff(old=old, new=new)
    return render(request, "frameworks/diff.html", context)
