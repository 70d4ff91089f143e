"""`make bench-import`: the WordPress import on a generated export of 1,000
items (news in the classic editor and in Gutenberg with pictures and links,
appeals, pages, trainings with venues) and 500 pictures, then the same again
(nothing to do), then a 50 MB export (revisions are most of a big export's
bytes) for the peak memory.

    python bench/wordpress.py [--items 1000]
"""

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from klucz_harness import wordpress as exports

ROOT = Path(__file__).resolve().parent.parent


def make_export(folder, items):
    wxr, files = exports.Wxr(), {}
    site = exports.SITE
    wxr.item(900000, "tribe_venue", title="Miejska Biblioteka Publiczna", name="mbp", status="publish",
             link=f"{site}/miejsce/mbp/", meta={"_VenueAddress": "ul. Pomologiczna 6", "_VenueCity": "Skierniewice",
                                               "_VenueZip": "96-100"})
    paragraph = ("<p>Centrum KLUCZ wspiera organizacje pozarządowe, spółdzielnie socjalne i grupy inicjatywne "
                 "z&nbsp;województwa łódzkiego &#8211; doradztwem, szkoleniami i dotacjami.</p>\n")
    for n in range(items):
        ident = 1000 + n
        year, month, day = 2012 + n % 14, 1 + n % 12, 1 + n % 28
        date = f"{year}-{month:02d}-{day:02d} 10:00:00"
        kind = n % 20
        picture = f"{year}/{month:02d}/zdjecie-{n}.jpg"
        if n % 2 == 0:
            files[picture] = (1200, 800)
            wxr.picture(500000 + n, picture, alt=f"Zdjęcie nr {n} z działań Centrum" if n % 4 else "",
                        parent=ident)
        image = (f'[caption id="attachment_{500000 + n}" width="300"]<img src="{site}/wp-content/uploads/'
                 f'{picture[:-4]}-300x200.jpg" class="wp-image-{500000 + n}" /> Podpis zdjęcia {n}[/caption]\n\n'
                 if n % 2 == 0 else "")
        link = f'<p>Zobacz też <a href="{site}/?p={1000 + (n * 7) % items}">inny wpis</a>.</p>\n'
        text = image + paragraph * 6 + link
        if n % 3 == 0:
            text = "<!-- wp:paragraph -->\n" + text + "<!-- /wp:paragraph -->\n[contact-form-7 id=\"5\"]"
        if kind < 12:
            wxr.item(ident, title=f"Aktualność numer {n}: spółdzielnia socjalna", name=f"aktualnosc-{n}",
                     date=date, content=text, excerpt="Krótkie streszczenie wpisu.",
                     terms=[("category", "aktualnosci", "Aktualności"), ("post_tag", "es", "ekonomia społeczna")],
                     meta={"_thumbnail_id": str(500000 + n)} if n % 2 == 0 else {})
        elif kind < 13:
            wxr.item(ident, title=f"Apel numer {n}", name=f"apel-{n}", date=date, content=text,
                     terms=[("category", "dodaj-nam-mocy", "Dodaj nam MOCy")])
        elif kind < 15:
            wxr.item(ident, "page", title=f"Strona numer {n}", name=f"strona-{n}", date=date, content=text)
        else:
            wxr.item(ident, "tribe_events", title=f"Szkolenie numer {n}", name=f"szkolenie-{n}", date=date,
                     content=text, terms=[("tribe_events_cat", "abc", "ABC Ekonomii Społecznej")],
                     meta={"_EventStartDateUTC": f"{year}-{month:02d}-{day:02d} 08:00:00",
                           "_EventEndDateUTC": f"{year}-{month:02d}-{day:02d} 13:00:00",
                           "_EventTimezone": "Europe/Warsaw", "_EventVenueID": "900000", "_EventCost": "0"})
    exports.uploads(folder / "uploads", files)
    return wxr.write(folder / "eksport.xml"), folder / "uploads"


def run(export, content, uploads=""):
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", "import re, sys; from wpimport.cli import main; code = main(sys.argv[1:]); "
                               "print('PEAK', re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read())[1]); "
                               "sys.exit(code)",
         str(export), "--uploads", str(uploads), "--content", str(content), "--report", str(content.parent / "r.txt")],
        cwd=ROOT, capture_output=True, text=True)
    took = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    peak = int(re.search(r"PEAK (\d+)", result.stdout)[1]) / 1024
    return took, peak, result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export, uploads = make_export(folder, args.items)
        content = folder / "content"
        (content / "pages").mkdir(parents=True)
        took, peak, out = run(export, content, uploads)
        counted = re.search(r"(nowe pliki: \d+)", out)[1]
        pictures = re.search(r"skopiowane zdjęcia: (\d+)", out)[1]
        print(f"{args.items} items ({export.stat().st_size / 1e6:.1f} MB export), {pictures} pictures: "
              f"{took:.1f} s, peak memory {peak:.0f} MB ({counted})")
        check = subprocess.run([sys.executable, "-m", "klucz.commands.check", "--content", str(content)],
                               cwd=ROOT, capture_output=True, text=True)
        print(f"  make check on the result: {'passes' if check.returncode == 0 else 'FAILS'} "
              f"({check.stdout.count('BŁĄD:')} errors)")
        took, peak, out = run(export, content, uploads)
        unchanged = re.search(r"(bez zmian: \d+)", out)[1]
        print(f"  the same export again: {took:.1f} s ({unchanged})")
        path = exports.big_export(folder / "duzy.xml")
        other = folder / "content-big"
        other.mkdir()
        took, peak, out = run(path, other)
        print(f"a {path.stat().st_size / 1e6:.0f} MB export (100 posts, 5,000 revisions): {took:.1f} s, "
              f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
