"""Email addresses are unique across a tenant's users, ignoring case and spaces."""

import pytest

from recruitment.applications.models import JobApplication
from recruitment.applications.services import DUPLICATE_EMAIL_MESSAGE
from recruitment.learners.models import Learner
from recruitment.tenancy.models import User, earliest_root_group

from .files import PDF_CONTENT_TYPE, make_pdf, upload
from .helpers import applicant, apply_url, make_learner, make_open_job, stored_files

pytestmark = pytest.mark.django_db

WARNING = (
    "This portal requires a unique email. The email you entered has already been used"
)


def assert_duplicate_warning(response, typed_email):
    page = response.content.decode()
    assert response.status_code == 200
    assert WARNING in page
    assert 'value="Jo"' in page
    assert f'value="{typed_email}"' in page


def test_warning_is_exact_text():
    assert DUPLICATE_EMAIL_MESSAGE == WARNING


@pytest.mark.parametrize("typed", ["Sam.Taylor@EXAMPLE.com", "SAM.TAYLOR@example.com"])
def test_case_variant_is_a_duplicate(client, tenant, job, typed):
    make_learner(tenant, "sam.taylor@example.com")

    response = client.post(apply_url(job), applicant(email=typed))

    assert_duplicate_warning(response, typed)
    assert Learner.objects.count() == 1
    assert not JobApplication.objects.exists()


def test_both_case_variants_in_turn_are_duplicates(client, tenant, job):
    make_learner(tenant, "sam.taylor@example.com")

    first = client.post(apply_url(job), applicant(email="Sam.Taylor@EXAMPLE.com"))
    second = client.post(apply_url(job), applicant(email="SAM.TAYLOR@example.com"))

    assert_duplicate_warning(first, "Sam.Taylor@EXAMPLE.com")
    assert_duplicate_warning(second, "SAM.TAYLOR@example.com")
    assert User.objects.filter(tenant=tenant).count() == 1


def test_padded_address_is_a_duplicate(client, tenant, job):
    make_learner(tenant, "alex.morgan@example.com")

    response = client.post(
        apply_url(job), applicant(email="  alex.morgan@example.com\t")
    )

    # The field shows exactly what was typed, spaces and tab included.
    assert_duplicate_warning(response, "  alex.morgan@example.com\t")
    assert Learner.objects.count() == 1


def test_padded_values_are_stored_trimmed(client, tenant, job):
    first = client.post(
        apply_url(job), applicant(first_name=" Jo ", email=" jo.hughes@example.org ")
    )
    second = client.post(apply_url(job), applicant(email="jo.hughes@example.org"))

    assert first.status_code == 302
    user = User.objects.get(tenant=tenant, role=User.Role.LEARNER)
    assert user.first_name == "Jo"
    assert user.email == "jo.hughes@example.org"
    assert_duplicate_warning(second, "jo.hughes@example.org")
    assert Learner.objects.count() == 1


def test_plus_address_is_distinct(client, tenant, job):
    make_learner(tenant, "casey.jones@example.com")
    typed = "casey.jones+apprenticeships@example.com"

    first = client.post(apply_url(job), applicant(email=typed))
    second = client.post(apply_url(job), applicant(email=typed))

    assert first.status_code == 302
    assert User.objects.filter(email=typed).count() == 1
    assert_duplicate_warning(second, typed)
    assert Learner.objects.count() == 2
    assert JobApplication.objects.count() == 1


def test_staff_address_is_a_duplicate(client, tenant, job, admin_user):
    response = client.post(apply_url(job), applicant(email="Admin@Harbour.example"))

    assert_duplicate_warning(response, "Admin@Harbour.example")
    assert not Learner.objects.exists()


def test_other_tenant_address_does_not_count(client, tenant, other_tenant):
    make_learner(tenant, "dana.fox@example.com")
    job_b = make_open_job(other_tenant, title="Dental Nurse Apprentice")

    first = client.post(apply_url(job_b), applicant(email="dana.fox@example.com"))
    second = client.post(apply_url(job_b), applicant(email="dana.fox@example.com"))

    assert first.status_code == 302
    learner_b = Learner.objects.get(tenant=other_tenant)
    assert learner_b.user.email == "dana.fox@example.com"
    assert learner_b.user_group == earliest_root_group(other_tenant)
    assert list(learner_b.programmes.all()) == [job_b.programme]
    assert JobApplication.objects.get().job == job_b
    assert_duplicate_warning(second, "dana.fox@example.com")
    assert Learner.objects.filter(tenant=other_tenant).count() == 1


def test_other_tenant_is_untouched(client, tenant, other_tenant):
    existing = make_learner(tenant, "dana.fox@example.com")
    job_b = make_open_job(other_tenant)

    response = client.post(
        apply_url(job_b), applicant(email="dana.fox@example.com"), follow=True
    )

    existing.refresh_from_db()
    assert Learner.objects.filter(tenant=tenant).get() == existing
    assert existing.user.first_name == "Existing"
    assert not JobApplication.objects.filter(tenant=tenant).exists()
    page = response.content.decode()
    assert tenant.name not in page
    assert "already" not in page


def test_duplicate_warning_names_no_tenant(client, tenant, other_tenant):
    make_learner(other_tenant, "dana.fox@example.com")
    make_learner(tenant, "dana.fox@example.com")
    job_b = make_open_job(other_tenant)

    response = client.post(apply_url(job_b), applicant(email="dana.fox@example.com"))

    page = response.content.decode()
    assert WARNING in page
    assert tenant.name not in page


def test_form_sent_twice_keeps_one_cv(client, job, cv_root):
    first = client.post(
        apply_url(job),
        applicant(cv=upload("cv.pdf", make_pdf(size=150 * 1024), PDF_CONTENT_TYPE)),
    )
    second = client.post(
        apply_url(job),
        applicant(cv=upload("cv.pdf", make_pdf(size=150 * 1024), PDF_CONTENT_TYPE)),
    )

    assert first.status_code == 302
    assert_duplicate_warning(second, "jo.hughes@example.org")
    assert Learner.objects.count() == 1
    assert JobApplication.objects.count() == 1
    assert len(stored_files(cv_root)) == 1
