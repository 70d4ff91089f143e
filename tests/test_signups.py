"""The sign-up service as visitors and staff meet it: the site built with its
trainings, served by nginx from the generated configuration, the service as a
real process behind it, e-mails read from a real SMTP server and their links
followed. Each test starts the service on a fresh database."""

import concurrent.futures
import csv
import io
import json
import os
import re
import subprocess
import sys
import time

import pytest
from signupsite import Visitor, link_in, person, press, service_for, subject, text_of

from klucz_harness.servers import PostgreSQL, free_port, wait_for_port


@pytest.fixture(scope="module")
def postgresql():
    server = PostgreSQL()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request):
    """The same tests on the embedded default and on a real PostgreSQL."""
    if request.param == "sqlite":
        return {}
    return {"DATABASE_URL": request.getfixturevalue("postgresql").database()}


@pytest.fixture
def service(signup_site, mailbox, tmp_path, database):
    running = service_for(signup_site, mailbox, tmp_path / "dane", SIGNUPS_MIN_SECONDS=2, SIGNUPS_PER_IP_HOUR=1000,
                          **database)
    yield running
    running.stop()


def test_the_page_has_the_form_and_nginx_passes_it_to_the_service(signup_site, service):
    visitor = Visitor(signup_site["origin"])
    status, page, _ = visitor.open("/szkolenia/test-zapisow-maly/")
    assert status == 200
    form = re.search(r'<form class="signup-form" method="post" action="([^"]+)"', page)
    assert form and form.group(1) == "/zapisy/s/test-maly@klucz/"
    for name in ("imie", "nazwisko", "email", "organizacja", "telefon", "potrzeby", "zgoda", "strona_www"):
        assert f'name="{name}"' in page
    # The e-mail sign-up stays on the page for when the service is down.
    assert "data-signup-fallback hidden" in page and "mailto:szkolenia@example.org" in page
    # A closed training and one with an outside form get no form.
    assert 'class="signup-form"' not in visitor.open("/szkolenia/test-zapisow-zamkniety/")[1]
    assert visitor.state("test-maly@klucz")["label"] == "Zostały 2 z 2 miejsc"
    listed = json.loads((signup_site["out"] / "szkolenia" / "zapisy.json").read_text(encoding="utf-8"))
    uids = {t["uid"] for t in listed["trainings"]}
    assert {"test-maly@klucz", "test-sredni@klucz"} <= uids
    assert "Administratorem danych" in listed["clause"]


def test_sign_up_confirm_by_the_link_and_the_count_drops(signup_site, service, mailbox):
    visitor = Visitor(signup_site["origin"])
    status, page, _ = visitor.post("/zapisy/s/test-sredni@klucz/", person("Anna Nowak", telefon="600 100 200",
                                                                          potrzeby="tłumacz PJM"))
    assert status == 200, page
    assert "Sprawdź skrzynkę e-mail" in text_of(page)
    mail, staff = mailbox.wait(2)
    assert {mail["To"], staff["To"]} == {"anna@example.org", "szkolenia@example.org"}
    mail = mailbox.to("anna@example.org")[0]
    assert subject(mail) == "Potwierdź zgłoszenie: Test zapisów sredni"
    link = link_in(mail)
    assert link.startswith(signup_site["origin"] + "/zapisy/t/")
    # Held, not yet confirmed: the seat is taken while the person decides.
    assert visitor.state("test-sredni@klucz")["left"] == 4
    # Opening the link (as a mail scanner does) confirms nothing.
    for _ in range(2):
        status, page, _ = visitor.open(link)
        assert status == 200 and "czeka na potwierdzenie e-mailem" in text_of(page)
        assert "Potwierdzam udział" in page
    status, page, _ = press(visitor, link, "potwierdz")
    assert status == 200 and "Udział jest potwierdzony" in text_of(page)
    confirmed = mailbox.wait(3)[2]
    assert subject(confirmed) == "Potwierdzenie udziału: Test zapisów sredni"
    ics = next(part for part in confirmed.iter_attachments() if part.get_filename() == "szkolenie.ics")
    calendar = ics.get_content()
    calendar = calendar.decode() if isinstance(calendar, bytes) else calendar
    assert "UID:test-sredni@klucz" in calendar and "Test zapisów sredni" in calendar
    assert "SEQUENCE:2" in calendar  # the site's change number, so the site's calendar and this one agree
    assert link_in(confirmed) == link  # the person's own page, to cancel from
    assert visitor.state("test-sredni@klucz")["label"] == "Zostały 4 z 5 miejsc"
    status, own_ics, headers = visitor.open(link + "szkolenie.ics")
    assert status == 200 and headers["Content-Type"].startswith("text/calendar") and "BEGIN:VEVENT" in own_ics
    # Confirming again changes nothing and says so.
    assert "już potwierdzony" in text_of(press(visitor, link, "potwierdz")[1])


def test_the_waiting_list_offers_a_freed_seat_to_the_first_in_line(signup_site, service, mailbox):
    visitor = Visitor(signup_site["origin"])
    names = ["Ala Pierwsza", "Bartek Drugi", "Celina Trzecia", "Darek Czwarty"]
    for name in names:
        assert visitor.post("/zapisy/s/test-maly@klucz/", person(name))[0] == 200
    mailbox.wait(8)
    state = visitor.state("test-maly@klucz")
    assert (state["state"], state["left"], state["waiting"]) == ("waitlist", 0, 2)
    assert state["label"] == "Brak miejsc – zapisz się na listę rezerwową"
    celina = mailbox.to("celina@example.org")[0]
    assert subject(celina) == "Lista rezerwowa: Test zapisów maly"
    assert "(miejsce 1)" in celina.get_body(("plain",)).get_content()
    assert "(miejsce 2)" in mailbox.to("darek@example.org")[0].get_body(("plain",)).get_content()
    status, page, _ = visitor.open(link_in(mailbox.to("darek@example.org")[0]))
    assert "lista rezerwowa: 2. miejsce w kolejce" in text_of(page)
    # Ala gives up her seat: Celina, first in line, is offered it by e-mail.
    status, page, _ = press(visitor, link_in(mailbox.to("ala@example.org")[0]), "rezygnuje")
    assert status == 200 and "Zrezygnowano z udziału" in text_of(page)
    mailbox.wait(9)
    offer = mailbox.to("celina@example.org")[-1]
    assert subject(offer) == "Zwolniło się miejsce: Test zapisów maly"
    assert subject(mailbox.to("darek@example.org")[-1]).startswith("Lista rezerwowa")
    status, page, _ = press(visitor, link_in(offer), "potwierdz")
    assert "Udział jest potwierdzony" in text_of(page)
    status, page, _ = visitor.open(link_in(mailbox.to("darek@example.org")[0]))
    assert "1. miejsce w kolejce" in text_of(page)
    # The old link from Celina's first e-mail was replaced by the offer's.
    assert visitor.open(link_in(celina))[0] == 404


def test_the_meeting_link_goes_only_to_those_confirmed(signup_site, service, mailbox):
    visitor = Visitor(signup_site["origin"])
    secret = "spotkanie.example.org/tajny-pokoj"
    assert secret not in visitor.open("/szkolenia/test-zapisow-webinar/")[1]
    # The service's file carries it, and the web server never gives it out.
    assert secret in (signup_site["out"] / "szkolenia" / "zapisy.json").read_text(encoding="utf-8")
    assert visitor.open("/szkolenia/zapisy.json")[0] == 410
    assert visitor.post("/zapisy/s/test-webinar@klucz/", person("Wera Sieć"))[0] == 200
    held = mailbox.wait(1)[0]
    assert secret not in held.get_body(("plain",)).get_content()
    status, page, _ = visitor.open(link_in(held))
    assert secret not in page
    press(visitor, link_in(held), "potwierdz")
    confirmed = mailbox.wait(2)[1]
    assert f"Link do spotkania online: https://{secret}" in confirmed.get_body(("plain",)).get_content()
    assert secret in press(visitor, link_in(held), "potwierdz")[1]
    calendar = next(p for p in confirmed.iter_attachments() if p.get_filename() == "szkolenie.ics").get_content()
    assert "LOCATION:Online" in (calendar.decode() if isinstance(calendar, bytes) else calendar)


def test_seats_never_exceed_the_capacity_when_many_sign_up_at_once(signup_site, service, mailbox):
    def one(i):
        return Visitor(signup_site["origin"]).post("/zapisy/s/test-sredni@klucz/", person(f"Osoba Numer{i}",
                                            f"osoba{i}@example.org"), json_answer=True)

    with concurrent.futures.ThreadPoolExecutor(max_workers=30) as pool:
        answers = list(pool.map(one, range(30)))
    assert [status for status, _, _ in answers] == [200] * 30
    state = Visitor(signup_site["origin"]).state("test-sredni@klucz")
    assert (state["left"], state["waiting"]) == (0, 25)
    held = [m for m in mailbox.wait(60, timeout=60) if subject(m).startswith("Potwierdź")]
    waiting = [m for m in mailbox.messages if subject(m).startswith("Lista rezerwowa")]
    assert (len(held), len(waiting)) == (5, 25)
    places = sorted(int(re.search(r"\(miejsce (\d+)\)", m.get_body(("plain",)).get_content()).group(1))
                    for m in waiting)
    assert places == list(range(1, 26))


BAD = [
    ({"imie": "", "nazwisko": "", "email": "", "zgoda": ""}, 400,
     ["Wpisz imię.", "Wpisz nazwisko.", "Wpisz adres e-mail", "Zaznacz, że znasz informację"]),
    (person("Jan Kowalski", "jan(at)example.org"), 400, ["To nie wygląda na adres e-mail"]),
    (person("Jan Kowalski", imie="J" * 101), 400, ["Imię może mieć najwyżej 100 znaków."]),
    (person("Jan Kowalski", telefon="zadzwoń wieczorem"), 400, ["Wpisz sam numer telefonu"]),
]


def test_bad_input_gets_a_polish_answer_keeps_what_was_typed_and_changes_nothing(signup_site, service, mailbox):
    visitor = Visitor(signup_site["origin"])
    uid = "test-sredni@klucz"
    for data, code, messages in BAD:
        status, page, _ = visitor.post(f"/zapisy/s/{uid}/", data)
        assert status == code, page
        for message in messages:
            assert message in text_of(page)
        if data["nazwisko"]:
            assert f'value="{data["nazwisko"]}"' in page  # what was typed is kept
        status, answer, _ = visitor.post(f"/zapisy/s/{uid}/", data, json_answer=True)
        assert status == code and json.loads(answer)["errors"]
    # A bot fills the field people never see: thanked, nothing kept.
    status, page, _ = visitor.post(f"/zapisy/s/{uid}/", person("Bot Botowski", strona_www="http://spam"))
    assert status == 200 and "Sprawdź skrzynkę" in text_of(page)
    # Sent a second after the form was handed out: too fast for a person.
    started = visitor.state(uid)["poczatek"]
    status, page, _ = visitor.post(f"/zapisy/s/{uid}/", person("Szybki Bot", poczatek=started))
    assert status == 400 and "zbyt szybko" in text_of(page)
    # From another site: refused.
    status, page, _ = visitor.post(f"/zapisy/s/{uid}/", person("Obcy Formularz"), origin="https://evil.example")
    assert status == 403 and "ze strony szkolenia" in text_of(page)
    # A closed training, an unknown one, a link nobody was given.
    status, page, _ = visitor.post("/zapisy/s/test-zamkniety@klucz/", person("Jan Kowalski"))
    assert status == 409 and "Zapisy na to szkolenie są zamknięte." in text_of(page)
    assert visitor.post("/zapisy/s/nie-ma-takiego@klucz/", person("Jan Kowalski"))[0] == 404
    assert visitor.open("/zapisy/t/zmyslony-link-123/")[0] == 404
    assert visitor.state(uid)["left"] == 5
    assert mailbox.messages == []


def test_signing_up_again_sends_a_new_link_and_says_nothing_more(signup_site, service, mailbox):
    visitor = Visitor(signup_site["origin"])
    first = visitor.post("/zapisy/s/test-sredni@klucz/", person("Ewa Lis"))[1]
    mailbox.wait(2)
    again = visitor.post("/zapisy/s/test-sredni@klucz/", person("Ewa Lis", "EWA@example.org "))[1]
    mailbox.wait(3)
    assert text_of(first).split("Zgłoszenie wysłane")[1] == text_of(again).split("Zgłoszenie wysłane")[1]
    mails = mailbox.to("ewa@example.org")
    assert [subject(m) for m in mails] == ["Potwierdź zgłoszenie: Test zapisów sredni",
                                             "Twoje zgłoszenie: Test zapisów sredni"]
    assert visitor.open(link_in(mails[0]))[0] == 404
    assert visitor.open(link_in(mails[1]))[0] == 200
    assert visitor.state("test-sredni@klucz")["left"] == 4  # one seat, not two


def test_too_many_sign_ups_to_one_e_mail_are_refused(signup_site, service, mailbox):
    visitor = Visitor(signup_site["origin"])
    for _ in range(5):  # SIGNUPS_PER_EMAIL_HOUR
        assert visitor.post("/zapisy/s/test-sredni@klucz/", person("Kasia Spieszna"))[0] == 200
    status, page, _ = visitor.post("/zapisy/s/test-sredni@klucz/", person("Kasia Spieszna"))
    assert status == 409 and "już kilka wiadomości" in text_of(page)
    assert len(mailbox.wait(6)) == 6  # one sign-up and its notice, then four links again
    assert visitor.state("test-sredni@klucz")["left"] == 4


def test_a_training_cancelled_on_the_site_takes_no_more_sign_ups(signup_site, service, mailbox, tmp_path):
    visitor = Visitor(signup_site["origin"])
    assert visitor.post("/zapisy/s/test-maly@klucz/", person("Ola Kot"))[0] == 200
    data = json.loads((signup_site["out"] / "szkolenia" / "zapisy.json").read_text(encoding="utf-8"))
    for item in data["trainings"]:
        if item["uid"] == "test-maly@klucz":
            item["status"], item["capacity"] = "cancelled", 0
    changed = tmp_path / "zapisy.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    loaded = service.run("load", str(changed))
    assert loaded.returncode == 0, loaded.stderr
    assert "jest odwołane: powiadom zapisane osoby" in loaded.stdout
    status, page, _ = visitor.post("/zapisy/s/test-maly@klucz/", person("Piotr Kot"))
    assert status == 409 and "Szkolenie zostało odwołane." in text_of(page)
    broken = service.run("load", str(tmp_path / "nie-ma.json"))
    assert broken.returncode == 1 and "nie ma tego pliku" in broken.stderr and "Traceback" not in broken.stderr


def admin_login(service, visitor):
    made = service.run("manage", "createsuperuser", "--noinput", "--username", "biuro", "--email", "b@example.org")
    assert made.returncode == 0, made.stderr
    status, page, _ = visitor.open("/zapisy/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    status, page, _ = visitor.post("/zapisy/admin/login/?next=/zapisy/admin/",
                                   {"csrfmiddlewaretoken": token, "username": "biuro", "password": "Haslo-123-xyz"})
    assert "Wyloguj" in page, text_of(page)[:500]


def test_staff_get_the_list_for_excel_and_the_attendance_sheet(signup_site, mailbox, tmp_path, database):
    service = service_for(signup_site, mailbox, tmp_path / "dane", DJANGO_SUPERUSER_PASSWORD="Haslo-123-xyz",
                          **database)
    try:
        visitor = Visitor(signup_site["origin"])
        for name, email in (("Łucja Żółć", "lucja@example.org"), ("Zenon Ściegienny", "zenon@example.org")):
            status, page, _ = visitor.post("/zapisy/s/test-sredni@klucz/",
                                           person(name, email, organizacja="Spółdzielnia „Razem”"))
            assert status == 200, text_of(page)
        mailbox.wait(4)
        staff = Visitor(signup_site["origin"])
        admin_login(service, staff)
        status, page, _ = staff.open("/zapisy/admin/signups/training/")
        assert status == 200 and "Test zapisów sredni" in page and "Lista rezerwowa" in page
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        training_id = re.search(r'/zapisy/admin/signups/training/(\d+)/change/">Test zapisów sredni', page).group(1)
        status, exported, headers = staff.open(
            "/zapisy/admin/signups/training/",
            {"csrfmiddlewaretoken": token, "action": "export_csv", "_selected_action": training_id},
            {"Origin": signup_site["origin"]})
        assert status == 200 and headers["Content-Disposition"].endswith('"zgloszenia.csv"')
        assert exported.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(exported.lstrip("\ufeff")), delimiter=";"))
        assert rows[0][:4] == ["Szkolenie", "Termin", "Imię", "Nazwisko"]
        assert [r[2:4] for r in rows[1:]] == [["Zenon", "Ściegienny"], ["Łucja", "Żółć"]]
        status, sheet, _ = staff.open(
            "/zapisy/admin/signups/training/",
            {"csrfmiddlewaretoken": token, "action": "attendance_sheet", "_selected_action": training_id},
            {"Origin": signup_site["origin"]})
        assert "Lista obecności" in sheet and "Podpis" in sheet
        assert "Łucja Żółć" not in sheet  # not confirmed yet: not on the sheet
        status, log, _ = staff.open("/zapisy/admin/signups/exportlog/")
        assert "lista zgłoszeń (CSV): Test zapisów sredni" in log and "biuro" in log
    finally:
        service.stop()


def test_sign_ups_are_anonymised_days_after_the_training(signup_site, service, mailbox, tmp_path):
    visitor = Visitor(signup_site["origin"])
    assert visitor.post("/zapisy/s/test-maly@klucz/", person("Ula Stara"))[0] == 200
    mailbox.wait(2)
    link = link_in(mailbox.to("ula@example.org")[0])
    assert visitor.open(link)[0] == 200
    data = json.loads((signup_site["out"] / "szkolenia" / "zapisy.json").read_text(encoding="utf-8"))
    for item in data["trainings"]:
        if item["uid"] == "test-maly@klucz":  # the same training, held 40 days ago
            item["start"], item["end"] = "2026-01-10T10:00:00+01:00", "2026-01-10T14:00:00+01:00"
    moved = tmp_path / "zapisy.json"
    moved.write_text(json.dumps(data), encoding="utf-8")
    assert service.run("load", str(moved)).returncode == 0
    ticked = service.run("tick")
    assert ticked.returncode == 0 and "zanonimizowano 1 zgłoszeń" in ticked.stdout
    assert visitor.open(link)[0] == 404
    assert "zanonimizowano 0" in service.run("tick").stdout
    status, page, _ = visitor.post("/zapisy/s/test-maly@klucz/", person("Spóźniony Ktoś", "ktos@example.org"))
    assert status == 409 and "Szkolenie już się rozpoczęło albo odbyło." in text_of(page)


def test_a_hold_not_confirmed_in_time_frees_the_seat(signup_site, mailbox, tmp_path):
    service = service_for(signup_site, mailbox, tmp_path / "dane", SIGNUPS_HOLD_HOURS=0.0005)  # 1.8 s
    try:
        visitor = Visitor(signup_site["origin"])
        assert visitor.post("/zapisy/s/test-maly@klucz/", person("Adam Wolny"))[0] == 200
        assert visitor.state("test-maly@klucz")["left"] == 1
        mailbox.wait(2)
        link = link_in(mailbox.to("adam@example.org")[0])
        time.sleep(2.5)
        status, page, _ = press(visitor, link, "potwierdz")
        assert "nie można już potwierdzić: czas minął" in text_of(page)
        assert "wygasło (bez potwierdzenia)" in text_of(page)
        assert visitor.state("test-maly@klucz")["left"] == 2
    finally:
        service.stop()


def test_with_the_service_down_nginx_answers_in_polish(signup_site):
    """A form sent without a script gets a Polish page; the script asking for
    the seats hears that the service is down (200, no error in the console)."""
    status, page, headers = Visitor(signup_site["origin"]).post("/zapisy/s/test-maly@klucz/", person("Jan Kowalski"))
    assert status == 503 and headers["Content-Type"].startswith("text/html")
    assert "Zapisy chwilowo niedostępne" in page and "nie zostało zapisane" in page
    assert Visitor(signup_site["origin"]).state("test-maly@klucz") == {"state": "unavailable"}


def test_make_serve_runs_the_service_beside_the_site(signup_site, tmp_path):
    """klucz-serve --signups (make serve): the service on its embedded default,
    e-mails printed, /zapisy/ passed on by the development server."""
    port, service_port = free_port(), free_port()
    env = {**os.environ, "SIGNUPS_DATA": str(tmp_path / "dane")}
    env.pop("EMAIL_HOST", None)
    served = subprocess.Popen([sys.executable, "-m", "klucz.commands.serve", str(signup_site["out"]),
                               "--port", str(port), "--signups", str(service_port)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_port(port, served, timeout=90)
        visitor = Visitor(f"http://localhost:{port}")
        assert visitor.open("/szkolenia/test-zapisow-maly/")[0] == 200
        status, page, _ = visitor.post("/zapisy/s/test-maly@klucz/", person("Jan Kowalski"))
        assert status == 200 and "Sprawdź skrzynkę e-mail" in text_of(page)
        assert visitor.state("test-maly@klucz")["left"] == 1
    finally:
        served.terminate()
        output = served.communicate(timeout=20)[0]
    assert "Subject: =?utf-8?q?Potwierd" in output or "Potwierdź zgłoszenie" in output
    assert (tmp_path / "dane" / "zapisy.sqlite3").exists()
