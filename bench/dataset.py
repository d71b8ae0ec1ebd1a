"""A synthetic but realistic data set, written straight into the configured
database with bulk inserts: COPY (psycopg's ``cursor.copy``) on PostgreSQL,
``executemany`` on SQLite. Ids are assigned here, so no row is read back;
the sequences are reset afterwards.

The shape (per scale, see SCALES): persons and parties (memberships over
the years), ministries and their offices (some posts only part of the
period), question sets spread over the years (about 6 questions each, one or
more askers, addressed to one or two offices), 10% postponed (with the
notice as a Document and a Postponement row), most answered (a share late),
some still open; an answer Document per answered set with its answers; about
one commitment per three answered sets (two thirds from an answer, a third
from a letter), 65% with a due date, the older ones mostly fulfilled or
lapsed; digest subscribers with and without filters.

Deterministic (random.Random(seed)); the day the data ends is ``today``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from .vocab import DOSSIERS, INITIALS, MINISTRIES, PARTIES, TOPICS, person_name

BENCH_USER = "bench"
BENCH_PASSWORD = "bench-wachtwoord-1"


@dataclass(frozen=True)
class Scale:
    name: str
    question_sets: int
    commitments: int
    subscribers: int
    parse_docs: int
    ingest_docs: int
    list_requests: int
    years: float  # the period the sets are spread over


SCALES = {
    # tiny: the smoke test (tests/bench/test_bench_smoke.py)
    "tiny": Scale("tiny", 300, 100, 20, 12, 6, 10, 2.0),
    # the Tweede Kamer at ~3,000 sets a year: about 6.7 years
    "small": Scale("small", 20_000, 6_000, 1_000, 300, 400, 50, 20_000 / 3_000),
    # twenty years of Tweede and Eerste Kamer
    "medium": Scale("medium", 100_000, 30_000, 1_000, 300, 400, 50, 20.0),
    # twenty years of every Dutch council's written questions
    "large": Scale("large", 1_000_000, 150_000, 1_000, 300, 400, 50, 20.0),
}


# ---------------------------------------------------------------- writing rows


class Writer:
    """Rows into one table: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self, model_or_table, columns: list[str]):
        self.table = model_or_table if isinstance(model_or_table, str) else model_or_table._meta.db_table
        self.columns = columns
        self.vendor = connection.vendor
        self.rows = 0

    def write(self, rows):
        """``rows``: an iterable of tuples in ``columns`` order."""
        cols = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        if self.vendor == "postgresql":
            with connection.cursor() as cur:
                raw = cur.cursor
                with raw.copy(f"COPY {connection.ops.quote_name(self.table)} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                        self.rows += 1
        else:
            marks = ", ".join("?" for _ in self.columns)
            sql = f"INSERT INTO {connection.ops.quote_name(self.table)} ({cols}) VALUES ({marks})"
            batch = []
            with connection.cursor() as cur:
                for row in rows:
                    batch.append(tuple(_sqlite_value(v) for v in row))
                    if len(batch) >= 5000:
                        cur.executemany(sql, batch)
                        self.rows += len(batch)
                        batch = []
                if batch:
                    cur.executemany(sql, batch)
                    self.rows += len(batch)
        return self.rows


def _sqlite_value(v):
    if isinstance(v, dt.datetime):
        return v.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _pk_reset():
    from django.apps import apps

    # include_auto_created: the M2M through tables have sequences too (a stale one makes
    # ``.set()``/``.add()`` skip rows silently: they insert with ignore_conflicts)
    models = [
        m
        for app in ("documents", "tracker", "auth")
        for m in apps.get_app_config(app).get_models(include_auto_created=True)
    ]
    sql = connection.ops.sequence_reset_sql(no_style(), models)
    if sql:
        with connection.cursor() as cur:
            for stmt in sql:
                cur.execute(stmt)


def data_tables():
    """The tables the builder fills or the jobs write (never the recess calendar), children first."""
    from django.apps import apps

    models = [
        m
        for app in ("tracker", "documents")
        for m in apps.get_app_config(app).get_models()
        if m._meta.model_name != "parliamentaryrecess"
    ]
    tables = []
    for m in models:
        tables.append(m._meta.db_table)
        for f in m._meta.local_many_to_many:
            tables.append(f.remote_field.through._meta.db_table)
    return tables


def clear():
    """Empty the data tables (the bench database only; the caller checked)."""
    tables = data_tables()
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute(
                "TRUNCATE " + ", ".join(connection.ops.quote_name(t) for t in tables) + " RESTART IDENTITY CASCADE"
            )
        else:
            # children before parents: repeat until every table is empty
            pending = list(tables)
            for _ in range(len(tables) + 1):
                left = []
                for t in pending:
                    try:
                        cur.execute(f'DELETE FROM "{t}"')
                    except Exception:
                        left.append(t)
                pending = left
                if not pending:
                    break
            if pending:
                raise RuntimeError(f"could not empty {pending}")


# ---------------------------------------------------------------- the data


def vergaderjaar(day: dt.date) -> str:
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"


def _hash(*parts) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()


def build(scale: Scale, today: dt.date, seed: int = 10, log=print) -> dict:
    """Fill the (empty) database; returns counts. One transaction."""
    rnd = random.Random(seed)
    now = timezone.now()
    counts = {}
    start_day = today - dt.timedelta(days=int(scale.years * 365.25))
    span = (today - start_day).days

    with transaction.atomic():
        clear()
        # -------- parties, persons, memberships
        parties = PARTIES
        Writer("tracker_party", ["id", "name"]).write((i + 1, p) for i, p in enumerate(parties))
        n_persons = max(60, min(20_000, scale.question_sets // 60))
        persons = [
            (i + 1, person_name(i)[:1].upper() + person_name(i)[1:], rnd.choice(INITIALS)) for i in range(n_persons)
        ]
        Writer("tracker_person", ["id", "name", "initials"]).write(persons)
        person_party = {}
        memberships = []
        mid = 0
        for pid, _name, _ini in persons:
            party = rnd.randrange(len(parties)) + 1
            person_party[pid] = party
            mid += 1
            first = start_day + dt.timedelta(days=rnd.randrange(max(1, span // 2)))
            if rnd.random() < 0.1:  # changed party once
                switch = first + dt.timedelta(days=rnd.randrange(200, 2000))
                memberships.append((mid, pid, (party % len(parties)) + 1, first, switch))
                mid += 1
                memberships.append((mid, pid, party, switch + dt.timedelta(days=1), None))
            else:
                memberships.append((mid, pid, party, first, None))
        Writer("tracker_membership", ["id", "person_id", "party_id", "start", "end"]).write(memberships)
        counts["persons"] = n_persons

        # -------- ministries and offices (some posts exist only part of the period)
        offices = []  # (id, title, ministry_id, start, end)
        ministry_rows = []
        for mi, (ministry, posts) in enumerate(MINISTRIES.items(), 1):
            ministry_rows.append((mi, ministry))
            for post in posts:
                o_start = None if rnd.random() < 0.6 else start_day + dt.timedelta(days=rnd.randrange(span // 3))
                o_end = None if rnd.random() < 0.8 else today - dt.timedelta(days=rnd.randrange(span // 3))
                offices.append((len(offices) + 1, post, mi, o_start, o_end))
        Writer("tracker_ministry", ["id", "name"]).write(ministry_rows)
        Writer("tracker_office", ["id", "title", "ministry_id", "start", "end"]).write(offices)
        ministers = persons[: max(20, n_persons // 20)]  # the first persons also served as ministers

        # -------- question sets and everything that hangs on them
        doc_cols = [
            "id",
            "file",
            "source_name",
            "content_hash",
            "size",
            "kind",
            "identifier",
            "title",
            "vergaderjaar",
            "aanhangsel_number",
            "dossier",
            "number",
            "date",
            "raw_text",
            "clean_text",
            "parse_warnings",
            "parsed",
            "parser_version",
            "ingested_at",
            "updated_at",
        ]
        qs_cols = [
            "id",
            "kind",
            "subject",
            "vergaderjaar",
            "aanhangsel_number",
            "submitted",
            "term_due",
            "answer_due",
            "postponed_on",
            "received",
            "first_received",
            "overdue_since",
            "question_document_id",
            "answer_document_id",
            "needs_review",
            "created_at",
            "updated_at",
        ]
        documents, qsets, askers, addressed, questions, answers, answer_q, postponements, roles = ([] for _ in range(9))
        n = scale.question_sets
        submitted_days = sorted(start_day + dt.timedelta(days=rnd.randrange(span)) for _ in range(n))
        aanhangsel_seq = {}
        doc_id = 0
        q_id = a_id = aq_id = ask_id = adr_id = pp_id = role_id = 0
        answered_sets = []  # (set id, answer doc id, first answer id, n answers, office, date)
        for i, submitted in enumerate(submitted_days, 1):
            kind = "written_questions" if rnd.random() < 0.97 else "written_consultation"
            age = (today - submitted).days
            term = submitted + dt.timedelta(days=21)
            postponed_on = submitted + dt.timedelta(days=rnd.randint(14, 21)) if rnd.random() < 0.10 else None
            if postponed_on and postponed_on > today:
                postponed_on = None
            due = term + dt.timedelta(days=21) if postponed_on else term
            x = rnd.random()
            if age < 90:  # recent: many still open
                p_open = 0.9 if age < 21 else (0.5 if age < 42 else 0.2)
                received = None if x < p_open else submitted + dt.timedelta(days=rnd.randint(7, max(7, age)))
            elif x < 0.003:  # never answered
                received = None
            elif x < 0.62:  # on time
                received = submitted + dt.timedelta(days=rnd.randint(5, (due - submitted).days))
            else:  # late, now and then very late
                received = due + dt.timedelta(days=int(rnd.expovariate(1 / 25)) + 1)
            if received and received > today:
                received = None
            vj = vergaderjaar(submitted)
            number = aanhangsel_seq[vj] = aanhangsel_seq.get(vj, 0) + 1
            topic = rnd.choice(TOPICS)
            subject = f"{topic} ({rnd.choice(['bericht', 'uitzending', 'rapport', 'onderzoek'])} {i})"
            office = rnd.randrange(len(offices)) + 1
            answer_doc = None
            if received:
                doc_id += 1
                answer_doc = doc_id
                documents.append(
                    (
                        doc_id,
                        "",
                        f"ah-{vj}-{number}.txt",
                        _hash("ah", vj, number),
                        4000,
                        kind,
                        f"ah-tk-{vj.replace('-', '')}-{number}",
                        f"Antwoord op vragen over {subject}",
                        vj,
                        str(number),
                        "",
                        "",
                        received,
                        "",
                        "",
                        "[]",
                        "{}",
                        "bench",
                        now,
                        now,
                    )
                )
                role_id += 1
                roles.append((role_id, doc_id, rnd.choice(ministers)[0], office, "answerer", 0))
            qsets.append(
                (
                    i,
                    kind,
                    subject,
                    vj,
                    str(number),
                    submitted,
                    term,
                    due,
                    postponed_on,
                    received,
                    received,
                    None,
                    None,
                    answer_doc,
                    False,
                    now,
                    now,
                )
            )
            for pos in range(rnd.choice([1, 1, 1, 1, 1, 1, 1, 2, 2, 3])):
                ask_id += 1
                person = rnd.randrange(n_persons) + 1 if pos == 0 else ((i * 7 + pos) % n_persons) + 1
                if any(a[1] == i and a[2] == person for a in askers[-3:]):
                    continue
                askers.append((ask_id, i, person, person_party[person], pos))
            adr_id += 1
            addressed.append((adr_id, i, office))
            if rnd.random() < 0.2:
                other = (office % len(offices)) + 1
                adr_id += 1
                addressed.append((adr_id, i, other))
            n_q = rnd.randint(3, 9)
            first_answer = a_id + 1
            for pos in range(1, n_q + 1):
                q_id += 1
                questions.append((q_id, i, str(pos), pos, f"Vraag {pos} over {topic}?", "", False))
                if answer_doc:
                    a_id += 1
                    answers.append((a_id, i, answer_doc, str(pos), pos, f"Antwoord {pos} over {topic}.", False, False))
                    aq_id += 1
                    answer_q.append((aq_id, a_id, q_id))
            if answer_doc:
                answered_sets.append((i, answer_doc, first_answer, n_q, office, received))
            if postponed_on:
                doc_id += 1
                documents.append(
                    (
                        doc_id,
                        "",
                        f"mededeling-{i}.txt",
                        _hash("notice", i),
                        900,
                        "notice",
                        f"mededeling-{i}",
                        f"Mededeling over {subject}",
                        vj,
                        "",
                        "",
                        "",
                        postponed_on,
                        "",
                        "",
                        "[]",
                        "{}",
                        "bench",
                        now,
                        now,
                    )
                )
                pp_id += 1
                postponements.append((pp_id, i, doc_id, postponed_on, postponed_on + dt.timedelta(days=21)))
            if len(questions) >= 200_000:
                _flush(
                    doc_cols,
                    qs_cols,
                    documents,
                    qsets,
                    askers,
                    addressed,
                    questions,
                    answers,
                    answer_q,
                    postponements,
                    roles,
                )
        _flush(
            doc_cols, qs_cols, documents, qsets, askers, addressed, questions, answers, answer_q, postponements, roles
        )
        counts.update(question_sets=n, questions=q_id, answers=a_id, postponements=pp_id)
        log(f"  question sets: {n}, questions: {q_id}, answers: {a_id}, postponed: {pp_id}")

        # -------- commitments: two thirds from answers, a third from letters
        c_cols = [
            "id",
            "source_document_id",
            "answer_id",
            "request_id",
            "sentence",
            "sentence_hash",
            "actor",
            "actor_office_id",
            "deadline_text",
            "due_date",
            "due_precision",
            "review_date",
            "status",
            "closed_on",
            "evidence_id",
            "lapsed_reason",
            "notes",
            "rule",
            "confidence",
            "confirmed",
            "retired",
            "needs_review",
            "overdue_since",
            "created_at",
            "updated_at",
        ]
        commitments = []
        letter_seq = {}
        from_answers = min(len(answered_sets), scale.commitments * 2 // 3)
        picks = rnd.sample(answered_sets, from_answers)
        n_letters = max(1, (scale.commitments - from_answers) * 2 // 3)
        letters = []
        for _ in range(n_letters):
            doc_id += 1
            dossier, title = rnd.choice(DOSSIERS)
            nr = letter_seq[dossier] = letter_seq.get(dossier, 0) + 1
            day = start_day + dt.timedelta(days=rnd.randrange(span))
            office = rnd.randrange(len(offices)) + 1
            documents.append(
                (
                    doc_id,
                    "",
                    f"kst-{dossier.replace(' ', '')}-{nr}.txt",
                    _hash("kst", dossier, nr),
                    6000,
                    "letter",
                    f"kst-{dossier.replace(' ', '')}-{nr}",
                    f"{title}; Brief regering",
                    "",
                    "",
                    dossier,
                    str(nr),
                    day,
                    "",
                    "",
                    "[]",
                    "{}",
                    "bench",
                    now,
                    now,
                )
            )
            role_id += 1
            roles.append((role_id, doc_id, rnd.choice(ministers)[0], office, "signatory", 0))
            letters.append((doc_id, office, day))
        sources = [(doc, first + rnd.randrange(n_a), office, day) for _sid, doc, first, n_a, office, day in picks]
        while len(sources) < scale.commitments:
            doc, office, day = rnd.choice(letters)
            sources.append((doc, None, office, day))
        rnd.shuffle(sources)
        seen = set()
        for cid, (doc, answer, office, day) in enumerate(sources, 1):
            topic = rnd.choice(TOPICS)
            sentence = f"Ik zal uw Kamer {rnd.choice(['voor de zomer', 'voor het einde van het jaar', 'na de zomer', 'op korte termijn'])} informeren over {topic} (toezegging {cid})."
            key = (doc, _hash(sentence))
            if key in seen:
                continue
            seen.add(key)
            dated = rnd.random() < 0.65
            due = day + dt.timedelta(days=rnd.randint(30, 400)) if dated else None
            review = None if dated or rnd.random() < 0.5 else day + dt.timedelta(weeks=6)
            reference = due or (day + dt.timedelta(weeks=6))
            status, closed = "open", None
            if (today - reference).days > 60:
                x = rnd.random()
                if x < 0.85:
                    status = "fulfilled"
                    closed = reference + dt.timedelta(days=rnd.randint(-25, 90))
                elif x < 0.95:
                    status = "lapsed"
                    closed = reference + dt.timedelta(days=rnd.randint(0, 200))
            elif (today - reference).days > 0 and rnd.random() < 0.5:
                status = "fulfilled"
                closed = reference + dt.timedelta(days=rnd.randint(-20, (today - reference).days))
            if closed:
                closed = min(max(closed, day), today)
            confidence = 0.9 if rnd.random() < 0.85 else 0.6
            created = dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC)
            commitments.append(
                (
                    cid,
                    doc,
                    answer,
                    None,
                    sentence,
                    key[1],
                    "",
                    office,
                    "voor de zomer" if dated else "op korte termijn",
                    due,
                    "season" if dated else "none",
                    review,
                    status,
                    closed,
                    None,
                    "",
                    "",
                    "bench",
                    confidence,
                    False,
                    False,
                    False,
                    None,
                    created,
                    created,
                )
            )
        _flush(doc_cols, qs_cols, documents, [], [], [], [], [], [], [], roles)
        Writer("tracker_commitment", c_cols).write(commitments)
        from tracker.domain import commitment_index

        commitment_index.refresh(everything=True)  # the list's search text and askers' parties
        counts.update(commitments=len(commitments), letters=n_letters, documents=doc_id)
        log(f"  commitments: {len(commitments)} ({n_letters} letters), documents: {doc_id}")

        # -------- digest subscribers: 40% one ministry, 20% a party, 10% a dossier, 30% everything
        subs, sub_m, sub_p = [], [], []
        for s in range(1, scale.subscribers + 1):
            x = rnd.random()
            dossiers = [rnd.choice(DOSSIERS)[0]] if 0.6 <= x < 0.7 else []
            subs.append((s, f"abonnee{s}@example.org", None, json.dumps(dossiers), False, True, now))
            if x < 0.4:
                sub_m.append((len(sub_m) + 1, s, rnd.randrange(len(ministry_rows)) + 1))
            elif x < 0.6:
                sub_p.append((len(sub_p) + 1, s, rnd.randrange(len(parties)) + 1))
        Writer(
            "tracker_digestsubscription", ["id", "email", "user_id", "dossiers", "send_empty", "active", "created_at"]
        ).write(subs)
        Writer("tracker_digestsubscription_ministries", ["id", "digestsubscription_id", "ministry_id"]).write(sub_m)
        Writer("tracker_digestsubscription_parties", ["id", "digestsubscription_id", "party_id"]).write(sub_p)
        counts["subscribers"] = len(subs)

        _pk_reset()
        User = get_user_model()
        User.objects.filter(username=BENCH_USER).delete()
        User.objects.create_superuser(BENCH_USER, "bench@example.org", BENCH_PASSWORD)
    with connection.cursor() as cur:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            # the tables as autovacuum leaves them (visibility map set, statistics fresh), not as a
            # bulk load does: else autovacuum runs during the measurements (BENCHMARKS.md)
            cur.execute("VACUUM (ANALYZE)")
        else:  # SQLite; or PostgreSQL inside a test's transaction, where VACUUM cannot run
            cur.execute("ANALYZE")
    return counts


def _flush(doc_cols, qs_cols, documents, qsets, askers, addressed, questions, answers, answer_q, postponements, roles):
    """Write what is buffered, parents first, and empty the buffers."""
    for table, cols, rows in (
        ("documents_document", doc_cols, documents),
        ("tracker_questionset", qs_cols, qsets),
        ("tracker_asker", ["id", "question_set_id", "person_id", "party_id", "position"], askers),
        ("tracker_questionset_addressed_to", ["id", "questionset_id", "office_id"], addressed),
        ("tracker_question", ["id", "question_set_id", "label", "position", "text", "party", "retired"], questions),
        (
            "tracker_answer",
            ["id", "question_set_id", "document_id", "label", "position", "text", "nader", "retired"],
            answers,
        ),
        ("tracker_answer_questions", ["id", "answer_id", "question_id"], answer_q),
        ("tracker_postponement", ["id", "question_set_id", "document_id", "date", "expected"], postponements),
        ("tracker_ministerrole", ["id", "document_id", "person_id", "office_id", "role", "position"], roles),
    ):
        if rows:
            Writer(table, cols).write(rows)
            rows.clear()
