// Move keyboard and screen-reader focus to the error summary after a form came back with errors.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
