"""The public job page renders the advert's allowed HTML and escapes the rest."""

import pytest

from .helpers import apply_url

pytestmark = pytest.mark.django_db


def test_description_tags_render_as_elements(client, job):
    job.description = (
        "<p>Learn plumbing on real sites.</p><ul><li>Paid training</li>"
        "<li>A friendly team</li></ul>"
    )
    job.save()

    page = client.get(apply_url(job)).content.decode()

    assert "<p>Learn plumbing on real sites.</p>" in page
    assert "<ul><li>Paid training</li><li>A friendly team</li></ul>" in page
    assert "&lt;p&gt;" not in page
    assert "&lt;li&gt;" not in page


def test_description_script_is_escaped(client, job):
    job.description = (
        '<p onclick="steal()">Hi</p><script>alert(1)</script>'
        '<img src="x" onerror="alert(2)">'
    )
    job.save()

    page = client.get(apply_url(job)).content.decode()

    assert "<script>alert(1)" not in page
    assert "<img src" not in page
    assert '<p onclick="steal()">' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=" in page


def test_plain_description_keeps_line_breaks(client, job):
    job.description = "Learn plumbing on real sites.\nWork with a friendly team."
    job.save()

    page = client.get(apply_url(job)).content.decode()

    assert "<p>Learn plumbing on real sites.<br>Work with a friendly team.</p>" in page
