"""Form widgets for the list pages."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A ``<select>`` written out in Python: the same HTML as Django's Select.

    Django renders every ``<option>`` through a template, about 0.1 ms each:
    the commitment list's "Bewindspersoon" filter with 833 ministers made
    each page 100 ms slower at the large benchmark scale (BENCHMARKS.md).
    Option groups (a choice whose label is a list) are written as
    ``<optgroup>``, as Django does."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        selected = set(self.format_value(value))
        parts = [f'<select name="{escape(name)}"{flatatt(attrs)}>']
        for option_value, label in self.choices:
            if isinstance(label, (list, tuple)):
                parts.append(f'<optgroup label="{escape(option_value)}">')
                parts.extend(self._option(v, lab, selected) for v, lab in label)
                parts.append("</optgroup>")
            else:
                parts.append(self._option(option_value, label, selected))
        parts.append("</select>")
        return mark_safe("\n".join(parts))

    @staticmethod
    def _option(value, label, selected: set) -> str:
        value = "" if value is None else str(value)
        mark = " selected" if value in selected else ""
        return f'<option value="{escape(value)}"{mark}>{conditional_escape(label)}</option>'
