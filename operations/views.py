from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST, require_safe

from .health import health_problems
from .jobs import KINDS, JobResultGone, get_job_for_user, job_result_open, job_retry


@never_cache
@require_GET
def healthz(request):
    """Liveness for the load balancer: ``ok`` after a round trip to the database (and Redis when jobs use it)."""
    problems = health_problems()
    if problems:
        return HttpResponse("\n".join(problems), status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def favicon(request):
    """Browsers and tools that ignore the pages' ``<link rel="icon">`` still ask ``/favicon.ico``: the static SVG.
    Not permanent: a permanent redirect would be cached with the static file's fingerprinted name of one release."""
    return redirect(static("favicon.svg"))


@login_required
def job_detail(request, job_pk):
    """The job's progress; htmx asks for the fragment again every second while the job is under way."""
    job = get_job_for_user(request.user, job_pk)
    return _job_page(request, job, "operations/_job.html" if request.htmx else "operations/job.html")


def _job_page(request, job, template, status=200):
    return render(request, template, {"job": job, "once": KINDS[job.kind].once}, status=status)


@never_cache
@login_required
def job_download(request, job_pk):
    """The job's file; once handed (a secret result) or cleaned away, 410 with the job's page saying when."""
    job = get_job_for_user(request.user, job_pk)
    try:
        file = job_result_open(job=job, by=request.user)
    except JobResultGone as gone:
        return _job_page(request, gone.job, "operations/job.html", status=410)
    return FileResponse(file, as_attachment=True, filename=job.result_name)


@require_POST
@login_required
def job_retry_view(request, job_pk):
    job = job_retry(job=get_job_for_user(request.user, job_pk))
    return redirect("operations:job", job.pk)
