"""Naming a Nội vụ office in templates: ``{{ period.organiser|home_affairs_office }}`` where the page is about
an organiser's period (the signed-in user's own office is ``home_affairs_office`` in every page's context)."""
from django import template

from organizations import hierarchy

register = template.Library()


@register.filter
def home_affairs_office(unit):
    return hierarchy.home_affairs_office(unit)
