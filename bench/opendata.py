#!/usr/bin/env python
"""Open data replay benchmark (issue 18; results in BENCHMARKS.md, "Open data replay").

    python bench/opendata.py [--entries 10000] [--keep DIR]

Writes a SyncFeed recording of ``--entries`` entries into a temporary folder
(the layout of tracker/opendata/replay.py, pages of 250 entries like the
API's): written-questions Zaken with their asker and addressee (ZaakActor),
postponement notices with their paper files (fetched and ingested), registry
commitments (Toezegging), a few tombstones and re-touched records. Then it
replays the folder with ``sync_opendata --from-dir`` on its own SQLite file
(var/bench-opendata.sqlite3, recreated each run: the embedded default, never
the dev database) and prints the time, and the same replay a second time
(nothing new: every entry unchanged). The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
BENCH_SQLITE = ROOT / "var" / "bench-opendata.sqlite3"
FEED = "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0"
TK = "http://www.tweedekamer.nl/xsd/tkData/v1-0"
PAGE = 250
SURNAMES = [
    "Kröger",
    "Dobbe",
    "Bikker",
    "Omtzigt",
    "Dijk",
    "Agema",
    "Van der Plas",
    "Bontenbal",
    "Klaver",
    "Paternotte",
    "Eerdmans",
    "Stoffer",
    "Teunissen",
    "Ouwehand",
    "Van Baarle",
    "Tielen",
    "Michon",
    "Vijlbrief",
    "Bikker",
    "Van Campen",
    "Grinwis",
    "Podt",
    "Sneller",
    "Mutluer",
    "Vedder",
    "Kostić",
    "Flach",
    "Boswijk",
]
PARTIES = [
    "GroenLinks-PvdA",
    "SP",
    "ChristenUnie",
    "NSC",
    "PVV",
    "BBB",
    "CDA",
    "VVD",
    "D66",
    "JA21",
    "SGP",
    "PvdD",
    "DENK",
    "Volt",
]
MINISTRIES = [
    "Infrastructuur en Waterstaat",
    "Volksgezondheid, Welzijn en Sport",
    "Justitie en Veiligheid",
    "Financiën",
    "Buitenlandse Zaken",
    "Onderwijs, Cultuur en Wetenschap",
    "Sociale Zaken en Werkgelegenheid",
    "Economische Zaken en Klimaat",
    "Binnenlandse Zaken en Koninkrijksrelaties",
    "Defensie",
]
TOPICS = [
    "wachtlijsten in de jeugdzorg",
    "de dijkversterking",
    "de huisartsenzorg",
    "de herstelregeling toeslagen",
    "de energierekening",
    "het lerarentekort",
    "de stikstofuitstoot",
    "de woningbouw",
    "de asielopvang",
    "de rechtspraak",
    "het openbaar vervoer in de regio",
    "de netcongestie",
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


def guid(kind: int, n: int) -> str:
    return f"{kind:08x}-0000-4000-8000-{n:012d}"


def _entry(category: str, token: int, gid: str, body: str, enclosure: bool = False) -> str:
    link = f'<link rel="enclosure" href="{FEED}/Resources/{gid}"/>' if enclosure else ""
    return (
        f"<entry><title>{gid}</title><id>{FEED}/Entiteiten/{gid}</id><updated>2024-06-01T00:00:00Z</updated>"
        f'<category term="{category[0].lower() + category[1:]}"/>'
        f'<link rel="next" href="{FEED}/Feed?skiptoken={token + 1}&amp;category={category}"/>{link}'
        f'<content type="application/xml">{body}</content></entry>'
    )


def _element(name: str, gid: str, fields: dict, extra: str = "", attrs: str = "", deleted: bool = False) -> str:
    head = f'<{name} xmlns="{TK}" xmlns:tk="{TK}" id="{gid}" tk:bijgewerkt="2024-06-01T02:00:00+02:00"'
    if deleted:
        return head + ' tk:verwijderd="true"/>'
    body = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in fields.items())
    return f'{head} tk:verwijderd="false"{attrs}>{body}{extra}</{name}>'


def notice_paper(surname: str, party: str, ministry: str, topic: str, asked: dt.date, on: dt.date) -> bytes:
    return (
        f"Aanhangsel van de Handelingen\n"
        f"Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden\n\n"
        f"Mededeling van Minister Jansen ({ministry}) (ontvangen {on.day} {MONTHS[on.month - 1]} {on.year})\n\n"
        f"De vragen van het lid {surname} ({party}) over {topic} (ingezonden {asked.day} "
        f"{MONTHS[asked.month - 1]} {asked.year}) kunnen tot mijn spijt niet binnen de gebruikelijke termijn "
        f"worden beantwoord. De reden van het uitstel is dat de beantwoording afstemming vergt met andere "
        f"departementen.\n"
    ).encode()


def generate(folder: Path, entries: int = 10_000) -> dict:
    """Write the recording; returns what it holds. Of every 50 entries: 13 Zaken with 2 actors each
    (39), 1 postponement notice with its paper, 10 registry commitments; tombstones and re-touches
    among them."""
    zaken, actors, documents, registry = [], [], [], []
    n = 0
    while n < entries:
        i = len(zaken)
        asked = dt.date(2024, 1, 2) + dt.timedelta(days=i % 330)
        surname, party = SURNAMES[i % len(SURNAMES)], PARTIES[i % len(PARTIES)]
        ministry, topic = MINISTRIES[i % len(MINISTRIES)], f"{TOPICS[i % len(TOPICS)]} ({i})"
        zg = guid(0x7A, i)
        fields = {
            "nummer": f"2024Z{10000 + i:05d}",
            "soort": "Schriftelijke vragen",
            "onderwerp": f"Vragen van het lid {surname} ({party}) over {topic}",
            "gestartOp": f"{asked.isoformat()}T00:00:00+01:00",
            "vergaderjaar": "2023-2024",
            "afgedaan": "false",
        }
        zaken.append(("Zaak", zg, _element("zaak", zg, fields)))
        actors.append(
            (
                "ZaakActor",
                guid(0x7B, 2 * i),
                _element(
                    "zaakActor",
                    guid(0x7B, 2 * i),
                    {
                        "actorNaam": f"A. {surname}",
                        "actorFractie": party,
                        "functie": "Tweede Kamerlid",
                        "relatie": "Indiener",
                    },
                    extra=f'<zaak ref="{zg}"/>',
                ),
            )
        )
        actors.append(
            (
                "ZaakActor",
                guid(0x7B, 2 * i + 1),
                _element(
                    "zaakActor",
                    guid(0x7B, 2 * i + 1),
                    {"actorNaam": "B. Jansen", "functie": f"minister van {ministry}", "relatie": "Gericht aan"},
                    extra=f'<zaak ref="{zg}"/>',
                ),
            )
        )
        n += 3
        if i % 13 == 12 and n < entries:  # a postponement notice, with its file
            dg = guid(0x7C, i)
            on = asked + dt.timedelta(days=20)
            paper = notice_paper(surname, party, ministry, topic, asked, on)
            (folder / "resources").mkdir(parents=True, exist_ok=True)
            (folder / "resources" / f"{dg}.txt").write_bytes(paper)
            documents.append(
                (
                    "Document",
                    dg,
                    _element(
                        "document",
                        dg,
                        {
                            "soort": "Mededeling (uitstel antwoord)",
                            "documentNummer": f"2024D{20000 + i:05d}",
                            "onderwerp": f"Uitstel beantwoording vragen over {topic}",
                            "datum": f"{on.isoformat()}T00:00:00+02:00",
                            "vergaderjaar": "2023-2024",
                        },
                        extra=f'<zaak ref="{zg}"/>',
                        attrs=f' tk:contentType="text/plain" tk:contentLength="{len(paper)}"',
                    ),
                    True,
                )
            )
            n += 1
        for _ in range(10 if i % 13 == 12 else 0):
            if n >= entries:
                break
            r = len(registry)
            tg = guid(0x7D, r)
            registry.append(
                (
                    "Toezegging",
                    tg,
                    _element(
                        "toezegging",
                        tg,
                        {
                            "nummer": f"TZ2024{r:05d}",
                            "tekst": f"De minister informeert de Kamer over {TOPICS[r % len(TOPICS)]}.",
                            "status": ["Openstaand", "Afgedaan", "Deels Afgedaan", "Vervallen", ""][r % 5],
                            "datumNakoming": "0001-01-01T00:00:00Z" if r % 3 else "2024-09-01T00:00:00+02:00",
                            "ministerie": MINISTRIES[r % len(MINISTRIES)],
                            "naam": "Jansen, B.",
                            "aanmaakdatum": "2024-03-01T10:00:00+01:00",
                        },
                    ),
                )
            )
            n += 1
    # the Kamer re-touches and withdraws: the first Zaak again, and a tombstone for the second
    if len(zaken) > 2:
        zaken[-2] = zaken[0]
        zaken[-1] = ("Zaak", zaken[1][1], _element("zaak", zaken[1][1], {}, deleted=True))
    counts = {}
    token = 30_000_000
    for category, items in (("Zaak", zaken), ("ZaakActor", actors), ("Document", documents), ("Toezegging", registry)):
        pages = [items[k : k + PAGE] for k in range(0, len(items), PAGE)]
        for p, chunk in enumerate(pages):
            name = "start" if p == 0 else str(token)
            body = "".join(_entry(category, token + j, gid, xml, *rest) for j, (_, gid, xml, *rest) in enumerate(chunk))
            token += len(chunk)
            links = (
                f'<link rel="next" href="{FEED}/Feed?skiptoken={token}&amp;category={category}"/>'
                if p + 1 < len(pages)
                else ""
            )
            out = folder / "feed" / category / f"{name}.xml"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(
                f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>SyncFeed {category}</title>{links}{body}</feed>\n",
                encoding="utf-8",
            )
        counts[category] = len(items)
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--keep", metavar="DIR", help="write the recording here and keep it")
    args = parser.parse_args(argv)

    BENCH_SQLITE.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(BENCH_SQLITE) + suffix).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_SQLITE.relative_to(ROOT)}"
    media = Path(tempfile.mkdtemp(prefix="bench-opendata-media-"))
    os.environ["MEDIA_ROOT"] = str(media)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from tracker.models import OpenDataDocument, QuestionSet, RegistryCommitment
    from tracker.opendata.sync import run

    call_command("migrate", verbosity=0)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-opendata-"))
    try:
        counts = generate(folder, args.entries)
        started = time.perf_counter()
        first = run(folder, since=dt.date(2024, 1, 1))
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        second = run(folder)
        again = time.perf_counter() - started
        result = {
            "entries": sum(counts.values()),
            "by_category": counts,
            "replay_seconds": round(seconds, 2),
            "entries_per_second": round(sum(counts.values()) / seconds),
            "second_run_seconds": round(again, 2),
            "first": first.to_json(),
            "second": second.to_json(),
            "question_sets": QuestionSet.objects.count(),
            "registry": RegistryCommitment.objects.count(),
            "papers": OpenDataDocument.objects.filter(paper="done").count(),
        }
        print(
            f"{result['entries']} entries replayed in {seconds:.1f} s ({result['entries_per_second']}/s); "
            f"{result['question_sets']} question sets, {result['papers']} papers ingested, "
            f"{result['registry']} registry commitments; second run {again:.1f} s"
        )
        print(json.dumps(result))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(media, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
