// Loa Số console: refresh a bulletin's delivery table while rows are still waiting.
// The element with data-live="URL" is replaced by the fragment at URL every few seconds;
// the fragment drops data-live once nothing is waiting, which stops the refresh.
(function () {
  "use strict";
  var EVERY_MS = 3000;
  function tick() {
    var box = document.querySelector("[data-live]");
    if (!box) return;
    fetch(box.getAttribute("data-live"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var tmp = document.createElement("div");
        tmp.innerHTML = html;
        var fresh = tmp.firstElementChild;
        if (fresh) box.replaceWith(fresh);
        if (fresh && fresh.hasAttribute("data-live")) setTimeout(tick, EVERY_MS);
      })
      .catch(function () { setTimeout(tick, EVERY_MS * 2); });
  }
  if (document.querySelector("[data-live]")) setTimeout(tick, EVERY_MS);
  // Phone tables: show the "swipe" hint (its words are in the page: body[data-swipe-hint])
  // only where a table is wider than its box.
  function hints() {
    var words = document.body.getAttribute("data-swipe-hint") || "";
    document.querySelectorAll(".box").forEach(function (b) {
      if (!b.querySelector("table")) return;
      if (!b.querySelector(":scope > .hint") && words) {
        var p = document.createElement("p");
        p.className = "hint";
        p.textContent = words;
        b.insertBefore(p, b.firstChild);
      }
      b.classList.toggle("wide", b.scrollWidth > b.clientWidth + 4);
    });
  }
  window.addEventListener("resize", hints);
  hints();
})();
