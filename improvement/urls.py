from django.urls import path

from . import views

app_name = "improvement"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<int:pk>/", views.plan_detail, name="plan"),
    path("<int:pk>/chi-tieu/", views.targets_save, name="targets_save"),
    path("<int:pk>/chi-tieu/nhap/", views.targets_import, name="targets_import"),
    path("<int:pk>/chenh-lech/", views.gap_page, name="gaps"),
]
