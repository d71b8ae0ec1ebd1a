"""A commitment staff delete is remembered as a false find, so the next
ingest of its paper does not bring it back."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from tracker.models import Commitment, DismissedFind


@receiver(pre_delete, sender=Commitment)
def remember_dismissed_commitment(sender, instance, **kwargs):
    DismissedFind.objects.get_or_create(
        document_id=instance.source_document_id,
        kind="commitment",
        key=instance.sentence_hash,
        defaults={"text": instance.sentence[:2000]},
    )
