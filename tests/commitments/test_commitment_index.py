"""The commitment list's search text and askers' parties are kept on the
commitment (tracker/domain/commitment_index.py) and follow every change of their
sources: the sentence, the subject of the set it answers, the askers' parties."""

import pytest
from django.urls import reverse

from tests.conftest import SAMPLES
from tests.factories import CommitmentFactory, DocumentFactory, PartyFactory, QuestionSetFactory
from tracker.domain import commitment_index
from tracker.models import Answer, Asker, Commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def promise_on_belarus():
    """A promise made in the answer to questions on Belarus asked by a PvdA member."""
    qs = QuestionSetFactory(subject="de verkiezingen in Belarus", askers=[("Ploumen", "PvdA")])
    doc = DocumentFactory()
    answer = Answer.objects.create(question_set=qs, document=doc, label="1", text="Ja.")
    return CommitmentFactory(sentence="Ik zal dit in de Raad aankaarten.", answer=answer, source_document=doc)


def found(client, query):
    response = client.get(reverse("commitment-list") + "?" + query)
    assert response.status_code == 200
    return [c.pk for c in response.context["object_list"]]


def test_a_promise_in_an_answer_is_found_by_its_sets_subject_and_its_askers_party(admin_client, promise_on_belarus):
    c = Commitment.objects.get(pk=promise_on_belarus.pk)
    assert "belarus" in c.search_text and "aankaarten" in c.search_text
    assert [p.name for p in c.asker_parties.all()] == ["PvdA"]
    assert found(admin_client, "q=belarus") == [c.pk]
    assert found(admin_client, f"party={PartyFactory(name='PvdA').pk}") == [c.pk]
    assert found(admin_client, f"party={PartyFactory(name='VVD').pk}") == []


def test_a_corrected_subject_moves_the_promise_to_the_new_words(admin_client, promise_on_belarus):
    qs = promise_on_belarus.answer.question_set
    qs.subject = "de verkiezingen in Wit-Rusland"  # saved through the ORM, as the admin and review pages do
    qs.save()
    assert found(admin_client, "q=rusland") == [promise_on_belarus.pk]
    assert found(admin_client, "q=belarus") == []


def test_an_askers_party_corrected_or_removed_changes_the_party_filter(admin_client, promise_on_belarus):
    pvda, gl = PartyFactory(name="PvdA"), PartyFactory(name="GroenLinks")
    asker = Asker.objects.get(question_set=promise_on_belarus.answer.question_set)
    asker.party = gl
    asker.save()
    assert found(admin_client, f"party={gl.pk}") == [promise_on_belarus.pk]
    assert found(admin_client, f"party={pvda.pk}") == []
    asker.delete()
    assert found(admin_client, f"party={gl.pk}") == []


def test_an_edited_sentence_is_searched_by_its_new_words(admin_client, promise_on_belarus):
    promise_on_belarus.sentence = "Ik zal dit in de Europese Raad bespreken."
    promise_on_belarus.save()
    assert found(admin_client, "q=bespreken") == [promise_on_belarus.pk]
    assert found(admin_client, "q=aankaarten") == []


def test_ingest_keeps_what_a_full_refresh_would_compute():
    """Ingest (tracker.ingest.run.store) writes in bulk (no signals) and refreshes once per paper:
    after the seeds are ingested, recomputing everything changes nothing."""
    from tracker.ingest.run import ingest_paths

    assert ingest_paths([SAMPLES]).to_json()["failed"] == []

    def snapshot():
        return {
            c.pk: (c.search_text, sorted(p.pk for p in c.asker_parties.all()))
            for c in Commitment.objects.prefetch_related("asker_parties")
        }

    stored = snapshot()
    assert stored and any(parties for _, parties in stored.values())
    assert all(text.strip() for text, _ in stored.values())
    commitment_index.refresh(everything=True)
    assert snapshot() == stored


def test_a_batch_refreshes_once_at_its_end_and_not_after_an_error(promise_on_belarus):
    c = promise_on_belarus
    with pytest.raises(RuntimeError), commitment_index.batch():
        Commitment.objects.filter(pk=c.pk).update(sentence="Ik zal iets anders doen.")
        commitment_index.touch(commitments=[c.pk])
        raise RuntimeError("the paper failed halfway")
    c.refresh_from_db()
    assert "aankaarten" in c.search_text  # not refreshed: the caller's transaction rolls back anyway
    with commitment_index.batch():
        commitment_index.touch(commitments=[c.pk])
        c.refresh_from_db()
        assert "aankaarten" in c.search_text  # not yet
    c.refresh_from_db()
    assert "anders" in c.search_text
