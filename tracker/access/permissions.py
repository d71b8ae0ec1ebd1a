"""Who may do what: viewers read, editors change statuses and upload, admins everything."""

from django.contrib.auth.models import Group, Permission

VIEWERS = "lezers"
EDITORS = "redacteuren"

EDITOR_PERMISSIONS = [
    ("tracker", "change_commitment"),
    ("tracker", "change_fulfilmentsuggestion"),
    ("tracker", "change_questionset"),
    ("documents", "add_document"),
]
VIEWER_PERMISSIONS = [
    ("tracker", "view_commitment"),
    ("tracker", "view_questionset"),
    ("documents", "view_document"),
]


def _perms(pairs):
    out = []
    for app, codename in pairs:
        out.extend(Permission.objects.filter(content_type__app_label=app, codename=codename))
    return out


def ensure_groups():
    viewers, _ = Group.objects.get_or_create(name=VIEWERS)
    viewers.permissions.add(*_perms(VIEWER_PERMISSIONS))
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*_perms(VIEWER_PERMISSIONS + EDITOR_PERMISSIONS))
    return viewers, editors


def can_edit(user) -> bool:
    return user.is_authenticated and user.has_perm("tracker.change_commitment")


def can_upload(user) -> bool:
    return user.is_authenticated and user.has_perm("documents.add_document")
