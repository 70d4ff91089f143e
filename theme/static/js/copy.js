/* A "Kopiuj" button after each piece of text marked data-copy (the sign-up
   e-mail, the account number): one tap puts it on the clipboard. Without
   JavaScript, or without a clipboard, the text is there to select. */
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (source) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Kopiuj";
    var what = source.getAttribute("data-copy-label");
    if (what) {
      button.setAttribute("aria-label", "Kopiuj: " + what);
    }
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      var text = source.getAttribute("data-copy") || source.textContent;
      navigator.clipboard.writeText(text.trim()).then(function () {
        button.textContent = "Skopiowano";
        status.textContent = "Skopiowano do schowka";
        setTimeout(function () { button.textContent = "Kopiuj"; status.textContent = ""; }, 2500);
      });
    });
    source.parentNode.insertBefore(button, source.nextSibling);
    source.parentNode.insertBefore(status, button.nextSibling);
  });
})();
