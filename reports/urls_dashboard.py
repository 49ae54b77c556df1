from django.urls import path

from . import views_dashboard, views_history

app_name = "dashboard"
urlpatterns = [
    path("", views_dashboard.results_landing, name="index"),
    path("cac-nam-truoc/", views_history.history, name="history"),
    path("cac-nam-truoc/nhap/", views_history.history_upload, name="history_upload"),
    path("xep-hang-chung/", views_dashboard.ranking_across, name="ranking_across"),
    path("<int:period_pk>/", views_dashboard.dashboard, name="period"),
    path("<int:period_pk>/du-lieu/<slug:chart>.csv", views_dashboard.dashboard_data_csv, name="csv"),
]
