from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("bo-chi-so/<slug:key>/pdf/", views.framework_pdf_view, name="framework_pdf"),
]
