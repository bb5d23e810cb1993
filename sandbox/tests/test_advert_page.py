"""The public advert page: each description shown once, no sideways scrolling."""

import json
import uuid

import httpx
import pytest
from playwright.sync_api import sync_playwright

from .payloads import example_request

CHROMIUM = "/usr/bin/chromium"
PHONE_WIDTH = 375
LONG_WORD = "Apprenticeship" * 30


def create_advert(sandbox, body) -> str:
    response = httpx.post(
        f"{sandbox.base_url}/vacancy/{uuid.uuid4()}",
        content=json.dumps(body).encode(),
        headers=sandbox.api_headers(**{"Content-Type": "application/json"}),
        timeout=10,
    )
    assert response.status_code == 201, response.text
    return f"{sandbox.site_url}/apprenticeship/VAC{response.json()['vacancyReference']}"


def test_same_descriptions_shown_once(sandbox):
    text = "Bake bread and pastries every morning with a skilled team of bakers."
    url = create_advert(
        sandbox, example_request(shortDescription=text, description=text)
    )

    page = httpx.get(url).text

    assert page.count(text) == 1
    assert "<h2>Summary</h2>" in page
    assert "What you will do" not in page


def test_different_descriptions_both_shown(sandbox):
    body = example_request()

    page = httpx.get(create_advert(sandbox, body)).text

    assert body["shortDescription"] in page
    assert "<h2>What you will do</h2>" in page
    assert "<li>preparing ingredients</li>" in page


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox"]
        )
        yield chromium
        chromium.close()


def test_long_word_fits_phone_width(sandbox, browser):
    body = example_request(
        # The title is limited to 100 characters, still too wide unbroken.
        title="Apprentice " + "Bakery" * 14,
        description=f"<p>{LONG_WORD}</p>",
        applicationInstructions=LONG_WORD,
    )
    url = create_advert(sandbox, body)
    page = browser.new_page(viewport={"width": PHONE_WIDTH, "height": 800})

    page.goto(url)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    page.close()

    assert scroll_width <= PHONE_WIDTH
