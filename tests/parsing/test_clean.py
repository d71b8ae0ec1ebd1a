"""Page furniture, footnotes, broken words and white space (documents/parsing/clean.py)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from documents.parsing.clean import clean, clean_document
from documents.parsing.dossiers import canonical_or_as_written as canonical_dossier

from ._util import seed_text


def test_word_broken_at_line_end_is_rejoined():
    assert clean("de mensenrechtensi-\ntuatie in Tsjetsjenië") == "de mensenrechtensituatie in Tsjetsjenië"


def test_hyphen_before_a_capital_is_kept():
    assert clean("in de VN-\nMensenrechtenraad besproken") == "in de VN-Mensenrechtenraad besproken"


def test_hyphen_after_an_all_caps_abbreviation_is_kept():
    assert clean("in OVSE-\nverband aangekaart") == "in OVSE-verband aangekaart"


def test_hyphen_after_a_digit_is_kept():
    assert clean("de periode 2014-\n2017 en COVID-19-\nmaatregelen") == "de periode 2014-2017 en COVID-19-maatregelen"


def test_hyphen_before_en_keeps_its_space():
    assert clean("binnen-\nen buitenland") == "binnen-\nen buitenland"


def test_white_space_is_folded():
    assert clean("  Vraag   1 \t\n\n\n\nBent  u\u00a0bekend?  ") == "Vraag 1\n\nBent u bekend?"


def test_running_footer_of_a_kamerstuk_tells_dossier_number_and_year_and_goes():
    c = clean_document("eerste regel.\n\nTweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6\n\nvolgende regel.")
    assert c.meta == {"vergaderjaar": "2020-2021", "dossier": "26 150", "number": "187"}
    assert "Tweede Kamer" not in c.text


def test_aanhangsel_footer_and_publication_id_tell_the_number_and_go():
    page = (
        "Vraag 1\nBent u bekend met het bericht?\n \n"
        "ah-tk-20232024-1949\nISSN 0921 - 7398\n’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1\n"
        "\fAntwoord 1\nJa."
    )
    c = clean_document(page)
    assert c.meta["identifier"] == "ah-tk-20232024-1949"
    assert c.meta["number"] == "1949" and c.meta["vergaderjaar"] == "2023-2024"
    assert c.text == "Vraag 1\nBent u bekend met het bericht?\n\nAntwoord 1\nJa."


def test_first_page_heading_of_the_aanhangsel_is_dropped_and_read():
    head = (
        "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2023–2024 Aanhangsel van de Handelingen\n"
        "Vragen gesteld door de leden der Kamer, met de daarop door de\nregering gegeven antwoorden\n2271\n"
        "Vragen van het lid Westerveld (GroenLinks-PvdA) aan de Minister"
    )
    c = clean_document(head)
    assert c.text == "Vragen van het lid Westerveld (GroenLinks-PvdA) aan de Minister"
    assert c.meta["number"] == "2271" and c.meta["vergaderjaar"] == "2023-2024"


def test_page_header_aanhangsel_handelingen_is_dropped():
    c = clean_document("eerste zin loopt\nAanhangsel Handelingen II 2023/24, nr. 1949\ndoor op de volgende pagina.")
    assert c.text == "eerste zin loopt\ndoor op de volgende pagina."
    assert c.meta["vergaderjaar"] == "2023-2024" and c.meta["number"] == "1949"


def test_footnote_is_kept_apart_and_glued_marker_taken_off():
    text = (
        "Vraag 1\nBent u bereid dit te veroordelen?1\nMede namens Nederland heeft de EU2 daarom\n"
        "aandacht gevraagd.\n\n1 https://www.coc.nl/\n2 https://eeas.europa.eu/\n\fAntwoord 1\nJa."
    )
    c = clean_document(text)
    assert c.footnotes == {"1": "https://www.coc.nl/", "2": "https://eeas.europa.eu/"}
    assert "veroordelen?\n" in c.text and "de EU daarom" in c.text
    assert "https" not in c.text


def test_footnotes_of_seed_000_are_found():
    c = clean_document(seed_text("000_"))
    assert set(c.footnotes) == {"1", "2", "3"}
    assert "veroordelen?\n" in c.text and "de EU daarom" in c.text and "Coalition heeft" in c.text
    assert "Via\nTwitter heb ik" in c.text


def test_a_number_at_a_line_start_without_marker_is_no_footnote():
    text = "De Minister heeft 2 brieven gestuurd aan\n2 ambassades in de regio."
    assert clean(text) == text


def test_page_number_lines_are_dropped():
    assert clean("eerste\nPagina 2 van 5\ntweede") == "eerste\ntweede"


def test_dossiers_get_canonical_spacing():
    assert canonical_dossier("32735") == "32 735"
    assert canonical_dossier("21501-02") == "21 501-02"
    assert canonical_dossier("35300 V") == "35 300 V"


def test_seed_004_cleans_idempotently():
    once = clean(seed_text("004_"))
    assert clean(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_clean_never_raises_and_is_idempotent(text):
    once = clean(text)
    assert clean(once) == once


_parts = st.sampled_from(
    [
        "Vraag 1",
        "Antwoord 1",
        "1 https://x.nl",
        "EU2 daarom",
        "veroordelen?1",
        "mensen-",
        "rechten",
        "VN-",
        "Mensenrechtenraad",
        "\f",
        "",
        " ",
        "Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6",
        "ah-tk-20232024-1949",
        "2 miljoen",
        "en",
        "Pagina 1 van 2",
        "\u00ad",
        "\r\n",
        "A-",
        "1",
        "2",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_parts, max_size=30))
def test_clean_is_idempotent_on_paper_like_lines(parts):
    text = "\n".join(parts)
    once = clean(text)
    assert clean(once) == once
