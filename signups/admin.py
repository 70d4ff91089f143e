"""The staff's side, in Django's admin (Polish): each training's list with
counts, search, a person added by phone, moving from the waiting list,
closing sign-ups, who came, e-mails to everyone, the Excel export, the
attendance sheet, and one person's data exported or erased (logged)."""

import csv
import io
import json

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from . import mail, seats
from .models import ExportLog, Signup, Training

EXPORT_COLUMNS = [("Imię", "first_name"), ("Nazwisko", "last_name"), ("E-mail", "email"),
                  ("Organizacja", "organisation"), ("Telefon", "phone"), ("Potrzeby", "needs"),
                  ("Stan", "status_label"), ("Zgłoszenie", "created"), ("Obecność", "attended")]


def _log(request, what):
    ExportLog.objects.create(user=request.user.get_username(), what=what)


def excel_csv(rows, filename):
    """A CSV that Polish Excel opens right: UTF-8 with BOM, `;` between fields."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Szkolenie", "Termin"] + [name for name, _ in EXPORT_COLUMNS])
    labels = dict(Signup.STATUSES)
    for person in rows:
        values = []
        for _, attr in EXPORT_COLUMNS:
            if attr == "status_label":
                values.append(labels[person.status])
            elif attr == "created":
                values.append(timezone.localtime(person.created).strftime("%Y-%m-%d %H:%M"))
            elif attr == "attended":
                values.append("tak" if person.attended else "")
            else:
                values.append(getattr(person, attr))
        writer.writerow([person.training.title, person.training.when] + values)
    response = HttpResponse(("\ufeff" + out.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class SignupInline(admin.TabularInline):
    model = Signup
    fields = ("first_name", "last_name", "email", "status", "attended")
    readonly_fields = ("first_name", "last_name", "email", "status")
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "zgłoszenia (kolejność zgłoszeń)"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = ("title", "start", "capacity", "confirmed", "held", "waiting", "came", "open_now", "problem")
    list_filter = ("on_site", "status", "signups_closed")
    search_fields = ("title", "location")
    date_hierarchy = "start"
    readonly_fields = ("uid", "title", "url", "start", "end", "all_day", "when", "location", "capacity", "deadline",
                       "status", "registration_status", "registration_email", "on_site", "cancellation_sent")
    fields = ("signups_closed",) + readonly_fields
    inlines = [SignupInline]
    actions = ["export_csv", "attendance_sheet", "remind_confirmed", "announce_cancellation", "close", "reopen"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            n_confirmed=Count("signups", filter=Q(signups__status=Signup.CONFIRMED)),
            n_held=Count("signups", filter=Q(signups__status__in=(Signup.HELD, Signup.OFFERED))),
            n_waiting=Count("signups", filter=Q(signups__status=Signup.WAITING)),
            n_came=Count("signups", filter=Q(signups__attended=True)),
        )

    def has_add_permission(self, request):
        return False  # trainings come from the site

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="potwierdzone", ordering="n_confirmed")
    def confirmed(self, obj):
        return obj.n_confirmed

    @admin.display(description="czekają na potwierdzenie")
    def held(self, obj):
        return obj.n_held

    @admin.display(description="lista rezerwowa")
    def waiting(self, obj):
        return obj.n_waiting

    @admin.display(description="obecni")
    def came(self, obj):
        return obj.n_came

    @admin.display(description="zapisy otwarte", boolean=True)
    def open_now(self, obj):
        return obj.closed_reason() is None

    @admin.display(description="problem")
    def problem(self, obj):
        if obj.capacity is not None and obj.n_confirmed > obj.capacity:
            return f"potwierdzonych ({obj.n_confirmed}) więcej niż miejsc ({obj.capacity})"
        if obj.status == "cancelled" and obj.cancellation_sent is None and (obj.n_confirmed or obj.n_held
                                                                             or obj.n_waiting):
            return "odwołane: powiadom zapisanych"
        return ""

    def _people(self, queryset, statuses=Signup.ACTIVE):
        return Signup.objects.filter(training__in=queryset, status__in=statuses, anonymised=False) \
            .select_related("training").order_by("training__start", "last_name", "first_name")

    @admin.action(description="Pobierz listę do Excela (CSV)", permissions=["view"])
    def export_csv(self, request, queryset):
        _log(request, "lista zgłoszeń (CSV): " + ", ".join(t.title for t in queryset))
        return excel_csv(self._people(queryset), "zgloszenia.csv")

    @admin.action(description="Lista obecności do druku", permissions=["view"])
    def attendance_sheet(self, request, queryset):
        _log(request, "lista obecności: " + ", ".join(t.title for t in queryset))
        sheets = [{"training": t, "people": list(self._people([t], (Signup.CONFIRMED,)))} for t in queryset]
        return render(request, "signups/attendance.html", {"sheets": sheets})

    @admin.action(description="Wyślij przypomnienie osobom potwierdzonym", permissions=["change"])
    def remind_confirmed(self, request, queryset):
        sent = 0
        for training in queryset:
            body = (f"Dzień dobry,\n\nprzypominamy o szkoleniu, na które jesteś zapisany(-a).\n\n"
                    f"{mail.facts(training, confirmed=True)}\n\nJeśli nie możesz przyjść, daj nam znać – "
                    f"miejsce dostanie osoba z listy rezerwowej.")
            sent += mail.to_everyone(self._people([training], (Signup.CONFIRMED,)),
                                     f"Przypomnienie: {training.title}", body)
        self.message_user(request, f"Wysłano {sent} przypomnień.", messages.SUCCESS)

    @admin.action(description="Wyślij e-mail o odwołaniu do wszystkich zapisanych", permissions=["change"])
    def announce_cancellation(self, request, queryset):
        sent = 0
        for training in queryset:
            if training.status != "cancelled":
                self.message_user(request, f"„{training.title}” nie jest odwołane na stronie (Event-Status: "
                                           f"cancelled) – nie wysłano nic.", messages.WARNING)
                continue
            body = (f"Dzień dobry,\n\nz przykrością informujemy, że szkolenie „{training.title}” "
                    f"({training.when}) zostało odwołane. Przepraszamy. Nadchodzące szkolenia: "
                    f"{training.url.rsplit('/', 2)[0]}/\n")
            sent += mail.to_everyone(self._people([training]), f"Odwołane: {training.title}", body)
            training.cancellation_sent = timezone.now()
            training.save(update_fields=["cancellation_sent"])
        self.message_user(request, f"Wysłano {sent} wiadomości o odwołaniu.", messages.SUCCESS)

    @admin.action(description="Zamknij zapisy", permissions=["change"])
    def close(self, request, queryset):
        queryset.update(signups_closed=True)

    @admin.action(description="Otwórz zapisy ponownie", permissions=["change"])
    def reopen(self, request, queryset):
        queryset.update(signups_closed=False)


@admin.register(Signup)
class SignupAdmin(admin.ModelAdmin):
    list_display = ("last_name", "first_name", "status", "place", "attended", "email", "created", "training")
    list_filter = ("training", "status", "attended", "source")
    list_editable = ("attended",)
    search_fields = ("first_name", "last_name", "email", "organisation", "phone")
    readonly_fields = ("consent_text", "consent_version", "consent_at", "created", "confirmed_at", "hold_until",
                       "anonymised")
    fields = ("training", "status", "first_name", "last_name", "email", "organisation", "phone", "needs",
              "attended", "source") + readonly_fields
    actions = ["mark_attended", "confirm_seat", "export_csv", "export_person", "erase_person"]

    def get_changeform_initial_data(self, request):
        # A person who phoned: added by staff, with a seat.
        return {"source": "zespół", "status": Signup.CONFIRMED, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        if not change:
            obj.consent_text = obj.consent_text or f"Zgłoszenie przyjęte przez zespół ({request.user.get_username()})."
            obj.consent_at = timezone.now()
            if obj.status == Signup.CONFIRMED:
                obj.confirmed_at = timezone.now()
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        return False  # erasure keeps the row for the counts (action below)

    @admin.display(description="miejsce na liście rezerwowej")
    def place(self, obj):
        return obj.waiting_place() or ""

    @admin.action(description="Zaznacz obecność", permissions=["change"])
    def mark_attended(self, request, queryset):
        queryset.update(attended=True)

    @admin.action(description="Przenieś z listy rezerwowej na potwierdzonych", permissions=["change"])
    def confirm_seat(self, request, queryset):
        moved = 0
        with seats.writing():
            for person in queryset.filter(status__in=(Signup.WAITING, Signup.OFFERED, Signup.HELD)):
                person.status, person.confirmed_at, person.hold_until = Signup.CONFIRMED, timezone.now(), None
                token = person.new_token()  # the e-mail brings a new link to the person's page
                person.save()
                seats.after_writing(lambda p=person, t=token: mail.confirmed(p, t))
                moved += 1
        self.message_user(request, f"Potwierdzono {moved} osób (dostaną e-mail z potwierdzeniem).")

    @admin.action(description="Pobierz zaznaczone do Excela (CSV)", permissions=["view"])
    def export_csv(self, request, queryset):
        _log(request, f"zgłoszenia (CSV): {queryset.count()} osób")
        return excel_csv(queryset.select_related("training"), "zgloszenia.csv")

    @admin.action(description="Wydaj dane osoby (RODO, art. 15)", permissions=["view"])
    def export_person(self, request, queryset):
        emails = sorted(set(queryset.values_list("email", flat=True)))
        rows = Signup.objects.filter(email__in=emails).select_related("training")
        data = [{"szkolenie": p.training.title, "termin": p.training.when, "imię": p.first_name,
                 "nazwisko": p.last_name, "e-mail": p.email, "organizacja": p.organisation, "telefon": p.phone,
                 "potrzeby": p.needs, "stan": dict(Signup.STATUSES)[p.status],
                 "zgłoszenie": p.created.isoformat(), "zgoda": p.consent_text, "zgoda_wyrażona":
                 p.consent_at.isoformat() if p.consent_at else None} for p in rows]
        _log(request, "dane osoby: " + ", ".join(emails))
        response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2),
                                content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="dane-osoby.json"'
        return response

    @admin.action(description="Usuń dane osoby (RODO, art. 17): zostaje tylko liczba", permissions=["change"])
    def erase_person(self, request, queryset):
        emails = sorted(set(queryset.values_list("email", flat=True)))
        with seats.writing():
            for person in Signup.objects.filter(email__in=emails):
                if person.status in Signup.ACTIVE:
                    seats.cancel(person.pk)
            count = seats.erase(Signup.objects.filter(email__in=emails))
        _log(request, "usunięto dane: " + ", ".join(emails))
        self.message_user(request, f"Usunięto dane z {count} zgłoszeń.")


@admin.register(ExportLog)
class ExportLogAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "what")
    readonly_fields = ("at", "user", "what")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
