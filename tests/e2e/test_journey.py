"""The whole journey in Chromium, from support enabling NAS to a cancelled learner.

Every step runs against real servers: the app under gunicorn with its task
worker, and the NAS sandbox. Each step leaves a numbered screenshot. A failed
step names itself and the address it was on, and keeps the page's HTML.
"""

from __future__ import annotations

import datetime
import re
import secrets
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from .files import cv_pdf

pytestmark = pytest.mark.browser

SUPPORT_EMAIL = "support@platform.example"
PASSWORD = "Journey-password-2027"
TENANT_NAME = "Northgate Training"
TENANT_SLUG = "northgate-training"
TENANT_UKPRN = "10087654"
ADMIN_EMAIL = "amira.khan@northgate.example"
RECRUITER_EMAIL = "sam.patel@northgate.example"
RECRUITER_NAME = ("Sam", "Patel")
PROGRAMME_NAME = "Apprenticeships 2027"
LEGAL_ENTITY_ID = "K8P2RT"
ORGANISATION_NAME = "Millbrook Joinery Ltd"
CONTACT = {"name": "Priya Shah", "email": "priya.shah@example.co.uk"}
JOB_TITLE = "Joinery Apprentice"
TRAINING_COURSE = "Advanced carpentry and joinery (level 3)"
# The product's minimum duration rule needs at least 12 months.
SHORT_DURATION = "6"
GOOD_DURATION = "18"
APPLICANT = {
    "first_name": "Jo",
    "last_name": "Hughes",
    "email": "jo.hughes@example.com",
}
SECOND_APPLICANT = {
    "first_name": "Alex",
    "last_name": "Morgan",
    "email": "alex.morgan@example.com",
}
LEARNER_PASSWORD = "Learner-password-2027"
DUPLICATE_EMAIL = (
    "This portal requires a unique email. The email you entered has already been used"
)
RECEIVED = "Your application has been received."
LONDON = ZoneInfo("Europe/London")


def test_journey_from_nas_switch_to_learners(stack, people, recorder):
    system_key = "e2e-" + secrets.token_urlsafe(20)
    stack.register_sandbox_key(
        system_key, TENANT_UKPRN, f"{LEGAL_ENTITY_ID}:{ORGANISATION_NAME}"
    )
    stack.manage(
        "createsuperuser",
        "--noinput",
        "--email",
        SUPPORT_EMAIL,
        extra_env={"DJANGO_SUPERUSER_PASSWORD": PASSWORD},
    )
    app = stack.app_url
    step = recorder.step

    support = people.page("support")
    with step("support signs in", support):
        support_signs_in(support, app)
    with step("support creates tenant with NAS on", support):
        support_creates_tenant(support, app)
    with step("support creates tenant admin", support):
        support_creates_user(support, app, ADMIN_EMAIL, "admin")
    with step("support creates recruiter", support):
        support_creates_user(support, app, RECRUITER_EMAIL, "recruiter", RECRUITER_NAME)

    admin = people.page("admin")
    with step("tenant admin signs in", admin):
        sign_in(admin, app, ADMIN_EMAIL, PASSWORD)
    with step("admin creates programme", admin):
        admin_creates_programme(admin)
    with step("admin sets NAS on the jobs token", admin):
        admin_sets_jobs_token(admin, system_key)
    with step("admin confirms programme", admin):
        admin.get_by_role("button", name="Confirm programme").click()
        expect(admin.locator("main")).to_contain_text(f"{PROGRAMME_NAME} confirmed")
        expect(admin.locator(".tag-ok")).to_have_text("Confirmed")

    staff = people.page("staff")
    with step("recruiter signs in", staff):
        sign_in(staff, app, RECRUITER_EMAIL, PASSWORD)
    with step("staff create organisation", staff):
        staff_create_organisation(staff)
    with step("staff add a contact", staff):
        staff_add_contact(staff)
    with step("staff create job with a short duration", staff):
        staff_create_job(staff)
    with step("check lists the broken duration rule", staff):
        check_shows_broken_duration(staff)
    with step("staff fix the duration", staff):
        staff_fix_duration(staff)
    with step("check passes", staff):
        staff.get_by_role("link", name="Check against NAS rules").click()
        expect(staff.locator("main")).to_contain_text(
            "This job meets every NAS rule checked here"
        )
    with step("upload to NAS", staff):
        staff.get_by_role("link", name=f"Back to {JOB_TITLE}").click()
        reference = staff_upload(staff)
    with step("upload button stays gone", staff):
        staff.reload()
        expect(staff.locator("#vacancy-reference")).to_have_text(reference)
        expect(staff.get_by_role("button", name="Upload to NAS")).to_have_count(0)
    job_url = staff.url

    applicant = people.page("applicant")
    with step("advert listed on the sandbox", applicant):
        applicant.goto(stack.sandbox_url + "/")
        expect(applicant.locator("article", has_text=JOB_TITLE)).to_contain_text(
            ORGANISATION_NAME
        )
    with step("advert page on the sandbox", applicant):
        applicant.get_by_role("link", name=JOB_TITLE).click()
        expect(applicant.locator("body")).to_contain_text(f"VAC{reference}")
    with step("apply opens our form", applicant):
        applicant.get_by_role("link", name="Apply").click()
        form_url = check_application_form(applicant, app)
    with step("applicant submits with a CV", applicant):
        submit_application(applicant, APPLICANT, with_cv=True)
        expect_received(applicant, app)

    duplicate = people.page("duplicate applicant")
    with step("same email in upper case is refused", duplicate):
        duplicate.goto(form_url)
        twin = {**SECOND_APPLICANT, "email": APPLICANT["email"].upper()}
        submit_application(duplicate, twin, with_cv=False)
        expect(duplicate).to_have_url(form_url)
        error = duplicate.locator("#id_email_error")
        expect(error).to_have_text(f"Error: {DUPLICATE_EMAIL}")
        expect(duplicate.locator(".error-summary")).to_contain_text(DUPLICATE_EMAIL)

    second = people.page("second applicant")
    with step("second applicant submits", second):
        second.goto(form_url)
        submit_application(second, SECOND_APPLICANT, with_cv=False)
        expect_received(second, app)

    applicant_name = f"{APPLICANT['first_name']} {APPLICANT['last_name']}"
    second_name = f"{SECOND_APPLICANT['first_name']} {SECOND_APPLICANT['last_name']}"
    with step("candidates grid lists both", staff):
        check_candidates_grid(staff, applicant_name, second_name)
    with step("job profile lists the candidates", staff):
        staff.goto(job_url)
        candidates = staff.locator("#candidates ~ .table-wrap").first
        expect(candidates).to_contain_text(applicant_name)
        expect(candidates).to_contain_text(second_name)
    with step("learner profile shows the managed job", staff):
        candidates.get_by_role("link", name=applicant_name).click()
        check_learner_profile(staff, applicant_name)
    with step("CV came with the application", staff):
        check_cv_download(staff, applicant_name)
    with step("staff set the case owner", staff):
        staff.get_by_label("Case owner").select_option(label=" ".join(RECRUITER_NAME))
        staff.get_by_role("button", name="Set case owner").click()
        expect(staff.locator(".messages")).to_contain_text("is now the case owner")
    with step("staff send the invitation", staff):
        staff.get_by_role("button", name="Send invitation").click()
        expect(staff.locator(".messages")).to_contain_text(
            f"Invitation sent to {APPLICANT['email']}"
        )
        expect(staff.locator("h1 .tag")).to_have_text("Invited")

    with step("staff delete the second application", staff):
        staff.goto(app + "/candidates/")
        open_learner(staff, second_name)
        staff.get_by_role("link", name="Delete application").click()
        staff.get_by_role(
            "button", name="Delete application and cancel learner"
        ).click()
        expect(staff.locator(".messages")).to_contain_text(
            f"Application for {JOB_TITLE} deleted and {second_name} marked Cancelled"
        )
        expect(staff.locator("h1 .tag")).to_have_text("Cancelled")
        expect(staff.locator("main")).to_contain_text("No job applications.")

    learner = people.page("learner")
    link = stack.wait_for_link(APPLICANT["email"], r"/learners/invitations/[\w-]+/")
    with step("learner activates the account", learner):
        learner.goto(link)
        learner.locator("#id_new_password1").fill(LEARNER_PASSWORD)
        learner.locator("#id_new_password2").fill(LEARNER_PASSWORD)
        learner.get_by_role("button", name="Set password and sign in").click()
        expect(learner.locator("h1")).to_have_text("My applications")
        expect(learner.locator("main")).to_contain_text(JOB_TITLE)
    with step("learner signs in again", learner):
        learner.get_by_role("button", name="Sign out").click()
        sign_in(learner, app, APPLICANT["email"], LEARNER_PASSWORD)
        expect(learner.locator("h1")).to_have_text("My applications")
        expect(learner.locator("main")).to_contain_text(JOB_TITLE)

    assert not people.broken_assets, "Assets failed to load: " + ", ".join(
        people.broken_assets
    )


# Support


def support_signs_in(page: Page, app: str):
    page.goto(app + "/support/")
    page.get_by_label("Email address").fill(SUPPORT_EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_contain_text("Recruitment support")
    expect(page.get_by_role("link", name="Tenants", exact=True)).to_be_visible()


def support_creates_tenant(page: Page, app: str):
    page.goto(app + "/support/tenancy/tenant/add/")
    page.locator("#id_name").fill(TENANT_NAME)
    page.locator("#id_name").press("Tab")
    # The admin fills the slug in from the name.
    expect(page.locator("#id_slug")).to_have_value(TENANT_SLUG)
    page.locator("#id_ukprn").fill(TENANT_UKPRN)
    page.locator("#id_nas_enabled").check()
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    row = page.locator("#result_list tbody tr", has_text=TENANT_NAME)
    expect(row).to_contain_text(TENANT_UKPRN)
    expect(row.locator("img[alt=True]")).to_have_count(1)


def support_creates_user(page: Page, app, email, role, names=None):
    page.goto(app + "/support/tenancy/user/add/")
    page.locator("#id_tenant").select_option(label=TENANT_NAME)
    page.locator("#id_email").fill(email)
    page.locator("#id_role").select_option(role)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    if names:
        page.locator("#id_first_name").fill(names[0])
        page.locator("#id_last_name").fill(names[1])
        page.locator("input[name=_save]").click()
        expect(page.locator(".messagelist")).to_contain_text("was changed successfully")


# Tenant admin


def sign_in(page: Page, app: str, email: str, password: str):
    page.goto(f"{app}/t/{TENANT_SLUG}/sign-in/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("form.inline button", has_text="Sign out")).to_be_visible()


def admin_creates_programme(page: Page):
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Programmes"
    ).click()
    page.get_by_role("link", name="Create programme").click()
    page.get_by_label("Name").fill(PROGRAMME_NAME)
    page.get_by_label("Description").fill("Apprentices for employers in the north.")
    page.get_by_role("button", name="Create programme").click()
    expect(page.locator("h1")).to_have_text(PROGRAMME_NAME)


def admin_sets_jobs_token(page: Page, system_key: str):
    page.locator(".tiles a", has_text="Jobs").click()
    page.locator("#id_enabled").check()
    page.locator("#id_nas_integration").check()
    page.get_by_role("link", name="NAS", exact=True).click()
    page.locator("#id_system_key").fill(system_key)
    page.locator("input[name=nas_environment][value=sandbox]").check()
    page.get_by_role("button", name="Confirm", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Jobs token saved")
    expect(page.locator(".tiles")).to_contain_text(system_key[-4:])
    expect(page.locator(".tiles")).not_to_contain_text(system_key[:-4])


# Staff: organisation, job, upload


def staff_create_organisation(page: Page):
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Organisations"
    ).click()
    page.get_by_role("link", name="Create organisation").click()
    page.locator("#id_name").fill(ORGANISATION_NAME)
    page.locator("#id_address_line1").fill("4 Canal Wharf")
    page.locator("#id_town").fill("Leeds")
    page.locator("#id_postcode").fill("LS11 5PS")
    page.locator("#id_employer_description").fill(
        "A joinery workshop making staircases and windows for local builders."
    )
    page.locator("#id_web_address").fill("https://www.example.co.uk")
    page.locator("#id_legal_entity_id").fill(LEGAL_ENTITY_ID.lower())
    page.get_by_role("button", name="Save organisation").click()
    expect(page.locator("h1")).to_have_text(ORGANISATION_NAME)
    expect(page.locator("main")).to_contain_text(LEGAL_ENTITY_ID)


def staff_add_contact(page: Page):
    page.get_by_role("link", name="Add a contact").click()
    page.get_by_label("Name").fill(CONTACT["name"])
    page.get_by_label("Email").fill(CONTACT["email"])
    page.get_by_label("Phone").fill("0113 496 0123")
    page.get_by_role("button", name="Save contact").click()
    expect(page.locator("h1")).to_have_text(ORGANISATION_NAME)
    expect(page.locator("main")).to_contain_text(CONTACT["email"])


def job_dates() -> tuple[str, str]:
    today = datetime.datetime.now(LONDON).date()
    closing = today + datetime.timedelta(days=30)
    start = closing + datetime.timedelta(days=30)
    return closing.isoformat(), start.isoformat()


def job_text_fields() -> dict[str, str]:
    """Return the job form's typed fields, by field name, with a short duration."""
    closing, start = job_dates()
    return {
        "title": JOB_TITLE,
        "description": "Learn to make staircases, doors and sash windows in our "
        "workshop, working beside experienced joiners on real orders for local "
        "builders.",
        "address_line1": "4 Canal Wharf",
        "address_line2": "Holbeck",
        "address_line3": "Leeds",
        "postcode": "LS11 5PS",
        "web_address": "https://www.example.co.uk",
        "fixed_wage_yearly_amount": "18500",
        "hours_per_week": "37.5",
        "working_hours": "Monday to Friday, 8am to 4:30pm.",
        "closing_date": closing,
        "expected_start_date": start,
        "expected_duration_months": SHORT_DURATION,
        "maximum_enrolments": "2",
        "desired_skills": "Team working\nAttention to detail",
        "desired_personal_qualities": "Patience",
        "training_to_be_provided": "Carpentry and joinery level 2, one day a week "
        "at college.",
        "future_prospects": "A permanent joiner's job for apprentices who complete "
        "the course.",
        "employer_description": "A joinery workshop making staircases and windows "
        "for local builders.",
    }


def staff_create_job(page: Page):
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Jobs").click()
    page.get_by_role("link", name="Create job").click()
    form = page.locator("#job-form")

    # Choosing the organisation loads its contacts into the contact list.
    form.locator("#id_organisation").select_option(label=ORGANISATION_NAME)
    contact = form.locator("#id_contact option", has_text=CONTACT["name"])
    expect(contact).to_have_count(1)
    form.locator("#id_contact").select_option(label=CONTACT["name"])
    form.locator("#id_programme").select_option(label=PROGRAMME_NAME)
    form.locator("#id_contract_type").select_option("apprenticeship")
    form.locator("#id_wage_type").select_option("fixed_wage")
    course = form.locator("#id_training_code option", has_text=TRAINING_COURSE)
    form.locator("#id_training_code").select_option(course.get_attribute("value"))

    for name, value in job_text_fields().items():
        form.locator(f"#id_{name}").fill(value)
    form.locator("#id_qualifications-0-type").select_option(label="GCSE")
    form.locator("#id_qualifications-0-subject").fill("Maths")
    form.locator("#id_qualifications-0-grade").fill("4 (C) or above")

    form.get_by_role("button", name="Save job").click()
    expect(page.locator("h1")).to_have_text(JOB_TITLE)
    expect(page.locator(".messages")).to_contain_text(
        "as a draft: 1 NAS rule(s) are not met yet"
    )


def check_shows_broken_duration(page: Page):
    page.get_by_role("link", name="Check against NAS rules").click()
    failures = page.locator("ul.failures li")
    expect(failures).to_have_count(1)
    expect(failures.first).to_contain_text(re.compile("duration", re.IGNORECASE))
    expect(failures.first).to_contain_text("12 months")


def staff_fix_duration(page: Page):
    page.locator("ul.failures li a").first.click()
    expect(page).to_have_url(re.compile(r"/jobs/\d+/edit/"))
    page.locator("#id_expected_duration_months").fill(GOOD_DURATION)
    page.get_by_role("button", name="Save job").click()
    expect(page.locator(".messages")).to_contain_text("It meets every NAS rule checked")


def staff_upload(page: Page) -> str:
    """Upload the job from its profile and return the vacancy reference."""
    upload = page.get_by_role("button", name="Upload to NAS")
    expect(upload).to_be_visible()
    upload.click()
    expect(page.locator("h1")).to_have_text(JOB_TITLE)
    reference = page.locator("#vacancy-reference")
    expect(reference).to_have_text(re.compile(r"^\d{6,12}$"))
    number = reference.inner_text()
    expect(page.locator(".messages")).to_contain_text(
        f"Uploaded to NAS. The vacancy reference is {number}."
    )
    expect(page.get_by_role("button", name="Upload to NAS")).to_have_count(0)
    return number


# Applicants


def check_application_form(page: Page, app: str) -> str:
    expect(page).to_have_url(re.compile(re.escape(app) + r"/apply/[\w-]+/$"))
    expect(page.locator("h1")).to_have_text(JOB_TITLE)
    summary = page.locator("dl.summary")
    expect(summary).to_contain_text(ORGANISATION_NAME)
    expect(summary).to_contain_text("LS11 5PS")
    expect(summary).to_contain_text("£18,500.00 a year")
    expect(summary).to_contain_text("37.5")
    return page.url


def submit_application(page: Page, person: dict, *, with_cv: bool):
    page.get_by_label("First name").fill(person["first_name"])
    page.get_by_label("Last name").fill(person["last_name"])
    page.get_by_label("Email address").fill(person["email"])
    page.get_by_label("Phone number").fill("07700 900123")
    page.get_by_label("Address line 1").fill("22 Mill Lane")
    page.get_by_label("Town or city").fill("Leeds")
    page.get_by_label("Postcode").fill("ls6 2ab")
    if with_cv:
        name = f"{person['first_name']} {person['last_name']}"
        page.get_by_label("CV").set_input_files(
            {
                "name": "cv.pdf",
                "mimeType": "application/pdf",
                "buffer": cv_pdf(name),
            }
        )
    page.get_by_role("button", name="Send application").click()


def expect_received(page: Page, app: str):
    expect(page).to_have_url(f"{app}/t/{TENANT_SLUG}/sign-in/")
    expect(page.locator(".messages")).to_contain_text(RECEIVED)


# Staff: candidates


def check_candidates_grid(page: Page, *names: str):
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Candidates"
    ).click()
    rows = page.locator("#candidate-results tbody tr")
    for name in names:
        row = rows.filter(has_text=name)
        expect(row).to_have_count(1)
        expect(row).to_contain_text(JOB_TITLE)
        expect(row).to_contain_text(ORGANISATION_NAME)
        expect(row).to_contain_text("Applied")
        expect(row).to_contain_text("Prospect")


def open_learner(page: Page, name: str):
    page.locator("#candidate-results tbody tr", has_text=name).get_by_role(
        "link", name=name
    ).click()
    expect(page.locator("h1")).to_contain_text(name)


def check_learner_profile(page: Page, name: str):
    expect(page.locator("h1")).to_contain_text(name)
    expect(page.locator("h1 .tag")).to_have_text("Prospect")
    details = page.locator("dl.summary")
    expect(details).to_contain_text(f"{JOB_TITLE} at {ORGANISATION_NAME}")
    expect(details).to_contain_text(PROGRAMME_NAME)
    expect(details).to_contain_text("No case owner")
    placements = page.locator("h2:text('Placements/workshops') + .table-wrap")
    expect(placements).to_contain_text(JOB_TITLE)
    expect(placements).to_contain_text("Applied")


def check_cv_download(page: Page, name: str):
    """Open the learner's CVs and check the download is the file that was sent."""
    page.get_by_role("link", name="CVs").click()
    row = page.locator("tbody tr", has_text="cv.pdf")
    expect(row).to_contain_text("Completed")
    with page.expect_download() as download:
        row.get_by_role("link", name="cv.pdf").click()
    assert download.value.path().read_bytes() == cv_pdf(name)
    page.get_by_role("link", name="Back to the learner").click()
