"""The `advert_html` filter: show advert text with the HTML the Recruitment API accepts.

Job descriptions, future prospects, training to be provided and employer
descriptions may contain <p>, <br>, <ul> and <li> without attributes. The
filter renders those tags as elements and escapes everything else, so any
other tag, a tag with attributes, or a stray "<" shows as the text typed.
"""

import re

import nh3
from django import template
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe

register = template.Library()

ALLOWED_TAGS = frozenset({"p", "br", "ul", "li"})

# An allowed tag without attributes after escaping, such as "&lt;/li&gt;" or
# "&lt;br /&gt;".
_ESCAPED_ALLOWED_TAG = re.compile(
    r"&lt;(?P<close>/?)(?P<name>p|br|ul|li)\s*/?&gt;", re.IGNORECASE
)


# A character reference after escaping, such as "&amp;amp;" or "&amp;#8217;".
# The text is HTML, so "&amp;" in it means "&" and must not be escaped twice.
_ESCAPED_REFERENCE = re.compile(
    r"&amp;(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE
)


def _restore_tag(match: re.Match) -> str:
    return f"<{match['close']}{match['name'].lower()}>"


def sanitise_advert_html(value) -> str:
    """Return advert text as HTML in which only <p>, <br>, <ul> and <li> are tags."""
    if value is None or value == "":
        return ""
    html = _ESCAPED_ALLOWED_TAG.sub(_restore_tag, escape(str(value)))
    html = _ESCAPED_REFERENCE.sub(r"&\1;", html)
    # nh3 parses the result as HTML5 and writes it out again, so unbalanced or
    # misplaced tags come out well formed and nothing outside the list survives.
    html = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={},
        link_rel=None,
        strip_comments=True,
    )
    # Every "<" of the text is escaped by now, so a "<" left over starts an
    # allowed tag. Text without one is plain text, whose line breaks still show.
    if "<" not in html:
        html = linebreaks(html)
    return html


@register.filter(name="advert_html")
def advert_html(value):
    """Render advert text as HTML with only <p>, <br>, <ul> and <li> as tags."""
    return mark_safe(sanitise_advert_html(value))
