/* The editor's preview of a post, laid out as the site's templates lay out its
 * page (article.html, page.html, training.html, training_signup.html) with
 * the words, sign-up e-mail, donation boxes and typography the build hands
 * over (window.KLUCZ_PODGLAD, made by the cms plugin from the events,
 * donations and typography plugins). A test compares what a reader sees here
 * with the built page for the sample posts of every kind.
 *
 * KluczPreview.post(entry, props) -> the <article> as React elements;
 * KluczPreview.typeset(node) -> the site's typography on what was drawn. */
(function () {
  "use strict";
  var h = window.h;
  var F = window.KluczFormat;
  var DATA = window.KLUCZ_PODGLAD || {};
  var T = DATA.trainings || {};
  var D = DATA.donations || {};
  var typography = window.KluczTypografia.make(DATA.typography || { enabled: false, patterns: {} });
  var SITEURL = DATA.siteurl || "";

  function parsed(value) {
    var p = value ? F.parseDate(String(value)) : null;
    return p && p.ok ? p : null;
  }
  // "15 maja 2016 r." (data_pl) and "9:30" (godzina_pl), as format.js writes them
  function day(p) { return F.fullDate(p.iso); }
  function clock(p) { return p.hasTime ? F.clock(p.iso) : "0:00"; }
  function moment(p, endOfDay) {
    return new Date(p.iso.slice(0, 10) + "T" + (p.hasTime ? p.iso.slice(11, 16) : endOfDay ? "23:59" : "00:00"));
  }
  function text(value) { return value == null ? "" : String(value).trim(); }
  function list(value) { return value && value.toJS ? value.toJS() : value || []; }

  function badge(get) {
    var date = parsed(get("date"));
    if (text(get("status")).toLowerCase() === "draft") {
      return h("p", { className: "preview-badge" },
        "Szkic – widoczny tylko w podglądzie. Usuń wiersz „Status: draft”, aby go opublikować.");
    }
    if (date && moment(date) > new Date()) {
      return h("p", { className: "preview-badge" }, "Zaplanowany – pojawi się na stronie ",
        h("time", {}, day(date) + ", " + clock(date)), ".");
    }
    return null;
  }

  // A field the form does not offer (Seats-Left while the sign-up service
  // counts seats) is still in the file's header the editor keeps.
  function headerValue(get, key) {
    if (get(key) != null && get(key) !== "") return get(key);
    var raw = get(F.RAW);
    var entry = raw ? (JSON.parse(raw).header || []).filter(function (e) { return e.key === key; })[0] : null;
    return entry ? entry.text : null;
  }

  // Event-Duration ("2h", "1d 3h", "90 min"): model.py's parse_duration.
  var DURATION = /^\s*(?:(\d+)\s*(?:d|dni|dzień|dzien)\s*)?(?:(\d+)\s*(?:h|godz\.?|godzin[ya]?)\s*)?(?:(\d+)\s*(?:m|min\.?|minut[y]?)\s*)?$/i;
  function withDuration(start, text) {
    var m = DURATION.exec(text || "");
    if (!m || !(m[1] || m[2] || m[3])) return null;
    if (!start.hasTime) {
      var last = new Date(Date.UTC(+start.iso.slice(0, 4), +start.iso.slice(5, 7) - 1, +start.iso.slice(8, 10)));
      last.setUTCDate(last.getUTCDate() + Math.max(+(m[1] || 0), 1) - 1);
      return parsed(last.toISOString().slice(0, 10));
    }
    var at = moment(start);
    at = new Date(at.getTime() + (((+(m[1] || 0) * 24) + +(m[2] || 0)) * 60 + +(m[3] || 0)) * 60000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return parsed(at.getFullYear() + "-" + two(at.getMonth() + 1) + "-" + two(at.getDate()) + " " + two(at.getHours()) +
      ":" + two(at.getMinutes()));
  }

  // A training's fields read as events/model.py reads them.
  function training(get) {
    var start = parsed(get("event-start"));
    if (!start) return null;
    var end = parsed(get("event-end")) || withDuration(start, text(get("event-duration"))) ||
      (start.hasTime ? null : start);
    function choice(name, fallback, allowed, aliases) {
      var value = text(get(name) || fallback).toLowerCase();
      value = aliases[value] || value;
      return Object.prototype.hasOwnProperty.call(allowed, value) ? value : fallback;
    }
    var location = text(get("event-location")) || null;
    if (location && T.online_words.indexOf(location.toLowerCase()) !== -1) location = null;
    var first = text(get("title")).toLowerCase().split(/[\s:–-]+/)[0];
    first = T.kind_aliases[first] || first;
    var seats = text(headerValue(get, "seats-left")), capacity = text(get("capacity"));
    var url = text(get("registration-url")) || null;
    // The sign-up service takes a published training's sign-ups, not a draft's.
    var service = T.service && !url && text(get("status")).toLowerCase() !== "draft";
    return {
      start: start, end: end,
      status: choice("event-status", "scheduled", T.statuses, T.status_aliases),
      registration: choice("registration-status", "open", { open: 1, waitlist: 1, closed: 1 }, T.registration_aliases),
      kind: T.kinds[choice("event-kind", T.kinds[first] ? first : "szkolenie", T.kinds, T.kind_aliases)],
      location: location,
      online: text(get("event-online-url")) || null,
      price: text(get("event-price")),
      audience: text(get("event-audience")), accessibility: text(get("event-accessibility")),
      contact: text(get("event-contact")),
      url: url, email: text(get("registration-email")) || null,
      deadline: parsed(get("registration-deadline")),
      capacity: /^\d+$/.test(capacity) ? +capacity : null,
      // Where the sign-up service counts the seats, a typed number is not used (the build warns about it).
      seatsLeft: /^\d+$/.test(seats) && !service ? +seats : null,
      service: service,
      title: text(get("title")),
    };
  }

  function when(t) {
    return F.dateRangePl(t.start.iso, t.end ? t.end.iso : null);
  }

  // present.py signup_state
  function state(t) {
    var now = new Date();
    if (t.status === "cancelled") return "cancelled";
    if (now >= moment(t.start)) return "past";
    if (t.status === "postponed") return "postponed";
    if (t.registration === "closed") return "closed";
    if (t.deadline && now > moment(t.deadline, true)) return "deadline";
    if (t.registration === "waitlist") return "waitlist";
    if (t.seatsLeft === 0) return "full";
    return "open";
  }

  function price(t) {
    var value = parseFloat(String(t.price || "0").replace(/\s|zł/g, "").replace(",", "."));
    if (!value) return "bezpłatne";
    var whole = Math.floor(value) === value;
    var parts = (whole ? String(value) : value.toFixed(2)).split(".");
    // Thousands grouped with a no-break space, as Babel writes them in Polish ("1 500 zł").
    var units = parts[0].replace(/\B(?=(\d{3})+$)/g, "\u00a0");
    return units + (whole ? "" : "," + parts[1]) + "\u00a0zł";
  }

  function form(t) {
    var how = t.online && !t.location ? "online" : t.online && t.location ? "na miejscu i online" : "na miejscu";
    if (t.status === "moved-online") how = "online";
    return t.kind.name + " " + how;
  }

  function facts(pairs) {
    var out = [];
    pairs.forEach(function (pair, i) {
      if (pair[1]) out.push(h("dt", { key: "t" + i }, pair[0]), h("dd", { key: "d" + i }, pair[1]));
    });
    return h("dl", { className: "facts" }, out);
  }

  function mailOf(t, st) {
    var waitlist = st !== "open";
    var subject = (waitlist ? "Lista rezerwowa" : "Zgłoszenie") + ": " + t.title + ", " + when(t);
    var lines = (waitlist ? ["Proszę o wpisanie mnie na listę rezerwową.", ""] : []).concat(T.mail_body || []);
    return { to: t.email || T.fallback_email, subject: subject.replace(/\u00a0/g, " ").replace(/\u2060/g, ""),
      body: lines.join("\n") };
  }

  function rodo(mail) {
    var before = mail ? T.rodo_mail_notice.replace("{to}", mail.to) + " " : "";
    return h("p", { className: "rodo-notice" }, h("small", {}, before + T.rodo_notice + " Więcej w ",
      h("a", { href: SITEURL + "/" + DATA.privacy_url }, "polityce prywatności"), "."));
  }

  function signupBox(t, st) {
    var inviting = st === "open" || st === "waitlist" || st === "full";
    var service = t.service;
    var url = inviting && (!t.url || st === "full") ? "mailto:" : inviting ? t.url : null;
    var mail = url === "mailto:" ? mailOf(t, st) : null;
    var body = [];
    if (inviting) {
      var open = [];
      if (st !== "full" && t.capacity !== null && t.seatsLeft !== null) {
        open.push(h("p", { key: "s" }, "Wolne\u00a0miejsca: " + t.seatsLeft + "\u00a0z\u00a0" + t.capacity));
      } else if (st !== "full" && t.capacity !== null) {
        open.push(h("p", { key: "s" }, "Liczba miejsc: " + t.capacity));
      }
      if (t.deadline) {
        open.push(h("p", { key: "d" }, (st === "open" ? "Zgłoszenia przyjmujemy" : "Na listę rezerwową zapisujemy") +
          " do ", h("time", {}, day(t.deadline) + ", godz. " + (t.deadline.hasTime ? clock(t.deadline) : "23:59")), "."));
      }
      if (st !== "open") {
        open.push(h("p", { key: "w" },
          "Wszystkie miejsca są zajęte. Zapisz się na listę rezerwową – napiszemy, gdy zwolni się miejsce."));
      }
      var action = [];
      if (url) action.push(h("p", { key: "a", className: "signup__action" }, h("a", { className: "button", href: "#" }, T.buttons[st])));
      if (mail) {
        action.push(h("div", { key: "m", className: "signup__mail" },
          h("p", { className: "signup__hint" }, "Przycisk otwiera gotową wiadomość w programie pocztowym. Jeśli nic " +
            "się nie dzieje, wyślij ją sam(a) z dowolnej poczty:"),
          h("dl", {}, h("dt", {}, "Adres"), h("dd", {}, h("span", { className: "copyable" }, mail.to)),
            h("dt", {}, "Temat"), h("dd", {}, h("span", { className: "copyable" }, mail.subject)),
            h("dt", {}, "Treść (uzupełnij)"), h("dd", {}, h("pre", { className: "copyable" }, mail.body)))));
      }
      if (service) {
        // The form (folded as on the page), and the e-mail only for when the service does not answer.
        open.push(h("p", { key: "l", className: "signup-form__live" }));
        open.push(h("details", { key: "f", className: "signup-form__open" },
          h("summary", { className: "button" }, st === "open" ? "Zapisz się" : "Zapisz się na listę rezerwową")));
        open.push(h("div", { key: "fb", hidden: true }, action, rodo(mail)));
      } else {
        open = open.concat(action);
      }
      body.push(h("div", { key: "o" }, open));
    } else if (st === "deadline") {
      body.push(h("p", { key: "x" }, "Termin zgłoszeń minął. Jeśli chcesz wziąć udział w podobnym szkoleniu, ",
        h("a", { href: SITEURL + "/" + T.category + "/" }, "zobacz nadchodzące terminy"), "."));
    } else if (st === "past") {
      body.push(h("p", { key: "x" }, h("a", { href: SITEURL + "/" + T.category + "/" }, "Zobacz nadchodzące szkolenia"), "."));
    }
    if (inviting && !service) body.push(h("div", { key: "r" }, rodo(mail)));
    return h("section", { className: "signup signup--" + st },
      h("h2", { className: "signup__status" }, T.labels[st]), body);
  }

  function trainingLead(t) {
    var st = state(t);
    var k = t.kind;
    if (t.status === "cancelled") {
      var where = t.location && t.status !== "moved-online" ? " (" + t.location + ")" : t.online ? " (online)" : "";
      return h("section", { className: "signup signup--cancelled" },
        h("h2", { className: "signup__status" }, k.name.charAt(0).toUpperCase() + k.name.slice(1) + " " + k.cancelled),
        h("p", {}, k.was_to.charAt(0).toUpperCase() + k.was_to.slice(1) + " się odbyć ", h("time", {}, when(t)), where + "."),
        h("p", {}, "Osoby zapisane powiadomimy e-mailem." + (t.contact ? " Pytania: " + t.contact + "." : "")),
        h("p", {}, h("a", { href: SITEURL + "/" + T.category + "/" }, "Zobacz nadchodzące szkolenia")));
    }
    var badgeText = T.statuses[t.status];
    return [
      h("section", { key: "f", className: "training-facts" },
        h("h2", { className: "visually-hidden" }, "Najważniejsze informacje"),
        badgeText ? h("p", { className: "training-status" }, h("strong", { className: "badge badge--" + t.status }, badgeText),
          t.status === "postponed" ? " Nowy termin podamy na tej stronie." : null) : null,
        facts([
          ["Termin", h("time", {}, when(t))],
          ["Miejsce", t.location && t.status !== "moved-online" ? t.location : ""],
          ["Forma", [form(t), t.online ? " – link do spotkania wyślemy osobom zapisanym" : ""].join("")],
          ["Koszt", price(t)],
          ["Dla kogo", t.audience], ["Dostępność", t.accessibility], ["Kontakt", t.contact],
        ]),
        st !== "past" ? h("p", { className: "add-to-calendar" }, "Dodaj do kalendarza: ",
          h("a", { href: "#" }, "Google"), ", ", h("a", { href: "#" }, "Outlook"), ", ",
          h("a", { href: "#" }, "plik .ics (Apple, Thunderbird i inne)")) : null),
      h("div", { key: "s" }, signupBox(t, st)),
    ];
  }

  // donations/placement.py: which box goes where.
  var INLINE = /^\[\[wesprzyj(?::([a-z0-9-]+))?\]\]$/m;
  var WORDS_MARKUP = /<[^>]+>|[#*_>[\]()`|-]+/g;

  function boxHtml(cid, path, form) {
    var variants = D.boxes[cid] || {};
    var chosen = (D.variants[path] || {})[cid];
    var variant = variants[chosen] || variants[Object.keys(variants)[0]];
    return variant ? variant[form] : "";
  }

  function donationBoxes(get, category, path) {
    var choice = text(get("donation"));
    var body = text(get("body"));
    if (D.off.indexOf(choice.toLowerCase()) !== -1 || (choice && !D.boxes[choice])) return {};
    var appeal = category === D.appeal_category;
    var tags = list(get("tags")).map(function (tag) { return String(tag).toLowerCase(); });
    var excluded = D.include_categories.indexOf(category) === -1 || D.exclude_categories.indexOf(category) !== -1 ||
      D.exclude_tags.some(function (tag) { return tags.indexOf(String(tag).toLowerCase()) !== -1; }) ||
      D.exclude_slugs.indexOf(text(get("slug"))) !== -1;
    if (!choice && !appeal && excluded) return {};
    var cid = D.shown[choice] || null;
    if (!cid) return {};
    var inline = INLINE.exec(body);
    if (inline) {
      // A [[wesprzyj]] line places the box: none at the end, and an appeal none above for the same campaign.
      var shownInline = D.shown[inline[1] || ""];
      return appeal && shownInline !== cid ? { lead: boxHtml(cid, path, "apel") } : {};
    }
    if (appeal) {
      var titles = D.titles[cid] || {};
      var same = Object.keys(titles).some(function (v) {
        return titles[v].split(/\s+/).join(" ").toLowerCase() === text(get("title")).split(/\s+/).join(" ").toLowerCase();
      });
      return { lead: boxHtml(cid, path, same ? "apel-akcja" : "apel") };
    }
    var words = body.replace(WORDS_MARKUP, " ").split(/\s+/).filter(function (w) { return w; }).length;
    return { after: boxHtml(cid, path, !choice && words < D.short_words ? "krotkie" : "po-artykule") };
  }

  // The post being drawn: the text's boxes (drawn by Decap's Markdown, which
  // does not say whose text it is) take its variant.
  var drawing = { path: "" };

  function inlineBox(campaign) {
    var cid = D.shown[campaign || ""];
    return cid ? boxHtml(cid, drawing.path, "w-tekscie") : "";
  }

  function raw(html, key) {
    return html ? h("div", { key: key, className: "edytor-pole", dangerouslySetInnerHTML: { __html: html } }) : null;
  }

  function share() {
    return h("section", { className: "share" }, h("h2", { className: "share__title" }, "Udostępnij"),
      h("ul", { className: "share__links", role: "list" }, ["Facebook", "LinkedIn", "X", "E-mail"].map(function (name) {
        return h("li", { key: name }, h("a", { href: "#" }, name));
      })));
  }

  function post(entry, props) {
    var get = function (key) { return entry.getIn(["data", key]); };
    var collection = (DATA.collections || {})[entry.get("collection")] || {};
    var path = String(entry.get("path") || "").replace(/^.*?\/(?=[^/]+\/[^/]+$)/, "");
    drawing.path = path;
    var picture = props.picture;
    var title = text(get("title")) || "(bez tytułu)";
    var modified = parsed(get("modified"));
    if (collection.page) {
      var own = text(headerValue(get, "template"));
      return h("article", { className: "page" }, badge(get), h("h1", {}, title),
        own ? h("p", { className: "preview-badge" }, "Ta strona ma własny układ: dane, które dopisuje do niej strona " +
          "(adres i kontakt, projekty, sposoby wsparcia), zobaczysz w podglądzie strony po zapisaniu.") : null,
        h("div", { className: "prose" }, props.body),
        modified ? h("p", { className: "post-meta" }, "Ostatnia aktualizacja: ", h("time", {}, day(modified))) : null);
    }
    var date = parsed(get("date"));
    var t = collection.category === T.category ? training(get) : null;
    var boxes = t && t.status === "cancelled" ? {} : donationBoxes(get, collection.category, path);
    // Jinja's sort: by name, whatever the case.
    var tags = list(get("tags")).slice().sort(function (a, b) {
      a = String(a).toLowerCase(); b = String(b).toLowerCase();
      return a < b ? -1 : a > b ? 1 : 0;
    });
    return h("article", { className: "post" },
      h("header", { className: "post__header" }, badge(get), h("h1", {}, title),
        date ? h("p", { className: "post-meta" }, "Opublikowano ", h("time", {}, day(date)),
          modified && modified.iso.slice(0, 10) !== date.iso.slice(0, 10)
            ? h("span", { className: "post-meta__modified" }, ", zaktualizowano ", h("time", {}, day(modified))) : null)
          : null),
      picture ? h("figure", { className: "post__figure" }, h("img", { src: picture, alt: text(get("image-alt")) })) : null,
      t ? trainingLead(t) : raw(boxes.lead, "lead"),
      h("div", { className: "post__content prose" }, props.body),
      raw(boxes.after, "after"),
      tags.length ? h("footer", { className: "post__footer" }, h("h2", { className: "visually-hidden" }, "Tagi"),
        h("ul", { className: "tags", role: "list" }, tags.map(function (tag, i) {
          return h("li", { key: i }, h("a", { href: "#" }, tag));
        }))) : null,
      share());
  }

  // Python-Markdown's attribute lists ("## Tytuł {#kotwica}", "{: .klasa}")
  // are read by the build, not shown: the preview's Markdown leaves them as text.
  var ATTRIBUTES = /[ \t]*\{:?[ \t]*[#.][^{}\n]*\}[ \t]*$/;
  function typeset(node) {
    if (!node) return;
    var walker = node.ownerDocument.createTreeWalker(node, 4, null);
    for (var t = walker.nextNode(); t; t = walker.nextNode()) {
      if (ATTRIBUTES.test(t.nodeValue) && !(t.parentNode.closest && t.parentNode.closest("code, pre"))) {
        t.nodeValue = t.nodeValue.replace(ATTRIBUTES, "");
      }
    }
    typography.element(node);
  }

  window.KluczPreview = { post: post, typeset: typeset, inlineBox: inlineBox };
})();
