from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .health import health_problems
from .jobs import get_job_for_user, job_retry


@never_cache
@require_GET
def healthz(request):
    """Liveness for the load balancer: ``ok`` after a round trip to the database (and Redis when jobs use it)."""
    problems = health_problems()
    if problems:
        return HttpResponse("\n".join(problems), status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@login_required
def job_detail(request, job_pk):
    """The job's progress; htmx asks for the fragment again every second while the job is under way."""
    job = get_job_for_user(request.user, job_pk)
    template = "operations/_job.html" if request.htmx else "operations/job.html"
    return render(request, template, {"job": job})


@login_required
def job_download(request, job_pk):
    job = get_job_for_user(request.user, job_pk)
    if not job.result:
        raise Http404
    return FileResponse(job.result.open("rb"), as_attachment=True, filename=job.result_name)


@require_POST
@login_required
def job_retry_view(request, job_pk):
    job = job_retry(job=get_job_for_user(request.user, job_pk))
    return redirect("operations:job", job.pk)
