"""The project's URLs plus two baselines of the dashboard benchmarks.

- a bare template page;
- the floor: the project's base template with the dashboard's ranked rows and heatmap cells, rendered
  from a context held in memory (``FLOOR_CONTEXT``, filled by the benchmark), so that it runs no
  queries beyond the session and the user.
"""
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns

_BARE = engines["django"].from_string("<!doctype html><title>{{ title }}</title><p>{{ title }}</p>")
_FLOOR = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}'
    '{% include "reports/_ranking.html" %}{% include "reports/_heatmap.html" %}{% endblock %}'
)
FLOOR_CONTEXT: dict = {}


def bare_page(request):
    return HttpResponse(_BARE.render({"title": "ParIndex"}, request))


def floor_page(request):
    return HttpResponse(_FLOOR.render(FLOOR_CONTEXT, request))


urlpatterns = [path("bench/bare/", bare_page), path("bench/floor/", floor_page), *project_urlpatterns]
