"""Tests of the advert rules' building blocks, with property-based tests."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recruitment.jobs.rules import (
    GOVERNMENT_RULE,
    PRODUCT_RULE,
    QUALIFICATION_TYPES,
    WAGE_TYPES,
    apprentice_hourly_rate,
    check_job,
    control_characters,
    format_pounds,
    html_problems,
    html_sanitiser_problems,
    invalid_free_text_characters,
    invalid_html_text_characters,
    is_absolute_web_url,
    is_england_postcode,
    is_uk_postcode,
    is_valid_email,
    minimum_duration_months,
    minimum_yearly_wage,
    normalise_postcode,
    normalise_text,
    parse_date,
    parse_decimal,
    parse_whole_number,
    title_has_apprentice_word,
    utf16_length,
)

# ---------------------------------------------------------------------------
# Duration: compared with an independent computation in fractions
# ---------------------------------------------------------------------------


def expected_months(hours: Decimal, base_months: int) -> int:
    hours_fraction = Fraction(hours)
    if hours_fraction >= 30:
        return base_months
    needed = Fraction(base_months * 30) / hours_fraction
    whole = needed.numerator // needed.denominator
    return whole if whole == needed else whole + 1


hours_values = st.decimals(
    min_value=Decimal("0.01"),
    max_value=Decimal("100"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
any_hours_values = st.decimals(
    min_value=Decimal("0.0001"),
    max_value=Decimal("1000"),
    allow_nan=False,
    allow_infinity=False,
)
start_dates = st.none() | st.dates(
    min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2030, 12, 31)
)


@given(hours=hours_values | any_hours_values)
def test_product_duration_matches_fractions(hours):
    months, description = minimum_duration_months(hours, None, PRODUCT_RULE)
    assert months == expected_months(hours, 12)
    assert "product's rule" in description


@given(hours=hours_values | any_hours_values, start=start_dates)
def test_government_duration_matches_fractions(hours, start):
    months, description = minimum_duration_months(hours, start, GOVERNMENT_RULE)
    before_change = start is not None and start < datetime.date(2025, 8, 1)
    assert months == expected_months(hours, 12 if before_change else 8)
    assert "government minimum" in description


@given(hours=hours_values, start=start_dates)
def test_duration_never_below_base(hours, start):
    product_months, _ = minimum_duration_months(hours, start, PRODUCT_RULE)
    government_months, _ = minimum_duration_months(hours, start, GOVERNMENT_RULE)
    assert product_months >= 12
    assert government_months >= 8


def test_government_rule_change_day():
    months_before, _ = minimum_duration_months(
        Decimal("37.5"), datetime.date(2025, 7, 31), GOVERNMENT_RULE
    )
    months_on, _ = minimum_duration_months(
        Decimal("37.5"), datetime.date(2025, 8, 1), GOVERNMENT_RULE
    )
    assert months_before == 12
    assert months_on == 8


def test_government_rule_no_start_is_eight():
    assert minimum_duration_months(Decimal(16), None, GOVERNMENT_RULE)[0] == 15


@pytest.mark.parametrize("hours", [Decimal(0), Decimal(-5), Decimal("NaN")])
def test_duration_rejects_bad_hours(hours):
    with pytest.raises(ValueError, match="positive"):
        minimum_duration_months(hours, None, PRODUCT_RULE)


def test_duration_rejects_unknown_rule():
    with pytest.raises(ValueError, match="unknown duration rule"):
        minimum_duration_months(Decimal(30), None, "weekly")


# ---------------------------------------------------------------------------
# Hour bounds through check_job
# ---------------------------------------------------------------------------

BOUNDS_TODAY = datetime.date(2027, 5, 10)


def hours_job(hours: str) -> dict:
    return {
        "hours_per_week": hours,
        "expected_duration_months": "30",
        "wage_type": "competitive_salary",
    }


def hours_failures(hours: str) -> list:
    failures = check_job(hours_job(hours), BOUNDS_TODAY)
    return [f for f in failures if f.field == "hours_per_week"]


@given(
    hours=st.decimals(
        min_value=Decimal("-100"),
        max_value=Decimal("100"),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    )
)
def test_hours_bounds_inclusive(hours):
    failures = hours_failures(str(hours))
    if Decimal(16) <= hours <= Decimal(48):
        assert failures == []
    else:
        assert len(failures) == 1
        assert failures[0].message == "Hours per week must be between 16 and 48"


@given(hours=st.integers(min_value=16, max_value=48))
def test_hours_whole_numbers_pass(hours):
    assert hours_failures(str(hours)) == []


@given(
    text=st.text(alphabet="0123456789,", min_size=1, max_size=6).filter(
        lambda text: "," in text
    )
)
def test_hours_with_comma_never_read(text):
    assert parse_decimal(text) is None
    [failure] = hours_failures(text)
    assert failure.message == "Enter hours per week as a number, for example 37.5"


# ---------------------------------------------------------------------------
# UTF-16 length
# ---------------------------------------------------------------------------


def test_emoji_counts_two():
    assert utf16_length("\U0001f600") == 2


def test_accented_letter_counts_one():
    assert utf16_length("é") == 1


@given(text=st.text())
def test_utf16_length_matches_code_points(text):
    expected = sum(2 if ord(c) > 0xFFFF else 1 for c in text)
    assert utf16_length(text) == expected


@given(text=st.text())
def test_utf16_length_at_least_len(text):
    assert len(text) <= utf16_length(text) <= 2 * len(text)


def test_utf16_length_of_lone_surrogate():
    assert utf16_length("\ud800") == 1


# ---------------------------------------------------------------------------
# Text normalisation and characters
# ---------------------------------------------------------------------------


def test_normalise_text_trims_and_composes():
    assert normalise_text("  Cafe\u0301 \n") == "Caf\u00e9"


def test_normalise_text_of_none_is_empty():
    assert normalise_text(None) == ""


@given(text=st.text())
def test_normalise_text_is_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


def test_free_text_allows_listed_symbols():
    text = "Aa 09 ? $ @ # ( ) \" ' ! , + - = _ : ; . & € £ * % / [ ]\t\n"
    assert invalid_free_text_characters(text) == []


def test_free_text_allows_curly_quotes_and_dashes():
    assert invalid_free_text_characters("\u2018\u2019\u201c\u201d\u2013\u2014") == []


def test_free_text_lists_rejected_once_in_order():
    text = "a~b<c>d{e}f\\g|h^i`j~k<"
    assert invalid_free_text_characters(text) == [
        "~",
        "<",
        ">",
        "{",
        "}",
        "\\",
        "|",
        "^",
        "`",
    ]


def test_free_text_range_ends_at_ffa7():
    assert invalid_free_text_characters("\uffa7") == []
    assert invalid_free_text_characters("\uffa8") == ["\uffa8"]


def test_free_text_allows_emoji():
    assert invalid_free_text_characters("Great team \U0001f600") == []


def test_free_text_rejects_ascii_separators():
    assert invalid_free_text_characters("a\x1fb") == ["\x1f"]


def test_html_text_allows_angle_brackets():
    assert invalid_html_text_characters("<p>a ~ b</p>") == ["~"]


def test_control_characters_found():
    text = "a\x0bb\x07c\td\ne\rf\x7fg\x85h\x0b"
    assert control_characters(text) == ["\x0b", "\x07", "\x7f", "\x85"]


def test_control_characters_none_in_plain_text():
    assert control_characters("Line one\r\n\tLine two \u2013 ok") == []


@pytest.mark.parametrize(
    ("title", "has_word"),
    [
        ("Plumbing Apprentice", True),
        ("APPRENTICESHIP in Accounting", True),
        ("apprentice", True),
        ("Chef\tapprentice\n", True),
        ("Apprentice-Electrician Level 3", False),
        ("Apprentices wanted: Retail", False),
        ("(Apprenticeship) Dental Nurse", False),
        ("Apprenticeship: Dental Nurse", False),
        ("Trainee Chef", False),
        ("Pre-apprenticeship Chef", False),
        ("", False),
    ],
)
def test_title_has_apprentice_word(title, has_word):
    assert title_has_apprentice_word(title) is has_word


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------


def test_html_allowed_tags_pass():
    text = "<p>Intro<br/>more</p><ul><li>one</li><li>two</li></ul><BR>"
    assert html_problems(text) == []
    assert html_sanitiser_problems(text) == []


def test_html_blank_has_no_problems():
    assert html_problems("   ") == []


def test_html_plain_text_has_no_problems():
    assert html_problems("Just words & numbers 1 2 3") == []


def test_html_tag_not_allowed():
    assert html_problems("<p><b>Great</b></p>") == ["Tag <b> is not allowed."]


def test_html_script_and_style_messages():
    problems = html_problems("<script>x</script><style>p{}</style>")
    assert problems == [
        "<script> tags are not allowed.",
        "<style> tags are not allowed.",
    ]


def test_html_stray_closing_tag():
    assert html_problems("text</p>") == [
        "Malformed HTML: stray </p> with no matching open tag."
    ]


def test_html_mismatched_closing_tag():
    assert html_problems("<ul><li>one</ul>") == [
        "Malformed HTML: </ul> does not match the open <li> — likely an unclosed tag."
    ]


def test_html_unclosed_tag():
    assert html_problems("<p>text") == ["Malformed HTML: <p> is never closed."]


def test_html_list_structure():
    problems = html_problems("<ul>loose<p>x</p></ul><li>y</li>")
    assert problems == [
        "Text is not allowed directly inside <ul>; wrap it in <li>.",
        "<ul> may only contain <li>, found <p>.",
        "<li> must be inside <ul>.",
    ]


def test_html_whitespace_inside_list_allowed():
    assert html_problems("<ul>\n  <li>one</li>\n</ul>") == []


def test_html_sanitiser_rejects_attributes():
    [problem] = html_sanitiser_problems('<p style="color:red">x</p>')
    assert "Tag <p> must not have attributes" in problem


def test_html_sanitiser_rejects_comment():
    assert html_sanitiser_problems("<p>x</p><!-- note -->") == [
        "HTML comments are not allowed."
    ]


def test_html_sanitiser_rejects_stray_bracket():
    [problem] = html_sanitiser_problems("Pay 5 < 6 and more")
    assert '"<"' in problem


# ---------------------------------------------------------------------------
# Postcodes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("sw1a1aa", "SW1A 1AA"),
        ("  SW1A 1AA ", "SW1A 1AA"),
        ("ec1a 1bb", "EC1A 1BB"),
        ("GIR0AA", "GIR 0AA"),
        ("m1 1ae", "M1 1AE"),
        ("B33 8TH", "B33 8TH"),
        ("sw1a  1aa", "SW1A 1AA"),
        ("W1A 0AX", "W1A 0AX"),
    ],
)
def test_normalise_postcode_valid(typed, stored):
    assert normalise_postcode(typed) == stored


@pytest.mark.parametrize(
    "value", ["", "SW1A", "SW1A 1AA extra", "LS1 6DT LS1 6DT", "V1 1AA", "M1 1CA", None]
)
def test_normalise_postcode_invalid(value):
    assert normalise_postcode(value) is None
    assert is_uk_postcode(value) is False


@given(text=st.text(max_size=12))
def test_normalise_postcode_idempotent(text):
    postcode = normalise_postcode(text)
    if postcode is not None:
        assert normalise_postcode(postcode) == postcode
        assert postcode.count(" ") == 1


@pytest.mark.parametrize(
    ("postcode", "in_england"),
    [
        ("LS1 6DT", True),
        ("GL1 1AA", True),
        ("GU1 1AA", True),
        ("TD15 1AA", True),
        ("SY1 1AA", True),
        ("CH5 1AA", True),
        ("LD7 1AA", True),
        ("NP16 7AA", True),
        ("G1 1AA", False),
        ("AB10 1AA", False),
        ("ZE1 0AA", False),
        ("CF10 1AA", False),
        ("LD1 5AA", False),
        ("LL11 1AA", False),
        ("NP20 1AA", False),
        ("SA1 1AA", False),
        ("BT1 1AA", False),
        ("IM1 1AA", False),
        ("GY1 1AA", False),
        ("JE2 3AB", False),
        ("not a postcode", False),
    ],
)
def test_is_england_postcode(postcode, in_england):
    assert is_england_postcode(postcode) is in_england


# ---------------------------------------------------------------------------
# Web addresses and email
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.co.uk",
        "http://example.com/jobs?id=3",
        "HTTPS://Example.org:8443/path",
        "https://bücher.example/",
    ],
)
def test_web_url_valid(url):
    assert is_absolute_web_url(url) is True


@pytest.mark.parametrize(
    "url",
    [
        "",
        "example.co.uk",
        "//example.co.uk",
        "mailto:jobs@example.co.uk",
        "https://example",
        "https://1.2.3.4/",
        "https://.example.com",
        "https://example..com",
        "https://-example.com",
        "https://example.com:0/",
        "https://example.com:99999/",
        "https://exa mple.com",
        "https://example.com/\x07",
    ],
)
def test_web_url_invalid(url):
    assert is_absolute_web_url(url) is False


@pytest.mark.parametrize(
    "email",
    [
        "sam.taylor@example.co.uk",
        "casey.jones+apprenticeships@example.com",
        "o'neil@example.ie",
        "zoë@example.com",
    ],
)
def test_email_valid(email):
    assert is_valid_email(email) is True


@pytest.mark.parametrize(
    "email",
    [
        "",
        "sam",
        "sam@",
        "@example.com",
        "sam@example",
        "sam..taylor@example.com",
        ".sam@example.com",
        "sam@example.c",
        "sam@example.abcdefghijk",
        " sam@example.com",
        "sam@exam ple.com",
        "sam{1}@example.com",
        "a" * 65 + "@example.com",
    ],
)
def test_email_invalid(email):
    assert is_valid_email(email) is False


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("37.5", Decimal("37.5")),
        (" 16 ", Decimal("16")),
        (".5", Decimal("0.5")),
        ("-20", Decimal("-20")),
        (Decimal("48.00"), Decimal("48.00")),
        (37, Decimal(37)),
        (37.5, Decimal("37.5")),
    ],
)
def test_parse_decimal_reads(value, expected):
    assert parse_decimal(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "abc",
        "37,5",
        "1,000",
        "1e3",
        "NaN",
        "Infinity",
        "٣٧",
        True,
        None,
        [],
        "1" * 31,
    ],
)
def test_parse_decimal_rejects(value):
    assert parse_decimal(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("15", 15), (" 15 ", 15), (15, 15), (Decimal("15.0"), 15), ("-1", -1)],
)
def test_parse_whole_number_reads(value, expected):
    assert parse_whole_number(value) == expected


@pytest.mark.parametrize("value", ["15.0", "15.5", Decimal("15.5"), "x", False, None])
def test_parse_whole_number_rejects(value):
    assert parse_whole_number(value) is None


def test_parse_date_reads():
    assert parse_date("2027-06-30") == datetime.date(2027, 6, 30)
    assert parse_date(" 2027-06-30 ") == datetime.date(2027, 6, 30)
    assert parse_date(datetime.date(2027, 6, 30)) == datetime.date(2027, 6, 30)
    assert parse_date(datetime.datetime(2027, 6, 30, 23, 59)) == datetime.date(
        2027, 6, 30
    )


@pytest.mark.parametrize(
    "value", ["2027-02-29", "30/06/2027", "2027-6-30", "", 20270630]
)
def test_parse_date_rejects(value):
    assert parse_date(value) is None


# ---------------------------------------------------------------------------
# Wage
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "rate"),
    [
        (datetime.date(2023, 9, 1), Decimal("6.40")),
        (datetime.date(2024, 4, 1), Decimal("6.40")),
        (datetime.date(2025, 3, 31), Decimal("6.40")),
        (datetime.date(2025, 4, 1), Decimal("7.55")),
        (datetime.date(2026, 3, 31), Decimal("7.55")),
        (datetime.date(2026, 4, 1), Decimal("8.00")),
        (datetime.date(2028, 1, 1), Decimal("8.00")),
    ],
)
def test_apprentice_hourly_rate_by_date(day, rate):
    assert apprentice_hourly_rate(day) == rate


@pytest.mark.parametrize(
    ("day", "hours", "expected"),
    [
        (datetime.date(2025, 6, 1), Decimal("37.5"), "£14,722.50"),
        (datetime.date(2025, 6, 1), Decimal("30"), "£11,778"),
        (datetime.date(2025, 6, 1), Decimal("16"), "£6,281.60"),
        (datetime.date(2026, 6, 1), Decimal("37.5"), "£15,600"),
        (datetime.date(2026, 6, 1), Decimal("30"), "£12,480"),
        (datetime.date(2026, 6, 1), Decimal("16"), "£6,656"),
    ],
)
def test_minimum_yearly_wage_figures(day, hours, expected):
    assert format_pounds(minimum_yearly_wage(day, hours)) == expected


@given(hours=any_hours_values)
def test_minimum_yearly_wage_is_exact(hours):
    day = datetime.date(2025, 6, 1)
    expected = Fraction("7.55") * Fraction(hours) * 52
    assert Fraction(minimum_yearly_wage(day, hours)) == expected


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("0"), "£0"),
        (Decimal("999.5"), "£999.50"),
        (Decimal("1234567.891"), "£1,234,567.89"),
        (Decimal("0.005"), "£0.01"),
        (Decimal("-12.5"), "-£12.50"),
        (11778, "£11,778"),
    ],
)
def test_format_pounds(amount, text):
    assert format_pounds(amount) == text


# ---------------------------------------------------------------------------
# Reference values
# ---------------------------------------------------------------------------


def test_qualification_types_listed():
    assert QUALIFICATION_TYPES == (
        "GCSE",
        "A Level",
        "T Level",
        "BTEC",
        "Degree",
        "Other",
    )


def test_wage_types_listed():
    assert WAGE_TYPES == (
        "fixed_wage",
        "national_minimum_wage_for_apprentices",
        "national_minimum_wage",
        "competitive_salary",
    )
