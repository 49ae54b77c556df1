from django.urls import path

from . import views_users

app_name = "accounts"
urlpatterns = [
    path("", views_users.user_list, name="list"),
    path("tao/", views_users.user_create, name="create"),
    path("nhap-excel/", views_users.user_import, name="import"),
    path("nhap-excel/mau.xlsx", views_users.user_import_template, name="import_template"),
    path("<int:pk>/", views_users.user_edit, name="edit"),
    path("<int:pk>/cap-lai-mat-khau/", views_users.user_reset_password, name="reset_password"),
    path("<int:pk>/dat-lai-xac-thuc-hai-buoc/", views_users.user_reset_two_factor, name="reset_two_factor"),
]
