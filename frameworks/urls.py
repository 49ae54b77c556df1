from django.urls import path

from . import views

app_name = "frameworks"
urlpatterns = [
    path("", views.framework_list, name="list"),
    path("<slug:key>/", views.framework_detail, name="detail"),
    path("<slug:key>/so-sanh/", views.framework_diff, name="diff"),
]
