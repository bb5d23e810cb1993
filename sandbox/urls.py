from django.urls import path

from sandbox.adverts import control_views, pages, views

urlpatterns = [
    path(
        "managevacancies/vacancy/<str:vacancy_id>",
        views.create_vacancy,
        name="create-vacancy",
    ),
    path("managevacancies/referencedata/courses", views.training_courses),
    path("managevacancies/referencedata/skills", views.candidate_skills),
    path("managevacancies/referencedata/qualifications", views.qualifications),
    path("managevacancies/accountlegalentities", views.account_legal_entities),
    path("_sandbox/faults", control_views.faults),
    path("_sandbox/requests", control_views.received_requests),
    path("_sandbox/reset", control_views.reset),
    path("_sandbox/health", control_views.health),
    path("", pages.advert_list, name="advert-list"),
    path(
        "apprenticeship/VAC<int:reference>",
        pages.advert_detail,
        name="advert-detail",
    ),
]
