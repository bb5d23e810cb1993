"""The job list and the job profile."""

from recruitment.jobs.models import Job


def test_list_shows_tenant_jobs(admin_client, make_job):
    make_job(title="Bakery Apprentice")
    make_job(title="Pastry Apprentice")

    response = admin_client.get("/jobs/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Bakery Apprentice" in page
    assert "Pastry Apprentice" in page


def test_list_filters_by_title_and_type(admin_client, make_job):
    make_job(title="Bakery Apprentice")
    make_job(title="Bakery Sales Assistant", contract_type="permanent")
    make_job(title="Pastry Apprentice")

    response = admin_client.get("/jobs/?q=bakery&contract_type=permanent")

    page = response.content.decode()
    assert "Bakery Sales Assistant" in page
    assert "Bakery Apprentice" not in page
    assert "Pastry Apprentice" not in page


def test_list_ignores_unknown_filter_values(admin_client, job):
    response = admin_client.get("/jobs/?status=nonsense&organisation=x&page=abc")

    assert response.status_code == 200
    assert "Bakery Apprentice" in response.content.decode()


def test_list_pages(admin_client, make_job):
    for number in range(30):
        make_job(title=f"Apprentice number {number}")

    first = admin_client.get("/jobs/").content.decode()
    second = admin_client.get("/jobs/?page=2").content.decode()

    assert "Page 1 of 2" in first
    assert "Apprentice number 29<" in first
    assert "Apprentice number 0<" in second


def test_profile_shows_fields_and_links(admin_client, job, settings):
    settings.SITE_URL = "https://jobs.example.ac.uk"

    response = admin_client.get(f"/jobs/{job.pk}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert f"https://jobs.example.ac.uk/apply/{job.public_key}/" in page
    assert f'href="/jobs/{job.pk}/edit/">Edit job</a>' in page
    assert f'href="/jobs/{job.pk}/check/"' in page
    assert "Not uploaded" in page
    assert "Baker (level 2), LARS code 177" in page
    assert "GCSE English, grade 4 (desired)" in page
    assert "37.5" in page
    assert "LS1 6DT" in page
    assert "Users/Candidates" in page


def test_profile_shows_vacancy_reference(admin_client, make_job):
    job = make_job(
        nas_status=Job.NasStatus.UPLOADED, nas_vacancy_reference="1000000001"
    )

    response = admin_client.get(f"/jobs/{job.pk}/")

    page = response.content.decode()
    assert "Uploaded" in page
    assert "1000000001" in page


def test_profile_escapes_stored_text(admin_client, make_job):
    job = make_job(description="<script>alert(1)</script>")

    response = admin_client.get(f"/jobs/{job.pk}/")

    page = response.content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)" in page
