"""The sign-up form: the same fields as the form on the training's page
(names in Polish, as the static page posts them), errors in Polish."""

from django import forms
from django.core import signing
from django.utils import timezone

# What the form on the page posts (the theme's training_signup.html).
FIELD_NAMES = ("imie", "nazwisko", "email", "organizacja", "telefon", "potrzeby", "zgoda")
HONEYPOT = "strona_www"
STARTED = "poczatek"
SALT = "zapisy.poczatek"


def started_token(now=None):
    """A signed moment: when the visitor got the form (the minimum time to fill in)."""
    return signing.TimestampSigner(salt=SALT).sign(str(int((now or timezone.now()).timestamp())))


def seconds_since(token, now=None):
    """How long ago the form was handed out, or None for no or a forged token."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=24 * 3600)
    except (signing.BadSignature, TypeError):
        return None
    return (now or timezone.now()).timestamp() - int(value)


class SignupForm(forms.Form):
    imie = forms.CharField(label="Imię", max_length=100, error_messages={
        "required": "Wpisz imię.", "max_length": "Imię może mieć najwyżej %(limit_value)d znaków."})
    nazwisko = forms.CharField(label="Nazwisko", max_length=100, error_messages={
        "required": "Wpisz nazwisko.", "max_length": "Nazwisko może mieć najwyżej %(limit_value)d znaków."})
    email = forms.EmailField(label="E-mail", max_length=254, error_messages={
        "required": "Wpisz adres e-mail: wyślemy na niego link do potwierdzenia.",
        "invalid": "To nie wygląda na adres e-mail. Sprawdź, czy jest w nim @ i nazwa domeny, np. jan@example.pl.",
        "max_length": "Adres e-mail jest za długi."})
    organizacja = forms.CharField(label="Organizacja lub instytucja (nieobowiązkowo)", max_length=200,
                                  required=False, error_messages={"max_length": "Najwyżej %(limit_value)d znaków."})
    telefon = forms.RegexField(label="Telefon (nieobowiązkowo)", regex=r"^[0-9 +()\-]{6,40}$", required=False,
                               error_messages={"invalid": "Wpisz sam numer telefonu, np. 600 100 200 albo "
                                                          "+48 42 630 17 49."})
    potrzeby = forms.CharField(label="Potrzeby związane z udziałem (nieobowiązkowo)", max_length=1000,
                               required=False, widget=forms.Textarea(attrs={"rows": 3}),
                               help_text="Np. tłumacz PJM, pętla indukcyjna, dieta.",
                               error_messages={"max_length": "Najwyżej %(limit_value)d znaków."})
    zgoda = forms.BooleanField(label="Zapoznałem(-am) się z informacją o przetwarzaniu danych", error_messages={
        "required": "Zaznacz, że znasz informację o przetwarzaniu danych – bez tego nie możemy przyjąć zgłoszenia."})

    def data_for_signup(self):
        d = self.cleaned_data
        return {"first_name": d["imie"].strip(), "last_name": d["nazwisko"].strip(), "email": d["email"],
                "organisation": d["organizacja"].strip(), "phone": d["telefon"].strip(),
                "needs": d["potrzeby"].strip()}
