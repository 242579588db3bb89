// Search suggestions while typing. Without JavaScript the search form works as a plain GET form.
(function () {
  "use strict";
  var form = document.querySelector("form.kb-search[data-suggest-url]");
  if (!form) { return; }
  var input = form.querySelector("input[name=q]");
  var list = document.createElement("ul");
  var status = document.createElement("p");
  var timer = null;
  var latest = 0;
  list.className = "kb-suggestions";
  list.id = "kb-suggestions";
  list.hidden = true;
  list.setAttribute("aria-label", form.getAttribute("data-suggest-label") || "Suggesties");
  status.className = "kb-visually-hidden";
  status.setAttribute("role", "status");
  form.appendChild(status);
  form.appendChild(list);
  input.setAttribute("aria-controls", list.id);

  function render(results) {
    list.textContent = "";
    results.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      li.appendChild(link);
      list.appendChild(li);
    });
    list.hidden = results.length === 0;
    status.textContent = results.length ? results.length + " suggesties. Gebruik Tab of pijl omlaag." : "";
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (query.length < 2) { render([]); return; }
    fetch(form.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (ticket === latest) { render(data.results || []); } })
      .catch(function () { render([]); });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && !list.hidden) {
      event.preventDefault();
      list.querySelector("a").focus();
    } else if (event.key === "Escape") {
      render([]);
    }
  });
  list.addEventListener("keydown", function (event) {
    var current = document.activeElement.parentElement;
    if (event.key === "ArrowDown" && current.nextElementSibling) {
      event.preventDefault();
      current.nextElementSibling.querySelector("a").focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (current.previousElementSibling) { current.previousElementSibling.querySelector("a").focus(); } else { input.focus(); }
    } else if (event.key === "Escape") {
      render([]);
      input.focus();
    }
  });
})();
