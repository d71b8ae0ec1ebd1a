"""A small, polite client for the Gegevensmagazijn's SyncFeed (httpx).

* retries with exponential back-off on connection errors, time-outs, 429
  and 5xx (the API had months of HTTP 500 on some categories and several
  outages: NOTES.md §10), honouring ``Retry-After``;
* a pause between requests (tkconv waits 100 ms; the API states no limit
  but bandwidth per address may be capped: NOTES.md §1);
* a User-Agent naming the project and where it runs;
* a file download is checked against the length the feed states for it
  (tkpull accepts a file only when its size equals ``contentLength``).

What goes wrong ends as ``OpenDataError`` with one line naming the address
and the problem. ``replay.FolderTransport`` stands in for the network to
read a recorded folder through the same code.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

import httpx
from django.conf import settings

from tracker.config.env import redact_url
from tracker.opendata.entities import Entity, EntityError, parse_entity_bytes
from tracker.opendata.feed import FeedError, Page, parse_page

RETRY_STATUS = {429, 500, 502, 503, 504}


class OpenDataError(Exception):
    """The open data could not be read; the message is one line, ``source`` the address."""

    def __init__(self, message: str, source: str = ""):
        super().__init__(message)
        self.source = source


class Client:
    def __init__(
        self,
        *,
        feed_url: str | None = None,
        transport: httpx.BaseTransport | None = None,
        pause: float | None = None,
        retries: int | None = None,
        backoff: float | None = None,
        timeout: float | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.feed_url = (feed_url or settings.OPENDATA_SYNCFEED_URL).rstrip("/")
        self.pause = settings.OPENDATA_PAUSE_SECONDS if pause is None else pause
        self.retries = settings.OPENDATA_RETRIES if retries is None else retries
        self.backoff = settings.OPENDATA_BACKOFF_SECONDS if backoff is None else backoff
        self.sleep = sleep
        self._last = 0.0
        self.http = httpx.Client(
            transport=transport,
            timeout=settings.OPENDATA_TIMEOUT_SECONDS if timeout is None else timeout,
            follow_redirects=True,
            headers={"User-Agent": settings.OPENDATA_USER_AGENT},
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------ addresses

    def feed_page_url(self, category: str, skiptoken: str = "") -> str:
        query = {"skiptoken": skiptoken, "category": category} if skiptoken else {"category": category}
        return f"{self.feed_url}/Feed?{urlencode(query)}"

    def entity_url(self, guid: str) -> str:
        return f"{self.feed_url}/Entiteiten/{guid}"

    def resource_url(self, guid: str) -> str:
        return f"{self.feed_url}/Resources/{guid}"

    # ------------------------------------------------------------ reading

    def page(self, url: str) -> Page:
        try:
            return parse_page(self.get(url).content, redact_url(url))
        except FeedError as exc:
            raise OpenDataError(str(exc), redact_url(url)) from None

    def entity(self, guid: str) -> Entity | None:
        url = self.entity_url(guid)
        try:
            return parse_entity_bytes(self.get(url).content, url)
        except EntityError as exc:
            raise OpenDataError(str(exc), url) from None

    def download(self, url: str, expected_length: int | None, max_bytes: int) -> bytes:
        """A file's bytes, refused when the feed states more than ``max_bytes`` or when
        what arrived is not the length the feed states."""
        if expected_length is not None and expected_length > max_bytes:
            raise OpenDataError(
                f"{redact_url(url)}: {expected_length} bytes volgens de feed, "
                f"het maximum is {max_bytes} (MAX_DOCUMENT_BYTES)",
                redact_url(url),
            )
        data = self.get(url).content
        if len(data) > max_bytes:
            raise OpenDataError(
                f"{redact_url(url)}: {len(data)} bytes, het maximum is {max_bytes} (MAX_DOCUMENT_BYTES)",
                redact_url(url),
            )
        if expected_length is not None and len(data) != expected_length:
            raise OpenDataError(
                f"{redact_url(url)}: {len(data)} bytes ontvangen, de feed noemt {expected_length}: "
                "onvolledig, de volgende run probeert het opnieuw",
                redact_url(url),
            )
        return data

    def get(self, url: str) -> httpx.Response:
        """GET with the pause, the retries and the back-off; OpenDataError when it does not succeed."""
        shown = redact_url(url)
        attempt = 0
        while True:
            wait = self._last + self.pause - time.monotonic()
            if wait > 0:
                self.sleep(wait)
            self._last = time.monotonic()
            try:
                response = self.http.get(url)
            except httpx.TransportError as exc:
                problem, retry_after = f"{type(exc).__name__}: {exc}".splitlines()[0], None
            else:
                if response.status_code == 200:
                    return response
                if response.status_code not in RETRY_STATUS:
                    raise OpenDataError(f"{shown}: HTTP {response.status_code}", shown)
                problem, retry_after = f"HTTP {response.status_code}", _seconds(response.headers.get("Retry-After"))
            if attempt >= self.retries:
                tries = f" (na {attempt + 1} pogingen)" if attempt else ""
                raise OpenDataError(f"open data niet bereikbaar: {shown}: {problem}{tries}", shown)
            self.sleep(retry_after if retry_after is not None else self.backoff * (2**attempt))
            attempt += 1


def _seconds(value: str | None) -> float | None:
    try:
        return min(float(value), 300.0) if value is not None else None
    except ValueError:
        return None
