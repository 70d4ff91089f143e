/* The phone's share sheet (Web Share API) where the browser has one; without
   it, or without JavaScript, the plain share links beside it do the job. */
(function () {
  "use strict";
  if (!navigator.share) {
    return;
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-share-url]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({ title: button.getAttribute("data-share-title"), url: button.getAttribute("data-share-url") })
        .catch(function () { /* closed by the visitor */ });
    });
  });
})();
