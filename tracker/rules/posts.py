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


# The ministries by their full names (rijksoverheid.nl, "Ministeries", and the cabinets' earlier
# names), with the abbreviations papers use for them ("de Staatssecretaris van JenV").
MINISTRIES = {
    "Algemene Zaken": ("AZ",),
    "Asiel en Migratie": ("AenM", "A&M"),
    "Binnenlandse Zaken en Koninkrijksrelaties": ("BZK",),
    "Buitenlandse Zaken": ("BZ", "BuZa"),
    "Defensie": ("Def", "DEF"),
    "Economische Zaken": ("EZ",),
    "Economische Zaken en Klimaat": ("EZK",),
    "Financiën": ("Fin", "FIN"),
    "Infrastructuur en Milieu": ("IenM", "I&M"),
    "Infrastructuur en Waterstaat": ("IenW", "I&W"),
    "Justitie en Veiligheid": ("JenV", "J&V", "JVenV"),
    "Klimaat en Groene Groei": ("KGG",),
    "Landbouw, Natuur en Voedselkwaliteit": ("LNV",),
    "Landbouw, Visserij, Voedselzekerheid en Natuur": ("LVVN",),
    "Onderwijs, Cultuur en Wetenschap": ("OCW", "OC&W"),
    "Sociale Zaken en Werkgelegenheid": ("SZW",),
    "Veiligheid en Justitie": ("VenJ", "V&J"),
    "Volkshuisvesting en Ruimtelijke Ordening": ("VRO",),
    "Volksgezondheid, Welzijn en Sport": ("VWS",),
}


def _key(name: str) -> str:
    """Spelling that does not change which ministry is meant: case, commas, "&" for "en", spacing."""
    name = name.lower().replace("&", " en ").replace(",", " ")
    return " ".join(name.replace("financien", "financiën").split())


_BY_KEY = {_key(full): full for full in MINISTRIES}
_BY_KEY.update({_key(abbr): full for full, abbrs in MINISTRIES.items() for abbr in abbrs})


def canonical_ministry(name: str) -> str:
    """ "JenV" → "Justitie en Veiligheid"; "Volksgezondheid Welzijn en Sport" → "Volksgezondheid, Welzijn en
    Sport"; a name not in the table stays as written (staff merge it in the admin)."""
    name = " ".join((name or "").split())
    return _BY_KEY.get(_key(name), name)


def canonical_post(title: str) -> str:
    """ "Staatssecretaris van JenV" → "Staatssecretaris van Justitie en Veiligheid": one office, however written."""
    title = " ".join((title or "").split())
    head, sep, ministry = title.partition(" van ")
    if sep and head.lower() in ("minister", "staatssecretaris"):
        return f"{head} van {canonical_ministry(ministry)}"
    return title


def ministry_of_post(title: str) -> str | None:
    """ "Minister van Buitenlandse Zaken" → "Buitenlandse Zaken"; a post "voor" a portfolio by POST_MINISTRY."""
    title = canonical_post(title)
    head, sep, ministry = title.partition(" van ")
    if sep and head.lower() in ("minister", "staatssecretaris"):
        return ministry
    return ministry_for_post(title)
