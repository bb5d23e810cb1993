"""The advert_html filter keeps <p>, <br>, <ul> and <li> and escapes the rest."""

from html.parser import HTMLParser

import pytest
from django.template import Context, Template

from recruitment.core.templatetags.advert_html import sanitise_advert_html


def render(value):
    template = Template("{% load advert_html %}{{ value|advert_html }}")
    return template.render(Context({"value": value}))


def test_allowed_tags_render_as_elements():
    html = render("<p>Join us.</p><ul><li>Good pay</li><li>Training</li></ul>")

    assert html == "<p>Join us.</p><ul><li>Good pay</li><li>Training</li></ul>"


def test_line_break_tags_render_as_elements():
    assert render("One<br>Two<br />Three") == "One<br>Two<br>Three"


def test_upper_case_tags_are_kept():
    assert render("<P>Hello</P>") == "<p>Hello</p>"


def test_script_is_escaped():
    html = render("<script>alert(1)</script>")

    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_image_with_onerror_is_escaped():
    html = render('<img src="x" onerror="alert(1)">')

    assert "<img" not in html
    assert "&lt;img" in html


@pytest.mark.parametrize(
    "value",
    [
        '<p class="lead" onclick="alert(1)">Hi</p>',
        "<ul style=\"color:red\"><li id='a'>Hi</li></ul>",
        "<br onmouseover=alert(1)>",
    ],
)
def test_tag_with_attributes_is_escaped(value):
    html = render(value)

    tags = real_tags(html)
    assert all(attributes == [] for _, attributes in tags)
    assert {name for name, _ in tags} <= {"p", "br", "ul", "li"}
    assert "&lt;" in html


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        "<scr<script>ipt>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<svg onload=alert(1)>",
        '<iframe src="javascript:alert(1)"></iframe>',
        "<p><style>p {}</style></p>",
        "<!-- comment --><p>x</p>",
        '<li onclick="x">a</li><a href="https://example.com">b</a>',
    ],
)
def test_only_allowed_tags_reach_the_page(value):
    tags = real_tags(render(value))

    assert {name for name, _ in tags} <= {"p", "br", "ul", "li"}
    assert all(attributes == [] for _, attributes in tags)


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_comment(self, data):
        self.tags.append(("!--", []))


def real_tags(html):
    """Return (name, attributes) of every element a browser would create."""
    collector = TagCollector()
    collector.feed(html)
    collector.close()
    return collector.tags


def test_other_tags_are_escaped():
    html = render("<b>Bold</b> and <a href='https://example.com'>a link</a>")

    assert "<b>" not in html
    assert "<a " not in html
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html


def test_plain_text_keeps_its_line_breaks():
    html = render("Line one\nLine two\n\nSecond paragraph")

    assert html == "<p>Line one<br>Line two</p>\n\n<p>Second paragraph</p>"


def test_ampersand_and_less_than_are_escaped():
    html = render("Fish & chips, under 5 <10 miles")

    assert "Fish &amp; chips" in html
    assert "&lt;10 miles" in html


def test_unbalanced_tags_come_out_well_formed():
    html = sanitise_advert_html("</ul>Stray<li>Orphan")

    assert html == "Stray<li>Orphan</li>"


def test_empty_value_renders_nothing():
    assert render("") == ""
    assert render(None) == ""


def test_character_references_are_not_escaped_twice():
    html = sanitise_advert_html("<p>Join our team &amp; learn &#8211; today.</p>")

    assert html == "<p>Join our team &amp; learn – today.</p>"


def test_escaped_tags_stay_text():
    html = sanitise_advert_html("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")

    assert "<script>" not in html
    assert "&lt;script&gt;" in html
