"""Mail backends that fail on purpose."""

import smtplib

from django.core.mail.backends import locmem


class RefuseSecondBackend(locmem.EmailBackend):
    """Accepts every message except the second one it is ever handed."""

    calls = 0

    def send_messages(self, messages):
        type(self).calls += 1
        if type(self).calls == 2:
            raise smtplib.SMTPRecipientsRefused({m.to[0]: (550, b"mailbox unavailable") for m in messages})
        return super().send_messages(messages)
