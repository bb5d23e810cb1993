from django.utils import timezone

from recruitment.learners import services
from recruitment.learners.models import AuditEvent

from .factories import make_application, make_cv, make_job

HOSTILE_NAME = "<img src=x onerror=alert(1)>"


def test_profile_shows_details(admin_client, learner, programme):
    learner.programmes.add(programme)
    learner.address_line1 = "4 Mill Lane"
    learner.postcode = "LS2 7AB"
    learner.save()

    response = admin_client.get(f"/learners/{learner.pk}/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Sam Taylor" in content
    assert learner.user.email in content
    assert "07700 900123" in content
    assert "4 Mill Lane" in content
    assert "Prospect" in content
    assert learner.user_group.name in content
    assert programme.name in content
    assert "No case owner" in content


def test_profile_shows_managed_job_and_placements(admin_client, tenant, application):
    learner = application.learner
    second_job = make_job(tenant, title="Apprentice plumber")
    make_application(second_job, learner)

    content = admin_client.get(f"/learners/{learner.pk}/").content.decode()

    assert "Managed job" in content
    assert "Placements/workshops" in content
    assert application.job.title in content
    assert "Apprentice plumber" in content
    assert application.job.organisation.name in content
    assert f"{timezone.localtime(application.applied_at):%-d %b %Y}" in content


def test_profile_links_to_job_profiles(admin_client, application):
    content = admin_client.get(f"/learners/{application.learner.pk}/").content.decode()

    assert f'href="/jobs/{application.job.pk}/"' in content


def test_profile_links_to_cvs_page(admin_client, learner):
    content = admin_client.get(f"/learners/{learner.pk}/").content.decode()

    assert f'href="/learners/{learner.pk}/cvs/"' in content


def test_profile_shows_audit_trail(admin_client, admin_user, recruiter, learner):
    services.set_case_owner(learner, recruiter, admin_user)

    response = admin_client.get(f"/learners/{learner.pk}/")

    content = response.content.decode()
    event = AuditEvent.objects.get(learner=learner)
    assert "Audit trail" in content
    assert "Case owner set" in content
    assert str(admin_user) in content
    assert event.detail in content
    assert f"{timezone.localtime(event.created_at):%-d %b %Y %H:%M}" in content


def test_hostile_names_are_escaped(admin_client, tenant, job, learner):
    learner.user.first_name = HOSTILE_NAME
    learner.user.save()
    learner.phone = HOSTILE_NAME
    learner.town = HOSTILE_NAME
    learner.save()
    job.title = HOSTILE_NAME
    job.save()
    make_cv(learner, name=f"{HOSTILE_NAME}.pdf")

    for url in (f"/learners/{learner.pk}/", f"/learners/{learner.pk}/cvs/"):
        content = admin_client.get(url).content.decode()
        assert HOSTILE_NAME not in content, url
        assert "&lt;img src=x onerror=alert(1)&gt;" in content, url


def test_viewer_sees_profile_without_actions(client, viewer, learner):
    client.force_login(viewer)

    content = client.get(f"/learners/{learner.pk}/").content.decode()

    assert "Sam Taylor" in content
    assert "Set case owner" not in content
    assert "Delete application" not in content
    assert "Send invitation" not in content


def test_manager_sees_actions(admin_client, learner):
    content = admin_client.get(f"/learners/{learner.pk}/").content.decode()

    assert "Set case owner" in content
    assert "Delete application" in content
