"""The project's URLs plus one bare template page, the baseline of the dashboard benchmark."""
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns

_BARE = engines["django"].from_string("<!doctype html><title>{{ title }}</title><p>{{ title }}</p>")


def bare_page(request):
    return HttpResponse(_BARE.render({"title": "ParIndex"}, request))


urlpatterns = [path("bench/bare/", bare_page), *project_urlpatterns]
