"""The what-if page on a unit's results: hypothetical scores and the cheapest path, nothing saved."""
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from assessments.selectors import get_assessment_for_user

from .forms import CHANGE_PREFIX, target_query, what_if_query
from .selectors_simulator import simulation_basis
from .simulator import MAX, SimulationError

# htmx asks for one part of the what-if page by its id: the hypothetical figures or the cheapest path.
WHAT_IF_PARTS = {"what-if-outcome": "reports/_what_if_outcome.html", "cheapest-path": "reports/_cheapest_path.html"}


@login_required
@require_GET
def what_if_view(request, assessment_pk):
    """Hypothetical scores and the cheapest path for whoever may read the unit's results; nothing is saved."""
    assessment = get_assessment_for_user(request.user, assessment_pk)
    basis = simulation_basis(assessment=assessment)
    context = {"assessment": assessment, "period": assessment.period, "unit": assessment.unit, "basis": basis}
    if basis is not None:
        query, target = what_if_query(request.GET, basis), target_query(request.GET)
        context.update(query=query, target=target, current=basis.what_if({}), outcome=basis.what_if(query.changes),
                       rows=basis.rows(query.typed))
        if target.given:
            try:
                path = basis.cheapest_path(rank=target.rank, index=target.index)
            except SimulationError as error:
                target.error = str(error)
            else:
                context.update(path=path, path_rows=[row for row in context["rows"] if row["node"].code in path.criteria],
                               path_query=urlencode({CHANGE_PREFIX + code: MAX for code in path.criteria}))
    partial = request.htmx and request.htmx.target in WHAT_IF_PARTS
    template = WHAT_IF_PARTS[request.htmx.target] if partial else "reports/what_if.html"
    return render(request, template, context)
