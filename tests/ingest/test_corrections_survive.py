"""A correction is never lost, not even when the paper is ingested again."""
import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from tests.admin_forms import change_form_data
from tests.conftest import seed
from tests.ingest.test_ingest import ingest
from tracker.models import Commitment, Correction

pytestmark = pytest.mark.django_db

COC_MEETING = "gesprek plaatsvinden tussen het COC"
SECOND_TALK = "Tijdens dat gesprek zal opnieuw aandacht worden gevraagd"


def test_a_corrected_due_date_and_a_deleted_false_find_survive_a_new_version_of_the_letter(
        client, admin_user, tmp_path):
    letter = seed("001")
    ingest(letter)
    meeting = Commitment.objects.get(sentence__contains=COC_MEETING)
    assert meeting.due_date == dt.date(2014, 2, 3)
    false_find = Commitment.objects.get(sentence__contains=SECOND_TALK)

    client.force_login(admin_user)
    url = f"/admin/tracker/commitment/{meeting.pk}/change/"
    assert client.post(url, change_form_data(client, url, due_date="2014-02-10")).status_code == 302
    delete_url = f"/admin/tracker/commitment/{false_find.pk}/delete/"
    assert client.post(delete_url, {"post": "yes"}).status_code == 302

    text = letter.read_text(encoding="utf-8")
    assert "3 februari a.s." in text
    new_version = tmp_path / "kst-32735-100-v2.txt"
    new_version.write_text(text.replace("3 februari a.s.", "4 februari a.s."), encoding="utf-8")
    assert ingest(new_version) == {"stored": 0, "updated": 1, "unchanged": 0, "failed": []}

    meeting = Commitment.objects.get(sentence__contains=COC_MEETING)
    assert meeting.due_date == dt.date(2014, 2, 10)  # the correction, not the parser's 4 February
    correction = Correction.objects.get(content_type=ContentType.objects.get_for_model(Commitment),
                                        object_id=meeting.pk, field="due_date", active=True)
    assert (correction.parser_value, correction.corrected_value, correction.parser_now) == (
        "2014-02-03", "2014-02-10", "2014-02-04")
    assert not Commitment.objects.filter(sentence__contains=SECOND_TALK).exists()
    page = client.get(url).content.decode()
    assert "parser zegt nu <strong>2014-02-04</strong>" in page
