"""One ministry and one office, however a paper writes them."""

import pytest

from tracker.rules.posts import canonical_ministry, canonical_post, ministry_of_post


@pytest.mark.parametrize(
    ("written", "ministry"),
    [
        ("JenV", "Justitie en Veiligheid"),
        ("J&V", "Justitie en Veiligheid"),
        ("Volksgezondheid Welzijn en Sport", "Volksgezondheid, Welzijn en Sport"),
        ("volksgezondheid, welzijn en sport", "Volksgezondheid, Welzijn en Sport"),
        ("BZK", "Binnenlandse Zaken en Koninkrijksrelaties"),
        ("Financien", "Financiën"),
        ("Infrastructuur & Waterstaat", "Infrastructuur en Waterstaat"),
    ],
)
def test_a_ministry_written_short_or_without_commas_is_the_same_ministry(written, ministry):
    assert canonical_ministry(written) == ministry


def test_a_ministry_the_table_does_not_know_stays_as_written():
    assert canonical_ministry("Nieuwe  Zaken") == "Nieuwe Zaken"


def test_the_secretary_of_state_of_jenv_holds_the_office_of_justitie_en_veiligheid():
    # sample 1b650dd7 (2024): "Ten slotte zullen de Staatssecretaris van JenV en ikzelf …"
    assert canonical_post("Staatssecretaris van JenV") == "Staatssecretaris van Justitie en Veiligheid"
    assert ministry_of_post("Staatssecretaris van  JenV") == "Justitie en Veiligheid"


def test_a_minister_for_a_portfolio_sits_at_the_ministry_the_table_names():
    assert canonical_post("Minister voor Klimaat en Energie") == "Minister voor Klimaat en Energie"
    assert ministry_of_post("Minister voor Klimaat en Energie") == "Economische Zaken en Klimaat"
    assert ministry_of_post("Minister van Volksgezondheid Welzijn en Sport") == "Volksgezondheid, Welzijn en Sport"
