"""factory-boy factories for the domain, for tests that do not start from a real paper."""

import datetime as dt
import hashlib

import factory

from documents.models import Document
from tracker import models as m


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    source_name = factory.Sequence(lambda n: f"paper-{n}.txt")
    content_hash = factory.Sequence(lambda n: hashlib.sha256(f"paper-{n}".encode()).hexdigest())
    kind = "written_questions"
    date = dt.date(2021, 3, 8)
    title = factory.Sequence(lambda n: f"Document {n}")


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Party
        django_get_or_create = ("name",)

    name = "PvdA"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Person
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Kamerlid {n}")


class MinistryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Ministry
        django_get_or_create = ("name",)

    name = "Buitenlandse Zaken"


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Office
        django_get_or_create = ("title",)

    title = factory.LazyAttribute(lambda o: f"Minister van {o.ministry.name}")
    ministry = factory.SubFactory(MinistryFactory)


class QuestionSetFactory(factory.django.DjangoModelFactory):
    """A written-question set; due dates computed as the rule says."""

    class Meta:
        model = m.QuestionSet
        skip_postgeneration_save = True

    subject = factory.Sequence(lambda n: f"Vragen over onderwerp {n}")
    submitted = dt.date(2021, 1, 19)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        obj = model_class(*args, **kwargs)
        obj.compute_due_dates()
        obj.save()
        return obj

    @factory.post_generation
    def askers(obj, create, extracted, **kwargs):
        for i, (name, party) in enumerate(extracted or []):
            m.Asker.objects.create(
                question_set=obj,
                person=PersonFactory(name=name),
                party=PartyFactory(name=party) if party else None,
                position=i,
            )

    @factory.post_generation
    def offices(obj, create, extracted, **kwargs):
        for office in extracted or []:
            obj.addressed_to.add(office)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Commitment

    source_document = factory.SubFactory(DocumentFactory, kind="letter")
    sentence = factory.Sequence(lambda n: f"Ik zal uw Kamer over zaak {n} informeren.")
    sentence_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.sentence.encode()).hexdigest())
    actor = "Minister van Buitenlandse Zaken"
    actor_office = factory.SubFactory(OfficeFactory)
    status = "open"
