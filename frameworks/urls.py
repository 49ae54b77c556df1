from django.urls import path

from . import views

app_name = "frameworks"
urlpatterns = [
    path("", views.framework_list, name="list"),
    path("<slug:key>/", views.framework_detail, name="detail"),
    path("<slug:key>/so-sanh/", views.framework_diff, name="diff"),
    path("<slug:key>/don-vi-phu-trach/", views.offices_edit, name="offices"),
    path("<slug:key>/don-vi-phu-trach/excel/", views.offices_template, name="offices_template"),
    path("<slug:key>/don-vi-phu-trach/nhap/", views.offices_import, name="offices_import"),
]
