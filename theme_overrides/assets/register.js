// Filters for the register's tables: <div class="register-filter" data-filter-kinds='[["year","Năm"],…]'
// data-filter-all="Tất cả"> holds a table (a long one as several, generator/core/render/markup.py)
// whose rows carry the values they are filtered by (data-filter='{"year":["2020"],…}'), made by
// the generator from the same status and names as the pages, counts and search filters. One
// select per kind narrows the rows; a table none of whose rows is left is hidden; the choice is
// kept in the address (?year=2020&status=…), so a filtered view can be linked to.
// No server, no dependencies.
(function () {
  "use strict";
  function setup(box) {
    var tables = Array.prototype.slice.call(box.querySelectorAll("table"));
    if (!tables.length) return;
    var rows = [], values = [];
    tables.forEach(function (table) { rows = rows.concat(Array.prototype.slice.call(table.tBodies[0].rows)); });
    rows.forEach(function (row) {
      var v = {};
      try { v = JSON.parse(row.getAttribute("data-filter") || "{}"); } catch (e) { v = {}; }
      values.push(v);
    });
    var kinds = [];
    try { kinds = JSON.parse(box.getAttribute("data-filter-kinds") || "[]"); } catch (e) { kinds = []; }
    var params = new URLSearchParams(window.location.search);
    var bar = document.createElement("form");
    bar.className = "register-filter__bar";
    bar.addEventListener("submit", function (e) { e.preventDefault(); });
    var selects = {};
    var count = document.createElement("output");
    kinds.forEach(function (pair) {
      var kind = pair[0], seen = {};
      values.forEach(function (v) { (v[kind] || []).forEach(function (x) { seen[x] = 1; }); });
      var wrap = document.createElement("label");
      wrap.textContent = pair[1] + " ";
      var select = document.createElement("select");
      select.name = kind;
      var all = document.createElement("option");
      all.value = ""; all.textContent = box.getAttribute("data-filter-all") || "";
      select.appendChild(all);
      Object.keys(seen).sort(function (a, b) { return a.localeCompare(b, "vi"); }).forEach(function (x) {
        var o = document.createElement("option"); o.value = x; o.textContent = x; select.appendChild(o);
      });
      if (params.get(kind) && seen[params.get(kind)]) select.value = params.get(kind);
      select.addEventListener("change", function () { apply(); remember(); });
      wrap.appendChild(select);
      bar.appendChild(wrap);
      selects[kind] = select;
    });
    count.setAttribute("aria-live", "polite");
    bar.appendChild(count);
    function apply() {
      var shown = 0;
      rows.forEach(function (row, i) {
        var show = kinds.every(function (pair) {
          var want = selects[pair[0]].value;
          return !want || (values[i][pair[0]] || []).indexOf(want) >= 0;
        });
        row.hidden = !show;
        if (show) shown++;
      });
      tables.forEach(function (table) {
        var any = Array.prototype.some.call(table.tBodies[0].rows, function (row) { return !row.hidden; });
        (table.closest(".md-typeset__scrollwrap") || table).hidden = !any;
      });
      count.textContent = shown + " / " + rows.length;
    }
    function remember() {
      var q = new URLSearchParams(window.location.search);
      kinds.forEach(function (pair) {
        if (selects[pair[0]].value) q.set(pair[0], selects[pair[0]].value); else q.delete(pair[0]);
      });
      var s = q.toString();
      history.replaceState(null, "", window.location.pathname + (s ? "?" + s : "") + window.location.hash);
    }
    box.insertBefore(bar, box.firstChild);
    apply();
  }
  function init() { document.querySelectorAll(".register-filter").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();

// A table wider than its column scrolls (Material makes the table itself a scroll box): a
// reader without a mouse must be able to reach it (WCAG 2.1.1; axe's scrollable-region-
// focusable). Whether it scrolls depends on the screen and on when the browser lays it out
// (register.css lays tables out only near the view), so every table of the text is focusable.
(function () {
  "use strict";
  function reachable() {
    document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
      if (!table.hasAttribute("tabindex")) table.setAttribute("tabindex", "0");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", reachable); else reachable();
})();
