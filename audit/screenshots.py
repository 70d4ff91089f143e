"""`make screenshots`: build the sample site, serve it on localhost and take a
phone (390 px) and a desktop (1280 px) picture of every page type in Debian's
Chromium, for review (screenshots/<page>-telefon.png, -komputer.png).

    python audit/screenshots.py [--out screenshots] [--pages home article ...]
"""

import argparse
import os
import sys
import tempfile

from audit import CHROME_FLAGS, chromium, serve_built  # the same build, server and browser as `make audit`

PAGES = {
    "strona-glowna": "/",
    "wpis": "/aktualnosci/podsumowanie-dzialan-kwiecien-maj-2016-r/",
    "szkolenie": "/szkolenia/abc-ekonomii-spolecznej-co-kazdy-przedsiebiorca-spoleczny-wiedziec-powinien/",
    "szkolenia": "/szkolenia/",
    "odwolane": "/szkolenia/dyzur-doradczy-w-zgierzu-odwolany/",
    "kalendarz": "/szkolenia/kalendarz/",
    "apel": "/wesprzyj/dodaj-nam-mocy/",
    "wesprzyj-nas": "/wesprzyj-nas/",
    "szukaj": "/szukaj/?q=spółdzielnia",
    "kontakt": "/kontakt/",
    "doradztwo": "/doradztwo/",
    "projekty": "/projekty/",
    "obserwuj": "/obserwuj/",
    "tag": "/tag/klauzule-spoleczne/",
    "404": "/nie-ma-takiej-strony/",
}
SIZES = {"telefon": (390, 844), "komputer": (1280, 900)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--pages", nargs="*", choices=sorted(PAGES), default=sorted(PAGES))
    args = parser.parse_args(argv)
    browser_path = chromium()
    if browser_path is None:
        print("make screenshots potrzebuje Chromium (apt-get install chromium).", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        base, stop = serve_built(tmp)
        try:
            with sync_playwright() as p:
                flags = [f for f in CHROME_FLAGS.split() if not f.startswith("--headless")]
                browser = p.chromium.launch(executable_path=browser_path, args=flags)
                for name in args.pages:
                    for label, (width, height) in SIZES.items():
                        page = browser.new_page(viewport={"width": width, "height": height})
                        page.goto(base + PAGES[name])
                        # A full-page picture: lazy images below the fold are asked for now.
                        page.evaluate(
                            "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
                        )
                        page.wait_for_load_state("networkidle")
                        page.wait_for_timeout(300)
                        target = os.path.join(args.out, f"{name}-{label}.png")
                        page.screenshot(path=target, full_page=True)
                        page.close()
                        print(target)
                browser.close()
        finally:
            stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
