/* The site's Polish typography in the web editor's preview: the rules of
 * rules.py (their patterns handed over by the build, browser.py), applied in
 * the order nbsp_text applies them, to every text node of the preview (never
 * inside code, scripts or form fields), as the build does to every run of
 * text between tags.
 *
 * In a browser: KluczTypografia.make(rules) -> {text, element}; in Node (the
 * tests): module.exports.make. */
(function (root) {
  "use strict";
  var NBSP = "\u00a0";
  var WORD_JOINER = "\u2060";
  var VERBATIM = /^(CODE|PRE|KBD|SAMP|VAR|SCRIPT|STYLE|TEXTAREA|SVG|MATH)$/i;

  function make(rules) {
    var p = {};
    Object.keys(rules.patterns).forEach(function (name) {
      p[name] = new RegExp(rules.patterns[name][0], rules.patterns[name][1]);
    });
    var enabled = rules.enabled !== false;

    function quotes(text) {
      if (text.indexOf('"') !== -1) text = text.replace(p.opening_quote, "„").replace(/"/g, "”");
      if (text.indexOf("“") !== -1) text = text.replace(p.english_closing, "”").replace(/“/g, "„");
      if (text.indexOf("&lt;&lt;") !== -1 || text.indexOf("<<") !== -1) text = text.replace(p.nested, "»$1«");
      if (text.indexOf("-") !== -1) {
        text = text.replace(p.spaced_dash, "–");
        text = text.replace(p.month_range, "$1–$2");
        text = text.replace(p.one_letter_prefix, "$1\u2011");
      }
      if (text.indexOf("–") !== -1 || text.indexOf("—") !== -1) text = text.replace(p.dash_after_word, NBSP);
      return text.split("...").join("…");
    }

    // nbsp_text of rules.py, rule by rule.
    function typeset(text) {
      if (!enabled || !text || !/\S/.test(text)) return text;
      text = quotes(text);
      text = text.replace(p.one_letter, NBSP);
      if (text.indexOf(".") !== -1 || text.indexOf("nr") !== -1 || text.indexOf("dr") !== -1) {
        text = text.replace(p.abbreviation, "$1" + NBSP);
      }
      if (/ [IVX]/.test(text)) text = text.replace(p.roman, "$1" + NBSP);
      if (/\d/.test(text)) {
        text = text.replace(p.units, "$1" + NBSP);
        text = text.replace(p.digit_groups, function (m) { return m.split(" ").join(NBSP); });
        text = text.replace(p.day_month, "$1" + NBSP);
        text = text.replace(p.of_number, "$1" + NBSP);
        if (text.indexOf("-") !== -1) {
          text = text.replace(p.year_range, "$1–$2");
          text = text.replace(p.postal, "$1\u2011$2");
        }
        if (text.indexOf("\u2011") !== -1) text = text.replace(p.postal_town, NBSP);
        if (text.indexOf(".") !== -1 && text.indexOf(NBSP) !== -1) text = text.replace(p.street_number, "$1" + NBSP);
        if (text.indexOf("–") !== -1) text = text.replace(p.range, "$1–" + WORD_JOINER);
      }
      return text;
    }

    // Every text node under `element`, as the build typesets every run of
    // text between two tags.
    function element(node) {
      if (!enabled || !node) return;
      var walker = node.ownerDocument.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */, null);
      var texts = [];
      for (var t = walker.nextNode(); t; t = walker.nextNode()) texts.push(t);
      texts.forEach(function (text) {
        for (var up = text.parentNode; up && up !== node.parentNode; up = up.parentNode) {
          if (up.nodeType === 1 && VERBATIM.test(up.nodeName)) return;
        }
        var done = typeset(text.nodeValue);
        if (done !== text.nodeValue) text.nodeValue = done;
      });
    }

    return { text: typeset, element: element };
  }

  var api = { make: make };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  } else {
    root.KluczTypografia = api;
  }
})(this);
