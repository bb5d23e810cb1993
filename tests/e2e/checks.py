"""Page checks for the browser tests: accessibility with axe-core, and layout."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE_PATH = Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js"
BLOCKING_IMPACTS = ("serious", "critical")

_RUN_AXE = """
async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
  }));
}
"""

# Elements that stick out past the right edge of the viewport. Those inside a
# .table-wrap are left out because it scrolls on its own, but a .table-wrap
# that is itself too wide is listed.
_WIDE_ELEMENTS = """
(limit) => {
  const wide = [];
  for (const element of document.body.querySelectorAll("*")) {
    const wrap = element.parentElement && element.parentElement.closest(".table-wrap");
    const position = getComputedStyle(element).position;
    const positioned = position === "absolute" || position === "fixed";
    // A positioned element escapes the wrap's scrolling unless the wrap, or an
    // element inside it, is its containing block.
    const holder = element.offsetParent;
    const escapes = positioned && !(wrap && holder && wrap.contains(holder));
    if (wrap && !escapes) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > limit + 1) {
      const classes = [...element.classList].map((name) => "." + name).join("");
      const id = element.id ? "#" + element.id : "";
      wide.push(`${element.tagName.toLowerCase()}${id}${classes} right=${box.right}`);
    }
  }
  return {scrollWidth: document.scrollingElement.scrollWidth, wide: wide.slice(0, 10)};
}
"""


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core on the page and return its serious and critical violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_PATH))
    violations = page.evaluate(_RUN_AXE)
    return [item for item in violations if item["impact"] in BLOCKING_IMPACTS]


def describe_violations(violations: list[dict]) -> str:
    return "\n".join(
        f"{item['impact']} {item['id']}: {item['help']} at {item['targets']}"
        for item in violations
    )


def horizontal_overflow(page: Page, width: int) -> dict:
    """Return the page's scroll width and the elements wider than `width`."""
    return page.evaluate(_WIDE_ELEMENTS, width)
