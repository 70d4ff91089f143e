"""The importer's settings, declared once here; a site may set them in
pelicanconf.py (they are not a plugin's, so a build ignores them)."""

from klucz.strict_build import Setting, declare

SETTINGS = declare(
    Setting(
        "WORDPRESS_CATEGORIES",
        {
            "aktualnosci": "aktualnosci",
            "news": "aktualnosci",
            "wydarzenia": "aktualnosci",
            "wesprzyj": "wesprzyj",
            "apele": "wesprzyj",
            "darowizny": "wesprzyj",
            "dodaj-nam-mocy": "wesprzyj",
            "1-procent": "wesprzyj",
            "1-5-procent": "wesprzyj",
        },
        "WordPress category (its slug) -> the folder its posts go to (aktualnosci or wesprzyj); "
        "a post in none of them goes to WORDPRESS_DEFAULT_FOLDER, noted in the report.",
    ),
    Setting("WORDPRESS_DEFAULT_FOLDER", "aktualnosci", "Folder of posts whose categories are not mapped."),
    Setting("WORDPRESS_TRAININGS_FOLDER", "szkolenia", "Folder of The Events Calendar's events."),
    Setting("WORDPRESS_RECORD", "wordpress-import.json",
            "In the content folder: what each import wrote (file and checksum), so a second run changes "
            "nothing imported and never overwrites a file staff have edited."),
    Setting("WORDPRESS_REPORT", "raport-importu.txt", "The import's report (Polish), beside the content folder."),
    Setting("WORDPRESS_IMAGE_MAX_WIDTH", 1600, "Pictures wider than this are made smaller as they are copied."),
    Setting("WORDPRESS_IGNORED_CATEGORIES", ("uncategorized", "bez-kategorii"),
            "Categories that become neither a folder nor a tag."),
)
setting = SETTINGS.get
