"""Sentence splitting of parliamentary prose (documents.parsing.extract.sentences)."""

from documents.parsing.extract.sentences import flatten, sentences


def test_abbreviations_do_not_end_a_sentence():
    text = (
        "Zo sprak ik o.a. met hen d.d. 14 januari jl. over Rusland. De motie (Kamerstuk 32 735, nr. 312) "
        "vraagt bijv. om meer. Ook de heer S.A. Blok en F.C.G.M. Timmermans waren er."
    )
    assert sentences(text) == [
        "Zo sprak ik o.a. met hen d.d. 14 januari jl. over Rusland.",
        "De motie (Kamerstuk 32 735, nr. 312) vraagt bijv. om meer.",
        "Ook de heer S.A. Blok en F.C.G.M. Timmermans waren er.",
    ]


def test_as_and_jl_end_a_sentence_before_a_capital():
    assert sentences("Dit spoeddebat zal op 18 september a.s. plaatsvinden. Het kabinet is er.") == [
        "Dit spoeddebat zal op 18 september a.s. plaatsvinden.",
        "Het kabinet is er.",
    ]
    assert sentences("Het debat van 14 januari jl. Het kabinet zal spreken.") == [
        "Het debat van 14 januari jl.",
        "Het kabinet zal spreken.",
    ]


def test_broken_words_are_rejoined_and_hyphenated_names_kept():
    assert (
        flatten("de mensenrechtensi-\ntuatie in de VN-\nMensenrechtenraad")
        == "de mensenrechtensituatie in de VN-Mensenrechtenraad"
    )


def test_question_marks_end_sentences():
    assert sentences("Bent u bekend met het bericht? Bent u bereid dit te veroordelen?") == [
        "Bent u bekend met het bericht?",
        "Bent u bereid dit te veroordelen?",
    ]


def test_a_page_break_inside_a_sentence_is_joined():
    assert sentences("Dit is zo. Via\n\n Twitter heb ik dit gedeeld.") == [
        "Dit is zo.",
        "Via Twitter heb ik dit gedeeld.",
    ]


def test_a_footnote_mark_after_the_stop():
    assert sentences("door veelal westerse landen.14 Gaat de Minister zich inzetten?") == [
        "door veelal westerse landen.14",
        "Gaat de Minister zich inzetten?",
    ]
