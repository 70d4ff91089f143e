"""What the browser tests share: the page of each type in the sample site and
a visit that records console errors and every request."""

PAGES = {
    "home": "/",
    "article": "/aktualnosci/podsumowanie-dzialan-kwiecien-maj-2016-r/",
    "training": "/szkolenia/abc-ekonomii-spolecznej-co-kazdy-przedsiebiorca-spoleczny-wiedziec-powinien/",
    "trainings list": "/szkolenia/",
    "month grid": "/szkolenia/kalendarz/2027/03/",
    "category": "/aktualnosci/",
    "tag": "/tag/klauzule-spoleczne/",
    "archive": "/archiwum/",
    "support": "/wesprzyj-nas/",
    "appeal": "/wesprzyj/dodaj-nam-mocy/",
    "accessibility statement": "/deklaracja-dostepnosci/",
    "privacy policy": "/polityka-prywatnosci/",
    "contact": "/kontakt/",
    "project": "/projekty/",
    "404": "/nie-ma-takiej-strony/",
}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def visit(browser, url, width=1280, javascript=True):
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    problems, requests = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    response = page.goto(url)
    page.wait_for_load_state("load")
    return context, page, response, problems, requests
