"""Unit tests of the Polish typography rules."""


import pytest

from klucz.typography import nbsp_html, nbsp_text
from klucz_harness.sitebuild import build, scenario

N = "\u00a0"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("pomoc w urzędzie", f"pomoc w{N}urzędzie"),
        ("i w domu", f"i{N}w{N}domu"),
        ("A potem", f"A{N}potem"),
        ("Z pozdrowieniami", f"Z{N}pozdrowieniami"),
        ("„w domu”", f"„w{N}domu”"),
        ("(o tym)", f"(o{N}tym)"),
        ("maja 2016 r.", f"maja 2016{N}r."),
        ("kosztuje 20 zł", f"kosztuje 20{N}zł"),
        ("wzrost o 50 %", f"wzrost o{N}50{N}%"),
        ("tel. 42 630 17 49", f"tel.{N}42{N}630{N}17{N}49"),
        ("ul. Pomorska 40, 91-408 Łódź", f"ul.{N}Pomorska{N}40, 91\u2011408{N}Łódź"),
        # A street stays with its number, a name with its ordinal.
        ("Starostwo, ul. Kościuszki 36, 98-200 Sieradz", f"Starostwo, ul.{N}Kościuszki{N}36, 98\u2011200{N}Sieradz"),
        ("pl. Jana Pawła II 16, 95-100 Zgierz", f"pl.{N}Jana Pawła{N}II{N}16, 95\u2011100{N}Zgierz"),
        ("al. Piłsudskiego 12/3 i os. Dąbrowa 7a", f"al.{N}Piłsudskiego{N}12/3 i{N}os.{N}Dąbrowa{N}7a"),
        ("Był na II piętrze, ul. Długa", f"Był na II piętrze, ul.{N}Długa"),
        # A dash never starts a line; ranges take an en dash; "e-" stays with its word.
        ("ABC Ekonomii Społecznej – co każdy", f"ABC Ekonomii Społecznej{N}– co każdy"),
        ("Społecznej - co", f"Społecznej{N}– co"),
        ("lata 2014-2020", "lata 2014–\u20602020"),
        ("kwiecień-maj 2016", "kwiecień–maj 2016"),
        ("przez e-PIT albo e-mail", "przez e\u2011PIT albo e-mail"),
        ("https://e-deklaracje.pl/2014-2020/", "https://e-deklaracje.pl/2014-2020/"),
        ("animacyjno-doradczych, 2026-11-20", "animacyjno-doradczych, 2026-11-20"),
        (
            "10:00–15:00, 14–16 stycznia, m. in. 8 z 20",
            f"10:00–\u206015:00, 14–\u206016{N}stycznia, m.{N}in. 8{N}z{N}20",
        ),
        ("6 480 000,00 zł", f"6{N}480{N}000,00{N}zł"),
        ("ta wiosna", "ta wiosna"),
        ("klasa b", "klasa b"),
        ("2016 rok", "2016 rok"),
        ("20 złotych", "20 złotych"),
        ("12 miesięcy", "12 miesięcy"),
    ],
)
def test_text_rules(text, expected):
    assert nbsp_text(text, units=("r.", "zł", "%")) == expected


def test_never_inside_tags_attributes_or_code():
    html = (
        '<p title="a b i c">pomoc w <a href="https://x.pl/a b">o tym</a>'
        "<code>a = i if w else z</code> i <pre><code>x = a if w\n</code></pre> a w</p>"
    )
    out = nbsp_html(html)
    assert 'title="a b i c"' in out
    assert 'href="https://x.pl/a b"' in out
    assert "<code>a = i if w else z</code>" in out
    assert "<pre><code>x = a if w\n</code></pre>" in out
    assert f"pomoc w{N}<a" in out
    assert f">o{N}tym<" in out
    assert out.endswith(f" a{N}w</p>")


def test_urls_in_text_are_left_alone():
    assert nbsp_text("zobacz https://example.org/a i b") == f"zobacz https://example.org/a i{N}b"
    assert nbsp_text("www.x.pl/o mnie") == "www.x.pl/o mnie"


def test_entities_and_comments():
    assert nbsp_html("&bdquo;w domu&rdquo;") == f"&bdquo;w{N}domu&rdquo;"
    assert nbsp_html("<!-- a b --> o tym") == f"<!-- a b --> o{N}tym"


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Powiedział "tak".', "Powiedział „tak”."),
        ('"ABC Ekonomii Społecznej"', "„ABC Ekonomii Społecznej”"),
        ('("w nawiasie")', "(„w nawiasie”)"),
        ("<<zagnieżdżony>>", "»zagnieżdżony«"),
        ("&lt;&lt;zagnieżdżony&gt;&gt;", "»zagnieżdżony«"),
        ("2014 - 2020", f"2014{N}– 2020"),
        ("wiosna -- lato", f"wiosna{N}– lato"),
        ("animacyjno-doradczych", "animacyjno-doradczych"),
        ("i tak dalej...", "i tak dalej…"),
        # Pasted from Word in English or German style.
        ("Projekt “Razem” ruszył.", "Projekt „Razem” ruszył."),
        ("Projekt „Razem“ ruszył.", "Projekt „Razem” ruszył."),
        ("(“w nawiasie”)", "(„w nawiasie”)"),
    ],
)
def test_quotes_and_dashes(text, expected):
    from klucz.typography import quotes_text

    assert quotes_text(text) == expected


def test_quotes_across_inline_markup():
    html = '<p>Szkolenie "<em>ABC</em>" i "klauzule".</p>'
    assert nbsp_html(html) == f"<p>Szkolenie „<em>ABC</em>” i{N}„klauzule”.</p>"


def test_quotes_in_attributes_and_code_are_left_alone():
    html = '<p title="a &quot;b&quot;"><code>x = "y"</code> "z"</p>'
    assert nbsp_html(html) == '<p title="a &quot;b&quot;"><code>x = "y"</code> „z”</p>'


def test_text_markdown_typeset_is_known_by_its_reader_class(tmp_path):
    """The Markdown readers are told by their class, whoever registered them:
    the authoring plugin's reader is one, so its posts are not typeset twice."""
    from klucz.authoring.encoding import StaffMarkdownReader
    from klucz.strict_build import reader_name
    from klucz.typography.rules import markdown_readers

    build(tmp_path / "out", content=scenario(tmp_path, "clean", {
        "aktualnosci/a.md": "Title: A\nDate: 2026-11-01 10:00\n\nW Łodzi i w Sieradzu.\n"}))
    assert markdown_readers() == {"markdown", reader_name(StaffMarkdownReader)} == {"markdown", "staffmarkdown"}


def test_phone_numbers_and_e_mails_in_text_become_links():
    from klucz.typography import contact_links_html

    html = ("<p>Zadzwoń: 42 630 17 49 albo +48 600 100 200, napisz: klucz@example.org.</p>"
            '<p><a href="mailto:a@b.pl">a@b.pl</a> <code>x@y.pl 42 630 17 49</code></p>'
            "<p>6 480 000,00 zł, konto 61 1090 1014 0000 0712 1981 2874, KRS 0000191928, 2026-11-20</p>")
    assert contact_links_html(html) == (
        '<p>Zadzwoń: <a href="tel:+48426301749">42 630 17 49</a> albo <a href="tel:+48600100200">+48 600 100 200</a>, '
        'napisz: <a href="mailto:klucz@example.org">klucz@example.org</a>.</p>'
        '<p><a href="mailto:a@b.pl">a@b.pl</a> <code>x@y.pl 42 630 17 49</code></p>'
        "<p>6 480 000,00 zł, konto 61 1090 1014 0000 0712 1981 2874, KRS 0000191928, 2026-11-20</p>")


def test_templates_are_typeset_when_compiled_and_their_values_when_written():
    """The template pass: the template's own text gets the rules once, when it
    is compiled; a value written into text gets them when written; a value in
    an attribute, a script or code, and markup made elsewhere, are left alone."""
    from jinja2 import DictLoader, Environment
    from markupsafe import Markup

    from klucz.typography.rules import TemplateTypography, value_typesetter

    env = Environment(autoescape=True, extensions=[TemplateTypography], loader=DictLoader({"t.html": (
        '<p title="{{ city }} i w domu">Spotkanie w {{ city }} o {{ hour }} – "{{ title }}"'
        '{% if seats %} – zostało {{ seats }} z 20 miejsc{% endif %}.</p>'
        '<script>var t = "{{ title }}";</script><code>a w b {{ title }}</code>{{ text }}{{ made }}'
    )}))
    env.filters["typo"] = value_typesetter(("r.", "zł"))
    html = env.get_template("t.html").render(
        city="w Łodzi", hour="10:00", title='Szkolenie "ABC" i kurs', seats=8,
        text=Markup('<p>a "b" i c</p>'), made=Markup('a "b" i c'))
    assert html == (
        f'<p title="w Łodzi i w domu">Spotkanie w{N}w{N}Łodzi o{N}10:00{N}– „Szkolenie „ABC” i{N}kurs”'
        f'{N}– zostało 8 z{N}20 miejsc.</p>'
        '<script>var t = "Szkolenie &#34;ABC&#34; i kurs";</script><code>a w b Szkolenie &#34;ABC&#34; i kurs</code>'
        '<p>a "b" i c</p>a "b" i c')


def test_every_page_is_typeset(dev_site):
    """Whatever wrote it (a post, a template's text, a value, a plugin's
    markup), every page's text is as the rules want it: typesetting it once
    more changes nothing."""
    from klucz.typography.rules import SETTINGS
    from klucz_harness.sitebuild import html_pages

    units = tuple(SETTINGS.get({}, "TYPOGRAPHY_UNITS"))
    not_typeset = {}
    for page in html_pages(dev_site):
        html = page.read_text(encoding="utf-8")
        again = nbsp_html(html, units)
        if again != html:
            first = next(i for i, (a, b) in enumerate(zip(html, again, strict=False)) if a != b)
            not_typeset[page.relative_to(dev_site).as_posix()] = html[max(0, first - 60):first + 40]
    assert not_typeset == {}


def _texts_to_typeset():
    """Runs of text as the build meets them: every case above, and the text
    between tags of every post and page of the sample site, header values too."""
    import markdown

    from klucz.typography.rules import _MARKUP
    from klucz_harness.sitebuild import SAMPLE

    texts = [case[0] for test in (test_text_rules, test_quotes_and_dashes) for mark in test.pytestmark
             if mark.name == "parametrize" for case in mark.args[1]]
    for path in sorted(SAMPLE.rglob("*.md")):
        header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        texts += [line.partition(":")[2].strip() for line in header.splitlines()]
        html = markdown.markdown(body, extensions=["markdown.extensions.extra"], output_format="html5")
        texts += [run for i, run in enumerate(_MARKUP.split(html)) if i % 2 == 0 and run.strip()]
    return texts


def test_the_editors_preview_typesets_as_the_build(tmp_path):
    """typografia.js (the editor's preview) with the patterns the build hands
    it gives every text exactly what nbsp_text gives it."""
    import json
    import shutil
    import subprocess

    from pelican.settings import read_settings

    from klucz.typography.browser import BROWSER_SCRIPT, browser_rules
    from klucz.typography.rules import SETTINGS
    from klucz_harness.sitebuild import ROOT

    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js not installed (make test installs the editor with it; CI has it)")
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    units = tuple(SETTINGS.get(settings, "TYPOGRAPHY_UNITS"))
    texts = _texts_to_typeset()
    assert len(texts) > 300
    (tmp_path / "in.json").write_text(json.dumps({"rules": browser_rules(settings), "texts": texts}),
                                      encoding="utf-8")
    script = ("const t = require(process.argv[1]).make; const d = JSON.parse(require('fs').readFileSync("
              "process.argv[2], 'utf8')); const f = t(d.rules).text; "
              "process.stdout.write(JSON.stringify(d.texts.map(f)));")
    result = subprocess.run([node, "-e", script, BROWSER_SCRIPT, str(tmp_path / "in.json")],
                            capture_output=True, text=True, check=True)
    browser = json.loads(result.stdout)
    differ = {text: (nbsp_text(text, units), js) for text, js in zip(texts, browser, strict=True)
              if nbsp_text(text, units) != js}
    assert differ == {}
