"""200 simultaneous applications with one email address, in mixed case,
through a real server: exactly one applicant is created and no request fails.
"""

import random
import re
import threading

import httpx
import pytest

from recruitment.applications.models import JobApplication
from recruitment.applications.services import DUPLICATE_EMAIL_MESSAGE
from recruitment.applications.tests.files import make_pdf
from recruitment.learners.models import CV, Learner
from recruitment.tenancy.emails import email_key
from recruitment.tenancy.models import User

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

CLIENTS = 200
EMAIL = "Sam.Taylor@Example.com"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def case_variants(email, count, seed=2027):
    """Return `count` spellings of `email` that differ only in letter case."""
    rng = random.Random(seed)
    variants = [email, email.upper(), email.lower()]
    while len(variants) < count:
        variants.append(
            "".join(
                char.upper() if rng.random() < 0.5 else char.lower() for char in email
            )
        )
    return variants


class Applicant(threading.Thread):
    """One browser: GET the form, wait for all the others, then POST it."""

    def __init__(self, base_url, path, email, barrier, cv):
        super().__init__()
        self.base_url, self.path, self.email = base_url, path, email
        self.barrier, self.cv = barrier, cv
        self.response = None
        self.error = None

    def run(self):
        try:
            with httpx.Client(base_url=self.base_url, timeout=120) as client:
                # A fresh connection for the POST: a kept-alive one can be
                # closed by the server while this thread waits at the barrier.
                form = client.get(self.path, headers={"Connection": "close"})
                token = CSRF_INPUT.search(form.text).group(1)
                self.barrier.wait(timeout=120)
                self.response = client.post(
                    self.path,
                    data={
                        "csrfmiddlewaretoken": token,
                        "first_name": "Sam",
                        "last_name": "Taylor",
                        "email": self.email,
                    },
                    files={"cv": ("cv.pdf", self.cv, "application/pdf")},
                )
        except Exception as error:  # reported by the test, with the email
            self.error = f"{self.email}: {type(error).__name__}: {error}"


def test_mixed_case_email_makes_one_learner(live_app, open_job, _private_cv_storage):
    emails = case_variants(EMAIL, CLIENTS)
    barrier = threading.Barrier(CLIENTS)
    cv = make_pdf(size=20 * 1024)
    applicants = [
        Applicant(live_app, open_job.application_path, email, barrier, cv)
        for email in emails
    ]

    for applicant in applicants:
        applicant.start()
    for applicant in applicants:
        applicant.join(timeout=180)

    assert [applicant.error for applicant in applicants if applicant.error] == []
    statuses = [applicant.response.status_code for applicant in applicants]
    assert [status for status in statuses if status >= 500] == []
    assert statuses.count(302) == 1
    assert statuses.count(200) == CLIENTS - 1
    for applicant in applicants:
        if applicant.response.status_code == 200:
            assert DUPLICATE_EMAIL_MESSAGE in applicant.response.text
        else:
            sign_in = f"/t/{open_job.tenant.slug}/sign-in/"
            assert applicant.response.headers["location"] == sign_in

    key = email_key(EMAIL)
    assert User.objects.filter(tenant=open_job.tenant, email_key=key).count() == 1
    assert Learner.objects.filter(tenant=open_job.tenant).count() == 1
    assert JobApplication.objects.filter(job=open_job).count() == 1
    assert CV.objects.count() == 1
    stored = [path for path in _private_cv_storage.rglob("*") if path.is_file()]
    assert len(stored) == 1
