"""QuickSelect writes the same <select> as Django's template-rendered one."""

from django import forms
from django.test.html import parse_html

from tracker.review.widgets import QuickSelect


def test_quick_select_renders_what_django_renders():
    choices = [("", "Alle"), (1, "Buitenlandse Zaken"), (2, "Justitie & Veiligheid <JenV>"), (3, "Financiën")]
    attrs = {"id": "id_ministry", "aria-describedby": "id_ministry_help"}
    grouped = [("", "Alle"), ("Vroeger", [(7, "Jaarverslag"), (8, "Oud & nieuw")])]
    for value in ("", 2, None, "2", 8):
        django_html = forms.Select(choices=choices).render("ministry", value, attrs=attrs)
        quick_html = QuickSelect(choices=choices).render("ministry", value, attrs=attrs)
        assert parse_html(quick_html) == parse_html(django_html)  # attribute order and spacing aside
        django_html = forms.Select(choices=grouped).render("ministry", value, attrs=attrs)
        assert parse_html(QuickSelect(choices=grouped).render("ministry", value, attrs=attrs)) == parse_html(
            django_html
        )
    assert 'value="2" selected' in QuickSelect(choices=choices).render("ministry", 2)
    assert "&lt;JenV&gt;" in QuickSelect(choices=choices).render("ministry", 2)
