"""klucz-import: a WordPress export into content/. `make import WXR=… UPLOADS=…`."""

import argparse
import os
import sys

from pelican.settings import read_settings

from .importer import Importer
from .report import report
from .settings import setting


def error(message, hint):
    print(f"BŁĄD: {message}\n  Co zrobić: {hint}", file=sys.stderr)
    return 1


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="klucz-import",
        description="Przenosi eksport WordPressa (plik WXR, z wydarzeniami The Events Calendar) do content/.")
    parser.add_argument("wxr", help="plik eksportu WordPressa (Narzędzia → Eksport → Cała zawartość)")
    parser.add_argument("--uploads", default="",
                        help="folder wp-content/uploads skopiowany ze starego serwera albo jego adres https://")
    parser.add_argument("--settings", default="pelicanconf.py", help="ustawienia strony (domyślnie pelicanconf.py)")
    parser.add_argument("--content", help="folder treści (domyślnie PATH z ustawień)")
    parser.add_argument("--report", help="plik raportu (domyślnie WORDPRESS_REPORT z ustawień)")
    args = parser.parse_args(argv)

    if not args.wxr:
        return error("nie podano pliku eksportu", "uruchom: make import WXR=eksport.xml UPLOADS=wp-content/uploads")
    if not os.path.isfile(args.wxr):
        return error(f"nie ma pliku eksportu {args.wxr}",
                     "podaj ścieżkę pliku .xml pobranego z WordPressa (Narzędzia → Eksport → Cała zawartość)")
    if args.uploads and not args.uploads.startswith(("http://", "https://")) and not os.path.isdir(args.uploads):
        return error(f"nie ma folderu {args.uploads}",
                     "podaj folder wp-content/uploads skopiowany ze starego serwera albo adres https://…/wp-content/uploads")
    override = {"PATH": os.path.abspath(args.content)} if args.content else {}
    settings = read_settings(args.settings, override=override)
    importer = Importer(settings, args.uploads)
    export = importer.read(args.wxr)
    if not export.is_wxr and not importer.items:
        return error(f"{args.wxr} to nie jest eksport WordPressa (brak znaczników wp:)",
                     "w WordPressie wybierz Narzędzia → Eksport → Cała zawartość i podaj pobrany plik .xml")
    importer.plan()
    importer.write(args.wxr)
    text = report(importer, args.wxr)
    where = args.report or os.path.join(os.path.dirname(os.path.abspath(settings["PATH"])),
                                        setting(settings, "WORDPRESS_REPORT"))
    with open(where, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)
    print(f"Raport zapisany w {os.path.relpath(where)}.")
    if export.faults:
        print(f"BŁĄD: plik {args.wxr} jest uszkodzony (pierwsze miejsce: wiersz {export.faults[0][0]}, "
              f"kolumna {export.faults[0][1]}): zaimportowano to, co dało się odczytać.\n"
              "  Co zrobić: sprawdź w raporcie listę wpisów; jeśli czegoś brakuje, wyeksportuj plik jeszcze raz.",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
