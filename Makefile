# Centrum KLUCZ: build, preview and test the site. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
PORT ?= 8000
PELICANOPTS ?=
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.installed-test
# Lighthouse (npm, pinned in audit/package-lock.json), installed where npm exists.
AUDIT_INSTALLED := audit/node_modules/.installed
NPM := $(shell command -v npm 2>/dev/null)
# The web editor (Decap CMS and its local proxy, pinned in editor/package-lock.json).
EDITOR_INSTALLED := editor/node_modules/.installed
CMS_PORT ?= 8081
# The sign-up service (signups/, Django): SQLite in dane-zapisow/ unless DATABASE_URL says otherwise.
SIGNUPS_PORT ?= 8001

.DEFAULT_GOAL := help

help:
	@echo 'Centrum KLUCZ: strona w Pelicanie'
	@echo ''
	@echo 'Użycie:'
	@echo '  make html          zbuduj stronę (wersja robocza) do $(OUTPUTDIR)/'
	@echo '  make clean         usuń zbudowaną stronę'
	@echo '  make regenerate    przebudowuj $(OUTPUTDIR)/ po każdej zmianie plików (błąd nie przerywa)'
	@echo '  make serve         zbuduj i pokaż stronę na http://localhost:$(PORT)'
	@echo '  make devserver     podgląd na żywo ze szkicami: przebudowa i odświeżenie po zapisaniu pliku'
	@echo '  make cms           edytor w przeglądarce (http://localhost:$(PORT)/admin/) z podglądem na żywo'
	@echo '  make signups       serwis zapisów na szkolenia (port $(SIGNUPS_PORT)); panel zespołu: /zapisy/admin/'
	@echo '  make signups-admin załóż konto do panelu zapisów'
	@echo '  make check         sprawdź wszystkie wpisy i wypisz każdy problem'
	@echo '  make import WXR=eksport.xml UPLOADS=wp-content/uploads   przenieś stronę z WordPressa do content/ (raport: raport-importu.txt)'
	@echo '  make newpost TITLE="…"      nowy wpis w aktualnosci/ z szablonu (WHEN="3.12.2026 10:00": publikacja zaplanowana)'
	@echo '  make newtraining TITLE="…"  nowe szkolenie w szkolenia/ z szablonu (WHEN="14.01.2027 10:00": początek)'
	@echo '  make newappeal TITLE="…"    nowy apel w wesprzyj/ z szablonu'
	@echo '  make publish       zbuduj stronę do publikacji (SITEURL=https://...)'
	@echo '  make deploy        sprawdź, zbuduj i wyślij stronę publiczną tam, gdzie wskazuje DEPLOY_TARGET'
	@echo '  make rollback      przywróć poprzednie wydanie strony (SSH, folder)'
	@echo '  make draft         (w potoku, na gałęzi szkicu z edytora) sprawdź szkic, wyślij jego podgląd i podaj wynik edytorowi'
	@echo '  make test          uruchom wszystkie testy'
	@echo '  make audit         Lighthouse (telefon): cztery wyniki dla głównych typów stron'
	@echo '  make screenshots   zdjęcia każdego typu strony: telefon i komputer (do screenshots/)'
	@echo '  make fuzz          losowe zmiany treści: przebudowa zawsze równa pełnej (SEED=1 STEPS=200)'
	@echo '  make bench-import  pomiar importu z WordPressa: 1000 wpisów i eksport 50 MB'
	@echo '  make bench-signups pomiar serwisu zapisów: 500 zgłoszeń naraz na 20 miejsc, potem kill -9'
	@echo '  make lint          sprawdź kod Pythona (ruff check)'
	@echo '  make bench         pomiar czasu budowania (POSTS=1000 RUNS=5) wobec zwykłego Pelicana'
	@echo ''
	@echo 'Pierwsze uruchomienie tworzy środowisko $(VENV)/ z przypiętymi zależnościami.'

# The virtual environment with the site installed from pyproject.toml (the
# `klucz` package, editable: a change in plugins/ counts at once), every
# version from constraints.txt. The site's targets install what the site needs;
# `make test` and the other developer targets add the extra `test`.
PIP := $(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt
$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml constraints.txt | $(VENV)/bin/python
	$(PIP) -e .
	touch $@

$(TEST_INSTALLED): $(INSTALLED) pyproject.toml constraints.txt
	$(PIP) -e '.[test]'
	touch $@

$(EDITOR_INSTALLED): editor/package.json editor/package-lock.json
	npm ci --prefix editor --no-audit --no-fund --loglevel=error
	touch $@

$(AUDIT_INSTALLED): audit/package.json audit/package-lock.json
	npm ci --prefix audit --no-audit --no-fund --loglevel=error
	touch $@

# The render_cache plugin writes the build into $(OUTPUTDIR).new and changes
# $(OUTPUTDIR) only when the build succeeded, so a failed build never leaves a
# half-written site where the last good one was. In development it also skips
# pages whose inputs did not change; publishconf.py builds everything.
# klucz-build (klucz.commands.build) is Pelican's command line that ends a failed build with the
# list of problems, never a traceback (DEBUG=1 shows it).
define build_site
	$(BIN)/klucz-build $(INPUTDIR) -o $(OUTPUTDIR) -s $(1) $(PELICANOPTS)
endef

# FULL=1: build everything, reusing nothing from the last build.
html: $(INSTALLED) $(if $(NPM),$(EDITOR_INSTALLED))
	$(call build_site,$(CONFFILE)) $(if $(FULL),-e RENDER_CACHE_PAGES=false CACHE_CONTENT=false LOAD_CONTENT_CACHE=false)

clean:
	rm -rf $(OUTPUTDIR) $(OUTPUTDIR).new $(OUTPUTDIR).old .podglad .podglad.new .podglad.old

regenerate: $(INSTALLED)
	$(BIN)/klucz-preview --no-serve -s $(CONFFILE) --content $(INPUTDIR) --output $(OUTPUTDIR)

# The site as a visitor meets it, with the sign-up service beside it at /zapisy/.
serve: html
	$(BIN)/klucz-serve $(OUTPUTDIR) --port $(PORT) --signups $(SIGNUPS_PORT)

# The sign-up service alone (its panel: /zapisy/admin/; a login: make signups-admin).
signups: $(INSTALLED)
	$(BIN)/klucz-signups serve --port $(SIGNUPS_PORT) --trainings $(OUTPUTDIR)/szkolenia/zapisy.json

signups-admin: $(INSTALLED)
	$(BIN)/klucz-signups manage createsuperuser

devserver: $(INSTALLED) $(if $(NPM),$(EDITOR_INSTALLED))
	$(BIN)/klucz-preview -s $(CONFFILE) --content $(INPUTDIR) --port $(PORT)

# The editor saves into content/ through its local proxy; the preview rebuilds.
cms: $(INSTALLED) $(EDITOR_INSTALLED)
	$(BIN)/klucz-cms -s $(CONFFILE) --content $(INPUTDIR) --port $(PORT) --proxy-port $(CMS_PORT)

check: $(INSTALLED)
	$(BIN)/klucz-check -s $(CONFFILE) --content $(INPUTDIR)

# Moving the old WordPress site in: WXR=the export (.xml), UPLOADS=the old
# server's wp-content/uploads folder (or its https:// address). Run again at
# will: nothing imported changes, no file staff edited is overwritten.
import: $(INSTALLED)
	@test -n "$(WXR)" || { echo 'BŁĄD: podaj plik eksportu: make import WXR=eksport.xml UPLOADS=wp-content/uploads'; exit 1; }
	$(BIN)/klucz-import "$(WXR)" --uploads "$(UPLOADS)" --settings $(CONFFILE) --content $(INPUTDIR)

newpost: $(INSTALLED)
	$(BIN)/klucz-new post "$(TITLE)" --when "$(WHEN)" --content $(INPUTDIR)

newtraining: $(INSTALLED)
	$(BIN)/klucz-new training "$(TITLE)" --when "$(WHEN)" --content $(INPUTDIR)

newappeal: $(INSTALLED)
	$(BIN)/klucz-new appeal "$(TITLE)" --when "$(WHEN)" --content $(INPUTDIR)

publish: $(INSTALLED) $(if $(NPM),$(EDITOR_INSTALLED))
	$(call build_site,$(PUBLISHCONF))

# The live site: one build with publishconf.py, which is also the check (every
# problem listed as `make check` lists them) and becomes $(OUTPUTDIR) only when
# it succeeded; then sent where DEPLOY_TARGET points. Any failure stops it
# before anything is uploaded.
deploy: $(INSTALLED) $(if $(NPM),$(EDITOR_INSTALLED))
	$(BIN)/klucz-check -s $(PUBLISHCONF) --content $(INPUTDIR) --output $(OUTPUTDIR)
	$(BIN)/klucz-deploy -s $(PUBLISHCONF) --output $(OUTPUTDIR)

# A draft from the live editor (its branch checked out): checked, built as the
# live site with drafts shown, sent where DEPLOY_PREVIEW_TARGET points, and its
# result given to the git host as the commit's status (README: Podgląd szkicu).
draft: $(INSTALLED) $(if $(NPM),$(EDITOR_INSTALLED))
	$(BIN)/klucz-draft -s $(PUBLISHCONF) --content $(INPUTDIR)

rollback: $(INSTALLED)
	$(BIN)/klucz-deploy rollback -s $(PUBLISHCONF)

test: $(TEST_INSTALLED) $(if $(NPM),$(AUDIT_INSTALLED) $(EDITOR_INSTALLED))
	$(BIN)/python -m pytest $(PYTESTOPTS)

audit: $(TEST_INSTALLED) $(AUDIT_INSTALLED)
	$(BIN)/python audit/audit.py --min $(or $(MIN),0)

screenshots: $(TEST_INSTALLED)
	$(BIN)/python audit/screenshots.py --out screenshots

# Seeded random edits, each rebuild compared byte for byte with a full build.
SEED ?= 1
STEPS ?= 200
fuzz: $(TEST_INSTALLED)
	$(BIN)/python tests/differential.py --seed $(SEED) --steps $(STEPS)

POSTS ?= 1000
RUNS ?= 5
bench: $(TEST_INSTALLED)
	$(BIN)/python bench/bench.py --posts $(POSTS) --runs $(RUNS)
	$(BIN)/python bench/preview.py --saves 7
	$(BIN)/python bench/preview.py --posts $(POSTS) --saves 3

# The WordPress import: 1,000 items (news, pages, trainings, pictures) and a
# 50 MB export, time and peak memory.
bench-import: $(INSTALLED)
	$(BIN)/python bench/wordpress.py

# The sign-up service: 500 sign-ups at once for 20 seats, then a kill -9 mid-run.
bench-signups: $(INSTALLED)
	$(BIN)/python bench/signups.py

lint: $(TEST_INSTALLED)
	$(BIN)/ruff check .

.PHONY: import bench-import bench-signups signups signups-admin lint help html clean regenerate serve devserver publish deploy rollback draft test audit fuzz bench check newpost newtraining newappeal cms screenshots
