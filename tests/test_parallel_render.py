"""Pages rendered by two processes (render_cache/parallel.py) make the same
site, and what the second process reports reaches the build."""

import pytest
from PIL import Image

from sitebuild import ROOT, build, scenario

TWO = {"RENDER_CACHE_PROCESSES": 2, "RENDER_CACHE_PARALLEL_MINIMUM": 1}
ONE = {"RENDER_CACHE_PROCESSES": 1}


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def posts_with_image(tmp_path, image, count):
    """`count` posts, each showing images/<image> (not made here)."""
    posts = {
        f"aktualnosci/wpis_{i}.md": f"Title: Wpis {i}\nDate: 2026-11-{10 + i} 10:00\n\n![Sala]({{static}}/images/{image})\n"
        for i in range(count)
    }
    content = scenario(tmp_path, "clean", posts)
    (content / "images").mkdir()
    return content


def test_two_processes_make_the_same_site(tmp_path):
    one = tree(build(tmp_path / "one", **ONE))
    two = tree(build(tmp_path / "two", **TWO))
    assert len(one) > 80
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    # The sitemap lists the pages the second process wrote too.
    sitemap = two["sitemap.xml"].decode()
    assert sitemap.count("<loc>") > 50 and "/aktualnosci/ruszylo-doradztwo-ogolne-i-specjalistyczne/" in sitemap


def test_a_problem_found_by_the_second_process_fails_the_build(tmp_path):
    content = posts_with_image(tmp_path, "zepsuty.jpg", 8)
    (content / "images/zepsuty.jpg").write_bytes(b"to nie jest obrazek")
    problems = {}
    for name, processes in (("one", ONE), ("two", TWO)):
        with pytest.raises(SystemExit) as failure:
            build(tmp_path / name, content=content, IMAGES_CACHE_PATH=str(tmp_path / f"cache-{name}"), **processes)
        problems[name] = sorted(failure.value.problems)
        assert not (tmp_path / name).exists()
    # Every page with the image reports it, whichever process wrote the page.
    assert len(problems["one"]) == 8
    assert problems["two"] == problems["one"]


def test_pages_with_images_get_their_sizes_in_either_process(tmp_path):
    content = posts_with_image(tmp_path, "sala.png", 6)
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(content / "images/sala.png")
    out = build(tmp_path / "out", content=content, IMAGES_CACHE_PATH=str(tmp_path / "cache"), **TWO)
    for i in range(6):
        page = (out / f"aktualnosci/wpis-{i}/index.html").read_text(encoding="utf-8")
        assert 'width="1200" height="800"' in page and "srcset=" in page
    assert ROOT.exists()
