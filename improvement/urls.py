from django.urls import path

from . import views

app_name = "improvement"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("tao/", views.plan_create, name="create"),
    path("<int:pk>/", views.plan_detail, name="plan"),
    path("<int:pk>/chi-tieu/", views.targets_save, name="targets_save"),
    path("<int:pk>/chi-tieu/nhap/", views.targets_import, name="targets_import"),
    path("<int:pk>/chenh-lech/", views.gap_page, name="gaps"),
    path("<int:pk>/nhiem-vu/", views.task_add, name="task_add"),
    path("<int:pk>/nhiem-vu/<int:task_pk>/", views.task_update, name="task_update"),
    path("<int:pk>/nhiem-vu.pdf", views.tasks_pdf, name="tasks_pdf"),
    path("<int:pk>/nhiem-vu.xlsx", views.tasks_xlsx, name="tasks_xlsx"),
]
