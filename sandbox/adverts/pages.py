"""Public pages in the manner of Find an apprenticeship: a list and an advert."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from django.http import Http404
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from recruitment.jobs.rules import format_pounds

from .models import Vacancy

WAGE_TYPE_WORDS = {
    "nationalminimumwageforapprentices": "National Minimum Wage for apprentices",
    "nationalminimumwage": "National Minimum Wage",
    "competitivesalary": "Competitive salary",
}
# The only markup an accepted advert can hold, without attributes.
_ALLOWED_TAG = re.compile(r"&lt;(/?)(p|br|ul|li)\s*(/?)&gt;", re.IGNORECASE)


def _member(data: dict, name: str):
    """Read a property case-insensitively, as the API reads the request."""
    for key, value in (data or {}).items():
        if key.lower() == name.lower():
            return value
    return None


def _date(value) -> datetime.date | None:
    try:
        return datetime.datetime.fromisoformat(str(value)).date()
    except ValueError:
        return None


def _wage_text(wage: dict) -> str:
    wage_type = "".join(
        c for c in str(_member(wage, "wageType") or "FixedWage").lower() if c.isalnum()
    )
    if wage_type in WAGE_TYPE_WORDS:
        return WAGE_TYPE_WORDS[wage_type]
    try:
        amount = Decimal(str(_member(wage, "fixedWageYearlyAmount")))
    except InvalidOperation:
        return "Not given"
    return f"{format_pounds(amount)} a year"


def _location(body: dict) -> str:
    if _member(body, "recruitingNationally"):
        return "Across England"
    addresses = _member(body, "multipleAddresses") or []
    if addresses:
        return f"{len(addresses)} locations"
    address = _member(body, "address") or {}
    parts = [
        _member(address, name)
        for name in ("addressLine2", "addressLine3", "addressLine4", "postcode")
    ]
    return ", ".join(str(part) for part in parts if part) or "Not given"


def _safe_advert_html(text: str | None) -> SafeString:
    """Escape the text, then restore the plain p, br, ul and li tags."""
    escaped = escape(text or "")
    return mark_safe(_ALLOWED_TAG.sub(r"<\1\2\3>", escaped))


def _web_link(url) -> str | None:
    if not isinstance(url, str):
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def _present(vacancy: Vacancy) -> dict:
    body = vacancy.body
    wage = _member(body, "wage") or {}
    employer_name = vacancy.employer_name
    if str(_member(body, "employerNameOption") or "").lower() in (
        "tradingname",
        "anonymous",
    ):
        employer_name = _member(body, "alternativeEmployerName") or employer_name
    short_description = _member(body, "shortDescription")
    description = _member(body, "description")
    return {
        "reference": vacancy.reference,
        "title": _member(body, "title"),
        "employer": employer_name,
        "location": _location(body),
        "wage": _wage_text(wage),
        "hours_per_week": _member(wage, "weeklyHours"),
        "closing_date": _date(_member(body, "closingDate")),
        "start_date": _date(_member(body, "startDate")),
        "short_description": _safe_advert_html(short_description),
        # An employer that sends the same text twice would see it twice.
        "description": (
            None
            if str(description or "").strip() == str(short_description or "").strip()
            else _safe_advert_html(description)
        ),
        "application_url": _web_link(_member(body, "applicationUrl")),
        "application_instructions": _member(body, "applicationInstructions"),
    }


def advert_list(request):
    adverts = [_present(vacancy) for vacancy in Vacancy.objects.all()[:200]]
    return render(request, "adverts/list.html", {"adverts": adverts})


def advert_detail(request, reference: int):
    vacancy = Vacancy.objects.filter(reference=reference).first()
    if vacancy is None:
        raise Http404(f"No advert VAC{reference}")
    return render(request, "adverts/detail.html", {"advert": _present(vacancy)})
