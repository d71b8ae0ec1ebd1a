"""/documents/<id>/bestand/: the paper's source file as it was ingested; /favicon.ico."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.templatetags.static import static

from documents.models import Document

CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".xml": "application/xml",
    ".html": "text/html",
    ".htm": "text/html",
    ".txt": "text/plain; charset=utf-8",
}


@login_required
def source_file(request, pk: int):
    doc = get_object_or_404(Document, pk=pk)
    if not doc.file:
        raise Http404("Van dit document is geen bronbestand bewaard.")
    try:
        handle = doc.file.open("rb")
    except FileNotFoundError:
        raise Http404("Het bronbestand ontbreekt in de opslag.") from None
    name = doc.source_name or doc.file.name.rsplit("/", 1)[-1]
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    # always as a download: an HTML or XML paper is never rendered as a page of this site
    return FileResponse(
        handle, as_attachment=True, filename=name, content_type=CONTENT_TYPES.get(suffix, "application/octet-stream")
    )


def favicon(request):
    """Browsers ask for /favicon.ico on pages without a <link rel="icon"> (the admin's)."""
    return HttpResponsePermanentRedirect(static("tracker/favicon.svg"))
