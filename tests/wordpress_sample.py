# ruff: noqa: E501 - the posts' HTML is kept on one line each, as WordPress keeps it.
"""A small export shaped like the centre's WordPress site: news in the classic
editor and in Gutenberg, an appeal, pages with a parent, trainings from The
Events Calendar (timed, all-day, online, recurring, cancelled), pictures with
resized variants, a PDF, drafts of every kind, menu items and revisions."""

from klucz_harness.wordpress import SITE, Wxr, php, uploads

UPLOADS = {
    "2016/06/sala-szkoleniowa.jpg": (2000, 1333),
    "2016/06/sala-szkoleniowa-300x200.jpg": (300, 200),
    "2016/06/sala-szkoleniowa-1024x683.jpg": (1024, 683),
    "2016/06/doradztwo-spotkanie.jpg": (1200, 800),
    "2016/06/doradztwo-spotkanie-300x200.jpg": (300, 200),
    "2017/03/Spółdzielnia Piotrków.jpg": (1600, 1067),
    "2017/03/targi-1.jpg": (800, 600),
    "2017/03/targi-2.jpg": (800, 600),
    "2016/06/regulamin-doradztwa.pdf": (3, 0),
}

CLASSIC = """Od czerwca grupy inicjatywne i organizacje mogą korzystać z <strong>bezpłatnego doradztwa</strong>.
Spotykamy się w biurze przy ul. Pomorskiej 40 w Łodzi.

[caption id="attachment_901" align="aligncenter" width="300"]<a href="{site}/wp-content/uploads/2016/06/sala-szkoleniowa.jpg"><img class="size-medium wp-image-901" src="{site}/wp-content/uploads/2016/06/sala-szkoleniowa-300x200.jpg" alt="" width="300" height="200" /></a> Sala szkoleniowa w biurze przy Pomorskiej[/caption]

Zobacz też <a href="{site}/?p=102">relację z targów</a> i stronę <a href="{site}/o-nas/">O nas</a>. Regulamin: <a href="{site}/wp-content/uploads/2016/06/regulamin-doradztwa.pdf">regulamin doradztwa (PDF)</a>.

[contact-form-7 id="55" title="Zapisy na doradztwo"]

Dziękujemy &#8211; do zobaczenia&nbsp;w biurze!"""

GUTENBERG = """<!-- wp:paragraph -->
<p>Na targach w Piotrkowie spotkało się 30 podmiotów ekonomii społecznej &#8222;z całego regionu&#8221;.</p>
<!-- /wp:paragraph -->

<!-- wp:heading {{"level":1}} -->
<h1>Co się działo</h1>
<!-- /wp:heading -->

<!-- wp:image {{"id":903,"sizeSlug":"large"}} -->
<figure class="wp-block-image size-large"><img src="{site}/wp-content/uploads/2017/03/Spółdzielnia Piotrków.jpg" alt="" class="wp-image-903"/><figcaption>Stoisko spółdzielni socjalnej z Piotrkowa</figcaption></figure>
<!-- /wp:image -->

<!-- wp:list -->
<ul><li>warsztaty dla samorządów,</li><li>doradztwo na miejscu.</li></ul>
<!-- /wp:list -->

<!-- wp:embed {{"url":"https://www.youtube.com/watch?v=abc123","type":"video"}} -->
<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=abc123
</div></figure>
<!-- /wp:embed -->

<!-- wp:shortcode -->
[gallery ids="904,905" columns="2"]
<!-- /wp:shortcode -->

<!-- wp:block {{"ref":160}} /-->

<!-- wp:paragraph -->
<p>Więcej o doradztwie: <a href="{site}/2016/06/20/ruszylo-doradztwo/">Ruszyło doradztwo</a>.</p>
<!-- /wp:paragraph -->"""


def sample_export(folder):
    """(export path, uploads folder) of the sample, written into `folder`."""
    wxr = Wxr()
    s = SITE
    news = [("category", "aktualnosci", "Aktualności")]
    wxr.picture(901, "2016/06/sala-szkoleniowa.jpg", alt="Sala szkoleniowa z rzędami krzeseł", parent=101)
    wxr.picture(902, "2016/06/doradztwo-spotkanie.jpg", parent=101)
    wxr.picture(903, "2017/03/Spółdzielnia Piotrków.jpg", parent=102)
    wxr.picture(904, "2017/03/targi-1.jpg", alt="Stoiska na targach", caption="Hala targowa", parent=102)
    wxr.picture(905, "2017/03/targi-2.jpg", alt="Rozmowa przy stoisku", parent=102)
    wxr.item(906, "attachment", title="regulamin-doradztwa", name="regulamin-doradztwa", status="inherit",
             parent=101, link=f"{s}/?attachment_id=906", attachment_url=f"{s}/wp-content/uploads/2016/06/regulamin-doradztwa.pdf",
             meta={"_wp_attached_file": "2016/06/regulamin-doradztwa.pdf"})
    wxr.item(101, title="Ruszyło doradztwo dla grup inicjatywnych", name="ruszylo-doradztwo",
             date="2016-06-20 09:00:00", content=CLASSIC.format(site=s),
             excerpt="Od czerwca bezpłatne doradztwo Centrum KLUCZ.",
             terms=news + [("post_tag", "doradztwo", "doradztwo"), ("post_tag", "spoldzielnie", "spółdzielnie socjalne")],
             meta={"_thumbnail_id": "902", "_wp_old_slug": ["doradztwo-rusza", "doradztwo-od-czerwca"]}, comments=2)
    wxr.item(102, title="Targi ekonomii społecznej w Piotrkowie", name="targi-piotrkow-2017",
             date="2017-03-15 12:30:00", content=GUTENBERG.format(site=s),
             terms=news + [("category", "ekonomia-spoleczna", "Ekonomia społeczna")])
    wxr.item(109, title="Spotkanie w Łodzi &#8211; relacja", name="%c5%82%c3%b3d%c5%ba-spotkanie",
             date="2016-07-01 18:00:00", content="<p>Spotkanie partnerów w Łodzi.</p>", terms=news,
             link=f"{s}/2016/07/01/%c5%82%c3%b3d%c5%ba-spotkanie/")
    wxr.item(103, title="Dodaj nam MOCy! Wesprzyj Centrum", name="dodaj-nam-mocy-2027",
             status="future", date="2027-01-10 10:00:00",
             content="<!-- wp:paragraph --><p>Twoja darowizna to doradztwo dla kolejnych grup.</p><!-- /wp:paragraph -->",
             terms=[("category", "dodaj-nam-mocy", "Dodaj nam MOCy")])
    wxr.item(104, title="Szkic: podsumowanie roku", name="", status="draft", date="2016-12-01 10:00:00",
             content="Tekst w przygotowaniu.", terms=news)
    wxr.item(105, title="Do przeglądu: nowe dotacje", name="", status="pending", date="2016-12-02 10:00:00",
             content="Czeka na akceptację.", terms=news)
    wxr.item(106, title="Notatka wewnętrzna", name="notatka-wewnetrzna", status="private", date="2016-12-03 10:00:00",
             content="Tylko dla zespołu.", terms=news)
    wxr.item(107, title="Stary wpis w koszu", name="stary-wpis__trashed", status="trash", content="x", terms=news)
    wxr.item(108, title="Auto Draft", name="", status="auto-draft", content="")
    wxr.item(110, "page", title="O nas", name="o-nas", date="2016-01-10 10:00:00",
             content="<p>Centrum KLUCZ to Ośrodek Wsparcia Ekonomii Społecznej.</p>")
    wxr.item(111, "page", title="Historia Centrum", name="historia", date="2016-01-11 10:00:00", parent=110,
             parent_path="/o-nas", content="<p>Działamy od 2004 roku.</p>")
    wxr.item(120, "tribe_venue", title="Miejska Biblioteka Publiczna", name="mbp-skierniewice", status="publish",
             link=f"{s}/miejsce/mbp/", meta={"_VenueAddress": "ul. Pomologiczna 6", "_VenueCity": "Skierniewice",
                                            "_VenueZip": "96-100", "_VenueCountry": "Polska"})
    wxr.item(121, "tribe_venue", title="Online", name="online", status="publish", link=f"{s}/miejsce/online/")
    wxr.item(122, "tribe_organizer", title="Anna Kowalska", name="anna-kowalska", status="publish",
             link=f"{s}/organizator/anna/", meta={"_OrganizerEmail": "szkolenia@instytutsprawobywatelskich.pl",
                                                  "_OrganizerPhone": "42 630 17 49"})
    wxr.item(130, "tribe_events", title="ABC Ekonomii Społecznej – Skierniewice", name="abc-skierniewice",
             date="2016-04-05 10:00:00", content="<p>Jednodniowe szkolenie wprowadzające.</p>",
             terms=[("tribe_events_cat", "abc", "ABC Ekonomii Społecznej")],
             meta={"_EventStartDate": "2016-04-21 10:00:00", "_EventEndDate": "2016-04-21 15:00:00",
                   "_EventStartDateUTC": "2016-04-21 08:00:00", "_EventEndDateUTC": "2016-04-21 13:00:00",
                   "_EventTimezone": "Europe/Warsaw", "_EventVenueID": "120", "_EventOrganizerID": "122",
                   "_EventCost": "0", "_EventURL": "https://formularze.example.org/abc-2016"})
    wxr.item(131, "tribe_events", title="Targi Ekonomii Społecznej 2017", name="targi-2017",
             date="2017-02-01 10:00:00", content="<p>Dwa dni targów.</p>",
             meta={"_EventStartDate": "2017-05-12 00:00:00", "_EventEndDate": "2017-05-13 23:59:59",
                   "_EventStartDateUTC": "2017-05-11 22:00:00", "_EventEndDateUTC": "2017-05-13 21:59:59",
                   "_EventAllDay": "yes", "_EventTimezone": "Europe/Warsaw", "_EventVenueID": "120",
                   "_EventCost": "50 zł"})
    wxr.item(132, "tribe_events", title="Webinar: spółdzielnia socjalna", name="webinar-spoldzielnia",
             date="2016-10-01 10:00:00", content="<p>Spotkanie online.</p>",
             meta={"_EventStartDate": "2016-10-20 17:00:00", "_EventEndDate": "2016-10-20 18:30:00",
                   "_EventTimezone": "UTC+2", "_EventVenueID": "121", "_EventCost": "bezpłatne"})
    wxr.item(133, "tribe_events", title="Dyżur doradczy", name="dyzur-doradczy", date="2016-09-01 10:00:00",
             content="<p>Co tydzień w czwartki.</p>",
             meta={"_EventStartDate": "2016-09-08 10:00:00", "_EventEndDate": "2016-09-08 12:00:00",
                   "_EventStartDateUTC": "2016-09-08 08:00:00", "_EventEndDateUTC": "2016-09-08 10:00:00",
                   "_EventTimezone": "Europe/Warsaw",
                   "_EventRecurrence": php({"rules": {0: {"type": "Every Week", "end-type": "After",
                                                          "end-count": 10}}, "exclusions": {}})})
    wxr.item(134, "tribe_events", title="Warsztat odwołany", name="warsztat-odwolany", date="2016-11-01 10:00:00",
             content="<p>Warsztat się nie odbędzie.</p>",
             meta={"_EventStartDate": "2016-11-15 10:00:00", "_EventEndDate": "2016-11-15 14:00:00",
                   "_EventStartDateUTC": "2016-11-15 09:00:00", "_EventEndDateUTC": "2016-11-15 13:00:00",
                   "_EventTimezone": "Europe/Warsaw", "_tribe_events_status": "canceled"})
    wxr.item(140, "nav_menu_item", title="", name="140", status="publish", link=f"{s}/?p=140")
    wxr.item(141, "nav_menu_item", title="", name="141", status="publish", link=f"{s}/?p=141")
    wxr.item(150, "revision", title="Ruszyło doradztwo", name="101-revision-v1", status="inherit", parent=101,
             link=f"{s}/?p=150")
    wxr.item(160, "wp_block", title="Stopka z kontaktem", name="stopka", status="publish", link=f"{s}/?p=160",
             content="<p>Zadzwoń: 42 630 17 49</p>")
    export = wxr.write(folder / "eksport.xml")
    return export, uploads(folder / "uploads", UPLOADS)
