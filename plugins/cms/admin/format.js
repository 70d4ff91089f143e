/* Pelican's post format for Decap CMS: a `Key: value` header, a blank line,
 * the Markdown text. Files are kept byte for byte: every header line whose
 * value the staff member did not change is written back exactly as it was
 * read (spelling, spaces, a Polish date, a field the editor does not show),
 * so saving after changing one field changes only that line.
 *
 * The header is read the way Python-Markdown's meta extension reads it: field
 * lines (`Name: value`, continuation lines indented by four spaces) up to the
 * first blank line, an optional `---` first line and `---`/`...` last line.
 *
 * Loaded by /admin/ (registered as the format "pelican") and by the tests in
 * Node, with the field list the build writes (pola.js): FIELDS =
 * [{key, name, kind}] where kind is text, date, number, choice, list, url,
 * email or flag. */
(function (root) {
  "use strict";

  var META = /^ {0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
  var MORE = /^ {4,}(.*)$/;
  var BEGIN = /^-{3}(\s.*)?$/;
  var END = /^(-{3}|\.{3})(\s.*)?$/;
  var RAW = "__pelican";

  function FormatProblem(message) {
    this.name = "Uwaga";
    this.message = message;
  }
  FormatProblem.prototype = Object.create(Error.prototype);

  function splitLines(text) {
    // Lines with their endings, so that joining them gives the text back.
    var lines = text.match(/[^\n]*\n|[^\n]+$/g);
    return lines || [];
  }

  function stripEnd(line) {
    return line.replace(/\r?\n$/, "");
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // Dates as staff write them, read by the same rules as the build's
  // (plugins/polish_dates/parse.py; tests/test_cms.py runs both on one list):
  // always day first, ISO, dots or the month written out, refusing the forms
  // a reader could take month first, with the build's reasons.
  var MONTH_WORDS = {
    stycznia: 1, styczen: 1, lutego: 2, luty: 2, marca: 3, marzec: 3, kwietnia: 4, kwiecien: 4, maja: 5, maj: 5,
    czerwca: 6, czerwiec: 6, lipca: 7, lipiec: 7, sierpnia: 8, sierpien: 8, wrzesnia: 9, wrzesien: 9,
    pazdziernika: 10, pazdziernik: 10, listopada: 11, listopad: 11, grudnia: 12, grudzien: 12,
  };
  var ROMAN = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12 };
  var MONTH_NAMES = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
    "października", "listopada", "grudnia"];
  var FORMS_HINT = "wpisz 2026-11-03 albo 3.11.2026 (z godziną: 2026-11-03 10:00 albo 3.11.2026 10:00)";
  var TIME = "(?:(?:,\\s*|\\s+)(?:godz(?:ina|\\.)?\\s*)?(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?)";
  var ISO = /^(\d{4})-(\d{2})-(\d{2})(?:(?:[ T]|\s+)(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?$/;
  var DOTS = new RegExp("^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:\\s*r\\.)?" + TIME + "?$");
  var WORDS = new RegExp("^(\\d{1,2})\\.?\\s+([A-Za-ząćęłńóśźżĄĆĘŁŃÓŚŹŻ]+)\\s+(\\d{4})(?:\\s*r\\.)?" + TIME + "?$");
  var PLAIN = { "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z" };

  function problem(raw, reason, hint) {
    var value = String(raw).trim();
    return { ok: false, message: value ? "„" + value + "”: " + reason : reason, hint: hint || FORMS_HINT };
  }

  function whyNot(value) {
    if (/\d\s*\/\s*\d/.test(value)) {
      return "w zapisie z ukośnikiem dzień i miesiąc łatwo zamienić (11/03 to 11 marca albo 3 listopada)";
    }
    if (/^\d{1,2}[.-]\d{1,2}[.-]\d{2}(\s.*)?$/.test(value)) return "rok trzeba podać w całości (cztery cyfry)";
    if (/^\d{1,2}-\d{1,2}-\d{4}(\s.*)?$/.test(value)) return "w zapisie z myślnikami najpierw rok, potem miesiąc i dzień";
    if (/^\d{4}\.\d{1,2}\.\d{1,2}(\s.*)?$/.test(value)) return "w zapisie z kropkami najpierw dzień, potem miesiąc i rok";
    return "to nie jest data w znanej postaci";
  }

  // {ok: true, iso: "2026-11-03" or "2026-11-03 10:00", hasTime} or
  // {ok: false, message, hint}, as parse_moment() reads it.
  function parseDate(text) {
    var raw = text == null ? "" : String(text);
    var value = raw.replace(/\u00a0/g, " ").split(/\s+/).filter(function (s) { return s; }).join(" ");
    if (!value) return problem(raw, "pusta data");
    var kinds = [[ISO, "iso"], [DOTS, "dots"], [WORDS, "words"]];
    for (var k = 0; k < kinds.length; k++) {
      var m = kinds[k][0].exec(value);
      if (!m) continue;
      var kind = kinds[k][1];
      var year, month, day, hour, minute, second;
      if (kind === "iso") {
        year = +m[1]; month = +m[2]; day = +m[3]; hour = m[4]; minute = m[5]; second = m[6];
      } else {
        day = +m[1]; year = +m[3]; hour = m[4]; minute = m[5]; second = m[6];
        if (kind === "words") {
          var word = m[2].toLowerCase().replace(/[ąćęłńóśźż]/g, function (c) { return PLAIN[c]; });
          month = MONTH_WORDS[word] || ROMAN[word];
          if (!month) {
            return problem(raw, "„" + m[2] + "” to nie jest nazwa miesiąca",
              "napisz miesiąc tak: 3 listopada 2026, albo wpisz 2026-11-03 lub 3.11.2026");
          }
        } else {
          month = +m[2];
        }
      }
      if (month < 1 || month > 12) return problem(raw, "miesiąc " + month + " nie istnieje (miesiące mają numery od 1 do 12)");
      if (year < 1900 || year > 2200) return problem(raw, "rok " + year + " wygląda na pomyłkę");
      var last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (day < 1 || day > last) {
        return problem(raw, day + " " + MONTH_NAMES[month - 1] + " " + year + " nie istnieje: ten miesiąc ma " + last + " dni");
      }
      var hasTime = hour !== undefined && hour !== null && hour !== "";
      if (hasTime && (+hour > 23 || +minute > 59 || +(second || 0) > 59)) {
        return problem(raw, "godzina " + hour + ":" + minute + " nie istnieje",
          "wpisz godzinę od 0:00 do 23:59, np. 2026-11-03 10:00 albo 3.11.2026 10:00");
      }
      var iso = year + "-" + pad(month) + "-" + pad(day) + (hasTime ? " " + pad(+hour) + ":" + minute : "");
      return { ok: true, iso: iso, hasTime: hasTime };
    }
    return problem(raw, whyNot(value));
  }

  // The editor's date field reads and writes "YYYY-MM-DD HH:mm"; every form
  // the build reads opens in it, and is written back as it was unless the
  // date is changed. What is not a date is left as it is (the field says why).
  function normalDate(value) {
    var v = String(value == null ? "" : value).trim();
    if (!v) return v;
    var parsed = parseDate(v);
    return parsed.ok ? parsed.iso : v;
  }

  function fromText(kind, text) {
    if (kind === "list") {
      return text.split(",").map(function (s) { return s.trim(); }).filter(function (s) { return s; });
    }
    if (kind === "number") {
      return /^\d+$/.test(text.trim()) ? parseInt(text.trim(), 10) : text;
    }
    if (kind === "date") {
      return normalDate(text);
    }
    return text;
  }

  function toText(kind, value) {
    if (value == null) return "";
    if (Array.isArray(value)) {
      return value.map(function (s) { return String(s).trim(); }).filter(function (s) { return s; }).join(", ");
    }
    if (kind === "date") return normalDate(value);
    return String(value);
  }

  // "Name: value"; a value of several lines continues on lines indented by
  // four spaces, as Markdown reads them (never as a line of text).
  function line(name, kind, value, nl) {
    return name + ": " + toText(kind, value).split(/\r?\n/).map(function (s) { return s.trim(); })
      .filter(function (s) { return s; }).join(nl + "    ");
  }

  function isEmpty(value) {
    return value == null || value === "" || (Array.isArray(value) && value.length === 0);
  }

  function same(kind, a, b) {
    if (isEmpty(a) && isEmpty(b)) return true;
    return toText(kind, a).trim() === toText(kind, b).trim();
  }

  function byKey(fields) {
    var map = {};
    (fields || []).forEach(function (f) { map[f.key] = f; });
    return map;
  }

  function parse(text) {
    // What Decap cannot show without changing it, it refuses: a file that is
    // not UTF-8 arrives with U+FFFD in it.
    if (text.indexOf("\uFFFD") !== -1) {
      throw new FormatProblem(
        "Tego pliku nie da się otworzyć w edytorze: nie jest zapisany w UTF-8 (polskie litery byłyby " +
        "zniekształcone). Otwórz go w Notatniku lub VS Code i zapisz jako UTF-8 – edytor go nie zmieni.");
    }
    var lines = splitLines(text);
    var header = [];
    var i = 0;
    if (lines.length && BEGIN.test(stripEnd(lines[0]).replace(/^\uFEFF/, ""))) {
      header.push({ raw: lines[0] });
      i = 1;
    }
    for (; i < lines.length; i++) {
      var line = stripEnd(lines[i]);
      if (i === 0) line = line.replace(/^\uFEFF/, "");
      var meta = META.exec(line);
      var more = MORE.exec(line);
      if (meta) {
        header.push({ key: meta[1].toLowerCase(), name: meta[1], text: meta[2].trim(), raw: lines[i] });
      } else if (more && header.length && header[header.length - 1].key) {
        var last = header[header.length - 1];
        last.text = (last.text + "\n" + more[1].trim()).trim();
        last.raw += lines[i];
      } else {
        break;
      }
    }
    var sep = "";
    if (i < lines.length) {
      var next = stripEnd(lines[i]);
      if (/^\s*$/.test(next) || END.test(next)) {
        sep = lines[i];
        i += 1;
      }
    }
    var nl = /\r\n/.test(text) ? "\r\n" : "\n";
    return { header: header, sep: sep, nl: nl, body: lines.slice(i).join("") };
  }

  function makeFormat(fields) {
    var known = byKey(fields);

    function fromFile(text) {
      var parsed;
      try {
        parsed = parse(text);
      } catch (error) {
        if (!(error instanceof FormatProblem)) throw error;
        // Decap would show an empty form, and saving it would replace the
        // file: the entry carries the refusal, and writing it is refused.
        var refused = { body: "" };
        refused[RAW] = JSON.stringify({ refused: error.message });
        return refused;
      }
      var data = { body: parsed.body };
      var seen = {};
      parsed.header.forEach(function (entry) {
        var field = entry.key && known[entry.key];
        if (field && !seen[entry.key]) {
          seen[entry.key] = true;
          data[entry.key] = fromText(field.kind, entry.text);
        }
      });
      data[RAW] = JSON.stringify(parsed);
      return data;
    }

    function toFile(data) {
      var raw = data[RAW] ? JSON.parse(data[RAW]) : { header: [], sep: "\n", nl: "\n", body: null };
      if (raw.refused) throw new FormatProblem(raw.refused);
      var nl = raw.nl;
      var out = [];
      var seen = {};
      raw.header.forEach(function (entry) {
        var field = entry.key && known[entry.key];
        if (!field || seen[entry.key]) {
          out.push(entry.raw); // a field the editor does not show, or written twice: as it was
          return;
        }
        seen[entry.key] = true;
        var value = data[entry.key];
        if (same(field.kind, value, fromText(field.kind, entry.text))) {
          out.push(entry.raw);
        } else if (isEmpty(value)) {
          // cleared in the editor: the line goes
        } else {
          var ending = /\r?\n$/.exec(entry.raw);
          out.push(line(entry.name, field.kind, value, nl) + (ending ? ending[0] : nl));
        }
      });
      (fields || []).forEach(function (field) {
        if (!seen[field.key] && !isEmpty(data[field.key])) {
          var last = out.length ? out[out.length - 1] : "";
          if (last && !/\n$/.test(last)) out[out.length - 1] = last + nl;
          out.push(line(field.name, field.kind, data[field.key], nl) + nl);
        }
      });
      var body = data.body == null ? "" : String(data.body);
      if (raw.body !== null && body === raw.body) {
        return out.join("") + raw.sep + body;
      }
      // The text was edited: keep the file's line endings and end it with one.
      body = body.replace(/\r\n/g, "\n");
      if (body && !/\n$/.test(body)) body += "\n";
      if (nl === "\r\n") body = body.replace(/\n/g, "\r\n");
      var sep = raw.sep || (out.length ? nl : "");
      if (out.length && !/\n$/.test(out[out.length - 1])) out[out.length - 1] += nl;
      return out.join("") + sep + body;
    }

    return { fromFile: fromFile, toFile: toFile };
  }

  // A training's dates as its page says them (events.present.date_range_pl):
  // "14 stycznia 2027 r., 10:00–15:00", "14–16 stycznia 2027 r."; no-break
  // spaces where the site puts them. Start and end as the file has them.
  var NB = "\u00a0";
  function dayMonth(iso) { return +iso.slice(8, 10) + NB + MONTH_NAMES[+iso.slice(5, 7) - 1]; }
  function fullDate(iso) { return dayMonth(iso) + " " + iso.slice(0, 4) + NB + "r."; }
  function clock(iso) { return +iso.slice(11, 13) + ":" + iso.slice(14, 16); }
  function dateRangePl(start, end) {
    var a = parseDate(start), b = end ? parseDate(end) : null;
    if (!a.ok) return start ? String(start) : "";
    if (!b || !b.ok) return a.hasTime ? fullDate(a.iso) + ", " + clock(a.iso) : fullDate(a.iso);
    var first = a.iso, last = b.iso;
    if (!a.hasTime) {
      if (first === last) return fullDate(first);
      if (first.slice(0, 7) === last.slice(0, 7)) return +first.slice(8, 10) + "–" + fullDate(last);
      if (first.slice(0, 4) === last.slice(0, 4)) return dayMonth(first).replace(NB, " ") + " – " + fullDate(last);
      return fullDate(first) + " – " + fullDate(last);
    }
    if (first.slice(0, 10) === last.slice(0, 10)) return fullDate(first) + ", " + clock(first) + "–" + clock(last);
    return fullDate(first) + ", " + clock(first) + " – " + fullDate(last) + ", " + clock(last);
  }

  // Text pasted from Word: a list's items arrive as paragraphs starting with
  // "·" or "•", with no-break spaces and English quotes: one Markdown list,
  // plain spaces (the build adds no-break spaces where Polish needs them),
  // Polish quotes.
  // Lines without them are left as they are.
  function cleanPasted(text) {
    if (!text || !/[\u00a0·•▪◦“]/.test(text)) return text;
    // English (“tak”) and German („tak“) quotes: Polish ones, as the build's typography reads them.
    var plain = String(text).replace(/\u00a0/g, " ").replace(/([^\s(\[{—–\/-])“/g, "$1”").replace(/“/g, "„");
    var lines = plain.split("\n");
    var bullet = /^[ \t]*[·•▪◦][ \t]+(.*)$/;
    var out = [];
    var previousItem = false;
    for (var i = 0; i < lines.length; i++) {
      var m = bullet.exec(lines[i]);
      if (m) {
        // Word's items come as paragraphs: the blank line between two is dropped.
        if (previousItem && out.length && out[out.length - 1] === "") out.pop();
        out.push("- " + m[1]);
        previousItem = true;
        continue;
      }
      if (lines[i] !== "") previousItem = false;
      out.push(lines[i]);
    }
    return out.join("\n");
  }

  // Why the editor will not write this entry (a file it could not read), or "".
  function refusal(rawValue) {
    try {
      return (rawValue && JSON.parse(rawValue).refused) || "";
    } catch (error) {
      return "";
    }
  }

  var api = { makeFormat: makeFormat, parse: parse, normalDate: normalDate, parseDate: parseDate, refusal: refusal,
    cleanPasted: cleanPasted, dateRangePl: dateRangePl, fullDate: fullDate, clock: clock,
    FormatProblem: FormatProblem, RAW: RAW };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  } else {
    root.KluczFormat = api;
  }
})(this);
