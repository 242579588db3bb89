// While a parent types a question, show knowledge-base articles that may already answer it.
// Progressive enhancement: without this script the form works the same, just without suggestions.
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggestions-url]");
  var target = document.getElementById("suggestions");
  if (!form || !target || !window.fetch) return;
  var url = form.getAttribute("data-suggestions-url");
  var fields = [form.querySelector("[name=subject]"), form.querySelector("[name=body]")].filter(Boolean);
  var timer = null;
  var last = "";

  function update() {
    var text = fields.map(function (field) { return field.value; }).join(" ").trim();
    if (text === last) return;
    last = text;
    fetch(url + "?q=" + encodeURIComponent(text.slice(0, 500)), { headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) { target.innerHTML = html; })
      .catch(function () { /* suggestions are optional */ });
  }

  fields.forEach(function (field) {
    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 600);
    });
  });
})();
