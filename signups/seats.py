"""Seats, holds and the waiting list. Every change happens inside one
transaction that first locks the training (PostgreSQL: SELECT … FOR UPDATE;
SQLite: BEGIN IMMEDIATE takes the write lock), so confirmed + held + offered
never exceeds the capacity whatever arrives at once."""

import contextlib
import datetime as dt
import hashlib
import os
import threading

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux
    fcntl = None

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from . import mail
from .models import Attempt, Signup, Training


class Refused(Exception):
    """A sign-up that cannot be taken, with the reason in Polish."""


# SQLite: writers take turns here before BEGIN IMMEDIATE, the threads of a
# process on a lock and the server's processes on a file lock. The database
# would serialise them anyway, but a waiting connection polls with growing
# sleeps (up to 100 ms each); these locks wake the next writer at once.
_SQLITE_WRITER = threading.RLock()
_held = threading.local()
_lock_file = {}


def _file_lock(operation):
    if fcntl is None:  # pragma: no cover - not on Linux
        return
    # Opened by each process itself: a file inherited from the server's
    # master process would be one lock shared by all of its workers.
    pid = os.getpid()
    if pid not in _lock_file:
        _lock_file.clear()
        _lock_file[pid] = open(settings.DATA / "zapisy.lock", "a")
    fcntl.flock(_lock_file[pid], operation)


@contextlib.contextmanager
def _sqlite_turn():
    with _SQLITE_WRITER:
        depth = getattr(_held, "depth", 0)
        if depth == 0:
            _file_lock(fcntl.LOCK_EX if fcntl else 0)
        _held.depth = depth + 1
        try:
            yield
        finally:
            _held.depth = depth
            if depth == 0:
                _file_lock(fcntl.LOCK_UN if fcntl else 0)


def after_writing(send):
    """Send an e-mail once the change is stored and the writers' turn is
    over (not while the next sign-up waits); outside writing(): on commit."""
    queue = getattr(_held, "after", None)
    if queue is None:
        transaction.on_commit(send)
    else:
        queue.append(send)


@contextlib.contextmanager
def writing():
    """One transaction that changes seats: atomic, on SQLite one at a time;
    what after_writing() was given runs when it succeeded."""
    outer = getattr(_held, "after", None) is None and not connection.in_atomic_block
    if outer:
        _held.after = []
    try:
        if connection.vendor == "sqlite":
            with _sqlite_turn(), transaction.atomic():
                yield
        else:
            with transaction.atomic():
                yield
        sends = _held.after if outer else []
    finally:
        if outer:
            _held.after = None
    for send in sends:
        send()


def locked(training_id):
    return Training.objects.select_for_update().get(pk=training_id)


def _column(model, name):
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _one_row(model, where, columns, params):
    """One row of aggregates over `model`'s table, as SQL written out: these
    are the questions every sign-up asks inside the writers' turn, and
    Django's ORM spends about a millisecond building each (the SQL itself
    takes a fiftieth of that). Plain SQL that SQLite and PostgreSQL both read."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {where}", params)
        return cursor.fetchone()


def _among(values):
    return "(" + ", ".join(["%s"] * len(values)) + ")"


def counts(training, now=None, email=None):
    """Seats taken (held, offered, confirmed), confirmed, waiting, in one
    query; with `now`, how many holds ran out (`due`); with `email`, that
    e-mail's active sign-up (`existing`: its id or None)."""
    status, hold_until = _column(Signup, "status"), _column(Signup, "hold_until")
    columns = [f"COUNT(CASE WHEN {status} IN {_among(Signup.SEATED)} THEN 1 END)",
               f"COUNT(CASE WHEN {status} = %s THEN 1 END)",
               f"COUNT(CASE WHEN {status} = %s THEN 1 END)"]
    params = [*Signup.SEATED, Signup.CONFIRMED, Signup.WAITING]
    names = ["taken", "confirmed", "waiting"]
    if now is not None:
        columns.append(f"COUNT(CASE WHEN {status} IN (%s, %s) AND {hold_until} < %s THEN 1 END)")
        params += [Signup.HELD, Signup.OFFERED, connection.ops.adapt_datetimefield_value(now)]
        names.append("due")
    if email is not None:
        columns.append(f"MAX(CASE WHEN {_column(Signup, 'email')} = %s AND {status} IN {_among(Signup.ACTIVE)} "
                       f"THEN {_column(Signup, 'id')} END)")
        params += [email, *Signup.ACTIVE]
        names.append("existing")
    row = _one_row(Signup, f"{_column(Signup, 'training')} = %s", columns, [*params, training.pk])
    numbers = dict(zip(names, row, strict=True))
    numbers["capacity"] = training.capacity
    numbers["left"] = None if training.capacity is None else max(training.capacity - numbers["taken"], 0)
    return numbers


def _hours(hours):
    return dt.timedelta(hours=hours)


def refresh(training, now=None, email=None):
    """Expire holds and offers whose time passed, then offer each free seat
    to the first on the waiting list. Call inside the training's lock.
    Returns counts() as they are afterwards (one query when nothing ran out)."""
    now = now or timezone.now()
    numbers = counts(training, now, email)
    if numbers["due"]:
        Signup.objects.filter(training=training, status__in=(Signup.HELD, Signup.OFFERED),
                              hold_until__lt=now).update(status=Signup.EXPIRED)
        numbers = counts(training, now, email)
    if not numbers["left"] or not numbers["waiting"] or training.closed_reason(now):
        return numbers
    offered = 0
    for person in Signup.objects.filter(training=training, status=Signup.WAITING).order_by("created", "id")[
            :numbers["left"]]:
        person.status = Signup.OFFERED
        person.hold_until = now + _hours(settings.SIGNUPS_OFFER_HOURS)
        token = person.new_token()
        person.save()
        after_writing(lambda p=person, t=token: mail.offer(p, t))
        offered += 1
    numbers.update(taken=numbers["taken"] + offered, left=numbers["left"] - offered,
                   waiting=numbers["waiting"] - offered)
    return numbers


def _digest(value):
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()


def check_limits(by, now):
    """Refuse when one address or one e-mail sent too many sign-ups in the
    last hour. A read, before the writers' turn (`by`: attempt_keys())."""
    address, email = _column(Attempt, "address"), _column(Attempt, "email")
    recent = dict(zip(("address", "email"), _one_row(
        Attempt, f"{_column(Attempt, 'at')} >= %s",
        [f"COUNT(CASE WHEN {address} = %s THEN 1 END)", f"COUNT(CASE WHEN {email} = %s THEN 1 END)"],
        [by["address"], by["email"], connection.ops.adapt_datetimefield_value(now - dt.timedelta(hours=1))]),
        strict=True))
    if recent["address"] >= settings.SIGNUPS_PER_IP_HOUR:
        raise Refused("Z tego adresu wysłano w ostatniej godzinie zbyt wiele zgłoszeń. Spróbuj później "
                      "albo zadzwoń do nas.")
    if recent["email"] >= settings.SIGNUPS_PER_EMAIL_HOUR:
        raise Refused("Na ten adres e-mail wysłaliśmy w ostatniej godzinie już kilka wiadomości. "
                      "Sprawdź skrzynkę (także spam) albo spróbuj później.")


def attempt_keys(address, email):
    return {"address": _digest(address), "email": _digest(email)}


def forget_attempts(now):
    """The limits look one hour back: older attempts go (the daily job)."""
    Attempt.objects.filter(at__lt=now - dt.timedelta(hours=2)).delete()


def sign_up(training_id, data, consent, address, now=None):
    """Take a sign-up: a held seat, or a place on the waiting list. One
    active sign-up per e-mail and training: signing up again sends that
    person's link again. Returns (the Signup, counts() afterwards); the
    e-mail goes after commit."""
    email = data["email"].strip().lower()
    by = attempt_keys(address, email)
    check_limits(by, now or timezone.now())
    with writing():
        training = locked(training_id)
        # Taken under the lock: the waiting list's order is the order of arrival.
        now = now or timezone.now()
        reason = training.closed_reason(now)
        if reason:
            raise Refused(reason)
        Attempt.objects.create(at=now, **by)
        numbers = refresh(training, now, email)
        if numbers["existing"]:
            existing = Signup.objects.get(pk=numbers["existing"])
            token = existing.new_token()
            existing.save()
            after_writing(lambda: mail.again(existing, token))
            return existing, numbers
        person = Signup(training=training, created=now, consent_at=now, **data, **consent)
        if numbers["waiting"] or numbers["left"] == 0:
            person.status = Signup.WAITING
            numbers["waiting"] += 1
            place = numbers["waiting"]
        else:
            person.status = Signup.HELD
            person.hold_until = now + _hours(settings.SIGNUPS_HOLD_HOURS)
            numbers["taken"] += 1
            if numbers["left"] is not None:
                numbers["left"] -= 1
            place = None
        token = person.new_token()
        person.save()
        after_writing(lambda: mail.received(person, token, place))
        return person, numbers


def find(token):
    from .models import token_hash
    return Signup.objects.select_related("training").filter(token_hash=token_hash(token)).first()


def confirm(person_id, token, now=None):
    """The person confirms a held seat or an offered one (a POST from their
    page, never the GET a mail scanner makes; `token` is the page's link, for
    the e-mail). Returns (signup, message)."""
    now = now or timezone.now()
    with writing():
        person = Signup.objects.get(pk=person_id)
        training = locked(person.training_id)
        refresh(training, now)
        person.refresh_from_db()
        if person.status == Signup.CONFIRMED:
            return person, "Udział jest już potwierdzony."
        if person.status not in (Signup.HELD, Signup.OFFERED):
            return person, None
        reason = training.closed_reason(now)
        if reason and not (person.status == Signup.OFFERED and training.status != "cancelled" and now < training.start):
            return person, reason
        person.status = Signup.CONFIRMED
        person.confirmed_at = now
        person.hold_until = None
        person.save()
        after_writing(lambda: mail.confirmed(person, token))
        return person, "Dziękujemy! Udział jest potwierdzony. Wysłaliśmy e-mail ze szczegółami."


def cancel(person_id, now=None):
    """The person gives up their seat or place; the freed seat is offered on."""
    now = now or timezone.now()
    with writing():
        person = Signup.objects.get(pk=person_id)
        training = locked(person.training_id)
        person.refresh_from_db()
        if person.status not in Signup.ACTIVE:
            return person
        person.status = Signup.CANCELLED
        person.hold_until = None
        person.save()
        refresh(training, now)
        return person


def tick(now=None):
    """The daily job (and each start): expire, offer, anonymise old sign-ups."""
    now = now or timezone.now()
    for training_id in Training.objects.values_list("pk", flat=True):
        with writing():
            refresh(locked(training_id), now)
    forget_attempts(now)
    return anonymise(now)


def anonymise(now=None):
    """Personal data of trainings that ended SIGNUPS_KEEP_DAYS ago is removed:
    the rows stay for the counts (who came, how many), the person does not."""
    now = now or timezone.now()
    limit = now - dt.timedelta(days=settings.SIGNUPS_KEEP_DAYS)
    rows = Signup.objects.filter(training__end__lt=limit, anonymised=False)
    return erase(rows)


def erase(rows):
    count = 0
    for person in rows:
        person.first_name = person.last_name = "—"
        person.email = f"usuniete-{person.pk}@invalid"
        person.organisation = person.phone = person.needs = ""
        person.anonymised = True
        person.new_token()
        person.save()
        count += 1
    return count
