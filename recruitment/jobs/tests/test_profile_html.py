"""The job profile renders the advert's allowed HTML and escapes the rest."""

import pytest

pytestmark = pytest.mark.django_db

ADVERT_TEXT = {
    "description": "<p>Bake bread every day.</p><ul><li>Early starts</li></ul>",
    "future_prospects": "<p>A permanent role.</p>",
    "training_to_be_provided": "<ul><li>One day a week at college</li></ul>",
    "employer_description": "<p>A family bakery.<br>Two shops.</p>",
}


def test_profile_renders_allowed_tags(admin_client, make_job):
    job = make_job(**ADVERT_TEXT)

    page = admin_client.get(f"/jobs/{job.pk}/").content.decode()

    for value in ADVERT_TEXT.values():
        assert f"<dd>{value}</dd>" in page
    assert "&lt;p&gt;" not in page
    assert "&lt;li&gt;" not in page


def test_profile_escapes_other_markup(admin_client, make_job):
    job = make_job(
        future_prospects='<p class="x">Hi</p><img src=x onerror=alert(1)>',
        employer_description="<script>alert(1)</script>",
    )

    page = admin_client.get(f"/jobs/{job.pk}/").content.decode()

    assert '<p class="x">' not in page
    assert "<img src=x" not in page
    assert "<script>alert(1)" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_profile_keeps_plain_text_line_breaks(admin_client, make_job):
    job = make_job(training_to_be_provided="One day a week.\nAt Leeds College.")

    page = admin_client.get(f"/jobs/{job.pk}/").content.decode()

    assert "<p>One day a week.<br>At Leeds College.</p>" in page
