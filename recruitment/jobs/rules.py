"""Advert rules for apprenticeship jobs sent to the Recruitment API.

The rules are the union of the product's own rules and the checks the live
Recruitment API ("Find an apprenticeship") applies when a vacancy is created,
so staff see those rejections before an upload. Some API checks need the
API's own data and are not repeated here: its banned-word list, its course
and employer account checks, and its postcode-to-country lookup.

This module is pure: it imports only the standard library, never Django, and
never reads the clock. Callers pass "today" as a calendar date in
Europe/London. The job form, the upload service, the ``check_vacancy``
command, the JSON API and the sandbox server all call it.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, localcontext
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "ADDRESS_LINE_MAX_LENGTH",
    "APPRENTICE_HOURLY_RATES",
    "BTEC_LEVELS",
    "CLOSING_DATE_MIN_DAYS",
    "CONTACT_EMAIL_MAX_LENGTH",
    "CONTACT_NAME_MAX_LENGTH",
    "DESCRIPTION_MAX_LENGTH",
    "DESCRIPTION_MIN_LENGTH",
    "DURATION_RULES",
    "Failure",
    "GOVERNMENT_RULE",
    "GOVERNMENT_RULE_CHANGE_DATE",
    "HTML_TAGS",
    "LONG_TEXT_MAX_LENGTH",
    "MAX_HOURS_PER_WEEK",
    "MAX_SKILL_LENGTH",
    "MIN_HOURS_PER_WEEK",
    "PHONE_MAX_LENGTH",
    "PHONE_MIN_LENGTH",
    "PRODUCT_RULE",
    "QUALIFICATION_GRADE_MAX_LENGTH",
    "QUALIFICATION_NAME_MAX_LENGTH",
    "QUALIFICATION_SUBJECT_MAX_LENGTH",
    "QUALIFICATION_TYPES",
    "QUALIFICATION_WEIGHTINGS",
    "TITLE_MAX_LENGTH",
    "WAGE_TYPES",
    "WEB_ADDRESS_MAX_LENGTH",
    "WORKING_HOURS_MAX_LENGTH",
    "apprentice_hourly_rate",
    "check_job",
    "control_characters",
    "format_pounds",
    "html_problems",
    "html_sanitiser_problems",
    "invalid_free_text_characters",
    "invalid_html_text_characters",
    "is_absolute_web_url",
    "is_england_postcode",
    "is_uk_postcode",
    "is_valid_email",
    "minimum_duration_months",
    "minimum_yearly_wage",
    "normalise_postcode",
    "normalise_text",
    "parse_date",
    "parse_decimal",
    "parse_whole_number",
    "title_has_apprentice_word",
    "utf16_length",
]


@dataclass(frozen=True)
class Failure:
    """One broken rule: our field name (dotted when nested) and a message for staff."""

    field: str
    message: str


# ---------------------------------------------------------------------------
# Limits and reference values
# ---------------------------------------------------------------------------

PRODUCT_RULE = "product"
GOVERNMENT_RULE = "government"
DURATION_RULES = (PRODUCT_RULE, GOVERNMENT_RULE)

WAGE_TYPES = (
    "fixed_wage",
    "national_minimum_wage_for_apprentices",
    "national_minimum_wage",
    "competitive_salary",
)
_WAGE_TYPE_NAMES = {
    "fixed_wage": "fixed wage",
    "national_minimum_wage_for_apprentices": "National Minimum Wage for apprentices",
    "national_minimum_wage": "National Minimum Wage",
    "competitive_salary": "competitive salary",
}

# The API matches qualification types case-sensitively against this list.
QUALIFICATION_TYPES = ("GCSE", "A Level", "T Level", "BTEC", "Degree", "Other")
# The Recruitment API's default list of candidate skills, in its order.
CANDIDATE_SKILLS = (
    "Communication skills",
    "IT skills",
    "Attention to detail",
    "Organisation skills",
    "Customer care skills",
    "Problem solving skills",
    "Presentation skills",
    "Administrative skills",
    "Number skills",
    "Analytical skills",
    "Logical",
    "Team working",
    "Creative",
    "Initiative",
    "Non judgemental",
    "Patience",
    "Physical fitness",
)
QUALIFICATION_WEIGHTINGS = ("essential", "desired")
# The API needs a level for a type containing "BTEC" and a qualification name
# for a type containing "Other". It accepts only levels 1 to 7.
BTEC_LEVELS = range(1, 8)

APPRENTICESHIP_CONTRACT_TYPE = "apprenticeship"

# Lengths are counted in UTF-16 code units, as the API (a .NET service) counts.
TITLE_MAX_LENGTH = 100
DESCRIPTION_MIN_LENGTH = 50
DESCRIPTION_MAX_LENGTH = 350
LONG_TEXT_MAX_LENGTH = 4000
WORKING_HOURS_MAX_LENGTH = 250
ADDRESS_LINE_MAX_LENGTH = 100
WEB_ADDRESS_MAX_LENGTH = 100
MAX_SKILL_LENGTH = 30
QUALIFICATION_SUBJECT_MAX_LENGTH = 50
QUALIFICATION_GRADE_MAX_LENGTH = 30
# NOTE: the API sets no maximum for the name of an Other qualification. This
# is the product's own limit, so an advert shows a name of sensible length.
QUALIFICATION_NAME_MAX_LENGTH = 100
CONTACT_NAME_MAX_LENGTH = 100
CONTACT_EMAIL_MAX_LENGTH = 100
PHONE_MIN_LENGTH = 8
PHONE_MAX_LENGTH = 16

MIN_HOURS_PER_WEEK = Decimal(16)
MAX_HOURS_PER_WEEK = Decimal(48)
# Below this many hours a week the minimum duration grows in proportion.
FULL_TIME_HOURS = Decimal(30)
# Hours and money are stored with two decimal places.
MAX_DECIMAL_PLACES = 2

CLOSING_DATE_MIN_DAYS = 7

# The government minimum duration fell from 12 to 8 months for starts on or
# after this date.
GOVERNMENT_RULE_CHANGE_DATE = datetime.date(2025, 8, 1)
_PRODUCT_MINIMUM_MONTHS = 12
_GOVERNMENT_MINIMUM_MONTHS = 8
_GOVERNMENT_EARLIER_MINIMUM_MONTHS = 12

# National Minimum Wage, apprentice rate, in pounds an hour, by the first day
# it applies (GOV.UK figures). A start date before the first row uses the
# first row.
# TODO: add the rate from 1 April 2027 when it is published. Until then
# later start dates use the 2026 rate.
APPRENTICE_HOURLY_RATES: tuple[tuple[datetime.date, Decimal], ...] = (
    (datetime.date(2024, 4, 1), Decimal("6.40")),
    (datetime.date(2025, 4, 1), Decimal("7.55")),
    (datetime.date(2026, 4, 1), Decimal("8.00")),
)
WEEKS_PER_YEAR = 52

HTML_TAGS = ("p", "br", "ul", "li")

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# ---------------------------------------------------------------------------
# Parsing values that arrive as strings or as typed values
# ---------------------------------------------------------------------------

# Digits with an optional decimal point. No thousands separators and no
# decimal comma, so "37,5" is invalid rather than read as 375 or 37.
_DECIMAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_WHOLE_NUMBER_TEXT = re.compile(r"[+-]?[0-9]+")
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Longer numbers are typing mistakes, and refusing them bounds the work done.
_MAX_NUMBER_TEXT_LENGTH = 30


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return False


def parse_decimal(value: Any) -> Decimal | None:
    """Read a finite decimal number from a Decimal, int, float or string.

    Returns None for a blank or unreadable value, so callers check blankness
    first when a blank value needs its own message. A bool is unreadable.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else None
    if not isinstance(value, str):
        return None

    text = value.strip()
    if len(text) > _MAX_NUMBER_TEXT_LENGTH or not _DECIMAL_TEXT.fullmatch(text):
        return None
    return Decimal(text)


def parse_whole_number(value: Any) -> int | None:
    """Read a whole number from an int, an integral Decimal or float, or a string.

    Returns None for a blank or unreadable value. "15.0" as a string is
    unreadable, but Decimal("15.0") is read as 15.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal | float):
        number = parse_decimal(value)
        if number is None or number != number.to_integral_value():
            return None
        return int(number)
    if not isinstance(value, str):
        return None

    text = value.strip()
    if len(text) > _MAX_NUMBER_TEXT_LENGTH or not _WHOLE_NUMBER_TEXT.fullmatch(text):
        return None
    return int(text)


def parse_date(value: Any) -> datetime.date | None:
    """Read a calendar date from a date, a datetime or a "YYYY-MM-DD" string.

    A datetime gives its own date part, so callers pass Europe/London local
    datetimes. Returns None for a blank or unreadable value.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        return None

    text = value.strip()
    if not _DATE_TEXT.fullmatch(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _decimal_places(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


# ---------------------------------------------------------------------------
# Formatting for messages
# ---------------------------------------------------------------------------


def _format_date(value: datetime.date) -> str:
    return f"{value.day} {_MONTH_NAMES[value.month - 1]} {value.year}"


def _format_number(number: Decimal) -> str:
    """Format a Decimal without exponent or trailing zeros: 37.5, 16, 15.99."""
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def format_pounds(amount: Decimal | int) -> str:
    """Format an amount in pounds as en-GB text, rounded half up to pence.

    Thousands are separated by commas and ".00" is dropped, so 14722.5 gives
    "£14,722.50" and 11778 gives "£11,778".
    """
    pence = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if pence < 0 else ""
    text = f"{abs(pence):,.2f}"
    if text.endswith(".00"):
        text = text[:-3]
    return f"{sign}£{text}"


def _describe_characters(characters: Sequence[str]) -> str:
    descriptions = []
    for character in characters:
        if character.isprintable() and not character.isspace():
            descriptions.append(f'"{character}"')
        else:
            descriptions.append(f"U+{ord(character):04X}")
    return ", ".join(descriptions)


# ---------------------------------------------------------------------------
# Text: normalisation, length and characters
# ---------------------------------------------------------------------------


def normalise_text(value: Any) -> str:
    """Trim surrounding whitespace and apply Unicode NFC.

    None gives "" and other non-strings give their ``str()``. Characters
    inside the text, curly quotes and dashes included, are kept as typed.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return unicodedata.normalize("NFC", text.strip())


def utf16_length(text: str) -> int:
    """Count UTF-16 code units, as .NET string lengths do: an emoji counts 2."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


# The symbols the API's free-text rule accepts besides ASCII letters, digits,
# whitespace and everything from U+0080 to U+FFA7.
_FREE_TEXT_SYMBOLS = frozenset("?$@#()\"'!,+-=_:;.&€£*%/[]")
# ASCII whitespace as .NET regular expressions define it. Python's
# str.isspace() also accepts U+001C..U+001F, which the API rejects.
_ASCII_WHITESPACE = frozenset(" \t\n\v\f\r")
_HIGHEST_FREE_TEXT_CODE_POINT = 0xFFA7


def _is_free_text_character(character: str) -> bool:
    if character.isascii():
        return (
            character.isalnum()
            or character in _FREE_TEXT_SYMBOLS
            or character in _ASCII_WHITESPACE
        )
    code_point = ord(character)
    # NOTE: the API checks each UTF-16 code unit. A character above U+FFFF,
    # such as an emoji, is a surrogate pair in U+D800..U+DFFF, inside the
    # accepted range, so it passes. This is inferred from how .NET regular
    # expressions match strings, not tested against the live API.
    return code_point <= _HIGHEST_FREE_TEXT_CODE_POINT or code_point > 0xFFFF


def _unique(characters: Sequence[str] | str) -> list[str]:
    return list(dict.fromkeys(characters))


def invalid_free_text_characters(text: str) -> list[str]:
    """Return the characters the API's free-text rule rejects, once each, in order.

    The rule accepts ASCII letters and digits, whitespace, every character
    from U+0080 to U+FFA7 (accented letters, curly quotes, dashes, € and £)
    and the symbols ? $ @ # ( ) " ' ! , + - = _ : ; . & * % / [ ].
    """
    return _unique([c for c in text if not _is_free_text_character(c)])


def invalid_html_text_characters(text: str) -> list[str]:
    """Return the characters an HTML field rejects: the free-text rule plus < and >."""
    return [c for c in invalid_free_text_characters(text) if c not in "<>"]


def control_characters(text: str) -> list[str]:
    """Return the control characters in text, once each, in order.

    These are C0 controls other than tab, line feed and carriage return, DEL,
    and the C1 controls U+0080..U+009F. The API itself accepts vertical tab and
    form feed as whitespace and C1 controls as part of U+0080..U+FFA7, but they
    are invisible leftovers of pasting, so the product rejects them.
    """
    found = []
    for character in text:
        code_point = ord(character)
        if character in "\t\n\r":
            continue
        if code_point < 0x20 or code_point == 0x7F or 0x80 <= code_point <= 0x9F:
            found.append(character)
    return _unique(found)


def title_has_apprentice_word(title: str) -> bool:
    """Check that the title contains "apprentice" or "apprenticeship" as a word.

    The word must be bounded by whitespace or the ends of the title, in any
    case, so "Apprentice-Electrician" and "Apprenticeship:" do not count.
    """
    return any(
        word.lower() in ("apprentice", "apprenticeship") for word in title.split()
    )


# ---------------------------------------------------------------------------
# HTML fields
# ---------------------------------------------------------------------------

_HTML_TAG = re.compile(
    r"<(?P<closing>/)?(?P<name>[A-Za-z][A-Za-z0-9]*)"
    r"(?P<attributes>\s[^<>]*?)?(?P<self_closing>/)?>"
)
_HTML_DECLARATION = re.compile(r"<[!?][^<>]*>")
# Elements that never have a closing tag in HTML.
_VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()
)


@dataclass(frozen=True)
class _HtmlToken:
    kind: str  # "text", "comment", "declaration", "open" or "close"
    text: str
    name: str = ""
    attributes: str = ""
    self_closing: bool = False


def _html_token_at(text: str, position: int) -> _HtmlToken | None:
    """Read the comment, declaration or tag that starts at text[position]."""
    if text.startswith("<!--", position):
        # An unclosed comment runs to the end of the text, as in HTML.
        end = text.find("-->", position + 4)
        end = len(text) if end == -1 else end + 3
        return _HtmlToken("comment", text[position:end])

    declaration = _HTML_DECLARATION.match(text, position)
    if declaration:
        return _HtmlToken("declaration", declaration[0])

    tag = _HTML_TAG.match(text, position)
    if tag:
        return _HtmlToken(
            "close" if tag["closing"] else "open",
            tag[0],
            name=tag["name"].lower(),
            attributes=(tag["attributes"] or "").strip(),
            self_closing=bool(tag["self_closing"]),
        )
    return None


def _html_tokens(text: str) -> list[_HtmlToken]:
    """Split text into text runs and markup, in linear time.

    A "<" that starts no comment, declaration or tag stays in the text run.
    """
    tokens = []
    text_start = 0
    position = text.find("<")
    while position != -1:
        token = _html_token_at(text, position)
        if token is None:
            position = text.find("<", position + 1)
            continue
        if position > text_start:
            tokens.append(_HtmlToken("text", text[text_start:position]))
        tokens.append(token)
        text_start = position + len(token.text)
        position = text.find("<", text_start)
    if text_start < len(text):
        tokens.append(_HtmlToken("text", text[text_start:]))
    return tokens


def _text_outside_tags(text: str) -> str:
    return "".join(t.text for t in _html_tokens(text) if t.kind == "text")


def html_problems(text: str) -> list[str]:
    """List what the API's outer HTML check rejects, in the API's own wording.

    Blank text has no problems. Tags must be balanced (void elements such as
    <br> and self-closed tags excepted), only <p>, <br>, <ul> and <li> may be
    used, <ul> may contain only <li>, and <li> must sit directly inside <ul>.
    Each distinct message appears once, in document order. The API joins a
    field's messages with "; ".
    """
    if not text.strip():
        return []

    # Insertion-ordered sets of messages and a count of each open tag name,
    # so that long or deeply nested input stays fast.
    problems: dict[str, None] = {}
    open_tags: list[str] = []
    open_counts: dict[str, int] = {}

    def report(message: str) -> None:
        problems.setdefault(message)

    def close_innermost() -> str:
        name = open_tags.pop()
        open_counts[name] -= 1
        return name

    for token in _html_tokens(text):
        parent = open_tags[-1] if open_tags else None

        if token.kind == "text":
            if parent == "ul" and token.text.strip():
                report("Text is not allowed directly inside <ul>; wrap it in <li>.")
            continue

        if token.kind == "open":
            name = token.name
            if name in ("script", "style"):
                report(f"<{name}> tags are not allowed.")
            elif name not in HTML_TAGS:
                report(f"Tag <{name}> is not allowed.")
            if parent == "ul" and name != "li":
                report(f"<ul> may only contain <li>, found <{name}>.")
            if name == "li" and parent != "ul":
                report("<li> must be inside <ul>.")
            if name not in _VOID_ELEMENTS and not token.self_closing:
                open_tags.append(name)
                open_counts[name] = open_counts.get(name, 0) + 1
            continue

        if token.kind == "close":
            name = token.name
            if name in _VOID_ELEMENTS:
                continue
            if not open_counts.get(name):
                report(f"Malformed HTML: stray </{name}> with no matching open tag.")
                continue
            if parent != name:
                report(
                    f"Malformed HTML: </{name}> does not match the open "
                    f"<{parent}> — likely an unclosed tag."
                )
            # Close everything up to and including the matching open tag.
            while close_innermost() != name:
                pass

    for name in open_tags:
        report(f"Malformed HTML: <{name}> is never closed.")
    return list(problems)


def html_sanitiser_problems(text: str) -> list[str]:
    """List what the API's HTML sanitiser would remove, which the API rejects.

    These are the problems html_problems() does not report: attributes,
    comments, declarations such as <!DOCTYPE>, and a "<" or ">" that is not
    part of a tag. The messages are ours, not the API's.
    """
    problems: dict[str, None] = {}

    def report(message: str) -> None:
        problems.setdefault(message)

    for token in _html_tokens(text):
        if token.kind == "comment":
            report("HTML comments are not allowed.")
        elif token.kind == "declaration":
            report(f"{token.text} is not allowed.")
        elif token.kind in ("open", "close") and token.attributes:
            report(
                f"Tag <{token.name}> must not have attributes "
                f"(it has {token.attributes})."
            )
        elif token.kind == "text" and ("<" in token.text or ">" in token.text):
            report(
                'A "<" or ">" that is not part of a tag is not allowed. '
                'Write "less than" or "greater than" instead.'
            )
    return list(problems)


# ---------------------------------------------------------------------------
# Postcodes
# ---------------------------------------------------------------------------

# The widely used UK postcode pattern, applied to the whole normalised value
# with exactly one space before the inward code. The API applies the same
# pattern unanchored, so it accepts more.
_POSTCODE = re.compile(
    r"""
    (?:
        GIR\ 0AA
      | (?:
            [A-PR-UWYZ][A-HK-Y]?[0-9][0-9]?
          | [A-PR-UWYZ][0-9][A-HJKSTUW]
          | [A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y]
        )
        \ [0-9][ABD-HJLNP-UW-Z]{2}
    )
    """,
    re.VERBOSE,
)
_POSTCODE_AREA = re.compile(r"[A-Z]{1,2}")
_POSTCODE_DISTRICT = re.compile(r"[A-Z]{1,2}[0-9][0-9A-Z]?")

# Postcode areas wholly or almost wholly outside England, with where they are.
# Areas that cross the border, such as CH, SY and TD, are not listed.
_NON_ENGLAND_AREAS = {
    **dict.fromkeys("AB DD DG EH FK G HS IV KA KW KY ML PA PH ZE".split(), "Scotland"),
    **dict.fromkeys("CF LD LL NP SA".split(), "Wales"),
    "BT": "Northern Ireland",
    "IM": "the Isle of Man",
    "GY": "Guernsey",
    "JE": "Jersey",
}
# NOTE: districts of the areas above that also serve English addresses: LD7
# and LD8 (Knighton and Presteigne, on the Shropshire and Herefordshire
# border), NP16 (Tutshill and Sedbury in Gloucestershire) and NP25 (Redbrook).
# This list comes from general geography, not from a postcode register. The
# API's own postcode lookup is the final word on the country.
_CROSS_BORDER_DISTRICTS = frozenset(("LD7", "LD8", "NP16", "NP25"))


def normalise_postcode(value: Any) -> str | None:
    """Return the postcode upper-cased with one space before the inward code.

    All whitespace is removed first, so "sw1a1aa" and "  SW1A 1AA " both give
    "SW1A 1AA". Returns None when the value is not a valid UK postcode.
    """
    if not isinstance(value, str):
        return None
    compact = "".join(value.split()).upper()
    if not 5 <= len(compact) <= 7:
        return None
    postcode = f"{compact[:-3]} {compact[-3:]}"
    return postcode if _POSTCODE.fullmatch(postcode) else None


def is_uk_postcode(value: Any) -> bool:
    """Check that the value is a valid UK postcode, ignoring case and spacing."""
    return normalise_postcode(value) is not None


def _country_outside_england(postcode: str) -> str | None:
    area = _POSTCODE_AREA.match(postcode)
    district = _POSTCODE_DISTRICT.match(postcode)
    if district and district[0] in _CROSS_BORDER_DISTRICTS:
        return None
    return _NON_ENGLAND_AREAS.get(area[0]) if area else None


def is_england_postcode(value: Any) -> bool:
    """Check that the value is a valid UK postcode that can be in England."""
    postcode = normalise_postcode(value)
    return postcode is not None and _country_outside_england(postcode) is None


# ---------------------------------------------------------------------------
# Web addresses, email addresses and phone numbers
# ---------------------------------------------------------------------------

# Letters, digits and any non-ASCII character, for internationalised names.
_HOST_CHARACTER = r"[A-Za-z0-9\u0080-\U0010FFFF]"
_HOST_LABEL = re.compile(
    rf"{_HOST_CHARACTER}(?:(?:{_HOST_CHARACTER}|-)*{_HOST_CHARACTER})?"
)


def _is_domain_name(host: str) -> bool:
    """Check for a dotted host name whose last label is not a number.

    A numeric last label also rules out IPv4 addresses, which the API rejects.
    """
    labels = host.split(".")
    if len(labels) < 2:
        return False
    if not all(_HOST_LABEL.fullmatch(label) for label in labels):
        return False
    return not labels[-1].isdigit()


def is_absolute_web_url(value: str) -> bool:
    """Check for an absolute http or https URL whose host is a domain name.

    Whitespace, control characters, user names and passwords, IP addresses
    and hosts without a dot are rejected.
    """
    if not value or any(c.isspace() or not c.isprintable() for c in value):
        return False
    try:
        parts = urlsplit(value)
        # Reading the port raises ValueError when it is not a number.
        if parts.port == 0:
            return False
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https"):
        return False
    if "@" in parts.netloc:
        return False
    return bool(parts.hostname) and _is_domain_name(parts.hostname)


# The local part allows the characters that both email and the API's
# free-text rule accept. The API also wants a 2 to 10 character
# alphanumeric top-level domain.
_EMAIL = re.compile(
    r"""
    (?P<local>[A-Za-z0-9\u0080-\U0010FFFF!#$%&'*+/=?_-]+
        (?:\.[A-Za-z0-9\u0080-\U0010FFFF!#$%&'*+/=?_-]+)*)
    @
    (?P<domain>(?:[A-Za-z0-9\u0080-\U0010FFFF]
        (?:[A-Za-z0-9\u0080-\U0010FFFF-]*[A-Za-z0-9\u0080-\U0010FFFF])?\.)+
        [A-Za-z0-9]{2,10})
    """,
    re.VERBOSE,
)
_EMAIL_LOCAL_MAX_LENGTH = 64


def is_valid_email(value: str) -> bool:
    """Check the format of an email address such as name@example.co.uk.

    Whitespace anywhere, surrounding whitespace included, makes it invalid.
    Length limits beyond the 64-character local part are the caller's.
    """
    if any(c.isspace() for c in value) or control_characters(value):
        return False
    match = _EMAIL.fullmatch(value)
    if not match:
        return False
    if len(match["local"]) > _EMAIL_LOCAL_MAX_LENGTH:
        return False
    return not invalid_free_text_characters(value)


_PHONE_CHARACTERS = frozenset("0123456789+-() ")


# ---------------------------------------------------------------------------
# Wage and duration
# ---------------------------------------------------------------------------


def apprentice_hourly_rate(start_date: datetime.date) -> Decimal:
    """Return the apprentice minimum hourly wage in force on start_date."""
    rate = APPRENTICE_HOURLY_RATES[0][1]
    for first_day, period_rate in APPRENTICE_HOURLY_RATES:
        if start_date >= first_day:
            rate = period_rate
    return rate


def minimum_yearly_wage(start_date: datetime.date, hours: Decimal | int) -> Decimal:
    """Return the exact apprentice minimum yearly wage: hourly rate x hours x 52."""
    hours = Decimal(hours)
    rate = apprentice_hourly_rate(start_date)
    with localcontext() as context:
        # Enough digits for the product to be exact.
        context.prec = len(hours.as_tuple().digits) + len(rate.as_tuple().digits) + 4
        return rate * hours * WEEKS_PER_YEAR


def _ceiling_division(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


def minimum_duration_months(
    hours: Decimal | int, start_date: datetime.date | None, rule: str
) -> tuple[int, str]:
    """Return the minimum duration in months and a description of the rule that set it.

    The product's rule starts from 12 months. The government rule starts from
    8 months for starts from 1 August 2025 or with no start date, and from 12
    months for earlier starts. Below 30 hours a week the minimum is
    ceiling(months x 30 / hours), in exact arithmetic. Raises ValueError for
    an unknown rule or hours that are not positive.
    """
    hours = Decimal(hours)
    if not hours.is_finite() or hours <= 0:
        raise ValueError(f"hours must be a positive number, not {hours}")

    if rule == PRODUCT_RULE:
        base_months = _PRODUCT_MINIMUM_MONTHS
        description = "the product's rule"
    elif rule == GOVERNMENT_RULE:
        change = _format_date(GOVERNMENT_RULE_CHANGE_DATE)
        if start_date is not None and start_date < GOVERNMENT_RULE_CHANGE_DATE:
            base_months = _GOVERNMENT_EARLIER_MINIMUM_MONTHS
            description = f"the government minimum for starts before {change}"
        else:
            base_months = _GOVERNMENT_MINIMUM_MONTHS
            description = f"the government minimum for starts from {change}"
    else:
        raise ValueError(
            f"unknown duration rule {rule!r}, expected one of {DURATION_RULES}"
        )

    description += (
        f": {base_months} months, longer below {FULL_TIME_HOURS} hours a week"
    )
    if hours >= FULL_TIME_HOURS:
        return base_months, description

    numerator, denominator = hours.as_integer_ratio()
    full_time = int(FULL_TIME_HOURS)
    months = _ceiling_division(base_months * full_time * denominator, numerator)
    return months, description


# ---------------------------------------------------------------------------
# check_job: the field checks
# ---------------------------------------------------------------------------


def _text_failures(
    field: str,
    value: Any,
    *,
    label: str,
    required_message: str | None,
    max_length: int,
    min_length: int = 0,
    html: bool = False,
) -> list[Failure]:
    """Check one text field: presence, length, characters and, if html, its tags.

    Apart from a missing value, the checks are independent, so all that fail
    are returned.
    """
    text = normalise_text(value)
    visible = _text_outside_tags(text) if html else text
    if not visible.strip():
        return [Failure(field, required_message)] if required_message else []

    failures = []
    length = utf16_length(text)
    if length > max_length:
        failures.append(
            Failure(
                field,
                f"{label} must be at most {max_length} characters (it has {length})",
            )
        )
    elif length < min_length:
        failures.append(
            Failure(
                field,
                f"{label} must be at least {min_length} characters (it has {length})",
            )
        )

    controls = control_characters(text)
    if controls:
        failures.append(
            Failure(
                field,
                f"{label} contains invisible control characters "
                f"({_describe_characters(controls)}), which are often left by "
                "pasting from a word processor. Delete them and retype the text "
                "around them.",
            )
        )

    find_invalid = (
        invalid_html_text_characters if html else invalid_free_text_characters
    )
    invalid = [c for c in find_invalid(text) if c not in controls]
    if invalid:
        failures.append(
            Failure(
                field,
                f"{label} contains characters that are not allowed: "
                f"{_describe_characters(invalid)}",
            )
        )

    if html:
        problems = html_problems(text) + html_sanitiser_problems(text)
        if problems:
            failures.append(
                Failure(
                    field,
                    f"{label} contains HTML that is not accepted. "
                    + " ".join(problems)
                    + " Only <p>, <br>, <ul> and <li> are allowed, without"
                    " attributes.",
                )
            )
    return failures


def _check_contract_type(job: Mapping[str, Any]) -> list[Failure]:
    value = normalise_text(job.get("contract_type")).lower()
    if value == APPRENTICESHIP_CONTRACT_TYPE:
        return []
    return [
        Failure(
            "contract_type",
            "Contract type must be Apprenticeship, because only apprenticeships "
            "can be advertised on Find an apprenticeship",
        )
    ]


def _check_title(job: Mapping[str, Any]) -> list[Failure]:
    failures = _text_failures(
        "title",
        job.get("title"),
        label="Title",
        required_message="Enter the job title",
        max_length=TITLE_MAX_LENGTH,
    )
    title = normalise_text(job.get("title"))
    if title and not title_has_apprentice_word(title):
        failures.append(
            Failure(
                "title",
                "Title must contain the word 'apprentice' or 'apprenticeship' "
                "on its own, with a space or the start or end of the title on "
                "each side, for example 'Plumbing Apprentice'",
            )
        )
    return failures


_LONG_HTML_FIELDS = (
    ("future_prospects", "Future prospects"),
    ("training_to_be_provided", "Training to be provided"),
    ("employer_description", "Employer description"),
)


def _check_descriptions(job: Mapping[str, Any]) -> list[Failure]:
    failures = _text_failures(
        "description",
        job.get("description"),
        label="Description",
        required_message="Enter the description",
        max_length=DESCRIPTION_MAX_LENGTH,
        min_length=DESCRIPTION_MIN_LENGTH,
        html=True,
    )
    for field, label in _LONG_HTML_FIELDS:
        failures += _text_failures(
            field,
            job.get(field),
            label=label,
            required_message=f"Enter the {label.lower()}",
            max_length=LONG_TEXT_MAX_LENGTH,
            html=True,
        )
    return failures


def _check_address(job: Mapping[str, Any]) -> list[Failure]:
    failures = []
    for number in range(1, 5):
        field = f"address_line{number}"
        failures += _text_failures(
            field,
            job.get(field),
            label=f"Address line {number}",
            required_message="Enter the first line of the address"
            if number == 1
            else None,
            max_length=ADDRESS_LINE_MAX_LENGTH,
        )

    raw_postcode = job.get("postcode")
    if _is_blank(raw_postcode):
        failures.append(Failure("postcode", "Enter the postcode"))
        return failures
    postcode = normalise_postcode(str(raw_postcode))
    if postcode is None:
        failures.append(
            Failure(
                "postcode",
                f'Postcode "{normalise_text(raw_postcode)}" is not a valid UK '
                "postcode. Enter it in full, for example SW1A 1AA",
            )
        )
        return failures
    country = _country_outside_england(postcode)
    if country:
        failures.append(
            Failure(
                "postcode",
                f"Postcode must be in England, because Find an apprenticeship "
                f"lists jobs in England only ({postcode} is in {country})",
            )
        )
    return failures


def _check_web_address(job: Mapping[str, Any]) -> list[Failure]:
    address = normalise_text(job.get("web_address"))
    if not address:
        return []
    length = utf16_length(address)
    if length > WEB_ADDRESS_MAX_LENGTH:
        return [
            Failure(
                "web_address",
                f"Web address must be at most {WEB_ADDRESS_MAX_LENGTH} characters "
                f"(it has {length})",
            )
        ]
    if not is_absolute_web_url(address):
        return [
            Failure(
                "web_address",
                "Enter the web address in full, starting with https:// or "
                "http://, for example https://www.example.co.uk",
            )
        ]
    return []


def _read_hours(job: Mapping[str, Any]) -> tuple[Decimal | None, list[Failure]]:
    """Return hours per week when valid, with the failures of the field."""
    raw = job.get("hours_per_week")
    if _is_blank(raw):
        return None, [Failure("hours_per_week", "Enter the hours per week")]
    hours = parse_decimal(raw)
    if hours is None:
        return None, [
            Failure(
                "hours_per_week", "Enter hours per week as a number, for example 37.5"
            )
        ]
    if not MIN_HOURS_PER_WEEK <= hours <= MAX_HOURS_PER_WEEK:
        return None, [
            Failure(
                "hours_per_week",
                f"Hours per week must be between {MIN_HOURS_PER_WEEK} and "
                f"{MAX_HOURS_PER_WEEK}",
            )
        ]
    if _decimal_places(hours) > MAX_DECIMAL_PLACES:
        return None, [
            Failure(
                "hours_per_week",
                f"Hours per week can have at most {MAX_DECIMAL_PLACES} decimal "
                "places, for example 37.5",
            )
        ]
    return hours, []


def _read_dates(
    job: Mapping[str, Any], today: datetime.date
) -> tuple[datetime.date | None, datetime.date | None, list[Failure]]:
    """Return the closing and start dates as parsed, with the failures of both."""
    failures = []

    raw_closing = job.get("closing_date")
    closing = parse_date(raw_closing)
    if _is_blank(raw_closing):
        failures.append(Failure("closing_date", "Enter the closing date"))
    elif closing is None:
        failures.append(
            Failure(
                "closing_date",
                "Enter the closing date as a date, for example 2027-06-30",
            )
        )
    else:
        earliest = today + datetime.timedelta(days=CLOSING_DATE_MIN_DAYS)
        if closing < earliest:
            failures.append(
                Failure(
                    "closing_date",
                    f"Closing date must be at least {CLOSING_DATE_MIN_DAYS} days "
                    f"after today, so {_format_date(earliest)} or later",
                )
            )

    raw_start = job.get("expected_start_date")
    start = parse_date(raw_start)
    if _is_blank(raw_start):
        failures.append(Failure("expected_start_date", "Enter the expected start date"))
    elif start is None:
        failures.append(
            Failure(
                "expected_start_date",
                "Enter the expected start date as a date, for example 2027-09-01",
            )
        )
    elif closing is not None and start <= closing:
        failures.append(
            Failure(
                "expected_start_date",
                "Expected start date must be after the closing date "
                f"({_format_date(closing)})",
            )
        )
    return closing, start, failures


def _check_wage(
    job: Mapping[str, Any],
    hours: Decimal | None,
    start: datetime.date | None,
    today: datetime.date,
) -> list[Failure]:
    wage_type = normalise_text(job.get("wage_type"))
    if not wage_type:
        return [Failure("wage_type", "Choose the wage type")]
    if wage_type not in WAGE_TYPES:
        names = ", ".join(_WAGE_TYPE_NAMES[t] for t in WAGE_TYPES)
        return [Failure("wage_type", f"Wage type must be one of: {names}")]
    if wage_type != "fixed_wage":
        # The API ignores the yearly amount for the other wage types.
        return []

    field = "fixed_wage_yearly_amount"
    raw = job.get(field)
    if _is_blank(raw):
        return [
            Failure(field, "Enter the yearly wage, because the wage type is fixed wage")
        ]
    amount = parse_decimal(raw)
    if amount is None:
        return [
            Failure(
                field,
                "Enter the yearly wage as an amount in pounds, for example 15600 "
                "or 15600.50",
            )
        ]
    if _decimal_places(amount) > MAX_DECIMAL_PLACES:
        return [Failure(field, "Yearly wage can have at most 2 decimal places (pence)")]

    if hours is None:
        # Without valid hours the minimum is unknown, so only require a
        # positive amount until the hours are fixed.
        if amount <= 0:
            return [Failure(field, "Yearly wage must be more than £0")]
        return []

    # Without a valid start date, the rate in force today applies.
    minimum = minimum_yearly_wage(start or today, hours)
    if amount < minimum:
        # Rounded up to pence, so paying the amount in the message always passes.
        minimum_in_pence = minimum.quantize(Decimal("0.01"), rounding=ROUND_CEILING)
        return [
            Failure(
                field,
                f"Yearly wage must be at least {format_pounds(minimum_in_pence)} (the "
                "apprentice minimum wage for "
                f"{_format_number(hours)} hours a week)",
            )
        ]
    return []


def _check_working_hours(job: Mapping[str, Any]) -> list[Failure]:
    return _text_failures(
        "working_hours",
        job.get("working_hours"),
        label="Working hours",
        required_message=(
            "Enter the working hours, for example Monday to Friday, 9am to 5pm"
        ),
        max_length=WORKING_HOURS_MAX_LENGTH,
    )


def _check_maximum_enrolments(job: Mapping[str, Any]) -> list[Failure]:
    raw = job.get("maximum_enrolments")
    if _is_blank(raw):
        return [
            Failure(
                "maximum_enrolments",
                "Enter the maximum enrolments (the number of positions)",
            )
        ]
    number = parse_whole_number(raw)
    if number is None:
        return [
            Failure(
                "maximum_enrolments",
                "Enter maximum enrolments as a whole number, for example 2",
            )
        ]
    if number < 1:
        return [Failure("maximum_enrolments", "Maximum enrolments must be at least 1")]
    return []


def _check_duration(
    job: Mapping[str, Any],
    hours: Decimal | None,
    start: datetime.date | None,
    rule: str,
) -> list[Failure]:
    field = "expected_duration_months"
    raw = job.get(field)
    if _is_blank(raw):
        return [Failure(field, "Enter the expected duration in months")]
    months = parse_whole_number(raw)
    if months is None:
        return [
            Failure(
                field,
                "Enter the expected duration as a whole number of months, "
                "for example 15",
            )
        ]

    # Without valid hours only the full-time minimum can be checked.
    required, description = minimum_duration_months(
        hours if hours is not None else FULL_TIME_HOURS, start, rule
    )
    if months >= required:
        return []
    for_hours = ""
    if hours is not None:
        for_hours = f" for {_format_number(hours)} hours a week"
    return [
        Failure(
            field,
            f"Duration must be at least {required} months{for_hours} ({description})",
        )
    ]


def _as_items(value: Any) -> list[Any] | None:
    """Return a list's items, or None for a value that is not a list.

    A string is split into lines, as typed into a text area.
    """
    if value is None:
        return []
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip()]
    if isinstance(value, Sequence):
        return list(value)
    return None


_SKILL_FIELDS = (
    ("desired_skills", "Desired skill"),
    ("desired_personal_qualities", "Desired personal quality"),
)


def _check_skills(job: Mapping[str, Any]) -> list[Failure]:
    failures = []
    item_count = 0
    for field, label in _SKILL_FIELDS:
        items = _as_items(job.get(field))
        if items is None:
            failures.append(Failure(field, f"{label}s must be a list of short phrases"))
            continue
        item_count += len(items)
        for index, item in enumerate(items):
            item_label = f"{label} {index + 1}"
            failures += _text_failures(
                f"{field}.{index}",
                item,
                label=item_label,
                required_message=f"{item_label} is empty. Enter it or remove it",
                max_length=MAX_SKILL_LENGTH,
            )
    if item_count == 0 and not failures:
        failures.append(
            Failure(
                "desired_skills",
                "Enter at least one desired skill or personal quality",
            )
        )
    return failures


def _check_qualification(index: int, item: Any) -> list[Failure]:
    prefix = f"qualifications.{index}"
    label = f"Qualification {index + 1}"
    if not isinstance(item, Mapping):
        return [
            Failure(prefix, f"{label} must have a type, subject, grade and weighting")
        ]

    failures = []
    qualification_type = normalise_text(item.get("type"))
    if not qualification_type:
        failures.append(
            Failure(f"{prefix}.type", f"Choose the type of {label.lower()}")
        )
    elif qualification_type not in QUALIFICATION_TYPES:
        failures.append(
            Failure(
                f"{prefix}.type",
                f"{label} type must be one of {', '.join(QUALIFICATION_TYPES)}",
            )
        )
    failures += _check_btec_level(prefix, label, qualification_type, item)
    failures += _check_other_name(prefix, label, qualification_type, item)
    failures += _text_failures(
        f"{prefix}.subject",
        item.get("subject"),
        label=f"{label} subject",
        required_message=f"Enter the subject of {label.lower()}",
        max_length=QUALIFICATION_SUBJECT_MAX_LENGTH,
    )
    failures += _text_failures(
        f"{prefix}.grade",
        item.get("grade"),
        label=f"{label} grade",
        required_message=f"Enter the grade of {label.lower()}",
        max_length=QUALIFICATION_GRADE_MAX_LENGTH,
    )

    weighting = normalise_text(item.get("weighting")).lower()
    if not weighting:
        failures.append(
            Failure(
                f"{prefix}.weighting",
                f"Choose whether {label.lower()} is essential or desired",
            )
        )
    elif weighting not in QUALIFICATION_WEIGHTINGS:
        failures.append(
            Failure(
                f"{prefix}.weighting",
                f"{label} weighting must be essential or desired",
            )
        )
    return failures


def _check_btec_level(
    prefix: str, label: str, qualification_type: str, item: Mapping[str, Any]
) -> list[Failure]:
    # The API tests whether the type contains "BTEC", so this does too.
    if "BTEC" not in qualification_type:
        return []

    field = f"{prefix}.level"
    first, last = BTEC_LEVELS[0], BTEC_LEVELS[-1]
    value = item.get("level")
    if _is_blank(value):
        return [
            Failure(
                field,
                f"Choose the BTEC level of {label.lower()}, from {first} to {last}",
            )
        ]
    if parse_whole_number(value) not in BTEC_LEVELS:
        return [
            Failure(
                field,
                f"{label} BTEC level must be a whole number from {first} to {last} "
                f"(it is {normalise_text(value)[:20]})",
            )
        ]
    return []


def _check_other_name(
    prefix: str, label: str, qualification_type: str, item: Mapping[str, Any]
) -> list[Failure]:
    # The API tests whether the type contains "Other", so this does too.
    if "Other" not in qualification_type:
        return []

    return _text_failures(
        f"{prefix}.other_name",
        item.get("other_name"),
        label=f"{label} name",
        required_message=(
            f"Enter the name of {label.lower()}, because its type is Other "
            f"(at most {QUALIFICATION_NAME_MAX_LENGTH} characters)"
        ),
        max_length=QUALIFICATION_NAME_MAX_LENGTH,
    )


def _check_qualifications(job: Mapping[str, Any]) -> list[Failure]:
    raw = job.get("qualifications")
    if _is_blank(raw):
        items = []
    elif isinstance(raw, str):
        items = None
    else:
        items = _as_items(raw)
    if items is None:
        return [Failure("qualifications", "Qualifications must be a list")]
    if not items:
        return [Failure("qualifications", "Add at least one qualification")]
    failures = []
    for index, item in enumerate(items):
        failures += _check_qualification(index, item)
    return failures


def _check_training_code(
    job: Mapping[str, Any], training_codes: Collection[str] | None
) -> list[Failure]:
    code = normalise_text(job.get("training_code"))
    if not code:
        return [Failure("training_code", "Choose the training course")]
    if training_codes is not None and code not in training_codes:
        return [Failure("training_code", "Choose a training course from the list")]
    return []


def _check_organisation(job: Mapping[str, Any]) -> list[Failure]:
    organisation = job.get("organisation")
    if not isinstance(organisation, Mapping) or not organisation:
        return [Failure("organisation", "Choose the employer organisation")]
    failures = []
    if not normalise_text(organisation.get("name")):
        failures.append(Failure("organisation.name", "Enter the organisation's name"))
    if not normalise_text(organisation.get("legal_entity_id")):
        failures.append(
            Failure(
                "organisation.legal_entity_id",
                "Enter the organisation's employer account legal entity ID from "
                "the apprenticeship service",
            )
        )
    return failures


def _check_contact(job: Mapping[str, Any]) -> list[Failure]:
    contact = job.get("contact")
    if not isinstance(contact, Mapping) or not contact:
        return [
            Failure("contact", "Choose the contact at the organisation for this job")
        ]

    failures = _text_failures(
        "contact.name",
        contact.get("name"),
        label="Contact name",
        required_message="Enter the contact's name",
        max_length=CONTACT_NAME_MAX_LENGTH,
    )

    email = normalise_text(contact.get("email"))
    if not email:
        failures.append(Failure("contact.email", "Enter the contact's email address"))
    elif utf16_length(email) > CONTACT_EMAIL_MAX_LENGTH:
        failures.append(
            Failure(
                "contact.email",
                f"Contact email address must be at most {CONTACT_EMAIL_MAX_LENGTH} "
                f"characters (it has {utf16_length(email)})",
            )
        )
    elif not is_valid_email(email):
        failures.append(
            Failure(
                "contact.email",
                "Contact email address is not valid. Enter an address such as "
                "name@example.co.uk",
            )
        )

    phone = normalise_text(contact.get("phone"))
    if phone:
        if any(c not in _PHONE_CHARACTERS for c in phone):
            failures.append(
                Failure(
                    "contact.phone",
                    "Contact phone number can contain only digits, spaces, "
                    "+, -, ( and )",
                )
            )
        elif not PHONE_MIN_LENGTH <= len(phone) <= PHONE_MAX_LENGTH:
            failures.append(
                Failure(
                    "contact.phone",
                    f"Contact phone number must be {PHONE_MIN_LENGTH} to "
                    f"{PHONE_MAX_LENGTH} characters long (it has {len(phone)})",
                )
            )
    return failures


def check_job(
    job: Mapping[str, Any],
    today: datetime.date,
    *,
    duration_rule: str = PRODUCT_RULE,
    training_codes: Collection[str] | None = None,
) -> list[Failure]:
    """Check a job against every advert rule and return all the failures.

    ``job`` maps our field names to values, as strings from a form or JSON, or
    as typed values. ``today`` is the current date in Europe/London.
    ``duration_rule`` is PRODUCT_RULE or GOVERNMENT_RULE. When
    ``training_codes`` is given, the training code must be one of them.
    An empty list means the job can be uploaded. Raises ValueError for an
    unknown duration rule.
    """
    if duration_rule not in DURATION_RULES:
        raise ValueError(
            f"unknown duration rule {duration_rule!r}, expected one of {DURATION_RULES}"
        )

    hours, hours_failures = _read_hours(job)
    closing, start, date_failures = _read_dates(job, today)

    failures = []
    failures += _check_contract_type(job)
    failures += _check_title(job)
    failures += _check_descriptions(job)
    failures += _check_address(job)
    failures += _check_web_address(job)
    failures += _check_wage(job, hours, start, today)
    failures += _check_working_hours(job)
    failures += _check_maximum_enrolments(job)
    failures += date_failures
    failures += _check_skills(job)
    failures += _check_qualifications(job)
    failures += hours_failures
    failures += _check_duration(job, hours, start, duration_rule)
    failures += _check_training_code(job, training_codes)
    failures += _check_organisation(job)
    failures += _check_contact(job)
    return failures
