"""The lists: filters in the query string, search, sorting, CSV export."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    CommitmentFactory,
    DocumentFactory,
    MinistryFactory,
    OfficeFactory,
    PartyFactory,
    PersonFactory,
    QuestionSetFactory,
)
from tracker.models import Answer, MinisterRole

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = dt.timedelta(days=1)


def rows(client, url):
    """The ids of the commitments / sets on the page."""
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return sorted(o.pk for o in response.context["object_list"])


def ordered(client, url):
    """The ids of the records on the page, in the page's order."""
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return [o.pk for o in response.context["object_list"]]


def csv_rows(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


# ---------------------------------------------------------------- commitments


def test_q_finds_words_and_word_beginnings_case_and_accent_insensitively(reviewer):
    video = CommitmentFactory(sentence="Ik zal zelf via een Videoboodschap deelnemen.")
    chechnya = CommitmentFactory(sentence="Ik zal de situatie in Tsjetsjenië aankaarten.")
    CommitmentFactory(sentence="Ik zal uw Kamer informeren.")
    url = reverse("commitment-list")
    assert rows(reviewer, url + "?q=videoboodschap") == [video.pk]
    assert rows(reviewer, url + "?q=VIDEO") == [video.pk]
    assert rows(reviewer, url + "?q=boodschap") == []  # a word's middle is not a word's beginning
    assert rows(reviewer, url + "?q=tsjetsjeni") == [chechnya.pk]
    assert rows(reviewer, url + "?q=Tsjetsjenië") == [chechnya.pk]
    assert rows(reviewer, url + "?q=zal+tsjetsj") == [chechnya.pk]  # every word must match
    assert rows(reviewer, url + "?q=ik") == sorted([video.pk, chechnya.pk, video.pk + 2])
    assert rows(reviewer, url + "?q=%25") == sorted([video.pk, chechnya.pk, video.pk + 2])  # no words: no filter


def test_q_also_searches_the_subject_of_the_question_set(reviewer):
    qs = QuestionSetFactory(subject="het vervolgen van LHBTI’s in Tsjetsjenië")
    doc = DocumentFactory()
    answer = Answer.objects.create(question_set=qs, document=doc, label="1", text="…")
    c = CommitmentFactory(sentence="Ik zal dit opbrengen.", answer=answer, source_document=doc)
    CommitmentFactory(sentence="Ik zal dit ook opbrengen.")
    assert rows(reviewer, reverse("commitment-list") + "?q=lhbti") == [c.pk]


def test_the_commitments_list_opens_on_what_needs_action(reviewer):
    later = CommitmentFactory(due_date=TODAY + 30 * DAY, confidence=0.9)
    soon = CommitmentFactory(due_date=TODAY + 2 * DAY, confidence=0.9)
    late = CommitmentFactory(due_date=TODAY - 3 * DAY, confidence=0.9)
    unsure = CommitmentFactory(confidence=0.5)
    undated = CommitmentFactory(confidence=0.9)
    CommitmentFactory(status="fulfilled", closed_on=TODAY, due_date=TODAY - 9 * DAY)
    # overdue first, then due soonest, then awaiting confirmation, then the other open ones
    assert ordered(reviewer, reverse("commitment-list")) == [late.pk, soon.pk, later.pk, unsure.pk, undated.pk]
    assert ordered(reviewer, reverse("commitment-list") + "?page=1") == [
        late.pk,
        soon.pk,
        later.pk,
        unsure.pk,
        undated.pk,
    ]
    page = reviewer.get(reverse("commitment-list")).content.decode()
    assert '<option value="action" selected>' in page


def test_the_questions_list_opens_on_the_unanswered_sets_overdue_first(reviewer):
    from tests.factories import QuestionSetFactory

    answered = QuestionSetFactory(submitted=TODAY - 60 * DAY, received=TODAY - 30 * DAY)
    overdue = QuestionSetFactory(submitted=TODAY - 40 * DAY)
    due = QuestionSetFactory(submitted=TODAY - 5 * DAY)
    assert ordered(reviewer, reverse("questionset-list")) == [overdue.pk, due.pk]
    assert answered.pk in rows(reviewer, reverse("questionset-list") + "?status=")


def test_status_filters_ask_the_querysets(reviewer):
    open_ = CommitmentFactory(due_date=TODAY + 30 * DAY, confidence=0.9)
    late = CommitmentFactory(due_date=TODAY - 3 * DAY, confidence=0.9)
    unsure = CommitmentFactory(confidence=0.5)
    done = CommitmentFactory(status="fulfilled", closed_on=TODAY)
    part = CommitmentFactory(status="partially_fulfilled", closed_on=TODAY)
    lapsed = CommitmentFactory(status="lapsed", closed_on=TODAY, lapsed_reason="x")
    CommitmentFactory(retired=True)
    url = reverse("commitment-list") + "?status="
    assert rows(reviewer, url + "open") == [open_.pk, late.pk, unsure.pk]
    assert rows(reviewer, url + "overdue") == [late.pk]
    assert rows(reviewer, url + "to_confirm") == [unsure.pk]
    assert rows(reviewer, url + "fulfilled") == [done.pk]
    assert rows(reviewer, url + "partially_fulfilled") == [part.pk]
    assert rows(reviewer, url + "lapsed") == [lapsed.pk]
    assert len(rows(reviewer, url)) == 6  # "Alle"; retired ones never
    assert rows(reviewer, url + "nonsense") == []  # strict: an invalid filter shows nothing
    html = reviewer.get(url + "overdue").content.decode()
    assert "3 dagen te laat" in html


def test_ministry_office_minister_party_dossier_and_deadline_filters(reviewer):
    bz = OfficeFactory(title="Minister van Buitenlandse Zaken", ministry=MinistryFactory(name="Buitenlandse Zaken"))
    jv = OfficeFactory(
        title="Minister van Justitie en Veiligheid", ministry=MinistryFactory(name="Justitie en Veiligheid")
    )
    letter = DocumentFactory(kind="letter", dossier="32 735", number="312")
    a = CommitmentFactory(actor_office=bz, source_document=letter, due_date=dt.date(2021, 6, 1))
    b = CommitmentFactory(actor_office=jv, due_date=dt.date(2021, 12, 1))
    c = CommitmentFactory(actor_office=jv, due_date=None)
    blok = PersonFactory(name="Blok")
    MinisterRole.objects.create(document=letter, person=blok, office=bz, role="signatory")
    qs = QuestionSetFactory(askers=[("Ploumen", "PvdA")])
    Answer.objects.create(question_set=qs, document=b.source_document, label="1", text="…")
    b.answer = qs.answers.get()
    b.save()
    url = reverse("commitment-list")
    assert rows(reviewer, f"{url}?ministry={bz.ministry_id}") == [a.pk]
    assert rows(reviewer, f"{url}?office={jv.pk}") == [b.pk, c.pk]
    assert rows(reviewer, f"{url}?minister={blok.pk}") == [a.pk]
    assert rows(reviewer, f"{url}?party={PartyFactory(name='PvdA').pk}") == [b.pk]
    assert rows(reviewer, f"{url}?dossier=32735") == [a.pk]
    assert rows(reviewer, f"{url}?dossier=32+735") == [a.pk]
    assert rows(reviewer, f"{url}?has_deadline=true") == [a.pk, b.pk]
    assert rows(reviewer, f"{url}?has_deadline=false") == [c.pk]
    assert rows(reviewer, f"{url}?due_from=2021-07-01") == [b.pk]
    assert rows(reviewer, f"{url}?due_from=2021-01-01&due_to=2021-06-30") == [a.pk]


def test_sorting_and_pagination_keep_the_filters(reviewer):
    for i in range(30):
        CommitmentFactory(due_date=dt.date(2021, 1, 1) + i * DAY, sentence=f"Ik zal rapport {i} sturen.")
    url = reverse("commitment-list")
    response = reviewer.get(url + "?q=rapport&sort=-due")
    objects = list(response.context["object_list"])
    assert len(objects) == 25
    assert objects[0].due_date == dt.date(2021, 1, 30)
    html = response.content.decode()
    assert "?q=rapport&amp;sort=-due&amp;page=2" in html
    assert 'aria-sort="descending"' in html
    page2 = reviewer.get(url + "?q=rapport&sort=-due&page=2")
    assert len(page2.context["object_list"]) == 5


def test_csv_export_of_the_filtered_rows_for_dutch_excel(reviewer):
    CommitmentFactory(
        sentence="Ik zal via een videoboodschap; interveniëren.", due_date=dt.date(2021, 3, 8), deadline_text="in maart"
    )
    CommitmentFactory(sentence="Ik zal iets anders doen.")
    response = reviewer.get(reverse("commitment-list") + "?q=videoboodschap&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    table = csv_rows(response)
    assert table[0][:3] == ["id", "toezegging", "status"]
    assert len(table) == 2
    row = dict(zip(table[0], table[1]))
    assert row["toezegging"] == "Ik zal via een videoboodschap; interveniëren."
    assert row["uiterlijk"] == "08-03-2021"
    assert row["status"] == "Openstaand"
    assert row["ministerie"] == "Buitenlandse Zaken"


# ---------------------------------------------------------------- question sets


@pytest.fixture
def sets():
    bz = OfficeFactory(title="Minister van Buitenlandse Zaken")
    bhos = OfficeFactory(title="Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking")
    jv = OfficeFactory(
        title="Minister van Justitie en Veiligheid", ministry=MinistryFactory(name="Justitie en Veiligheid")
    )
    chechnya = QuestionSetFactory(
        subject="het vervolgen, martelen en vermoorden van LHBTI’s in Tsjetsjenië",
        submitted=dt.date(2019, 1, 22),
        received=dt.date(2019, 2, 15),
        askers=[("Van den Hul", "PvdA"), ("Ploumen", "PvdA")],
        offices=[bz, bhos],
    )
    belarus = QuestionSetFactory(
        subject="de ontwikkelingen in Belarus",
        submitted=dt.date(2021, 1, 19),
        received=dt.date(2021, 3, 8),
        askers=[("Ploumen", "PvdA")],
        offices=[bz],
    )
    open_late = QuestionSetFactory(
        subject="gevangenissen", submitted=TODAY - 30 * DAY, askers=[("Kamerlid X", "VVD")], offices=[jv]
    )
    fresh = QuestionSetFactory(subject="nieuw", submitted=TODAY - 2 * DAY, offices=[jv])
    return {"chechnya": chechnya, "belarus": belarus, "open_late": open_late, "fresh": fresh, "jv": jv}


def test_questions_q_tsjetsjeni_finds_only_the_chechnya_set(reviewer, sets):
    assert rows(reviewer, reverse("questionset-list") + "?q=Tsjetsjeni") == [sets["chechnya"].pk]
    assert rows(reviewer, reverse("questionset-list") + "?q=hul") == [sets["chechnya"].pk]  # an asker's name


def test_question_filters(reviewer, sets):
    url = reverse("questionset-list")
    assert rows(reviewer, url + "?status=overdue") == [sets["open_late"].pk]
    assert rows(reviewer, url + "?status=answered_late") == [sets["chechnya"].pk, sets["belarus"].pk]
    assert rows(reviewer, url + "?status=open") == [sets["open_late"].pk, sets["fresh"].pk]
    jv = sets["jv"]
    assert rows(reviewer, f"{url}?ministry={jv.ministry_id}") == [sets["open_late"].pk, sets["fresh"].pk]
    assert rows(reviewer, f"{url}?office={jv.pk}") == [sets["open_late"].pk, sets["fresh"].pk]
    assert rows(reviewer, f"{url}?party={PartyFactory(name='PvdA').pk}") == [sets["chechnya"].pk, sets["belarus"].pk]
    assert rows(reviewer, f"{url}?submitted_from=2019-01-01&submitted_to=2019-12-31") == [sets["chechnya"].pk]


def test_days_overdue_are_shown(reviewer, sets):
    html = reviewer.get(reverse("questionset-list") + "?status=overdue").content.decode()
    assert '<span class="badge late">9 (nu)</span>' in html  # 30 days after submission, due after 21


def test_questions_csv(reviewer, sets):
    response = reviewer.get(reverse("questionset-list") + "?q=belarus&format=csv")
    table = csv_rows(response)
    assert len(table) == 2
    row = dict(zip(table[0], table[1]))
    assert row["ingezonden"] == "19-01-2021"
    assert row["vraagstellers"] == "Ploumen (PvdA)"
    assert row["dagen te laat beantwoord"] == "27"  # due 9 February, received 8 March


def test_question_detail_side_by_side_with_postponement_and_timeline(reviewer, sets):
    from tracker.models import Postponement, Question

    qs = sets["belarus"]
    q = Question.objects.create(question_set=qs, label="1", position=1, text="Bent u bekend met het bericht?")
    doc = DocumentFactory()
    a = Answer.objects.create(question_set=qs, document=doc, label="1", text="Ja.")
    a.questions.add(q)
    notice = DocumentFactory(kind="notice", date=dt.date(2021, 2, 8))
    Postponement.objects.create(question_set=qs, document=notice, date=dt.date(2021, 2, 8))
    html = reviewer.get(reverse("questionset-detail", args=[qs.pk])).content.decode()
    assert "Bent u bekend met het bericht?" in html and "Ja." in html
    assert "Uitstel gemeld" in html
    timeline = html[html.index('id="tl-h"') :]
    assert timeline.index("Vragen ingezonden") < timeline.index("Uitstel gemeld") < timeline.index("Antwoord ontvangen")


# ---------------------------------------------------------------- documents


def test_documents_list_and_detail_show_parse_warnings(reviewer):
    d = DocumentFactory(title="Brief over Belarus", parse_warnings=["geen datum gevonden"], clean_text="Tekst.")
    DocumentFactory(title="Iets anders")
    assert rows(reviewer, reverse("document-list") + "?q=belarus") == [d.pk]
    html = reviewer.get(reverse("document-detail", args=[d.pk])).content.decode()
    assert "geen datum gevonden" in html


def test_a_browser_asking_for_english_still_gets_dutch(reviewer):
    page = reviewer.get(reverse("commitment-list") + "?due_from=gisteren", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    html = page.content.decode()
    assert "Enter a valid date" not in html
    assert "Voer een geldige datum in" in html
    assert "(aflopend)" in reviewer.get(reverse("commitment-list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
