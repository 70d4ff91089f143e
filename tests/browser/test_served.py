"""The live build served by a real nginx from the generated _nginx.conf: every
page type loads in Chromium with the Content-Security-Policy enforced and no
violation or console error; the security and caching headers are there; a
missing address gets the site's 404 page with status 404."""

import urllib.error
import urllib.request

import pytest
from browsing import PAGES

from klucz_harness.servers import Nginx, free_port
from klucz_harness.sitebuild import REAL_PAYMENT_DETAILS, build

pytestmark = pytest.mark.browser

CSP_WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    out = build(folder / "out", conf="publishconf.py", SITEURL=origin, SITE_ORIGIN=origin, FEED_DOMAIN=origin,
                **REAL_PAYMENT_DETAILS)
    server = Nginx(folder / "nginx", out, port=port)
    yield server.url, out
    server.stop()


def head(url, headers=None):
    request = urllib.request.Request(url, method="GET", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize("name", PAGES)
def test_every_page_type_loads_with_the_csp_enforced(browser, nginx_site, name):
    url, _out = nginx_site
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" and "404" not in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    response = page.goto(url + PAGES[name])
    page.wait_for_load_state("load")
    headers = response.headers
    assert response.status == (404 if name == "404" else 200)
    csp = headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    for header in ("x-content-type-options", "referrer-policy", "permissions-policy", "strict-transport-security"):
        assert header in headers, header
    assert headers["cache-control"] == "no-cache"
    assert page.evaluate("window.__csp") == []
    assert problems == []
    # The stylesheet really applied (a blocked one would leave the page unstyled).
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
    assert page.evaluate("document.styleSheets.length") >= 1
    context.close()


def test_assets_calendars_and_server_files(nginx_site):
    url, out = nginx_site
    css = next((out / "theme" / "css").glob("style.*.css")).name
    status, headers, _ = head(f"{url}/theme/css/{css}")
    assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"
    status, headers, body = head(f"{url}/szkolenia/kalendarz.ics")
    assert status == 200 and headers["Content-Type"].startswith("text/calendar")
    assert headers["Cache-Control"] == "public, max-age=43200" and b"REFRESH-INTERVAL;VALUE=DURATION:PT12H" in body
    status, headers, body = head(f"{url}/nie-ma-takiej-strony/")
    assert status == 404 and b"Nie znaleziono strony" in body
    assert "content-security-policy" in {k.lower() for k in headers}
    for private in ("_nginx.conf", ".htaccess", "_headers", "_redirects"):
        assert head(f"{url}/{private}")[0] == 404, private
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f"/theme/css/{css}" in index and "/theme/css/style.css" not in index


def test_text_is_sent_compressed_and_pictures_as_they_are(nginx_site):
    """A phone on a slow connection gets the page, the stylesheet and the
    search's script gzipped (the same bytes once unpacked); pictures and
    Pagefind's index, compressed already, are not packed twice."""
    import gzip

    url, out = nginx_site
    css = next((out / "theme" / "css").glob("style.*.css"))
    texts = {"/": out / "index.html", f"/theme/css/{css.name}": css,
             "/pagefind/pagefind.js": out / "pagefind" / "pagefind.js",
             "/szkolenia/kalendarz.ics": out / "szkolenia" / "kalendarz.ics"}
    for path, source in texts.items():
        _status, headers, body = head(url + path, {"Accept-Encoding": "gzip"})
        assert headers.get("Content-Encoding") == "gzip", path
        assert "Accept-Encoding" in headers.get("Vary", ""), path
        assert gzip.decompress(body) == source.read_bytes(), path
        assert len(body) < 0.6 * source.stat().st_size, path
    wasm = next((out / "pagefind").glob("wasm.*.pagefind")).name
    for path in (f"/pagefind/{wasm}", "/" + next(out.glob("images/**/*.webp")).relative_to(out).as_posix()):
        assert head(url + path, {"Accept-Encoding": "gzip"})[1].get("Content-Encoding") is None, path
    # Apache gets the same list through mod_deflate.
    htaccess = (out / ".htaccess").read_text(encoding="utf-8")
    assert "AddOutputFilterByType DEFLATE text/html text/css application/javascript" in htaccess


@pytest.mark.parametrize("feed", ["feeds/wszystko.atom.xml", "feeds/szkolenia.rss.xml"])
def test_a_feed_opened_in_the_browser_reads_as_a_page(browser, nginx_site, feed):
    """Not raw XML: the feed's stylesheet (CSS; browsers' XSLT is going)
    shows its title, a line on what it is for, and each entry's title."""
    url, _out = nginx_site
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    response = page.goto(f"{url}/{feed}")
    page.wait_for_load_state("load")
    assert response.status == 200
    root = "feed" if feed.endswith("atom.xml") else "channel"
    said = page.evaluate(f"getComputedStyle(document.querySelector('{root}'), '::before').content")
    assert "czytnika wiadomości" in said and "Obserwuj" in said
    title = page.evaluate(f"""(() => {{ const t = document.querySelector('{root} > title');
        const s = getComputedStyle(t); return [s.display, parseFloat(s.fontSize)]; }})()""")
    assert title[0] == "block" and title[1] >= 24
    entries = page.evaluate("""[...document.querySelectorAll('entry > title, item > title')]
        .map(t => getComputedStyle(t).display)""")
    assert entries and set(entries) == {"block"}
    # The full text (escaped HTML) is not shown as tags; nothing wider than the phone.
    hidden = page.evaluate("[...document.querySelectorAll('content, item > description')]"
                           ".every(c => getComputedStyle(c).display === 'none')")
    assert hidden
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate("window.__csp") == []
    context.close()
