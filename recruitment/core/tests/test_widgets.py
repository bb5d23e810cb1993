from django import forms
from django.test.html import parse_html

from recruitment.core.widgets import PlainSelect


class JobFilter(forms.Form):
    job = forms.TypedChoiceField(required=False, coerce=int, widget=PlainSelect)


def make_form(value, choices):
    form = JobFilter({"job": value})
    form.fields["job"].choices = choices
    return form


def test_plain_select_matches_django_select():
    choices = [("", "All jobs"), (1, "Baker"), (2, "Chef & <cook>")]
    form = make_form("2", choices)
    html = str(form["job"])

    django_form = make_form("2", choices)
    django_form.fields["job"].widget = forms.Select(choices=choices)
    expected = str(django_form["job"])

    assert parse_html(html) == parse_html(expected)


def test_plain_select_escapes_labels():
    html = str(make_form("", [("", "All"), (1, "<script>x</script>")])["job"])

    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
