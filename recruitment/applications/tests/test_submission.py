"""An accepted application: the learner, CV and job application it creates."""

import datetime

import pytest
from django.urls import reverse

from recruitment.applications.models import JobApplication
from recruitment.learners.models import CV, Learner
from recruitment.tenancy.models import User, UserGroup

from .files import PDF_CONTENT_TYPE, make_pdf, upload
from .helpers import applicant, apply_url, stored_files

pytestmark = pytest.mark.django_db


def test_application_creates_prospect_learner(client, tenant, job, programme):
    response = client.post(apply_url(job), applicant())

    assert response.status_code == 302
    learner = Learner.objects.get()
    assert learner.tenant == tenant
    assert learner.status == Learner.Status.PROSPECT
    assert learner.case_owner is None
    assert list(learner.programmes.all()) == [programme]
    assert learner.phone == "07700 900123"
    assert learner.address_line1 == "4 Mill Lane"
    assert learner.address_line2 == "Redland"
    assert learner.town == "Bristol"
    assert learner.postcode == "BS6 6AA"


def test_applicant_user_cannot_sign_in_yet(client, tenant, job):
    client.post(apply_url(job), applicant())

    user = User.objects.get(role=User.Role.LEARNER)
    assert user.tenant == tenant
    assert user.first_name == "Jo"
    assert user.last_name == "Hughes"
    assert user.email == "jo.hughes@example.org"
    assert not user.has_usable_password()


def test_learner_joins_earliest_root_group(client, tenant, job):
    first_root = UserGroup.objects.get(tenant=tenant)
    UserGroup.objects.create(tenant=tenant, name="Child", parent=first_root)
    UserGroup.objects.create(
        tenant=tenant,
        name="Older but later",
        created_at=first_root.created_at + datetime.timedelta(seconds=1),
    )

    client.post(apply_url(job), applicant())

    assert Learner.objects.get().user_group == first_root


def test_application_is_applied(client, job):
    client.post(apply_url(job), applicant())

    application = JobApplication.objects.get()
    assert application.job == job
    assert application.tenant == job.tenant
    assert application.learner == Learner.objects.get()
    assert application.status == JobApplication.Status.APPLIED
    assert application.cv is None


def test_cv_is_stored_completed(client, job, cv_root):
    pdf = make_pdf(size=2048)

    client.post(
        apply_url(job), applicant(cv=upload("My CV.pdf", pdf, PDF_CONTENT_TYPE))
    )

    cv = CV.objects.get()
    assert JobApplication.objects.get().cv == cv
    assert cv.learner == Learner.objects.get()
    assert cv.tenant == job.tenant
    assert cv.is_completed
    assert not cv.is_editable
    assert cv.original_name == "My CV.pdf"
    assert cv.file_type == "pdf"
    assert cv.size == 2048
    assert stored_files(cv_root) == [cv.file.name]
    with cv.file.open("rb") as stored:
        assert stored.read() == pdf


def test_stored_name_is_generated(client, job):
    client.post(
        apply_url(job),
        applicant(cv=upload("Jo Hughes CV.pdf", make_pdf(), PDF_CONTENT_TYPE)),
    )

    name = CV.objects.get().file.name
    assert name.startswith(f"tenant-{job.tenant_id}/")
    assert "Hughes" not in name
    assert len(name.rsplit("/", 1)[1]) == 32


def test_applicant_lands_on_sign_in_page(client, tenant, job):
    response = client.post(apply_url(job), applicant(), follow=True)

    sign_in = reverse("tenancy:sign_in", kwargs={"slug": tenant.slug})
    assert response.redirect_chain == [(sign_in, 302)]
    assert "Your application has been received." in response.content.decode()


def test_optional_fields_may_be_blank(client, job):
    response = client.post(
        apply_url(job),
        {"first_name": "Jo", "last_name": "Hughes", "email": "jo@example.org"},
    )

    assert response.status_code == 302
    learner = Learner.objects.get()
    assert learner.phone == ""
    assert learner.postcode == ""


def test_names_are_trimmed_and_nfc(client, job):
    client.post(
        apply_url(job),
        applicant(first_name="\tZoe\u0301 ", last_name=" O\u2019Neill\t"),
    )

    user = User.objects.get(role=User.Role.LEARNER)
    assert user.first_name == "Zo\u00e9"
    assert user.last_name == "O\u2019Neill"
