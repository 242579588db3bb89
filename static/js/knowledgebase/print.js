// Adds a print button to the route result; without JavaScript the page says to use the browser's print button.
(function () {
  "use strict";
  var hint = document.querySelector(".kb-print-hint");
  if (!hint || !window.print) { return; }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "utrecht-button utrecht-button--secondary-action kb-print-button";
  button.textContent = document.documentElement.lang === "en" ? "Print this route" : "Print deze route";
  button.addEventListener("click", function () { window.print(); });
  hint.replaceWith(button);
})();
