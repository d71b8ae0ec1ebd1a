"""Everything from a paper is escaped: in the lists, the detail pages and the highlight."""

import pytest
from django.urls import reverse

from tests.factories import CommitmentFactory, DocumentFactory
from tracker.review.highlight import in_paragraph

pytestmark = pytest.mark.django_db

EVIL = '<script>alert("x")</script>'


@pytest.fixture
def evil():
    text = f"Eerste alinea.\n\nIk zal {EVIL} de Kamer informeren. Nog een zin <b>vet</b>.\n\nLaatste alinea."
    doc = DocumentFactory(title=f"Brief {EVIL}", clean_text=text, parse_warnings=[f"rare tag {EVIL}"])
    return CommitmentFactory(source_document=doc, sentence=f"Ik zal {EVIL} de Kamer informeren.", deadline_text=EVIL)


def assert_escaped(html):
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_the_lists_escape(reviewer, evil):
    assert_escaped(reviewer.get(reverse("commitment-list")).content.decode())
    assert_escaped(reviewer.get(reverse("document-list")).content.decode())


def test_the_detail_pages_and_the_highlight_escape(reviewer, evil):
    html = reviewer.get(reverse("commitment-detail", args=[evil.pk])).content.decode()
    assert_escaped(html)
    assert "<b>vet</b>" not in html
    assert (
        "<mark>Ik zal &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; de Kamer informeren.</mark>"
        " Nog een zin &lt;b&gt;vet&lt;/b&gt;."
    ) in html
    assert "Eerste alinea" not in html  # only the sentence's own paragraph
    assert_escaped(reviewer.get(reverse("document-detail", args=[evil.source_document_id])).content.decode())


def test_the_highlight_finds_a_sentence_across_line_breaks_and_escapes_when_it_cannot():
    hit = in_paragraph(
        "Aanhef.\n\nIk zal de Kamer\nvoor de zomer informeren. Dank.", "Ik zal de Kamer voor de zomer informeren."
    )
    assert hit.found
    assert str(hit.html) == "<mark>Ik zal de Kamer\nvoor de zomer informeren.</mark> Dank."
    miss = in_paragraph("Iets anders.", "<i>Ik</i> zal")
    assert not miss.found
    assert str(miss.html) == "<mark>&lt;i&gt;Ik&lt;/i&gt; zal</mark>"
