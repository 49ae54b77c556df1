from django.urls import path

from . import views

app_name = "contributors"
urlpatterns = [
    path("<int:pk>/phan-cong/", views.assignments_page, name="assignments"),
    path("<int:pk>/phan-cong/theo-co-quan-chu-tri/", views.assignments_prefill, name="prefill"),
    path("<int:pk>/phan-cong/<int:contributor_pk>/", views.assignments_edit, name="assign"),
    path("<int:pk>/tieu-chi/<str:code>/xem-xet/", views.review, name="review"),
]
