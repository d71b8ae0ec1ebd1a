"""Template filters that ask the model methods and rules (no rule is written here)."""

from django import template

from tracker.rules import answer_term

register = template.Library()


@register.filter
def days_overdue(obj, day):
    """``{{ item|days_overdue:today }}``: the model's own days_overdue(on=day)."""
    return obj.days_overdue(day)


@register.filter
def days_late(question_set):
    """How late an answered set came in (rules/answer_term.days_late)."""
    qs = question_set
    return answer_term.days_late(qs.submitted, qs.postponed_on, qs.received)


@register.filter
def due_on(question_set, day):
    """The set's due date as it stood on ``day`` (rules/answer_term.due_on)."""
    return answer_term.due_on(question_set.submitted, question_set.postponed_on, day)
