from django.urls import path

from . import views_periods

app_name = "periods"
urlpatterns = [
    path("", views_periods.period_list, name="list"),
    path("mo/", views_periods.period_open, name="open"),
    path("<int:period_pk>/tien-do/", views_periods.period_progress, name="progress"),
    path("<int:period_pk>/nhac-nop/", views_periods.period_remind, name="remind"),
    path("<int:period_pk>/bat-dau-tham-dinh/", views_periods.period_start_appraisal, name="start_appraisal"),
]
