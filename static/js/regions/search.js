// School search enhancements: results update without a full page load, and a map beside the list.
// Without this file the form submits normally and the list is complete on its own.
(function () {
  "use strict";

  var form = document.getElementById("school-search-form");
  var results = document.getElementById("school-results");
  if (!form || !results) {
    return;
  }
  var map = null;
  var markers = null;
  var pending = null;
  var shownSearch = window.location.search; // the query of the results on screen

  function drawMap() {
    var element = document.getElementById("school-map");
    if (!element || typeof window.L === "undefined") {
      return;
    }
    var cards = results.querySelectorAll("[data-lat]");
    if (!cards.length) {
      return;
    }
    if (map) {
      map.remove();
    }
    element.hidden = false;
    map = window.L.map(element, { scrollWheelZoom: false });
    window.L.tileLayer(element.dataset.tiles, {
      maxZoom: 19,
      attribution: element.dataset.attribution
    }).addTo(map);
    markers = window.L.featureGroup();
    cards.forEach(function (card) {
      var marker = window.L.marker([parseFloat(card.dataset.lat), parseFloat(card.dataset.lon)], {
        title: card.dataset.name,
        alt: card.dataset.name
      });
      var link = document.createElement("a");
      link.href = card.dataset.url;
      link.textContent = card.dataset.name;
      marker.bindPopup(link);
      markers.addLayer(marker);
    });
    markers.addTo(map);
    map.fitBounds(markers.getBounds(), { padding: [24, 24], maxZoom: 14 });
  }

  function load(url, push, focusResults) {
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    results.setAttribute("aria-busy", "true");
    fetch(url, { headers: { "X-Fragment": "results" }, signal: pending.signal, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        results.innerHTML = html;
        if (results.querySelector("[data-search-invalid]")) {
          window.location.href = url; // the full page shows the errors next to the fields
          return;
        }
        results.removeAttribute("aria-busy");
        if (push) {
          window.history.pushState({ schoolSearch: true }, "", url);
          shownSearch = window.location.search;
        }
        drawMap();
        var title = document.getElementById("results-title");
        var status = document.getElementById("search-status");
        if (status && title) {
          status.textContent = title.textContent.trim();
        }
        if (focusResults && title) {
          title.focus();
        }
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          window.location.href = url; // fall back to the plain page
        }
      });
  }

  function formUrl() {
    var params = new URLSearchParams(new FormData(form));
    params.forEach(function (value, key) {
      if (value === "") {
        params.delete(key);
      }
    });
    var query = params.toString();
    return form.action + (query ? "?" + query : "");
  }

  form.addEventListener("change", function (event) {
    // Text fields wait for the submit button or Enter: a half-typed postcode is not a search yet.
    if (event.target.type === "text" || event.target.type === "search") {
      return;
    }
    if (form.querySelector("#search-errors")) {
      return; // the plain page shows the errors with their links; keep that
    }
    load(formUrl(), true);
  });

  results.addEventListener("click", function (event) {
    var link = event.target.closest(".pagination a");
    if (link) {
      event.preventDefault();
      load(link.href, true, true);
    }
  });

  // Back and forward between result sets reload the page for that URL. A jump to an anchor on the page (the skip
  // links) fires popstate too, with the same query: that must not reload, or focus would not move to the anchor.
  window.addEventListener("popstate", function () {
    if (window.location.search !== shownSearch) {
      window.location.reload();
    }
  });

  drawMap();
})();
