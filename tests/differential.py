"""The fast path never differs from a full build: seeded random edits of many
kinds to a small site, a rebuild after each exactly as `make html` does it
(into output.new, unchanged pages reused, the reader cache on), compared byte
for byte with a fresh full build of the same content (no cache, nothing
reused). A broken file must fail the rebuild and leave the previous output.

    python tests/differential.py --seed 7 --steps 200      (make fuzz SEED=7 STEPS=200)
"""

import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(Path(__file__).resolve().parent))
from klucz_harness.sitebuild import SAMPLE, site_files, site_folders  # noqa: E402

WORDS = ("spółdzielnia doradztwo dotacje szkolenie warsztaty targi Łódź Sieradz Zgierz ekonomia społeczna "
         "klauzule samorząd wolontariat partnerstwo reintegracja").split()


def tree(folder):
    return site_files(folder)


def differences(a, b):
    names = sorted(set(a) | set(b))
    return [n for n in names if a.get(n) != b.get(n)]


class Site:
    """A small copy of the site (content, theme, settings and a helper module
    the settings import) and its builds."""

    def __init__(self, folder, seed):
        self.folder = Path(folder)
        self.rng = random.Random(seed)
        self.content = self.folder / "content"
        self.theme = self.folder / "theme"
        self.output = self.folder / "output"
        self.cache = self.folder / "cache"
        self.now = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
        self.counter = 0
        self.broken = None
        self.schedule, self.scheduled = [], False
        shutil.copytree(ROOT / "theme", self.theme)
        shutil.copytree(SAMPLE / "pages", self.content / "pages")
        shutil.copytree(SAMPLE / "pliki", self.content / "pliki")
        (self.content / "images").mkdir()
        self.image(0)
        for _ in range(6):
            self.new_post("aktualnosci")
        for _ in range(3):
            self.new_training()
        shutil.copy(SAMPLE / "wesprzyj/2026-11-01-dodaj-nam-mocy.md", self.folder / "appeal.md")
        (self.content / "wesprzyj").mkdir()
        shutil.copy(self.folder / "appeal.md", self.content / "wesprzyj/apel.md")
        self.home_words()
        (self.folder / "pomocnik.py").write_text('def podpis(text):\n    return text + " – Centrum KLUCZ"\n',
                                                encoding="utf-8")
        footer = self.theme / "templates/base.html"
        html = footer.read_text(encoding="utf-8")
        footer.write_text(html.replace("</footer>", '<p class="podpis">{{ "Strona" | podpis }}</p></footer>', 1),
                          encoding="utf-8")
        self.settings_text = (
            "import sys\n"
            f"sys.path.insert(0, {str(ROOT)!r})\n"
            f"sys.path.insert(0, {str(self.folder)!r})\n"
            "from pelicanconf import *  # noqa\n"
            "import pomocnik\n"
            f"THEME = {str(self.theme)!r}\n"
            f"CACHE_PATH = {str(self.cache)!r}\n"
            f"IMAGES_CACHE_PATH = {str(self.cache / 'obrazy')!r}\n"
            "JINJA_FILTERS = {'podpis': pomocnik.podpis}\n"
            "SITESUBTITLE = 'Ośrodek Wsparcia Ekonomii Społecznej w Łodzi'\n"
        )
        self.write_settings()

    # --- content -----------------------------------------------------------------

    def words(self, n):
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def unique_title(self):
        self.counter += 1
        return f"{self.words(3).capitalize()} {self.counter}"

    def date(self):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=self.rng.randint(0, 330))
        return f"{day:%Y-%m-%d} {self.rng.randint(8, 17):02d}:00"

    def new_post(self, folder="aktualnosci"):
        self.counter += 1
        path = self.content / folder / f"wpis-{self.counter}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        tags = ", ".join(sorted({self.rng.choice(WORDS[:6]) for _ in range(2)}))
        path.write_text(f"Title: {self.unique_title()}\nDate: {self.date()}\nTags: {tags}\n\n"
                        f"{self.words(30)}.\n\n{self.words(20)}.\n", encoding="utf-8")
        return path

    def new_training(self):
        self.counter += 1
        path = self.content / "szkolenia" / f"szkolenie-{self.counter}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        start = dt.date(2026, 11, 1) + dt.timedelta(days=self.rng.randint(0, 90))
        path.write_text(
            f"Title: {self.unique_title()}\nDate: 2026-10-01 10:00\nEvent-Start: {start:%Y-%m-%d} 10:00\n"
            f"Event-End: {start:%Y-%m-%d} 15:00\nEvent-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź\n"
            f"Registration-Email: szkolenia@instytutsprawobywatelskich.pl\n"
            f"Registration-Deadline: {start - dt.timedelta(days=3):%Y-%m-%d} 23:59\n"
            f"Capacity: 20\nSeats-Left: {self.rng.randint(0, 20)}\nRegistration-Status: open\n\n"
            f"{self.words(25)}.\n", encoding="utf-8")
        return path

    def posts(self, folder=None):
        folders = [folder] if folder else ["aktualnosci", "szkolenia"]
        return sorted(p for f in folders for p in (self.content / f).glob("*.md"))

    def image(self, seed):
        from PIL import Image

        color = ((seed * 70) % 256, (seed * 130) % 256, 90)
        Image.new("RGB", (320, 200), color).save(self.content / "images/zdjecie.png")

    def write_settings(self):
        (self.folder / "conf.py").write_text(self.settings_text, encoding="utf-8")

    def set_header(self, path, field, value):
        """Set (or with value None remove) a header field."""
        text = path.read_text(encoding="utf-8")
        head, body = text.split("\n\n", 1)
        lines = [line for line in head.split("\n") if not line.lower().startswith(field.lower() + ":")]
        if value is not None:
            lines.append(f"{field}: {value}")
        path.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")

    def header(self, path, field):
        for line in path.read_text(encoding="utf-8").split("\n\n", 1)[0].split("\n"):
            if line.lower().startswith(field.lower() + ":"):
                return line.split(":", 1)[1].strip()
        return None

    # --- the edits ---------------------------------------------------------------

    def edit(self):
        """One random edit; returns its kind."""
        if self.broken is not None:
            self.broken.write_text(self.broken_text, encoding="utf-8")
            self.broken = None
            return "broken file fixed"
        if not self.schedule:  # every kind once, in a random order, then at random
            self.schedule = self.rng.sample(KINDS, len(KINDS)) if not self.scheduled else [self.rng.choice(KINDS)]
            self.scheduled = True
        kind = self.schedule.pop(0)
        getattr(self, "edit_" + kind.replace(" ", "_").replace("-", "_"))()
        return kind

    def edit_body_text(self):
        path = self.rng.choice(self.posts())
        path.write_text(path.read_text(encoding="utf-8") + f"\n{self.words(12)}.\n", encoding="utf-8")

    def edit_title(self):
        self.set_header(self.rng.choice(self.posts()), "Title", self.unique_title())

    def edit_tags(self):
        tags = ", ".join(sorted({self.rng.choice(WORDS[:8]) for _ in range(2)}))
        self.set_header(self.rng.choice(self.posts()), "Tags", tags)

    def edit_date_across_months(self):
        self.set_header(self.rng.choice(self.posts("aktualnosci")), "Date", self.date())

    def edit_new_post(self):
        self.new_post() if self.rng.random() < 0.7 else self.new_training()

    def edit_deleted_post(self):
        posts = self.posts("aktualnosci")
        if len(posts) > 2:
            self.rng.choice(posts).unlink()

    def edit_renamed_post(self):
        path = self.rng.choice(self.posts())
        self.counter += 1
        path.rename(path.with_name(f"przeniesiony-{self.counter}.md"))

    def edit_slug(self):
        path = self.rng.choice(self.posts("aktualnosci"))
        self.counter += 1
        self.set_header(path, "Slug", None if self.header(path, "Slug") else f"wlasny-adres-{self.counter}")

    def edit_draft_on_off(self):
        path = self.rng.choice(self.posts())
        self.set_header(path, "Status", None if self.header(path, "Status") else "draft")

    def edit_event_times(self):
        path = self.rng.choice(self.posts("szkolenia"))
        start = self.header(path, "Event-Start")[:10]
        hour = self.rng.randint(8, 12)
        self.set_header(path, "Event-Start", f"{start} {hour:02d}:30")
        self.set_header(path, "Event-End", f"{start} {hour + 3:02d}:00")

    def edit_seats_and_statuses(self):
        path = self.rng.choice(self.posts("szkolenia"))
        self.set_header(path, "Seats-Left", str(self.rng.randint(0, 20)))
        self.set_header(path, "Registration-Status", self.rng.choice(["open", "waitlist", "closed"]))
        self.set_header(path, "Event-Status", self.rng.choice(["scheduled", "cancelled", "postponed"]))

    def edit_deadline_passing(self):
        self.now += dt.timedelta(days=self.rng.randint(1, 20), minutes=self.rng.randint(0, 600))

    def edit_donation(self):
        path = self.rng.choice(self.posts("aktualnosci"))
        if self.rng.random() < 0.5:
            self.set_header(path, "Donation", None if self.header(path, "Donation") else "off")
        else:
            text = path.read_text(encoding="utf-8")
            marker = "\n[[wesprzyj]]\n"
            path.write_text(text.replace(marker, "\n") if marker in text else text + marker, encoding="utf-8")

    def edit_summary(self):
        path = self.rng.choice(self.posts())
        self.set_header(path, "Summary", None if self.header(path, "Summary") else self.words(8).capitalize() + ".")

    def edit_page(self):
        page = self.content / "pages/o-nas.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n{self.words(10)}.\n", encoding="utf-8")

    def edit_image_replaced(self):
        self.counter += 1
        self.image(self.counter)
        path = self.rng.choice(self.posts("aktualnosci"))
        text = path.read_text(encoding="utf-8")
        if "zdjecie.png" not in text:
            path.write_text(
                text + "\n![Uczestnicy warsztatów przy stole]({static}/images/zdjecie.png)\n", encoding="utf-8"
            )

    def home_words(self):
        """The home page's heading and "Co robimy" (content/strona-glowna.json)."""
        services = [
            {"title": self.words(1).capitalize(), "text": self.words(6).capitalize() + ".", "url": url}
            for url in self.rng.sample(["o-nas/", "szkolenia/", "aktualnosci/"], 2)
        ]
        (self.content / "strona-glowna.json").write_text(
            json.dumps(
                {
                    "headline": self.words(5).capitalize(),
                    "lead": self.words(9).capitalize() + ".",
                    "services": services,
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )

    def edit_home_page_words(self):
        self.home_words()

    def edit_setting(self):
        subtitle = f"Ośrodek Wsparcia Ekonomii Społecznej – {self.words(1)}"
        lines = [line for line in self.settings_text.split("\n") if not line.startswith("SITESUBTITLE")]
        self.settings_text = "\n".join(lines) + f"SITESUBTITLE = {subtitle!r}\n"
        self.write_settings()

    def edit_helper_module(self):
        self.counter += 1
        (self.folder / "pomocnik.py").write_text(
            f'def podpis(text):\n    return text + " – wersja {self.counter}"\n', encoding="utf-8"
        )

    def edit_template(self):
        path = self.theme / "templates/base.html"
        self.counter += 1
        html = path.read_text(encoding="utf-8")
        path.write_text(html.replace("</footer>", f"<!-- zmiana {self.counter} --></footer>", 1), encoding="utf-8")

    def edit_broken_file(self):
        path = self.rng.choice(self.posts("aktualnosci"))
        self.broken, self.broken_text = path, path.read_text(encoding="utf-8")
        self.set_header(path, "Date", "11/03/2026")

    def edit_same_mtime_swap(self):
        """Two posts' texts swapped, both files left with one modification
        time (as a checkout or a copy can leave them)."""
        a, b = self.rng.sample(self.posts("aktualnosci"), 2)
        stamp = a.stat().st_mtime_ns
        text_a, text_b = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
        a.write_text(text_b, encoding="utf-8")
        b.write_text(text_a, encoding="utf-8")
        for path in (a, b):
            os.utime(path, ns=(stamp, stamp))

    # --- builds --------------------------------------------------------------------

    def build(self, output, fresh):
        extra = ["-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false", "RENDER_CACHE_PAGES=false"] if fresh else []
        env = dict(os.environ, BUILD_NOW=self.now.isoformat())
        return subprocess.run(
            [
                PYTHON,
                "-m",
                "klucz.commands.build",
                str(self.content),
                "-o",
                str(output),
                "-s",
                str(self.folder / "conf.py"),
                "-q",
                *extra,
            ],
            cwd=self.folder,
            env=env,
            capture_output=True,
            text=True,
        )

    def step(self, number):
        kind = self.edit()
        before = tree(self.output) if self.output.exists() else {}
        rebuilt = self.build(self.output, fresh=False)
        if self.broken is not None:
            assert rebuilt.returncode != 0, f"step {number} ({kind}): a broken file did not fail the build"
            assert tree(self.output) == before, f"step {number} ({kind}): a failed build changed the output"
            assert not Path(str(self.output) + ".new").exists()
            return kind
        assert rebuilt.returncode == 0, f"step {number} ({kind}): {rebuilt.stdout[-2000:]}{rebuilt.stderr[-2000:]}"
        fresh_folder = self.folder / "fresh"
        shutil.rmtree(fresh_folder, ignore_errors=True)
        fresh = self.build(fresh_folder, fresh=True)
        assert fresh.returncode == 0, fresh.stderr[-2000:]
        differ = differences(tree(fresh_folder), tree(self.output))
        assert differ == [], f"step {number} ({kind}): the rebuild differs from a full build in {differ[:10]}"
        folders = sorted(set(site_folders(fresh_folder)) ^ set(site_folders(self.output)))
        assert folders == [], f"step {number} ({kind}): folders only one of the builds has: {folders[:10]}"
        return kind


KINDS = [
    "body text",
    "title",
    "tags",
    "date across months",
    "new post",
    "deleted post",
    "renamed post",
    "slug",
    "draft on off",
    "event times",
    "seats and statuses",
    "deadline passing",
    "donation",
    "summary",
    "page",
    "image replaced",
    "setting",
    "helper module",
    "template",
    "broken file",
    "same mtime swap",
    "home page words",
]


def run(folder, seed, steps):
    site = Site(folder, seed)
    first = site.build(site.output, fresh=False)
    assert first.returncode == 0, first.stderr[-3000:]
    done = []
    for number in range(1, steps + 1):
        done.append(site.step(number))
    return done


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--steps", type=int, default=100)
    args = parser.parse_args(argv)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="klucz-fuzz-") as folder:
        done = run(folder, args.seed, args.steps)
    kinds = sorted(set(done))
    print(f"{len(done)} edits of {len(kinds)} kinds, seed {args.seed}: every rebuild equal to a full build.")
    for kind in kinds:
        print(f"  {kind}: {done.count(kind)}")


if __name__ == "__main__":
    main()
