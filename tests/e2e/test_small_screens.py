"""Pages at a 375-pixel-wide phone screen: no sideways page scroll, and axe-core.

Uses the demo tenant that `seed_demo` builds. Only a `.table-wrap` may scroll
sideways, inside itself, and the page as a whole must fit the screen.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .checks import axe_violations, describe_violations, horizontal_overflow
from .files import cv_pdf

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
APPLICANT = {
    "first_name": "Morgan",
    "last_name": "Okafor-Lindqvist",
    "email": "morgan.okafor-lindqvist.long.address@example.com",
}


def assert_fits(page: Page, description: str):
    layout = horizontal_overflow(page, PHONE["width"])
    assert layout["scrollWidth"] <= PHONE["width"], (
        f"{description} at {page.url} scrolls sideways: scrollWidth "
        f"{layout['scrollWidth']} > {PHONE['width']}. Wide elements: {layout['wide']}"
    )


def assert_accessible(page: Page, description: str):
    violations = axe_violations(page)
    assert not violations, (
        f"axe-core found serious or critical problems on {description} at {page.url}:\n"
        + describe_violations(violations)
    )


def demo_job_form_url(stack) -> tuple[int, str]:
    job_id = stack.demo["job_ids"][0]
    key = stack.orm(
        "from recruitment.jobs.models import Job; "
        f"print(Job.objects.get(pk={job_id}).public_key)"
    ).strip()
    return job_id, f"{stack.app_url}/apply/{key}/"


def test_pages_fit_phone_and_pass_axe(stack, people, recorder):
    job_id, form_url = demo_job_form_url(stack)
    step = recorder.step

    applicant = people.page("applicant", viewport=PHONE)
    with step("application form on a phone", applicant):
        applicant.goto(form_url)
        expect(applicant.get_by_role("button", name="Send application")).to_be_visible()
        assert_fits(applicant, "the application form")
        assert_accessible(applicant, "the application form")
    with step("application form errors on a phone", applicant):
        applicant.get_by_role("button", name="Send application").click()
        expect(applicant.locator(".error-summary")).to_be_visible()
        assert_fits(applicant, "the application form with errors")
        assert_accessible(applicant, "the application form with errors")
    with step("application sent from a phone", applicant):
        applicant.get_by_label("First name").fill(APPLICANT["first_name"])
        applicant.get_by_label("Last name").fill(APPLICANT["last_name"])
        applicant.get_by_label("Email address").fill(APPLICANT["email"])
        applicant.get_by_label("CV").set_input_files(
            {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": cv_pdf("M O")}
        )
        applicant.get_by_role("button", name="Send application").click()
        expect(applicant.locator(".messages")).to_contain_text(
            "Your application has been received."
        )
        assert_fits(applicant, "the sign-in page")
        assert_accessible(applicant, "the sign-in page")

    staff = people.page("staff", viewport=PHONE)
    with step("staff sign in on a phone", staff):
        staff.goto(stack.demo["sign_in_url"])
        staff.get_by_label("Email").fill(stack.demo["staff_email"])
        staff.get_by_label("Password").fill(stack.demo["staff_password"])
        staff.get_by_role("button", name="Sign in").click()
        expect(staff.get_by_role("button", name="Sign out")).to_be_visible()
        assert_fits(staff, "the staff home page")
    with step("job profile on a phone", staff):
        staff.goto(f"{stack.app_url}/jobs/{job_id}/")
        expect(staff.locator("#candidates")).to_be_visible()
        expect(staff.locator("main")).to_contain_text(APPLICANT["email"])
        assert_fits(staff, "the job profile")
    with step("candidates grid on a phone", staff):
        staff.goto(f"{stack.app_url}/candidates/")
        rows = staff.locator("#candidate-results tbody tr")
        expect(rows.filter(has_text=APPLICANT["email"])).to_have_count(1)
        assert_fits(staff, "the candidates grid")
    with step("learner profile on a phone", staff):
        name = f"{APPLICANT['first_name']} {APPLICANT['last_name']}"
        staff.get_by_role("link", name=name).click()
        expect(staff.locator("h1")).to_contain_text(name)
        assert_fits(staff, "the learner profile")

    assert not people.broken_assets, "Assets failed to load: " + ", ".join(
        people.broken_assets
    )
