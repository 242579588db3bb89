// Canned responses: a button copies the text into the message field. Without JavaScript the texts can be copied by hand.
(function () {
  "use strict";
  document.querySelectorAll("button[data-canned-source]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-canned-source"));
      var field = document.getElementById(button.getAttribute("data-canned-target"));
      if (!source || !field) return;
      var text = source.innerText.trim();
      field.value = field.value ? field.value.replace(/\s*$/, "") + "\n\n" + text : text;
      var reply = document.querySelector("input[name=kind][value=reply]");
      if (reply) reply.checked = true;
      field.focus();
    });
  });
})();
