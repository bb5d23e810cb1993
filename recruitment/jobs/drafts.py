"""A job form draft kept in the session while staff create an organisation.

"Create a new organisation" on the new-job form submits the form. The typed
values (never files) wait in the session until the organisation is saved and
the form opens again with it chosen.
"""

from __future__ import annotations

from .forms import QUALIFICATION_KEYS, QualificationFormSet

SESSION_KEY = "job_draft"
QUALIFICATIONS_PREFIX = "qualifications"
# Fields that depend on the organisation chosen before, which the new one replaces.
DROPPED_FIELDS = frozenset({"organisation", "contact"})


def store_draft(session, tenant, data, field_names) -> None:
    """Keep the job form's submitted values in the session, replacing any draft."""
    values = {
        name: data.get(name, "")
        for name in field_names
        if name not in DROPPED_FIELDS and name in data
    }
    values[QUALIFICATIONS_PREFIX] = _qualification_rows(data)
    session[SESSION_KEY] = {"tenant": tenant.pk, "values": values}


def pop_draft(session, tenant) -> dict | None:
    """Remove the draft from the session and return it if it is the tenant's."""
    draft = session.pop(SESSION_KEY, None)
    if not isinstance(draft, dict) or draft.get("tenant") != tenant.pk:
        return None
    values = draft.get("values")
    return values if isinstance(values, dict) else None


def merge_draft(initial: dict, values: dict) -> tuple[dict, list[dict]]:
    """Return the form's initial values with the draft's typed values on top.

    The organisation's details in `initial` stay where the draft is blank.
    The second value is the draft's qualification rows.
    """
    merged = dict(initial)
    for name, value in values.items():
        if name == QUALIFICATIONS_PREFIX or name in DROPPED_FIELDS:
            continue
        if isinstance(value, str) and value.strip():
            merged[name] = value
    rows = values.get(QUALIFICATIONS_PREFIX)
    return merged, rows if isinstance(rows, list) else []


def _qualification_rows(data) -> list[dict]:
    """Return the qualification rows that have something typed in them."""
    try:
        total = int(data.get(f"{QUALIFICATIONS_PREFIX}-TOTAL_FORMS", 0))
    except ValueError:
        return []
    rows = []
    for index in range(min(max(total, 0), QualificationFormSet.max_num)):
        row = {
            part: data.get(f"{QUALIFICATIONS_PREFIX}-{index}-{part}", "")
            for part in QUALIFICATION_KEYS
        }
        typed = ("type", "subject", "grade", "level", "other_name")
        if any(row[part].strip() for part in typed):
            rows.append(row)
    return rows
