"""Save-time checks of text typed into the job form, with form messages.

``local_text_problems`` applies to every job: invisible control characters
and HTML beyond what descriptions may hold. ``api_text_problems`` adds what
the Recruitment API rejects, for Apprenticeship jobs: characters outside its
free-text set and lengths over its limits.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from . import rules


def format_decimal(number: Decimal) -> str:
    """Format a Decimal without exponent or trailing zeros: 37.5, 16, 18500."""
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def describe_characters(characters: Sequence[str]) -> str:
    """Show characters readably: visible ones quoted, others as U+ code points."""
    parts = []
    for character in characters:
        if character.isprintable() and not character.isspace():
            parts.append(f'"{character}"')
        else:
            parts.append(f"U+{ord(character):04X}")
    return ", ".join(parts)


def local_text_problems(value: str, *, label: str, html: bool = False) -> list[str]:
    """List what makes a text unfit for any job, whatever its contract type."""
    text = rules.normalise_text(value)
    problems = []

    controls = rules.control_characters(text)
    if controls:
        problems.append(
            f"{label} contains invisible control characters "
            f"({describe_characters(controls)}), often left by pasting from a word "
            "processor. Delete them and type the text around them again."
        )

    if html:
        html_problems = rules.html_problems(text) + rules.html_sanitiser_problems(text)
        if html_problems:
            problems.append(
                f"{label} contains HTML that is not accepted: "
                + " ".join(html_problems)
                + " Only <p>, <br>, <ul> and <li> are allowed, without attributes."
            )
    return problems


def api_text_problems(
    value: str, *, label: str, max_length: int, html: bool = False
) -> list[str]:
    """List what the Recruitment API rejects in a text: characters and length.

    Lengths count UTF-16 code units after trimming and Unicode NFC, as the
    API counts them.
    """
    text = rules.normalise_text(value)
    problems = []

    length = rules.utf16_length(text)
    if length > max_length:
        problems.append(
            f"{label} must be at most {max_length} characters for Find an "
            f"apprenticeship (it has {length})."
        )

    controls = set(rules.control_characters(text))
    find_invalid = (
        rules.invalid_html_text_characters
        if html
        else rules.invalid_free_text_characters
    )
    invalid = [c for c in find_invalid(text) if c not in controls]
    if invalid:
        problems.append(
            f"{label} contains characters that Find an apprenticeship does not "
            f"accept: {describe_characters(invalid)}. Remove them or write them "
            "as words."
        )
    return problems
