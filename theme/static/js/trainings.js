/* Close sign-ups whose deadline has passed on the visitor's clock, so a site
   that was not rebuilt for days never invites late sign-ups. Without
   JavaScript the page keeps the state it had when it was built. */
(function () {
  "use strict";
  var now = Date.now();
  var boxes = document.querySelectorAll("[data-signup-deadline]");
  Array.prototype.forEach.call(boxes, function (box) {
    var deadline = Date.parse(box.getAttribute("data-signup-deadline"));
    if (isNaN(deadline) || now <= deadline) {
      return;
    }
    var label = box.querySelector("[data-signup-label]");
    if (label) {
      label.textContent = box.getAttribute("data-closed-label") || "Zapisy zakończone";
    }
    Array.prototype.forEach.call(box.querySelectorAll("[data-signup-open]"), function (el) {
      el.parentNode.removeChild(el);
    });
    var late = box.querySelector("[data-signup-late]");
    if (late) {
      late.hidden = false;
    }
    box.className = box.className.replace(/\b(signup(-label)?)--[a-z]+\b/, "$1--deadline");
    box.removeAttribute("data-signup-deadline");
  });
})();

/* The sign-up form: live seats from the sign-up service, the form sent in
   place with the errors next to the fields. When the service does not
   answer, the page offers the e-mail sign-up instead. Without JavaScript
   the form posts to the service, which answers with its own page. */
(function () {
  "use strict";
  var forms = document.querySelectorAll("[data-signup-form]");
  Array.prototype.forEach.call(forms, function (form) {
    var details = form.closest("[data-signup-details]");
    var box = details.parentNode;
    var live = box.querySelector("[data-signup-live]");
    var result = form.querySelector("[data-signup-result]");
    var button = form.querySelector("button[type=submit]");
    var started = form.querySelector("input[name=poczatek]");
    var fallback = box.querySelector("[data-signup-fallback]");
    var summary = details.querySelector("summary");

    function unreachable() {
      if (!fallback) { return; }
      details.hidden = true;
      fallback.hidden = false;
    }

    function show(state) {
      if (state.state === "unavailable") { return unreachable(); }
      if (live && state.label) {
        live.textContent = state.label;
        var seats = box.querySelector("[data-signup-seats]");
        if (seats) { seats.hidden = true; }
      }
      if (started && state.poczatek) { started.value = state.poczatek; }
      if (state.state === "closed") {
        details.hidden = true;
      } else if (summary) {
        summary.textContent = state.state === "waitlist" ? "Zapisz się na listę rezerwową" : "Zapisz się";
      }
    }

    function clearErrors() {
      Array.prototype.forEach.call(form.querySelectorAll(".field__error"), function (el) {
        el.parentNode.removeChild(el);
      });
      Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (el) {
        el.removeAttribute("aria-invalid");
        var described = (el.getAttribute("aria-describedby") || "").replace(/\s*\S+-blad\b/, "").trim();
        if (described) { el.setAttribute("aria-describedby", described); } else { el.removeAttribute("aria-describedby"); }
      });
    }

    function fieldErrors(errors) {
      var first = null;
      Object.keys(errors).forEach(function (name) {
        var input = form.elements[name];
        if (!input || !input.id) { return; }
        var p = document.createElement("p");
        p.className = "field__error";
        p.id = input.id + "-blad";
        p.textContent = errors[name].join(" ");
        input.parentNode.appendChild(p);
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + p.id).trim());
        var details = input.closest("details");
        if (details) { details.open = true; }
        first = first || input;
      });
      return first;
    }

    function say(text) {
      result.textContent = text;
      result.hidden = false;
      result.focus();
    }

    fetch(form.getAttribute("data-status"), {headers: {Accept: "application/json"}, cache: "no-store"})
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(show, unreachable);

    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData) { return; }
      event.preventDefault();
      clearErrors();
      button.disabled = true;
      fetch(form.action, {method: "POST", body: new FormData(form), headers: {Accept: "application/json"}})
        .then(function (response) {
          if (response.status >= 500) { throw new Error(String(response.status)); }
          return response.json();
        })
        .then(function (answer) {
          button.disabled = false;
          if (answer.ok) {
            Array.prototype.forEach.call(form.children, function (el) {
              if (el !== result) { el.hidden = true; }
            });
            say(answer.message);
            return;
          }
          var first = fieldErrors(answer.errors || {});
          say(answer.message);
          if (first) { first.focus(); }
        }, function () {
          button.disabled = false;
          unreachable();
        });
    });
  });
})();
