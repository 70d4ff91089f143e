"""No page wider than a phone: every address in the sitemap at 320 px, and a
page of each type at 360 and 390 px, has nothing that sticks out to the right
(the accessibility statement promises 320 px)."""

import re
import urllib.request
from urllib.parse import urlsplit

import pytest
from browsing import PAGES

pytestmark = pytest.mark.browser

# What sticks out: the page's own width, and the elements whose right edge
# passes the window's (named by tag, class and a bit of text for the message).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > width + 1 && getComputedStyle(el).visibility !== "hidden"
        && !el.closest(".visually-hidden, [hidden]")) {
      let inScroller = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox === "auto" || ox === "scroll" || ox === "hidden") { inScroller = true; break; }
      }
      if (!inScroller) {
        wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." +
          el.className.trim().split(/\\s+/).join(".") : "") + " «" + (el.textContent || "").trim().slice(0, 40) + "»");
      }
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


def addresses(site_url):
    with urllib.request.urlopen(site_url + "/sitemap.xml", timeout=10) as response:
        sitemap = response.read().decode("utf-8")
    paths = {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    return sorted(paths | set(PAGES.values()))


def too_wide(page, url):
    page.goto(url)
    found = page.evaluate(OVERFLOW)
    if found["scroll"] > found["width"] or found["wide"]:
        return f"{urlsplit(url).path}: {found['scroll']} px > {found['width']} px: {', '.join(found['wide'])}"
    return None


def test_no_page_is_wider_than_a_320_px_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    paths = addresses(site_url)
    assert len(paths) > 30
    wide = [problem for path in paths if (problem := too_wide(page, site_url + path))]
    context.close()
    assert wide == []


@pytest.mark.parametrize("width", [360, 390])
def test_no_page_type_is_wider_than_a_phone(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    wide = [problem for path in PAGES.values() if (problem := too_wide(page, site_url + path))]
    context.close()
    assert wide == []
