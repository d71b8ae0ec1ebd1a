"""Names, posts and topics the synthetic data and texts are made of (plain Python)."""

from __future__ import annotations

# ministry → the posts that answer for it (title as the papers write it, after "de ")
MINISTRIES = {
    "Algemene Zaken": ["Minister-President"],
    "Buitenlandse Zaken": [
        "Minister van Buitenlandse Zaken",
        "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
    ],
    "Justitie en Veiligheid": [
        "Minister van Justitie en Veiligheid",
        "Staatssecretaris van Justitie en Veiligheid",
        "Minister voor Rechtsbescherming",
    ],
    "Binnenlandse Zaken en Koninkrijksrelaties": [
        "Minister van Binnenlandse Zaken en Koninkrijksrelaties",
        "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
    ],
    "Onderwijs, Cultuur en Wetenschap": [
        "Minister van Onderwijs, Cultuur en Wetenschap",
        "Minister voor Primair en Voortgezet Onderwijs",
    ],
    "Financiën": ["Minister van Financiën", "Staatssecretaris van Financiën"],
    "Defensie": ["Minister van Defensie", "Staatssecretaris van Defensie"],
    "Infrastructuur en Waterstaat": [
        "Minister van Infrastructuur en Waterstaat",
        "Staatssecretaris van Infrastructuur en Waterstaat",
    ],
    "Economische Zaken en Klimaat": ["Minister van Economische Zaken en Klimaat", "Minister voor Klimaat en Energie"],
    "Landbouw, Natuur en Voedselkwaliteit": ["Minister van Landbouw, Natuur en Voedselkwaliteit"],
    "Sociale Zaken en Werkgelegenheid": [
        "Minister van Sociale Zaken en Werkgelegenheid",
        "Minister voor Armoedebeleid, Participatie en Pensioenen",
    ],
    "Volksgezondheid, Welzijn en Sport": [
        "Minister van Volksgezondheid, Welzijn en Sport",
        "Minister voor Medische Zorg",
        "Staatssecretaris van Volksgezondheid, Welzijn en Sport",
    ],
}

PARTIES = [
    "VVD",
    "PvdA",
    "CDA",
    "D66",
    "GroenLinks",
    "SP",
    "PVV",
    "ChristenUnie",
    "SGP",
    "PvdD",
    "50PLUS",
    "DENK",
    "FvD",
    "JA21",
    "Volt",
    "BBB",
    "NSC",
    "BIJ1",
    "GL-PvdA",
    "Groep Van Haga",
]

SURNAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Berg",
    "van der Heijden",
    "van der Veen",
    "van den Broek",
    "de Bruijn",
    "de Jong",
    "Koster",
    "Prins",
    "Huisman",
    "Peeters",
    "Kuipers",
    "van Wijk",
    "Postma",
    "Kramer",
    "van Dam",
    "Willems",
    "Hoekstra",
    "Maas",
    "Verhoeven",
    "Koning",
    "van der Wal",
    "Scholten",
    "Sanders",
    "Martens",
]
INITIALS = [
    "A.",
    "B.",
    "C.J.",
    "D.",
    "E.M.",
    "F.",
    "G.H.",
    "H.",
    "I.",
    "J.",
    "J.P.",
    "K.",
    "L.",
    "M.",
    "M.A.",
    "N.",
    "P.",
    "R.",
    "S.",
    "T.",
    "W.",
    "Y.",
]

TOPICS = [
    "de wachtlijsten in de jeugdzorg",
    "het lerarentekort in het primair onderwijs",
    "de stikstofuitstoot rond Natura 2000-gebieden",
    "de mensenrechtensituatie in Belarus",
    "vervolging van LHBTI's in Tsjetsjenië",
    "de energierekening van huishoudens",
    "de afhandeling van de toeslagenaffaire",
    "gaswinning in Groningen",
    "de veiligheid op het spoor",
    "de bereikbaarheid van huisartsen op het platteland",
    "cybercriminaliteit tegen het mkb",
    "de opvang van asielzoekers in Ter Apel",
    "de wachttijden bij de IND",
    "de woningnood onder studenten",
    "de kosten van kinderopvang",
    "het tekort aan verpleegkundigen",
    "de exportvergunningen voor dual-use goederen",
    "de droogte en het waterpeil in de Maas",
    "de sluiting van regionale ziekenhuizen",
    "ondermijning in de haven van Rotterdam",
    "de digitale weerbaarheid van gemeenten",
    "de pensioenen van grensarbeiders",
    "de inzet van F-35's boven de Oostzee",
    "armoede onder werkende ouders",
    "de vergunningverlening voor windparken op zee",
    "de kwaliteit van het drinkwater",
    "de verduurzaming van huurwoningen",
    "de toegankelijkheid van het openbaar vervoer",
    "de privacy van patiëntgegevens",
    "de subsidie voor elektrische auto's",
    "misstanden in de vleesindustrie",
    "de achterstanden bij het CBR",
    "de uitvoering van de Omgevingswet",
    "desinformatie rond verkiezingen",
]

DOSSIERS = [
    ("32 735", "Mensenrechten in het buitenlands beleid"),
    ("31 293", "Primair Onderwijs"),
    ("29 477", "Geneesmiddelenbeleid"),
    ("33 529", "Gaswinning Groningen"),
    ("35 334", "Problematiek rondom stikstof en PFAS"),
    ("31 839", "Jeugdzorg"),
    ("29 984", "Spoor: vervoer- en beheerplan"),
    ("19 637", "Vreemdelingenbeleid"),
    ("32 847", "Integrale visie op de woningmarkt"),
    ("31 322", "Kinderopvang"),
    ("29 282", "Arbeidsmarktbeleid in de zorg"),
    ("26 643", "Informatie- en communicatietechnologie (ICT)"),
    ("30 196", "Duurzame ontwikkeling en beleid"),
    ("21 501-02", "Raad Algemene Zaken en Raad Buitenlandse Zaken"),
    ("36 410", "Vaststelling begrotingsstaten"),
    ("33 118", "Omgevingsrecht"),
    ("27 625", "Waterbeleid"),
    ("32 813", "Kabinetsaanpak Klimaatbeleid"),
]

DEADLINES = [
    "voor de zomer",
    "voor het einde van het jaar",
    "na de zomer",
    "voor 1 maart",
    "in het voorjaar",
    "voor het kerstreces",
    "uiterlijk in het derde kwartaal",
    "op korte termijn",
    "zo spoedig mogelijk",
    "voor de begrotingsbehandeling",
]

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def dutch_date(d) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def posts():
    """(ministry, post) for every post."""
    return [(m, p) for m, ps in MINISTRIES.items() for p in ps]


def person_name(i: int) -> str:
    """A distinct surname for person ``i`` (suffix numbers beyond the list)."""
    base = SURNAMES[i % len(SURNAMES)]
    n = i // len(SURNAMES)
    return base if n == 0 else f"{base}-{chr(65 + n % 26)}{n // 26 or ''}"
