"""What the open data says against what the papers say.

* Per question set and date (asked, answered, postponed): when both say a
  date and the dates differ, a Discrepancy waits in the staff queue ("de
  open data zegt beantwoord op 3 maart, het Aanhangsel zegt 4 maart").
  Staff take either value with one click, through the one write path
  (``tracker.domain.edits.correct``: a Correction, the due dates
  recomputed). A difference staff resolved is not asked again for the same
  two values; one that no longer holds leaves the queue by itself.
* Per registry commitment (Toezegging), the written commitments of the
  same ministry that look like the same promise
  (``tracker.domain.identity.similarity`` of their words), shown side by side.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from tracker.domain import edits
from tracker.domain.identity import content_words
from tracker.models import Commitment, Correction, Discrepancy, QuestionSet, RegistryCommitment, RegistryMatch

LABELS = Discrepancy.FIELDS
#: a written commitment this similar to a registry one is shown beside it (identity.similarity)
SAME_PROMISE = 0.5
MATCHES_SHOWN = 3


def record_differences(qs: QuestionSet, said: dict, papers: dict, queued: bool = True) -> None:
    """Open a Discrepancy per date on which the open data and the papers differ; close those that
    agree now (``queued``: the set may have open ones; False when it is known to have none)."""
    for field in LABELS:
        ours, theirs = said[field], papers[field]
        differs = ours.value is not None and theirs.value is not None and ours.value != theirs.value
        open_now = Discrepancy.objects.filter(question_set=qs, field=field, state=Discrepancy.State.OPEN)
        if not differs:
            if queued:
                open_now.update(state=Discrepancy.State.GONE)
            continue
        values = {"open_data_value": ours.value.isoformat(), "paper_value": theirs.value.isoformat()}
        open_now.exclude(**values).update(state=Discrepancy.State.GONE)
        row, created = Discrepancy.objects.get_or_create(
            question_set=qs,
            field=field,
            **values,
            defaults={"open_data_source": ours.source[:250], "paper_source": theirs.source[:250]},
        )
        if not created and row.state == Discrepancy.State.GONE:
            row.state = Discrepancy.State.OPEN
            row.save(update_fields=["state"])


@transaction.atomic
def take(item: Discrepancy, side: str, user) -> list[Correction]:
    """Staff take the open data's value (``side="open_data"``) or the paper's (``"paper"``)."""
    if side not in (Discrepancy.State.TOOK_OPEN_DATA, Discrepancy.State.TOOK_PAPER):
        raise ValueError(f"onbekende keuze {side!r}")
    item = Discrepancy.objects.select_for_update().select_related("question_set").get(pk=item.pk)
    if item.state != Discrepancy.State.OPEN:
        raise ValueError("dit verschil is al opgelost")
    chosen = item.open_data_value if side == Discrepancy.State.TOOK_OPEN_DATA else item.paper_value
    source = item.open_data_source if side == Discrepancy.State.TOOK_OPEN_DATA else item.paper_source
    why = (
        f"open data: {LABELS[item.field]} {chosen} volgens {source} "
        f"(open data {item.open_data_value}, document {item.paper_value})"
    )
    written = edits.correct(item.question_set, {item.field: dt.date.fromisoformat(chosen)}, by=user, why=why)
    item.state, item.resolved_by, item.resolved_at = side, user, timezone.now()
    item.save(update_fields=["state", "resolved_by", "resolved_at"])
    return written


# ---------------------------------------------------------------- the registry


def ministry_key(name: str) -> str:
    """ "Ministerie van Economische Zaken en Klimaat" / "Economische Zaken en Klimaat" → one key."""
    name = re.sub(r"^\s*(?:ministerie|minister|staatssecretaris)\s+(?:van|voor)\s+", "", name or "", flags=re.I)
    return re.sub(r"\s+", " ", name).strip().lower()


def match_registry(ids: Iterable[int]) -> None:
    """The written commitments that look like the same promise as each of these registry
    commitments: the same ministry, words shared (identity.similarity), best first."""
    rows = list(RegistryCommitment.objects.filter(pk__in=list(ids)))
    RegistryMatch.objects.filter(registry__in=rows).delete()
    by_ministry: dict[str, list[RegistryCommitment]] = {}
    for r in rows:
        if not r.deleted and r.text and ministry_key(r.ministry):
            by_ministry.setdefault(ministry_key(r.ministry), []).append(r)
    if not by_ministry:
        return
    candidates: dict[str, list[tuple[int, set[str]]]] = {}
    for pk, sentence, ministry in (
        Commitment.objects.live()
        .filter(actor_office__ministry__isnull=False)
        .values_list("pk", "sentence", "actor_office__ministry__name")
        .iterator()
    ):
        key = ministry_key(ministry)
        if key in by_ministry:
            candidates.setdefault(key, []).append((pk, content_words(sentence)))
    new = []
    for key, registry in by_ministry.items():
        for r in registry:
            words = content_words(r.text)
            scored = sorted(
                (
                    (len(words & theirs) / min(len(words), len(theirs)), pk)
                    for pk, theirs in candidates.get(key, [])
                    if words and theirs
                ),
                reverse=True,
            )
            new += [
                RegistryMatch(registry=r, commitment_id=pk, score=round(score, 2))
                for score, pk in scored[:MATCHES_SHOWN]
                if score >= SAME_PROMISE
            ]
    RegistryMatch.objects.bulk_create(new)
