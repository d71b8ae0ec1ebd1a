from django.urls import path

from tracker.opendata import views

urlpatterns = [
    path("verschillen/", views.DiscrepancyListView.as_view(), name="opendata-discrepancies"),
    path("verschillen/<int:pk>/", views.DiscrepancyTakeView.as_view(), name="opendata-take"),
    path("register/", views.RegistryListView.as_view(), name="opendata-registry"),
]
