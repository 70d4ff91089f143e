"""Trainings (read from the site's build), sign-ups and the log of exports."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class Training(models.Model):
    """A training as the site's build describes it (szkolenia/zapisy.json);
    only `signups_closed` and `notes` are the staff's own."""

    uid = models.CharField("identyfikator (Event-UID)", max_length=200, unique=True)
    title = models.CharField("tytuł", max_length=300)
    url = models.URLField("strona szkolenia", max_length=500)
    start = models.DateTimeField("początek")
    end = models.DateTimeField("koniec")
    all_day = models.BooleanField("całodniowe", default=False)
    when = models.CharField("termin (jak na stronie)", max_length=200, blank=True)
    location = models.CharField("miejsce", max_length=300, blank=True)
    online_url = models.URLField("link do spotkania online (tylko dla zapisanych)", max_length=500, blank=True)
    sequence = models.PositiveIntegerField("numer zmiany w kalendarzach", default=0)
    capacity = models.PositiveIntegerField("liczba miejsc", null=True, blank=True)
    deadline = models.DateTimeField("koniec zapisów", null=True, blank=True)
    status = models.CharField("status szkolenia", max_length=20, default="scheduled", choices=[
        ("scheduled", "odbędzie się"), ("cancelled", "odwołane"), ("postponed", "przełożone"),
        ("rescheduled", "nowy termin"), ("moved-online", "przeniesione do internetu")])
    registration_status = models.CharField("stan zapisów na stronie", max_length=20, blank=True, choices=[
        ("open", "otwarte"), ("waitlist", "lista rezerwowa"), ("closed", "zamknięte")])
    registration_email = models.EmailField("e-mail na zgłoszenia", blank=True)
    clause = models.TextField("klauzula informacyjna (RODO)", blank=True)
    on_site = models.BooleanField("jest na stronie", default=True,
                                  help_text="Wyłączone, gdy szkolenie zniknęło ze strony przy ostatnim wdrożeniu.")
    signups_closed = models.BooleanField("zapisy zamknięte przez zespół", default=False)
    cancellation_sent = models.DateTimeField("powiadomienie o odwołaniu wysłane", null=True, blank=True)

    class Meta:
        verbose_name = "szkolenie"
        verbose_name_plural = "szkolenia"
        ordering = ["-start"]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.start):%d.%m.%Y})"

    def closed_reason(self, now=None):
        """Why nobody can sign up now (Polish, for the visitor), or None."""
        now = now or timezone.now()
        if self.status == "cancelled":
            return "Szkolenie zostało odwołane."
        if not self.on_site:
            return "Tego szkolenia nie ma już na stronie."
        if now >= self.start:
            return "Szkolenie już się rozpoczęło albo odbyło."
        if self.status == "postponed":
            return "Szkolenie zostało przełożone – nowy termin podamy na stronie."
        if self.signups_closed or self.registration_status == "closed":
            return "Zapisy na to szkolenie są zamknięte."
        if self.deadline and now > self.deadline:
            return "Termin zgłoszeń minął."
        return None


class Signup(models.Model):
    HELD, CONFIRMED, WAITING, OFFERED, CANCELLED, EXPIRED = (
        "held", "confirmed", "waiting", "offered", "cancelled", "expired")
    STATUSES = [
        (HELD, "czeka na potwierdzenie e-mailem"),
        (CONFIRMED, "potwierdzone"),
        (WAITING, "lista rezerwowa"),
        (OFFERED, "miejsce zaproponowane z listy rezerwowej"),
        (CANCELLED, "zrezygnował(a)"),
        (EXPIRED, "wygasło (bez potwierdzenia)"),
    ]
    # Who takes a seat; who is still in the game.
    SEATED = (HELD, CONFIRMED, OFFERED)
    ACTIVE = (HELD, CONFIRMED, OFFERED, WAITING)

    training = models.ForeignKey(Training, models.PROTECT, related_name="signups", verbose_name="szkolenie")
    status = models.CharField("stan", max_length=20, choices=STATUSES, default=HELD)
    first_name = models.CharField("imię", max_length=100)
    last_name = models.CharField("nazwisko", max_length=100)
    email = models.EmailField("e-mail", max_length=254)
    organisation = models.CharField("organizacja lub instytucja", max_length=200, blank=True)
    phone = models.CharField("telefon", max_length=40, blank=True)
    needs = models.TextField("potrzeby związane z udziałem", max_length=1000, blank=True)
    consent_text = models.TextField("treść klauzuli, na którą się zgodzono", blank=True)
    consent_version = models.CharField("wersja klauzuli", max_length=64, blank=True)
    consent_at = models.DateTimeField("zgoda wyrażona", null=True, blank=True)
    source = models.CharField("skąd", max_length=20, default="formularz",
                              choices=[("formularz", "formularz na stronie"), ("zespół", "dodane przez zespół")])
    created = models.DateTimeField("zgłoszenie", default=timezone.now)
    confirmed_at = models.DateTimeField("potwierdzone", null=True, blank=True)
    hold_until = models.DateTimeField("miejsce trzymane do", null=True, blank=True)
    attended = models.BooleanField("obecność", default=False)
    anonymised = models.BooleanField("zanonimizowane", default=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        verbose_name = "zgłoszenie"
        verbose_name_plural = "zgłoszenia"
        ordering = ["training", "created", "id"]
        indexes = [models.Index(fields=["training", "status"]), models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def new_token(self):
        """A fresh secret link; only its hash is kept."""
        token = secrets.token_urlsafe(24)
        self.token_hash = token_hash(token)
        return token

    def save(self, *args, **kwargs):
        if not self.token_hash:
            self.new_token()
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def waiting_place(self):
        """1 for the first on the waiting list."""
        if self.status != self.WAITING:
            return None
        ahead = Signup.objects.filter(training=self.training, status=self.WAITING).filter(
            models.Q(created__lt=self.created) | models.Q(created=self.created, id__lt=self.id))
        return ahead.count() + 1

    def link(self, token):
        return f"{settings.SITE_URL}/zapisy/t/{token}/"


class Attempt(models.Model):
    """One sign-up sent, for the limits per address and per e-mail (hashed)."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    address = models.CharField(max_length=64, db_index=True)
    email = models.CharField(max_length=64, db_index=True)


class ExportLog(models.Model):
    """Who exported or erased whose data, and when (RODO accountability)."""

    at = models.DateTimeField("kiedy", default=timezone.now)
    user = models.CharField("kto", max_length=150)
    what = models.CharField("co", max_length=300)

    class Meta:
        verbose_name = "wydanie danych"
        verbose_name_plural = "dziennik wydań danych"
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user}: {self.what}"
