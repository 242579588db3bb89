// After a form comes back with errors, move keyboard and screen-reader focus to the error summary.
(function () {
  "use strict";
  var summary = document.querySelector("form .portal-error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
})();
