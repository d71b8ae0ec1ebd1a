"""/feeds/: fixed addresses, so subscriptions survive redesigns (tracker/feeds/views.py)."""

from django.urls import path

from tracker.feeds import views

urlpatterns = [
    path("feeds/", views.FeedsView.as_view(), name="feeds"),
    path("feeds/deadlines.ics", views.deadlines, name="feeds-deadlines"),
    path("feeds/overdue.atom", views.overdue_atom, name="feeds-overdue"),
]
