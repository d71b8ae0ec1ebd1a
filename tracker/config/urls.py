from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from tracker.digests.unsubscribe import unsubscribe
from tracker.review import files, fulltext, my_work, trends, views

urlpatterns = [
    path("admin/", admin.site.urls),
    # browsers ask for /favicon.ico on pages without a <link rel="icon"> (the admin's)
    path("favicon.ico", files.favicon),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("digests/unsubscribe/<str:token>/", unsubscribe, name="digest-unsubscribe"),
    path("", views.HomeView.as_view(), name="home"),
    # the review pages (tracker/review/views.py)
    path("commitments/", views.CommitmentListView.as_view(), name="commitment-list"),
    path("commitments/<int:pk>/", views.CommitmentDetailView.as_view(), name="commitment-detail"),
    path("commitments/<int:pk>/status/", views.CommitmentStatusView.as_view(), name="commitment-status"),
    path("commitments/<int:pk>/redate/", views.CommitmentRedateView.as_view(), name="commitment-redate"),
    path("commitments/<int:pk>/confirm/", views.CommitmentConfirmView.as_view(), name="commitment-confirm"),
    path("commitments/<int:pk>/suggestion/", views.SuggestionDecideView.as_view(), name="commitment-suggestion"),
    path("questions/", views.QuestionSetListView.as_view(), name="questionset-list"),
    path("questions/<int:pk>/", views.QuestionSetDetailView.as_view(), name="questionset-detail"),
    path("documents/", views.DocumentListView.as_view(), name="document-list"),
    path("documents/upload/", views.UploadView.as_view(), name="document-upload"),
    path("documents/upload/<int:pk>/", views.UploadResultView.as_view(), name="upload-result"),
    path("documents/<int:pk>/", views.DocumentDetailView.as_view(), name="document-detail"),
    path("documents/<int:pk>/bestand/", files.source_file, name="document-file"),
    path("search/", fulltext.SearchView.as_view(), name="search"),
    path("mijn-werk/", my_work.MyWorkView.as_view(), name="my-work"),
    path("stats/", views.StatsView.as_view(), name="stats"),
    path("stats/trends/", trends.TrendsView.as_view(), name="stats-trends"),
    path("digests/preview/", views.DigestPreviewView.as_view(), name="digest-preview"),
    path("opendata/", include("tracker.opendata.urls")),
    path("", include("tracker.feeds.urls")),  # /feeds/: calendar, Atom, the feed key
    path("", include("tracker.api.urls")),  # /api/v1/: the read-only JSON API
]
