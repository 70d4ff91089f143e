"""The import's report, in Polish: counts per kind, what was left out and
why, and each thing staff must do, with the file and line."""

from .importer import DRAFT_STATUSES, NOT_POSTS, one_line

KIND_NAMES = {"aktualnosci": "aktualności", "wesprzyj": "apele", "szkolenia": "szkolenia", "pages": "strony"}
RESULTS = {"written": "nowe pliki", "updated": "zaktualizowane", "unchanged": "bez zmian",
           "kept": "pominięte (zmienione przez zespół po imporcie)", "deleted": "pominięte (usunięte po imporcie)",
           "existing": "już były na stronie"}


def report(importer, export_path):
    e, lines = importer.export, []
    lines.append(f"Import z WordPressa: {e.title or 'bez nazwy'} ({e.base_blog_url or e.link or 'adres nieznany'})")
    lines.append(f"Plik eksportu: {export_path}" + (f" (WXR {e.version})" if e.version else ""))
    lines.append("")
    lines.append("Wpisy i strony:")
    by_folder = {}
    for plan in importer.plans:
        counts = by_folder.setdefault(plan.folder, {"all": 0, "draft": 0, "future": 0})
        counts["all"] += 1
        if not plan.public:
            counts["draft"] += 1
        elif plan.item.status == "future":
            counts["future"] += 1
    for folder, counts in sorted(by_folder.items()):
        extra = [f"szkice: {counts['draft']}" if counts["draft"] else "",
                 f"zaplanowane: {counts['future']}" if counts["future"] else ""]
        extra = ", ".join(x for x in extra if x)
        said = f" ({extra})" if extra else ""
        lines.append(f"  {KIND_NAMES.get(folder, folder)} ({folder}/): {counts['all']}{said}")
    results = {}
    for plan in importer.plans:
        results[plan.result] = results.get(plan.result, 0) + 1
    lines.append("  " + "; ".join(f"{RESULTS.get(k, k)}: {v}" for k, v in sorted(results.items())))
    aliases = sum(len(p.aliases) for p in importer.plans if p.result in ("written", "updated", "unchanged"))
    lines.append(f"Dawne adresy zachowane (Aliases, przekierowanie 301): {aliases}")
    copied = importer.media.copied
    lines.append(f"Zdjęcia i pliki: skopiowane zdjęcia: {copied['images']}, inne pliki: {copied['pliki']}, "
                 f"już skopiowane wcześniej: {copied['unchanged']}, zmniejszone do "
                 f"{importer.media.max_width} px szerokości: {copied['smaller']}, "
                 f"brakujące: {len(importer.media.missing)}")
    lines.append(f"Dawne adresy zdjęć i plików (przekierowanie 301, content/przeniesione-pliki.txt): "
                 f"nowych {importer.moved_files}")
    lines.append(f"Komentarze: {importer.comments} (nie importujemy: strona nie ma komentarzy)")
    lines.append("")
    lines.append("Nie zaimportowano:")
    left = 0
    for kind, count in sorted(importer.not_posts.items()):
        why = NOT_POSTS.get(kind, "typ treści, którego ta strona nie ma: przenieś ręcznie, jeśli jest potrzebny")
        lines.append(f"  - {kind}: {count} – {why}")
        left += 1
    for item, why in importer.skipped:
        title = one_line(item.title) or "bez tytułu"
        lines.append(f"  - „{title}” (nr {item.id}, {item.type or 'bez typu'}, wiersz {item.line} eksportu) – {why}")
        left += 1
    if not left:
        lines.append("  nic")
    if importer.unknown_categories:
        lines.append("")
        lines.append("Kategorie bez własnego działu (wpisy trafiły do aktualności; ustawienie WORDPRESS_CATEGORIES):")
        for name, count in sorted(importer.unknown_categories.items()):
            lines.append(f"  - {name}: {count}")
    if e.faults:
        lines.append("")
        lines.append(f"Plik eksportu jest uszkodzony ({len(e.faults)} miejsc); "
                     "wczytano wszystko, co dało się odczytać:")
        for line, column, message in e.faults[:20]:
            lines.append(f"  - wiersz {line}, kolumna {column}: {message}")
        if len(e.faults) > 20:
            lines.append(f"  … i {len(e.faults) - 20} dalszych")
    lines.append("")
    problems = sorted(importer.problems, key=lambda p: (p.file, p.line))
    lines.append(f"Do zrobienia ({len(problems)}):" if problems else "Do zrobienia: nic")
    for p in problems:
        lines.append(f"  content/{p.file}:{p.line}: {p.message}")
    drafts = [p for p in importer.plans if not p.public and p.result in ("written", "updated", "unchanged")]
    if drafts:
        lines.append("")
        lines.append("Szkice (Status: draft, niewidoczne publicznie, do przejrzenia): " + str(len(drafts)))
        for plan in drafts:
            lines.append(f"  content/{plan.file} – {DRAFT_STATUSES.get(plan.item.status, 'chroniony hasłem')}")
    return "\n".join(lines) + "\n"
