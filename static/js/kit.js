// Progressive enhancement only: every feature works without this script.
(function () {
  "use strict";

  // Move focus to an error summary so screen-reader and keyboard users hear what went wrong.
  function focusErrors() {
    var summary = document.querySelector("[data-focus]");
    if (summary) { summary.focus(); }
  }

  // After a builder action the address names the changed item (#module-x): move focus there, so
  // keyboard and screen-reader users carry on from what they changed. Errors take precedence.
  function focusChanged() {
    if (document.querySelector("[data-focus]") || !window.location.hash) { return; }
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (!target) { return; }
    if (!target.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A|SUMMARY)$/.test(target.tagName)) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus();
  }

  // Show the assembly advice only when "assembly" is chosen (it stays visible without JS).
  function assemblyAdvice() {
    var select = document.getElementById("setting");
    var advice = document.getElementById("assembly-advice");
    if (!select || !advice) { return; }
    var update = function () { advice.hidden = select.value !== "assembly"; };
    select.addEventListener("change", update);
    update();
  }

  // Drag modules to reorder; the order is posted like the up/down buttons would.
  function dragToReorder() {
    var list = document.querySelector("[data-reorder-url]");
    var token = document.getElementById("csrf-token");
    if (!list || !token) { return; }
    var dragged = null;
    Array.prototype.forEach.call(list.children, function (item) {
      item.setAttribute("draggable", "true");
      item.addEventListener("dragstart", function () { dragged = item; item.classList.add("dragging"); });
      item.addEventListener("dragend", function () { item.classList.remove("dragging"); });
      item.addEventListener("dragover", function (event) {
        event.preventDefault();
        if (!dragged || dragged === item) { return; }
        var box = item.getBoundingClientRect();
        var after = event.clientY > box.top + box.height / 2;
        list.insertBefore(dragged, after ? item.nextSibling : item);
      });
      item.addEventListener("drop", function (event) { event.preventDefault(); submitOrder(list, token.value); });
    });
  }

  function submitOrder(list, token) {
    var form = document.createElement("form");
    form.method = "post";
    form.action = list.getAttribute("data-reorder-url");
    var fields = [["csrf_token", token], ["version", list.getAttribute("data-version")]];
    Array.prototype.forEach.call(list.children, function (item) { fields.push(["order", item.getAttribute("data-id")]); });
    fields.forEach(function (pair) {
      var input = document.createElement("input");
      input.type = "hidden"; input.name = pair[0]; input.value = pair[1];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusErrors();
    focusChanged();
    assemblyAdvice();
    dragToReorder();
  });
})();
