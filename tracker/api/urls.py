"""/api/v1/: fixed addresses, so scripts survive redesigns (tracker/api/views.py)."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from tracker.api.views import CommitmentViewSet, QuestionSetViewSet

router = DefaultRouter()
router.register("commitments", CommitmentViewSet, basename="api-commitment")
router.register("question-sets", QuestionSetViewSet, basename="api-questionset")

urlpatterns = [path("api/v1/", include(router.urls))]
