"""The e-mails of a sign-up, in Polish: received (confirm by the link), the
same link again, confirmed (with the training as an .ics attachment), a seat
offered from the waiting list, and the staff's notice of a new sign-up."""

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from icalendar import Calendar, Event

SIGNATURE = "\n\n--\nCentrum KLUCZ – Ośrodek Wsparcia Ekonomii Społecznej\nFundacja Instytut Spraw Obywatelskich\n"


def _when(training):
    if training.when:
        return training.when
    return timezone.localtime(training.start).strftime("%d.%m.%Y, %H:%M")


def facts(training, confirmed=False):
    """The training in a few lines; the meeting link only for those confirmed."""
    lines = [f"Szkolenie: {training.title}", f"Termin: {_when(training)}"]
    if training.location:
        lines.append(f"Miejsce: {training.location}")
    if confirmed and training.online_url:
        lines.append(f"Link do spotkania online: {training.online_url}")
    lines.append(f"Strona szkolenia: {training.url}")
    return "\n".join(lines)


def _send(person, subject, body, attachments=()):
    message = EmailMessage(subject, body + SIGNATURE, settings.DEFAULT_FROM_EMAIL, [person.email])
    for name, content, kind in attachments:
        message.attach(name, content, kind)
    message.send()


def _hold_until(person):
    return timezone.localtime(person.hold_until).strftime("%d.%m.%Y, godz. %H:%M")


def received(person, token, place=None):
    """`place`: on the waiting list, as counted when the person joined it."""
    training = person.training
    if person.status == person.WAITING:
        subject = f"Lista rezerwowa: {training.title}"
        body = (f"Dzień dobry,\n\nwszystkie miejsca są zajęte, więc wpisaliśmy Cię na listę rezerwową "
                f"(miejsce {place or person.waiting_place()}). Gdy zwolni się miejsce, napiszemy i zaproponujemy je "
                f"po kolei osobom z listy.\n\n{facts(training)}\n\n"
                f"Twoja strona zgłoszenia (stan, rezygnacja):\n{person.link(token)}")
    else:
        subject = f"Potwierdź zgłoszenie: {training.title}"
        body = (f"Dzień dobry,\n\ndziękujemy za zgłoszenie. Trzymamy dla Ciebie miejsce do {_hold_until(person)}. "
                f"Aby je zająć, otwórz link i kliknij „Potwierdzam udział”:\n{person.link(token)}\n\n"
                f"{facts(training)}\n\nJeśli to nie Ty się zgłaszasz, zignoruj tę wiadomość: "
                f"bez potwierdzenia zgłoszenie wygaśnie.")
    _send(person, subject, body)
    notify_staff(person)


def again(person, token):
    training = person.training
    subject = f"Twoje zgłoszenie: {training.title}"
    body = (f"Dzień dobry,\n\nten adres e-mail jest już zapisany na to szkolenie. Oto link do strony "
            f"zgłoszenia, gdzie zobaczysz jego stan, potwierdzisz udział albo zrezygnujesz:\n"
            f"{person.link(token)}\n\n(Poprzednie linki przestały działać.)\n\n{facts(training)}")
    _send(person, subject, body)


def offer(person, token):
    training = person.training
    subject = f"Zwolniło się miejsce: {training.title}"
    body = (f"Dzień dobry,\n\nna szkoleniu zwolniło się miejsce i proponujemy je Tobie, bo jesteś pierwszy(-a) "
            f"na liście rezerwowej. Miejsce czeka do {_hold_until(person)}. Aby je zająć, otwórz link i "
            f"kliknij „Potwierdzam udział”:\n{person.link(token)}\n\nPo tym czasie zaproponujemy je kolejnej "
            f"osobie.\n\n{facts(training)}")
    _send(person, subject, body)


def confirmed(person, token):
    training = person.training
    subject = f"Potwierdzenie udziału: {training.title}"
    body = (f"Dzień dobry,\n\npotwierdzamy Twój udział w szkoleniu.\n\n{facts(training, confirmed=True)}\n\n"
            f"W załączniku jest plik .ics: otwórz go, aby dodać szkolenie do kalendarza.\n\n"
            f"Jeśli nie możesz przyjść, zrezygnuj na stronie swojego zgłoszenia – miejsce dostanie osoba "
            f"z listy rezerwowej:\n{person.link(token)}")
    _send(person, subject, body, [("szkolenie.ics", ics(training), "text/calendar")])


def notify_staff(person):
    to = person.training.registration_email or settings.SIGNUPS_NOTIFY_EMAIL
    if not to:
        return
    training = person.training
    state = dict(person.STATUSES)[person.status]
    body = (f"Nowe zgłoszenie na szkolenie „{training.title}” ({_when(training)}).\n\n"
            f"Osoba: {person.first_name} {person.last_name}\nStan: {state}\n"
            f"Lista zgłoszeń: {settings.SITE_URL}/zapisy/admin/signups/signup/?training__id__exact={training.pk}")
    EmailMessage(f"Nowe zgłoszenie: {training.title}", body, settings.DEFAULT_FROM_EMAIL, [to]).send()


def to_everyone(people, subject, body):
    """One e-mail to each person (staff's reminder or cancellation notice)."""
    count = 0
    for person in people:
        _send(person, subject, body)
        count += 1
    return count


def ics(training):
    """The training as one VEVENT with the site's UID (the same event as the
    site's calendar files, so a later change updates it)."""
    cal = Calendar()
    cal.add("prodid", "-//Centrum KLUCZ//zapisy//PL")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    event = Event()
    event.add("uid", training.uid)
    # The site's change number: the attached event and the site's calendar agree on which is newer.
    event.add("sequence", training.sequence)
    if training.status == "cancelled":
        event.add("status", "CANCELLED")
    event.add("summary", training.title)
    event.add("dtstamp", timezone.now())
    if training.all_day:
        first = timezone.localtime(training.start).date()
        last = timezone.localtime(training.end).date()
        event.add("dtstart", first)
        event.add("dtend", max(last, first) + dt.timedelta(days=1))
    else:
        event.add("dtstart", training.start)
        event.add("dtend", training.end)
    if training.location:
        event.add("location", "Online" if training.location == "online" else training.location)
    event.add("url", training.url)
    event.add("description", f"Szczegóły: {training.url}")
    cal.add_component(event)
    return cal.to_ical()
