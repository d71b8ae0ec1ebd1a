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
    client, admin_user, tmp_path
):
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
    correction = Correction.objects.get(
        content_type=ContentType.objects.get_for_model(Commitment), object_id=meeting.pk, field="due_date", active=True
    )
    assert (correction.parser_value, correction.corrected_value, correction.parser_now) == (
        "2014-02-03",
        "2014-02-10",
        "2014-02-04",
    )
    assert not Commitment.objects.filter(sentence__contains=SECOND_TALK).exists()
    page = client.get(url).content.decode()
    assert "parser zegt nu <strong>2014-02-04</strong>" in page


# --- identity on what the paper says, corrections applied last (issue 16) -------------------------------

BELARUS_ANSWER_3 = "Ik kan de inhoud van het bericht niet bevestigen"


def _changed_copy(tmp_path, paper, old, new, name):
    text = paper.read_text(encoding="utf-8")
    assert old in text
    copy = tmp_path / name
    copy.write_text(text.replace(old, new), encoding="utf-8")
    return copy


def test_a_set_whose_submitted_date_staff_corrected_is_found_again_by_the_date_its_paper_prints(tmp_path, admin_user):
    """The answer paper has no Aanhangsel number of its own: its set is found by askers and the
    submitted date the paper prints (19 January), not by the date staff put on the set."""
    from tracker.domain.edits import correct
    from tracker.models import QuestionSet

    assert ingest(seed("002"))["stored"] == 1
    belarus = QuestionSet.objects.get()
    promises = sorted(Commitment.objects.values_list("sentence_hash", flat=True))
    assert belarus.submitted == dt.date(2021, 1, 19) and promises
    correct(
        belarus, {"submitted": dt.date(2021, 1, 18)}, by=admin_user, why="de Kamer registreerde de vragen op 18 januari"
    )

    changed = _changed_copy(
        tmp_path,
        seed("002"),
        BELARUS_ANSWER_3,
        "Ik kan de inhoud van dit bericht niet bevestigen",
        "belarus-antwoord-v2.txt",
    )
    assert ingest(changed) == {"stored": 0, "updated": 1, "unchanged": 0, "failed": []}

    belarus = QuestionSet.objects.get()  # one set, not a second one for the paper's date
    assert belarus.submitted == dt.date(2021, 1, 18)
    assert belarus.answer_due == dt.date(2021, 2, 8)  # three weeks from the staff's date
    assert belarus.answers.get(label="3").text.startswith("Ik kan de inhoud van dit bericht")
    assert sorted(Commitment.objects.values_list("sentence_hash", flat=True)) == promises
    correction = Correction.objects.get(
        content_type=ContentType.objects.get_for_model(QuestionSet),
        object_id=belarus.pk,
        field="submitted",
        active=True,
    )
    assert (correction.parser_value, correction.corrected_value, correction.parser_now) == (
        "2021-01-19",
        "2021-01-18",
        "2021-01-19",
    )


@pytest.mark.parametrize(
    "old, new",
    [
        ("Den Haag, 23 januari 2014", "Den Haag, 24 januari 2014"),  # elsewhere in the letter
        ("3 februari a.s.", "4 februari a.s."),  # in the promise itself: the parser's sentence changes too
    ],
    ids=["elsewhere", "in-the-promise"],
)
def test_a_sentence_staff_corrected_stays_one_live_commitment_when_the_paper_changes(tmp_path, admin_user, old, new):
    """The commitment keeps the key of the sentence the parser read, and a new version's sentence is
    compared with what the parser read before, not with the staff's wording; the staff's wording stands."""
    from tracker.domain.edits import correct
    from tracker.domain.identity import sentence_hash

    letter = seed("001")
    ingest(letter)
    live = Commitment.objects.filter(retired=False)
    before = live.count()
    meeting = live.get(sentence__contains=COC_MEETING)
    parser_sentence = meeting.sentence
    staff_sentence = (
        "Op 3 februari vindt een gesprek plaats tussen het COC, de Minister-President en de Minister van OCW."
    )
    correct(meeting, {"sentence": staff_sentence}, by=admin_user, why="de zin ingekort tot de toezegging")

    changed = _changed_copy(tmp_path, letter, old, new, "kst-32735-100-v2.txt")
    assert ingest(changed) == {"stored": 0, "updated": 1, "unchanged": 0, "failed": []}

    assert live.count() == before
    assert not live.filter(sentence__contains=COC_MEETING).exists()  # no second one with the parser's sentence
    meeting = Commitment.objects.get(pk=meeting.pk)
    assert (meeting.sentence, meeting.retired) == (staff_sentence, False)
    parser_now = parser_sentence.replace(old, new)
    assert meeting.sentence_hash == sentence_hash(parser_now)
    correction = Correction.objects.get(
        content_type=ContentType.objects.get_for_model(Commitment), object_id=meeting.pk, field="sentence", active=True
    )
    assert (correction.parser_value, correction.parser_now) == (parser_sentence, parser_now)
