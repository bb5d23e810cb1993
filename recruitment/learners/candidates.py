"""The candidates grid: filters parsed from GET parameters, and the queries.

Every query starts from the tenant's applications, so the grid and the CSV
export can only ever list the signed-in user's tenant.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.db.models import F, Q
from django.utils import timezone

from recruitment.applications.models import JobApplication
from recruitment.core.widgets import PlainSelect, PreparedChoices
from recruitment.jobs.models import Job
from recruitment.organisations.models import Organisation
from recruitment.tenancy.models import User
from recruitment.tenancy.scoping import for_tenant

DEFAULT_STATUS = JobApplication.Status.APPLIED
ANY_STATUS = "all"
NO_CASE_OWNER = "none"
DEFAULT_SORT = "-applied"
QUERY_MAX_LENGTH = 100
QUERY_MAX_WORDS = 5

# Sort key (as in ?sort=) -> the columns it orders by. Only these keys are
# accepted, so a request can never order by an arbitrary field.
SORT_COLUMNS = {
    "name": ("learner__user__last_name", "learner__user__first_name"),
    "email": ("learner__user__email_key",),
    "phone": ("learner__phone",),
    "job": ("job__title",),
    "organisation": ("job__organisation__name",),
    "status": ("status",),
    "learner_status": ("learner__status",),
    "applied": ("applied_at",),
    "case_owner": (
        "learner__case_owner__last_name",
        "learner__case_owner__first_name",
    ),
}
# Columns that can be empty sort their empty rows last in both directions, so
# SQLite and PostgreSQL (which differ on NULL order) list the same rows.
NULLABLE_SORT_COLUMNS = {
    "learner__case_owner__last_name",
    "learner__case_owner__first_name",
}


@dataclass(frozen=True)
class CandidateFilters:
    """The grid's filters. None or an empty value means no filter."""

    query: str = ""
    job_id: int | None = None
    organisation_id: int | None = None
    status: str | None = DEFAULT_STATUS
    case_owner_id: int | None = None
    without_case_owner: bool = False
    applied_from: datetime.date | None = None
    applied_to: datetime.date | None = None
    sort: str = DEFAULT_SORT

    @classmethod
    def from_form(cls, form: "CandidateFilterForm") -> "CandidateFilters":
        """Build filters from a validated form, dropping invalid values."""
        data = form.cleaned_data
        status = data.get("status") or DEFAULT_STATUS
        case_owner = data.get("case_owner") or ""
        return cls(
            query=data.get("q") or "",
            job_id=data.get("job"),
            organisation_id=data.get("organisation"),
            status=None if status == ANY_STATUS else status,
            case_owner_id=int(case_owner) if case_owner.isdigit() else None,
            without_case_owner=case_owner == NO_CASE_OWNER,
            applied_from=data.get("applied_from"),
            applied_to=data.get("applied_to"),
            sort=data.get("sort") or DEFAULT_SORT,
        )


def sort_choices():
    choices = []
    for key in SORT_COLUMNS:
        choices += [(key, key), (f"-{key}", f"-{key}")]
    return choices


class CandidateFilterForm(forms.Form):
    q = forms.CharField(
        label="Search by name or email",
        required=False,
        max_length=QUERY_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    job = forms.TypedChoiceField(
        label="Job", required=False, coerce=int, empty_value=None, widget=PlainSelect
    )
    organisation = forms.TypedChoiceField(
        label="Organisation",
        required=False,
        coerce=int,
        empty_value=None,
        widget=PlainSelect,
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[(ANY_STATUS, "All statuses"), *JobApplication.Status.choices],
    )
    case_owner = forms.ChoiceField(label="Case owner", required=False)
    applied_from = forms.DateField(
        label="Applied from",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    applied_to = forms.DateField(
        label="Applied to",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    sort = forms.ChoiceField(
        required=False, choices=sort_choices(), widget=forms.HiddenInput
    )

    def __init__(self, data, *, tenant, **kwargs):
        data = data.copy()
        if "status" not in data:
            data["status"] = DEFAULT_STATUS
        super().__init__(data, **kwargs)

        # Tuples, not model instances: a tenant can have 1,000 jobs, and
        # building that many Job and Organisation objects took 10 ms a page.
        jobs = (
            for_tenant(Job, tenant)
            .order_by("title", "id")
            .values_list("id", "title", "organisation__name")
        )
        self.fields["job"].choices = PreparedChoices(
            [("", "All jobs")]
            + [
                (job_id, f"{title} ({organisation})")
                for job_id, title, organisation in jobs
            ]
        )
        organisations = for_tenant(Organisation, tenant).only("id", "name")
        self.fields["organisation"].choices = [("", "All organisations")] + [
            (organisation.pk, organisation.name) for organisation in organisations
        ]
        self.fields["case_owner"].choices = [
            ("", "Anyone or no one"),
            (NO_CASE_OWNER, "No case owner"),
        ] + [(str(user.pk), str(user)) for user in staff_users(tenant)]

    def clean(self):
        data = super().clean()
        start, end = data.get("applied_from"), data.get("applied_to")
        if start and end and end < start:
            self.add_error(
                "applied_to",
                "Enter an 'applied to' date on or after the 'applied from' date.",
            )
        return data


def staff_users(tenant):
    """Return the tenant's active staff: the people who can be case owners."""
    return (
        for_tenant(User, tenant)
        .filter(
            is_active=True,
            role__in=[User.Role.ADMIN, User.Role.RECRUITER, User.Role.VIEWER],
        )
        .only("id", "first_name", "last_name", "email")
        .order_by("last_name", "first_name", "email", "id")
    )


def parse_filters(tenant, params) -> tuple[CandidateFilters, CandidateFilterForm]:
    """Parse GET parameters. Invalid values become field errors and are ignored."""
    form = CandidateFilterForm(params, tenant=tenant)
    form.is_valid()
    return CandidateFilters.from_form(form), form


def start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time.min),
        timezone.get_default_timezone(),
    )


def search_condition(query: str) -> Q:
    condition = Q()
    for word in query.split()[:QUERY_MAX_WORDS]:
        condition &= (
            Q(learner__user__first_name__icontains=word)
            | Q(learner__user__last_name__icontains=word)
            | Q(learner__user__email__icontains=word)
        )
    return condition


def order_by_columns(sort: str) -> list:
    descending = sort.startswith("-")
    key = sort.removeprefix("-")
    if key not in SORT_COLUMNS:
        descending, key = True, DEFAULT_SORT.removeprefix("-")

    ordering = []
    for column in SORT_COLUMNS[key]:
        if column in NULLABLE_SORT_COLUMNS:
            expression = F(column)
            ordering.append(
                expression.desc(nulls_last=True)
                if descending
                else expression.asc(nulls_last=True)
            )
        else:
            ordering.append(f"-{column}" if descending else column)
    # The id breaks ties, so a row never moves between pages.
    ordering.append("-id" if descending else "id")
    return ordering


def filtered_applications(tenant, filters: CandidateFilters):
    """Return the tenant's applications matching the filters, in grid order."""
    applications = for_tenant(JobApplication, tenant)
    if filters.status:
        applications = applications.filter(status=filters.status)
    if filters.job_id:
        applications = applications.filter(job_id=filters.job_id)
    if filters.organisation_id:
        applications = applications.filter(job__organisation_id=filters.organisation_id)
    if filters.without_case_owner:
        applications = applications.filter(learner__case_owner__isnull=True)
    elif filters.case_owner_id:
        applications = applications.filter(learner__case_owner_id=filters.case_owner_id)
    if filters.applied_from:
        applications = applications.filter(
            applied_at__gte=start_of_day(filters.applied_from)
        )
    if filters.applied_to and filters.applied_to < datetime.date.max:
        next_day = filters.applied_to + datetime.timedelta(days=1)
        applications = applications.filter(applied_at__lt=start_of_day(next_day))
    if filters.query.strip():
        applications = applications.filter(search_condition(filters.query))
    return applications.order_by(*order_by_columns(filters.sort))


ROW_FIELDS = (
    "id",
    "status",
    "applied_at",
    "learner",
    "job",
    "learner__user",
    "learner__case_owner",
    "job__organisation",
    "learner__id",
    "learner__status",
    "learner__phone",
    "learner__user__id",
    "learner__user__first_name",
    "learner__user__last_name",
    "learner__user__email",
    "learner__case_owner__id",
    "learner__case_owner__first_name",
    "learner__case_owner__last_name",
    "learner__case_owner__email",
    "job__id",
    "job__title",
    "job__organisation__id",
    "job__organisation__name",
)


def candidate_rows(tenant, filters: CandidateFilters):
    """Return the grid's rows as a queryset of JobApplication.

    Everything a row shows comes in the same query, so a page costs the
    same number of queries whatever its length.
    """
    return (
        filtered_applications(tenant, filters)
        .select_related("learner__user", "learner__case_owner", "job__organisation")
        .only(*ROW_FIELDS)
    )
