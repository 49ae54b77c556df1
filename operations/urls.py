from django.urls import path

from . import views

app_name = "operations"
urlpatterns = [
    path("<int:job_pk>/", views.job_detail, name="job"),
    path("<int:job_pk>/tai-ve/", views.job_download, name="job_download"),
    path("<int:job_pk>/chay-lai/", views.job_retry_view, name="job_retry"),
]
