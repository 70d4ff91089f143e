"""Rebuilds that render only what changed (render_cache): after any kind of
edit, the output folder must be byte for byte what a build from scratch makes,
and pages whose inputs did not change must not be written again."""

import json
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from klucz_harness.sitebuild import ROOT, SAMPLE, TEST_NOW, build, site_files, site_folders


def tree(folder):
    return site_files(folder)


def stamps(folder):
    folder = Path(folder)
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


class Site:
    """A copy of the sample content and theme, rebuilt in place like `make html`."""

    def __init__(self, tmp_path):
        self.tmp = tmp_path
        self.content = tmp_path / "content"
        shutil.copytree(SAMPLE, self.content)
        # "Co robimy" links to pages no change here touches (a post it links
        # to renamed or deleted fails the build: tests/test_home.py).
        home = self.content / "strona-glowna.json"
        data = json.loads(home.read_text(encoding="utf-8"))
        data["services"] = [dict(item, url="o-nas/") for item in data["services"]]
        home.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        self.theme = tmp_path / "theme"
        shutil.copytree(ROOT / "theme", self.theme)
        self.output = tmp_path / "output"
        self.cache = tmp_path / "cache"
        self.fresh_count = 0

    def rebuild(self, **override):
        """As `make html`: into output.new, swapped in on success, reusing
        unchanged pages."""
        settings = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(self.cache),
                    "THEME": str(self.theme), **override}
        return build(self.output, content=self.content, staged=True, **settings)

    def fresh(self, **override):
        self.fresh_count += 1
        out = self.tmp / f"fresh{self.fresh_count}"
        return build(out, content=self.content, THEME=str(self.theme), RENDER_CACHE_PAGES=False, **override)

    def edit(self, relative, old, new):
        path = self.content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        bump(path)


def bump(path):
    """Make sure the file looks modified even on coarse file-system clocks."""
    stat = Path(path).stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def add_image_to_news(site):
    """A blue picture in content/images, shown in the NEWS post."""
    (site.content / "images").mkdir(exist_ok=True)
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(site.content / "images/nowe.png")
    text = (site.content / NEWS).read_text(encoding="utf-8")
    (site.content / NEWS).write_text(text + "\n![Niebieski prostokąt]({static}/images/nowe.png)\n", encoding="utf-8")
    bump(site.content / NEWS)


def assert_same_as_fresh(site, **override):
    expected = tree(site.fresh(**override))
    got = tree(site.output)
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []


@pytest.fixture
def site(tmp_path):
    site = Site(tmp_path)
    site.rebuild()
    return site


NEWS = "aktualnosci/2016-06-20-ruszylo-doradztwo.md"
TRAINING = "szkolenia/2026-11-20-abc-ekonomii-spolecznej-styczen-2027.md"


def test_editing_a_posts_text_rewrites_that_page_only(site):
    before = stamps(site.output)
    text = (site.content / NEWS).read_text(encoding="utf-8")
    (site.content / NEWS).write_text(text + "\nDopisane zdanie o doradztwie.\n", encoding="utf-8")
    bump(site.content / NEWS)
    site.rebuild()
    after = stamps(site.output)
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert "aktualnosci/ruszylo-doradztwo-ogolne-i-specjalistyczne/index.html" in changed
    assert "Dopisane zdanie" in (
        site.output / "aktualnosci/ruszylo-doradztwo-ogolne-i-specjalistyczne/index.html"
    ).read_text(encoding="utf-8")
    # The feeds carry the posts' texts and the sitemap is rewritten; besides
    # the post's own page only pages that list it are rendered again (a list
    # may show a post's whole text); every other page stays the file it was.
    others = [
        n
        for n in changed
        if n.endswith(".html") and n != "aktualnosci/ruszylo-doradztwo-ogolne-i-specjalistyczne/index.html"
    ]
    link = "/aktualnosci/ruszylo-doradztwo-ogolne-i-specjalistyczne/"
    site_wide = {"index.html", "tagi/index.html", "archiwum/index.html"}  # given every post
    assert [n for n in others if n not in site_wide and link not in (site.output / n).read_text(encoding="utf-8")] == []
    untouched = [n for n in after if n.endswith(".html") and n not in changed]
    assert len(untouched) > 2 * len(others)
    assert len(after) > 80
    assert_same_as_fresh(site)


@pytest.mark.parametrize(
    "change",
    [
        "title",
        "date",
        "tags",
        "summary_from_text",
        "new_post",
        "deleted_post",
        "training_seats",
        "template",
        "static_file",
        "setting",
        "draft",
    ],
)
def test_after_any_change_the_site_is_what_a_fresh_build_makes(site, change):
    override = {}
    if change == "title":
        site.edit(NEWS, "Title: ", "Title: Nowość: ")
    elif change == "date":
        site.edit(NEWS, "Date: 2016-06-20", "Date: 2026-11-27")
    elif change == "tags":
        site.edit(NEWS, "Tags: ", "Tags: nowy tag, ")
    elif change == "summary_from_text":
        # No Summary: field: the list pages show the start of the text.
        text = (site.content / NEWS).read_text(encoding="utf-8")
        head, _, body = text.partition("\n\n")
        head = "\n".join(line for line in head.splitlines() if not line.lower().startswith("summary:"))
        (site.content / NEWS).write_text(head + "\n\n" + body, encoding="utf-8")
        bump(site.content / NEWS)
        site.rebuild()
        site.edit(NEWS, body.strip()[:20], "Zupełnie nowy początek. " + body.strip()[:20])
    elif change == "new_post":
        (site.content / "aktualnosci/nowy.md").write_text(
            "Title: Nowy wpis\nDate: 2026-11-27 09:00\nTags: doradztwo\n\nTreść nowego wpisu.\n", encoding="utf-8"
        )
    elif change == "deleted_post":
        (site.content / NEWS).unlink()
    elif change == "training_seats":
        site.edit(TRAINING, "Seats-Left: 8", "Seats-Left: 0")
    elif change == "template":
        page = site.theme / "templates/article.html"
        page.write_text(
            page.read_text(encoding="utf-8").replace("</article>", "<p>Nowy dopisek szablonu.</p></article>", 1),
            encoding="utf-8",
        )
        bump(page)
    elif change == "static_file":
        add_image_to_news(site)
        site.rebuild()
        # Same name, other picture: the page's width and height must follow.
        Image.new("RGB", (600, 900), (160, 90, 30)).save(site.content / "images/nowe.png")
        bump(site.content / "images/nowe.png")
    elif change == "setting":
        override = {"SITESUBTITLE": "Inny podtytuł"}
    elif change == "draft":
        site.edit(NEWS, "Title: ", "Status: draft\nTitle: ")
    site.rebuild(**override)
    assert_same_as_fresh(site, **override)


def test_time_passing_is_seen_to_the_minute(site):
    """The moment of the build is not part of the signature, but what depends on
    it is: a new month, the 1,5% season, a sign-up deadline passing at 23:59."""
    page = (
        site.output / "szkolenia/abc-ekonomii-spolecznej-co-kazdy-przedsiebiorca-spoleczny-wiedziec-powinien/index.html"
    )
    seen = set()
    for moment in ("2027-01-10T12:00:00+01:00", "2027-01-10T23:59:30+01:00"):
        site.rebuild(BUILD_NOW=moment)
        assert_same_as_fresh(site, BUILD_NOW=moment)
        seen.add(page.read_bytes())
    assert len(seen) == 2


@pytest.mark.parametrize("cached_piece", [False, True])
def test_a_list_page_showing_another_posts_whole_text_follows_it(site, cached_piece):
    """A theme may show a post's full text on another page (here: every post in
    full on the archive page); that page must follow the text. With a cached
    piece, first rendered on the post's own page and reused on the archive."""
    shown = "{{ article.content }}"
    if cached_piece:
        macros = site.theme / "templates/macros.html"
        macros.write_text(
            macros.read_text(encoding="utf-8")
            + (
                '\n{% macro full_text(article) %}{% cache "full", article.source_path %}'
                "{{ article.content }}{% endcache %}{% endmacro %}\n"
            ),
            encoding="utf-8",
        )
        bump(macros)
        shown = '{% from "macros.html" import full_text with context %}{{ full_text(article) }}'
        page = site.theme / "templates/article.html"
        page.write_text(
            page.read_text(encoding="utf-8").replace(
                "{% endblock content %}", "<div hidden>" + shown + "</div>{% endblock content %}", 1
            ),
            encoding="utf-8",
        )
        bump(page)
    archive = site.theme / "templates/archives.html"
    archive.write_text(
        archive.read_text(encoding="utf-8").replace(
            "{% endblock content %}",
            '{% for article in articles %}<div class="full">' + shown + "</div>{% endfor %}{% endblock content %}",
            1,
        ),
        encoding="utf-8",
    )
    bump(archive)
    site.rebuild()
    site.edit(NEWS, "\n\n", "\n\nZdanie dopisane na początku tekstu.\n\n")
    site.rebuild()
    assert "Zdanie dopisane na początku tekstu." in (site.output / "archiwum/index.html").read_text(encoding="utf-8")
    assert_same_as_fresh(site)


def test_a_page_removed_by_hand_from_the_output_comes_back(site):
    page = site.output / "aktualnosci/ruszylo-doradztwo-ogolne-i-specjalistyczne/index.html"
    expected = page.read_bytes()
    page.unlink()
    site.rebuild()
    assert page.read_bytes() == expected


def test_a_failed_rebuild_leaves_the_output_untouched(site):
    from klucz.strict_build.collector import BuildFailed

    before = tree(site.output)
    site.edit(NEWS, "Date: 2016-06-20", "Date: 2016-13-45")
    with pytest.raises(BuildFailed):
        site.rebuild()
    assert tree(site.output) == before


def test_the_same_now_twice_renders_no_page_again(site):
    """Nothing changed: every page is the file the last build wrote (linked
    into the new output, not rendered again); the rest has the same bytes."""
    before, files = stamps(site.output), tree(site.output)
    site.rebuild()
    after = stamps(site.output)
    pages = [n for n in before if n.endswith(".html") and "/theme/" not in n]
    assert len(pages) > 50
    assert [n for n in pages if after.get(n) != before[n]] == []
    assert tree(site.output) == files
    assert TEST_NOW  # the fixed moment both builds use


def test_a_page_where_a_folder_was_and_a_folder_where_a_page_was(site):
    """Rebuilding over an older site whose files and folders are in each
    other's way (a post's address changed from a file to a folder)."""
    (site.output / "aktualnosci/stary.html").mkdir()
    (site.output / "aktualnosci/stary.html/index.html").write_text("stare", encoding="utf-8")
    (site.content / "aktualnosci/stary.md").write_text(
        "Title: Stary\nDate: 2026-11-02 10:00\nSave_as: aktualnosci/stary.html\n"
        "URL: aktualnosci/stary.html\n\nTekst.\n",
        encoding="utf-8",
    )
    site.rebuild()
    assert (site.output / "aktualnosci/stary.html").is_file()
    assert_same_as_fresh(site)


def test_the_folders_of_earlier_builds_neither_stay_nor_stand_in_the_way(site):
    """A build reuses the folders of the site before last: a folder no page
    needs any more is gone, and where a file now stands in a folder's place
    (an address changed from a folder to a file) the build still succeeds."""
    post = site.content / "aktualnosci/stary.md"

    def write(save_as):
        post.write_text(f"Title: Stary\nDate: 2026-11-02 10:00\nSave_as: {save_as}\nURL: aktualnosci/stary.html\n\n"
                        "Tekst.\n", encoding="utf-8")
        bump(post)

    write("aktualnosci/stary.html/index.html")
    site.rebuild()
    site.rebuild()  # the next build's spare folders now hold aktualnosci/stary.html/
    assert (site.output / "aktualnosci/stary.html/index.html").is_file()
    write("aktualnosci/stary.html")
    site.rebuild()
    assert (site.output / "aktualnosci/stary.html").is_file()
    assert_same_as_fresh(site)
    post.unlink()
    for _ in range(3):
        site.rebuild()
        assert not (site.output / "aktualnosci/stary.html").exists()
        assert site_folders(site.output) == site_folders(site.fresh())
    (site.output / "aktualnosci/dowiazanie").symlink_to(site.content)  # a link left in a folder by hand
    site.rebuild()
    site.rebuild()  # the folders with the link are this build's now: the link is gone
    assert not os.path.lexists(site.output / "aktualnosci/dowiazanie")
    site.edit(NEWS, "Title: ", "Title: Nowość: ")  # a post's address changes: its old folder goes
    site.rebuild()
    site.rebuild()
    assert site_folders(site.output) == site_folders(site.fresh())
    assert_same_as_fresh(site)


def test_a_reused_page_brings_its_image_variants(site):
    """A page with an image, not rendered again after another post's edit:
    its WebP variants are in the new output all the same."""
    add_image_to_news(site)
    site.rebuild()
    variants = sorted((site.output / "images/warianty").glob("nowe-*.webp"))
    assert variants
    site.edit(TRAINING, "\n\n", "\n\nInny wpis, inne zdanie.\n\n")
    page = site.output / "aktualnosci/ruszylo-doradztwo-ogolne-i-specjalistyczne/index.html"
    before = page.stat().st_ino
    site.rebuild()
    assert page.stat().st_ino == before  # reused, not rendered
    assert sorted((site.output / "images/warianty").glob("nowe-*.webp")) == [
        site.output / "images/warianty" / v.name for v in variants
    ]
    assert_same_as_fresh(site)


def test_what_the_templates_can_show_is_kept_for_the_next_build(site, monkeypatch):
    """Whether a template can show a post's text is read with Jinja's parser;
    the answers go with the list of what the build wrote, so a rebuild in a new
    process (here: with the process's own answers forgotten) parses no
    template that did not change, and parses again one that did."""
    import jinja2

    from klucz.render_cache import writer

    parsed = []
    parse = jinja2.Environment.parse
    monkeypatch.setattr(jinja2.Environment, "parse",
                        lambda self, source, name=None, filename=None: parsed.append(name) or parse(self, source, name,
                                                                                                   filename))
    writer.TEMPLATE_FACTS.clear()
    site.edit(NEWS, "\n\n", "\n\nZdanie dopisane.\n\n")
    site.rebuild()
    assert parsed == []
    archive = site.theme / "templates/archives.html"
    archive.write_text(archive.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    bump(archive)
    writer.TEMPLATE_FACTS.clear()
    site.rebuild()
    assert parsed == ["archives.html"]
    assert_same_as_fresh(site)
