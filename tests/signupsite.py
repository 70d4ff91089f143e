"""A site whose trainings take sign-ups through the sign-up service, and a
visitor without JavaScript, for the sign-up tests (test_signups.py and the
browser's)."""

import datetime as dt
import http.cookiejar
import json
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request

from klucz_harness.servers import Nginx, SignupService, free_port
from klucz_harness.sitebuild import REAL_PAYMENT_DETAILS, SAMPLE, build

NOW = dt.datetime.now().astimezone()
DAY = (NOW + dt.timedelta(days=20)).strftime("%Y-%m-%d")
# Published a day ago, whatever the hour the tests run at.
PUBLISHED = NOW - dt.timedelta(days=1)


def training(slug, uid, capacity, extra=""):
    return (f"Title: Test zapisów {slug}\nDate: {PUBLISHED:%Y-%m-%d %H:%M}\nSummary: Szkolenie do testu zapisów.\n"
            f"Event-Start: {DAY} 10:00\nEvent-End: {DAY} 14:00\n"
            f"Event-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź\nEvent-UID: {uid}\nEvent-Price: 0\n"
            f"Registration-Email: szkolenia@example.org\nCapacity: {capacity}\n{extra}\nOpis szkolenia.\n")


WEBINAR = (f"Title: Test zapisów webinar\nDate: {PUBLISHED:%Y-%m-%d %H:%M}\nSummary: Webinarium do testu zapisów.\n"
           f"Event-Start: {DAY} 17:00\nEvent-Duration: 2h\nEvent-Online-URL: https://spotkanie.example.org/tajny-pokoj\n"
           f"Event-UID: test-webinar@klucz\nEvent-Price: 0\nCapacity: 50\n\nOpis webinarium.\n")

TRAININGS = {
    "webinar": WEBINAR,
    "maly": training("maly", "test-maly@klucz", 2),
    "sredni": training("sredni", "test-sredni@klucz", 5, "Event-Sequence: 2\n"),
    "zamkniety": training("zamkniety", "test-zamkniety@klucz", 5, "Registration-Status: closed\n"),
}


def content_with_trainings(folder, trainings=TRAININGS):
    content = folder / "content"
    shutil.copytree(SAMPLE, content)
    for slug, text in trainings.items():
        (content / "szkolenia" / f"{NOW:%Y-%m-%d}-test-{slug}.md").write_text(text, encoding="utf-8")
    return content


def site_behind_nginx(folder):
    """The site with TRAININGS built and served by nginx, which passes /zapisy/
    on to `service_port` (start the service there)."""
    port, service_port = free_port(), free_port()
    origin = f"http://127.0.0.1:{port}"
    out = build(folder / "out", content=content_with_trainings(folder), conf="publishconf.py",
                SITEURL=origin, SITE_ORIGIN=origin, FEED_DOMAIN=origin, BUILD_NOW=NOW.isoformat(),
                EVENTS_SIGNUPS_UPSTREAM=f"http://127.0.0.1:{service_port}", SEARCH_ENABLED=False,
                **REAL_PAYMENT_DETAILS)
    server = Nginx(folder / "nginx", out, port=port)
    return {"origin": origin, "out": out, "service_port": service_port, "folder": folder, "nginx": server}


class Visitor:
    """A browser without JavaScript: cookies, the site's Origin on POSTs."""

    def __init__(self, origin):
        self.origin = origin
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def open(self, url, data=None, headers=None):
        url = url if url.startswith("http") else self.origin + url
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode("utf-8"), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8"), dict(error.headers)

    def post(self, url, data, origin=None, json_answer=False):
        headers = {"Origin": origin or self.origin}
        if json_answer:
            headers["Accept"] = "application/json"
        return self.open(url, data, headers)

    def state(self, uid):
        status, body, _ = self.open(f"/zapisy/s/{uid}/stan.json")
        assert status == 200, body
        return json.loads(body)


def person(name, email=None, **extra):
    first, last = name.split()
    return {"imie": first, "nazwisko": last, "email": email or f"{first.lower()}@example.org", "zgoda": "1", **extra}


def subject(message):
    """The decoded subject (Django folds long ones right after "Subject:")."""
    return str(message["Subject"]).strip()


def link_in(message):
    text = message.get_body(("plain",)).get_content()
    return re.search(r"https?://\S+/zapisy/t/[\w-]+/", text).group(0)


def press(visitor, link, action):
    """Press a button on the person's own page (a POST with its CSRF token)."""
    status, page, _ = visitor.open(link)
    assert status == 200, page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return visitor.post(link, {"csrfmiddlewaretoken": token, "akcja": action})


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))




def service_for(site, mailbox, folder, **env):
    """The sign-up service for `site` (site_behind_nginx) on its port, reading
    the site's trainings, data in `folder`, e-mails to `mailbox`."""
    return SignupService(folder, site["out"] / "szkolenia" / "zapisy.json", site["origin"], mailbox,
                         port=site["service_port"], **env)
