"""The cms plugin's settings with their defaults (documented in README.md)."""

from klucz.strict_build import Setting, declare

SETTINGS = declare(
    Setting("CMS_PATH", "admin", "Where the editor lives on the site: /admin/."),
    Setting(
        "CMS_BUNDLE",
        None,
        "The built editor (npm package decap-cms, pinned in editor/package-lock.json); None: "
        "editor/node_modules/decap-cms/dist in this checkout.",
        kind=str,
    ),
    Setting(
        "CMS_REQUIRED",
        False,
        "True: a build without the editor fails (the live site, publishconf.py); False: the site is built without "
        "/admin/ and a one-line notice says why.",
    ),
    Setting(
        "CMS_BACKEND",
        {"name": "gitlab", "repo": "instytut-spraw-obywatelskich/centrum-klucz", "branch": "main"},
        "The git host the editor saves to (Decap's `backend`): GitLab, Gitea / Forgejo or GitHub; README.md says what "
        "to set up for each.",
    ),
    Setting(
        "CMS_LOCAL_BACKEND",
        False,
        "The editor's local proxy (decap-server, `make cms`) on this computer: False, True "
        "(http://localhost:8081/api/v1) or the proxy's API address.",
        kind=(bool, str),
    ),
    Setting(
        "CMS_EDITORIAL_WORKFLOW",
        True,
        "Drafts, review and a coordinator who publishes (Decap's editorial workflow).",
    ),
    Setting("CMS_MEDIA_FOLDER", "images", "Uploaded pictures: the folder inside the content folder."),
    Setting("CMS_IMAGE_MAX_WIDTH", 1600,
            "Pictures uploaded in the editor are made this wide at most, as JPEG quality CMS_IMAGE_QUALITY and "
            "without their metadata (a phone's location), in the browser, before they enter the repository."),
    Setting("CMS_IMAGE_QUALITY", 82, "JPEG/WebP quality of pictures uploaded in the editor."),
    Setting(
        "CMS_REPO_ROOT",
        None,
        "The checkout the editor saves into; None: the folder above the content folder.",
        kind=str,
    ),
    Setting(
        "CMS_COLLECTIONS",
        [
            {
                "name": "aktualnosci",
                "label": "Aktualności",
                "label_singular": "wpis",
                "folder": "aktualnosci",
                "plugins": ["klucz.authoring", "klucz.donations", "klucz.serving"],
                "extra": ["Image", "Image-Alt", "Description"],
                "skip": ["Template", "URL", "Save_as"],
            },
            {
                "name": "szkolenia",
                "label": "Szkolenia",
                "label_singular": "szkolenie",
                "folder": "szkolenia",
                "plugins": ["klucz.authoring", "klucz.events", "klucz.donations", "klucz.serving"],
                "extra": ["Image", "Image-Alt", "Description"],
                "skip": ["Template", "URL", "Save_as", "Event-UID", "Event-Sequence"],
            },
            {
                "name": "wesprzyj",
                "label": "Apele (Dodaj nam MOCy!)",
                "label_singular": "apel",
                "folder": "wesprzyj",
                "plugins": ["klucz.authoring", "klucz.donations", "klucz.serving"],
                "extra": ["Image", "Image-Alt", "Description"],
                "skip": ["Template", "URL", "Save_as"],
            },
            {
                "name": "strony",
                "label": "Strony",
                "label_singular": "strona",
                "folder": "pages",
                "plugins": ["klucz.authoring", "klucz.serving"],
                "extra": "*",
                "skip": ["Date", "Tags", "Template", "URL", "Save_as"],
            },
            {"name": "strona-glowna", "label": "Strona główna", "file_from": "klucz.home"},
        ],
        "What the editor lists. Each: name, label, label_singular, folder (in the content folder), plugins (whose "
        "FIELDS the form shows, \"extra\" = the fields of AUTHORING_EXTRA_FIELDS named in `extra`), skip (fields not "
        "in the form: they stay in the file as they are); or name, label and file_from: a plugin whose `editor_file` "
        "describes one data file's form.",
    ),
)

setting = SETTINGS.get
