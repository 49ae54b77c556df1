from django.urls import path

from . import views_dashboard

app_name = "dashboard"
urlpatterns = [
    path("", views_dashboard.results_landing, name="index"),
    path("xep-hang-chung/", views_dashboard.ranking_across, name="ranking_across"),
    path("<int:period_pk>/", views_dashboard.dashboard, name="period"),
    path("<int:period_pk>/du-lieu/<slug:chart>.csv", views_dashboard.dashboard_data_csv, name="csv"),
]
