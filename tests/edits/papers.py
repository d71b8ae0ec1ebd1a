"""Real papers for the edit tests: stored as `manage.py ingest` stores them,
and a new version of one (a sentence changed) stored as an upload is."""

from __future__ import annotations

from pathlib import Path

from django.contrib.contenttypes.models import ContentType

from tests.admin_forms import change_form_data
from tests.conftest import FIXTURES, seed
from tracker.domain.calendar import db_calendar
from tracker.ingest.run import FileResult, ingest_bytes, ingest_paths
from tracker.models import Commitment, Correction, StatusChange

#: Kamerstuk 32 735, nr. 100 (23 January 2014): a COC meeting promised for 3 February
COC_LETTER = seed("001")
#: Kamerstuk 32 735, nr. 312 (17 September 2020): a later letter of the same minister
RIGHTS_COUNCIL_LETTER = seed("003")
#: the answers on Tsjetsjenië (ingezonden 22 januari 2019, ontvangen 15 februari 2019), no Aanhangsel number
CHECHNYA_ANSWERS = seed("000")
#: Aanhangsel 2023-2024, nr. 1949 (ingezonden 2 april 2024, ontvangen 7 mei 2024)
WAITING_LISTS_ANSWERS = FIXTURES / "ah-tk-20232024-1949.xml"
#: a promise (31 293, nr. 640), the letter that re-dates it (nr. 650), the letter that keeps it (nr. 660)
PROMISE, POSTPONEMENT, FULFILMENT = sorted((FIXTURES / "commitment").glob("*.txt"))

COC_MEETING = "gesprek plaatsvinden tussen het COC"


def ingest(*paths: Path) -> None:
    report = ingest_paths(paths)
    assert report.to_json()["failed"] == [], report.to_json()


def new_version(path: Path, *changes: tuple[str, str]) -> FileResult:
    """The paper with each (old, new) text replaced once, stored as a new version of the same paper."""
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, f"{path.name}: {old!r} not in the paper"
        text = text.replace(old, new, 1)
    result = ingest_bytes(text.encode("utf-8"), f"{path.stem}-nieuwe-versie{path.suffix}", calendar=db_calendar())
    assert result.status == "updated", f"{path.name}: stored as {result.status}, not as a new version ({result.error})"
    return result


def live(sentence_part: str) -> Commitment:
    """The one live commitment whose sentence says ``sentence_part``."""
    rows = list(Commitment.objects.live().filter(sentence__contains=sentence_part))
    assert len(rows) == 1, f"{len(rows)} live commitments say {sentence_part!r}"
    return rows[0]


def events(obj) -> list[tuple[str, str, str]]:
    ct = ContentType.objects.get_for_model(obj)
    return list(
        StatusChange.objects.filter(content_type=ct, object_id=obj.pk).values_list("event", "old_value", "new_value")
    )


def correction(obj, field: str) -> Correction:
    ct = ContentType.objects.get_for_model(obj)
    return Correction.objects.get(content_type=ct, object_id=obj.pk, field=field, active=True)


def admin_url(obj) -> str:
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def admin_save(client, obj, **changes) -> None:
    """Staff open ``obj``'s admin change form, change ``changes`` and save."""
    url = admin_url(obj)
    response = client.post(url, change_form_data(client, url, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
