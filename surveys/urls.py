from django.urls import path

from . import views

app_name = "surveys"
urlpatterns = [
    path("ky/<int:period_pk>/", views.survey_points_save, name="save"),
    path("ky/<int:period_pk>/thiet-ke/", views.survey_design_upload, name="design"),
    path("ky/<int:period_pk>/phieu/", views.survey_responses_upload, name="responses"),
    path("don-vi/<int:pk>/", views.unit_survey_page, name="unit"),
]
