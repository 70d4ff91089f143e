"""What the visitor meets: the sign-up (from the form on the training's page
or this service's own copy of it), live availability, and the person's own
page behind the secret link (confirm, cancel, add to calendar)."""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from . import mail, seats
from .forms import HONEYPOT, STARTED, SignupForm, seconds_since, started_token
from .models import Signup, Training


def site(request):
    """Template context: the site's address (links back to it)."""
    return {"SITE_URL": settings.SITE_URL}


def seats_left_pl(left, capacity):
    """'Zostało 8 z 20 miejsc', 'Zostały 3 z 20 miejsc', 'Zostało 1 miejsce z 20'."""
    if left == 1:
        return f"Zostało 1 miejsce z {capacity}"
    few = left % 10 in (2, 3, 4) and left % 100 not in (12, 13, 14)
    return f"{'Zostały' if few else 'Zostało'} {left} z {capacity} miejsc"


def _training(uid):
    training = Training.objects.filter(uid=uid).first()
    if training is None:
        raise Http404("Nie znamy takiego szkolenia.")
    return training


def _state(training, numbers=None):
    """What the page shows about seats ("Zostało 8 z 20 miejsc"); `numbers`
    from seats.counts() when they are known already."""
    now = timezone.now()
    reason = training.closed_reason(now)
    numbers = numbers or seats.counts(training)
    if reason:
        state, label = "closed", reason
    elif numbers["waiting"] or numbers["left"] == 0:
        state, label = "waitlist", "Brak miejsc – zapisz się na listę rezerwową"
    elif numbers["left"] is not None:
        state, label = "open", seats_left_pl(numbers["left"], numbers["capacity"])
    else:
        state, label = "open", "Zapisy otwarte"
    return {"state": state, "label": label, "capacity": numbers["capacity"], "left": numbers["left"],
            "waiting": numbers["waiting"]}


@never_cache
def availability(request, uid):
    data = _state(_training(uid))
    data[STARTED] = started_token()
    return JsonResponse(data)


def _origin_ok(request):
    """The form comes from the site (or this service's own page)."""
    allowed = {urlsplit(settings.SITE_URL)._replace(path="", query="", fragment="").geturl(),
               f"{request.scheme}://{request.get_host()}"}
    origin = request.headers.get("Origin")
    if origin:
        return origin in allowed
    referer = request.headers.get("Referer", "")
    return any(referer.startswith(a + "/") for a in allowed)


def _address(request):
    forwarded = request.headers.get("X-Forwarded-For", "")
    return (forwarded.split(",")[-1].strip() if forwarded else "") or request.META.get("REMOTE_ADDR", "")


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _answer(request, training, form, status, message=None, person=None, refused=None, numbers=None):
    if _wants_json(request):
        return JsonResponse({"ok": status == 200, "message": message or refused or "",
                             "errors": {k: [str(e) for e in v] for k, v in (form.errors if form else {}).items()},
                             **_state(training, numbers)}, status=status)
    return render(request, "signups/signup.html", {
        "training": training, "form": form, "message": message, "refused": refused, "person": person,
        "honeypot": HONEYPOT, "started_name": STARTED, "started": started_token(), "state": _state(training),
    }, status=status)


SENT = ("Sprawdź skrzynkę e-mail: wysłaliśmy wiadomość z linkiem. Otwórz go, aby potwierdzić zgłoszenie "
        "i zobaczyć jego stan. Jeśli nie widzisz wiadomości, zajrzyj do spamu.")


@csrf_exempt  # a static page cannot carry a CSRF token: the Origin check stands in for it
@never_cache
def signup(request, uid):
    training = _training(uid)
    if request.method != "POST":
        return _answer(request, training, SignupForm(), 200)
    if not _origin_ok(request):
        return _answer(request, training, None, 403,
                       refused="Formularz trzeba wysłać ze strony szkolenia. Wróć na nią i spróbuj jeszcze raz.")
    form = SignupForm(request.POST)
    if request.POST.get(HONEYPOT):
        # A bot filled the field people never see: answer as if all went well, keep nothing.
        return _answer(request, training, None, 200, message=SENT)
    if not form.is_valid():
        return _answer(request, training, form, 400, refused="Popraw zaznaczone pola i wyślij formularz ponownie.")
    elapsed = seconds_since(request.POST.get(STARTED))
    if elapsed is not None and elapsed < settings.SIGNUPS_MIN_SECONDS:
        return _answer(request, training, form, 400,
                       refused="Formularz został wysłany zbyt szybko. Sprawdź dane i wyślij go jeszcze raz.")
    clause = training.clause
    consent = {"consent_text": clause, "consent_version": hashlib.sha256(clause.encode()).hexdigest()[:12]}
    try:
        person, numbers = seats.sign_up(training.pk, form.data_for_signup(), consent, _address(request))
    except seats.Refused as refused:
        return _answer(request, training, form, 409, refused=str(refused))
    return _answer(request, training, None, 200, message=SENT, person=person, numbers=numbers)


def _person(token):
    person = seats.find(token)
    if person is None or person.anonymised:
        raise Http404("Ten link nie działa: mógł zostać zastąpiony nowszym (przy ponownym zapisie) "
                      "albo dane zostały już usunięte.")
    return person


@never_cache
def person(request, token):
    """The person's own page. A GET only shows (a mail scanner opening the
    link confirms nothing); the buttons POST."""
    person = _person(token)
    message = None
    if request.method == "POST":
        action = request.POST.get("akcja")
        if action == "potwierdz":
            person, message = seats.confirm(person.pk, token)
            message = message or "Tego zgłoszenia nie można już potwierdzić: czas minął. Zapisz się ponownie."
        elif action == "rezygnuje":
            person = seats.cancel(person.pk)
            message = "Zrezygnowano z udziału. Dziękujemy za informację – miejsce dostanie ktoś z listy rezerwowej."
    return render(request, "signups/person.html", {
        "person": person, "training": person.training, "message": message, "token": token,
        "place": person.waiting_place(), "status": dict(Signup.STATUSES)[person.status],
        "can_confirm": person.status in (Signup.HELD, Signup.OFFERED),
        "can_cancel": person.status in Signup.ACTIVE,
    })


def person_ics(request, token):
    person = _person(token)
    response = HttpResponse(mail.ics(person.training), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="szkolenie.ics"'
    return response


def health(request):
    return HttpResponse("ok", content_type="text/plain")
