from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import selectors
from .access import get_unit_for_user


@never_cache
@require_GET
def healthz(request):
    """Liveness for the load balancer: answers only after a round trip to the database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")


@login_required
def home(request):
    return render(request, "accounts/home.html", selectors.landing_for_user(user=request.user))


@login_required
def unit_detail(request, code):
    unit = get_unit_for_user(request.user, code)
    return render(request, "accounts/unit_detail.html", selectors.unit_overview(unit=unit))
