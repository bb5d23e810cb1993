"""The Recruitment API endpoints under /managevacancies.

POST /vacancy/{id} runs the live API's checks in the live order: gateway
(version, key), model binding, the outer HTML check, the sandbox's two special
ids, provider register, legal entity permission, England postcodes, the inner
validator, and finally the duplicate id check before the vacancy is stored.
Every create request is recorded with its outcome, and the fault switches in
``faults`` may replace or disturb the response.
"""

from __future__ import annotations

import datetime
import json
import logging
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpResponse, HttpResponseNotAllowed

from . import faults, reference_data
from .binding import bind_create_request
from .gateway import check_gateway, requires_api_key
from .models import ApiKey, CreateRequest, LegalEntity, Vacancy
from .responses import (
    ALREADY_SUBMITTED,
    JsonResponse,
    bare_status,
    forbidden,
    middleware_validation_failed,
    model_validation_failed,
    passed_through_text,
    unsupported_media_type,
)
from .validation import (
    england_postcode_errors,
    inner_validation_errors,
    outer_html_errors,
    relay_inner_errors,
)

logger = logging.getLogger(__name__)

FIRST_VACANCY_REFERENCE = 2_000_000_000
DUPLICATE_SIMULATION_ID = uuid.UUID(int=0)
RATE_LIMIT_SIMULATION_ID = uuid.UUID("11111111-1111-1111-1111-111111111111")
JSON_MEDIA_TYPES = ("application/json", "text/json", "application/problem+json")


def create_vacancy(request, vacancy_id: str):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])

    fault = faults.take_fault()
    if fault is not None and fault.replaces_answer:
        _record(vacancy_id, fault.status_code, f"fault:{fault.mode}")
        return fault.answer(request)

    response, outcome = _create(request, vacancy_id)
    _record(vacancy_id, response.status_code, outcome)
    if fault is not None:
        response = fault.disturb(response)
    return response


def _record(vacancy_id: str, status_code: int | None, outcome: str) -> None:
    CreateRequest.objects.create(
        vacancy_id=vacancy_id[:100], status_code=status_code, outcome=outcome
    )
    logger.info(
        "Create request for vacancy %s: status %s, %s", vacancy_id, status_code, outcome
    )


def _create(request, vacancy_id: str) -> tuple[HttpResponse, str]:
    rejection, api_key = check_gateway(request)
    if rejection is not None:
        return rejection, "rejected by gateway"
    return _create_for_key(request, vacancy_id, api_key)


def _create_for_key(
    request, vacancy_id: str, api_key: ApiKey
) -> tuple[HttpResponse, str]:
    media_type = request.content_type.split(";")[0].strip().lower()
    if media_type not in JSON_MEDIA_TYPES:
        return unsupported_media_type(), "unsupported media type"

    try:
        parsed_id = uuid.UUID(vacancy_id)
    except ValueError:
        errors = {"id": [f"The value '{vacancy_id}' is not valid."]}
        return model_validation_failed(errors), "invalid id"

    binding = bind_create_request(request.body)
    if binding.errors:
        return model_validation_failed(binding.errors), "invalid request"
    vacancy = binding.value

    html_errors = outer_html_errors(vacancy)
    if html_errors:
        return middleware_validation_failed(html_errors), "invalid html"

    if parsed_id == DUPLICATE_SIMULATION_ID:
        return JsonResponse({"errors": [ALREADY_SUBMITTED]}, status=400), "duplicate"
    if parsed_id == RATE_LIMIT_SIMULATION_ID:
        return bare_status(429), "rate limited"

    ukprn = vacancy["contractingParties"]["ukprn"]
    if not ApiKey.objects.filter(ukprn=ukprn).exists():
        # The provider register contains only the providers with sandbox keys.
        return HttpResponse(status=404), "provider not found"

    hashed_id = vacancy["contractingParties"]["accountLegalEntityPublicHashedId"]
    legal_entity = LegalEntity.objects.filter(
        api_key=api_key, public_hashed_id__iexact=hashed_id.strip()
    ).first()
    if legal_entity is None:
        return forbidden(), "legal entity not permitted"

    postcode_errors = england_postcode_errors(vacancy)
    if postcode_errors:
        return middleware_validation_failed(postcode_errors), "postcode outside England"

    errors = _inner_errors(vacancy, legal_entity)
    used_address = not vacancy.get("multipleAddresses")
    if errors:
        text = relay_inner_errors(errors, used_address=used_address)
        return passed_through_text(request, text, 400), "rejected"

    return _store(request, parsed_id, vacancy, api_key, legal_entity, used_address)


def _inner_errors(vacancy: dict, legal_entity: LegalEntity) -> dict:
    today = datetime.datetime.now(datetime.UTC).date()
    errors = inner_validation_errors(
        vacancy,
        today=today,
        employer_name=legal_entity.name,
        banned=settings.SANDBOX_PROFANITY_WORDS,
    )
    lars_code = vacancy.get("standardLarsCode") or ""
    if (
        "ProgrammeId" not in errors
        and reference_data.course_by_lars_code(lars_code) is None
    ):
        # The live API accepts any non-empty code; the sandbox rejects codes
        # that are not in data/standards.csv so typing mistakes show early.
        errors["ProgrammeId"] = ["Enter a valid training course"]
    return errors


def _store(
    request,
    vacancy_id: uuid.UUID,
    vacancy: dict,
    api_key: ApiKey,
    legal_entity: LegalEntity,
    used_address: bool,
) -> tuple[HttpResponse, str]:
    duplicate_text = relay_inner_errors(
        {"Id": [ALREADY_SUBMITTED]}, used_address=used_address
    )
    if Vacancy.objects.filter(vacancy_id=vacancy_id).exists():
        return passed_through_text(request, duplicate_text, 400), "duplicate"

    body = json.loads(request.body)
    try:
        with transaction.atomic():
            highest = Vacancy.objects.aggregate(highest=Max("reference"))["highest"]
            reference = FIRST_VACANCY_REFERENCE if highest is None else highest + 1
            Vacancy.objects.create(
                vacancy_id=vacancy_id,
                reference=reference,
                api_key=api_key,
                employer_name=legal_entity.name,
                body=body,
            )
    except IntegrityError:
        # Another thread stored the same id between the check and the insert.
        return passed_through_text(request, duplicate_text, 400), "duplicate"
    return (
        JsonResponse({"vacancyReference": str(reference)}, status=201),
        "created",
    )


# Reference data


def _get_only(view):
    def wrapper(request, *args, **kwargs):
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


@_get_only
@requires_api_key
def training_courses(request, *, api_key: ApiKey):
    ukprn = request.GET.get("ukprn")
    if ukprn is not None and not ukprn.strip().isdigit():
        return model_validation_failed(
            {"ukprn": [f"The value '{ukprn}' is not valid."]}
        )
    # NOTE: the live API limits the list to the provider's own standards when
    # given a UKPRN; the sandbox has no such register and lists all of them.
    return JsonResponse({"trainingCourses": reference_data.training_courses()})


@_get_only
@requires_api_key
def candidate_skills(request, *, api_key: ApiKey):
    return JsonResponse({"candidateSkills": reference_data.CANDIDATE_SKILLS})


@_get_only
@requires_api_key
def qualifications(request, *, api_key: ApiKey):
    return JsonResponse({"qualifications": reference_data.QUALIFICATION_TYPES})


@_get_only
@requires_api_key
def account_legal_entities(request, *, api_key: ApiKey):
    entities = [
        {
            "accountLegalEntityName": entity.name,
            "accountLegalEntityPublicHashedId": entity.public_hashed_id,
            "accountPublicHashedId": entity.account_public_hashed_id,
            "accountName": entity.name,
        }
        for entity in api_key.legal_entities.order_by("public_hashed_id")
    ]
    return JsonResponse({"accountLegalEntities": entities})
