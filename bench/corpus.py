"""A realistic corpus for the benchmark: Polish posts, a fifth of them trainings."""

import datetime as dt
import os
import random

WORDS = (
    "ekonomia społeczna spółdzielnia socjalna przedsiębiorstwo organizacja pozarządowa "
    "doradztwo szkolenie samorząd gmina powiat województwo łódzkie klauzule społeczne "
    "zamówienia publiczne dotacja miejsca pracy wsparcie pomostowe biznesplan animacja "
    "grupa inicjatywna wykluczenie społeczne osoby starsze niepełnosprawność usługi "
    "rozwój lokalny partnerstwo fundacja stowarzyszenie działalność odpłatna statut "
    "księgowość marketing sprzedaż rekrutacja uczestnicy warsztaty konsultacje Łódź "
    "Sieradz Piotrków Skierniewice Zgierz Kutno Bełchatów Radomsko Tomaszów Wieluń"
).split()
TAGS = [
    "doradztwo", "szkolenia", "dotacje", "spółdzielnie socjalne", "klauzule społeczne",
    "samorządy", "miejsca pracy", "ekonomizacja", "targi", "partnerstwo", "rekrutacja",
    "Fundusze Europejskie", "wolontariat", "usługi społeczne", "darowizny",
]
CITIES = [
    ("Centrum KLUCZ, ul. Pomorska 40", "91-408 Łódź"),
    ("Starostwo Powiatowe, ul. Kościuszki 36", "98-200 Sieradz"),
    ("Miejska Biblioteka Publiczna, ul. Pomologiczna 6", "96-100 Skierniewice"),
    ("Dom Kultury, ul. Słowackiego 5", "97-300 Piotrków Trybunalski"),
]


def sentence(rng, length=None):
    words = [rng.choice(WORDS) for _ in range(length or rng.randint(8, 18))]
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "!", "?"])


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def body(rng):
    parts = []
    for i in range(rng.randint(4, 8)):
        if i == 2:
            parts.append(f"## {sentence(rng, 4)[:-1]}")
        if i == 4:
            parts.append("\n".join(f"- {sentence(rng, 6)}" for _ in range(4)))
        parts.append(paragraph(rng))
    return "\n\n".join(parts) + "\n"


def make(folder, count=1000, seed=2027):
    """Write `count` posts into folder/{aktualnosci,szkolenia,wesprzyj}; return the paths."""
    rng = random.Random(seed)
    start = dt.datetime(2016, 1, 4, 9, 0)
    paths = []
    for i in range(count):
        kind = "szkolenia" if i % 5 == 0 else ("wesprzyj" if i % 25 == 1 else "aktualnosci")
        date = start + dt.timedelta(days=i * 3.6, hours=rng.randint(0, 8))
        title = f"{sentence(rng, rng.randint(4, 8))[:-1]} {i}"
        tags = ", ".join(rng.sample(TAGS, rng.randint(1, 3)))
        header = [f"Title: {title}", f"Date: {date:%Y-%m-%d %H:%M}", f"Tags: {tags}",
                  f"Summary: {sentence(rng)}"]
        if kind == "szkolenia":
            event = date + dt.timedelta(days=rng.randint(10, 40))
            place, city = rng.choice(CITIES)
            header += [
                f"Event-Start: {event:%Y-%m-%d} 10:00",
                f"Event-End: {event:%Y-%m-%d} 15:00",
                f"Event-Location: {place}, {city}",
                "Event-Price: 0",
                f"Event-UID: bench-{i}@klucz",
                "Registration-Email: szkolenia@instytutsprawobywatelskich.pl",
                f"Registration-Deadline: {event - dt.timedelta(days=3):%Y-%m-%d} 23:59",
                # No Seats-Left: the sign-up service counts the seats (the
                # build asks staff to remove a typed number).
                "Capacity: 20",
            ]
        path = os.path.join(folder, kind, f"{date:%Y-%m-%d}-wpis-{i:04d}.md")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(header) + "\n\n" + body(rng))
        paths.append(path)
    return paths
