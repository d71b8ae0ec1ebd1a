"""A mail backend that writes one .eml file per message (MAIL_URL=file:DIR).

Django's own file backend appends every message of a connection to one log
file; staff and tests want one message per file, as mailpit would show it.
"""

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend


class EmlFileBackend(BaseEmailBackend):
    def __init__(self, file_path=None, **kwargs):
        super().__init__(**kwargs)
        self.directory = Path(file_path or settings.EMAIL_FILE_PATH)

    def send_messages(self, email_messages):
        self.directory.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            name = f"{uuid.uuid4().hex}.eml"
            tmp = self.directory / f".{name}.tmp"
            tmp.write_bytes(message.message().as_bytes(linesep="\r\n"))
            os.replace(tmp, self.directory / name)  # atomic: a reader never sees half a mail
            sent += 1
        return sent
