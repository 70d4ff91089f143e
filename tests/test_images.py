"""Content images: dimensions, lazy loading below the fold, WebP variants in
srcset, originals untouched."""

import hashlib

import pytest
from PIL import Image

from klucz_harness.sitebuild import build, scenario, soup

POST = """Title: Relacja ze zdjęciami
Date: 2026-11-01 10:00

![Uczestnicy szkolenia przy stole]({static}/images/sala.jpg)

Akapit.

![Stoisko na targach]({static}/images/targi.png)

![Mała ikona]({static}/images/ikona.png)

<p><img src='{static}/images/targi.png' alt='Stoisko, wklejone jako HTML'></p>

<p><img alt="Bez cudzysłowów" src=/images/ikona.png decoding=sync></p>
"""


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("images")
    content = scenario(tmp, "clean", {"aktualnosci/zdjecia.md": POST})
    (content / "images").mkdir()
    Image.new("RGB", (2000, 1200), (200, 120, 40)).save(content / "images/sala.jpg", quality=90)
    Image.new("RGBA", (1000, 500), (20, 90, 160, 255)).save(content / "images/targi.png")
    Image.new("RGB", (300, 300), (0, 0, 0)).save(content / "images/ikona.png")
    sources = {p.name: sha(p) for p in (content / "images").iterdir()}
    out = build(tmp / "out", content=content, IMAGES_CACHE_PATH=str(tmp / "cache"))
    return out, content, sources


def images(site):
    out = site[0]
    return soup(out / "aktualnosci/relacja-ze-zdjeciami/index.html").select("main img")


def test_width_height_and_lazy_loading_below_the_fold(site):
    first, second, third, *_ = images(site)
    assert (first["width"], first["height"]) == ("2000", "1200")
    assert (second["width"], second["height"]) == ("1000", "500")
    assert "loading" not in first.attrs
    assert second["loading"] == "lazy" and third["loading"] == "lazy"
    assert first["alt"] == "Uczestnicy szkolenia przy stole"


def test_srcset_lists_webp_variants_that_exist(site):
    out = site[0]
    first, second, third, *_ = images(site)
    widths = []
    for candidate in first["srcset"].split(", "):
        url, width = candidate.split(" ")
        assert url.endswith(".webp")
        variant = out / url.lstrip("/")
        with Image.open(variant) as image:
            assert image.format == "WEBP"
            assert f"{image.width}w" == width
            widths.append(image.width)
    assert widths == [480, 960, 1600, 2000]
    assert [c.split(" ")[1] for c in second["srcset"].split(", ")] == ["480w", "960w", "1000w"]
    assert [c.split(" ")[1] for c in third["srcset"].split(", ")] == ["300w"]
    assert first["sizes"]
    assert first["src"] == "/images/sala.jpg"


def test_images_written_as_html_in_any_quoting_get_variants_too(site):
    """Found by an HTML parser, not a pattern: single quotes and no quotes
    at all; an <img> inside a comment is no image; what the tag says is kept."""
    *_, single, unquoted = images(site)
    assert single["alt"] == "Stoisko, wklejone jako HTML"
    assert [c.split(" ")[1] for c in single["srcset"].split(", ")] == ["480w", "960w", "1000w"]
    assert (single["width"], single["height"], single["loading"]) == ("1000", "500", "lazy")
    assert unquoted["alt"] == "Bez cudzysłowów" and unquoted["srcset"].endswith(" 300w")
    assert unquoted["decoding"] == "sync"


def test_only_real_img_tags_change_and_the_rest_stays_byte_for_byte():
    from klucz.images.responsive import rewrite

    class Variants:  # one known picture, 800 px wide
        def source(self, relative):
            return relative if relative == "images/a.jpg" else None

        def for_image(self, relative):
            return 800, 600, [("images/warianty/a-480.webp", 480), ("images/warianty/a-800.webp", 800)]

    page = (b'<html><body>\n<!-- <img src="/images/a.jpg"> -->\n<script>var s = "<img src=/images/a.jpg>";</script>\n'
            b"<main>\n  <p>Tekst &amp; <img src='/images/a.jpg' alt='A &quot;b&quot;'/></p>\n"
            b'<img src="/images/inny.jpg"></main></body></html>')
    assert rewrite(page, Variants(), "", "100vw").decode() == page.decode().replace(
        "<img src='/images/a.jpg' alt='A &quot;b&quot;'/>",
        "<img src='/images/a.jpg' alt='A &quot;b&quot;' width=\"800\" height=\"600\" decoding=\"async\" "
        'srcset="/images/warianty/a-480.webp 480w, /images/warianty/a-800.webp 800w" sizes="100vw"/>')


def test_originals_stay_untouched(site):
    out, content, sources = site
    for name, digest in sources.items():
        assert sha(content / "images" / name) == digest
        assert sha(out / "images" / name) == digest


def test_rebuild_reuses_cached_variants_and_is_identical(site, tmp_path):
    out, content, _ = site
    again = build(tmp_path / "again", content=content, IMAGES_CACHE_PATH=str(out.parent / "cache"))
    for variant in (out / "images/warianty").iterdir():
        assert (again / "images/warianty" / variant.name).read_bytes() == variant.read_bytes()
    page = "aktualnosci/relacja-ze-zdjeciami/index.html"
    assert (again / page).read_bytes() == (out / page).read_bytes()


def test_a_broken_image_fails_the_build_with_its_name(tmp_path):
    content = scenario(tmp_path, "clean", {
        "aktualnosci/zepsuty.md": "Title: Zepsuty obrazek\nDate: 2026-11-01 "
                                  "10:00\n\n![Sala]({static}/images/zepsuty.jpg)\n",
    })
    (content / "images").mkdir()
    (content / "images/zepsuty.jpg").write_bytes(b"to nie jest obrazek")
    with pytest.raises(SystemExit) as failure:
        build(tmp_path / "out", content=content, IMAGES_CACHE_PATH=str(tmp_path / "cache"))
    assert [p.split(": ")[0:2] for p in failure.value.problems] == [["images/zepsuty.jpg:1", "obrazek"]]
