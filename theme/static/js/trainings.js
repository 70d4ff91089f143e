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
