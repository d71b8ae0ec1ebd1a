"""The Kamer's own open data (the Gegevensmagazijn's SyncFeed), joined with the papers.

The flow (a run of ``manage.py sync_opendata`` or the nightly task):

  client.py     HTTP over httpx: retries with back-off, a polite pause, a User-Agent, downloads
                checked against their stated length; replay.py serves a recorded folder instead
  feed.py       one SyncFeed page (Atom) → entries, the skiptoken of the next page
  entities.py   one entity body (Zaak, ZaakActor, Document, Toezegging, a tombstone) → a dataclass
  store.py      entities → the open data's own tables (tracker.models: OpenData*, RegistryCommitment),
                upsert by Id, tombstones honoured; one transaction per page, with the feed position
  link.py       a Zaak "Schriftelijke vragen" → its QuestionSet from the day it was asked; its papers
                fetched once and ingested like an upload (tracker.ingest.run.ingest_bytes)
  reconcile.py  what the open data says against what the papers say → the staff queue;
                registry commitments beside the written ones that look like the same promise
  sync.py       the run as a unit, with its report (created, updated, unchanged, deleted, errors)

What is known of the API, with sources: ../shared/opendata/NOTES.md.
"""
