"""Which ministry a post without "van <ministerie>" in its title belongs to.

Source: the cabinets Rutte I–IV and Schoof (rijksoverheid.nl, "Kabinet"):
ministers "voor" a portfolio sit at a ministry of another name. Staff correct
an office's ministry in the admin; this only fills it in when a post is new.
"""
POST_MINISTRY = {
    "minister voor buitenlandse handel en ontwikkelingssamenwerking": "Buitenlandse Zaken",
    "minister voor ontwikkelingssamenwerking": "Buitenlandse Zaken",
    "minister voor europese zaken": "Buitenlandse Zaken",
    "minister voor medische zorg": "Volksgezondheid, Welzijn en Sport",
    "minister voor medische zorg en sport": "Volksgezondheid, Welzijn en Sport",
    "minister voor langdurige zorg en sport": "Volksgezondheid, Welzijn en Sport",
    "minister voor rechtsbescherming": "Justitie en Veiligheid",
    "minister voor migratie": "Justitie en Veiligheid",
    "minister voor asiel en migratie": "Asiel en Migratie",
    "minister voor basis- en voortgezet onderwijs en media": "Onderwijs, Cultuur en Wetenschap",
    "minister voor primair en voortgezet onderwijs": "Onderwijs, Cultuur en Wetenschap",
    "minister voor klimaat en energie": "Economische Zaken en Klimaat",
    "minister voor klimaat en groene groei": "Klimaat en Groene Groei",
    "minister voor natuur en stikstof": "Landbouw, Natuur en Voedselkwaliteit",
    "minister voor volkshuisvesting en ruimtelijke ordening": "Binnenlandse Zaken en Koninkrijksrelaties",
    "minister voor wonen en rijksdienst": "Binnenlandse Zaken en Koninkrijksrelaties",
    "minister voor armoedebeleid, participatie en pensioenen": "Sociale Zaken en Werkgelegenheid",
    "minister voor volkshuisvesting": "Volkshuisvesting en Ruimtelijke Ordening",
    "minister-president": "Algemene Zaken",
}


def ministry_for_post(title: str):
    return POST_MINISTRY.get((title or "").strip().lower())
