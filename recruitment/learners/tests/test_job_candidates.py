from django.template.loader import render_to_string

from recruitment.applications.models import JobApplication

from .factories import make_applicant, make_job

HOSTILE_NAME = "<img src=x onerror=alert(1)>"


def test_include_lists_job_applicants(job, recruiter):
    applied = make_applicant(job, first_name="Robin", case_owner=recruiter)
    placed = make_applicant(job, first_name="Kim")
    placed.status = JobApplication.Status.PLACED
    placed.save()

    content = render_to_string("jobs/_candidates.html", {"job": job})

    assert "Robin Taylor" in content
    assert "Kim Taylor" in content
    assert "Placed" in content
    assert str(recruiter) in content
    assert f'href="/learners/{applied.learner.pk}/"' in content
    assert f"/candidates/?job={job.pk}&amp;status=all" in content


def test_include_leaves_out_other_jobs(tenant, job):
    make_applicant(make_job(tenant, title="Apprentice plumber"), first_name="Kim")

    content = render_to_string("jobs/_candidates.html", {"job": job})

    assert "Kim" not in content
    assert "No applications for this job yet." in content


def test_include_escapes_names(job):
    make_applicant(job, first_name=HOSTILE_NAME)

    content = render_to_string("jobs/_candidates.html", {"job": job})

    assert HOSTILE_NAME not in content
    assert "&lt;img src=x onerror=alert(1)&gt;" in content


def test_job_profile_shows_candidates(admin_client, job):
    make_applicant(job, first_name="Robin")

    content = admin_client.get(f"/jobs/{job.pk}/").content.decode()

    assert "Users/Candidates" in content
    assert "Robin Taylor" in content
