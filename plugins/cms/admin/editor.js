/* The site's additions to Decap CMS: Pelican's file format, a preview that
 * looks like the site (its own stylesheet and the post layout), and the
 * problems the last build found in the file being edited, in Polish.
 *
 * Problems come from the live preview of `make cms` (/__podglad/problemy.json,
 * renewed at every save) or, on the live site, from the last build
 * (problemy.json beside this script). */
(function () {
  "use strict";
  var script = document.currentScript;
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  var contentFolder = (script.getAttribute("data-content") || "content").replace(/\/$/, "");

  CMS.registerCustomFormat("pelican", "md", window.KluczFormat.makeFormat(window.KLUCZ_FIELDS));
  CMS.registerPreviewStyle(script.getAttribute("data-style"));
  CMS.registerPreviewStyle(
    ".edytor-uwagi{margin:0 0 1.5rem;padding:1rem 1.25rem;border-left:.4rem solid #b3261e;background:#fdecea}" +
    ".edytor-uwagi--ostrzezenia{border-color:#8a5a00;background:#fff4df}" +
    ".edytor-uwagi h2{font-size:1.1rem;margin:0 0 .5rem}.edytor-uwagi ul{margin:0;padding-left:1.2rem}" +
    ".edytor-podglad{max-width:48rem;margin:0 auto;padding:1.5rem}",
    { raw: true });

  // A picture in the text, with what it shows asked for and required (the
  // build refuses a picture without alt text and warns about "zdjęcie").
  CMS.registerEditorComponent({
    id: "obraz",
    label: "Obraz",
    fields: [
      { name: "image", label: "Obraz (plik JPG, PNG lub WebP)", widget: "image", required: true },
      { name: "alt", label: "Co widać na obrazku (tekst alternatywny dla osób niewidomych)", widget: "string",
        required: true,
        hint: "Jedno zdanie o tym, co ważne na zdjęciu, np. „Uczestnicy warsztatów przy stole z materiałami”." },
    ],
    pattern: /^!\[([^\]]*)\]\(([^)\s]+)\)$/,
    fromBlock: function (match) { return { alt: match[1], image: match[2] }; },
    toBlock: function (data) { return "![" + (data.alt || "") + "](" + (data.image || "") + ")"; },
    toPreview: function (data, getAsset, fields) {
      var field = fields && fields.find(function (f) { return f.get("widget") === "image"; });
      var src = data.image ? getAsset(data.image, field) : "";
      return h("img", { src: String(src || ""), alt: data.alt || "" });
    },
  });

  // The donation box inside the text: a line [[wesprzyj]] or
  // [[wesprzyj:<campaign>]] (the rich-text editor would otherwise escape it).
  var campaigns = window.KLUCZ_CAMPAIGNS || [];
  CMS.registerEditorComponent({
    id: "wesprzyj",
    label: "Pole wsparcia (Dodaj nam MOCy!)",
    fields: [
      { name: "campaign", label: "Kampania", widget: "select", required: false,
        options: [{ label: "domyślna", value: "" }].concat(campaigns.map(function (c) {
          return { label: c.title + " (" + c.id + ")", value: c.id };
        })),
        hint: "W tym miejscu tekstu pojawi się pole wsparcia z przyciskami; pod wpisem już go nie będzie." },
    ],
    pattern: /^\[\[wesprzyj(?::([a-z0-9-]+))?\]\]$/,
    fromBlock: function (match) { return { campaign: match[1] || "" }; },
    toBlock: function (data) { return data.campaign ? "[[wesprzyj:" + data.campaign + "]]" : "[[wesprzyj]]"; },
    // The box itself, as the build renders it (the campaign shown today).
    toPreview: function (data) {
      return window.KluczPreview.inlineBox(data.campaign) ||
        "<p>Tu pojawi się pole wsparcia" + (data.campaign ? " kampanii " + data.campaign : "") + ".</p>";
    },
  });

  // A copy ("Zduplikuj", "Opublikuj i zduplikuj") is a new post: a
  // training's identity in calendars (Event-UID: the build gives the new file
  // its own), its seat count and change number are not copied, and it is
  // dated the day it is made. A new entry that carries a UID can only be a copy.
  var copying = false;
  document.addEventListener("click", function (event) {
    var target = event.target && event.target.closest ? event.target.closest("button, [role=menuitem], li, a") : null;
    if (target && /zduplikuj\s*$/i.test((target.textContent || "").trim())) copying = true;
  }, true);
  window.addEventListener("hashchange", function () {
    if (!/\/new(\?|$)/.test(window.location.hash)) copying = false;  // the copy was left unsaved
  });

  function pad2(n) { return (n < 10 ? "0" : "") + n; }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (args) {
      var entry = args.entry;
      var data = entry.get("data");
      // Text pasted from Word: bullets as a list, no-break spaces out.
      var body = data.get("body");
      var cleaned = window.KluczFormat.cleanPasted(body);
      if (cleaned !== body) data = data.set("body", cleaned);
      var raw = data.get(window.KluczFormat.RAW) || "";
      var copy = entry.get("newRecord") && (copying || /"key":"event-uid"/.test(raw) || data.get("event-uid"));
      copying = false;
      if (!copy) return data;
      var now = new Date();
      var today = now.getFullYear() + "-" + pad2(now.getMonth() + 1) + "-" + pad2(now.getDate()) + " " +
        pad2(now.getHours()) + ":" + pad2(now.getMinutes());
      // The fields a copy does not keep (Field.copied in the plugins): out of
      // the form's data and out of the header lines kept from the original.
      var dropped = window.KLUCZ_NOT_COPIED || [];
      dropped.forEach(function (key) { data = data.delete(key); });
      if (raw) {
        var parsed = JSON.parse(raw);
        if (parsed.header) {
          parsed.header = parsed.header.filter(function (entry) { return dropped.indexOf(entry.key) === -1; });
          data = data.set(window.KluczFormat.RAW, JSON.stringify(parsed));
        }
      }
      // A date the staff member moved into the future (a scheduled copy) stays.
      var date = window.KluczFormat.normalDate(data.get("date"));
      return !date || date < today ? data.set("date", today) : data;
    },
  });

  // Bold from Word: Word marks bold with <b>, which Decap's rich-text editor
  // ignores on purpose (Google Docs wraps a whole paste in <b
  // style="font-weight:normal">). A paste is taken before the editor sees it
  // (the browser's beforeinput, which the editor reads) and handed on with
  // Word's <b> as <strong>; Google Docs' wrapper and everything else stay.
  function boldFromWord(html) {
    if (!/<b[\s>]/i.test(html)) return null;
    var doc = new DOMParser().parseFromString(html, "text/html");
    var changed = false;
    Array.prototype.slice.call(doc.body.querySelectorAll("b")).forEach(function (b) {
      var weight = (b.style && b.style.fontWeight) || "";
      if (weight === "normal" || (+weight && +weight < 600)) return;
      var strong = doc.createElement("strong");
      while (b.firstChild) strong.appendChild(b.firstChild);
      b.parentNode.replaceChild(strong, b);
      changed = true;
    });
    return changed ? doc.body.innerHTML : null;
  }
  document.addEventListener("beforeinput", function (event) {
    var data = event.dataTransfer;
    if (!event.isTrusted || event.inputType !== "insertFromPaste" || !data) return;
    var target = event.target && event.target.closest ? event.target.closest('[data-slate-editor="true"]') : null;
    var html = target ? boldFromWord(data.getData("text/html")) : null;
    if (html === null) return;
    var copy = new DataTransfer();
    copy.setData("text/html", html);
    copy.setData("text/plain", data.getData("text/plain"));
    event.preventDefault();
    event.stopImmediatePropagation();
    event.target.dispatchEvent(new InputEvent("beforeinput", {
      inputType: "insertFromPaste", dataTransfer: copy, bubbles: true, cancelable: true }));
  }, true);

  // Decap's own English: the screen-reader names of its controls and the
  // workflow board's dates, said in Polish as they appear (a MutationObserver:
  // Decap has no phrase for them). What is left is listed in the README.
  var FIELD_KINDS = { datetime: "pole daty", string: "pole tekstowe", text: "pole tekstowe", number: "pole liczby",
    select: "pole wyboru", list: "pole listy", lista: "pole listy", image: "pole obrazu", file: "pole pliku",
    markdown: "pole treści", boolean: "przełącznik", object: "grupa pól" };
  var NAMES = {
    "Grid view option": "Widok kafelków",
    "List view option": "Widok listy",
    "Account options dropdown": "Menu konta",
    "Strikethrough": "Przekreślenie",
    "Toggle preview": "Przełącz podgląd",
  };
  var ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  var labelOf = {};
  (window.KLUCZ_FIELDS || []).forEach(function (f) { labelOf[f.key] = f.label; });

  function polishName(value) {
    if (NAMES[value]) return NAMES[value];
    var m = /^Set (.+) to now$/.exec(value);
    if (m) return "Wstaw bieżącą datę: " + (labelOf[m[1]] || m[1]);
    m = /^(\w+) field$/.exec(value);
    if (m && FIELD_KINDS[m[1]]) return FIELD_KINDS[m[1]];
    return null;
  }

  function polishText(value) {
    // "December 4", "December 4, 2026" (the workflow board) -> "4 grudnia 2026"
    var months = new RegExp("\\b(" + ENGLISH_MONTHS.join("|") + ") (\\d{1,2})(?:, (\\d{4}))?\\b", "g");
    return value.replace(months, function (all, month, day, year) {
      return day + "\u00a0" + MONTHS[ENGLISH_MONTHS.indexOf(month)] + (year ? " " + year : "");
    });
  }

  function translate(node) {
    if (node.nodeType === 3) {
      var text = polishText(node.nodeValue);
      if (text !== node.nodeValue) node.nodeValue = text;
      return;
    }
    if (node.nodeType !== 1) return;
    ["aria-label", "title", "placeholder"].forEach(function (attribute) {
      var value = node.getAttribute(attribute);
      var polish = value && polishName(value);
      if (polish) node.setAttribute(attribute, polish);
    });
    for (var child = node.firstChild; child; child = child.nextSibling) translate(child);
  }

  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.type === "attributes" || change.type === "characterData") translate(change.target);
      else change.addedNodes.forEach(translate);
    });
  }).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ["aria-label", "title", "placeholder"] });

  // A list typed as people type it: "spółdzielnie socjalne, granty" is two
  // items (Decap's list widget trims each keystroke and runs words together).
  // The text stays as typed while the field has focus; the value is the list.
  // Tags: the site's tags that start like the word being typed are offered.
  function splitList(text) {
    return String(text || "").split(",").map(function (s) { return s.trim(); }).filter(function (s) { return s; });
  }
  function listText(value) {
    var items = value && value.toJS ? value.toJS() : value;
    if (!items) return "";
    return (Array.isArray(items) ? items : [items]).join(", ");
  }
  var ListControl = createClass({
    getInitialState: function () { return { text: listText(this.props.value), focused: false }; },
    componentDidUpdate: function (previous) {
      if (!this.state.focused && previous.value !== this.props.value) {
        var text = listText(this.props.value);
        if (text !== this.state.text) this.setState({ text: text });
      }
    },
    change: function (text) {
      this.setState({ text: text });
      this.props.onChange(splitList(text));
    },
    offered: function () {
      if (this.props.field.get("suggestions") !== "tags") return [];
      var typed = this.state.text.split(",");
      var word = typed[typed.length - 1].trim().toLowerCase();
      if (!word) return [];
      var chosen = splitList(this.state.text).map(function (t) { return t.toLowerCase(); });
      return (window.KLUCZ_TAGS || []).filter(function (tag) {
        var t = tag.toLowerCase();
        return t.indexOf(word) === 0 && t !== word && chosen.indexOf(t) === -1;
      }).slice(0, 8);
    },
    choose: function (tag) {
      var typed = this.state.text.split(",");
      typed[typed.length - 1] = (typed.length > 1 ? " " : "") + tag;
      this.change(typed.join(",") + ", ");
    },
    render: function () {
      var self = this;
      var offered = this.offered();
      var listId = this.props.forID + "-podpowiedzi";
      return h("div", {},
        h("input", {
          type: "text", id: this.props.forID, className: this.props.classNameWrapper, value: this.state.text,
          "aria-describedby": offered.length ? listId : undefined,
          onChange: function (event) { self.change(event.target.value); },
          onFocus: function () { self.setState({ focused: true }); },
          onBlur: function () { self.setState({ focused: false }); },
        }),
        offered.length ? h("div", { id: listId, className: "edytor-podpowiedzi", role: "group",
          "aria-label": "Istniejące tagi" },
          offered.map(function (tag) {
            return h("button", { key: tag, type: "button", className: "edytor-podpowiedz",
              onMouseDown: function (event) { event.preventDefault(); },
              onClick: function () { self.choose(tag); } }, tag);
          })) : null);
    },
  });
  CMS.registerWidget("lista", ListControl, createClass({
    render: function () { return h("span", {}, listText(this.props.value)); },
  }));

  // The date field: day first and a 24-hour clock in any browser (the
  // browser's own date input follows its language: 03/11/2026 would be read
  // as 11 March in an English one). Every form the build reads is accepted and
  // shown as 14.01.2027 10:00; what the build would refuse is said at once
  // under the field, and saving stops with the same words, as do the checks
  // between dates the plugins declare (KLUCZ_RULES: end after start…). A
  // calendar with weeks from Monday sets the day and keeps the time.
  var NOMINATIVE = ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
    "październik", "listopad", "grudzień"];
  var WEEKDAYS = [["Pn", "poniedziałek"], ["Wt", "wtorek"], ["Śr", "środa"], ["Cz", "czwartek"], ["Pt", "piątek"],
    ["So", "sobota"], ["Nd", "niedziela"]];

  function dotted(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(iso || "");
    return m ? m[3] + "." + m[2] + "." + m[1] + (m[4] ? " " + m[4] + ":" + m[5] : "") : String(iso || "");
  }

  function shown(value) {
    if (value == null || value === "") return "";
    var parsed = window.KluczFormat.parseDate(value);
    return parsed.ok ? dotted(parsed.iso) : String(value);
  }

  // The first rule the value breaks, as the build would say it (with the
  // form's labels), or "". A rule is said under its field and, when the other
  // date was the one just typed (the start moved past the end), under that one.
  var lastTyped = "";

  // The date fields of the form on screen (key -> control): their values as
  // typed (Decap hands a field the entry as it was when the field last
  // changed, not as it is now).
  var dateFields = {};

  function currentValue(key, entry) {
    if (dateFields[key]) return dateFields[key].props.value;
    return entry ? entry.getIn(["data", key]) : "";
  }

  function ruleProblem(key, value, entry) {
    var broken = "";
    (window.KLUCZ_RULES || []).forEach(function (rule) {
      if (broken || (rule.field !== key && !(rule.other === key && lastTyped === key))) return;
      var own = window.KluczFormat.parseDate(rule.field === key ? value : currentValue(rule.field, entry));
      var other = window.KluczFormat.parseDate(rule.other === key ? value : currentValue(rule.other, entry));
      if (!own.ok || !other.ok) return;
      var mine = own.iso, theirs = other.iso;
      var bad;
      if (rule.relation === "after") {
        if (own.hasTime !== other.hasTime) return;  // the build says so itself
        bad = own.hasTime ? mine <= theirs : mine < theirs;
      } else {
        bad = (own.hasTime ? mine : mine + " 23:59") > (other.hasTime ? theirs : theirs + " 00:00");
      }
      if (!bad) return;
      var words = { value: dotted(mine), other: "„" + (labelOf[rule.other] || rule.other) + "”",
        other_value: dotted(theirs) };
      var fill = function (text) { return text.replace(/\{(\w+)\}/g, function (all, name) { return words[name]; }); };
      broken = (rule.field === key ? "" : "„" + (labelOf[rule.field] || rule.field) + "”: ") +
        fill(rule.message) + " – " + fill(rule.hint);
    });
    return broken;
  }

  function dateProblem(key, value, entry) {
    if (value == null || value === "") return "";
    var parsed = window.KluczFormat.parseDate(value);
    if (!parsed.ok) return parsed.message + " – " + parsed.hint;
    return ruleProblem(key, value, entry);
  }

  var DateControl = createClass({
    getInitialState: function () {
      var parsed = window.KluczFormat.parseDate(this.props.value);
      var today = new Date();
      var shownMonth = parsed.ok ? [+parsed.iso.slice(0, 4), +parsed.iso.slice(5, 7) - 1]
        : [today.getFullYear(), today.getMonth()];
      return { text: shown(this.props.value), focused: false, open: false, month: shownMonth };
    },
    componentDidMount: function () { dateFields[this.props.field.get("name")] = this; },
    componentWillUnmount: function () {
      if (dateFields[this.props.field.get("name")] === this) delete dateFields[this.props.field.get("name")];
    },
    componentDidUpdate: function (previous) {
      if (!this.state.focused && previous.value !== this.props.value) {
        var text = shown(this.props.value);
        if (text !== this.state.text) this.setState({ text: text });
      }
      if (previous.value !== this.props.value) {
        // The other dates' messages may change with this one.
        var self = this;
        Object.keys(dateFields).forEach(function (key) {
          if (dateFields[key] !== self) dateFields[key].forceUpdate();
        });
      }
    },
    // Saving stops on a date the build would refuse, or one that breaks a rule.
    isValid: function () {
      var message = dateProblem(this.props.field.get("name"), this.props.value, this.props.entry);
      return message ? { error: { message: message } } : true;
    },
    change: function (text) {
      lastTyped = this.props.field.get("name");
      this.setState({ text: text });
      if (!text.trim()) return this.props.onChange("");
      var parsed = window.KluczFormat.parseDate(text);
      this.props.onChange(parsed.ok ? parsed.iso : text);
    },
    pick: function (year, month, day) {
      var parsed = window.KluczFormat.parseDate(this.props.value);
      var time = parsed.ok && parsed.hasTime ? parsed.iso.slice(10) : "";
      var iso = year + "-" + pad2(month + 1) + "-" + pad2(day) + time;
      this.setState({ text: dotted(iso), open: false });
      this.props.onChange(iso);
    },
    move: function (step) {
      var y = this.state.month[0], m = this.state.month[1] + step;
      this.setState({ month: [y + Math.floor(m / 12), ((m % 12) + 12) % 12] });
    },
    calendar: function () {
      var self = this;
      var year = this.state.month[0], month = this.state.month[1];
      var first = (new Date(year, month, 1).getDay() + 6) % 7;  // Monday = 0
      var days = new Date(year, month + 1, 0).getDate();
      var cells = [], rows = [];
      for (var i = 0; i < first; i++) cells.push(h("td", { key: "e" + i }));
      for (var d = 1; d <= days; d++) {
        (function (day) {
          cells.push(h("td", { key: day }, h("button", { type: "button", className: "edytor-dzien",
            "aria-label": day + " " + MONTHS[month] + " " + year,
            onClick: function () { self.pick(year, month, day); } }, String(day))));
        })(d);
      }
      while (cells.length % 7) cells.push(h("td", { key: "k" + cells.length }));
      for (var r = 0; r < cells.length; r += 7) rows.push(h("tr", { key: r }, cells.slice(r, r + 7)));
      return h("div", { className: "edytor-kalendarz", role: "group", "aria-label": "Kalendarz" },
        h("div", { className: "edytor-kalendarz__naglowek" },
          h("button", { type: "button", "aria-label": "Poprzedni miesiąc", onClick: function () { self.move(-1); } }, "‹"),
          h("span", { "aria-live": "polite" }, NOMINATIVE[month] + " " + year),
          h("button", { type: "button", "aria-label": "Następny miesiąc", onClick: function () { self.move(1); } }, "›")),
        h("table", {},
          h("thead", {}, h("tr", {}, WEEKDAYS.map(function (w) {
            return h("th", { key: w[0], scope: "col" }, h("abbr", { title: w[1] }, w[0]));
          }))),
          h("tbody", {}, rows)));
    },
    render: function () {
      var self = this;
      var message = dateProblem(this.props.field.get("name"), this.state.text.trim() ? this.props.value : "",
        this.props.entry);
      var messageId = this.props.forID + "-uwaga";
      return h("div", { className: "edytor-data" },
        h("div", { className: "edytor-data__wiersz" },
          h("input", {
            type: "text", id: this.props.forID, className: this.props.classNameWrapper, value: this.state.text,
            placeholder: "np. 14.01.2027 10:00", autoComplete: "off", inputMode: "numeric",
            "aria-invalid": message ? "true" : undefined, "aria-describedby": message ? messageId : undefined,
            onChange: function (event) { self.change(event.target.value); },
            onFocus: function () { self.setState({ focused: true }); },
            onBlur: function () { self.setState({ focused: false, text: shown(self.props.value) || self.state.text }); },
          }),
          h("button", { type: "button", className: "edytor-data__kalendarz", "aria-expanded": String(this.state.open),
            onClick: function () { self.setState({ open: !self.state.open }); } }, "Kalendarz")),
        message ? h("p", { id: messageId, className: "edytor-data__uwaga", role: "alert" }, message) : null,
        this.state.open ? this.calendar() : null);
    },
  });
  // In place of Decap's own (whose input follows the browser's language);
  // the name stays, so Decap still takes the post's date for its file name.
  CMS.registerWidget("datetime", DateControl, createClass({
    render: function () { return h("span", {}, shown(this.props.value)); },
  }));

  // A picture wider than the site needs (a phone's 4000 px, several MB) is
  // made KLUCZ_IMAGE_MAX_WIDTH wide in the browser before Decap takes it, so
  // it never enters the repository at full size; smaller ones are left alone.
  var resizing = false;
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (resizing || !input || input.type !== "file" || !input.files || !input.files.length) return;
    var file = input.files[0];
    var limit = window.KLUCZ_IMAGE_MAX_WIDTH || 1600;
    if (!/^image\/(jpeg|png|webp)$/.test(file.type)) return;
    event.stopImmediatePropagation();
    createImageBitmap(file).then(function (bitmap) {
      if (bitmap.width <= limit) return file;
      var canvas = document.createElement("canvas");
      canvas.width = limit;
      canvas.height = Math.round(bitmap.height * limit / bitmap.width);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      var type = file.type === "image/png" ? "image/png" : "image/jpeg";
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          resolve(blob ? new File([blob], file.name, { type: type, lastModified: Date.now() }) : file);
        }, type, 0.9);
      });
    }).catch(function () { return file; }).then(function (smaller) {
      var files = new DataTransfer();
      files.items.add(smaller);
      input.files = files.files;
      resizing = true;
      try {
        input.dispatchEvent(new Event("change", { bubbles: true }));
      } finally {
        resizing = false;
      }
    });
  }, true);

  var MONTHS = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
    "października", "listopada", "grudnia"];

  // The problems of the last build, fetched at most every two seconds.
  var problems = { errors: [], warnings: [] };
  var fetchedAt = 0;
  var listeners = [];

  function load() {
    fetchedAt = Date.now();
    function get(url) {
      return fetch(url, { cache: "no-store" }).then(function (response) {
        return response.ok ? response.json() : null;
      }).catch(function () { return null; });
    }
    // Errors: the live preview's latest build if there is one (a build that
    // failed leaves no problemy.json), else the site's; warnings: the site's.
    Promise.all([get("/__podglad/problemy.json"), get("problemy.json")]).then(function (found) {
      var preview = found[0];
      var site = found[1] || {};
      problems = {
        errors: (preview ? preview.errors : site.errors) || [],
        warnings: site.warnings || [],
      };
      listeners.forEach(function (listener) { listener(); });
    });
  }

  function problemsOf(path) {
    var relative = String(path || "");
    if (relative.indexOf(contentFolder + "/") === 0) relative = relative.slice(contentFolder.length + 1);
    function mine(line) {
      return relative && (line.indexOf(relative + ":") === 0);
    }
    return {
      errors: problems.errors.filter(mine).map(function (line) { return line.slice(relative.length + 1); }),
      warnings: problems.warnings.filter(mine).map(function (line) { return line.slice(relative.length + 1); }),
    };
  }

  function problemList(kind, title, lines) {
    if (!lines.length) return null;
    return h("section", { className: "edytor-uwagi" + (kind === "warnings" ? " edytor-uwagi--ostrzezenia" : ""), role: "status" },
      h("h2", {}, title),
      h("ul", {}, lines.map(function (line, i) { return h("li", { key: i }, line.replace(/^\d+: /, "")); })));
  }

  // A preview that shows the last build's problems with its file, kept current.
  function previewClass(render, typeset) {
    // What is drawn gets the site's typography after each drawing (the body
    // is drawn by Decap: its text is typeset where it lands).
    function typesetNode() {
      if (typeset && this.node) window.KluczPreview.typeset(this.node.querySelector("article"));
    }
    return createClass({
      componentDidUpdate: typesetNode,
      componentDidMount: function () {
        typesetNode.call(this);
        var self = this;
        this.listener = function () { self.forceUpdate(); };
        listeners.push(this.listener);
        this.timer = setInterval(function () { if (Date.now() - fetchedAt > 2000) load(); }, 2000);
        load();
      },
      componentWillUnmount: function () {
        clearInterval(this.timer);
        listeners = listeners.filter(function (l) { return l !== this.listener; }, this);
      },
      render: render,
    });
  }

  // A post as its page shows it (preview.js), typeset as the build typesets it.
  var PostPreview = previewClass(function () {
    var self = this;
    var entry = this.props.entry;
    var data = function (key) { return entry.getIn(["data", key]); };
    var found = problemsOf(entry.get("path"));
    var refused = window.KluczFormat.refusal(data(window.KluczFormat.RAW));
    if (refused) found.errors = [refused].concat(found.errors);
    // The post's own picture (Image:), above its text as on the site.
    var fields = this.props.fields;
    var imageField = fields && fields.find(function (f) { return f.get("name") === "image"; });
    var picture = data("image") ? this.props.getAsset(data("image"), imageField) : null;
    return h("div", { className: "edytor-podglad", ref: function (node) { self.node = node; } },
      problemList("errors", "Do poprawienia przed publikacją (ostatnie sprawdzenie strony):", found.errors),
      problemList("warnings", "Uwagi (ostatnie sprawdzenie strony):", found.warnings),
      window.KluczPreview.post(entry, { body: this.props.widgetFor("body"), picture: picture ? picture.toString() : null }));
  }, true);

  // The home page's heading and "Co robimy", laid out as on the site.
  var HomePreview = previewClass(function () {
    var entry = this.props.entry;
    var found = problemsOf(entry.get("path"));
    var services = entry.getIn(["data", "services"]);
    services = services && services.toJS ? services.toJS() : services || [];
    return h("div", { className: "edytor-podglad t-home" },
      problemList("errors", "Do poprawienia przed publikacją (ostatnie sprawdzenie strony):", found.errors),
      h("section", { className: "hero" }, h("h1", {}, entry.getIn(["data", "headline"]) || "(bez nagłówka)"),
        entry.getIn(["data", "lead"]) ? h("p", { className: "hero__lead" }, entry.getIn(["data", "lead"])) : null),
      services.length ? h("section", { className: "services" },
        h("h2", {}, "Co robimy"),
        h("ul", { className: "services__list", role: "list" }, services.map(function (item, i) {
          return h("li", { key: i, className: "service" },
            h("h3", { className: "service__title" }, h("a", { href: "#" }, item.title || "(bez nazwy)")),
            h("p", {}, item.text || ""),
            h("p", { className: "post-meta" }, "Prowadzi do: /" + String(item.url || "").replace(/^\//, "")));
        }))) : null);
  });
  CMS.registerPreviewTemplate("strona-glowna", HomePreview);

  (window.KLUCZ_COLLECTIONS || ["aktualnosci", "szkolenia", "wesprzyj", "strony"]).forEach(function (name) {
    CMS.registerPreviewTemplate(name, PostPreview);
  });
})();
