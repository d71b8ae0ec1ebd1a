"""``sync_opendata --from-dir DIR``: a folder of recorded responses served in place of the API.

The folder, one file per response as the API served it (README, "Open data"):

    DIR/feed/<Category>/start.xml         Feed?category=<Category>               (the first page)
    DIR/feed/<Category>/<skiptoken>.xml   Feed?skiptoken=<skiptoken>&category=<Category>
    DIR/entities/<id>.xml                 Entiteiten/<id>   (an entity the feed gave without its body)
    DIR/resources/<id>.<ext>              Resources/<id>    (a paper's file: .pdf, .txt, .xml, .html)

A category without a folder has no changes. A skiptoken past the last
recorded page of its category is the end of the feed (an empty page, as
the API answers when nothing is new); a missing page before it is a gap in
the recording: 404, and the sync stops with that address.

The transport answers any host: the recorded pages' ``rel="next"`` links
name the real API, and the sync follows them into the folder.
"""

from __future__ import annotations

import mimetypes
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx

EMPTY_FEED = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<feed xmlns="http://www.w3.org/2005/Atom"><title>SyncFeed</title></feed>\n'
)
_GUID = re.compile(r"^[0-9A-Za-z-]{1,64}$")
TYPES = {
    ".pdf": "application/pdf",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
}


class FolderTransport(httpx.BaseTransport):
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise FileNotFoundError(f"{self.folder}: geen map met opgenomen antwoorden")

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.rstrip("/")
        name = path.rsplit("/", 1)[-1]
        parent = path.rsplit("/", 2)[-2] if path.count("/") >= 2 else ""
        if name == "Feed":
            return self._feed(request)
        if parent == "Entiteiten" and _GUID.match(name):
            return self._file(request, self.folder / "entities" / f"{name}.xml")
        if parent == "Resources" and _GUID.match(name):
            found = sorted((self.folder / "resources").glob(f"{name}.*"))
            return self._file(request, found[0] if found else self.folder / "resources" / name)
        return _not_found(request, "geen opgenomen antwoord voor dit adres")

    def _feed(self, request: httpx.Request) -> httpx.Response:
        query = parse_qs(urlsplit(str(request.url)).query)
        category = (query.get("category") or [""])[-1]
        token = (query.get("skiptoken") or [""])[-1]
        if not re.fullmatch(r"[A-Za-z]+", category) or (token and not token.isdigit()):
            return _not_found(request, "onbekende categorie of skiptoken")
        folder = self.folder / "feed" / category
        page = folder / f"{token or 'start'}.xml"
        if page.is_file():
            return self._file(request, page)
        recorded = [int(p.stem) for p in folder.glob("*.xml") if p.stem.isdigit()] if folder.is_dir() else []
        if not token or not recorded or int(token) > max(recorded):
            return httpx.Response(
                200, content=EMPTY_FEED, headers={"Content-Type": "application/atom+xml"}, request=request
            )
        return _not_found(request, f"pagina {page} ontbreekt in de opname")

    @staticmethod
    def _file(request: httpx.Request, path: Path) -> httpx.Response:
        if not path.is_file():
            return _not_found(request, f"{path} ontbreekt")
        kind = TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return httpx.Response(200, content=path.read_bytes(), headers={"Content-Type": kind}, request=request)


def _not_found(request: httpx.Request, why: str) -> httpx.Response:
    return httpx.Response(404, json={"error": why}, request=request)
