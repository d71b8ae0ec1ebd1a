"""The weekly digest: once per subscriber per ISO week, never lost on a failed send."""

import datetime as dt
import email
import email.policy

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tests.factories import CommitmentFactory, DocumentFactory, MinistryFactory, PartyFactory, QuestionSetFactory
from tracker.digests import delivery as jobs
from tracker.digests import report as emails
from tracker.digests.render import render_digest
from tracker.digests.unsubscribe import unsubscribe_url
from tracker.models import DigestDelivery, JobRun

from .conftest import AMSTERDAM_MONDAY_0830, subscribe
from .mailbackends import RefuseSecondBackend

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2021, 3, 1)


def html_of(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


@time_machine.travel(AMSTERDAM_MONDAY_0830, tick=False)
def test_send_digests_twice_in_the_same_iso_week_sends_one_mail_with_text_and_html(belarus):
    subscribe("staff@example.org")
    first = jobs.send_digests(MONDAY)
    second = jobs.send_digests(dt.date(2021, 3, 2))
    assert len(mail.outbox) == 1
    msg = mail.outbox[0]
    assert msg.to == ["staff@example.org"]
    assert "20 dagen te laat" in msg.body and "Belarus" in msg.body and "Ploumen (PvdA)" in msg.body
    assert f"http://127.0.0.1:8000/questions/{belarus.pk}/" in msg.body
    assert "Belarus" in html_of(msg) and "20 dagen te laat" in html_of(msg)
    # the subject counts what matters, in Dutch, leaving out what is zero
    assert msg.subject == "Weekoverzicht week 9 (2021): 1 antwoord te laat"
    assert "In het kort: 1 antwoord te laat." in msg.body
    delivery = DigestDelivery.objects.get()
    assert delivery.week == "2021-W09" and delivery.sent_at is not None and delivery.attempts == 1
    assert delivery.claimed_at is None and delivery.claim_token == ""
    assert first.details["sent"] == 1 and second.details["already_sent"] == 1


def test_the_digest_waits_for_monday_eight_in_amsterdam_and_a_tuesday_run_catches_up(belarus):
    subscribe("staff@example.org")
    with time_machine.travel("2021-03-01 07:59 +01:00", tick=False):
        run = jobs.send_digests()
    assert mail.outbox == [] and run.details["not_due_yet"] is True
    with time_machine.travel("2021-03-02 10:00 +01:00", tick=False):
        jobs.send_digests()
    assert len(mail.outbox) == 1
    assert DigestDelivery.objects.get().week == "2021-W09"
    with time_machine.travel("2021-03-08 08:05 +01:00", tick=False):
        jobs.send_digests()
    assert len(mail.outbox) == 1, "8 March: answered that day, nothing received last week: nothing to report"
    with time_machine.travel("2021-03-15 08:05 +01:00", tick=False):
        jobs.send_digests()
    assert len(mail.outbox) == 2, "a new ISO week, a new digest"
    assert "ontvangen 8 maart 2021: Vragen over de ontwikkelingen in Belarus" in mail.outbox[1].body
    assert sorted(DigestDelivery.objects.values_list("week", flat=True)) == ["2021-W09", "2021-W11"]


@time_machine.travel(AMSTERDAM_MONDAY_0830, tick=False)
def test_a_mail_server_refusing_the_second_of_three_digests_loses_nothing(belarus, settings):
    settings.EMAIL_BACKEND = "tests.jobs.mailbackends.RefuseSecondBackend"
    RefuseSecondBackend.calls = 0
    for name in ("a", "b", "c"):
        subscribe(f"{name}@example.org")
    run = jobs.send_digests(MONDAY)
    assert [m.to[0] for m in mail.outbox] == ["a@example.org", "c@example.org"]
    assert (
        run.status == JobRun.Status.FAILED
        and run.details["sent"] == 2
        and run.details["failed_to"] == ["b@example.org"]
    )
    refused = DigestDelivery.objects.get(subscription__email="b@example.org")
    assert refused.sent_at is None and refused.claimed_at is None and refused.claim_token == ""
    assert "SMTPRecipientsRefused" in refused.last_error and refused.attempts == 1
    assert DigestDelivery.objects.filter(sent_at__isnull=False).count() == 2

    run = jobs.send_digests(MONDAY)
    assert [m.to[0] for m in mail.outbox] == ["a@example.org", "c@example.org", "b@example.org"]
    refused.refresh_from_db()
    assert refused.sent_at is not None and refused.last_error == "" and refused.attempts == 2
    assert run.status == JobRun.Status.DONE and run.details["sent"] == 1 and run.details["already_sent"] == 2


@time_machine.travel(AMSTERDAM_MONDAY_0830, tick=False)
def test_a_live_claim_of_another_worker_is_respected_and_a_stale_one_taken_over(belarus, settings):
    sub = subscribe("staff@example.org")
    delivery = DigestDelivery.objects.create(
        subscription=sub,
        week="2021-W09",
        claimed_at=dt.datetime(2021, 3, 1, 7, 25, tzinfo=dt.UTC),
        claim_token="someone-else",
    )
    run = jobs.send_digests(MONDAY)  # claimed 5 minutes ago, lease 10 minutes
    assert mail.outbox == [] and run.details["claimed_elsewhere"] == 1
    settings.DIGEST_LEASE_SECONDS = 60
    jobs.send_digests(MONDAY)
    assert len(mail.outbox) == 1
    delivery.refresh_from_db()
    assert delivery.sent_at is not None


@time_machine.travel("2021-03-01 07:00 +01:00", tick=False)
def test_force_sends_before_monday_eight_to_whoever_has_no_digest_this_week_and_never_twice(belarus, capsys):
    subscribe("staff@example.org")
    call_command("send_digests")
    assert mail.outbox == [], "07:00 on Monday: not due yet"
    call_command("send_digests", "--force")
    assert [m.to for m in mail.outbox] == [["staff@example.org"]]
    subscribe("new@example.org")
    call_command("send_digests", "--force")
    assert [m.to for m in mail.outbox] == [["staff@example.org"], ["new@example.org"]]
    call_command("send_digests", "--force")
    assert len(mail.outbox) == 2, "a forced run sends nobody this week's digest a second time"
    assert DigestDelivery.objects.get(subscription__email="staff@example.org").attempts == 1


@time_machine.travel(AMSTERDAM_MONDAY_0830, tick=False)
def test_a_delivery_another_run_has_just_sent_cannot_be_claimed(belarus):
    """The forced double send: run B read the rows still to send, run A then claimed,
    sent and marked one of them (which clears A's claim); B's claim must fail."""
    delivery = DigestDelivery.objects.create(subscription=subscribe("staff@example.org"), week="2021-W09")
    token = jobs.claim(delivery.pk)
    assert token and jobs.claim(delivery.pk) is None, "a live claim is respected"
    assert jobs.mark_sent(delivery.pk, token)
    assert jobs.claim(delivery.pk) is None
    delivery.refresh_from_db()
    assert delivery.sent_at is not None and delivery.attempts == 1


@time_machine.travel(AMSTERDAM_MONDAY_0830, tick=False)
def test_nothing_to_report_sends_nothing_unless_the_subscriber_wants_an_empty_digest():
    subscribe("quiet@example.org")
    subscribe("always@example.org", send_empty=True)
    run = jobs.send_digests(MONDAY)
    assert [m.to for m in mail.outbox] == [["always@example.org"]]
    assert "niets te melden" in mail.outbox[0].body
    assert run.details["empty"] == 1
    assert not DigestDelivery.objects.filter(subscription__email="quiet@example.org").exists()


@time_machine.travel(AMSTERDAM_MONDAY_0830, tick=False)
def test_an_inactive_subscriber_gets_nothing(belarus):
    sub = subscribe("gone@example.org")
    sub.active = False
    sub.save()
    jobs.send_digests(MONDAY)
    assert mail.outbox == []


@time_machine.travel(AMSTERDAM_MONDAY_0830, tick=False)
def test_the_digest_is_grouped_by_ministry_with_commitments_overdue_due_soon_and_answers_received_last_week(
    belarus, foreign_affairs, justice
):
    letter = DocumentFactory(kind="letter", date=dt.date(2021, 1, 10), dossier="32 735", number="312")
    CommitmentFactory(
        source_document=letter,
        actor_office=foreign_affairs,
        actor="de Minister van Buitenlandse Zaken",
        sentence="Ik stuur u voor 1 februari een brief over de sancties.",
        due_date=dt.date(2021, 1, 31),
    )
    CommitmentFactory(
        source_document=letter,
        actor_office=justice,
        sentence="Ik informeer u voor 10 maart.",
        due_date=dt.date(2021, 3, 10),
    )
    QuestionSetFactory(
        subject="Vragen over de politie",
        submitted=dt.date(2021, 1, 20),
        received=dt.date(2021, 2, 24),
        askers=[("Van Dam", "CDA")],
        offices=[justice],
    )
    QuestionSetFactory(subject="Vragen zonder ambt", submitted=dt.date(2021, 1, 4), askers=[("Omtzigt", "CDA")])
    subscribe("staff@example.org")
    jobs.send_digests(MONDAY)
    body = mail.outbox[0].body
    bz, jv, unknown = (
        body.index(f"== {n} ==") for n in ("Buitenlandse Zaken", "Justitie en Veiligheid", "Onbekend ministerie")
    )
    assert bz < jv < unknown
    section_bz, section_jv, section_unknown = body[bz:jv], body[jv:unknown], body[unknown:]
    assert "Belarus" in section_bz and "29 dagen over de termijn" in section_bz and "sancties" in section_bz
    assert "Kamerstuk 32 735, nr. 312" in section_bz
    assert "Ik informeer u voor 10 maart." in section_jv and "(over 9 dagen)" in section_jv
    assert "ontvangen 24 februari 2021: Vragen over de politie" in section_jv
    assert "Vragen zonder ambt" in section_unknown and "Omtzigt (CDA)" in section_unknown


@time_machine.travel(AMSTERDAM_MONDAY_0830, tick=False)
def test_subscriber_filters_ministry_party_and_dossier(belarus, foreign_affairs, justice):
    QuestionSetFactory(
        subject="Vragen over de politie", submitted=dt.date(2021, 1, 20), askers=[("Van Dam", "CDA")], offices=[justice]
    )
    letter = DocumentFactory(kind="letter", date=dt.date(2021, 1, 10), dossier="32735", number="312")
    CommitmentFactory(
        source_document=letter,
        actor_office=justice,
        sentence="Toezegging in dossier 32735.",
        due_date=dt.date(2021, 2, 1),
    )
    CommitmentFactory(
        source_document=DocumentFactory(kind="letter", date=dt.date(2021, 1, 10), dossier="35 000", number="1"),
        actor_office=foreign_affairs,
        sentence="Toezegging in een ander dossier.",
        due_date=dt.date(2021, 2, 1),
    )
    subscribe("bz@example.org", ministries=[MinistryFactory(name="Buitenlandse Zaken")])
    subscribe("cda@example.org", parties=[PartyFactory(name="CDA")])
    subscribe("dossier@example.org", dossiers=["32 735"])
    subscribe("nobody@example.org", parties=[PartyFactory(name="SGP")])
    jobs.send_digests(MONDAY)
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert set(bodies) == {"bz@example.org", "cda@example.org", "dossier@example.org"}
    assert "Belarus" in bodies["bz@example.org"] and "ander dossier" in bodies["bz@example.org"]
    assert "politie" not in bodies["bz@example.org"] and "Justitie" not in bodies["bz@example.org"]
    assert "politie" in bodies["cda@example.org"] and "Belarus" not in bodies["cda@example.org"]
    assert "Toezegging in" not in bodies["cda@example.org"], "letter commitments have no party"
    assert "dossier 32735" in bodies["dossier@example.org"]
    assert "ander dossier" not in bodies["dossier@example.org"] and "Belarus" not in bodies["dossier@example.org"]


@time_machine.travel(AMSTERDAM_MONDAY_0830, tick=False)
def test_the_digest_has_a_signed_unsubscribe_link_and_list_unsubscribe_headers(belarus):
    sub = subscribe("staff@example.org")
    jobs.send_digests(MONDAY)
    msg = mail.outbox[0]
    url = unsubscribe_url(sub)
    assert url.startswith("http://127.0.0.1:8000/digests/unsubscribe/")
    assert msg.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert msg.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in msg.body and url in html_of(msg)
    parsed = email.message_from_bytes(msg.message().as_bytes(), policy=email.policy.default)
    assert parsed["List-Unsubscribe"].strip() == f"<{url}>"  # long headers are folded (RFC 5322)
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in parsed.iter_parts()] == ["text/plain", "text/html"]


@time_machine.travel(AMSTERDAM_MONDAY_0830, tick=False)
def test_the_html_part_escapes_a_subject_containing_a_script_tag(foreign_affairs):
    QuestionSetFactory(
        subject='Vragen over <script>alert("x")</script> & meer',
        submitted=dt.date(2021, 1, 19),
        askers=[("Ploumen <b>", "PvdA")],
        offices=[foreign_affairs],
    )
    subscribe("staff@example.org")
    jobs.send_digests(MONDAY)
    msg = mail.outbox[0]
    html = html_of(msg)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer" in html
    assert '<script>alert("x")</script> & meer' in msg.body, "the text part is plain text, not escaped"


@time_machine.travel(AMSTERDAM_MONDAY_0830, tick=False)
def test_building_digests_takes_the_same_number_of_queries_for_many_rows(
    foreign_affairs, justice, django_assert_max_num_queries
):
    def add(n):
        for i in range(n):
            QuestionSetFactory(
                submitted=dt.date(2021, 1, 4),
                askers=[(f"Lid {n}-{i}", "PvdA"), (f"Ander {n}-{i}", "SP")],
                offices=[foreign_affairs, justice],
            )
            CommitmentFactory(source_document=DocumentFactory(date=dt.date(2021, 1, 1)), due_date=dt.date(2021, 2, 1))
            CommitmentFactory(source_document=DocumentFactory(date=dt.date(2021, 1, 1)), due_date=dt.date(2021, 3, 5))

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    add(2)
    with CaptureQueriesContext(connection) as few:
        emails.build_report(MONDAY).digest()
    add(20)
    with CaptureQueriesContext(connection) as many:
        report = emails.build_report(MONDAY)
    assert len(many) == len(few) <= 12
    assert len(report.digest().groups) == 2 and report.digest().counts["overdue_answers"] == 22


def test_a_ministry_with_more_overdue_answers_than_a_mail_lists_links_to_the_list_of_all(client, admin_user):
    """30 sets overdue at one ministry: the digest lists the 25 most overdue and says
    "en nog 5" with the address of the list that shows all 30."""
    from tests.factories import OfficeFactory

    office = OfficeFactory(title="Minister van Financiën", ministry=MinistryFactory(name="Financiën"))
    sets = [
        QuestionSetFactory(
            subject=f"Vragen over belasting {i}", submitted=dt.date(2021, 1, 4) + dt.timedelta(days=i), offices=[office]
        )
        for i in range(30)
    ]
    digest = emails.build_report(MONDAY).digest()
    [group] = digest.groups
    assert group.total["overdue_answers"] == 30 and len(group.overdue_answers) == emails.ITEMS_PER_SECTION == 25
    assert [i.id for i in group.overdue_answers] == [qs.pk for qs in sets[:25]]  # the longest overdue first
    rendered = render_digest(digest)
    text, html = rendered.text, rendered.html
    url = group.rest["overdue_answers"]
    assert "Te late antwoorden op Kamervragen (30)" in text
    assert f"- en nog 5: {url}" in text and "En nog 5: bekijk ze allemaal" in html
    assert "Vragen over belasting 24" in text and "Vragen over belasting 25" not in text
    client.force_login(admin_user)
    listed = client.get(url.removeprefix("http://127.0.0.1:8000"))
    assert listed.status_code == 200
    assert sorted(o.pk for o in listed.context["paginator"].object_list) == sorted(qs.pk for qs in sets)
    assert "En nog 5: bekijk ze allemaal" in client.get("/digests/preview/").content.decode()  # the page as the mail


def test_the_subject_names_each_count_once_with_its_plural_and_nothing_when_there_is_nothing():
    from tracker.digests.report import Digest

    def digest(**counts):
        return Digest(today=MONDAY, week="2021-W09", groups=[], counts=counts, received_from=MONDAY, received_to=MONDAY)

    assert digest(overdue_answers=3, overdue_commitments=2, due_commitments=0, received_answers=1).summary_line == (
        "3 antwoorden te laat, 2 toezeggingen verlopen, 1 antwoord ontvangen"
    )
    assert digest(overdue_answers=0, overdue_commitments=1).summary_line == "1 toezegging verlopen"
    assert digest(overdue_answers=0, overdue_commitments=0).summary_line == "niets te melden"
