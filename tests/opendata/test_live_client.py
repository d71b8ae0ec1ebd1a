"""The live client path (no network: respx answers in place of the Gegevensmagazijn,
from the project's recording): retries, back-off, offline, lengths, resuming."""

import httpx
import pytest
import respx
from django.core.management import CommandError, call_command

from tracker.models import FeedPosition, OpenDataDocument, OpenDataZaak, Postponement, QuestionSet
from tracker.opendata.client import Client, OpenDataError
from tracker.opendata.replay import FolderTransport

from .conftest import RECORDING, day, question_set, sync_json

pytestmark = pytest.mark.django_db
API = "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0"
NOTICE = "7c000000-0000-4000-8000-000000000003"  # Dobbe's "Mededeling (uitstel antwoord)"


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    settings.OPENDATA_SYNCFEED_URL = API
    settings.OPENDATA_PAUSE_SECONDS = 0
    settings.OPENDATA_BACKOFF_SECONDS = 0
    settings.OPENDATA_RETRIES = 2


recorded = FolderTransport(RECORDING).handle_request


@respx.mock
def test_the_live_client_reads_the_feed_page_by_page_and_names_the_project():
    api = respx.route(host="gegevensmagazijn.tweedekamer.nl").mock(side_effect=recorded)
    assert sync_json()["errors"] == []
    asked = [str(call.request.url) for call in api.calls]
    assert f"{API}/Feed?category=Zaak" in asked
    assert f"{API}/Feed?skiptoken=18100005&category=Zaak" in asked, "followed rel=next"
    assert f"{API}/Resources/{NOTICE}" in asked
    assert all(call.request.headers["User-Agent"].startswith("kamervragen-tracker/") for call in api.calls)
    assert QuestionSet.objects.count() == 4
    assert question_set("dobbe").postponed_on == day("2024-03-27")


@respx.mock
def test_offline_the_sync_fails_with_one_clear_line_and_stores_nothing():
    api = respx.route(host="gegevensmagazijn.tweedekamer.nl").mock(
        side_effect=httpx.ConnectError("[Errno -3] Temporary failure in name resolution")
    )
    with pytest.raises(CommandError) as failed:
        call_command("sync_opendata")
    message = str(failed.value)
    assert "\n" not in message
    assert message.startswith(f"sync_opendata gestopt: open data niet bereikbaar: {API}/Feed?category=Zaak")
    assert "na 3 pogingen" in message, "two retries after the first try"
    assert api.call_count == 3
    assert not OpenDataZaak.objects.exists() and not QuestionSet.objects.exists()
    assert not FeedPosition.objects.exclude(skiptoken="").exists()


@respx.mock
def test_offline_with_json_the_last_line_names_the_address():
    respx.route(host="gegevensmagazijn.tweedekamer.nl").mock(side_effect=httpx.ConnectTimeout("timed out"))
    import io
    import json

    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("sync_opendata", "--json", stdout=out)
    report = json.loads(out.getvalue().strip().splitlines()[-1])
    assert (report["created"], report["updated"]) == (0, 0)
    [error] = report["errors"]
    assert error["source"] == f"{API}/Feed?category=Zaak" and "ConnectTimeout" in error["error"]


@respx.mock
def test_a_connection_lost_midway_keeps_the_committed_page_and_the_next_run_resumes_after_it():
    def page_two_unreachable(request):
        if request.url.params.get("skiptoken") == "18100005":
            raise httpx.ReadTimeout("read timed out")
        return recorded(request)

    api = respx.route(host="gegevensmagazijn.tweedekamer.nl").mock(side_effect=page_two_unreachable)
    with pytest.raises(CommandError):
        call_command("sync_opendata")
    # the first page is committed with its position, nothing of the second
    assert FeedPosition.objects.get(category="Zaak").skiptoken == "18100005"
    assert sorted(OpenDataZaak.objects.values_list("number", flat=True)) == ["2024Z04101", "2024Z04250", "2024Z04399"]
    api.side_effect = recorded
    tried = api.call_count
    assert sync_json()["errors"] == []
    zaak_pages = [str(c.request.url) for c in api.calls[tried:] if c.request.url.params.get("category") == "Zaak"]
    assert zaak_pages == [f"{API}/Feed?skiptoken=18100005&category=Zaak"], "resumed at the page it did not get"
    assert QuestionSet.objects.count() == 4


@respx.mock
def test_a_download_shorter_than_stated_is_refused_and_fetched_again_next_run():
    def truncated_notice(request):
        response = recorded(request)
        if request.url.path.endswith(NOTICE):
            return httpx.Response(200, content=response.content[:100], request=request)
        return response

    api = respx.route(host="gegevensmagazijn.tweedekamer.nl").mock(side_effect=truncated_notice)
    report = sync_json_allowing_errors()
    [error] = report["errors"]
    assert error["source"] == f"{API}/Resources/{NOTICE}"
    assert "100 bytes ontvangen" in error["error"]
    notice = OpenDataDocument.objects.get(guid=NOTICE)
    assert notice.paper == "" and notice.document is None, "left to fetch"
    # the open data alone says the answer was postponed: 42 days
    dobbe = question_set("dobbe")
    assert dobbe.postponed_on == day("2024-03-27") and dobbe.answer_due == day("2024-04-18")
    assert not Postponement.objects.filter(question_set=dobbe).exists()
    api.side_effect = recorded
    assert sync_json()["errors"] == []
    assert Postponement.objects.filter(question_set=question_set("dobbe")).count() == 1
    assert QuestionSet.objects.count() == 4


def sync_json_allowing_errors() -> dict:
    import io
    import json

    out = io.StringIO()
    with pytest.raises(CommandError, match="1 fout"):
        call_command("sync_opendata", "--json", stdout=out)
    return json.loads(out.getvalue().strip().splitlines()[-1])


@respx.mock
def test_server_errors_are_retried_with_a_doubling_back_off_and_retry_after_is_honoured():
    url = f"{API}/Feed?category=Toezegging"
    respx.get(url).mock(
        side_effect=[
            httpx.Response(503),
            httpx.Response(429, headers={"Retry-After": "7"}),
            httpx.Response(503),
            recorded,
        ]
    )
    waits = []
    client = Client(feed_url=API, pause=0, retries=3, backoff=1, sleep=waits.append)
    assert len(client.page(url).entries) == 7
    assert waits == [1, 7, 4]


@respx.mock
def test_a_page_that_is_no_feed_is_refused_naming_its_address():
    respx.get(f"{API}/Feed?category=Zaak").mock(return_value=httpx.Response(200, html="<html>onderhoud</html>"))
    client = Client(feed_url=API, pause=0, retries=0)
    with pytest.raises(OpenDataError, match=r"Feed\?category=Zaak: geen Atom-feed maar <html>"):
        client.page(f"{API}/Feed?category=Zaak")
