"""Submit an admin change form as a browser would: everything as shown, plus changes."""


def _value(bound):
    value = bound.value()
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if isinstance(value, bool):
        return "on" if value else ""
    return str(value)


def change_form_data(client, url, **changes):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        v = _value(form[name])
        if v != "":
            data[name] = v
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, _field in formset.management_form.fields.items():
            data[f"{formset.prefix}-{name}"] = str(formset.management_form[name].value() or 0)
        for sub in formset.forms:
            for name in sub.fields:
                v = _value(sub[name])
                if v != "":
                    data[sub.add_prefix(name)] = v
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data
